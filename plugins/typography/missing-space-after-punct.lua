-- One space after , ; : before the next word ("chính sách, pháp luật").
-- Numbers ("114,07"), times ("8:30") and symbols are left alone.
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
    -- numbering markers ("a,Kết quả") are reported by the structure pack
    local marker_end = {}
    for _, s in ipairs(doc.sections) do marker_end[s.p] = s.marker_span.e end
    for _, p in ipairs(doc.paragraphs) do
      for s, e, punct, ch in re.gmatch(p.text, [[(?<=[\p{L}\p{N})])([,;:])([\p{L}])]]) do
        if marker_end[p.index] and s <= marker_end[p.index] then goto continue end
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = string.format('Thiếu dấu cách sau dấu "%s"', punct),
          suggestion = punct .. " " .. ch,
        }
        ::continue::
      end
      -- a digit right after "số:" / a colon following a word
      for s, e, ch in re.gmatch(p.text, [[(?<=\p{L}):(\p{N})]]) do
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = 'Thiếu dấu cách sau dấu ":"',
          suggestion = ": " .. ch,
        }
      end
    end
  end,
}
