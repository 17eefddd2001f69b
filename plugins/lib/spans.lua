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

-- Does the body hold any letter or digit? False for an empty file, blank
-- lines, or a scan pasted as pictures: structure/no-text reports it, and
-- the rules about the header and the signature stay quiet.
function M.has_text(doc)
  for _, p in ipairs(doc.paragraphs) do
    if p.part == "body" and re.find(p.text, "[\\p{L}\\p{N}]") then return true end
  end
  return false
end

-- The blanks of a draft not yet numbered and dated, which the văn thư fills
-- in when the document is issued (Nghị định 30/2020/NĐ-CP, Điều 15):
-- "Số:      /BC-UBND", "Số: .../BC-UBND", "ngày …… tháng 6 năm 2023".
-- A table keyed by paragraph index of arrays of { s, e, what } (what:
-- "số", "ngày", "tháng" or "năm"); s..e covers the blank with the spaces
-- around it. Rules about spaces and dots leave these alone.
local BLANK_DATE = {
  { [[(?i)\bngày(\s*[.…_]*\s*)(?=tháng\b)]], "ngày" },
  { [[(?i)\btháng(\s*[.…_]*\s*)(?=năm\b)]], "tháng" },
  { [[(?i)\bnăm(\s*[.…_]*\s*)$]], "năm" },
}

local BLANKS = setmetatable({}, { __mode = "k" })

function M.blanks(doc)
  local out = BLANKS[doc]
  if out then return out end
  out = {}
  BLANKS[doc] = out
  local b = doc.blocks or {}
  local np = b.number and doc.paragraphs[b.number]
  if np then
    local s, e, gap = re.find(np.text, [[(?i)\bsố\s*:([^/\d]*)/]])
    if s and re.find(gap, [[^[\s.…_]*$]]) then
      out[np.index] = { { s = e - #gap, e = e - 1, what = "số" } }
    end
  end
  local dp = b.place_date and doc.paragraphs[b.place_date]
  if dp then
    for _, f in ipairs(BLANK_DATE) do
      local s, e, gap = re.find(dp.text, f[1])
      if s then
        local l = out[dp.index] or {}
        out[dp.index] = l
        l[#l + 1] = { s = e - #gap + 1, e = e, what = f[2] }
      end
    end
  end
  return out
end

-- Does s..e of paragraph p touch one of those blanks?
function M.in_blank(blanks, p, s, e)
  local l = blanks[p]
  if not l then return false end
  for _, r in ipairs(l) do
    if s <= r.e + 1 and e >= r.s - 1 then return true end
  end
  return false
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

-- Pre-checks over the whole text: the paragraphs where a pattern may
-- match, found with one search of the paragraphs joined by NUL. Every
-- paragraph where `pat` matches on its own text is found as long as each
-- assertion of `pat` that holds at the start or end of a text also holds
-- next to a NUL (no ^, $, \A, \z; no NUL in the classes of negative
-- look-arounds): the match on the paragraph alone is then also a match at
-- the same start in the joined text, so the scan of the joined text either
-- finds a match starting there or has already matched over that position.
-- A rule then runs its own per-paragraph search on these paragraphs only.
local re_matches, concat = re.matches, table.concat

-- (a table of contents repeats the headings: searched as empty, so that a
-- slip in a heading is reported once, not again in its entry)
local function texts_of(doc)
  local texts = {}
  for i, p in ipairs(doc.paragraphs) do texts[i] = p.part == "toc" and "" or p.text end
  return texts
end

-- The joined text of a document and where each paragraph starts in it
-- (starts[i], 1-based; paragraph i ends just before its NUL at starts[i +
-- 1] - 1), made once per document and shared by the rules that scan it:
-- a memo keyed by the document's view, weak, so an entry goes with its
-- document. Nothing mutable is handed out: the text is a string and the
-- starts stay here.
local JOINED = setmetatable({}, { __mode = "k" })

local function joined(doc)
  local j = JOINED[doc]
  if j then return j[1], j[2] end
  local texts = texts_of(doc)
  local starts, pos = {}, 1
  for i = 1, #texts do
    starts[i] = pos
    pos = pos + #texts[i] + 1
  end
  starts[#texts + 1] = pos
  local s = concat(texts, "\0")
  JOINED[doc] = { s, starts }
  return s, starts
end

-- Adds to hit (paragraph -> true) and list the paragraphs overlapped by
-- the matches m (flat {s, e, w, ...} in the joined text).
local function add_paragraphs(m, starts, hit, list)
  local np = #starts - 1
  if np == 0 then return end
  local i = 1
  for k = 1, #m, 3 do
    local s, e = m[k], m[k + 1]
    while i < np and starts[i + 1] <= s do i = i + 1 end
    -- a match running over a joiner (e.g. through a NUL in a class)
    local j = i
    while true do
      if not hit[j] then
        hit[j] = true
        list[#list + 1] = j
      end
      if j >= np or e < starts[j + 1] then break end
      j = j + 1
    end
  end
end

-- An ascending array of the paragraphs where `pat` may match (see above;
-- `pat` must not use numbered back-references), or nil. `pat`
-- may also be an array of patterns: the paragraphs where any may match
-- (a search whose pattern can start with only one or two distinct bytes
-- skips through the text much faster than one with a larger set, so a
-- pre-check is best split that way). Each paragraph is reported by at most
-- one match of each pattern: after a match the search skips to the
-- paragraph's end.
function M.hit_paragraphs(doc, pat, flags)
  local s, starts = joined(doc)
  local hit, list = {}, {}
  if type(pat) == "table" then
    for k = 1, #pat do
      add_paragraphs(re_matches(s, "()(?:" .. pat[k] .. ")[^\\x00]*", flags), starts, hit, list)
    end
    table.sort(list)
  else
    add_paragraphs(re_matches(s, "()(?:" .. pat .. ")[^\\x00]*", flags), starts, hit, list)
  end
  return #list > 0 and list or nil
end

-- The paragraphs whose text holds the plain string `lit` (no NUL in it),
-- found with plain finds in the joined text, skipping to the next
-- paragraph after each: an ascending array, or nil. A search for a
-- frequent first byte (a space) is cheaper this way than with a regex.
function M.find_paragraphs(doc, lit)
  local s, starts = joined(doc)
  local list, np = {}, #starts - 1
  local find = s.find
  local at, i = 1, 1
  while true do
    local f = find(s, lit, at, true)
    if not f then break end
    while i < np and starts[i + 1] <= f do i = i + 1 end
    list[#list + 1] = i
    if i >= np then break end
    at = starts[i + 1]
  end
  return #list > 0 and list or nil
end

-- Iterator over the paragraphs of such a list (nil: none): the paragraph
-- and its text.
function M.each(doc, list)
  local paragraphs, k, n = doc.paragraphs, 0, list and #list or 0
  return function()
    k = k + 1
    if k > n then return nil end
    local p = paragraphs[list[k]]
    return p, p.text
  end
end

return M
