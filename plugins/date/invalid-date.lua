-- A date that does not exist in the calendar: 31/02/2023, 29/02/2023 (2023
-- is not a leap year), 31/4, month 13, day 0.
local dates = lib("dates")

local MONTH_NAMES = "tháng %d năm %d chỉ có %d ngày"

return {
  id = "date/invalid-date",
  description = "Ngày tháng không có thật trên lịch (31/02, 29/02 năm không nhuận, tháng 13…)",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm d và Phụ lục I, Mục II khoản 6 điểm b (thời gian ban hành và ngày của văn bản được dẫn phải ghi chính xác)",
  examples = {
    valid = {
      "Kế hoạch số 09/KH-UBND ngày 09/01/2023 của UBND xã về cải cách hành chính nhà nước xã Đình Cao năm 2023.",
      "Ngày 29/02/2024, UBND xã ban hành Kế hoạch số 21/KH-UBND về công tác tuyên truyền.",
      "Quyết định số 14/QĐ-UBND ngày 13 tháng 01 năm 2023 về việc ban hành Chương trình thực hành tiết kiệm.",
    },
    invalid = {
      "Kế hoạch số 23/KH-UBND ngày [[31/02/2023]] của UBND xã về công tác quản lý thi hành pháp luật.",
      "Ngày [[29/02/2023]], UBND xã ban hành Kế hoạch số 21/KH-UBND về công tác tuyên truyền.",
      "Quyết định số 14/QĐ-UBND [[ngày 13 tháng 13 năm 2023]] về việc ban hành Chương trình thực hành tiết kiệm.",
      "Từ ngày 15/12/2022 đến ngày [[31/6/2023]], HĐND-UBND xã không ban hành văn bản quy phạm pháp luật.",
    },
  },
  check = function(doc, ctx)
    for d in doc:facts("date") do
      if d.valid == false and d.day and d.month and d.year then
        local why
        if d.month < 1 or d.month > 12 then
          why = string.format("không có tháng %d", d.month)
        elseif d.day < 1 then
          why = "không có ngày 0"
        else
          local n = dates.days_in_month(d.month, d.year)
          why = string.format(MONTH_NAMES, d.month, d.year, n)
          if d.month == 2 and d.day == 29 then why = why .. " (không phải năm nhuận)" end
        end
        ctx.report{
          span = d,
          message = string.format("Ngày “%s” không có thật: %s", d.text, why),
        }
      end
    end
  end,
}
