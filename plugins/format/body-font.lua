-- The body text is in Times New Roman. Reported once per font found, with
-- how many paragraphs use it and where the first is.
local vn = lib("vn")

-- the first word of text[s..e] (a short span: the finding is about the
-- whole paragraph, the excerpt only shows where it starts)
local function first_word(text, p, s, e)
  s = text:find("%S", s) or s
  if s > e then s = e end
  local sp = text:find("%s", s)
  local last = sp and sp - 1 or e
  if last > e then last = e end
  return { p = p, s = s, e = math.max(s, last) }
end

return {
  id = "format/body-font",
  description = "Phông chữ của nội dung văn bản phải là Times New Roman",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I khoản 4: phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { file = "fixtures/docx/tnr-14-ok.docx" },
      { file = "fixtures/docx/decree30-clean.docx" },
    },
    invalid = {
      { file = "fixtures/docx/arial-11-10mm.docx", findings = 1 },
    },
  },
  check = function(doc, ctx)
    if not vn.has_layout(doc) then return end
    local fonts, order = {}, {}
    for _, p in ipairs(vn.body_paragraphs(doc)) do
      local seen = {}
      for r in vn.text_runs(p, 5) do
        local f = r.font
        if f and f ~= "" and not re.find(f, [[^\s*times\s+new\s+roman\s*$]], 1, "i") and not seen[f] then
          seen[f] = true
          if not fonts[f] then
            fonts[f] = { paras = {}, span = first_word(p.text, p.index, r.s, r.e) }
            order[#order + 1] = f
          end
          table.insert(fonts[f].paras, p.index)
        end
      end
    end
    for _, f in ipairs(order) do
      local info = fonts[f]
      ctx.report{
        span = info.span,
        message = string.format('Phông chữ "%s" ở %d đoạn (%s); nội dung văn bản phải dùng phông Times New Roman',
          f, #info.paras, vn.para_list(info.paras)),
      }
    end
  end,
}
