-- Capped memo tables for the libs. memo.capped(fn, max) returns fn
-- remembered per worker by its one argument (a string or number that says
-- nothing about a document beyond itself: see docs/lua-api.md, "The
-- sandbox"); the table is emptied when it holds max entries. A nil result
-- is remembered too. fn must be pure.
local M = {}

local NIL = {} -- a remembered nil

function M.capped(fn, max)
  local t, n = {}, 0
  return function(k)
    local v = t[k]
    if v == nil then
      v = fn(k)
      if n >= max then t, n = {}, 0 end
      n = n + 1
      if v == nil then t[k] = NIL else t[k] = v end
      return v
    end
    if v == NIL then return nil end
    return v
  end
end

return M
