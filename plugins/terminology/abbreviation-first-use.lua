-- An abbreviation is spelled out at its first use: "thủ tục hành chính
-- (TTHC)", then "TTHC". Abbreviations known to every reader (UBND, HĐND)
-- are exempt; the list and the full forms are rules/abbreviations.lua.
-- Reported once per abbreviation, at its first use. Upper-case headings,
-- document symbols ("KH-UBND") and the recipients block are not counted.
local cit = lib("citations")
local function esc(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?%{%}|\\/&]", "\\%0")) end

return {
  id = "terminology/abbreviation-first-use",
  description = "Chữ viết tắt được dùng trước khi được viết đầy đủ",
  severity = "info",
  basis = "Thực tiễn soạn thảo văn bản hành chính: chữ viết tắt phải được viết đầy đủ ở lần dùng đầu tiên, kèm chữ viết tắt trong ngoặc đơn (Nghị định 30/2020/NĐ-CP, Phụ lục I mục II: văn bản phải rõ ràng, dễ hiểu)",
  examples = {
    valid = {
      "đẩy mạnh công tác kiểm soát thủ tục hành chính (TTHC), đề xuất cắt giảm TTHC\nCông khai TTHC tại trụ sở UBND xã",
      "Hiện trạng cơ sở hạ tầng công nghệ thông tin (CNTT) phục vụ ứng dụng CNTT của UBND xã",
      "Kế hoạch số 09/KH-UBND của UBND xã và HĐND xã",
    },
    invalid = {
      { text = "Ủy ban nhân dân xã đã xác định phổ biến, tuyên truyền [[CCHC]] phải gắn với lộ trình\nChương trình tổng thể CCHC nhà nước" },
      { text = "ban hành văn bản [[QPPL]] là nhiệm vụ quan trọng\nhệ thống văn bản quy phạm pháp luật (QPPL)" },
    },
  },
  check = function(doc, ctx)
    local abbr = rules_data("abbreviations")
    local defined = {}   -- abbreviation -> paragraph where "full (ABBR)" or "ABBR (full)" appears
    local firstuse = {}  -- abbreviation -> span
    local skip = {}
    local b = doc.blocks or {}
    if b.recipients then
      for i = b.recipients, (b.recipients_end or b.recipients) do skip[i] = true end
    end
    -- the abbreviations of the list (not common ones) in the whole text,
    -- the paragraphs joined by NUL (cit.ABBR_PAT finds exactly the matches
    -- of each paragraph), in order
    local texts = {}
    for i, p in ipairs(doc.paragraphs) do texts[i] = p.text end
    local m = cit.abbreviation_matches(table.concat(texts, "\0"))
    local pi, from = 0, 1         -- paragraph of the last match and its first byte
    local last = 0                -- the NUL after that paragraph
    local t, heading = nil, nil
    for k = 1, #m, 3 do
      local js, je, a = m[k], m[k + 1], m[k + 2]
      if js > last then
        repeat pi = pi + 1; from = last + 1; last = from + #texts[pi] until js < last
        t = texts[pi]
        heading = nil -- the paragraph is in upper case (computed when needed)
      end
      local s, e = js - from + 1, je - from + 1
      do
        local info = abbr[a]
        local inparen = t:sub(s - 1, s - 1) == "(" and t:sub(e + 1, e + 1) == ")"
        if inparen and not defined[a] then
          -- "full (ABBR)": the full form right before
          local before = t:sub(1, s - 2)
          if re.find(before, esc(info.full) .. [[\s*$]], 1, "i") then defined[a] = pi end
        end
        if not defined[a] and not firstuse[a] and heading == nil then heading = re.upper(t) == t end
        if not defined[a] and not firstuse[a] and not heading and not skip[pi] and not inparen then
          firstuse[a] = { p = pi, s = s, e = e }
        end
        if not defined[a] and not firstuse[a] and inparen then defined[a] = pi end
      end
    end
    local order = {}
    for a, span in pairs(firstuse) do order[#order + 1] = { a = a, span = span } end
    table.sort(order, function(x, y)
      if x.span.p ~= y.span.p then return x.span.p < y.span.p end
      return x.span.s < y.span.s
    end)
    for _, o in ipairs(order) do
      local info = abbr[o.a]
      local later = defined[o.a] and string.format(" (được giải thích sau, ở đoạn %d)", defined[o.a]) or ""
      ctx.report{
        span = o.span,
        message = string.format('Chữ viết tắt "%s" được dùng trước khi viết đầy đủ%s; lần đầu nên viết "%s (%s)"',
          o.a, later, info.full, o.a),
        suggestion = info.full .. " (" .. o.a .. ")",
      }
    end
  end,
}
