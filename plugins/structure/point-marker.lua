-- Points inside an item are written "a)", "b)", ... (Decree 30/2020, Phụ lục I).
-- The model keeps the markers people actually type ("a," "a." "a-") so that
-- this rule can flag them.
return {
  id = "structure/point-marker",
  description = "Ký hiệu điểm trong mục phải là chữ cái thường kèm dấu ngoặc đơn: a), b), c)…",
  severity = "error",
  fixable = true,
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 8: các điểm trong khoản, mục được ký hiệu bằng chữ cái tiếng Việt theo thứ tự, kèm dấu đóng ngoặc đơn",
  examples = {
    valid = {
      "a) Kết quả tham mưu, xây dựng và ban hành văn bản quy phạm pháp luật",
      "b) Công tác quản lý, sử dụng tài sản công",
    },
    invalid = {
      { text = "[[a,]]Kết quả tham mưu, xây dựng và ban hành văn bản quy phạm pháp luật" },
      { text = "[[b.]] Thực hiện các thủ tục hành chính trên các lĩnh vực" },
      { text = "[[đ-]] Kết quả rà soát văn bản" },
    },
  },
  check = function(doc, ctx)
    for _, s in ipairs(doc.sections) do
      if s.level == 3 and s.punct ~= ")" then
        ctx.report{
          span = s.marker_span,
          message = string.format('Ký hiệu điểm phải là "%s)", văn bản ghi "%s"', s.label, s.marker),
          suggestion = s.label .. (s.space_after and ")" or ") "),
        }
      end
    end
  end,
}
