-- Figures "tính đến ngày X" with X after the data cut-off of the reporting
-- period (Decree 09/2019, Điều 12: 14/6 for a six-month report): the figure
-- does not belong to the period being reported. Targets are not figures: a
-- date in the "Phương hướng, nhiệm vụ" / "Kiến nghị" parts, after the report's
-- own date, or more than two months past the cut-off is left alone. A warning:
-- a district may ask for figures up to another date (the profile decides).
local dates = lib("dates")

local FUTURE_SECTIONS = { "phuong huong", "nhiem vu", "kien nghi", "de xuat", "ke hoach" }

-- "phấn đấu tính đến ngày …", "dự kiến đến …": a target, not a figure
local function target_words(doc, d)
  local text = doc.paragraphs[d.p].text
  local a = d.s
  while a > 1 do
    local c = text:sub(a - 1, a - 1)
    if c == "." or c == ";" then break end
    a = a - 1
  end
  local before = re.fold(text:sub(a, d.s - 1))
  for _, w in ipairs({ "phan dau", "chi tieu", "muc tieu", "du kien", "du bao", "uoc" }) do
    if re.find(before, "\\b" .. w .. "\\b") then return true end
  end
  return false
end

local function in_future_section(doc, p)
  local s = doc:section_of(p)
  local guard = 0
  while s and guard < 10 do
    local t = re.fold(s.title or "")
    if not t:find("ket qua", 1, true) then
      for _, w in ipairs(FUTURE_SECTIONS) do
        if t:find(w, 1, true) then return true end
      end
    end
    local parent = s.parent
    if type(parent) == "number" then parent = doc.sections[parent] end
    s = parent
    guard = guard + 1
  end
  return false
end

return {
  id = "date/as-of-after-cutoff",
  description = "Số liệu “tính đến ngày” sau ngày chốt số liệu của kỳ báo cáo",
  severity = "warning",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2: thời gian chốt số liệu báo cáo định kỳ (6 tháng: đến ngày 14/6; quý: đến ngày 14 của tháng cuối quý; năm: đến ngày 14/12); hồ sơ cấu hình có thể quy định khác",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nKhối lượng giải ngân đầu tư công 6 tháng đầu năm số liệu tính đến ngày 14/6/2023 là: 2.822.033.624 đồng.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023\nPhấn đấu tính đến ngày 30/6/2023 hoàn thành số hóa 100% hồ sơ còn hiệu lực.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nPhấn đấu tính đến ngày 31/12/2023 có 100% hồ sơ được giải quyết đúng hạn.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nTính đến ngày 31/12/2022, xã có 129 thủ tục hành chính thuộc thẩm quyền giải quyết.",
    },
    invalid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nKhối lượng giải ngân đầu tư công 6 tháng đầu năm số liệu tính đến ngày [[15/6/2023]] là: 2.822.033.624 đồng ( Đạt 10,62% dự toán giao đầu năm)",
      { text = "Báo cáo công tác cải cách hành chính quý I năm 2023\nTính đến ngày [[20/3/2023]], Bộ phận một cửa đã tiếp nhận 305 hồ sơ.",
        profile = "cchc-quy" },
    },
  },
  check = function(doc, ctx)
    local es, ee, label = dates.expected_period(doc, ctx.options)
    if not es then return end
    local r = doc:fact("report")
    local rd = r and r.report_date and r.report_date.valid and dates.of_fact(r.report_date)
    local basis = "Nghị định 09/2019/NĐ-CP, Điều 12"
    if ctx.options.period.basis and not ctx.options.period.basis:find("^Nghị định 09/2019") then
      basis = "hồ sơ " .. ctx.profile
    end
    for d in doc:facts("date") do
      if d.role == "as_of" and d.valid and d.cue and re.fold(d.cue):find("^tinh") then
        local x = dates.of_fact(d)
        local late = dates.compare(x, ee)
        local bounded
        if rd then bounded = dates.compare(x, rd) <= 0 else bounded = late <= 62 end
        if late > 0 and bounded and not in_future_section(doc, d.p)
          and not target_words(doc, d) then
          ctx.report{
            span = d,
            message = string.format("Số liệu tính đến ngày %s, sau ngày chốt số liệu %s của kỳ báo cáo %s (%s)",
              d.text, dates.format_short(ee), label, basis),
            suggestion = dates.format_as(ee, d.form),
          }
        end
      end
    end
  end,
}
