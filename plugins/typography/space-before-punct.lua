-- No space before , . ; : ) ! ? (DOMAIN.md §5).
local spans = lib("spans")
local PAT = [[(?<=\S)([ \t\x{00A0}]+)([,;:!?)]|\.(?![\p{L}\p{N}/]))]]
-- what a match needs: the mark right after a space, found from the mark
-- (a rarer byte than a space), with searches that each start from one or
-- two marks
local PRE = {
  [[,(?<=[ \t\x{00A0}],)|\.(?<=[ \t\x{00A0}]\.)(?![\p{L}\p{N}/])]],
  [[[;:](?<=[ \t\x{00A0}][;:])]],
  [=[[)!](?<=[ \t\x{00A0}][)!])]=],
  [[\?(?<=[ \t\x{00A0}]\?)]],
}

return {
  id = "typography/space-before-punct",
  description = "Không đặt dấu cách trước dấu phẩy, chấm, chấm phẩy, hai chấm, đóng ngoặc, chấm than, chấm hỏi",
  severity = "warning",
  fixable = true,
  basis = "Quy tắc chính tả tiếng Việt về dấu câu (dấu câu viết liền với chữ đứng trước); Nghị định 30/2020/NĐ-CP, Phụ lục I yêu cầu trình bày văn bản đúng chính tả",
  examples = {
    valid = {
      -- the blanks of a draft not yet numbered and dated (structure/blank-number-date)
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: .../BC-UBND\nĐình Cao, ngày ... tháng 6 năm 2023\nBÁO CÁO",
      "Kiểm tra việc thực hiện các quy định về quản lý, sử dụng tài sản công: chưa thực hiện.",
      "Trên đây là Báo cáo kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023./.",
      "Hệ thống thông tin giải quyết TTHC tỉnh (toàn trình).",
      "Lưu tệp dưới dạng .docx trước khi gửi.",
    },
    invalid = {
      { text = "Kiểm tra việc thực hiện các quy định về quản lý, sử dụng tài sản công[[ :]] chưa thực hiện" },
      { text = "tổ chức hội nghị tuyên truyền[[ ,]] phổ biến pháp luật" },
      { text = "đạt 114,07% dự toán giao đầu năm[[ )]]" },
    },
  },
  check = function(doc, ctx)
    local blanks
    -- the paragraphs with a match (one search of the whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      blanks = blanks or spans.blanks(doc)
      for s, e, spaces, punct in re.gmatch(t, PAT) do
        -- the blank of a draft's number ("Số: .../BC-UBND") is no punctuation
        if spans.in_blank(blanks, p.index, s, e) then goto next_match end
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = string.format('Thừa dấu cách trước dấu "%s"', punct),
          suggestion = punct,
        }
        ::next_match::
      end
    end
  end,
}
