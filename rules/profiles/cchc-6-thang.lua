-- Six-month administrative-reform (CCHC) report of a commune.
-- Period: Decree 09/2019/NĐ-CP, Điều 12: 15/12 of the previous year to 14/6.
-- Deadline and recipients are practice [U]: a district or province profile
-- extends this one and overrides them.
return {
  name = "cchc-6-thang",
  extends = "bao-cao",
  description = "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm",
  detect = {
    { "cải cách hành chính", "6 tháng" },
    { "cải cách hành chính", "sáu tháng" },
    { "cchc", "6 tháng" },
  },
  options = {
    report_type = "cchc",
    period = {
      kind = "6-thang",
      label = "6 tháng đầu năm",
      start = { day = 15, month = 12, year = -1 },
      ["end"] = { day = 14, month = 6, year = 0 },
      basis = "Nghị định 09/2019/NĐ-CP, Điều 12 khoản 2: báo cáo 6 tháng lấy số liệu từ ngày 15/12 năm trước đến ngày 14/6",
    },
    -- submission deadline for the commune's report [U: set by the district/province]
    deadline = { day = 20, month = 6, year = 0 },
    outline = {
      { id = "chi-dao", level = 1, title = "Công tác chỉ đạo, điều hành cải cách hành chính",
        match = { "chi dao", "dieu hanh" } },
      { id = "ket-qua", level = 1, title = "Kết quả thực hiện cải cách hành chính",
        match = { "ket qua thuc hien" },
        items = {
          { id = "the-che", title = "Cải cách thể chế", match = { "the che" } },
          { id = "tthc", title = "Cải cách thủ tục hành chính", match = { "thu tuc hanh chinh" } },
          { id = "bo-may", title = "Cải cách tổ chức bộ máy", match = { "bo may" } },
          { id = "cong-vu", title = "Cải cách chế độ công vụ", match = { "cong vu" } },
          { id = "tai-chinh", title = "Cải cách tài chính công", match = { "tai chinh" } },
          { id = "chinh-quyen-so", title = "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
            match = { "chinh quyen dien tu", "chinh quyen so", "chinh phu dien tu", "chuyen doi so" } },
        } },
      { id = "danh-gia", level = 1, title = "Đánh giá chung", match = { "danh gia" } },
      { id = "phuong-huong", level = 1, title = "Phương hướng, nhiệm vụ kỳ tới",
        match = { "phuong huong", "nhiem vu" } },
      { id = "kien-nghi", level = 1, title = "Kiến nghị, đề xuất", match = { "kien nghi", "de xuat" },
        optional = true },
    },
  },
}
