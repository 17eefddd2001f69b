-- Helpers shared by the citation/ pack: the documents a report cites (its
-- mentions grouped into documents), the reporting body's own documents,
-- issuer and type codes, subject similarity, the report's reference date and
-- the register given with --data.
--
-- Loaded with lib("citations"); read-only and shared between rules and
-- documents, so it keeps no per-document state: every function takes `doc`.
local dates = lib("dates")
local capped = lib("memo").capped
-- globals read once (each global or library field read goes through the
-- sandbox's metamethods)
local re_fold, re_upper, re_lower, re_find, re_gmatch, re_split = re.fold, re.upper, re.lower, re.find, re.gmatch, re.split
local re_matches = re.matches
local math_type = math.type
local ipairs, pairs, tostring = ipairs, pairs, tostring
local dates_parse, parse_parts = dates.parse, dates.parse_parts
local TYPES = rules_data("doc-types")
local ISSUERS = rules_data("issuers")
local ABBR = rules_data("abbreviations")

local M = {}

M.types = TYPES
M.issuers = ISSUERS

---------------------------------------------------------------------------
-- small helpers

function M.fold(s) return re.fold(s or "") end

-- code points of a string
local function cps(s)
  local t = {}
  for _, c in utf8.codes(s) do t[#t + 1] = c end
  return t
end

-- optimal string alignment distance (Damerau–Levenshtein with adjacent
-- transpositions), on code points
function M.distance(a, b)
  local x, y = cps(a), cps(b)
  local n, m = #x, #y
  local d = {}
  for i = 0, n do d[i] = { [0] = i } end
  for j = 0, m do d[0][j] = j end
  for i = 1, n do
    for j = 1, m do
      local cost = (x[i] == y[j]) and 0 or 1
      local v = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and x[i] == y[j - 1] and x[i - 1] == y[j] then
        v = math.min(v, d[i - 2][j - 2] + 1)
      end
      d[i][j] = v
    end
  end
  return d[n][m]
end

function M.line(doc, p) return doc.paragraphs[p] and doc.paragraphs[p].line or p end

-- a short quote of a text for messages
function M.short(s, n)
  n = n or 60
  s = (s or ""):gsub("%s+", " ")
  if utf8.len(s) and utf8.len(s) > n then
    local cut = utf8.offset(s, n + 1)
    s = s:sub(1, cut - 1)
    s = s:gsub("%s+%S*$", "") .. "…"
  end
  return s
end

-- "dd/mm/yyyy" of an iso date
function M.dmy(iso)
  local d = dates.parse(iso)
  return d and dates.format(d) or iso
end

---------------------------------------------------------------------------
-- citations

-- the citations of a document, in order
function M.list(doc)
  local t = {}
  for c in doc:facts("citation") do t[#t + 1] = c end
  return t
end

-- the date of a citation, or nil
function M.date(c)
  if not c.date_iso then return nil end
  return dates_parse(c.date_iso)
end

-- types cited by name (laws), for which number, symbol and date rules do not apply
-- (a plain copy of TYPES.by_name: one look-up, not two through the proxy)
local BY_NAME = {}
for k, v in pairs(TYPES.by_name) do BY_NAME[k] = v end
function M.by_name(c)
  local t = c.type
  return t ~= nil and BY_NAME[t] == true
end

-- span from the type word (or the number) to the end of the number and symbol
function M.head_span(c)
  return { p = c.p, s = c.s, e = c.ref_e or c.number_e or c.e }
end

function M.ref_span(c)
  return { p = c.p, s = c.ref_s or c.s, e = c.ref_e or c.e }
end

-- "Kế hoạch số 13/KH-UBND" as a label for messages
function M.label(c)
  local ref = c.ref_norm or c.ref or c.number or "?"
  if c.type then return c.type .. " số " .. ref end
  return ref
end

-- the symbol with every space removed
function M.symbol_norm(c)
  return c.symbol and (c.symbol:gsub("%s+", "")) or nil
end

-- identity of a document without the year segment: "25/QĐ-TTg" for both
-- 25/QĐ-TTg and 25/2021/QĐ-TTg; numbers compared without leading zeros
-- symbol as written -> re.upper of it without spaces
local sym_upper = capped(function(symbol) return re_upper((symbol:gsub("%s+", ""))) end, 2048)

-- memo of the keys of integer numbers without a suffix: separator ("/" or
-- "-") -> symbol as written -> number -> key
local BASE_KEY, BASE_KEY_N = { ["/"] = {}, ["-"] = {} }, 0

function M.base_key(c)
  if not c.has_symbol then return nil end
  local nv = c.number_value
  if not nv then return nil end
  local symbol = c.symbol
  if not symbol then return nil end
  local sep = c.party and "-" or "/"
  local suffix = c.number_suffix
  local plain = (suffix == nil or suffix == "") and math_type(nv) == "integer"
  local bysym = plain and BASE_KEY[sep][symbol]
  local k = bysym and bysym[nv]
  if k then return k end
  local n = tostring(nv) .. (suffix or ""):upper()
  k = n .. sep .. sym_upper(symbol)
  if plain then
    if BASE_KEY_N >= 4096 then BASE_KEY, BASE_KEY_N = { ["/"] = {}, ["-"] = {} }, 0; bysym = nil end
    if not bysym then bysym = {}; BASE_KEY[sep][symbol] = bysym end
    bysym[nv] = k
    BASE_KEY_N = BASE_KEY_N + 1
  end
  return k
end

---------------------------------------------------------------------------
-- issuer and type codes

-- known issuer code with exactly this spelling
function M.issuer_known(code) return code ~= nil and ISSUERS[code] ~= nil end

-- the known code spelled like `code` but for case and diacritics ("HDND" ->
-- "HĐND", "ubnd" -> "UBND"), or nil
local FOLDED_ISSUERS
local function folded_issuers()
  if not FOLDED_ISSUERS then
    FOLDED_ISSUERS = {}
    local keys = {}
    for k in pairs(ISSUERS) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local f = re.fold(k)
      if FOLDED_ISSUERS[f] == nil then FOLDED_ISSUERS[f] = k else FOLDED_ISSUERS[f] = false end
    end
  end
  return FOLDED_ISSUERS
end

local respelled = capped(function(code) return folded_issuers()[re_fold(code)] end, 2048)

function M.issuer_respelled(code)
  if not code or ISSUERS[code] then return nil end
  return respelled(code) or nil
end

-- (a pure function of the code and the issuer list, remembered by code)
local issuer_near_uncached
local near = capped(function(code) return issuer_near_uncached(code) end, 2048)

-- a common known code one edit away from an unknown `code` ("UBDN" ->
-- "UBND"); nil when the code is known, too short, or near several codes
function M.issuer_near(code)
  if not code or ISSUERS[code] then return nil end
  return near(code) or nil
end

function issuer_near_uncached(code)
  if not code or ISSUERS[code] or M.issuer_respelled(code) then return nil end
  if utf8.len(code) < 3 then return nil end
  local found
  local keys = {}
  for k, v in pairs(ISSUERS) do if v.common then keys[#keys + 1] = k end end
  table.sort(keys)
  for _, k in ipairs(keys) do
    if utf8.len(k) >= 3 and M.distance(re.fold(code), re.fold(k)) == 1 then
      if found and found ~= k then return nil end
      found = k
    end
  end
  return found
end

-- the canonical spelling of an issuer code, correcting case, diacritics or a
-- one-letter typo of a common code
function M.issuer_canonical(code)
  if not code then return nil end
  if ISSUERS[code] then return code end
  return M.issuer_respelled(code) or M.issuer_near(code)
end

-- a type code as written ("Qđ", "QD", "KHLT") -> the official code it stands
-- for ("QĐ", "QĐ", "KH" with joint = true), or nil
-- (remembered by the code as written: {code, joint} or false)
local type_code_uncached
local type_code = capped(function(written)
  local code, joint = type_code_uncached(written)
  return code ~= nil and { code, joint } or false
end, 2048)

function M.type_code_of(written)
  if not written then return nil end
  local v = type_code(written)
  if v then return v[1], v[2] end
  return nil
end

function type_code_uncached(written)
  if TYPES.codes[written] then return written, false end
  for _, suf in ipairs(TYPES.joint) do
    if #written > #suf and written:sub(-#suf) == suf and TYPES.codes[written:sub(1, -#suf - 1)] then
      return written:sub(1, -#suf - 1), true
    end
  end
  local f = re.fold(written)
  for code in pairs(TYPES.codes) do
    if re.fold(code) == f then return code, false end
  end
  return nil
end

---------------------------------------------------------------------------
-- the reporting body and its own documents

function M.report(doc) return doc:fact("report") end

-- level of the reporting body ("xa" by default, as the extractor assumes)
function M.agency_level(doc)
  local r = M.report(doc)
  return (r and r.agency_level) or "xa"
end

local LEVEL_WORD = { xa = { "xa", "phuong", "thi tran", "dac khu" }, huyen = { "huyen", "quan", "thi xa", "thanh pho" },
  tinh = { "tinh", "thanh pho" } }

-- does an issuing body's text name the reporting body ("UBND xã",
-- "Ủy ban nhân dân xã Đình Cao"), not another commune or another body?
-- memo of names_body by level, then the place name (false when none), then
-- the text (a pure function of the three strings; emptied when large)
local NAMES_BODY, NAMES_BODY_N = {}, 0
local names_body

function M.names_reporting_body(doc, text)
  text = text or ""
  local r = M.report(doc)
  local lvl = (r and r.agency_level) or "xa"
  local name = r and r.agency_name or false
  local bylvl = NAMES_BODY[lvl]
  local byname = bylvl and bylvl[name]
  local v = byname and byname[text]
  if v ~= nil then return v end
  v = names_body(text, lvl, name or nil)
  if NAMES_BODY_N >= 2048 then NAMES_BODY, NAMES_BODY_N = {}, 0; bylvl = nil end
  if not bylvl then bylvl = {}; NAMES_BODY[lvl] = bylvl; byname = nil end
  if not byname then byname = {}; bylvl[name] = byname end
  byname[text] = v
  NAMES_BODY_N = NAMES_BODY_N + 1
  return v
end

-- (lvl: the reporting body's level; agency_name: its place name or nil)
function names_body(text, lvl, agency_name)
  local f = re.fold(text)
  if not (f:find("ubnd", 1, true) or f:find("uy ban nhan dan", 1, true)) then return false end
  local words = LEVEL_WORD[lvl] or LEVEL_WORD.xa
  -- "thị xã" is a district-level town, not a commune
  if lvl == "xa" and f:find("thi xa", 1, true) then return false end
  for _, w in ipairs(words) do
    local s, e = f:find("%f[%w]" .. w .. "%f[%W]")
    if s then
      local rest = f:sub(e + 1):gsub("^%s+", "")
      if rest == "" then return true end
      if agency_name then
        local name = re.fold(agency_name)
        return rest:sub(1, #name) == name
      end
      return true
    end
  end
  return false
end

-- Does the sentence before a citation say that the reporting body issued
-- it ("…, Ủy ban nhân dân xã đã ban hành Kế hoạch số 07/KH-UBND … và Kế
-- hoạch số 08/KH-UBND")? Covers clauses the extractor reads as the
-- continuation of a previous citation.
-- the pattern of issued_in_sentence for each level (built once)
local ISSUED_RE = {}
for lvl, words in pairs({ xa = "(?:xã|phường|thị trấn)", huyen = "(?:huyện|quận|thị xã|thành phố)",
  tinh = "(?:tỉnh|thành phố)" }) do
  ISSUED_RE[lvl] = [[(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+]] .. words ..
    [[(?:\s+[\p{Lu}][\p{L}]*){0,3}\s+(?:đã\s+|cũng\s+|tiếp tục\s+)?(?:ban hành|xây dựng và ban hành|ký ban hành)\b]]
end

function M.issued_in_sentence(doc, c)
  local t = doc.paragraphs[c.p].text
  local head = t:sub(1, c.s - 1)
  local from = 1
  -- a list item looks back over the list's ";" to the start of the sentence
  local stop = c.in_list and [[[.!?](?=\s)]] or [[[.;!?](?=\s)]]
  local m = re_matches(head, stop)
  if #m > 0 then from = m[#m - 2] + 1 end
  local seg = from > 1 and head:sub(from) or head
  return re_find(seg, ISSUED_RE[M.agency_level(doc)] or ISSUED_RE.xa, 1, "i") ~= nil
end

-- Is a citation a document the reporting body issued itself? Either the
-- text says it issued it ("UBND xã đã ban hành …"), or the issuing body
-- written after "của" is the reporting body. Never a central or Party
-- document, nor one of another level.
function M.own(doc, c)
  if c.party or not c.number then return false end
  local lvl = M.agency_level(doc)
  if c.issuer_level and c.issuer_level ~= lvl then return false end
  local code = M.issuer_canonical(c.issuer_code)
  local info = code and ISSUERS[code]
  if info and info.level ~= "any" and info.level ~= lvl then return false end
  if c.issuer_text and not M.names_reporting_body(doc, c.issuer_text) then
    -- "của HĐND xã", "của UBND xã Tiên Tiến"
    return false
  end
  if c.issued then return true end
  if c.issuer_text ~= nil and c.issuer_level == lvl then return true end
  return c.issuer_text == nil and c.issuer_level == nil and M.issued_in_sentence(doc, c)
end

---------------------------------------------------------------------------
-- what a missing symbol should look like

local BODY_CODES = {
  { "thu tuong", "TTg" }, { "van phong chinh phu", "VPCP" }, { "chinh phu", "CP" },
  { "mat tran to quoc", "MTTQ" }, { "hoi dong nhan dan", "HĐND" }, { "hdnd", "HĐND" },
  { "uy ban nhan dan", "UBND" }, { "ubnd", "UBND" }, { "tinh uy", "TU" }, { "huyen uy", "HU" },
  { "dang uy", "ĐU" }, { "bo chinh tri", "TW" }, { "ban bi thu", "TW" }, { "trung uong dang", "TW" },
  { "bo noi vu", "BNV" }, { "bo tu phap", "BTP" }, { "bo tai chinh", "BTC" },
}

-- the issuer code of the issuing body, from its text or from the actor
function M.body_code(doc, c)
  local text = c.issuer_text or c.issued_by
  if text then
    local f = re.fold(text)
    for _, bc in ipairs(BODY_CODES) do
      if f:find(bc[1], 1, true) then return bc[2] end
    end
  end
  if c.issued and M.own(doc, c) then
    local r = M.report(doc)
    local a = r and r.agency and re.fold(r.agency) or "uy ban nhan dan"
    if a:find("uy ban nhan dan", 1, true) or a:find("ubnd", 1, true) then return "UBND" end
  end
  return nil
end

-- "23/KH-UBND" for a citation written without its symbol, or nil
function M.expected_ref(doc, c)
  local code = c.type_code
  if not code or not c.number then return nil end
  local body = M.body_code(doc, c)
  if not body then return nil end
  if c.party or body == "TU" or body == "HU" or body == "ĐU" or body == "TW" then
    return c.number .. "-" .. code .. "/" .. body
  end
  if TYPES.normative[c.type] then
    local d = M.date(c)
    if not d then return nil end
    return c.number .. "/" .. d.year .. "/" .. code .. "-" .. body
  end
  return c.number .. "/" .. code .. "-" .. body
end

---------------------------------------------------------------------------
-- subjects

-- function words, place words and the words of a period: a word pair
-- holding one of them carries no meaning of its own. Compared in lower
-- case with diacritics ("tỉnh" is a stop word, "tình" is not).
local STOP = {}
for w in ([[về việc của và các năm trên địa bàn xã huyện tỉnh thôn phường thị trấn trong với cho để
  nhằm tại đến cấp này đó là những như ở vào sau trước được có không mà hoặc cùng giai đoạn nhiệm kỳ
  một số từ thuộc theo]]):gmatch("%S+") do STOP[w] = true end

-- word pairs every administrative subject uses ("thực hiện", "công tác"):
-- they say nothing about which document it is
local GENERIC = {}
for _, w in ipairs({ "thuc hien", "cong tac", "trien khai", "ban hanh", "to chuc", "ke hoach", "quyet dinh",
  "tang cuong", "day manh", "nang cao", "hieu qua", "chat luong", "nhiem vu", "ket qua" }) do GENERIC[w] = true end

local ABBR_LOWER
local function abbr_lower()
  if not ABBR_LOWER then
    ABBR_LOWER = {}
    for k, v in pairs(ABBR) do
      if type(v) == "table" and v.full then ABBR_LOWER[re.lower(k)] = re.lower(v.full) end
    end
  end
  return ABBR_LOWER
end

-- The word pairs of a subject that carry meaning, as folded keys: the
-- marker ("về việc") and the document's own type name at the start are
-- dropped ("Kế hoạch tuyên truyền …" in a register), abbreviations are
-- spelled out, the reporting body's place name and pairs holding a
-- function word or a number are left out.
-- (a pure function of the subject, the type name and the reporting body's
-- name; see M.subject_bigrams)

-- memo: a word (lower case) -> its folded form, or false for a function
-- word or a word with a digit (no pair holds it). re.fold of "a b" is the
-- fold of a, a space and the fold of b (it maps code point by code point).
local pair_word = capped(function(w)
  if STOP[w] or w:find("%d") then return false end
  return re_fold(w)
end, 8192)

-- the subject in lower case without its leading marker and type name
local function lead_stripped(s, typename)
  local f = re.lower(s or "")
  local lead = { "v/v", "về việc", "về" }
  if typename then table.insert(lead, 1, re.lower(typename)) end
  local changed = true
  while changed do
    changed = false
    f = f:gsub("^[%s%p]+", "")
    for _, l in ipairs(lead) do
      if f:sub(1, #l) == l and (f:sub(#l + 1, #l + 1) == " " or #f == #l) then
        f = f:sub(#l + 1)
        changed = true
      end
    end
  end
  return f
end

-- the reporting body's name -> { its lower case form, the Lua pattern of
-- it }, or false when empty
local agency_pat = capped(function(agency_name)
  local name = re.lower(agency_name)
  return #name > 0 and { name, (name:gsub("%p", "%%%0")) } or false
end, 256)

-- the word pairs of a stripped subject
local function pairs_of(f)
  local ab = abbr_lower()
  local set, n = {}, 0
  -- each pair of neighbouring words (abbreviations spelled out): prev is
  -- the key of the first word of the pair, or false (a word that cannot
  -- take part), or nil at the start of a clause
  local prev
  local function take(kw)
    if prev and kw then
      local k = prev .. " " .. kw
      if not set[k] and not GENERIC[k] then set[k] = true; n = n + 1 end
    end
    prev = kw
  end
  local clauses = re_split(f, [[[,;:.()\-–/]+]])
  for ci = 1, #clauses do
    prev = nil
    for w in clauses[ci]:gmatch("[^%s]+") do
      local full = ab[w]
      if full then
        for x in full:gmatch("[^%s,]+") do take(pair_word(x)) end
      else
        take(pair_word(w))
      end
    end
  end
  return set, n
end

local function bigrams_uncached(s, typename, agency_name)
  local f = lead_stripped(s, typename)
  if agency_name then
    local ap = agency_pat(agency_name)
    -- (the pattern is the name with its punctuation escaped: a plain
    -- search of the name tells whether it replaces anything)
    if ap and f:find(ap[1], 1, true) then f = f:gsub(ap[2], " , ") end
  end
  return pairs_of(f)
end

function M.subject_bigrams(doc, s, typename)
  local r = M.report(doc)
  return bigrams_uncached(s, typename, r and r.agency_name)
end

-- memo of the word pairs of a subject, for the comparisons below (never
-- returned to a rule): agency name (false when none) -> type name (false
-- when none) -> subject -> { set, n }; emptied when it grows large
local BIGRAMS, BIGRAMS_N = {}, 0

-- memo of pairs_of by the stripped subject (the reporting body's name
-- replaced): { set, n }; a pure function of that string, which is often
-- the same for subjects that differ by the place name only
local PAIRS, PAIRS_N = {}, 0

local function bigrams_shared(agency_name, s, typename)
  local byagency = BIGRAMS[agency_name or false]
  local bytype = byagency and byagency[typename or false]
  local v = bytype and bytype[s or ""]
  if v then return v end
  local f = lead_stripped(s, typename)
  local ap = agency_name and agency_pat(agency_name)
  -- (the pattern is the name with its punctuation escaped: a plain
  -- search of the name tells whether it replaces anything)
  if ap and f:find(ap[1], 1, true) then f = f:gsub(ap[2], " , ") end
  v = PAIRS[f]
  if not v then
    local set, n = pairs_of(f)
    v = { set, n }
    if PAIRS_N >= 2048 then PAIRS, PAIRS_N = {}, 0 end
    PAIRS[f] = v
    PAIRS_N = PAIRS_N + 1
  end
  if BIGRAMS_N >= 2048 then BIGRAMS, BIGRAMS_N = {}, 0; byagency = nil end
  if not byagency then byagency = {}; BIGRAMS[agency_name or false] = byagency end
  bytype = byagency[typename or false]
  if not bytype then bytype = {}; byagency[typename or false] = bytype end
  bytype[s or ""] = v
  BIGRAMS_N = BIGRAMS_N + 1
  return v
end

-- Two subjects of the same document: do they name different things?
-- True only when they share almost no meaningful word pair (a later
-- mention may shorten or extend the subject).
local function bigrams_differ(sa, na, sb, nb)
  if na < 2 or nb < 2 then return false end
  local common = 0
  for k in pairs(sa) do if sb[k] then common = common + 1 end end
  return common / math.min(na, nb) < 0.25
end

function M.subjects_differ(doc, a, b, ta, tb)
  local r = M.report(doc)
  local an = r and r.agency_name
  local x, y = bigrams_shared(an, a, ta), bigrams_shared(an, b, tb)
  return bigrams_differ(x[1], x[2], y[1], y[2])
end

-- M.subjects_differ(doc, a, b) for subjects without a type name, with the
-- word pairs of each subject looked up once per call of the caller: `cache`
-- is a table local to that call (subject -> {set, n}; cache[1] = the
-- reporting body's name, or false)
local function differ_cached(doc, cache, a, b)
  local an = cache[1]
  if an == nil then
    local r = M.report(doc)
    an = r and r.agency_name or false
    cache[1] = an
  end
  local x = cache[a]
  if not x then x = bigrams_shared(an or nil, a); cache[a] = x end
  local y = cache[b]
  if not y then y = bigrams_shared(an or nil, b); cache[b] = y end
  return bigrams_differ(x[1], x[2], y[1], y[2])
end

---------------------------------------------------------------------------
-- documents: the mentions of one cited document

local function level_groups(ms)
  -- (one level or none: one group, as below, without the tables)
  local one, several = nil, false
  for i = 1, #ms do
    local l = ms[i].issuer_level
    if l then
      if one == nil then one = l elseif l ~= one then several = true; break end
    end
  end
  if not several then return { ms } end
  local levels, order = {}, {}
  for _, c in ipairs(ms) do
    local l = c.issuer_level
    if l and not levels[l] then levels[l] = {}; order[#order + 1] = l end
  end
  if #order <= 1 then return { ms } end
  local groups, rest = {}, {}
  for _, l in ipairs(order) do groups[#groups + 1] = levels[l] end
  for _, c in ipairs(ms) do
    if c.issuer_level then
      table.insert(levels[c.issuer_level], c)
    else
      -- an unplaced mention joins the level whose dated mention has its date
      local home
      for _, l in ipairs(order) do
        for _, o in ipairs(levels[l]) do
          if c.date_iso and o.date_iso == c.date_iso then home = home or l end
        end
      end
      if home then table.insert(levels[home], c) else rest[#rest + 1] = c end
    end
  end
  for _, c in ipairs(rest) do groups[#groups + 1] = { c } end
  for _, g in ipairs(groups) do table.sort(g, function(x, y) return x.index < y.index end) end
  return groups
end

-- split by the year of the date: numbers restart every year, so the same
-- number in two years is two documents, unless only the year differs on the
-- same day and month (a typo, reported as a conflicting date)
local function year_groups(ms)
  -- (one date or none: one year, hence one group, as below, without parsing)
  local n = #ms
  local one, several = nil, false
  for i = 1, n do
    local iso = ms[i].date_iso
    if iso then
      if one == nil then one = iso elseif iso ~= one then several = true; break end
    end
  end
  if not several then return { ms } end
  -- the date of each mention, parsed once
  -- (day, month, year of each mention: M.date(c) without the table)
  local dd, mm, yy = {}, {}, {}
  local years, order = {}, {}
  for i = 1, n do
    local day, month, year = parse_parts(ms[i].date_iso)
    if day then
      dd[i], mm[i], yy[i] = day, month, year
      if not years[year] then years[year] = {}; order[#order + 1] = year end
    end
  end
  if #order <= 1 then return { ms } end
  local dm = nil
  local same_dm = true
  for i = 1, n do
    if dd[i] then
      local k = dd[i] .. "/" .. mm[i]
      if dm and dm ~= k then same_dm = false end
      dm = k
    end
  end
  if same_dm then return { ms } end
  local groups, undated = {}, {}
  for i = 1, n do
    local c = ms[i]
    if dd[i] then local l = years[yy[i]]; l[#l + 1] = c else undated[#undated + 1] = c end
  end
  for _, y in ipairs(order) do groups[#groups + 1] = years[y] end
  for _, c in ipairs(undated) do groups[#groups + 1] = { c } end
  return groups
end

-- Do two sets of mentions contradict each other (different dates or
-- subjects that name different things)?
local function contradict(doc, xs, ys)
  local cache = {}
  for _, x in ipairs(xs) do
    for _, y in ipairs(ys) do
      if x.date_iso and y.date_iso and x.date_iso ~= y.date_iso then return true end
      if x.subject_marker and y.subject_marker and x.subject and y.subject
        and differ_cached(doc, cache, x.subject, y.subject) then return true end
    end
  end
  return false
end

-- The cited documents: { key, mentions (in order), first, yearful } for every
-- number+symbol cited, the mentions split by issuing level and year.
-- Mentions of a normative number with and without its year segment
-- (25/2021/QĐ-TTg and 25/QĐ-TTg) stay one document unless their dates or
-- subjects contradict; then `mixed_year` is set.
function M.documents(doc)
  local bykey, keys = {}, {}
  for c in doc:facts("citation") do
    if not M.by_name(c) then
      local k = M.base_key(c)
      if k then
        if not bykey[k] then bykey[k] = {}; keys[#keys + 1] = k end
        table.insert(bykey[k], c)
      end
    end
  end
  local out = {}
  for _, k in ipairs(keys) do
    local ms = bykey[k]
    if #ms == 1 then
      -- one mention: one document (as below, without the tables)
      local c = ms[1]
      local d = { key = k, mentions = ms, first = c, mixed_year = false }
      if c.year then d.yearful = c end
      out[#out + 1] = d
    else
    -- with and without the year segment
    local with, without = {}, {}
    for _, c in ipairs(ms) do
      if c.year then with[#with + 1] = c else without[#without + 1] = c end
    end
    local sets
    if #with > 0 and #without > 0 and contradict(doc, with, without) then
      sets = { with, without }
    else
      sets = { ms }
    end
    for _, set in ipairs(sets) do
      for _, lg in ipairs(level_groups(set)) do
        for _, g in ipairs(year_groups(lg)) do
          local d = { key = k, mentions = g, first = g[1] }
          local y, n = 0, 0
          for _, c in ipairs(g) do if c.year then y = y + 1 else n = n + 1 end end
          d.mixed_year = y > 0 and n > 0
          for _, c in ipairs(g) do if c.year then d.yearful = c; break end end
          out[#out + 1] = d
        end
      end
    end
    end
  end
  -- in order of first mention (each document has its own first mention,
  -- so the order is unique: when `out` is already in it, as it is unless a
  -- key was split, there is nothing to sort)
  local at, sorted, prev = {}, true, nil
  for _, d in ipairs(out) do
    local x = d.first.index
    at[d] = x
    if prev and x < prev then sorted = false end
    prev = x
  end
  if not sorted then table.sort(out, function(a, b) return at[a] < at[b] end) end
  return out
end

-- majority value of field f among mentions (ties: the earliest mention's)
function M.majority(ms, f)
  -- (one value or none: that value, as below, without the tables)
  local one, several = nil, false
  for i = 1, #ms do
    local v = ms[i][f]
    if v ~= nil then
      if one == nil then one = v elseif v ~= one then several = true; break end
    end
  end
  if not several then return one end
  local count, first = {}, {}
  for i, c in ipairs(ms) do
    local v = c[f]
    if v ~= nil then
      count[v] = (count[v] or 0) + 1
      first[v] = first[v] or i
    end
  end
  local best
  for v, n in pairs(count) do
    if not best or n > count[best] or (n == count[best] and first[v] < first[best]) then best = v end
  end
  return best
end

-- Mentions whose subject names something else than the document's other
-- mentions: clusters of similar subjects, the largest (or the earliest) is
-- the reference. Returns { {mention, reference_mention}, … }.
function M.subject_conflicts(doc, d)
  local date = M.majority(d.mentions, "date_iso")
  local ms = {}
  for _, c in ipairs(d.mentions) do
    if c.subject and c.subject_marker and (not c.date_iso or c.date_iso == date) then ms[#ms + 1] = c end
  end
  if #ms < 2 then return {} end
  local parent = {}
  for i = 1, #ms do parent[i] = i end
  local function find(i)
    while parent[i] ~= i do i = parent[i] end
    return i
  end
  local cache = {}
  for i = 1, #ms do
    for j = i + 1, #ms do
      if not differ_cached(doc, cache, ms[i].subject, ms[j].subject) then
        local a, b = find(i), find(j)
        if a ~= b then parent[math.max(a, b)] = math.min(a, b) end
      end
    end
  end
  local size = {}
  for i = 1, #ms do local r = find(i); size[r] = (size[r] or 0) + 1 end
  local best
  for r, n in pairs(size) do
    if not best or n > size[best] or (n == size[best] and r < best) then best = r end
  end
  local out = {}
  for i = 1, #ms do
    if find(i) ~= best then out[#out + 1] = { ms[i], ms[best] } end
  end
  return out
end

-- Mentions whose date differs from the document's usual date:
-- { {mention, reference_mention}, … }
function M.date_conflicts(d)
  local date = M.majority(d.mentions, "date_iso")
  if not date then return {} end
  local ref
  for _, c in ipairs(d.mentions) do if c.date_iso == date then ref = c; break end end
  local out = {}
  for _, c in ipairs(d.mentions) do
    if c.date_iso and c.date_iso ~= date then out[#out + 1] = { c, ref } end
  end
  return out
end

---------------------------------------------------------------------------
-- abbreviations (terminology/abbreviation-first-use)

-- An upper-case abbreviation standing alone ("UBND", "CCHC", "HĐND-UBND").
-- No part of it matches a NUL, nor does any class of its look-arounds: in
-- paragraphs joined by NUL it finds exactly the matches of each paragraph.
local ABBR_PAT = [[(?<![\p{L}\p{N}/&-])\p{Lu}[\p{Lu}&-]*\p{Lu}(?![\p{L}\p{N}/&-])]]
M.ABBR_PAT = ABBR_PAT

-- ABBR_PAT restricted to the abbreviations of the list without `common`:
-- the same lookarounds around an alternation of those words. A match of
-- ABBR_PAT is a whole run of [\p{Lu}&-] between two characters outside
-- [\p{L}\p{N}/&-], so it is a match of this pattern exactly when its text
-- is one of these words (each itself a full match of ABBR_PAT), with the
-- same start, end and text. Its first bytes are a few upper-case letters
-- (PCRE2 skips to them) instead of every \p{Lu}.
do
  local core = [[^\p{Lu}[\p{Lu}&-]*\p{Lu}$]]
  local words = {}
  for k, v in pairs(ABBR) do
    if type(k) == "string" and type(v) == "table" and not v.common and re_find(k, core) then
      words[#words + 1] = k
    end
  end
  table.sort(words)
  for i, w in ipairs(words) do words[i] = w:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?%{%}|\\/&]", "\\%0") end
  -- the words alone: a pre-check for spans.hit_paragraphs
  M.ABBR_LIST_WORDS = #words > 0 and ("(?:" .. table.concat(words, "|") .. ")") or nil
  M.ABBR_LIST_PAT = #words > 0 and
    ([[(?<![\p{L}\p{N}/&-])(?:]] .. table.concat(words, "|") .. [[)(?![\p{L}\p{N}/&-])]]) or nil
end

---------------------------------------------------------------------------
-- laws cited by name (terminology/law-title)

-- The index of rules/law-titles.lua, built once per worker from the policy
-- data alone: `titles` maps the fold key of a title's first word to its
-- entries { title, keys } (in the order of the list), `not_laws` is an array
-- of { keys, why, name }, `need` maps a first key to the largest number of
-- words of an entry starting with it. Keys are vn.fold_keys of the words.
-- Shared between documents, so it is a field of this module: rules reach it
-- through the module's read-only proxy (cit.LAW_INDEX) and cannot change it.
-- Built on first use (it costs more than the rest of this module's load):
-- call cit.load_law_index() before reading cit.LAW_INDEX.
local function build_law_index()
  local vn = lib("vn")
  local data = rules_data("law-titles")
  local idx = {}
  for _, title in ipairs(data.titles) do
    local k = vn.fold_keys(title) -- the keys of its words
    local first = k[1]
    idx[first] = idx[first] or {}
    table.insert(idx[first], { title = title, keys = k })
  end
  local notlaw = {}
  for name, why in pairs(data.not_laws) do
    notlaw[#notlaw + 1] = { keys = vn.fold_keys(name), why = why, name = name }
  end
  -- the most words a match starting with a given first key can take
  -- (`any_empty`: an entry without words, which matches anything)
  local need, any_empty = {}, false
  local function count(keys)
    local k = keys[1]
    if k == nil then any_empty = true; return end
    if not need[k] or #keys > need[k] then need[k] = #keys end
  end
  for _, list in pairs(idx) do for _, cand in ipairs(list) do count(cand.keys) end end
  for _, nl in ipairs(notlaw) do count(nl.keys) end
  M.LAW_INDEX = { titles = idx, not_laws = notlaw, need = need, any_empty = any_empty }
end

--- Builds cit.LAW_INDEX once per worker (nothing to do after the first
--- call); the index itself is read through the module: cit.LAW_INDEX.
function M.load_law_index()
  if M.LAW_INDEX == nil then build_law_index() end
end

---------------------------------------------------------------------------
-- the report's date

-- the report's own date (the place-date line), or nil
function M.report_date(doc)
  local r = M.report(doc)
  if r and r.report_date_iso then return dates.parse(r.report_date_iso) end
  return nil
end

-- The date no cited document can be later than: the report's date; without
-- one, the latest of the data cut-off ("tính đến ngày"), the end of the
-- stated period and the submission deadline. Returns date, kind
-- ("report" or "bound") or nil.
function M.reference_date(doc, ctx)
  local d = M.report_date(doc)
  if d then return d, "report" end
  local best
  local function take(x)
    if x and dates.valid(x) and (not best or dates.compare(x, best) > 0) then best = x end
  end
  for f in doc:facts("date") do
    if f.valid and (f.role == "as_of" or f.role == "period_end") then take(dates.of_fact(f)) end
  end
  if not best then return nil end
  if ctx then
    take(ctx.deadline and dates.parse(ctx.deadline))
    local y = dates.report_year(doc)
    if y and ctx.options then take(dates.resolve(ctx.options.deadline, y)) end
  end
  return best, "bound"
end

---------------------------------------------------------------------------
-- the register (--data): columns so_ky_hieu, ngay, trich_yeu, co_quan_ban_hanh
-- or the Vietnamese headings "Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành"

local HEADER = {
  so_ky_hieu = "ref", so_va_ky_hieu = "ref", so_ky_hieu_van_ban = "ref", so_hieu = "ref",
  ngay = "date", ngay_ban_hanh = "date", ngay_thang = "date", ngay_van_ban = "date", ngay_thang_van_ban = "date",
  trich_yeu = "subject", trich_yeu_noi_dung = "subject", trich_yeu_van_ban = "subject",
  co_quan_ban_hanh = "body", co_quan = "body", noi_ban_hanh = "body", don_vi_ban_hanh = "body",
}

local function header_key(h)
  local f = re.fold(h or "")
  f = f:gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", "")
  return HEADER[f]
end

-- "09/KH-UBND" -> "9/KH-UBND" (no spaces, upper case, number without leading zeros)
function M.ref_key(s)
  s = (s or ""):gsub("%s+", "")
  local num, sep, rest = s:match("^0*(%d+%a?)([/-])(.+)$")
  if not num then return nil end
  if num == "" then num = "0" end
  return re.upper(num) .. sep .. re.upper(rest)
end

-- The registers among ctx.data: { name, path, entries = { {ref, key, date, subject, body, row} } }
function M.registers(ctx)
  local out = {}
  if not ctx.data then return out end
  for _, t in ipairs(ctx.data) do
    local col = {}
    for _, h in ipairs(t.headers or {}) do
      local k = header_key(h)
      if k and not col[k] then col[k] = h end
    end
    if col.ref and col.date then
      local reg = { name = t.name, path = t.path, entries = {}, years = {}, has_subject = col.subject ~= nil }
      for i, row in ipairs(t.rows or {}) do
        local ref = row[col.ref]
        local key = ref and M.ref_key(ref)
        if key then
          local e = { ref = (ref:gsub("%s+", "")), key = key, date = dates.parse(row[col.date] or ""),
            date_text = row[col.date], subject = col.subject and row[col.subject] or nil,
            body = col.body and row[col.body] or nil, row = i + 1 }
          if e.date then reg.years[e.date.year] = true end
          reg.entries[#reg.entries + 1] = e
        end
      end
      out[#out + 1] = reg
    end
  end
  return out
end

-- Does a register row belong to the reporting body? (rows without a body do)
function M.register_own(doc, e)
  if not e.body or e.body == "" then return true end
  return M.names_reporting_body(doc, e.body)
end

-- The register keys a citation may be filed under: its own number and
-- symbol, the symbol with a misspelled issuer corrected (22/QĐ-UBDN is filed
-- as 22/QĐ-UBND), or the expected symbol of a citation without one.
function M.register_keys(doc, c)
  local keys = {}
  if c.has_symbol then
    local k = M.ref_key(c.ref_norm)
    if k then keys[#keys + 1] = k end
    local fixed = M.issuer_canonical(c.issuer_code)
    if fixed and fixed ~= c.issuer_code and c.symbol then
      local sym = M.symbol_norm(c):gsub(c.issuer_code:gsub("%p", "%%%0"), fixed, 1)
      local k2 = M.ref_key((c.ref_norm:gsub(M.symbol_norm(c):gsub("%p", "%%%0") .. "$", (sym:gsub("%%", "%%%%")))))
      if k2 and k2 ~= k then keys[#keys + 1] = k2 end
    end
  else
    local ex = M.expected_ref(doc, c)
    local k = ex and M.ref_key(ex)
    if k then keys[#keys + 1] = k end
  end
  return keys
end

-- file name of a register for messages
function M.register_name(reg)
  local p = reg.path or reg.name or "dữ liệu"
  return (p:match("[^/\\]+$")) or p
end

-- where a register row is, for messages: "dòng 9", or "register.csv, dòng 9"
-- when several registers are given (one register as .csv or .xlsx gives the
-- same message)
function M.register_where(ctx, e)
  if #M.registers(ctx) > 1 then return M.register_name(e.reg) .. ", dòng " .. e.row end
  return "dòng " .. e.row
end

-- The reporting body's own cited documents and what its registers say of
-- them: a list of { doc = document, c = mention, entries = {…}, status }
-- with status "ok" (found with the same date, or no date to compare),
-- "date" (found in the same year with another date: `entry`), "missing"
-- (not in a register that covers its year; `other` = an entry of another
-- year, if any). Documents of years no register covers are left out.
function M.register_check(doc, ctx)
  local regs = M.registers(ctx)
  if #regs == 0 then return {} end
  local entries, years = {}, {}
  for _, reg in ipairs(regs) do
    for y in pairs(reg.years) do years[y] = true end
    for _, e in ipairs(reg.entries) do
      if M.register_own(doc, e) then
        e.reg = reg
        entries[e.key] = entries[e.key] or {}
        table.insert(entries[e.key], e)
      end
    end
  end
  local out = {}
  local docs = M.documents(doc)
  -- citations written without their symbol are looked up under the symbol
  -- they should have ("Kế hoạch số 23" as 23/KH-UBND)
  for c in doc:facts("citation") do
    if not c.has_symbol and c.number and not M.by_name(c) and M.own(doc, c) and M.expected_ref(doc, c) then
      docs[#docs + 1] = { key = M.expected_ref(doc, c), mentions = { c }, first = c }
    end
  end
  table.sort(docs, function(a, b) return a.first.index < b.first.index end)
  for _, d in ipairs(docs) do
    local own = false
    for _, c in ipairs(d.mentions) do if M.own(doc, c) then own = true end end
    if own then
      local date_iso = M.majority(d.mentions, "date_iso")
      local c = d.first
      for _, m in ipairs(d.mentions) do if m.date_iso == date_iso then c = m; break end end
      local found = {}
      for _, k in ipairs(M.register_keys(doc, c)) do
        for _, e in ipairs(entries[k] or {}) do found[#found + 1] = e end
        if #found > 0 then break end
      end
      local date = M.date(c)
      local r = { doc = d, c = c, entries = found }
      if date and not years[date.year] then
        r = nil
      elseif #found == 0 then
        r.status = "missing"
      elseif not date then
        r.status = "ok"
      else
        local same_year
        for _, e in ipairs(found) do
          if e.date and dates.compare(e.date, date) == 0 then r.status = "ok"; r.entry = e end
          if e.date and e.date.year == date.year then same_year = same_year or e end
        end
        if not r.status then
          if same_year then
            r.status = "date"; r.entry = same_year
          else
            r.status = "missing"; r.other = found[1]
          end
        end
      end
      if r then out[#out + 1] = r end
    end
  end
  return out
end

return M
