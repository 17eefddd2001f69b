-- Nine-month CCHC report: 15/12 of the previous year to 14/9 (provincial practice [S]).
return {
  name = "cchc-9-thang",
  extends = "cchc-6-thang",
  description = "Báo cáo công tác cải cách hành chính 9 tháng",
  detect = {
    { "cải cách hành chính", "9 tháng" },
    { "cải cách hành chính", "chín tháng" },
    { "cchc", "9 tháng" },
  },
  options = {
    period = {
      kind = "9-thang",
      label = "9 tháng đầu năm",
      start = { day = 15, month = 12, year = -1 },
      ["end"] = { day = 14, month = 9, year = 0 },
      basis = "Thực tiễn của các tỉnh, theo cách tính kỳ của Nghị định 09/2019/NĐ-CP, Điều 12: từ ngày 15/12 năm trước đến ngày 14/9",
    },
    deadline = { day = 20, month = 9, year = 0 },
  },
}
