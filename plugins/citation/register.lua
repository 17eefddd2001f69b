-- With the commune's document register given as data (--data so.csv or
-- .xlsx: columns so_ky_hieu, ngay, trich_yeu, co_quan_ban_hanh, or the
-- headings "Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành"), every
-- document the report says the commune issued must be in it, with the same
-- date. Only years the register covers are checked; rows of other bodies
-- (a "Cơ quan ban hành" that is not the reporting body) are ignored.
-- Without a register this rule says nothing. Subjects are compared by
-- citation/register-subject.
local cit = lib("citations")
local dates = lib("dates")

local REG = {
  { name = "register", path = "so-dang-ky-2023.csv", headers = { "so_ky_hieu", "ngay", "trich_yeu", "co_quan_ban_hanh" },
    rows = {
      { so_ky_hieu = "09/KH-UBND", ngay = "09/01/2023", trich_yeu = "Kế hoạch cải cách hành chính nhà nước năm 2023", co_quan_ban_hanh = "UBND xã Đình Cao" },
      { so_ky_hieu = "11/QĐ-UBND", ngay = "15/01/2023", trich_yeu = "Quyết định kiện toàn Bộ phận Tiếp nhận và Trả kết quả", co_quan_ban_hanh = "UBND xã Đình Cao" },
      { so_ky_hieu = "22/QĐ-UBND", ngay = "27/01/2023", trich_yeu = "Quyết định ban hành Quy chế quản lý, sử dụng tài sản công", co_quan_ban_hanh = "UBND xã Đình Cao" },
    } },
}

return {
  id = "citation/register",
  description = "Văn bản của xã được dẫn không có trong sổ đăng ký văn bản hoặc khác ngày với sổ",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 16 và Phụ lục IV (đăng ký văn bản đi: số, ký hiệu, ngày tháng, tên loại và trích yếu nội dung); số liệu đối chiếu từ sổ đăng ký văn bản đi do người dùng cung cấp (--data)",
  examples = {
    valid = {
      { text = "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước năm 2023.", data = REG },
      { text = "Ngày 27/01/2023, UBND xã ban hành Quyết định số 22/QĐ-UBDN về việc ban hành quy chế quản lý và sử dụng tài sản công.", data = REG },
      { text = "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2023 của UBND huyện về cải cách hành chính năm 2023.", data = REG },
      { text = "UBND xã ban hành Quyết định số 15/QĐ-UBND ngày 20/3/2022 về việc thành lập tổ công tác.", data = REG },
      "Ngày 14/01/2023, UBND xã ban hành Quyết định số 11/QĐ-UBND về kiện toàn Bộ phận Tiếp nhận và Trả kết quả.",
    },
    invalid = {
      { text = "Ngày 14/01/2023, UBND xã ban hành [[Quyết định số 11/QĐ-UBND]] về kiện toàn Bộ phận Tiếp nhận và Trả kết quả.", data = REG },
      { text = "UBND xã ban hành [[Kế hoạch số 10/KH-UBND ngày 10/01/2023]] về tuyên truyền cải cách hành chính năm 2023.", data = REG },
    },
  },
  check = function(doc, ctx)
    for _, r in ipairs(cit.register_check(doc, ctx)) do
      local c = r.c
      local span = cit.head_span(c)
      if c.date and c.date.p == c.p and c.date.s > span.e and c.date.e - span.e < 40 then span.e = c.date.e end
      if r.status == "date" then
        local e = r.entry
        ctx.report{ span = span,
          message = string.format("%s: báo cáo ghi ngày %s, sổ đăng ký văn bản (%s) ghi ngày %s",
            cit.label(c), dates.format(cit.date(c)), cit.register_where(ctx, e), dates.format(e.date)) }
      elseif r.status == "missing" then
        local msg = string.format("%s%s không có trong sổ đăng ký văn bản", cit.label(c),
          c.date_iso and (" ngày " .. cit.dmy(c.date_iso)) or "")
        if r.other and r.other.date then
          msg = msg .. string.format("; sổ chỉ có %s ngày %s (%s): kiểm tra lại số hoặc năm", r.other.ref,
            dates.format(r.other.date), cit.register_where(ctx, r.other))
        else
          msg = msg .. ": kiểm tra lại số, ký hiệu hoặc bổ sung vào sổ"
        end
        ctx.report{ span = span, message = msg }
      end
    end
  end,
}
