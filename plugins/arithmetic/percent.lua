-- A stated percentage against the division the text itself gives: a fraction
-- before it ("18/20 cán bộ … (chiếm tỷ lệ 90%)"), a part and a whole
-- ("45 hồ sơ trên tổng số 50 hồ sơ, đạt 90%"), or a count that is a part of a
-- stated total ("20 người, trong đó 11 cán bộ (chiếm 55%)": the share is of
-- its parent total). Tolerance by printed precision (lib/numbers): flagged only
-- when the stated and computed intervals do not overlap. A percentage of a
-- base the text does not give ("đạt 114,07% dự toán") is never checked here.
local N = lib("numbers")

-- a percentage followed by its own base ("đạt 51,25% dự toán") is not X/Y
local BASES = { "du toan", "ke hoach", "chi tieu", "cung ky", "so voi", "nam truoc", "muc tieu", "tong", "cua ", "toan " }
local function has_base(doc, p)
  local after = re.fold(doc.paragraphs[p.p].text:sub(p.e + 1, p.e + 40))
  for _, b in ipairs(BASES) do
    if re.find(after, "^\\W*(?:so\\s+)?" .. b) then return true end
  end
  return false
end

-- "X … trên (tổng số) Y": the word "trên" right before the whole, and not
-- "cấp trên" ("ngân sách cấp trên 3.000.000.000 đồng" is no division)
local function per_whole(doc, p)
  local text = doc.paragraphs[p.p].text
  if p.whole.p ~= p.p or p.part.p ~= p.p then return false end
  local before = re.fold(text:sub(math.max(1, p.whole.s - 40), p.whole.s - 1))
  if not re.find(before, "(?:\\btren|/)\\s*(?:tong\\s+so\\s+|tong\\s+|so\\s+)?$") then return false end
  if re.find(before, "\\bcap\\s+tren\\s*$") then return false end
  return true
end

local function pct(v, stated, decimals) return N.format_like(v, decimals, stated) .. "%" end

return {
  id = "arithmetic/percent",
  description = "Tỷ lệ phần trăm phải khớp với phép chia mà văn bản nêu (X/Y, phần trên tổng số)",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 4 (số liệu báo cáo phải chính xác, trung thực); sai số theo độ chính xác của số được ghi (một số ghi với d chữ số thập phân đại diện cho khoảng ±½·10⁻ᵈ)",
  examples = {
    valid = {
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. Trong đó 18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 90%), 02 cán bộ, công chức đang tham gia học lên Đại học; 15/20 cán bộ công chức có trình độ lý luận chính trị trung cấp (chiếm tỷ lệ 75%).",
      "Có 1/3 số thôn (chiếm 33%) đã hoàn thành việc rà soát thủ tục hành chính.",
      "Tỷ lệ hồ sơ giải quyết trước và đúng hạn 1.863/1.864 hồ sơ (đạt 99,95%).",
      "Bộ phận Tiếp nhận và Trả kết quả đã giải quyết 1.386 hồ sơ trên tổng số 1.395 hồ sơ tiếp nhận, đạt 99,35%.",
      "Thực hiện giải ngân kế hoạch đầu tư công với số tiền là 27.869.168.372 đồng (đạt 114,07% dự toán giao đầu năm).",
      "Tổng số cán bộ, công chức xã là 20 người, trong đó 11 cán bộ (chiếm 55%), 09 công chức (chiếm 45%).",
      "20 cán bộ, công chức xã được cấp tài khoản thư điện tử, đạt 100%.",
      "Số hồ sơ trực tuyến là 1.386 hồ sơ, tăng 12% so với cùng kỳ năm 2022.",
      "Tổng thu ngân sách xã 6 tháng đầu năm 2023 là 5.120.000.000 đồng, gồm thu bổ sung từ ngân sách cấp trên 3.000.000.000 đồng và thu tại xã 2.120.000.000 đồng, đạt 51,25% dự toán giao đầu năm.",
    },
    invalid = {
      "18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ [[95%]]).",
      "Tỷ lệ hồ sơ trực tuyến 1.234/1.864 hồ sơ (chiếm [[76,20%]]).",
      "Có 1/3 số thôn (chiếm [[34%]]) đã hoàn thành việc rà soát thủ tục hành chính.",
      "Bộ phận một cửa đã giải quyết 45 hồ sơ trên tổng số 50 hồ sơ tiếp nhận, đạt [[95%]].",
      "Tổng số cán bộ, công chức xã là 20 người, trong đó 11 cán bộ (chiếm [[50%]]), 09 công chức (chiếm 45%).",
      "07/15 thôn đã xây dựng xong mô hình dân vận khéo (đạt tỷ lệ [[46,6%]]).",
    },
  },
  check = function(doc, ctx)
    for p in doc:facts("percentage") do
      if not p.change and p.value then
        local stated = N.of_percent(p)
        local computed, shown
        if p.computation == "fraction" and p.fraction and (p.fraction.denominator or 0) > 0 then
          local f = p.fraction
          computed = N.point(f.numerator / f.denominator * 100)
          shown = string.format("%s/%s", N.format(f.numerator), N.format(f.denominator))
        elseif p.computation == "part-whole" and p.part and p.whole and p.whole.value and p.whole.value > 0
          and per_whole(doc, p) and not has_base(doc, p) and N.same_scale(p.part, p.whole) then
          local q = N.div(N.of(p.part), N.of(p.whole))
          if q then
            computed = N.scale(q, 100)
            shown = string.format("%s/%s", N.format(p.part.value, p.part.decimals),
              N.format(p.whole.value, p.whole.decimals))
          end
        elseif p.computation == "count" and p.count and p.count.total and (p.lead == "chiem" or p.lead == "ty-le") then
          -- a share of the count's parent total
          local t = p.count.total
          if t.number ~= p.count and t.value and t.value > 0 and t.unit_family == p.count.unit_family
            and N.same_scale(p.count, t) then
            local q = N.div(N.of(p.count, t), N.of(t))
            if q then
              computed = N.scale(q, 100)
              shown = string.format("%s/%s", N.format(p.count.value, p.count.decimals), N.format(t.value, t.decimals))
            end
          end
        end
        if computed and not N.overlap(computed, stated) then
          local v = N.mid(computed)
          local extra = ""
          if p.computation == "count" then
            extra = string.format(" (%s %s trên tổng số %s %s)", p.count.text, p.count.unit or "",
              N.format(p.count.total.value, p.count.total.decimals), p.count.total.unit or "")
            extra = extra:gsub("%s+%)", ")")
          end
          ctx.report{
            span = p,
            message = string.format("%s = %s, văn bản ghi %s%s", shown, pct(v, p.value, p.decimals), p.text, extra),
            suggestion = N.format(N.round(v, p.decimals or 0), p.decimals or 0) .. "%",
          }
        end
      end
    end
  end,
}
