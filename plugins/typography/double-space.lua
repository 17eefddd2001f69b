-- Two or more spaces between words ("quan  trọng"). Reported once per
-- paragraph, on the first run, with the number of other runs.
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end

-- The header and signature lines, where a run of three or more spaces is
-- the gap between two columns of a header typed as text ("UBND XÃ ĐÌNH
-- CAO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), not a typing slip.
local BLOCK_LINES = { "agency_parent", "agency_head", "agency", "national_title", "motto", "number",
  "place_date", "doc_type", "kinh_gui", "recipients", "sig_authority", "sig_title", "sig_name" }

local function column_lines(doc)
  local b, set = doc.blocks or {}, {}
  for _, k in ipairs(BLOCK_LINES) do if b[k] then set[b[k]] = true end end
  if b.recipients and b.recipients_end then
    for i = b.recipients, b.recipients_end do set[i] = true end
  end
  return set
end

return {
  id = "typography/double-space",
  description = "Thừa dấu cách giữa các từ",
  severity = "info",
  basis = "Quy tắc chính tả tiếng Việt: giữa hai từ chỉ có một dấu cách; Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = {
      "Xác định công tác xây dựng, ban hành văn bản QPPL là nhiệm vụ quan trọng.",
      -- a header typed as two columns, and the blanks of a draft not yet numbered and dated
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:      /BC-UBND      Độc lập - Tự do - Hạnh phúc\nĐình Cao, ngày      tháng 6 năm 2023\nBÁO CÁO",
      "Tổng số cán bộ, công chức xã hiện nay là 20 người.",
    },
    invalid = {
      { text = "văn bản QPPL là nhiệm vụ quan[[  ]]trọng, nhằm thể chế hóa kịp thời" },
      { text = "chú trọng công[[  ]]tác  xây  dựng,  thẩm định" },
      -- a slip in a heading is reported once, not again in its table-of-contents entry
      { file = "fixtures/docx/toc-typo.docx", findings = 1 },
      -- two spaces in a header line are still a slip
      { text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập[[  ]]- Tự do - Hạnh phúc\nBÁO CÁO" },
    },
  },
  check = function(doc, ctx)
    local columns, blanks
    -- the paragraphs with two spaces in a row (one search of the whole text)
    for p in spans.each(doc, spans.find_paragraphs(doc, "  ")) do
      local first, n = nil, 0
      columns = columns or column_lines(doc)
      blanks = blanks or spans.blanks(doc)
      local in_block = columns[p.index]
      -- (two spaces in a row are needed)
      for s, e in p.text:find("  ", 1, true) and re.gmatch(p.text, [[(?<=\S) {2,}(?=\S)]]) or NONE do
        if not ((in_block and e - s >= 2) or spans.in_blank(blanks, p.index, s, e)) then
          n = n + 1
          if not first then first = { s, e } end
        end
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
