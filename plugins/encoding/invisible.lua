-- Invisible characters: zero-width spaces and joiners, a byte-order mark
-- inside the text, soft hyphens, and non-breaking spaces next to an
-- ordinary space. They come from copying out of web pages and PDF files
-- and break search and the spelling of the word they sit in.
local NAMES = {
  ["\u{200B}"] = "dấu cách độ rộng 0 (U+200B)", ["\u{200C}"] = "ký tự không nối (U+200C)",
  ["\u{200D}"] = "ký tự nối độ rộng 0 (U+200D)", ["\u{2060}"] = "ký tự nối từ (U+2060)",
  ["\u{FEFF}"] = "dấu BOM (U+FEFF)", ["\u{00AD}"] = "gạch nối mềm (U+00AD)",
  ["\u{200E}"] = "dấu hướng chữ (U+200E)", ["\u{200F}"] = "dấu hướng chữ (U+200F)",
}

local KEY_CHARS = { "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}",
  "\u{2060}", "\u{FEFF}" }
local INVISIBLE = [[[\x{200B}-\x{200F}\x{2060}\x{FEFF}\x{00AD}]+|\x{00A0}[ \t]+|[ \t]+\x{00A0}]]

return {
  id = "encoding/invisible",
  description = "Ký tự ẩn trong văn bản (dấu cách độ rộng 0, gạch nối mềm, dấu cách không ngắt thừa)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 2: bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001; ký tự ẩn làm sai việc tìm kiếm và kiểm tra chính tả",
  examples = {
    valid = {
      "Ủy ban nhân dân xã Đình Cao",
      "Diện tích 36\u{00A0}m², Số:\u{00A0}85/BC-UBND",
    },
    invalid = {
      { text = "Ủy ban nhân dân xã Đình[[\u{200B}]]Cao" },
      { text = "cải cách hành chính[[\u{00AD}]] nhà nước" },
      { text = "thủ tục hành chính[[\u{00A0} ]]trên môi trường điện tử" },
    },
  },
  check = function(doc, ctx)
    -- one search of the whole document first (the paragraphs joined by
    -- NUL, which the pattern does not match): most documents have none
    local texts = {}
    for i, p in ipairs(doc.paragraphs) do texts[i] = p.text end
    local all = table.concat(texts, "\0")
    -- every match holds one of these characters: look for their bytes
    -- (plain searches) before the regex
    local any = false
    for _, c in ipairs(KEY_CHARS) do
      if all:find(c, 1, true) then any = true break end
    end
    if not any or not re.find(all, INVISIBLE) then return end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      for s, e in re.gmatch(t, INVISIBLE) do
        local run = t:sub(s, e)
        local first = re.match(run, [[^.]], 1, "s")
        local name = NAMES[first]
        if name then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format("Có ký tự ẩn: %s; hãy xóa ký tự này", name),
            suggestion = "",
          }
        else
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = "Dấu cách không ngắt (U+00A0) đứng cạnh dấu cách thường; chỉ cần một dấu cách",
            suggestion = " ",
          }
        end
      end
    end
  end,
}
