-- Span helpers shared by rules.
local M = {}

-- The span of paragraph p's text without its leading and trailing white
-- space (the whole line a clerk sees), or nil when p does not exist.
function M.trimmed(doc, p)
  local para = doc.paragraphs[p]
  if not para then return nil end
  local t = para.text
  local s = re.find(t, [[\S]]) or 1
  local e = #t
  while e > s and t:sub(e, e):match("%s") do e = e - 1 end
  return { p = p, s = s, e = e }
end

return M
