-- Helpers for Vietnamese text shared by the text packs (spelling,
-- terminology, typography, encoding, format): tone marks, tone-placement
-- style, syllable shape, spell checking across both tone styles, words of a
-- paragraph, the report's date.
--
-- Loaded with lib("vn"); the module is read-only and shared between rules,
-- so it keeps no state.

local vn = {}

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
  for _, c in utf8.codes(row) do
    forms[i] = utf8.char(c)
    i = i + 1
  end
  COMPOSE[forms[0]] = forms
  for t = 0, 5 do DECOMP[forms[t]] = { forms[0], t } end
end

local PLAIN_VOWEL = { a = true, e = true, i = true, o = true, u = true, y = true,
  A = true, E = true, I = true, O = true, U = true, Y = true }

--- The characters of a UTF-8 string, as an array of strings.
function vn.chars(s)
  local t = {}
  for _, c in utf8.codes(s) do t[#t + 1] = utf8.char(c) end
  return t
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
  for i, c in ipairs(ch) do
    local d = DECOMP[c]
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
  local la, lb = re.lower(DECOMP[ch[first]][1]), re.lower(DECOMP[ch[last]][1])
  if not ((la == "o" and (lb == "a" or lb == "e")) or (la == "u" and lb == "y")) then return nil end
  if first > 1 and re.lower(ch[first - 1]) == "q" then return nil end
  return first
end

--- "old" (hoà, uỷ: mark on the second vowel), "new" (hòa, ủy) or nil when
--- the syllable does not show the style (no mark, or another rhyme).
function vn.tone_style(word)
  local ch = vn.chars(word)
  local slot = style_slot(ch)
  if not slot then return nil end
  local _, _, tone, tpos = analyse(ch)
  if not tone then return nil end
  if tpos == slot then return "new" end
  if tpos == slot + 1 then return "old" end
  return nil
end

--- The syllable written in the given tone-placement style ("old" | "new");
--- other syllables are returned unchanged.
function vn.restyle(word, style)
  local ch = vn.chars(word)
  local slot = style_slot(ch)
  if not slot then return word end
  local _, _, tone, tpos = analyse(ch)
  if not tone then return word end
  local want = style == "old" and slot + 1 or slot
  if tpos == want then return word end
  ch[tpos] = COMPOSE[DECOMP[ch[tpos]][1]][0]
  ch[want] = COMPOSE[DECOMP[ch[want]][1]][tone]
  return table.concat(ch)
end

--- true when the word carries a Vietnamese diacritic (tone mark, breve,
--- circumflex, horn or đ).
function vn.has_diacritics(word)
  for _, c in utf8.codes(word) do
    local ch = utf8.char(c)
    local d = DECOMP[ch]
    if d and (d[2] ~= 0 or not PLAIN_VOWEL[d[1]]) then return true end
    if ch == "đ" or ch == "Đ" then return true end
  end
  return false
end

-- letters with the diacritics removed, lower case ("Nguyễn" -> "nguyen")
local function plain(word) return re.fold(word) end

local INITIALS = {
  "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}
local FINALS = { ["c"] = true, ["ch"] = true, ["m"] = true, ["n"] = true, ["ng"] = true,
  ["nh"] = true, ["p"] = true, ["t"] = true, [""] = true }

--- Does the word have the shape of one Vietnamese syllable (initial
--- consonant, one to three vowels, a permitted final)? Tone marks are not
--- checked. Words with f, j, w, z or foreign clusters answer false.
function vn.syllable_shape(word)
  local w = re.lower(word)
  -- keep đ apart from d before folding
  local hasdd = w:find("đ", 1, true) ~= nil
  local p = plain(w)
  if hasdd and p:sub(1, 1) == "d" then p = "đ" .. p:sub(2) end
  if not p:match("^[a-zđ]+$") then return false end
  for _, ini in ipairs(INITIALS) do
    if p:sub(1, #ini) == ini then
      local rest = p:sub(#ini + 1)
      local vow, fin = rest:match("^([aeiouy]+)([a-z]*)$")
      if vow and #vow <= 3 and FINALS[fin] then return true end
      if ini == "gi" and FINALS[rest] then return true end -- "gì", "gin"
    end
  end
  return false
end

--- Hunspell check that accepts both tone-placement styles (the Debian
--- vi_VN dictionary only has the old style: "hoà", "uỷ").
function vn.spell_ok(word)
  if spell.check(word) then return true end
  local old = vn.restyle(word, "old")
  if old ~= word and spell.check(old) then return true end
  local new = vn.restyle(word, "new")
  if new ~= word and spell.check(new) then return true end
  -- a capitalised or upper-case form of a dictionary word
  local low = re.lower(word)
  if low ~= word then
    if spell.check(low) then return true end
    local lold = vn.restyle(low, "old")
    if lold ~= low and spell.check(lold) then return true end
  end
  return false
end

--- "upper" (UBND, CÔNG), "cap" (Đình), "lower" or "mixed" (QyĐ, iPhone).
function vn.case_of(word)
  local up, low = re.upper(word), re.lower(word)
  if word == up and word ~= low then return "upper" end
  if word == low then return "lower" end
  local ch = vn.chars(word)
  local first = ch[1]
  local rest = word:sub(#first + 1)
  if re.upper(first) == first and rest == re.lower(rest) then return "cap" end
  return "mixed"
end

--- Iterator over the tokens of a text: start, end (bytes), token, kind.
--- kind is "word" for a run of letters, "other" for tokens that mix letters
--- with digits or joiners (codes, symbols, e-mail addresses, URLs).
function vn.tokens(text)
  local it = re.gmatch(text, [[[\p{L}\p{M}\p{N}]+(?:[-/.@_'’&][\p{L}\p{M}\p{N}]+)*]])
  return function()
    local s, e = it()
    if not s then return nil end
    local tok = text:sub(s, e)
    local kind = re.find(tok, [[^[\p{L}\p{M}]+$]]) and "word" or "other"
    return s, e, tok, kind
  end
end

--- Is the byte position s the start of a sentence in text (paragraph
--- start, or after . ! ? : ; a list dash, an opening bracket or quote)?
function vn.sentence_start(text, s)
  local before = text:sub(1, s - 1)
  if re.find(before, [[^[\s\-+•*–—(\["“'‘]*$]]) then return true end
  if re.find(before, [[(?:[.!?…:;]|\./\.)[\s"”’)]*[\s\-+–(“"]*$]]) then return true end
  -- after a numbering marker: "1. ", "a) ", "II. "
  if re.find(before, [[^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s*$]]) then return true end
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

--- Iterator over the words of a paragraph that the spelling rules check:
--- start, end, word. Skips codes and symbols (digits, "/", "-", "."),
--- abbreviations and other upper-case words that are not Vietnamese
--- syllables, capitalised words inside a sentence (proper names), single
--- letters, words on the allow-list (lower-case keys) and foreign-looking
--- words without Vietnamese diacritics.
function vn.candidates(text, allow)
  local it = vn.tokens(text)
  local upper_par = re.upper(text) == text
  return function()
    while true do
      local s, e, w, kind = it()
      if not s then return nil end
      if kind == "word" and utf8.len(w) >= 2 and not w:match("^[IVXLC]+$") then
        local low = re.lower(w)
        local case = vn.case_of(w)
        local skip = (allow and allow[low]) or case == "mixed"
        if not skip and case == "upper" and not upper_par then
          -- an upper-case word in running text: an abbreviation unless it
          -- is a Vietnamese word with diacritics ("CỘNG", "ĐẠO")
          skip = not (vn.has_diacritics(w) and vn.syllable_shape(w))
        end
        if not skip and case == "upper" and upper_par then
          skip = not vn.syllable_shape(w)
        end
        if not skip and case == "cap" and not vn.sentence_start(text, s) then skip = true end
        if not skip and not vn.has_diacritics(w) and not vn.syllable_shape(w) then skip = true end
        if not skip then return s, e, w end
      end
    end
  end
end

--- Two or three dictionary syllables typed without a space ("tráchcủa" ->
--- "trách của"), or nil. Each part has a Vietnamese shape and is at least
--- two letters long; the split with the fewest parts, then the earliest
--- long first part, wins.
function vn.split_glued(word)
  local ch = vn.chars(word)
  local n = #ch
  if n < 4 or n > 16 then return nil end
  local function ok(a, b)
    if b - a + 1 < 2 then return false end
    local part = table.concat(ch, "", a, b)
    return vn.syllable_shape(part) and vn.spell_ok(part)
  end
  for i = n - 2, 2, -1 do
    if ok(1, i) and ok(i + 1, n) then
      return table.concat(ch, "", 1, i) .. " " .. table.concat(ch, "", i + 1, n)
    end
  end
  for i = 2, n - 4 do
    if ok(1, i) then
      for j = n - 2, i + 2, -1 do
        if ok(i + 1, j) and ok(j + 1, n) then
          return table.concat(ch, "", 1, i) .. " " .. table.concat(ch, "", i + 1, j) .. " " .. table.concat(ch, "", j + 1, n)
        end
      end
    end
  end
  return nil
end

--- The first Hunspell suggestion that is a single Vietnamese syllable, or nil.
function vn.suggest(word)
  local list = spell.suggest(word)
  for _, s in ipairs(list) do
    if not s:find(" ", 1, true) and vn.syllable_shape(s) then return s end
  end
  return nil
end

return vn
