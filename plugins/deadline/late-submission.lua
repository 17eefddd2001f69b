-- A submission received after the deadline of its reporting regime: the
-- received date comes from the reviewer's manifest (--manifest), the
-- deadline from --deadline or from the profile (options.deadline).
local dates = lib("dates")

return {
  id = "deadline/late-submission",
  description = "Báo cáo được nhận sau hạn nộp của kỳ báo cáo",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 (thời gian chốt số liệu và thời hạn gửi báo cáo do cơ quan yêu cầu báo cáo quy định); hạn nộp cụ thể theo hồ sơ cấu hình hoặc --deadline",
  examples = {
    valid = {
      "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "19/06/2023" } },
      { text = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "26/06/2023" }, deadline = "30/06/2023" },
    },
    invalid = {
      -- a finding about the whole submission sits at the start of the document
      { text = "[[]]Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "25/06/2023" } },
      { text = "[[]]Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        submission = { received = "19/06/2023" }, deadline = "15/06/2023" },
    },
  },
  check = function(doc, ctx)
    local sub = ctx.submission
    if not sub or not sub.received then return end
    local received = dates.parse(sub.received)
    -- a received date that is not a date: deadline/received-date says so
    if not received then return end
    local deadline = ctx.deadline and dates.parse(ctx.deadline)
    local source = "--deadline"
    if not deadline then
      local year = dates.report_year(doc) or received.year
      deadline = dates.resolve(ctx.options.deadline, year)
      source = "hồ sơ " .. ctx.profile
    end
    if not deadline then return end
    local late = dates.compare(received, deadline)
    if late > 0 then
      ctx.report{
        message = string.format("Báo cáo nhận ngày %s, sau hạn nộp %s (%s): trễ %d ngày", dates.format(received),
          dates.format(deadline), source, late),
      }
    end
  end,
}
