-- Page margins of Decree 30: top and bottom 20–25 mm, left 30–35 mm,
-- right 15–20 mm. One finding listing every margin out of its range
-- (.docx and .odt only: plain text has no page).
local vn = lib("vn")

local LIMITS = {
  { "top_mm", "trên", 20, 25 }, { "bottom_mm", "dưới", 20, 25 },
  { "left_mm", "trái", 30, 35 }, { "right_mm", "phải", 15, 20 },
}

local function mm(v) return (string.format("%.1f", v):gsub("%.0$", ""):gsub("%.", ",")) end

return {
  id = "format/margins",
  description = "Lề trang phải theo Nghị định 30: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I khoản 3: lề trên, lề dưới cách mép 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
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
    local bad = {}
    for _, l in ipairs(LIMITS) do
      local v = doc.page[l[1]]
      -- 0.3 mm: Word stores margins in twips (850 twips = 14,99 mm) and
      -- LibreOffice in hundredths of a millimetre or inches
      if v and (v < l[3] - 0.3 or v > l[4] + 0.3) then
        bad[#bad + 1] = string.format("lề %s %s mm (quy định %d–%d mm)", l[2], mm(v), l[3], l[4])
      end
    end
    if #bad > 0 then
      ctx.report{ message = "Lề trang không đúng quy định: " .. table.concat(bad, "; ") }
    end
  end,
}
