-- Helpers for Vietnamese text shared by the text packs (spelling,
-- terminology, typography, encoding, format): tone marks, tone-placement
-- style, syllable shape, spell checking across both tone styles, words of a
-- paragraph, the report's date.
--
-- Loaded with lib("vn"); the module is read-only and shared between rules,
-- so it keeps no state.

local vn = {}

-- Library functions as upvalues: a global or a field of the read-only
-- libraries costs a metamethod call at every use.
local re_find, re_gmatch, re_lower, re_upper, re_fold = re.find, re.gmatch, re.lower, re.upper, re.fold
local re_match = re.match
-- kind, length, lower case, case class, diacritics, syllable shape of a
-- word, in one C call (docs/lua-api.md)
local re_wordinfo = re.wordinfo
local spell_check, spell_suggest = spell.check, spell.suggest
local utf8_codes, utf8_char, utf8_len = utf8.codes, utf8.char, utf8.len
local concat, unpack = table.concat, table.unpack
local byte, sub = string.byte, string.sub
-- the words of a text in one C call, skipping those of a wordset (see
-- docs/lua-api.md, "re.words")
local scan_words_of, new_wordset = re.words, re.wordset

-- ---- memoization ----
-- The word functions below are pure: their results are kept per worker in
-- module-level tables (words only, never anything about a document), each
-- emptied when it grows past MEMO_MAX entries.
local MEMO_MAX = 50000

-- A memo for a word scan: t maps a word to its verdict (false: the word
-- never gives anything), skip holds the words whose verdict is false, for
-- re.words to leave them out without making a Lua string of each.
local function scan_memo()
  return { t = {}, n = 0, skip = new_wordset() }
end

local function memo_put(M, w, v)
  if M.n >= MEMO_MAX then M.t, M.n, M.skip = {}, 0, new_wordset() end
  M.n = M.n + 1
  M.t[w] = v
  if v == false then M.skip:add(w) end
end

-- The verdict fn(w) of a word not yet in M, kept: the scans look M.t[w] up
-- themselves and call this only for a new word.
local function memo_fill(M, w, fn)
  local v = fn(w)
  memo_put(M, w, v)
  return v
end

local capped = lib("memo").capped
local function memoize(fn) return capped(fn, MEMO_MAX) end

-- Each row: the base vowel, then its forms with the five tone marks in the
-- order huyền, hỏi, ngã, sắc, nặng.
local ROWS = {
  "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
  "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
  "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
  "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
}

local DECOMP = {}   -- char -> {base, tone (0..5)}
local COMPOSE = {}  -- base -> {[0]=base, [1]=huyền, ...}
for _, row in ipairs(ROWS) do
  local forms, i = {}, 0
  for _, c in utf8_codes(row) do
    forms[i] = utf8_char(c)
    i = i + 1
  end
  COMPOSE[forms[0]] = forms
  for t = 0, 5 do DECOMP[forms[t]] = { forms[0], t } end
end

-- A letter that is not "plain" (ASCII or a Vietnamese letter): the
-- caseless matches (PCRE2) of a plain letter are exactly the plain letters
-- with the same re.lower (same length in bytes), and K (U+212A) for k, ſ
-- (U+017F) for s, which are not plain.
local NOT_PLAIN
do
  -- the Vietnamese letters as ranges of code points (a class of single
  -- characters is slow to test)
  local cps = { 0x0110, 0x0111 }
  for ch in pairs(DECOMP) do if #ch > 1 then cps[#cps + 1] = utf8.codepoint(ch) end end
  table.sort(cps)
  local parts, i = {}, 1
  while i <= #cps do
    local j = i
    while cps[j + 1] == cps[j] + 1 do j = j + 1 end
    parts[#parts + 1] = string.format("\\x{%04X}-\\x{%04X}", cps[i], cps[j])
    i = j + 1
  end
  -- the most frequent range (U+1EA0-U+1EF9) first
  table.sort(parts, function(a, b) return a > b end)
  NOT_PLAIN = "[^\\P{L}A-Za-z" .. concat(parts) .. "]"
end

-- lower-case base vowel (plain a, e, o, u, y rows only) of a character, for
-- the tone-style slot: "o" for o, ò, Ó…; nil for other characters
local STYLE_BASE = {}
for ch, d in pairs(DECOMP) do
  local b = d[1]
  if b == "a" or b == "A" then STYLE_BASE[ch] = "a"
  elseif b == "e" or b == "E" then STYLE_BASE[ch] = "e"
  elseif b == "o" or b == "O" then STYLE_BASE[ch] = "o"
  elseif b == "u" or b == "U" then STYLE_BASE[ch] = "u"
  elseif b == "y" or b == "Y" then STYLE_BASE[ch] = "y"
  end
end

local function chars(s)
  local t, n = {}, 0
  for _, c in utf8_codes(s) do
    n = n + 1
    t[n] = utf8_char(c)
  end
  return t
end

--- The characters of a UTF-8 string, as an array of strings.
function vn.chars(s)
  return chars(s)
end

--- base vowel and tone (0 = ngang … 5 = nặng) of one character, or nil.
function vn.decompose(ch)
  local d = DECOMP[ch]
  if d then return d[1], d[2] end
  return nil
end

-- Positions (in the char array) of the vowel run of a syllable, the tone
-- and where it is.
local function analyse(ch)
  local first, last, tone, tpos
  for i = 1, #ch do
    local d = DECOMP[ch[i]]
    if d then
      if not first then first = i end
      if first and last and last < i - 1 then return nil end -- two vowel runs: not one syllable
      last = i
      if d[2] ~= 0 then
        if tone then return nil end -- two tone marks
        tone, tpos = d[2], i
      end
    end
  end
  return first, last, tone, tpos
end

-- Is this syllable one where the two tone-placement styles differ?
-- That is a final "oa", "oe" or "uy" with no consonant after it, not after
-- "q" (in "quý" the u belongs to the initial "qu"). Returns the index of
-- the first of the two vowels.
local function style_slot(ch)
  local first, last = analyse(ch)
  if not first or last ~= #ch or last - first ~= 1 then return nil end
  local la, lb = STYLE_BASE[ch[first]], STYLE_BASE[ch[last]]
  if not ((la == "o" and (lb == "a" or lb == "e")) or (la == "u" and lb == "y")) then return nil end
  if first > 1 then
    local q = ch[first - 1]
    if q == "q" or q == "Q" then return nil end
  end
  return first
end

local tone_style = memoize(function(word)
  local ch = chars(word)
  local slot = style_slot(ch)
  if not slot then return nil end
  local _, _, tone, tpos = analyse(ch)
  if not tone then return nil end
  if tpos == slot then return "new" end
  if tpos == slot + 1 then return "old" end
  return nil
end)

--- "old" (hoà, uỷ: mark on the second vowel), "new" (hòa, ủy) or nil when
--- the syllable does not show the style (no mark, or another rhyme).
function vn.tone_style(word)
  return tone_style(word)
end

-- Only the words (runs of letters) that end in "oa", "oe" or "uy" (any
-- tone, any case) can show a style, that is the matches of STYLED =
-- [[(?<!\p{L})(\p{L}*(?:[oòỏõóọOÒỎÕÓỌ][aàảãáạeèẻẽéẹAÀẢÃÁẠEÈẺẼÉẸ]|[uùủũúụUÙỦŨÚỤ][yỳỷỹýỵYỲỶỸÝỴ]))(?!\p{L})]];
-- vn.tone_style is nil for every other run of letters.
-- word -> its style, or false (memo, at most MEMO_MAX words)
local ST = scan_memo()
local STYLE_LAST = { [byte("a")] = true, [byte("e")] = true, [byte("y")] = true,
  [byte("A")] = true, [byte("E")] = true, [byte("Y")] = true }

-- the tone style of a word for vn.styled_words, or false: a word that ends
-- in an ASCII letter other than a, e, y cannot end in "oa", "oe" or "uy",
-- no need to look closer
local function style_verdict(w)
  local last = byte(w, -1)
  if last < 0x80 and not STYLE_LAST[last] then return false end
  return tone_style(w) or false
end

--- The words of text that show a tone-placement style, as a new flat
--- array {s1, e1, word1, style1, s2, ...} (bytes; style as vn.tone_style):
--- the same words as re.gmatch(text, STYLED) then vn.tone_style, in order.
function vn.styled_words(text)
  -- the runs of letters (re.words "letters"), those already known not to
  -- show a style left out in C: tone_style is nil for any other word
  local m = scan_words_of(text, "letters", ST.skip)
  local out, n = {}, 0
  for i = 1, #m, 3 do
    local w = m[i + 2]
    local st = ST.t[w]
    if st == nil then st = memo_fill(ST, w, style_verdict) end
    if st then
      out[n + 1], out[n + 2], out[n + 3], out[n + 4] = m[i], m[i + 1], w, st
      n = n + 4
    end
  end
  return out
end

local function restyle_in(word, style)
  local ch = chars(word)
  local slot = style_slot(ch)
  if not slot then return word end
  local _, _, tone, tpos = analyse(ch)
  if not tone then return word end
  local want = style == "old" and slot + 1 or slot
  if tpos == want then return word end
  ch[tpos] = COMPOSE[DECOMP[ch[tpos]][1]][0]
  ch[want] = COMPOSE[DECOMP[ch[want]][1]][tone]
  return concat(ch)
end
local restyle_old = memoize(function(word) return restyle_in(word, "old") end)
local restyle_new = memoize(function(word) return restyle_in(word, "new") end)

local function restyle(word, style)
  if style == "old" then return restyle_old(word) end
  return restyle_new(word)
end

--- The syllable written in the given tone-placement style ("old" | "new");
--- other syllables are returned unchanged.
function vn.restyle(word, style)
  return restyle(word, style)
end

local has_diacritics = memoize(function(word)
  local _, _, _, _, dia = re_wordinfo(word)
  return dia
end)

--- true when the word carries a Vietnamese diacritic (tone mark, breve,
--- circumflex, horn or đ).
function vn.has_diacritics(word)
  return has_diacritics(word)
end

local syllable_shape = memoize(function(word)
  local _, _, _, _, _, shape = re_wordinfo(word)
  return shape
end)

--- Does the word have the shape of one Vietnamese syllable (initial
--- consonant, one to three vowels, a permitted final)? Tone marks are not
--- checked. Words with f, j, w, z or foreign clusters answer false.
function vn.syllable_shape(word)
  return syllable_shape(word)
end

local spell_ok = memoize(function(word)
  if spell_check(word) then return true end
  local old = restyle_old(word)
  if old ~= word and spell_check(old) then return true end
  local new = restyle_new(word)
  if new ~= word and spell_check(new) then return true end
  -- a capitalised or upper-case form of a dictionary word
  local low = re_lower(word)
  if low ~= word then
    if spell_check(low) then return true end
    local lold = restyle_old(low)
    if lold ~= low and spell_check(lold) then return true end
  end
  return false
end)

--- Hunspell check that accepts both tone-placement styles (the Debian
--- vi_VN dictionary only has the old style: "hoà", "uỷ").
function vn.spell_ok(word)
  return spell_ok(word)
end

local case_of = memoize(function(word)
  local _, _, _, case = re_wordinfo(word)
  return case
end)

--- "upper" (UBND, CÔNG), "cap" (Đình), "lower" or "mixed" (QyĐ, iPhone).
function vn.case_of(word)
  return case_of(word)
end

local TOKEN = [[([\p{L}\p{M}\p{N}]+(?:[-/.@_'’&][\p{L}\p{M}\p{N}]+)*)]]
local token_kind = memoize(function(tok)
  return (re_wordinfo(tok))
end)

--- Iterator over the tokens of a text: start, end (bytes), token, kind.
--- kind is "word" for a run of letters, "other" for tokens that mix letters
--- with digits or joiners (codes, symbols, e-mail addresses, URLs).
function vn.tokens(text)
  local it = re_gmatch(text, TOKEN)
  return function()
    local s, e, tok = it()
    if not s then return nil end
    return s, e, tok, token_kind(tok)
  end
end

-- sentence starts: the text before the word is only list dashes, brackets
-- and quotes (SS_LEAD), ends with . ! ? : ; and closing/opening marks
-- (SS_PUNCT), or is a numbering marker (SS_MARKER)
local SS_LEAD = [[^[\s\-+•*–—(\["“'‘]*]]
local SS_PUNCT = [[(?:[.!?…:;]|\./\.)[\s"”’)]*[\s\-+–(“"]*$]]
local SS_MARKER = [[^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*$]]
local SS_MARKER_LEAD = [[^[\s\dIVXLCa-zđ.)]*]]
-- bytes that may belong to the closing and opening marks after the
-- punctuation: ASCII controls and space, " ( ) + -, and any byte of a
-- multi-byte character
local SS_TAIL = {}
for b = 0, 255 do SS_TAIL[b] = b <= 0x20 or b >= 0x7F end
for _, c in ipairs({ '"', "(", ")", "+", "-" }) do SS_TAIL[byte(c)] = true end

-- SS_PUNCT on text:sub(1, s - 1), looking only at its end: the match is
-- the punctuation, then closing and opening marks up to s - 1, and those
-- marks are all inside the run of SS_TAIL bytes before s.
local function ss_punct(text, s)
  local k = s - 1
  while k >= 1 and SS_TAIL[byte(text, k)] do k = k - 1 end
  if k < 1 then k = 1 end
  return re_find(sub(text, k, s - 1), SS_PUNCT) ~= nil
end

local function ss_marker(text, s, lead_end)
  return s - 1 <= lead_end and re_find(sub(text, 1, s - 1), SS_MARKER) ~= nil
end

--- Is the byte position s the start of a sentence in text (paragraph
--- start, or after . ! ? : ; a list dash, an opening bracket or quote)?
--- (vn.candidates has a faster equivalent for positions where a word
--- starts.)
function vn.sentence_start(text, s)
  local before = text:sub(1, s - 1)
  if re_find(before, [[^[\s\-+•*–—(\["“'‘]*$]]) then return true end
  if re_find(before, SS_PUNCT) then return true end
  -- after a numbering marker: "1. ", "a) ", "II. "
  if re_find(before, SS_MARKER) then return true end
  return false
end

local function iso(y, m, d) return string.format("%04d-%02d-%02d", y, m, d) end

--- The report's date as "yyyy-mm-dd" and its year, from the "report" fact
--- when the core provides it, else from the header's place-and-date line,
--- else a year in the title or the first paragraphs (date nil then).
function vn.report_date(doc)
  local r = doc:fact("report")
  if r then
    local dstr = r.report_date_iso
    local y = tonumber(r.year)
    if dstr and dstr ~= "" then return dstr, y or tonumber(dstr:sub(1, 4)) end
    if y then return nil, y end
  end
  local function date_in(text)
    local d, m, y = re.match(text, [[ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})]], 1, "i")
    if d then return iso(tonumber(y), tonumber(m), tonumber(d)), tonumber(y) end
    return nil
  end
  local pd = doc.blocks and doc.blocks.place_date
  if pd and doc.paragraphs[pd] then
    local dstr, y = date_in(doc.paragraphs[pd].text)
    if dstr then return dstr, y end
  end
  -- a "<place>, ngày … tháng … năm …" line near the top
  local n = #doc.paragraphs
  for i = 1, math.min(n, 15) do
    local t = doc.paragraphs[i].text
    if re.find(t, [[^[^\d,]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}]]) then
      local dstr, y = date_in(t)
      if dstr then return dstr, y end
    end
  end
  -- a year in the title or the first paragraphs ("6 tháng đầu năm 2023")
  for i = 1, math.min(n, 6) do
    local y = re.match(doc.paragraphs[i].text, [[(?<!\d)(20\d\d|19\d\d)(?!\d)]])
    if y then return nil, tonumber(y) end
  end
  return nil, nil
end

--- "dòng 12" for text files (the source line), "đoạn 12" otherwise.
function vn.where(doc, p)
  local para = doc.paragraphs[p]
  if doc.format == "txt" and para and para.line then
    return "dòng " .. tostring(para.line)
  end
  return "đoạn " .. tostring(p)
end

-- ---- spelling helpers ----

-- What vn.candidates needs to know about one token, computed once per
-- word: false when the token is never checked (a code, a single letter, a
-- Roman numeral, a letter Vietnamese does not use, a mixed-case word, a
-- word that is neither diacritic-bearing nor syllable-shaped), else
-- { lower case, case, has diacritics, syllable shape }.
local NOT_VIETNAMESE = [=[[\x{00C4}-\x{00C7}\x{00CB}\x{00CE}-\x{00D1}\x{00D6}-\x{00D8}\x{00DB}\x{00DC}\x{00DE}-\x{00DF}\x{00E4}-\x{00E7}\x{00EB}\x{00EE}-\x{00F1}\x{00F6}-\x{00F8}\x{00FB}\x{00FC}\x{00FE}\x{00FF}\x{00B5}\x{00AA}\x{00BA}\p{Cyrillic}\p{Greek}]]=]
local word_info = memoize(function(w)
  -- not Vietnamese letters: look-alikes (Ð, Cyrillic, Greek) and Latin-1
  -- letters Vietnamese does not use are left to the encoding pack
  local kind, len, low, case, dia, shape = re_wordinfo(w)
  if kind == "word" and len >= 2 and not w:match("^[IVXLC]+$")
    and not re_find(w, NOT_VIETNAMESE) then
    if case == "mixed" or (not dia and not shape) then return false end
    return { low, case, dia, shape }
  end
  return false
end)

-- Verdicts on words for a scan: per word, false when the word is never
-- returned (not a candidate word, or want(w) is false), else word_info(w),
-- or a copy of it with want's value at [5] when that value is not true.
-- Memoized in t (at most MEMO_MAX words), the false ones also in skip.
local function verdicts(want)
  local V = scan_memo()
  V.want = want
  return V
end

local function verdict(V, w)
  local info = word_info(w)
  local v = false
  if info then
    if not V.want then
      v = info
    else
      local x = V.want(w)
      if x == true then
        v = info
      elseif x then
        v = { info[1], info[2], info[3], info[4], x }
      end
    end
  end
  memo_put(V, w, v)
  return v
end

-- Iterator over the candidates of text (see vn.candidates) that V's want
-- accepts: start, end, word, want's value (true when no want).
-- The tokens come from one re.words call, which already leaves out the
-- words whose verdict is false (most words: verdicts are pure, so a word
-- left out would only get false again).
local function scan_words(text, allow, V)
  local m = scan_words_of(text, "token", V.skip)
  local i, nm = 1, #m
  local upper_par        -- the paragraph is in upper case (computed when needed)
  local lead, marker     -- where SS_LEAD and SS_MARKER_LEAD end (idem)
  return function()
    while i <= nm do
      local s, e, w = m[i], m[i + 1], m[i + 2]
      i = i + 3
      local v = V.t[w]
      if v == nil then v = verdict(V, w) end
      if v and not (allow and allow[v[1]]) then
        local case = v[2]
        local skip = false
        if case == "upper" then
          if upper_par == nil then upper_par = re_upper(text) == text end
          if not upper_par then
            -- an upper-case word in running text: an abbreviation unless it
            -- is a Vietnamese word with diacritics ("CỘNG", "ĐẠO")
            skip = not (v[3] and v[4])
          else
            skip = not v[4]
          end
        elseif case == "cap" then
          -- a capitalised word inside a sentence: a proper name
          if not lead then
            local _
            _, lead = re_find(text, SS_LEAD)
            _, marker = re_find(text, SS_MARKER_LEAD)
          end
          skip = not (s - 1 <= lead or ss_punct(text, s) or ss_marker(text, s, marker))
        end
        if not skip then return s, e, w, v[5] or true end
      end
    end
    return nil
  end
end

local V_ALL = verdicts(nil)

--- Iterator over the words of a paragraph that the spelling rules check:
--- start, end, word. Skips codes and symbols (digits, "/", "-", "."),
--- abbreviations and other upper-case words that are not Vietnamese
--- syllables, capitalised words inside a sentence (proper names), single
--- letters, words on the allow-list (lower-case keys) and foreign-looking
--- words without Vietnamese diacritics.
function vn.candidates(text, allow)
  local it = scan_words(text, allow, V_ALL)
  return function()
    local s, e, w = it()
    return s, e, w
  end
end

local split_glued = memoize(function(word)
  local ch = chars(word)
  local n = #ch
  if n < 4 or n > 16 then return nil end
  local function ok(a, b)
    if b - a + 1 < 2 then return false end
    local part = concat(ch, "", a, b)
    return syllable_shape(part) and spell_ok(part)
  end
  for i = n - 2, 2, -1 do
    if ok(1, i) and ok(i + 1, n) then
      return concat(ch, "", 1, i) .. " " .. concat(ch, "", i + 1, n)
    end
  end
  for i = 2, n - 4 do
    if ok(1, i) then
      for j = n - 2, i + 2, -1 do
        if ok(i + 1, j) and ok(j + 1, n) then
          return concat(ch, "", 1, i) .. " " .. concat(ch, "", i + 1, j) .. " " .. concat(ch, "", j + 1, n)
        end
      end
    end
  end
  return nil
end)

--- Two or three dictionary syllables typed without a space ("tráchcủa" ->
--- "trách của"), or nil. Each part has a Vietnamese shape and is at least
--- two letters long; the split with the fewest parts, then the earliest
--- long first part, wins.
function vn.split_glued(word)
  return split_glued(word)
end

local suggest = memoize(function(word)
  local list = spell_suggest(word)
  for _, s in ipairs(list) do
    if not s:find(" ", 1, true) and syllable_shape(s) then return s end
  end
  return nil
end)

--- The first Hunspell suggestion that is a single Vietnamese syllable, or nil.
function vn.suggest(word)
  return suggest(word)
end

-- ---- legacy encodings left in Unicode text (mojibake) ----

-- TCVN3 (ABC, .VnTime): a Latin-1 character (its byte) -> the Unicode letter
local TCVN3 = {
  [0xA1]=0x0102, [0xA2]=0x00C2, [0xA3]=0x00CA, [0xA4]=0x00D4, [0xA5]=0x01A0, [0xA6]=0x01AF, [0xA7]=0x0110, [0xA8]=0x0103,
  [0xA9]=0x00E2, [0xAA]=0x00EA, [0xAB]=0x00F4, [0xAC]=0x01A1, [0xAD]=0x01B0, [0xAE]=0x0111, [0xAF]=0x1EB0, [0xB5]=0x00E0,
  [0xB6]=0x1EA3, [0xB7]=0x00E3, [0xB8]=0x00E1, [0xB9]=0x1EA1, [0xBA]=0x1EB2, [0xBB]=0x1EB1, [0xBC]=0x1EB3, [0xBD]=0x1EB5,
  [0xBE]=0x1EAF, [0xBF]=0x1EB4, [0xC0]=0x1EAE, [0xC1]=0x1EA6, [0xC2]=0x1EA8, [0xC3]=0x1EAA, [0xC4]=0x1EA4, [0xC5]=0x1EC0,
  [0xC6]=0x1EB7, [0xC7]=0x1EA7, [0xC8]=0x1EA9, [0xC9]=0x1EAB, [0xCA]=0x1EA5, [0xCB]=0x1EAD, [0xCC]=0x00E8, [0xCD]=0x1EC2,
  [0xCE]=0x1EBB, [0xCF]=0x1EBD, [0xD0]=0x00E9, [0xD1]=0x1EB9, [0xD2]=0x1EC1, [0xD3]=0x1EC3, [0xD4]=0x1EC5, [0xD5]=0x1EBF,
  [0xD6]=0x1EC7, [0xD7]=0x00EC, [0xD8]=0x1EC9, [0xD9]=0x1EC4, [0xDA]=0x1EBE, [0xDB]=0x1ED2, [0xDC]=0x0129, [0xDD]=0x00ED,
  [0xDE]=0x1ECB, [0xDF]=0x00F2, [0xE0]=0x1ED4, [0xE1]=0x1ECF, [0xE2]=0x00F5, [0xE3]=0x00F3, [0xE4]=0x1ECD, [0xE5]=0x1ED3,
  [0xE6]=0x1ED5, [0xE7]=0x1ED7, [0xE8]=0x1ED1, [0xE9]=0x1ED9, [0xEA]=0x1EDD, [0xEB]=0x1EDF, [0xEC]=0x1EE1, [0xED]=0x1EDB,
  [0xEE]=0x1EE3, [0xEF]=0x00F9, [0xF0]=0x1ED6, [0xF1]=0x1EE7, [0xF2]=0x0169, [0xF3]=0x00FA, [0xF4]=0x1EE5, [0xF5]=0x1EEB,
  [0xF6]=0x1EED, [0xF7]=0x1EEF, [0xF8]=0x1EE9, [0xF9]=0x1EF1, [0xFA]=0x1EF3, [0xFB]=0x1EF7, [0xFC]=0x1EF9, [0xFE]=0x1EF5,
  [0xFF]=0x1ED0,
}

--- The word read back from TCVN3 mojibake ("c¸ch" -> "cách", "CéNG" ->
--- "CỘNG"), or nil when it has no TCVN3 character. upper: the text is in
--- the upper-case font .VnTimeH (the same codes as the lower-case letters);
--- when nil, a word with two or more upper-case ASCII letters and no
--- lower-case one is taken as upper case.
local function decode_tcvn3(word, upper)
  local out, changed, ascii_up, ascii_low = {}, false, 0, 0
  for _, c in utf8_codes(word) do
    local m = TCVN3[c]
    if m then
      out[#out + 1] = utf8_char(m)
      changed = true
    else
      out[#out + 1] = utf8_char(c)
      if c >= 65 and c <= 90 then ascii_up = ascii_up + 1 elseif c >= 97 and c <= 122 then ascii_low = ascii_low + 1 end
    end
  end
  if not changed then return nil end
  local s = concat(out)
  -- .VnTimeH (upper-case font) uses the same codes as the lower-case letters
  if upper == nil then upper = ascii_up >= 2 and ascii_low == 0 end
  if upper then s = re_upper(s) end
  return s
end

local tcvn3_auto = memoize(function(word) return decode_tcvn3(word, nil) end)
local tcvn3_upper = memoize(function(word) return decode_tcvn3(word, true) end)
local tcvn3_lower = memoize(function(word) return decode_tcvn3(word, false) end)

function vn.decode_tcvn3(word, upper)
  if upper == nil then return tcvn3_auto(word) end
  if upper then return tcvn3_upper(word) end
  return tcvn3_lower(word)
end

local VNI_SINGLE = {
  ["ô"] = "ơ", ["ö"] = "ư", ["ñ"] = "đ", ["Ô"] = "Ơ", ["Ö"] = "Ư", ["Ñ"] = "Đ",
  ["í"] = "í", ["ì"] = "ì", ["æ"] = "ỉ", ["ó"] = "ĩ", ["ò"] = "ị",
  ["Í"] = "Í", ["Ì"] = "Ì", ["Æ"] = "Ỉ", ["Ó"] = "Ĩ", ["Ò"] = "Ị",
}
local VNI_TONE = { ["ù"] = 4, ["ø"] = 1, ["û"] = 2, ["õ"] = 3, ["ï"] = 5,
  ["Ù"] = 4, ["Ø"] = 1, ["Û"] = 2, ["Õ"] = 3, ["Ï"] = 5 }
local VNI_CIRC = { ["â"] = 0, ["á"] = 4, ["à"] = 1, ["å"] = 2, ["ã"] = 3, ["ä"] = 5,
  ["Â"] = 0, ["Á"] = 4, ["À"] = 1, ["Å"] = 2, ["Ã"] = 3, ["Ä"] = 5 }
local VNI_BREVE = { ["ê"] = 0, ["é"] = 4, ["è"] = 1, ["ú"] = 2, ["ü"] = 3, ["ë"] = 5,
  ["Ê"] = 0, ["É"] = 4, ["È"] = 1, ["Ú"] = 2, ["Ü"] = 3, ["Ë"] = 5 }
local CIRC_OF = { a = "â", e = "ê", o = "ô", A = "Â", E = "Ê", O = "Ô" }
local BREVE_OF = { a = "ă", A = "Ă" }

--- The word read back from VNI mojibake ("Vieät" -> "Việt", "BAÙO" ->
--- "BÁO"), or nil when nothing was decoded.
local decode_vni = memoize(function(word)
  local out, changed = {}, false
  for _, c in utf8_codes(word) do
    local ch = utf8_char(c)
    local prev = out[#out]
    local pd = prev and DECOMP[prev]
    if pd and VNI_TONE[ch] and pd[2] == 0 then
      out[#out] = COMPOSE[pd[1]][VNI_TONE[ch]]
      changed = true
    elseif pd and VNI_CIRC[ch] and pd[2] == 0 and CIRC_OF[pd[1]] then
      out[#out] = COMPOSE[CIRC_OF[pd[1]]][VNI_CIRC[ch]]
      changed = true
    elseif pd and VNI_BREVE[ch] and pd[2] == 0 and BREVE_OF[pd[1]] then
      out[#out] = COMPOSE[BREVE_OF[pd[1]]][VNI_BREVE[ch]]
      changed = true
    elseif VNI_SINGLE[ch] then
      out[#out + 1] = VNI_SINGLE[ch]
      changed = changed or VNI_SINGLE[ch] ~= ch
    else
      out[#out + 1] = ch
    end
  end
  if not changed then return nil end
  return concat(out)
end)

function vn.decode_vni(word)
  return decode_vni(word)
end

-- ---- word verdicts of the spelling rules (pure, memoized) ----

-- spelling/unknown-syllable: the word is known: a dictionary word in
-- either tone style, glued dictionary syllables (spelling/glued-words
-- reports them), or legacy-encoding mojibake of a dictionary word
-- (encoding/mojibake reports it)
local syllable_known = memoize(function(w)
  local ok = spell_ok(w) or split_glued(w) ~= nil
  if not ok then
    local d1, d2 = tcvn3_auto(w), decode_vni(w)
    ok = (d1 ~= nil and spell_ok(d1)) or (d2 ~= nil and spell_ok(d2))
  end
  return ok
end)
local V_UNKNOWN = verdicts(function(w) return not syllable_known(w) end)

--- Iterator over the candidates (see vn.candidates) that
--- spelling/unknown-syllable reports: start, end, word.
function vn.unknown_candidates(text, allow)
  return scan_words(text, allow, V_UNKNOWN)
end

-- spelling/glued-words: the split of a word that is not a dictionary word
-- but glued dictionary syllables, or false
local glued_split = memoize(function(w)
  local split = false
  if has_diacritics(w) or not syllable_shape(w) then
    if not spell_ok(w) then split = split_glued(w) or false end
  end
  return split
end)

--- Iterator over the candidates (see vn.candidates) that are glued
--- syllables: start, end, word, the split ("tráchcủa" -> "trách của").
local V_GLUED = verdicts(glued_split)

function vn.glued_candidates(text, allow)
  return scan_words(text, allow, V_GLUED)
end

-- encoding/mojibake: the word may be legacy-encoding mojibake: it has a
-- non-ASCII character, two or more letters, is not a dictionary word and
-- reads back as one from TCVN3 (upper- or lower-case font) or VNI
local function decoded_ok(w, d) return d ~= nil and d ~= w and spell_ok(d) end
local function mojibake_possible(w)
  if not (re_find(w, "[^\\x{0000}-\\x{007F}]") and utf8_len(w) >= 2) then return false end
  if spell_ok(w) then return false end
  return decoded_ok(w, tcvn3_upper(w)) or decoded_ok(w, tcvn3_lower(w)) or decoded_ok(w, decode_vni(w))
end

-- the words encoding/mojibake looks at: letters and Latin-1 characters
-- (the legacy codes), with a letter: re.words "legacy", the matches of
-- [[([\p{L}\x{00A1}-\x{00FF}]*[\p{L}][\p{L}\x{00A1}-\x{00FF}]*|[\x{00A1}-\x{00FF}]+[\p{L}][\p{L}\x{00A1}-\x{00FF}]*)]]
local MP = scan_memo()

--- true when a word of the text may be legacy-encoding mojibake (a
--- necessary condition for encoding/mojibake, which decides with the
--- paragraph's case).
function vn.may_have_mojibake(text)
  -- the words already known not to be mojibake are left out in C
  local m = scan_words_of(text, "legacy", MP.skip)
  for i = 3, #m, 3 do
    local w = m[i]
    local v = MP.t[w]
    if v == nil then v = memo_fill(MP, w, mojibake_possible) end
    if v then return true end
  end
  return false
end

-- ---- keys for loose matching of names (terminology/law-title) ----

-- re.fold strips every mark (tone, breve, circumflex, horn) and folds the
-- case: where the tone mark sits does not change the key, so
-- re_fold(restyle_new(w)) == re_fold(w) and the restyle is left out.
local fold_key = memoize(function(w) return re_fold(w) end)
local fold_keys = memoize(function(s)
  local k = {}
  for a, b in re_gmatch(s, [[\p{L}+]]) do k[#k + 1] = fold_key(sub(s, a, b)) end
  return k
end)

--- The word in the new tone style, lower case, without diacritics:
--- re.fold(vn.restyle(w, "new")).
function vn.fold_key(w)
  return fold_key(w)
end

--- The fold keys (see vn.fold_key) of the words (runs of letters) of s,
--- as a new array.
function vn.fold_keys(s)
  local k = fold_keys(s)
  return { unpack(k) }
end

-- ---- regular expressions ----

local phrase_regex = memoize(function(s)
  s = s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?%{%}|\\/]", "\\%0")
  return (s:gsub("%s+", [[\s+]]))
end)

--- The phrase as a regular expression: punctuation escaped, each run of
--- spaces matching any run of white space.
function vn.phrase_regex(s)
  return phrase_regex(s)
end

-- The atoms of a pattern made by phrase_regex: "\\s+", an escaped
-- character ("\\."), or one UTF-8 character.
local function regex_atoms(p)
  local atoms, i, n = {}, 1, #p
  while i <= n do
    local c = sub(p, i, i)
    local a
    if c == "\\" then
      if sub(p, i + 1, i + 2) == "s+" then a = "\\s+" else a = sub(p, i, i + 1) end
    else
      a = p:match("^[\0-\127\194-\253][\128-\191]*", i) or c
    end
    atoms[#atoms + 1] = a
    i = i + #a
  end
  return atoms
end

local function trie_regex(node)
  local parts = {}
  for _, a in ipairs(node.order) do parts[#parts + 1] = a .. trie_regex(node.next[a]) end
  if #parts == 0 then return "" end
  if node.stop then parts[#parts + 1] = "" end
  if #parts == 1 then return parts[1] end
  return "(?:" .. concat(parts, "|") .. ")"
end

local union_regex = memoize(function(key)
  local root = { order = {}, next = {} }
  for p in (key .. "\0"):gmatch("([^\0]*)\0") do
    local node = root
    for _, a in ipairs(regex_atoms(p)) do
      local nx = node.next[a]
      if not nx then
        nx = { order = {}, next = {} }
        node.next[a] = nx
        node.order[#node.order + 1] = a
      end
      node = nx
    end
    node.stop = true
  end
  return trie_regex(root)
end)

-- characters whose caseless matches (PCRE2) are exactly their lower- and
-- upper-case forms: ASCII but k and s (K, ſ), and Vietnamese letters
local function caseless_plain(ch)
  if #ch == 1 then return not ch:find("[kKsS]") end
  return DECOMP[ch] ~= nil or ch == "đ" or ch == "Đ"
end

local phrase_pieces = memoize(function(key)
  local caseless = sub(key, 1, 1) == "i"
  local phrase = sub(key, 2)
  local out = {}
  for piece in phrase:gmatch("%S+") do
    if caseless then
      for _, c in utf8_codes(piece) do
        if not caseless_plain(utf8_char(c)) then return false end
      end
      piece = re_lower(piece)
    end
    out[#out + 1] = piece
  end
  return out
end)

--- The pieces of a phrase between its runs of ASCII white space, each of
--- which occurs as it is (caseless: re.lower of it occurs in re.lower of
--- the text) wherever vn.phrase_regex(phrase) matches: a cheap test before
--- the regex. With caseless, false when the phrase has a character whose
--- caseless matches are not just its two cases (k, s: "K", "ſ"). Do not
--- change the array.
function vn.phrase_pieces(phrase, caseless)
  return phrase_pieces((caseless and "i" or "c") .. phrase)
end

--- One regular expression that matches exactly what any of the patterns
--- made by vn.phrase_regex (or their concatenations) matches, with the
--- common beginnings factored out ("a(?:b|c)" for "ab" and "ac"): much
--- faster to search than the plain alternation. The list must not be empty.
function vn.union_regex(list)
  return union_regex(concat(list, "\0"))
end

-- ---- spelling/confusion: its phrase list, compiled once per worker ----

local function word_set(list)
  local t = {}
  if list then for _, w in ipairs(list) do t[re_lower(w)] = true end end
  return t
end

-- one entry of the list: the phrase "before [mid] after" as a pattern
-- capturing before and mid, with word boundaries at both ends
local function confusion_entry(entry)
  local before, mid, after = entry[1]:match("^(.-)%[(.-)%](.*)$")
  if not before then return nil end
  local b, m, a = phrase_regex(before), phrase_regex(mid), phrase_regex(after)
  return {
    -- literal pieces that occur wherever the phrase matches, or false
    pieces = phrase_pieces((entry.case and "c" or "i") .. before .. mid .. after),
    pat = [[(?<![\p{L}\p{N}])(]] .. b .. ")(" .. m .. ")" .. a .. [[(?![\p{L}\p{N}])]],
    -- the phrase alone, for the caseless search of the whole document
    body = b .. m .. a,
    flags = entry.case and "" or "i",
    entry = entry,
    unless = word_set(entry.unless),
    unless_before = word_set(entry.unless_before),
  }
end

-- The first filter of spelling/confusion. Each phrase (its text with the
-- brackets removed, T) starts with a run of letters W1: where the phrase
-- matches (caseless), a run of letters R of the text starts, and R is W1
-- whatever the case when more of T follows W1 (a space or punctuation,
-- which no letter matches), or starts with W1 when T is W1 alone. The
-- letters of W1 are ASCII or Vietnamese ("plain"), whose caseless matches
-- (PCRE2) are exactly the letters with the same re.lower, of the same
-- length, and K (U+212A) for k, ſ (U+017F) for s: for a plain R the test
-- is on re.lower(R); any other R is tested with PCRE2.
local function confusion_filter(list)
  local F = { multi = {}, single = {}, pats = {}, memo = scan_memo() }
  for idx, c in ipairs(list) do
    local before, mid, after = c.entry[1]:match("^(.-)%[(.-)%](.*)$")
    local t = before .. mid .. after
    local w1 = re_match(t, [[^\p{L}+]])
    if not w1 or re_find(w1, NOT_PLAIN) then return false end
    local rest = sub(t, #w1 + 1)
    local lw = re_lower(w1)
    if rest == "" then
      F.single[#F.single + 1] = { lw, idx }
      F.pats[idx] = "^" .. w1
    else
      -- what follows W1 must be ASCII white space or punctuation
      if not rest:find("^[%s%p]") then return false end
      local l = F.multi[lw]
      if not l then l = {} F.multi[lw] = l end
      l[#l + 1] = idx
      F.pats[idx] = "^" .. w1 .. [[\z]]
    end
  end
  return F
end

-- the indices of the phrases that may start at the run of letters w, or
-- false
local function confusion_verdict(F, w)
  local v = {}
  if re_find(w, NOT_PLAIN) then
    for idx, pat in pairs(F.pats) do
      if re_find(w, pat, 1, "i") then v[#v + 1] = idx end
    end
  else
    local lw = re_lower(w)
    local l = F.multi[lw]
    if l then for k = 1, #l do v[#v + 1] = l[k] end end
    for _, sg in ipairs(F.single) do
      if sub(lw, 1, #sg[1]) == sg[1] then v[#v + 1] = sg[2] end
    end
  end
  if #v == 0 then return false end
  table.sort(v)
  return v
end

local confusion_lists = {}

--- The phrases of rules/<name>.lua (the format of rules/confusions.lua),
--- compiled for spelling/confusion once per worker (they depend on the
--- data file only): { list = { {pieces, pat, body, flags, entry, unless,
--- unless_before}, … } in the file's order, search = one caseless regex
--- that matches (after a non-letter) wherever any phrase may }. Do not
--- change the tables.
function vn.confusion_list(name)
  local cl = confusion_lists[name]
  if cl then return cl end
  local list, bodies = {}, {}
  for _, entry in ipairs(rules_data(name).phrases) do
    local c = confusion_entry(entry)
    if c then
      list[#list + 1] = c
      bodies[#bodies + 1] = c.body
    end
  end
  cl = { list = list, search = [[(?<![\p{L}\p{N}])]] .. union_regex(concat(bodies, "\0")) }
  cl.filter = confusion_filter(list)
  if cl.filter then
    local F = cl.filter
    F.verdict = function(w) return confusion_verdict(F, w) end
  end
  confusion_lists[name] = cl
  return cl
end

--- The runs of letters of text where some phrase of cl (a
--- vn.confusion_list) may start, whatever the case: a new flat array
--- {s1, v1, s2, v2, …}, s the run's first byte, v the indices in cl.list
--- of the phrases that may start there (do not change it). Every match of
--- an entry's pattern, and every match of cl.search, starts at one of
--- these runs with its phrase in v (there may be more: a necessary
--- condition). nil when cl.filter is false (a phrase of an unusual shape:
--- search with cl.search instead).
function vn.confusion_starts(cl, text)
  local F = cl.filter
  if not F then return nil end
  local M = F.memo
  local m = scan_words_of(text, "letters", M.skip)
  local out, n = {}, 0
  for i = 1, #m, 3 do
    local w = m[i + 2]
    local v = M.t[w]
    if v == nil then v = memo_fill(M, w, F.verdict) end
    if v then
      out[n + 1], out[n + 2] = m[i], v
      n = n + 2
    end
  end
  return out
end

-- ---- layout (.docx, .odt) ----

--- true when the document carries layout (page, runs): .docx or .odt.
function vn.has_layout(doc)
  return (doc.format == "docx" or doc.format == "odt") and doc.page ~= nil
end

--- The paragraphs of the body text (the content between the header and
--- the closing): in the main story, outside tables, with letters in them.
function vn.body_paragraphs(doc)
  local b = doc.blocks or {}
  local n = #doc.paragraphs
  local first = b.body_start or 1
  local last = n
  for _, k in ipairs({ "recipients", "kinh_gui_end", "sig_authority", "sig_title", "sig_name" }) do
    if b[k] and b[k] > first and b[k] - 1 < last then last = b[k] - 1 end
  end
  local header = {}
  for _, k in ipairs({ "agency_parent", "agency_head", "agency", "national_title", "motto", "number", "place_date",
    "doc_type", "summary", "kinh_gui" }) do
    if b[k] then header[b[k]] = true end
  end
  local out = {}
  for i = first, last do
    local p = doc.paragraphs[i]
    if p and not header[i] and (p.part == nil or p.part == "body") and not p.table
      and re.find(p.text, [[\p{L}]]) then
      out[#out + 1] = p
    end
  end
  return out
end

--- Runs of a paragraph that carry letters: iterator of run tables. With
--- min_len, shorter runs (a superscript, a footnote mark) are skipped.
function vn.text_runs(p, min_len)
  local runs = p.runs
  local i = 0
  return function()
    while runs do
      i = i + 1
      local r = runs[i]
      if not r then return nil end
      local t = p.text:sub(r.s, r.e)
      if re.find(t, [[\p{L}]]) and (not min_len or (utf8.len(t) or 0) >= min_len) then return r end
    end
    return nil
  end
end

--- "đoạn 3, 5, 8 và 34 đoạn khác" from a list of paragraph numbers.
function vn.para_list(list, max)
  max = max or 5
  local parts = {}
  for i = 1, math.min(#list, max) do parts[i] = tostring(list[i]) end
  local s = "đoạn " .. table.concat(parts, ", ")
  if #list > max then s = s .. string.format(" và %d đoạn khác", #list - max) end
  return s
end

-- ---- paragraphs typed without diacritics ----

-- Vietnamese words that stay common once their marks are gone: most of a
-- paragraph typed with the input method off is made of them, an English or
-- French one is not.
local BARE_COMMON = {}
for w in ("va cua cac cho trong nam thuc hien cong tac xa huyen tinh ban nhan dan theo tren duoc da co "
  .. "nhung ve voi so ngay thang ke hoach bao cao quyet dinh cai cach hanh chinh can bo nguoi viec "
  .. "thu tuc ho tiep giai quyet dia phuong quy dinh tai cung nay khong mot hai nhiem vu chi dao"):gmatch("%S+") do
  BARE_COMMON[w] = true
end

local UNDIACRITIZED = setmetatable({}, { __mode = "k" })

--- The paragraphs typed without diacritics (the input method was off, or
--- the marks were lost in a copy): at least 8 words, none with a mark (a
--- few slips allowed), a quarter or more of them common Vietnamese words
--- without their marks. A set of paragraph indices; the same table for one
--- document (do not change it).
function vn.undiacritized(doc)
  local set = UNDIACRITIZED[doc]
  if set then return set end
  set = {}
  local gsub, find = string.gsub, string.find
  local nbare = 0
  for _, p in ipairs(doc.paragraphs) do
    local t = p.text
    -- most paragraphs have marks all along: a few runs of bytes outside
    -- ASCII (about one per marked syllable) near the start end the test
    local cap, at, runs = #t // 120 + 1, 1, 0
    while runs <= cap do
      local _, e = find(t, "[\128-\255]+", at)
      if not e then break end
      runs, at = runs + 1, e + 1
    end
    if runs <= cap then
      -- words (runs of non-space) and the marked ones, counted in C
      local _, n = gsub(t, "%S+", "")
      local _, marked = gsub(t, "[\128-\255]+", "")
      if n >= 8 and marked <= n * 0.05 then
        local common = 0
        for a, b in re_gmatch(t, [[\p{L}+]]) do
          if BARE_COMMON[sub(t, a, b):lower()] then common = common + 1 end
        end
        if common >= n * 0.25 then
          set[p.index] = true
          nbare = nbare + 1
        end
      end
    end
  end
  -- a document typed without marks throughout: its short paragraphs
  -- (headings, list items) too
  if nbare >= 3 then
    local total, total_marked, unmarked = 0, 0, {}
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      local _, n = gsub(t, "%S+", "")
      local _, marked = gsub(t, "[\128-\255]+", "")
      total, total_marked = total + n, total_marked + marked
      if n > 0 and marked == 0 and find(t, "%a") then unmarked[#unmarked + 1] = p.index end
    end
    if total_marked <= total * 0.05 then
      for _, i in ipairs(unmarked) do set[i] = true end
    end
  end
  UNDIACRITIZED[doc] = set
  return set
end

local WITH_MARKS = setmetatable({}, { __mode = "k" })

--- doc.paragraphs without those typed without diacritics (spelling rules
--- have nothing to say there: spelling/no-diacritics says it once). The
--- paragraphs themselves when there is none; do not change the array.
function vn.with_marks(doc)
  local l = WITH_MARKS[doc]
  if l then return l end
  local bare = vn.undiacritized(doc)
  local toc = false
  for _, p in ipairs(doc.paragraphs) do
    if p.part == "toc" then toc = true break end
  end
  if next(bare) == nil and not toc then
    l = doc.paragraphs
  else
    -- (nor the entries of a table of contents, which repeat the headings)
    l = {}
    for _, p in ipairs(doc.paragraphs) do
      if not bare[p.index] and p.part ~= "toc" then l[#l + 1] = p end
    end
  end
  WITH_MARKS[doc] = l
  return l
end

return vn
