-- Date helpers shared by the date/ and deadline/ packs. Dates are tables
-- {day=, month=, year=}; serial numbers count days (proleptic Gregorian) so
-- that differences are day counts.
local M = {}

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

-- "dd/mm/yyyy", "d/m/yyyy" or "yyyy-mm-dd" -> date, or nil
function M.parse(s)
  if type(s) ~= "string" then return nil end
  local d, m, y = s:match("^%s*(%d%d?)[/.-](%d%d?)[/.-](%d%d%d%d)%s*$")
  if not d then
    y, m, d = s:match("^%s*(%d%d%d%d)-(%d%d)-(%d%d)%s*$")
  end
  if not d then return nil end
  local r = { day = tonumber(d), month = tonumber(m), year = tonumber(y) }
  if not M.valid(r) then return nil end
  return r
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

return M
