-- One space after , ; : before the next word ("chính sách, pháp luật").
-- Numbers ("114,07"), times ("8:30") and symbols are left alone.
local spans = lib("spans")
local PUNCT = [[(?<=[\p{L}\p{N})])([,;:])([\p{L}])]]
-- a digit right after "số:" / a colon following a word
local COLON = [[(?<=\p{L}):(\p{N})]]
-- what a match of either needs: the mark right before a letter, or ":"
-- right before a digit (found from the mark, a rarer byte than a letter,
-- with searches that each start from one or two marks)
local PRE = { [[[,;]\p{L}]], [=[:[\p{L}\p{N}]]=] }

return {
  id = "typography/missing-space-after-punct",
  description = "Sau dấu phẩy, chấm phẩy, hai chấm phải có một dấu cách trước chữ tiếp theo",
  severity = "warning",
  fixable = true,
  basis = "Quy tắc chính tả tiếng Việt về dấu câu: sau dấu câu có một dấu cách; Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = {
      "chính sách, pháp luật của Nhà nước",
      "đạt 114,07% dự toán; tỷ lệ 10,62%",
      "Số: 85/BC-UBND",
      "Luật Trẻ em, phòng chống bạo lực học đường,… và các quy định",
    },
    invalid = {
      { text = "chính sách[[,p]]háp luật của Nhà nước" },
      { text = "đã ban hành Quyết định số[[:2]]2/QĐ-UBND" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs where one of the two searches below matches (one
    -- search of the whole text)
    local hits = spans.hit_paragraphs(doc, PRE)
    if not hits then return end
    -- numbering markers ("a,Kết quả") are reported by the structure pack
    local marker_end = {}
    for _, s in ipairs(doc.sections) do marker_end[s.p] = s.marker_span.e end
    for p in spans.each(doc, hits) do
      for s, e, punct, ch in re.gmatch(p.text, PUNCT) do
        if marker_end[p.index] and s <= marker_end[p.index] then goto continue end
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = string.format('Thiếu dấu cách sau dấu "%s"', punct),
          suggestion = punct .. " " .. ch,
        }
        ::continue::
      end
      -- a digit right after "số:" / a colon following a word
      for s, e, ch in re.gmatch(p.text, COLON) do
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = 'Thiếu dấu cách sau dấu ":"',
          suggestion = ": " .. ch,
        }
      end
    end
  end,
}
