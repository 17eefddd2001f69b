-- No space inside a document's number and symbol: "40/KH-UBND", not
-- "40/KH- UBND", "40 /KH-UBND" or "85/ BC-UBND".
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end
-- A reported symbol has a space next to one of its "/", or before a "-"
-- (followed by its upper-case code), or after a "-" that follows a letter
-- of a code (then the next code).
local PRE = [[/(?<= /)|/ |-(?<= -) *\p{Lu}|-(?<=[\p{Lu}\p{Ll}]-) +\p{Lu}]]

return {
  id = "typography/symbol-space",
  description = "Có dấu cách trong số, ký hiệu văn bản",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 4: giữa số, năm ban hành và ký hiệu văn bản dùng dấu gạch chéo, giữa các nhóm chữ viết tắt dùng dấu gạch nối, không cách chữ",
  examples = {
    valid = {
      "Kế hoạch số 40/KH-UBND ngày 24/3/2023 của UBND xã",
      "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ; 18/20 cán bộ - công chức",
      "Quy định 540-QĐ/TU của Tỉnh ủy; Công văn số 2839/UBND-TH",
    },
    invalid = {
      { text = "Kế hoạch số [[40/KH- UBND]] ngày 24/3/2023 của UBND xã" },
      { text = "Báo cáo số [[85 /BC-UBND]] ngày 16/6/2023" },
      { text = "Nghị định số [[61/2018/ NĐ-CP]] của Chính phủ" },
    },
  },
  check = function(doc, ctx)
    local CODE = [[\p{Lu}[\p{Lu}\p{Ll}]{0,5}]]
    local SYM = [[(?<![\p{L}\p{N}/])\d{1,5}[A-Za-z]?(?:[ ]*/[ ]*\d{4})?[ ]*/[ ]*]] .. CODE
      .. [[(?:[ ]*-[ ]*]] .. CODE .. [[)*(?![\p{Ll}])]]
    -- the paragraphs that may hold a reported symbol (one search of the
    -- whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      -- (only a symbol with a space next to "/" or "-" is reported)
      local spaced = t:find(" /", 1, true) or t:find("/ ", 1, true) or t:find(" -", 1, true) or t:find("- ", 1, true)
      for s, e in spaced and re.gmatch(t, SYM) or NONE do
        local sym = t:sub(s, e)
        -- "- " at a list position after the symbol is not part of it
        local trimmed = sym:gsub("[ ]+$", "")
        if trimmed:find(" ", 1, true) and trimmed:find("[/-]") then
          local parts = trimmed:gsub("%s", "")
          -- require an upper-case code after each joiner that had spaces
          ctx.report{
            span = { p = p.index, s = s, e = s + #trimmed - 1 },
            message = string.format('Số, ký hiệu văn bản "%s" có dấu cách bên trong; viết liền: "%s"', trimmed, parts),
            suggestion = parts,
          }
        end
      end
    end
  end,
}
