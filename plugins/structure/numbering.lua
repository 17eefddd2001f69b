-- Parts (I., II.), items (1., 2.) and points (a), b)) follow each other in
-- order inside their parent, without duplicates or gaps. Points use the
-- Vietnamese alphabet a b c d đ e g h i k l m n o p q r s t u v x y.
local LETTERS = { "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q",
                  "r", "s", "t", "u", "v", "x", "y" }
local ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
                "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX" }
local KIND = { "phần", "mục", "điểm" }

-- "điểm" -> "Điểm" (string.upper is ASCII only)
local function cap(s)
  local first = s:match("^[%z\1-\127\194-\244][\128-\191]*")
  return re.upper(first) .. s:sub(#first + 1)
end

local function label_of(level, ordinal)
  if level == 1 then return ROMAN[ordinal] or tostring(ordinal) end
  if level == 3 then return LETTERS[ordinal] or "?" end
  return tostring(ordinal)
end

local function where(doc, s)
  if not s then return "đầu văn bản" end
  return string.format('%s "%s" (dòng %d)', KIND[s.level], s.marker, doc.paragraphs[s.p].line)
end

-- " trong <parent section>" for a message (built only when one is reported)
local function within(doc, s)
  local parent = s.parent and doc.sections[s.parent] or nil
  return parent and (" trong " .. where(doc, parent)) or ""
end

return {
  id = "structure/numbering",
  description = "Số thứ tự phần (I, II), mục (1, 2), điểm (a, b) phải liên tục, không trùng, không bỏ sót",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 8: phần, mục đánh số La Mã, Ả Rập; điểm dùng chữ cái tiếng Việt theo thứ tự a, b, c, d, đ, e, g…",
  examples = {
    valid = {
      -- a table of contents repeats the headings: no section is taken from it
      { file = "fixtures/docx/toc.docx" },
      { file = "fixtures/docx/toc-sdt.docx" },
      { file = "fixtures/odt/toc.odt" },
      "1. Cải cách thể chế\na) Kết quả tham mưu\nb) Kết quả thi hành pháp luật\nc) Kết quả kiểm tra\nd) Kết quả rà soát\nđ) Kết quả hệ thống hóa\ne) Kết quả khác",
      "I. CÔNG TÁC CHỈ ĐẠO\n1. Về kế hoạch\n2. Về tuyên truyền\nII. KẾT QUẢ THỰC HIỆN\n1. Cải cách thể chế",
    },
    invalid = {
      { text = "1. Cải cách thể chế\na) Kết quả tham mưu\n[[a)]] Kết quả tổ chức thi hành pháp luật\nb) Kết quả tuyên truyền" },
      { text = "1. Cải cách thể chế\na) Kết quả tham mưu\nb) Kết quả tuyên truyền\n[[d)]] Kết quả kiểm tra" },
      { text = "I. CÔNG TÁC CHỈ ĐẠO\n[[III.]] ĐÁNH GIÁ CHUNG" },
      { text = "1. Cải cách thể chế\na) Kết quả\nb) Kết quả khác\n[[f)]] Kết quả khác" },
    },
  },
  check = function(doc, ctx)
    -- siblings: sections with the same parent and level, in document order
    local groups, order = {}, {}
    for _, s in ipairs(doc.sections) do
      local key = (s.parent or 0) .. ":" .. s.level
      if not groups[key] then groups[key] = {}; order[#order + 1] = key end
      local g = groups[key]
      g[#g + 1] = s
    end
    for _, key in ipairs(order) do
      local prev, seen = nil, {}
      for _, s in ipairs(groups[key]) do
        if s.ordinal == 0 then
          ctx.report{
            span = s.marker_span,
            message = string.format('Ký hiệu "%s" không thuộc bảng chữ cái tiếng Việt (không dùng f, j, w, z)', s.label),
          }
        elseif seen[s.ordinal] then
          ctx.report{
            span = s.marker_span,
            message = string.format('%s "%s" bị trùng%s: đã có ở dòng %d', cap(KIND[s.level]),
              s.label, within(doc, s), doc.paragraphs[seen[s.ordinal].p].line),
            suggestion = prev and label_of(s.level, prev.ordinal + 1) or nil,
          }
        else
          local want = prev and prev.ordinal + 1 or 1
          if s.ordinal > want then
            local missing = {}
            for k = want, s.ordinal - 1 do missing[#missing + 1] = '"' .. label_of(s.level, k) .. '"' end
            ctx.report{
              span = s.marker_span,
              message = string.format('Thiếu %s %s trước %s "%s"%s', KIND[s.level], table.concat(missing, ", "),
                KIND[s.level], s.label, within(doc, s)),
              suggestion = label_of(s.level, want),
            }
          elseif s.ordinal < want then
            ctx.report{
              span = s.marker_span,
              message = string.format('%s "%s" đứng sau "%s": thứ tự không đúng%s', cap(KIND[s.level]),
                s.label, prev.label, within(doc, s)),
              suggestion = label_of(s.level, want),
            }
          end
          seen[s.ordinal] = s
        end
        if s.ordinal > 0 then prev = s end
      end
    end
  end,
}
