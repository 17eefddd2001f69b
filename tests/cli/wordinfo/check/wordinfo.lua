-- Test rule for tests/cli/wordinfo.sh: re.wordinfo (C) against the Lua
-- definitions it replaced in plugins/lib/vn.lua (kept here as the
-- reference). Reports every whitespace-separated token where they differ,
-- and one count of the tokens compared.
local utf8_codes, utf8_char, utf8_len = utf8.codes, utf8.char, utf8.len
local sub = string.sub

local ROWS = {
  "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
  "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
  "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
  "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
}
local DECOMP = {}
for _, row in ipairs(ROWS) do
  local forms, i = {}, 0
  for _, c in utf8_codes(row) do forms[i] = utf8_char(c); i = i + 1 end
  for t = 0, 5 do DECOMP[forms[t]] = { forms[0], t } end
end
local PLAIN_VOWEL = { a = true, e = true, i = true, o = true, u = true, y = true,
  A = true, E = true, I = true, O = true, U = true, Y = true }
local DIACRITIC_CP = { [0x0111] = true, [0x0110] = true }
for ch, d in pairs(DECOMP) do
  if d[2] ~= 0 or not PLAIN_VOWEL[d[1]] then DIACRITIC_CP[utf8.codepoint(ch)] = true end
end

local function chars(s)
  local t, n = {}, 0
  for _, c in utf8_codes(s) do n = n + 1; t[n] = utf8_char(c) end
  return t
end

local function has_diacritics(word)
  for _, c in utf8_codes(word) do
    if DIACRITIC_CP[c] then return true end
  end
  return false
end

local INITIAL = {}
for _, ini in ipairs({
  "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}) do INITIAL[ini] = true end
local FINALS = { ["c"] = true, ["ch"] = true, ["m"] = true, ["n"] = true, ["ng"] = true,
  ["nh"] = true, ["p"] = true, ["t"] = true, [""] = true }

local function syllable_shape(word)
  local w = re.lower(word)
  local hasdd = w:find("đ", 1, true) ~= nil
  local p = re.fold(w)
  if hasdd and sub(p, 1, 1) == "d" then p = "đ" .. sub(p, 2) end
  if not p:match("^[a-zđ]+$") then return false end
  for k = 0, 3 do
    local ini = sub(p, 1, k)
    if INITIAL[ini] then
      local rest = sub(p, #ini + 1)
      local vow, fin = rest:match("^([aeiouy]+)([a-z]*)$")
      if vow and #vow <= 3 and FINALS[fin] then return true end
      if ini == "gi" and FINALS[rest] then return true end
    end
  end
  return false
end

local function case_of(word)
  local up, low = re.upper(word), re.lower(word)
  if word == up and word ~= low then return "upper" end
  if word == low then return "lower" end
  local first = chars(word)[1]
  local rest = sub(word, #first + 1)
  if re.upper(first) == first and rest == re.lower(rest) then return "cap" end
  return "mixed"
end

local function token_kind(tok)
  return re.find(tok, [[^[\p{L}\p{M}]+$]]) and "word" or "other"
end

return {
  id = "check/wordinfo",
  description = "re.wordinfo khớp định nghĩa Lua",
  severity = "error",
  basis = "kiểm thử",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local n = 0
    for _, p in ipairs(doc.paragraphs) do
      for s, e in re.gmatch(p.text, [[\S+]]) do
        local w = p.text:sub(s, e)
        n = n + 1
        local kind, len, low, case, dia, shape = re.wordinfo(w)
        local want = { token_kind(w), utf8_len(w), re.lower(w), case_of(w), has_diacritics(w), syllable_shape(w) }
        local got = { kind, len, low, case, dia, shape }
        for k = 1, 6 do
          if got[k] ~= want[k] then
            ctx.report{ span = { p = p.index, s = s, e = e },
              message = string.format("khác ở trường %d: %s / %s", k, tostring(got[k]), tostring(want[k])) }
            break
          end
        end
      end
    end
    if #doc.paragraphs > 0 then
      ctx.report{ span = { p = 1, s = 1, e = 1 }, message = "đã so " .. n .. " từ" }
    end
  end,
}
