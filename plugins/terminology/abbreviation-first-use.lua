-- An abbreviation is spelled out at its first use: "thủ tục hành chính
-- (TTHC)", then "TTHC". Abbreviations known to every reader (UBND, HĐND)
-- are exempt; the list and the full forms are rules/abbreviations.lua.
-- Reported once per abbreviation, at its first use. Upper-case headings,
-- document symbols ("KH-UBND") and the recipients block are not counted.
local cit = lib("citations")
local spans = lib("spans")
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
    -- the abbreviations of the list (not common ones), in order: the
    -- paragraphs where cit.ABBR_LIST_PAT may match are found with one scan
    -- of the document's joined text (spans.hit_paragraphs: the pattern's
    -- look-arounds hold next to a NUL as at a text's ends), then searched
    -- one by one; its matches are exactly those of cit.ABBR_PAT whose text
    -- is such an abbreviation
    local pat = cit.ABBR_LIST_PAT
    local hits = pat and spans.hit_paragraphs(doc, cit.ABBR_LIST_WORDS) or {}
    local paras = doc.paragraphs
    for _, pi in ipairs(hits) do
      local t = paras[pi].text
      local heading = nil -- the paragraph is in upper case (computed when needed)
      local m = re.matches(t, pat)
      for k = 1, #m, 3 do
        local s, e, a = m[k], m[k + 1], m[k + 2]
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
