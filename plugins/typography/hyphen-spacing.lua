-- A hyphen between two names is spaced on both sides ("Tư pháp - Hộ tịch",
-- "kinh tế - xã hội") or on neither ("Đảng ủy-HĐND-UBND", "2021-2025"),
-- never on one side only ("Tư pháp- Hộ tịch"). A document symbol with a
-- space ("40/KH- UBND") is reported by typography/symbol-space.
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end
-- Where a match of the search below may be, found from its dash (a rare
-- byte to look for): a dash after a letter or digit with spaces and a
-- letter or digit after it, or a dash after a space with a letter or digit
-- right after it.
local PRE = [=[-(?<=[\p{L}\p{N}]-)[ \x{00A0}]+[\p{L}\p{N}]|-(?<=[ \x{00A0}]-)[\p{L}\p{N}]]=]
  .. [=[|–(?<=[\p{L}\p{N}]–)[ \x{00A0}]+[\p{L}\p{N}]|–(?<=[ \x{00A0}]–)[\p{L}\p{N}]]=]

return {
  id = "typography/hyphen-spacing",
  description = "Dấu gạch nối chỉ có dấu cách ở một bên",
  severity = "warning",
  basis = "Quy tắc chính tả tiếng Việt: dấu gạch nối giữa hai thành phần đặt cách đều hai bên hoặc viết liền cả hai bên; Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = {
      "UBND xã giao cho công chức Tư pháp - Hộ tịch xã phối hợp với phòng Tư pháp",
      "phát triển kinh tế - xã hội; Đảng ủy-HĐND-UBND xã; giai đoạn 2021-2025",
      "Kế hoạch số 40/KH-UBND ngày 24/3/2023; Quy định 540-QĐ/TU",
      "- Phòng Nội vụ huyện;",
    },
    invalid = {
      { text = "cán bộ Tư pháp[[- ]]Hộ tịch xã trong việc tham mưu" },
      { text = "về làm Công chức văn hóa[[- ]]xã hội xã;" },
      { text = "giai đoạn 2021[[ -]]2025" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs that may hold a match (one search of the whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      -- "word- word" and "word -word" (hyphen or en dash)
      local dashed = t:find("-", 1, true) or t:find("–", 1, true)
      for s, e in dashed and re.gmatch(t, [[(?<=[\p{L}\p{N}])[-–][ \x{00A0}]+(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])[ \x{00A0}]+[-–](?=[\p{L}\p{N}])]]) or NONE do
        -- the word before: a document symbol ("40/KH- UBND") is left to symbol-space
        local before = re.match(t:sub(1, s - 1), [[(\S+)$]]) or ""
        local after = re.match(t, [[\G[-–\s\x{00A0}]*(\S+)]], s) or ""
        if not before:find("/", 1, true) and not after:find("/", 1, true) then
          local dash = t:sub(s, e):gsub("[ \194\160]", "")
          dash = dash ~= "" and dash or "-"
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Dấu "%s" chỉ có dấu cách ở một bên; viết cách cả hai bên (" %s ") hoặc liền cả hai bên', dash, dash),
            suggestion = " " .. dash .. " ",
          }
        end
      end
    end
  end,
}
