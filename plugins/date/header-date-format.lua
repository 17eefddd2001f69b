-- The date of the place-date line (Decree 30/2020, Phụ lục I, Mục II khoản
-- 4): "Đình Cao, ngày 05 tháng 01 năm 2023". Days below 10 and months 1 and 2
-- take a leading 0; months 3 to 12 do not ("tháng 3", never "tháng 03"); the
-- date is written in words, not "05/01/2023". (Italic is the format pack's.)
local dates = lib("dates")

return {
  id = "date/header-date-format",
  description = "Ngày tháng ở dòng địa danh phải ghi “ngày 05 tháng 01 năm 2023”: ngày dưới 10 và tháng 1, 2 có số 0 phía trước, tháng 3 đến 12 thì không",
  severity = "warning",
  fixable = true,
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 4 điểm b: ngày, tháng, năm ban hành văn bản; ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước",
  examples = {
    valid = {
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 05 tháng 01 năm 2023\nBÁO CÁO",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 17 tháng 6 năm 2024\nBÁO CÁO",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 20 tháng 12 năm 2023\nBÁO CÁO",
    },
    invalid = {
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày [[5]] tháng [[1]] năm 2023\nBÁO CÁO",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 17 tháng [[06]] năm 2023\nBÁO CÁO",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, [[17/6/2023]]\nBÁO CÁO",
    },
  },
  check = function(doc, ctx)
    for d in doc:facts("date") do
      if d.role == "header" and d.valid and d.day and d.month and d.year then
        if d.form == "words" then
          local _, _, ds, dt, de, ms, mt, me = d.text:find("^[Nn]gày%s+()(%d+)()%s+tháng%s+()(%d+)()")
          if dt then
            local want_d = string.format("%02d", d.day)
            if d.day >= 10 then want_d = tostring(d.day) end
            if dt ~= want_d then
              ctx.report{
                span = { p = d.p, s = d.s + ds - 1, e = d.s + de - 2 },
                message = string.format("Ngày ở dòng địa danh phải ghi “ngày %s”, văn bản ghi “ngày %s”%s", want_d, dt,
                  d.day < 10 and " (ngày nhỏ hơn 10 có số 0 phía trước)" or ""),
                suggestion = want_d,
              }
            end
            local want_m = dates.month_words(d.month)
            if mt ~= want_m then
              ctx.report{
                span = { p = d.p, s = d.s + ms - 1, e = d.s + me - 2 },
                message = string.format("Tháng ở dòng địa danh phải ghi “tháng %s”, văn bản ghi “tháng %s” (%s)", want_m, mt,
                  d.month < 3 and "tháng 1, 2 có số 0 phía trước" or "tháng 3 đến 12 không có số 0 phía trước"),
                suggestion = want_m,
              }
            end
          end
        else
          local s = d.s
          if d.has_ngay and d.ngay_s then s = d.ngay_s end
          local want = dates.format_as(dates.of_fact(d), "words")
          ctx.report{
            span = { p = d.p, s = s, e = d.e },
            message = string.format("Ngày ở dòng địa danh phải ghi bằng chữ “%s”, văn bản ghi “%s”", want,
              doc:text({ p = d.p, s = s, e = d.e })),
            suggestion = want,
          }
        end
      end
    end
  end,
}
