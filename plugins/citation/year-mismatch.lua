-- A legal normative document carries its year in its number
-- ("61/2018/NĐ-CP"); that year is the year it was issued, so the date cited
-- with it must fall in the same year: "61/2018/NĐ-CP ngày 23/4/2019" is wrong.
local cit = lib("citations")

return {
  id = "citation/year-mismatch",
  description = "Năm trong số văn bản khác năm của ngày ban hành được dẫn",
  severity = "error",
  basis = "Luật Ban hành văn bản quy phạm pháp luật năm 2015, Điều 8 khoản 3 (số, ký hiệu văn bản quy phạm pháp luật gồm số thứ tự, năm ban hành, tên viết tắt loại văn bản và cơ quan ban hành); Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b",
  examples = {
    valid = {
      "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông.",
      "Căn cứ Thông tư số 01/2023/TT-VPCP ngày 05 tháng 4 năm 2023 của Văn phòng Chính phủ.",
      "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể cải cách hành chính nhà nước.",
    },
    invalid = {
      { text = "Thực hiện Nghị định số [[61/2018/NĐ-CP ngày 23/4/2019]] của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      local d = cit.date(c)
      if c.year and d and c.date and c.year ~= d.year then
        local span = cit.ref_span(c)
        -- one span from the number to the date when both are in this paragraph
        if c.date.p == c.p and c.date.e > span.e then span.e = c.date.e end
        ctx.report{ span = span,
          message = string.format("Số %s mang năm %d nhưng ngày ban hành ghi %s (năm %d): năm trong số phải là năm ban hành; kiểm tra lại số hoặc ngày",
            c.ref_norm, c.year, cit.dmy(c.date_iso), d.year) }
      end
    end
  end,
}
