-- Quarterly CCHC report. Period (Decree 09/2019, Điều 12): from the 15th of
-- the month before the quarter to the 14th of its last month.
return {
  name = "cchc-quy",
  extends = "cchc-6-thang",
  description = "Báo cáo công tác cải cách hành chính hằng quý",
  detect = {
    { "cải cách hành chính", "quý" },
    { "cchc", "quý" },
  },
  options = {
    period = {
      kind = "quy",
      label = "quý",
      -- resolved per quarter by the date rules: start 15 of (first month - 1), end 14 of last month
      quarter = true,
      basis = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2: báo cáo quý lấy số liệu từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý",
    },
    deadline = false,
    -- submission deadline of a quarterly report: day 20 of the quarter's last
    -- month [U: set by the district/province]; read by lib/dates deadline()
    deadline_quarter = { day = 20 },
  },
}
