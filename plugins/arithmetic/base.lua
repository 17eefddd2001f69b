-- A rate stated "trong đó" of a total must be taken on that total: "Tổng số
-- cán bộ, công chức là 20 người, trong đó 18/22 người có trình độ đại học"
-- divides by 22 people when the set has 20. Only a denominator larger than the
-- stated parent is flagged: a smaller one may be a sub-group ("9/11 cán bộ").
local N = lib("numbers")

local MARKERS = { "trong đó", "bao gồm", "gồm" }

-- the parent total of a fraction: a total fact whose group holds it, else a
-- number of the same unit family right before a "trong đó"/"gồm" of its sentence
local function parent(doc, f, totals, numbers)
  local text = doc.paragraphs[f.p].text
  for _, t in ipairs(totals.by_marker[f.p] or {}) do
    if t.marker_e < f.s and t.unit_family == f.unit_family
      and N.sentence_end(text, t.marker_e) >= f.e then
      return t
    end
  end
  local ss = N.sentence_start(text, f.s)
  local low = re.lower(text:sub(1, f.s - 1))
  local ms
  for _, m in ipairs(MARKERS) do
    local init = ss
    while true do
      local s, e = low:find(m, init, true)
      if not s then break end
      if not ms or s > ms then ms = s end
      init = e + 1
    end
  end
  if not ms then return nil end
  if text:sub(ss, ms - 1):match("^%s*$") and ss > 1 then
    -- "… 20 người trong đó 11 cán bộ, 09 công chức. Trong đó 18/20 …": the
    -- previous sentence's total
    local ps = N.sentence_start(text, ss - 2)
    local best
    for _, t in ipairs(totals.by_p[f.p] or {}) do
      if t.s >= ps and t.e < ss and t.unit_family == f.unit_family then best = t end
    end
    return best
  end
  local best
  for _, n in ipairs(numbers[f.p] or {}) do
    if n.e < ms and n.s >= ss and n.unit_family == f.unit_family and n.int
      and ms - (n.unit_e or n.e) <= 80 and not text:sub(n.e, ms):find(";", 1, true) then
      best = n
    end
  end
  return best
end

return {
  id = "arithmetic/base",
  description = "Tỷ lệ nêu trong một tổng số phải tính trên chính tổng số đó",
  severity = "error",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 4 (số liệu báo cáo phải chính xác, thống nhất)",
  examples = {
    valid = {
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. Trong đó 18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 90%), 02 cán bộ, công chức đang tham gia học lên Đại học.",
      "Tổng số cán bộ, công chức xã là 20 người, trong đó có 11 cán bộ, trong đó 9/11 cán bộ là đảng viên.",
      "Năm 2023 có 18/22 xã của huyện đạt chuẩn tiếp cận pháp luật.",
    },
    invalid = {
      "Tổng số cán bộ, công chức là 20 người, trong đó [[18/22]] cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 81,82%).",
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. Trong đó [[18/21]] cán bộ, công chức có trình độ đại học.",
    },
  },
  check = function(doc, ctx)
    local totals = { by_marker = {}, by_p = {} }
    for t in doc:facts("total") do
      local m = totals.by_marker[t.marker_p] or {}
      m[#m + 1] = t
      totals.by_marker[t.marker_p] = m
    end
    totals.by_p = N.by_paragraph(doc, "total")
    local numbers = N.by_paragraph(doc, "number")
    for f in doc:facts("fraction") do
      if f.unit_family and f.denominator and f.numerator and f.numerator <= f.denominator then
        local t = parent(doc, f, totals, numbers)
        if t and t.value and N.greater(N.point(f.denominator), N.of(t)) then
          local unit = t.unit and (" " .. t.unit) or ""
          ctx.report{
            span = f,
            message = string.format("Tỷ lệ %s tính trên %s%s, nhưng tổng số đã nêu là %s%s",
              f.text, N.format(f.denominator), unit, N.format(t.value, t.decimals), unit),
          }
        end
      end
    end
  end,
}
