-- One tone-placement style per document: "hòa, ủy, thủy" (new style, mark
-- on the first vowel) or "hoà, uỷ, thuỷ" (old style, mark on the second).
-- Both are accepted; mixing them is reported once, on the first word of
-- the less used style, with where the others are.
local vn = lib("vn")

local LABEL = { new = "đặt dấu trên nguyên âm đầu (hòa, ủy, thủy)", old = "đặt dấu trên nguyên âm sau (hoà, uỷ, thuỷ)" }
local SHORT = { new = "hòa, ủy, thủy", old = "hoà, uỷ, thuỷ" }

return {
  id = "spelling/tone-style",
  description = "Văn bản dùng lẫn hai kiểu đặt dấu thanh (hòa/hoà, ủy/uỷ)",
  severity = "info",
  basis = "Quy tắc đặt dấu thanh: cả hai kiểu đều được chấp nhận nhưng trong một văn bản nên thống nhất một kiểu (Nghị định 30/2020/NĐ-CP, Phụ lục I: văn bản trình bày thống nhất)",
  examples = {
    valid = {
      "Ủy ban nhân dân xã Đình Cao\nỦy ban nhân dân huyện, thủy lợi, hòa giải, văn hóa, khỏe mạnh.",
      "Uỷ ban nhân dân xã\nthuỷ lợi, hoà giải, văn hoá, quý, khuya, hoàn thành, thuyết phục.",
    },
    invalid = {
      { text = "Ủy ban nhân dân xã Đình Cao\nỦy ban nhân dân huyện Phù Cừ\ncông tác hòa giải, văn hóa\n[[Uỷ]] ban nhân dân tỉnh" },
      { text = "Uỷ ban nhân dân xã\nthuỷ lợi, hoà giải\nhệ thống [[hóa]] văn bản" },
    },
  },
  check = function(doc, ctx)
    local count = { old = 0, new = 0 }
    local first = {}
    local where = { old = {}, new = {} }
    -- the words that show a style, in one scan of the whole document:
    -- the paragraphs joined by NUL (not a letter, so the words and their
    -- boundaries are those of each paragraph)
    local texts, starts, pos = {}, {}, 1
    local paras = doc.paragraphs
    for i, p in ipairs(paras) do
      local t = p.text
      texts[i], starts[i] = t, pos
      pos = pos + #t + 1
    end
    local m = vn.styled_words(table.concat(texts, "\0"))
    local pi = 1
    for k = 1, #m, 4 do
      local s = m[k]
      while starts[pi + 1] and starts[pi + 1] <= s do pi = pi + 1 end
      local st, off = m[k + 3], starts[pi] - 1
      local index = paras[pi].index
      count[st] = count[st] + 1
      if not first[st] then first[st] = { p = index, s = s - off, e = m[k + 1] - off, w = m[k + 2] } end
      local wl = where[st]
      if #wl < 6 and wl[#wl] ~= index then wl[#wl + 1] = index end
    end
    if count.old == 0 or count.new == 0 then return end
    local minority
    if count.old ~= count.new then
      minority = count.old < count.new and "old" or "new"
    else
      -- a tie: the style used first is the document's
      local fo, fn = first.old, first.new
      minority = (fo.p < fn.p or (fo.p == fn.p and fo.s < fn.s)) and "new" or "old"
    end
    local major = minority == "old" and "new" or "old"
    local f = first[minority]
    local places = {}
    for _, pi in ipairs(where[minority]) do
      local para = doc.paragraphs[pi]
      places[#places + 1] = (doc.format == "txt" and para.line) and tostring(para.line) or tostring(pi)
    end
    local where_txt = (doc.format == "txt" and "các đoạn bắt đầu ở dòng " or "các đoạn ")
      .. table.concat(places, ", ") .. (#where[minority] >= 6 and " và các đoạn sau" or "")
    ctx.report{
      span = { p = f.p, s = f.s, e = f.e },
      message = string.format(
        "Văn bản dùng lẫn hai kiểu đặt dấu thanh: %d chữ %s và %d chữ %s, ở %s. Nên thống nhất theo kiểu %s",
        count[major], LABEL[major], count[minority], LABEL[minority], where_txt, SHORT[major]),
      suggestion = vn.restyle(f.w, major),
    }
  end,
}
