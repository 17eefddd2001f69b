-- The received date of a submission in the reviewer's manifest (--manifest)
-- must be a date: without one, whether the report came on time cannot be
-- told (deadline/late-submission then says nothing, and the bulk summary
-- shows "chưa rõ" rather than on time or late).
local dates = lib("dates")

return {
  id = "deadline/received-date",
  description = "Ngày nhận ghi trong danh sách nộp báo cáo phải là một ngày hợp lệ",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 (thời hạn gửi báo cáo): cần ngày nhận để xét báo cáo có đúng hạn hay không",
  examples = {
    valid = {
      "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "19/06/2023" } },
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "2023-06-19" } },
      -- with the time of day a mail or document system exports, or written out
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "19/6/2023 14:30" } },
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "2023-06-19T14:30:05+07:00" } },
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "14:30 19/06/2023" } },
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "ngày 19 tháng 6 năm 2023" } },
    },
    invalid = {
      -- a finding about the whole submission sits at the start of the document
      { text = "[[]]Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "hôm qua" } },
      { text = "[[]]Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "31/02/2023" } },
      { text = "[[]]Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "19/6/2023 giờ hành chính" } },
    },
  },
  check = function(doc, ctx)
    local sub = ctx.submission
    if not sub or not sub.received then return end
    if not dates.parse(sub.received) then
      ctx.report{
        message = string.format("Ngày nhận “%s” trong danh sách nộp báo cáo không phải ngày hợp lệ (dd/mm/yyyy, có thể kèm giờ): "
          .. "không xét được báo cáo có đúng hạn hay không", sub.received),
      }
    end
  end,
}
