-- Two or more spaces between words ("quan  trọng"). Reported once per
-- paragraph, on the first run, with the number of other runs.
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end

return {
  id = "typography/double-space",
  description = "Thừa dấu cách giữa các từ",
  severity = "info",
  basis = "Quy tắc chính tả tiếng Việt: giữa hai từ chỉ có một dấu cách; Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = {
      "Xác định công tác xây dựng, ban hành văn bản QPPL là nhiệm vụ quan trọng.",
      "Tổng số cán bộ, công chức xã hiện nay là 20 người.",
    },
    invalid = {
      { text = "văn bản QPPL là nhiệm vụ quan[[  ]]trọng, nhằm thể chế hóa kịp thời" },
      { text = "chú trọng công[[  ]]tác  xây  dựng,  thẩm định" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs with two spaces in a row (one search of the whole text)
    for p in spans.each(doc, spans.find_paragraphs(doc, "  ")) do
      local first, n = nil, 0
      -- (two spaces in a row are needed)
      for s, e in p.text:find("  ", 1, true) and re.gmatch(p.text, [[(?<=\S) {2,}(?=\S)]]) or NONE do
        n = n + 1
        if not first then first = { s, e } end
      end
      if first then
        local more = n > 1 and string.format("; đoạn này còn %d chỗ thừa dấu cách khác", n - 1) or ""
        ctx.report{
          span = { p = p.index, s = first[1], e = first[2] },
          message = string.format("Thừa dấu cách: %d dấu cách liền nhau, chỉ cần một%s",
            utf8.len(p.text:sub(first[1], first[2])), more),
          suggestion = " ",
        }
      end
    end
  end,
}
