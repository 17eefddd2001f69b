-- The reporting period stated in the text ("Từ ngày 15/12/2022 đến ngày
-- 11/6/2023") against the period of the profile (Decree 09/2019, Điều 12:
-- six-month 15/12 of the previous year → 14/6; quarterly 15th of the month
-- before the quarter → 14th of its last month; 9-month → 14/9; annual → 14/12).
-- A range is taken as a statement of the reporting period only when both ends
-- lie near the expected ones (a quarter of the period, at most 45 days), so a
-- campaign "từ ngày 01/3 đến ngày 15/3" is left alone. A warning: a district
-- may ask for an earlier cut-off, and the profile is where that is said.
local dates = lib("dates")

return {
  id = "date/reporting-period",
  description = "Kỳ số liệu nêu trong báo cáo phải khớp kỳ báo cáo của hồ sơ (Nghị định 09/2019/NĐ-CP, Điều 12)",
  severity = "warning",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2: thời gian chốt số liệu báo cáo định kỳ (6 tháng: từ ngày 15/12 năm trước đến ngày 14/6; quý: từ ngày 15 của tháng trước kỳ đến ngày 14 của tháng cuối quý; năm: từ ngày 15/12 năm trước đến ngày 14/12); hồ sơ cấu hình có thể quy định khác",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nTừ ngày 15/12/2022 đến ngày 14/6/2023, HĐND-UBND xã không ban hành văn bản quy phạm pháp luật.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nTừ ngày 01/3/2023 đến ngày 15/3/2023, UBND xã tổ chức đợt cao điểm tuyên truyền cải cách hành chính.",
      { text = "Báo cáo công tác cải cách hành chính quý II năm 2023\nTừ ngày 15/3/2023 đến ngày 14/6/2023, Bộ phận một cửa tiếp nhận 312 hồ sơ.",
        profile = "cchc-quy" },
      { text = "Báo cáo công tác cải cách hành chính năm 2023\nTính từ ngày 15/12/2022 đến ngày 14/12/2023, Bộ phận một cửa tiếp nhận 2.812 hồ sơ.",
        profile = "cchc-nam" },
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nKế hoạch số 12/KH-UBND ngày 02/01/2023 về tuyên truyền từ ngày 01/01/2023 đến ngày 30/6/2023.",
    },
    invalid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nTừ ngày 15/12/2022 đến ngày [[11/6/2023]], HĐND-UBND xã không ban hành văn bản quy phạm pháp luật.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nTừ ngày [[01/01/2023]] đến ngày [[30/6/2023]], Bộ phận một cửa tiếp nhận 1.395 hồ sơ.",
      { text = "Báo cáo công tác cải cách hành chính quý II năm 2023\nTừ ngày [[01/4/2023]] đến ngày 14/6/2023, Bộ phận một cửa tiếp nhận 312 hồ sơ.",
        profile = "cchc-quy" },
    },
  },
  check = function(doc, ctx)
    local es, ee, label = dates.expected_period(doc, ctx.options)
    if not es then return end
    local len = dates.compare(ee, es)
    local near = math.max(10, math.min(45, len // 4))
    local basis = "Nghị định 09/2019/NĐ-CP, Điều 12"
    if ctx.options.period.basis and not ctx.options.period.basis:find("^Nghị định 09/2019") then
      basis = "hồ sơ " .. ctx.profile
    end
    for r in doc:facts("period") do
      if r.period == "range" and not r.in_citation and r.start and r["end"] and r.start.valid and r["end"].valid then
        local s, e = dates.of_fact(r.start), dates.of_fact(r["end"])
        local ds, de = dates.compare(s, es), dates.compare(e, ee)
        if math.abs(ds) <= near and math.abs(de) <= near then
          if ds ~= 0 then
            ctx.report{
              span = r.start,
              message = string.format("Kỳ báo cáo %s bắt đầu từ ngày %s (%s), văn bản ghi từ ngày %s", label,
                dates.format_short(es), basis, r.start.text),
              suggestion = dates.format_as(es, r.start.form),
            }
          end
          if de ~= 0 then
            ctx.report{
              span = r["end"],
              message = string.format("Kỳ báo cáo %s kết thúc ngày %s (%s), văn bản ghi đến ngày %s", label,
                dates.format_short(ee), basis, r["end"].text),
              suggestion = dates.format_as(ee, r["end"].form),
            }
          end
        end
      end
    end
  end,
}
