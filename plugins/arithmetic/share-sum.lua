-- Shares of one whole that make up the whole must sum to 100%: "gồm: trực
-- tuyến chiếm 40%, trực tiếp chiếm 60%". Only when the list is clearly a
-- partition: introduced by "gồm", "bao gồm", "chia ra", "cơ cấu", or its items
-- name distinct members of a complementary family (trực tuyến / trực tiếp,
-- cán bộ / công chức, đúng hạn / quá hạn, nam / nữ…; see lib/numbers). A
-- "trong đó" list of attributes ("nữ chiếm 40%, đảng viên chiếm 90%") is left
-- alone. Rounded shares are compared by interval: 33% + 33% + 33% is fine.
local N = lib("numbers")

local MARKERS = { "bao gồm", "gồm", "chia ra", "cơ cấu", "trong đó" }
local EXHAUSTIVE = { ["bao gồm"] = true, ["gồm"] = true, ["chia ra"] = true, ["cơ cấu"] = true }

-- the last list marker between `a` and `b` in a lower-cased text
local function marker_before(low, a, b)
  local best, best_e, best_m
  for _, m in ipairs(MARKERS) do
    local init = a
    while true do
      local s, e = low:find(m, init, true)
      if not s or e >= b then break end
      if not best or s > best then best, best_e, best_m = s, e, m end
      init = e + 1
    end
  end
  return best_m, best_e
end

return {
  id = "arithmetic/share-sum",
  description = "Các tỷ lệ chiếm của những bộ phận hợp thành một tổng thể phải cộng lại bằng 100%",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 4 (số liệu báo cáo phải chính xác, thống nhất); sai số theo độ chính xác của số được ghi",
  examples = {
    valid = {
      "Cơ cấu hồ sơ tiếp nhận gồm: trực tuyến chiếm 33%, trực tiếp chiếm 33%, qua dịch vụ bưu chính công ích chiếm 33%.",
      "Số hồ sơ tiếp nhận là 300 hồ sơ, gồm: trực tuyến 120 hồ sơ (chiếm 40%), trực tiếp 180 hồ sơ (chiếm 60%).",
      "Tổng số cán bộ, công chức xã là 20 người, trong đó nữ chiếm 40%, đảng viên chiếm 90%.",
      "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%, tỷ lệ hồ sơ trực tuyến đạt 75%.",
    },
    invalid = {
      "Tổng số hồ sơ tiếp nhận là 200 hồ sơ, trong đó hồ sơ trực tuyến chiếm [[40%, hồ sơ trực tiếp chiếm 50%]].",
      "Cơ cấu kinh tế của xã gồm: nông nghiệp chiếm [[35%, công nghiệp - xây dựng chiếm 40%, thương mại - dịch vụ chiếm 30%]].",
    },
  },
  check = function(doc, ctx)
    -- group the shares ("chiếm X%") of each sentence
    local groups, cur = {}, nil
    for p in doc:facts("percentage") do
      if p.lead == "chiem" and not p.change and not p.base and p.value then
        local text = doc.paragraphs[p.p].text
        local ss = N.sentence_start(text, p.s)
        if cur and cur.p == p.p and cur.ss == ss then
          cur.items[#cur.items + 1] = p
        else
          cur = { p = p.p, ss = ss, items = { p } }
          groups[#groups + 1] = cur
        end
      end
    end
    for _, g in ipairs(groups) do
      local items = g.items
      if #items >= 2 then
        local text = doc.paragraphs[g.p].text
        local low = re.lower(text)
        local m, m_e = marker_before(low, g.ss, items[1].s)
        -- shares that are all attached to counts of a stated total are checked one by one
        local all_counted = true
        for _, p in ipairs(items) do
          if not (p.computation == "count" and p.count and p.count.total) then all_counted = false end
        end
        -- the sum first: the test of the labels against the complementary
        -- families only when it is wrong
        if m and not all_counted then
          local sum, shown, dmax = N.point(0), {}, 0
          for _, p in ipairs(items) do
            sum = N.add(sum, N.of_percent(p))
            shown[#shown + 1] = p.text
            dmax = math.max(dmax, p.decimals or 0)
          end
          if not N.overlap(sum, N.point(100))
            and (EXHAUSTIVE[m] or N.complementary(N.labels(text, m_e + 1, items))) then
            local v = 0
            for _, p in ipairs(items) do v = v + p.value end
            ctx.report{
              span = { p = g.p, s = items[1].s, e = items[#items].e },
              message = string.format("%s = %s%%, các bộ phận của một tổng thể phải cộng lại bằng 100%%",
                table.concat(shown, " + "), N.format(N.round(v, dmax), dmax)),
            }
          end
        end
      end
    end
  end,
}
