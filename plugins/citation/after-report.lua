-- A cited document dated after the report itself: the report cannot cite
-- what did not exist when it was signed, so the date (or the year) is
-- mistyped. The report's date is the place-date line; without one, the
-- latest of the data cut-off ("tính đến ngày"), the end of the stated
-- period and the submission deadline is taken as the latest possible date.
local cit = lib("citations")
local dates = lib("dates")

return {
  id = "citation/after-report",
  description = "Văn bản được dẫn có ngày ban hành sau ngày của báo cáo",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (dẫn đúng ngày, tháng, năm ban hành của văn bản); văn bản chưa ban hành thì không thể được dẫn",
  examples = {
    valid = {
      "Đình Cao, ngày 16 tháng 6 năm 2023\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nNgày 24/3/2023, UBND xã ban hành Kế hoạch số 40/KH-UBND về chuyển đổi số; Kế hoạch số 52/KH-UBND ngày 15/6/2023 về tuyên truyền.",
      "Tính từ ngày 15/12/2022 đến ngày 14/6/2023, UBND xã tiếp nhận 1.395 hồ sơ.\nUBND xã ban hành Kế hoạch số 40/KH-UBND ngày 24/3/2023 về chuyển đổi số.",
      "UBND xã ban hành Kế hoạch số 40/KH-UBND ngày 24/3/2024 về chuyển đổi số.",
    },
    invalid = {
      { text = "Đình Cao, ngày 16 tháng 6 năm 2023\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nUBND xã ban hành [[Kế hoạch số 40/KH-UBND ngày 24/3/2024]] về chuyển đổi số." },
      { text = "Tính từ ngày 15/12/2022 đến ngày 14/6/2023, UBND xã tiếp nhận 1.395 hồ sơ.\nUBND xã ban hành [[Kế hoạch số 40/KH-UBND ngày 24/8/2023]] về chuyển đổi số.",
        profile = "cchc-6-thang" },
    },
  },
  check = function(doc, ctx)
    local ref, kind = cit.reference_date(doc, ctx)
    if not ref then return end
    for c in doc:facts("citation") do
      local d = cit.date(c)
      if d and c.date and dates.compare(d, ref) > 0 then
        local span = cit.head_span(c)
        if c.date.p == c.p and c.date.e > span.e then span.e = c.date.e end
        local msg
        if kind == "report" then
          msg = string.format("%s ghi ngày ban hành %s, sau ngày của chính báo cáo (%s): kiểm tra lại ngày hoặc năm",
            cit.label(c), dates.format(d), dates.format(ref))
        else
          msg = string.format("%s ghi ngày ban hành %s, sau thời điểm muộn nhất của báo cáo (%s: ngày chốt số liệu, hết kỳ báo cáo hoặc hạn nộp): kiểm tra lại ngày hoặc năm",
            cit.label(c), dates.format(d), dates.format(ref))
        end
        ctx.report{ span = span, message = msg }
      end
    end
  end,
}
