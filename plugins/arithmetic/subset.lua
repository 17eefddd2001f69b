-- A part cannot be larger than the set it belongs to: a number given "trong
-- đó" of a total ("1.395 hồ sơ, trong đó 1.400 hồ sơ trực tuyến"), a fraction
-- whose numerator exceeds its denominator ("22/20 cán bộ"), a share of a
-- whole above 100% ("chiếm 120%"). Whether the group is a breakdown or a list
-- of attributes does not matter here: every part is a subset of its total.
local N = lib("numbers")

return {
  id = "arithmetic/subset",
  description = "Số liệu của một bộ phận không được lớn hơn tổng số chứa nó",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 4 (số liệu báo cáo phải chính xác, thống nhất)",
  examples = {
    valid = {
      "Số hồ sơ tiếp nhận giải quyết theo cơ chế một cửa của UBND xã là 1.395 hồ sơ (Trong đó trực tuyến mức độ 3, mức độ 4: 1.386 hồ sơ).",
      "Tổng số cán bộ, công chức là 20 người, trong đó 18/20 người có trình độ đại học (chiếm tỷ lệ 90%).",
      "Xã có 1.200 hộ, trong đó 1.150 hộ sử dụng nước sạch, 1.180 hộ có điện lưới.",
      "Thu ngân sách xã đạt 5.120.000.000 đồng, bằng 125% dự toán giao đầu năm.",
      "Số hồ sơ trực tuyến tăng 150% so với cùng kỳ năm trước.",
    },
    invalid = {
      "Tổng số hồ sơ tiếp nhận là 1.395 hồ sơ, trong đó [[1.400 hồ sơ]] được tiếp nhận trực tuyến.",
      "Tổng số cán bộ, công chức là 20 người, trong đó [[22/20]] người có trình độ đại học.",
      "Xã có 1.200 hộ, trong đó 1.150 hộ sử dụng nước sạch, [[1.280 hộ]] có điện lưới.",
      "Số hồ sơ giải quyết đúng hạn chiếm [[102%]] tổng số hồ sơ tiếp nhận.",
    },
  },
  check = function(doc, ctx)
    local seen = {}
    for t in doc:facts("total") do
      local total = N.of(t)
      for _, part in ipairs(t.parts or {}) do
        if not seen[part] and part.unit_family and part.unit_family == t.unit_family and N.same_scale(part, t)
          and N.greater(N.of(part), total) then
          seen[part] = true
          local unit = t.unit and (" " .. t.unit) or ""
          local punit = part.unit and (" " .. part.unit) or unit
          ctx.report{
            span = { p = part.p, s = part.s, e = part.unit_e or part.e },
            message = string.format("Bộ phận %s%s lớn hơn tổng số %s%s chứa nó", N.format(part.value, part.decimals),
              punit, N.format(t.value, t.decimals), unit),
          }
        end
      end
    end
    for f in doc:facts("fraction") do
      if f.unit and f.numerator and f.denominator and f.denominator > 0 and f.numerator > f.denominator then
        ctx.report{
          span = f,
          message = string.format("Tử số %s lớn hơn mẫu số %s: số %s không thể vượt tổng số", N.format(f.numerator),
            N.format(f.denominator), f.unit),
        }
      end
    end
    for p in doc:facts("percentage") do
      if p.lead == "chiem" and not p.change and not p.base and p.value
        and N.greater(N.of_percent(p), N.point(100)) then
        ctx.report{
          span = p,
          message = string.format("Một bộ phận chiếm %s tổng thể: tỷ lệ chiếm không thể vượt quá 100%%", p.text),
        }
      end
    end
  end,
}
