-- A total and the parts that break it down must add up ("1.395 hồ sơ …
-- trong đó 1.394 … và 1 …"; "20 người trong đó 11 cán bộ, 09 công chức").
-- Each level of a nested breakdown is its own total fact, so multi-level
-- structures are checked level by level.
--
-- "trong đó" introduces attributes as often as a breakdown ("20 người, trong
-- đó 8 nữ, 12 đảng viên" need not add up), so a group is checked only when it
-- is clearly exhaustive: the marker is "gồm", "bao gồm" or "chia ra", or every
-- part names a distinct member of one complementary family (cán bộ / công
-- chức; trực tuyến / trực tiếp; trước hạn / đúng hạn / quá hạn / đang giải
-- quyết; nam / nữ; …), a last "còn lại" / "khác" part closing the list.
local N = lib("numbers")

local EXHAUSTIVE = { ["gồm"] = true, ["bao gồm"] = true, ["chia ra"] = true }

local function exhaustive(doc, t)
  if EXHAUSTIVE[re.lower(t.marker or "")] then return true end
  local items = {}
  for _, part in ipairs(t.parts or {}) do
    if part.p ~= t.marker_p then return false end
    items[#items + 1] = part
  end
  if #items < 2 then return false end
  return N.complementary(N.labels(doc.paragraphs[t.marker_p].text, t.marker_e + 1, items))
end

return {
  id = "arithmetic/parts-total",
  description = "Tổng các thành phần phải bằng tổng số đã nêu (kể cả cơ cấu nhiều cấp)",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 4 (số liệu báo cáo phải chính xác, thống nhất); số đếm là số chính xác, số đo và tỷ lệ được so theo độ chính xác đã ghi",
  examples = {
    valid = {
      "Số hồ sơ tiếp nhận giải quyết theo cơ chế một cửa của UBND xã là 1.395 hồ sơ (Trong đó trực tuyến mức độ 3, mức độ 4: 1.386 hồ sơ). Trong đó: giải quyết trước và đúng thời hạn: 1.394 hồ sơ; đang giải quyết (trong hạn): 1 hồ sơ.",
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức.",
      "Tổng số cán bộ, công chức là 20 người, trong đó 8 nữ, 12 đảng viên.",
      "Xã có 1.200 hộ, trong đó 1.150 hộ sử dụng nước sạch, 1.180 hộ có điện lưới.",
      "Diện tích đất nông nghiệp là 357,5 ha, gồm đất trồng lúa 300,2 ha và đất nuôi trồng thủy sản 57,3 ha.",
      "Diện tích đất nông nghiệp là 357 ha, gồm đất trồng lúa 300,2 ha và đất nuôi trồng thủy sản 57,3 ha.",
      "Tổng thu ngân sách xã là 5,12 tỷ đồng, gồm thu bổ sung 3.000 triệu đồng và thu tại xã 2.120 triệu đồng.",
    },
    invalid = {
      "Trong 6 tháng đầu năm, xã tiếp nhận [[1.395 hồ sơ]], trong đó giải quyết đúng hạn 1.394 hồ sơ, quá hạn 2 hồ sơ.",
      "Tổng số cán bộ, công chức xã là [[21 người]], trong đó 11 cán bộ, 09 công chức.",
      "Tổng số hồ sơ là [[300 hồ sơ]], trong đó hồ sơ trực tuyến là 120 hồ sơ, hồ sơ trực tiếp là 170 hồ sơ.",
      "Số hồ sơ tiếp nhận là [[300 hồ sơ]], gồm: hồ sơ đất đai 120 hồ sơ, hồ sơ hộ tịch 170 hồ sơ.",
      "Diện tích đất nông nghiệp là [[357,5 ha]], gồm đất trồng lúa 300,2 ha và đất nuôi trồng thủy sản 56,3 ha.",
    },
  },
  check = function(doc, ctx)
    for t in doc:facts("total") do
      local comparable = true
      for _, part in ipairs(t.parts or {}) do
        if not N.same_scale(part, t) then comparable = false end
      end
      -- the sum first: the test of an exhaustive list (the labels of the
      -- parts against the complementary families) only when it is wrong
      if t.group == "partition" and t.parts and #t.parts >= 2 and t.value and comparable then
        local total = N.of(t)
        local sum = N.point(0)
        local dmax = t.decimals or 0
        for _, part in ipairs(t.parts) do
          sum = N.add(sum, N.of(part, t))
          dmax = math.max(dmax, part.decimals or 0)
        end
        if not N.overlap(sum, total) and exhaustive(doc, t) then
          local shown = {}
          for _, part in ipairs(t.parts) do shown[#shown + 1] = N.format(part.value, part.decimals) end
          local unit = t.unit and (" " .. t.unit) or ""
          local expr = table.concat(shown, " + ")
          if #shown > 6 then expr = table.concat(shown, " + ", 1, 5) .. " + … + " .. shown[#shown] end
          ctx.report{
            span = t,
            message = string.format("%s = %s%s, văn bản ghi tổng số %s%s", expr,
              N.format(N.round(N.mid(sum), dmax), dmax), unit, N.format(t.value, t.decimals), unit),
          }
        end
      end
    end
  end,
}
