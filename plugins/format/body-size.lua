-- The body text is 13 to 14 pt. Reported once per size found outside the
-- range, with how many paragraphs use it and where the first is.
local vn = lib("vn")

local spans = lib("spans")

local function pt(v)
  return (string.format("%.1f", v):gsub("%.0$", ""):gsub("%.", ","))
end

return {
  id = "format/body-size",
  description = "Cỡ chữ của nội dung văn bản phải từ 13 đến 14",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I khoản 5 và Mục II khoản 6: phần nội dung văn bản trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14",
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
        local sz = tonumber(r.size)
        if sz and (sz < 12.99 or sz > 14.01) then return pt(sz) end
      end)
    for _, g in ipairs(groups) do
      ctx.report{
        span = g.span,
        message = string.format("Cỡ chữ %s pt ở %d đoạn (%s); nội dung văn bản phải có cỡ chữ từ 13 đến 14",
          g.key, #g.paras, vn.para_list(g.paras)),
      }
    end
  end,
}
