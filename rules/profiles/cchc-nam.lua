-- Annual CCHC report: 15/12 of the previous year to 14/12.
return {
  name = "cchc-nam",
  extends = "cchc-6-thang",
  description = "Báo cáo công tác cải cách hành chính năm",
  detect = {
    { "cải cách hành chính", "năm 20", "!tháng", "!quý" },
    { "cải cách hành chính", "hằng năm" },
  },
  options = {
    period = {
      kind = "nam",
      label = "năm",
      start = { day = 15, month = 12, year = -1 },
      ["end"] = { day = 14, month = 12, year = 0 },
      basis = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2: báo cáo năm lấy số liệu từ ngày 15/12 năm trước đến ngày 14/12",
    },
    deadline = { day = 20, month = 12, year = 0 },
  },
}
