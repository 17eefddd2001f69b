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
      -- not Vietnamese letters: look-alikes (Ð, Cyrillic, Greek) and Latin-1
      -- letters Vietnamese does not use are left to the encoding pack
      if kind == "word" and utf8.len(w) >= 2 and not w:match("^[IVXLC]+$")
        and not re.find(w, [=[[\x{00C4}-\x{00C7}\x{00CB}\x{00CE}-\x{00D1}\x{00D6}-\x{00D8}\x{00DB}\x{00DC}\x{00DE}-\x{00DF}\x{00E4}-\x{00E7}\x{00EB}\x{00EE}-\x{00F1}\x{00F6}-\x{00F8}\x{00FB}\x{00FC}\x{00FE}\x{00FF}\x{00B5}\x{00AA}\x{00BA}\p{Cyrillic}\p{Greek}]]=]) then
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
function vn.decode_tcvn3(word, upper)
  local out, changed, ascii_up, ascii_low = {}, false, 0, 0
  for _, c in utf8.codes(word) do
    local m = TCVN3[c]
    if m then
      out[#out + 1] = utf8.char(m)
      changed = true
    else
      out[#out + 1] = utf8.char(c)
      if c >= 65 and c <= 90 then ascii_up = ascii_up + 1 elseif c >= 97 and c <= 122 then ascii_low = ascii_low + 1 end
    end
  end
  if not changed then return nil end
  local s = table.concat(out)
  -- .VnTimeH (upper-case font) uses the same codes as the lower-case letters
  if upper == nil then upper = ascii_up >= 2 and ascii_low == 0 end
  if upper then s = re.upper(s) end
  return s
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
function vn.decode_vni(word)
  local out, changed = {}, false
  for _, c in utf8.codes(word) do
    local ch = utf8.char(c)
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
  return table.concat(out)
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
  for _, k in ipairs({ "agency_parent", "agency", "national_title", "motto", "number", "place_date",
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

return vn
