-- The body text is in Times New Roman. Reported once per font found, with
-- how many paragraphs use it and where the first is.
local vn = lib("vn")

local spans = lib("spans")

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
    local groups = spans.group_runs(doc, vn.body_paragraphs(doc), function(p) return vn.text_runs(p, 5) end,
      function(r)
        local f = r.font
        if f and f ~= "" and not re.find(f, [[^\s*times\s+new\s+roman\s*$]], 1, "i") then return f end
      end)
    for _, g in ipairs(groups) do
      ctx.report{
        span = g.span,
        message = string.format('Phông chữ "%s" ở %d đoạn (%s); nội dung văn bản phải dùng phông Times New Roman',
          g.key, #g.paras, vn.para_list(g.paras)),
      }
    end
  end,
}
