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

-- The paragraphs where a regex may match, found with one search of the
-- whole text: returns the texts of the paragraphs (an array, by paragraph
-- number) and the set of paragraph numbers overlapped by a match of `pat`
-- in the paragraphs joined by NUL, or nil when there is none.
-- Every paragraph where `pat` matches on its own text is in the set as
-- long as each assertion of `pat` that holds at the start or end of a text
-- also holds next to a NUL (no ^, $, \A, \z; no NUL in the classes of
-- negative look-arounds): the match on the paragraph alone is then also a
-- match at the same start in the joined text, so the scan of the joined
-- text either finds a match starting there or has already matched over
-- that position. A rule then runs its own per-paragraph search on these
-- paragraphs only.
local re_matches, concat = re.matches, table.concat

function M.texts(doc)
  local texts = {}
  for i, p in ipairs(doc.paragraphs) do texts[i] = p.text end
  return texts
end

function M.hits(doc, pat, flags)
  local texts = M.texts(doc)
  local m = re_matches(concat(texts, "\0"), pat, flags)
  if #m == 0 then return texts, nil end
  local hit = {}
  -- paragraph i spans bytes [from, from + #texts[i] - 1] of the joined text,
  -- its NUL joiner is at from + #texts[i]
  local i, from = 1, 1
  local last = from + #texts[1]
  for k = 1, #m, 3 do
    local s, e = m[k], m[k + 1]
    while s > last do i = i + 1; from = last + 1; last = from + #texts[i] end
    hit[i] = true
    -- a match running over a joiner (e.g. through a NUL in a class)
    local j, jlast = i, last
    while e > jlast and texts[j + 1] do j = j + 1; jlast = jlast + 1 + #texts[j]; hit[j] = true end
  end
  return texts, hit
end

return M
