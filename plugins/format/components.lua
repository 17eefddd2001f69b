-- The sizes and styles Decree 30 sets for the parts of the header, the
-- signature and the recipients block (Phụ lục I, Mục II): Quốc hiệu 12–13
-- pt bold upper case; Tiêu ngữ 13–14 pt bold; agency names 12–13 pt upper
-- case (the issuing body bold); "Số:" 13 pt; the place and date 13–14 pt
-- italic; the type name 13–14 pt bold; the trích yếu bold; the signature
-- 13–14 pt bold; "Nơi nhận:" 12 pt bold italic; the recipient lines 11 pt.
-- One finding per part (the recipient lines together), listing what
-- differs. .docx and .odt only: plain text carries no formatting.
local vn = lib("vn")

local function pt(v) return (string.format("%.1f", v):gsub("%.0$", ""):gsub("%.", ",")) end

-- summary of the runs with letters: distinct sizes, all bold?, all italic?
local function style_of(p)
  local sizes, seen, bold, italic, any = {}, {}, true, true, false
  for r in vn.text_runs(p) do
    any = true
    local sz = tonumber(r.size)
    if sz and not seen[sz] then
      seen[sz] = true
      sizes[#sizes + 1] = sz
    end
    if not r.bold then bold = false end
    if not r.italic then italic = false end
  end
  if not any then return nil end
  return { sizes = sizes, bold = bold, italic = italic }
end

-- "cỡ chữ 14 pt" for the first size outside [lo, hi], or nil
local function size_problem(st, lo, hi)
  for _, s in ipairs(st.sizes) do
    if s < lo - 0.01 or s > hi + 0.01 then return string.format("cỡ chữ %s pt", pt(s)) end
  end
  return nil
end

local PARTS = {
  { key = "national_title", name = "Quốc hiệu", size = { 12, 13 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 12–13, đứng, đậm" },
  { key = "motto", name = "Tiêu ngữ", size = { 13, 14 }, bold = true,
    rule = "chữ in thường, cỡ 13–14, đứng, đậm" },
  { key = "agency_parent", name = "Tên cơ quan chủ quản", size = { 12, 13 }, upper = true,
    rule = "chữ in hoa, cỡ 12–13, đứng" },
  { key = "agency_head", name = "Tên cơ quan ban hành", size = { 12, 13 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 12–13, đứng, đậm" },
  { key = "agency", name = "Tên cơ quan ban hành", size = { 12, 13 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 12–13, đứng, đậm" },
  { key = "number", name = "Số, ký hiệu", size = { 13, 13 }, rule = "cỡ 13, đứng" },
  { key = "place_date", name = "Địa danh và thời gian ban hành", size = { 13, 14 }, italic = true,
    rule = "chữ in thường, cỡ 13–14, nghiêng" },
  { key = "doc_type", name = "Tên loại văn bản", size = { 13, 14 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 13–14, đứng, đậm" },
  { key = "summary", name = "Trích yếu nội dung", size = { 13, 14 }, bold = true,
    rule = "chữ in thường, cỡ 14, đứng, đậm" },
  { key = "sig_authority", name = "Quyền hạn của người ký", size = { 13, 14 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 13–14, đứng, đậm" },
  { key = "sig_title", name = "Chức vụ của người ký", size = { 13, 14 }, bold = true, upper = true,
    rule = "chữ in hoa, cỡ 13–14, đứng, đậm" },
  { key = "sig_name", name = "Họ tên người ký", size = { 13, 14 }, bold = true,
    rule = "chữ in thường, cỡ 13–14, đứng, đậm" },
  { key = "recipients", name = "Từ “Nơi nhận:”", size = { 12, 12 }, bold = true, italic = true,
    rule = "chữ in thường, cỡ 12, nghiêng, đậm" },
}

local function problems(p, st, want)
  local bad = {}
  local sp = want.size and size_problem(st, want.size[1], want.size[2])
  if sp then bad[#bad + 1] = sp end
  if want.bold and not st.bold then bad[#bad + 1] = "chưa in đậm" end
  if want.italic and not st.italic then bad[#bad + 1] = "chưa in nghiêng" end
  if want.upper and re.upper(p.text) ~= p.text then bad[#bad + 1] = "chưa viết in hoa" end
  return bad
end

local function span_of(p)
  local s = re.find(p.text, [[\S]]) or 1
  local e = #p.text
  while e > s and p.text:sub(e, e):match("%s") do e = e - 1 end
  return { p = p.index, s = s, e = math.max(s, e) }
end

return {
  id = "format/components",
  description = "Cỡ chữ, kiểu chữ của Quốc hiệu, Tiêu ngữ, tên cơ quan, số ký hiệu, địa danh và ngày tháng, tên loại, trích yếu, chữ ký, “Nơi nhận:” và danh sách nơi nhận",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 1–5, 7 và 9: Quốc hiệu in hoa cỡ 12–13 đứng, đậm; Tiêu ngữ cỡ 13–14 đứng, đậm; tên cơ quan in hoa cỡ 12–13 (cơ quan ban hành đậm); số, ký hiệu cỡ 13; địa danh và thời gian cỡ 13–14 nghiêng; tên loại in hoa cỡ 13–14 đậm; trích yếu cỡ 14 đậm; chức vụ, họ tên người ký cỡ 13–14 đậm; “Nơi nhận:” cỡ 12 nghiêng, đậm; tên cơ quan nhận cỡ 11 đứng",
  examples = {
    valid = {
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
      "Nơi nhận:\n- Phòng Nội vụ huyện Phù Cừ;\n- Lưu: VT, VP.",
      { file = "fixtures/docx/decree30-clean.docx" },
      { file = "fixtures/odt/decree30-clean.odt" },
    },
    invalid = {
      -- Quốc hiệu 14 pt not bold, Tiêu ngữ not bold, date upright, "Nơi nhận:"
      -- 14 pt upright, recipient lines 13 pt
      { file = "fixtures/docx/bad-components.docx", findings = 5 },
    },
  },
  check = function(doc, ctx)
    if not vn.has_layout(doc) then return end
    local b = doc.blocks or {}
    for _, want in ipairs(PARTS) do
      local pi = b[want.key]
      -- without a type name above it, the "summary" is only a title line
      if want.key == "summary" and (not b.doc_type or b.doc_type == pi) then pi = nil end
      local p = pi and doc.paragraphs[pi]
      local st = p and style_of(p)
      if st then
        local bad = problems(p, st, want)
        if #bad > 0 then
          ctx.report{
            span = span_of(p),
            message = string.format("%s: %s; quy định %s", want.name, table.concat(bad, ", "), want.rule),
          }
        end
      end
    end
    -- the recipient lines: one finding for all of them
    if b.recipients and b.recipients_end and b.recipients_end > b.recipients then
      local wrong, first, firstbad = {}, nil, nil
      for i = b.recipients + 1, b.recipients_end do
        local p = doc.paragraphs[i]
        local st = p and style_of(p)
        local sp = st and size_problem(st, 11, 11)
        if sp then
          wrong[#wrong + 1] = i
          if not first then first, firstbad = i, sp end
        end
      end
      if first then
        ctx.report{
          span = span_of(doc.paragraphs[first]),
          message = string.format("Danh sách nơi nhận: %s ở %d dòng (%s); quy định chữ in thường, cỡ 11, đứng",
            firstbad, #wrong, vn.para_list(wrong)),
        }
      end
    end
  end,
}
