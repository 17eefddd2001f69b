-- A numbering marker is followed by one space: "2. Những tồn tại", "a) Kết quả".
return {
  id = "structure/marker-space",
  description = "Sau ký hiệu phần, mục, điểm (I., 1., a)) phải có một dấu cách",
  severity = "warning",
  fixable = true,
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 8 (cách trình bày phần, mục, khoản, điểm); quy tắc dấu cách sau dấu câu trong tiếng Việt",
  examples = {
    valid = { "2. Những tồn tại, hạn chế", "II. KẾT QUẢ THỰC HIỆN", "a) Kết quả tổ chức thi hành pháp luật" },
    invalid = {
      { text = "[[2.]]Những tồn tại, hạn chế" },
      { text = "[[III.]]ĐÁNH GIÁ CHUNG" },
    },
  },
  check = function(doc, ctx)
    for _, s in ipairs(doc.sections) do
      -- a wrong point marker ("a,") is reported by structure/point-marker
      if not s.space_after and (s.level ~= 3 or s.punct == ")") then
        ctx.report{
          span = s.marker_span,
          message = string.format('Thiếu dấu cách sau ký hiệu "%s"', s.marker),
          suggestion = s.marker .. " ",
        }
      end
    end
  end,
}
