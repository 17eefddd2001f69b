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

-- The first word of paragraph p's text[s..e]: a short span for a finding
-- about a whole paragraph (the excerpt only shows where it starts).
function M.first_word(text, p, s, e)
  s = text:find("%S", s) or s
  if s > e then s = e end
  local sp = text:find("%s", s)
  local last = sp and sp - 1 or e
  if last > e then last = e end
  return { p = p, s = s, e = math.max(s, last) }
end

-- Runs of the body paragraphs grouped by key_of(run) (nil: not reported):
-- an array, in order of first appearance, of { key, paras, span } where
-- paras lists the paragraphs holding the key and span is the first such
-- run's first word. Layout rules report once per group, not per run.
function M.group_runs(doc, paragraphs, runs_of, key_of)
  local groups, by = {}, {}
  for _, p in ipairs(paragraphs) do
    local seen = {}
    for r in runs_of(p) do
      local k = key_of(r)
      if k ~= nil and not seen[k] then
        seen[k] = true
        local g = by[k]
        if not g then
          g = { key = k, paras = {}, span = M.first_word(p.text, p.index, r.s, r.e) }
          by[k] = g
          groups[#groups + 1] = g
        end
        table.insert(g.paras, p.index)
      end
    end
  end
  return groups
end

return M
