-- Two syllables typed without the space between them ("tráchcủa",
-- "hànhchính"): the word is not in the dictionary but splits into
-- dictionary syllables. The split is the suggestion.
local vn = lib("vn")

return {
  id = "spelling/glued-words",
  description = "Hai âm tiết bị viết liền, thiếu dấu cách",
  severity = "warning",
  basis = "Chính tả tiếng Việt: các âm tiết viết rời, cách nhau một dấu cách; Nghị định 30/2020/NĐ-CP, Điều 8",
  examples = {
    valid = {
      "Phát huy vai trò, trách nhiệm của người đứng đầu trong công tác cải cách hành chính.",
      "Kết nối Internet, hộp thư gmail, máy photocopy; Trường THCS Đình Cao.",
      "Thực hiện Quyết định số 24/QĐ-UBND và Kế hoạch số 40/KH-UBND.",
    },
    invalid = {
      { text = "Phát huy vai trò, [[tráchcủa]] người đứng đầu" },
      { text = "đẩy mạnh cải cách [[hànhchính]] nhà nước" },
    },
  },
  check = function(doc, ctx)
    local allow = rules_data("foreign-words")
    for _, p in ipairs(vn.with_marks(doc)) do
      for s, e, w, split in vn.glued_candidates(p.text, allow) do
        if split then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('"%s" là các âm tiết bị viết liền, đúng là "%s"', w, split),
            suggestion = split,
          }
        end
      end
    end
  end,
}
