-- Date helpers shared by the date/ and deadline/ packs. Dates are tables
-- {day=, month=, year=}; serial numbers count days (proleptic Gregorian) so
-- that differences are day counts.
local M = {}

-- globals read once (each global read goes through the sandbox)
local type, tonumber = type, tonumber
local smatch, sformat = string.match, string.format

local DIM = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

function M.leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end

function M.days_in_month(m, y)
  if m == 2 and M.leap(y) then return 29 end
  return DIM[m]
end

function M.valid(d)
  return d and d.year and d.month and d.day and d.month >= 1 and d.month <= 12 and d.day >= 1
    and d.day <= M.days_in_month(d.month, d.year)
end

-- days since 0001-01-01 (Rata Die)
function M.serial(d)
  local y, m = d.year, d.month
  if m < 3 then y = y - 1; m = m + 12 end
  return 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + d.day - 307
end

function M.compare(a, b) return M.serial(a) - M.serial(b) end

-- "dd/mm/yyyy", "d/m/yyyy", "yyyy-mm-dd" or "ngày 19 tháng 6 năm 2023",
-- with a time of day before or after it as a mail or document system
-- exports a received date ("19/6/2023 14:30", "2023-06-19T14:30:00+07:00",
-- "14:30 19/06/2023") -> date, or nil (remembered by the string: {day,
-- month, year} or false; a fresh date table is returned on every call)
local TIME = "%d%d?:%d%d[:%d%.]*"

local function parse_uncached(s)
  -- a time of day before the date, or after it (ISO "T…", a zone)
  s = s:gsub("^%s*" .. TIME .. "%s*[,;]?%s+", "", 1)
  s = s:gsub("[%sT,;]+" .. TIME .. "%s*[Zz]?%s*$", "", 1)
  s = s:gsub("[%sT,;]+" .. TIME .. "%s*[+-]%d%d:?%d%d%s*$", "", 1)
  local d, m, y = smatch(s, "^%s*(%d%d?)[/.-](%d%d?)[/.-](%d%d%d%d)%s*$")
  if not d then
    y, m, d = smatch(s, "^%s*(%d%d%d%d)-(%d%d)-(%d%d)%s*$")
  end
  if not d then
    d, m, y = re.match(s, [[(?i)^\s*(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$]])
  end
  if not d then return false end
  local r = { day = tonumber(d), month = tonumber(m), year = tonumber(y) }
  if not M.valid(r) then return false end
  return { r.day, r.month, r.year }
end

local parsed = lib("memo").capped(parse_uncached, 4096)

function M.parse(s)
  if type(s) ~= "string" then return nil end
  local v = parsed(s)
  if not v then return nil end
  return { day = v[1], month = v[2], year = v[3] }
end

-- M.parse(s) as three values day, month, year (no table), or nil
function M.parse_parts(s)
  if type(s) ~= "string" then return nil end
  local v = parsed(s)
  if not v then return nil end
  return v[1], v[2], v[3]
end

function M.format(d) return string.format("%02d/%02d/%04d", d.day, d.month, d.year) end

-- the date of a fact that carries day/month/year (or iso)
function M.of_fact(f)
  if not f then return nil end
  if f.day and f.month and f.year then return { day = f.day, month = f.month, year = f.year } end
  return M.parse(f.iso)
end

-- a profile date {day=, month=, year=offset} resolved against a report year
function M.resolve(spec, year)
  if type(spec) ~= "table" or not year then return nil end
  local d = { day = spec.day, month = spec.month, year = year + (spec.year or 0) }
  if not M.valid(d) then return nil end
  return d
end

-- the report's year: from the report fact, else from its date
function M.report_year(doc)
  local r = doc:fact("report")
  if r and r.year then return r.year end
  return nil
end

-- Added for the date/ and deadline/ packs -----------------------------------

-- the date `n` days after `d` (n may be negative)
function M.add_days(d, n)
  local z = M.serial(d) + n + 306          -- days since 0000-03-01
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local day = doy - (153 * mp + 2) // 5 + 1
  local month = mp < 10 and mp + 3 or mp - 9
  if month <= 2 then y = y + 1 end
  return { day = day, month = month, year = y }
end

-- "d/m/yyyy" without leading zeros, as dates are written in running text
function M.format_short(d) return string.format("%d/%d/%04d", d.day, d.month, d.year) end

-- a date written in the form of a date fact (`form` = "dd/mm/yyyy", "d/m/yyyy",
-- "dd/m/yyyy", "d/mm/yyyy", with "/", "-" or "."; "words" gives "ngày … tháng … năm …")
function M.format_as(d, form)
  if form == "words" then
    return string.format("ngày %02d tháng %s năm %04d", d.day, M.month_words(d.month), d.year)
  end
  local sep = type(form) == "string" and form:match("[/.-]") or "/"
  local dd, mm = "%02d", "%02d"
  if type(form) == "string" then
    local a, b = form:match("^(d+)[/.-](m+)")
    if a then dd = #a == 1 and "%d" or "%02d"; mm = #b == 1 and "%d" or "%02d" end
  end
  return string.format(dd .. sep .. mm .. sep .. "%04d", d.day, d.month, d.year)
end

-- the month as the place-date line writes it (Decree 30/2020, Phụ lục I):
-- 01 and 02 with a leading zero, 3 to 12 without
function M.month_words(m)
  if m < 3 then return string.format("%02d", m) end
  return tostring(m)
end

-- The reporting period of a profile's options.period for a report year:
-- returns start, end (dates) or nil. A quarterly spec ({quarter = true})
-- needs the quarter: the 15th of the month before the quarter to the 14th of
-- its last month (Decree 09/2019, Điều 12).
function M.period_range(spec, year, quarter)
  if type(spec) ~= "table" or not year then return nil end
  if spec.quarter then
    if type(quarter) ~= "number" or quarter < 1 or quarter > 4 then return nil end
    local first, last = 3 * quarter - 2, 3 * quarter
    local sm, sy = first - 1, year
    if sm == 0 then sm, sy = 12, year - 1 end
    return { day = 15, month = sm, year = sy }, { day = 14, month = last, year = year }
  end
  local s = M.resolve(spec.start, year)
  local e = M.resolve(spec["end"], year)
  if not s or not e then return nil end
  return s, e
end

-- the report's period as words: "6 tháng đầu năm 2023", "quý II năm 2023"
local ROMAN = { "I", "II", "III", "IV" }
function M.period_label(spec, year, quarter)
  if type(spec) ~= "table" then return "kỳ báo cáo" end
  if spec.quarter and quarter and ROMAN[quarter] then
    return string.format("quý %s năm %d", ROMAN[quarter], year)
  end
  local label = spec.label or "kỳ báo cáo"
  if spec.kind == "nam" then return string.format("năm %d", year) end
  if label:find("năm$") then return string.format("%s %d", label, year) end
  return string.format("%s năm %d", label, year)
end

-- The reporting period the document should cover under the profile:
-- start, end, label (or nil when the profile has no period, the report's
-- year is unknown, or the report says it is of another kind than the profile)
function M.expected_period(doc, options)
  local spec = options and options.period
  if type(spec) ~= "table" then return nil end
  local r = doc:fact("report")
  if not r or not r.year then return nil end
  if r.period and spec.kind and r.period ~= spec.kind then return nil end
  local s, e = M.period_range(spec, r.year, r.quarter)
  if not s then return nil end
  return s, e, M.period_label(spec, r.year, r.quarter)
end

-- The submission deadline for a report under the profile's options:
-- options.deadline resolved for the report's year, else, for a quarterly
-- report, options.deadline_quarter ({day = d}: day d of the quarter's last
-- month). Returns the date or nil.
function M.deadline(options, year, quarter)
  if type(options) ~= "table" or not year then return nil end
  local d = M.resolve(options.deadline, year)
  if d then return d end
  local q = options.deadline_quarter
  if type(q) == "table" and type(q.day) == "number" and type(quarter) == "number" and quarter >= 1 and quarter <= 4 then
    local r = { day = q.day, month = 3 * quarter, year = year }
    if M.valid(r) then return r end
  end
  return nil
end

return M
