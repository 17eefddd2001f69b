-- The report's own date (the place-date line) after the submission deadline of
-- its reporting regime: --deadline, else the profile's options.deadline for
-- the report's year. A report signed after the deadline cannot arrive on time.
local dates = lib("dates")

return {
  id = "deadline/report-date",
  description = "Ngày ban hành báo cáo (dòng địa danh, ngày tháng) sau hạn gửi báo cáo",
  severity = "warning",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 và Điều 8 (thời hạn gửi báo cáo do cơ quan yêu cầu báo cáo quy định); hạn cụ thể theo hồ sơ cấu hình hoặc --deadline",
  examples = {
    valid = {
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 16 tháng 6 năm 2023\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 23 tháng 6 năm 2023\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        deadline = "25/06/2023" },
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 31/BC-UBND\nĐình Cao, ngày 17 tháng 3 năm 2023\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2023",
        profile = "cchc-quy" },
    },
    invalid = {
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 31/BC-UBND\nĐình Cao, [[ngày 24 tháng 3 năm 2023]]\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2023",
        profile = "cchc-quy" },
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, [[ngày 26 tháng 6 năm 2023]]\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, [[ngày 16 tháng 6 năm 2023]]\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
        deadline = "15/06/2023" },
    },
  },
  check = function(doc, ctx)
    local r = doc:fact("report")
    local d = r and r.report_date
    if not d or not d.valid then return end
    local signed = dates.of_fact(d)
    local deadline = ctx.deadline and dates.parse(ctx.deadline)
    local source = "--deadline"
    if not deadline then
      deadline = dates.deadline(ctx.options, r.year or signed.year, r.quarter)
      source = "hồ sơ " .. ctx.profile
    end
    if not deadline then return end
    local late = dates.compare(signed, deadline)
    if late > 0 then
      ctx.report{
        span = d,
        message = string.format("Báo cáo đề ngày %s, sau hạn gửi báo cáo %s (%s): muộn %d ngày",
          dates.format(signed), dates.format(deadline), source, late),
      }
    end
  end,
}
