-- Letters that look Vietnamese but are not: "Ð" (U+00D0, Icelandic eth)
-- for "Đ" (U+0110), "ð" for "đ", Cyrillic or Greek letters inside a Latin
-- word ("Сông" with a Cyrillic С). Search, sorting and the national
-- databases treat such words as different words.
local MAP = {
  ["Ð"] = "Đ", ["ð"] = "đ",
  -- Cyrillic
  ["А"] = "A", ["В"] = "B", ["С"] = "C", ["Е"] = "E", ["Н"] = "H", ["І"] = "I", ["К"] = "K",
  ["М"] = "M", ["О"] = "O", ["Р"] = "P", ["Т"] = "T", ["Х"] = "X", ["У"] = "Y",
  ["а"] = "a", ["с"] = "c", ["е"] = "e", ["і"] = "i", ["о"] = "o", ["р"] = "p", ["х"] = "x",
  ["у"] = "y", ["ѕ"] = "s", ["ј"] = "j",
  -- Greek
  ["Α"] = "A", ["Β"] = "B", ["Ε"] = "E", ["Η"] = "H", ["Ι"] = "I", ["Κ"] = "K", ["Μ"] = "M",
  ["Ν"] = "N", ["Ο"] = "O", ["Ρ"] = "P", ["Τ"] = "T", ["Χ"] = "X", ["Υ"] = "Y", ["Ζ"] = "Z",
  ["ο"] = "o", ["ν"] = "v", ["ι"] = "i",
}

local LETTERS = [=[[\x{00D0}\x{00F0}\p{Cyrillic}\p{Greek}]]=]

return {
  id = "encoding/lookalike",
  description = "Chữ cái trông giống chữ Việt nhưng thuộc bảng chữ khác (Ð thay Đ, chữ Kirin, chữ Hy Lạp)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 2: bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001",
  examples = {
    valid = {
      "ĐẢNG ỦY XÃ ĐÌNH CAO; Đình Cao, ngày 16 tháng 6 năm 2023",
      "hệ số α = 0,5 trong công thức tính; tài liệu tiếng Nga «Москва»",
    },
    invalid = {
      { text = "[[Ð]]ẢNG ỦY XÃ ĐÌNH CAO" },
      { text = "Ủy ban nhân dân xã [[Ð]]ình Cao" },
      { text = "tuyên truyền [[с]]ải cách hành chính" },
    },
  },
  check = function(doc, ctx)
    -- one search of the whole document first (the paragraphs joined by
    -- NUL, which the class does not match): most documents have none
    local texts = {}
    for i, p in ipairs(doc.paragraphs) do texts[i] = p.text end
    if not re.find(table.concat(texts, "\0"), LETTERS) then return end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      for s, e in re.gmatch(t, LETTERS) do
        local ch = t:sub(s, e)
        local eth = ch == "Ð" or ch == "ð"
        -- a Cyrillic or Greek letter counts only inside a Latin word
        -- (not a Russian word, not "α" in a formula)
        local mixed = eth or re.find(t, [=[\G\p{Latin}]=], e + 1) ~= nil
          or re.find(t:sub(1, s - 1), [=[\p{Latin}\p{M}*$]=]) ~= nil
        if mixed and MAP[ch] then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Chữ "%s" (U+%04X) chỉ trông giống "%s" của tiếng Việt; hãy gõ lại bằng chữ "%s"',
              ch, utf8.codepoint(ch), MAP[ch], MAP[ch]),
            suggestion = MAP[ch],
          }
        end
      end
    end
  end,
}
