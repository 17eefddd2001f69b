-- Interval arithmetic for the arithmetic/ pack (DOMAIN.md §6, the XBRL
-- Calculations 1.1 method): a value printed with d decimals stands for the
-- interval value ± ½·10⁻ᵈ, and a stated value is wrong only when its interval
-- and the computed one do not overlap. So 1/3 = "33%" is right, "34%" is not,
-- and 33% + 33% + 33% = 100% is fine.
--
-- Exception, on purpose: an integer count of discrete things (people, hồ sơ,
-- thủ tục, văn bản…, and amounts in đồng) is exact, as XBRL's decimals="INF":
-- nobody rounds "1.394 hồ sơ", and with ±0.5 per part 1.394 + 2 would still
-- "overlap" 1.395. Measures (ha, m², km, tấn, triệu/tỷ đồng) and percentages
-- are always read as rounded.
--
-- An interval is a table {lo, hi}.
local M = {}

-- unit families whose integers are measures, not counts
local MEASURE = { ["dien-tich"] = true, km = true, ["km2"] = true, m2 = true, ha = true, tan = true,
  kg = true, ["%"] = true, gio = true, phut = true }

function M.half(decimals) return 0.5 * 10.0 ^ (-(decimals or 0)) end

function M.point(v) return { v, v } end

function M.around(v, decimals) local h = M.half(decimals); return { v - h, v + h } end

-- is a number fact (or total fact) an exact count?
function M.exact(f)
  if not f or not f.value then return false end
  if (f.decimals or 0) > 0 or f.wrong_format then return false end
  if f.value ~= math.floor(f.value) then return false end
  local fam = f.unit_family
  if fam == "tien" then return f.unit == nil or f.unit == "đồng" end
  if fam and MEASURE[fam] then return false end
  return true
end

-- the interval a number fact stands for; `as` (another fact) lends its unit
-- when the number has none (a part written without its unit)
function M.of(f, as)
  if not f.unit_family and as then
    local g = { value = f.value, decimals = f.decimals, wrong_format = f.wrong_format,
                unit = as.unit, unit_family = as.unit_family }
    if M.exact(g) then return M.point(f.value) end
    return M.around(f.value, f.decimals)
  end
  if M.exact(f) then return M.point(f.value) end
  return M.around(f.value, f.decimals)
end

-- a percentage is always a rounded value
function M.of_percent(p) return M.around(p.value, p.decimals) end

function M.add(a, b) return { a[1] + b[1], a[2] + b[2] } end

function M.scale(a, k)
  if k >= 0 then return { a[1] * k, a[2] * k } end
  return { a[2] * k, a[1] * k }
end

-- a / b for positive intervals (nil when b may be 0 or negative)
function M.div(a, b)
  if b[1] <= 0 then return nil end
  local c = { a[1] / b[1], a[1] / b[2], a[2] / b[1], a[2] / b[2] }
  return { math.min(c[1], c[2], c[3], c[4]), math.max(c[1], c[2], c[3], c[4]) }
end

-- do two intervals overlap? (a tiny epsilon absorbs binary floating error)
function M.overlap(a, b)
  local eps = 1e-9 * math.max(1, math.abs(a[1]), math.abs(a[2]), math.abs(b[1]), math.abs(b[2]))
  return a[1] <= b[2] + eps and b[1] <= a[2] + eps
end

-- is a strictly greater than b, beyond their intervals?
function M.greater(a, b)
  local eps = 1e-9 * math.max(1, math.abs(a[1]), math.abs(b[2]))
  return a[1] > b[2] + eps
end

function M.mid(a) return (a[1] + a[2]) / 2 end

function M.round(v, decimals)
  local k = 10.0 ^ (decimals or 0)
  local r = math.floor(v * k + 0.5) / k
  return r
end

-- Vietnamese format: thousands ".", decimals ",": 1395 -> "1.395", 114.07 -> "114,07"
function M.format(v, decimals)
  decimals = decimals or 0
  local neg = v < 0
  if neg then v = -v end
  local s = string.format("%." .. decimals .. "f", v)
  local int, frac = s:match("^(%d+)%.?(%d*)$")
  if not int then return s end
  local out = int:reverse():gsub("(%d%d%d)", "%1."):reverse()
  if out:sub(1, 1) == "." then out = out:sub(2) end
  if frac ~= "" then out = out .. "," .. frac end
  return (neg and "-" or "") .. out
end

-- a number as it should read next to a stated one: with the stated decimals,
-- or more when that rounding would hide the difference
function M.format_like(v, decimals, stated)
  local d = decimals or 0
  while d < 4 and stated and M.round(v, d) == M.round(stated, d) and math.abs(v - stated) > 1e-12 do
    d = d + 1
  end
  return M.format(M.round(v, d), d)
end

-- where the sentence holding byte `pos` of `text` ends: the byte before a
-- ".", "!", "?" or "…" that is followed by a space or the end (a dot between
-- digits, "1.395", does not end it), or the paragraph's end
local sfind, sbyte = string.find, string.byte
-- bytes matched by Lua's %s
local SPACE = { [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true }

-- the byte-by-byte scans, kept for positions the fast paths do not cover
local function sentence_end_slow(text, pos)
  local i = pos
  local n = #text
  while i <= n do
    local c = text:sub(i, i)
    if c == "." or c == "!" or c == "?" then
      local nx = text:sub(i + 1, i + 1)
      if nx == "" or nx:match("%s") then return i - 1 end
    elseif text:sub(i, i + 2) == "…" then
      local nx = text:sub(i + 3, i + 3)
      if nx == "" or nx:match("%s") then return i - 1 end
    end
    i = i + 1
  end
  return n
end

local function sentence_start_slow(text, pos)
  local i = pos - 1
  while i >= 1 do
    local c = text:sub(i, i)
    if (c == "." or c == "!" or c == "?") and text:sub(i + 1, i + 1):match("%s") then return i + 1 end
    i = i - 1
  end
  return 1
end

function M.sentence_end(text, pos)
  if math.type(pos) ~= "integer" or pos < 1 then return sentence_end_slow(text, pos) end
  local i = pos
  while true do
    -- candidates: ".", "!", "?" and the first byte of "…" (E2 80 A6)
    local j = sfind(text, "[.!?\226]", i)
    if not j then return #text end
    if sbyte(text, j) == 226 then
      if sbyte(text, j + 1) == 128 and sbyte(text, j + 2) == 166 then
        local nx = sbyte(text, j + 3)
        if nx == nil or SPACE[nx] then return j - 1 end
      end
    else
      local nx = sbyte(text, j + 1)
      if nx == nil or SPACE[nx] then return j - 1 end
    end
    i = j + 1
  end
end

-- where the sentence holding byte `pos` starts
function M.sentence_start(text, pos)
  if math.type(pos) ~= "integer" then return sentence_start_slow(text, pos) end
  -- the last ".", "!" or "?" followed by a space at a byte before pos
  local last, i = nil, 1
  while true do
    local j = sfind(text, "[.!?]%s", i)
    if not j or j >= pos then break end
    last = j
    i = j + 1
  end
  return last and last + 1 or 1
end

-- Labels of list items: for items {s=, e=} (in order, in one paragraph text),
-- the words that describe each one, from the separator after the previous
-- item (or from `from`) to the next separator after it.
function M.labels(text, from, items)
  local out = {}
  for k, it in ipairs(items) do
    local a = (k == 1) and from or (items[k - 1].e + 1)
    if a > it.s then a = it.s end
    local before = text:sub(a, it.s - 1)
    if k > 1 then
      local cut = before:match("^[^,;]*[,;]()")
      if cut then before = before:sub(cut) end
    end
    local to = (k < #items) and (items[k + 1].s - 1) or M.sentence_end(text, it.e + 1)
    local after = text:sub(it.e + 1, math.max(it.e, to))
    local tail = after:match("^([^,;]*)") or after
    out[k] = before .. " " .. text:sub(it.s, it.e) .. " " .. tail
  end
  return out
end

-- Complementary families: a list whose items each name a distinct member of
-- one family is an exhaustive breakdown (cán bộ / công chức; trực tuyến /
-- trực tiếp; trước hạn / đúng hạn / quá hạn / đang giải quyết; nam / nữ…).
-- Terms are matched on folded text, longest first.
local FAMILIES = {
  { "nguoi hoat dong khong chuyen trach", "khong chuyen trach", "hop dong", "cong chuc", "can bo" },
  { "truc tuyen", "truc tiep", "buu chinh cong ich", "buu chinh" },
  { "truoc va dung thoi han", "truoc va dung han", "truoc thoi han", "dung thoi han", "qua thoi han",
    "truoc han", "som han", "dung han", "qua han", "tre han", "cham tra", "dang giai quyet",
    "chua giai quyet", "da giai quyet", "tra lai", "rut ho so", "chua den han", "trong han" },
  { "chua hoan thanh", "dang thuc hien", "da hoan thanh", "hoan thanh" },
  { "khong dat", "chua dat", "dat" },
  { "thanh thi", "nong thon" },
}
local SEX = { "nam", "nữ" }   -- matched without folding: "nam" would also match "năm"
local REST = { "con lai", "khac" }

local function has_word(s, w) return re.find(s, "(?<![\\p{L}\\p{N}])" .. w .. "(?![\\p{L}\\p{N}])") ~= nil end

-- do the labels name distinct members of one family (a last "còn lại" /
-- "khác" item closes any family)?
function M.complementary(labels)
  if not labels or #labels < 2 then return false end
  local folded, lower = {}, {}
  for k, l in ipairs(labels) do
    lower[k] = re.lower(l)
    folded[k] = re.gsub(re.fold(l), "can bo,? cong chuc", " ")   -- "cán bộ, công chức" names both
  end
  local function distinct(fam, texts)
    local seen = {}
    for k = 1, #texts do
      local term
      for _, w in ipairs(fam) do
        if has_word(texts[k], w) then term = w; break end
      end
      if not term and k == #texts then
        for _, r in ipairs(REST) do if has_word(folded[k], r) then term = "*rest" end end
      end
      if not term or seen[term] then return false end
      seen[term] = true
    end
    return true
  end
  for _, fam in ipairs(FAMILIES) do
    if distinct(fam, folded) then return true end
  end
  return distinct(SEX, lower)
end

-- can two quantities be added or divided as written? Units of one family may
-- differ in scale (triệu đồng / tỷ đồng, ha / m²): those must be the same unit.
local SCALED = { tien = true, ["dien-tich"] = true, km = true, tan = true, kg = true, m2 = true, ha = true }
function M.same_scale(a, b)
  if not a.unit or not b.unit then return true end
  if a.unit_family ~= b.unit_family then return false end
  if SCALED[a.unit_family or ""] then return a.unit == b.unit end
  return true
end

-- the facts of one kind grouped by paragraph: t[p] = {fact, …} in order
function M.by_paragraph(doc, kind)
  local t = {}
  for f in doc:facts(kind) do
    local l = t[f.p]
    if not l then l = {}; t[f.p] = l end
    l[#l + 1] = f
  end
  return t
end

return M
