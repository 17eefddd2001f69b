-- A submission with no text to check: an empty file, a file of blank lines,
-- or a scan pasted into a .docx/.odt/.html as pictures. Every other rule
-- finds nothing in such a file, so without this one it would pass as
-- faultless ("0 lỗi") in a district's summary.
local spans = lib("spans")

return {
  id = "structure/no-text",
  description = "Văn bản phải có nội dung chữ để kiểm tra (không phải tệp rỗng hay bản quét dán dưới dạng ảnh)",
  severity = "error",
  basis = "Báo cáo phải có đủ thể thức (Nghị định 30/2020/NĐ-CP, Điều 8) và các phần theo đề cương báo cáo: một tệp không có chữ thì không kiểm tra được yêu cầu nào",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      "1",
      { file = "fixtures/docx/picture-and-text.docx" },
      -- all of the text in a text box: read, not "empty"
      { file = "fixtures/docx/textbox-only.docx" },
    },
    invalid = {
      { text = "[[]]" },
      { text = "[[]]   \n\t\n" },
      { text = "[[]]…\n./." },
      { file = "fixtures/docx/scan-only.docx", findings = 1 },
      { file = "fixtures/odt/scan-only.odt", findings = 1 },
      { file = "fixtures/html/scan-only.html", findings = 1 },
    },
  },
  check = function(doc, ctx)
    if spans.has_text(doc) then return end
    if doc.images > 0 then
      ctx.report{
        message = string.format("Văn bản không có chữ, chỉ có %d hình ảnh: có thể là bản chụp hoặc bản quét. " ..
          "Không đọc được chữ trong ảnh nên không kiểm tra được báo cáo này; " ..
          "hãy gửi bản soạn thảo gốc (.docx, .odt)", doc.images),
      }
    else
      ctx.report{
        message = "Văn bản không có nội dung (tệp rỗng hoặc chỉ có khoảng trắng) nên không kiểm tra được gì; " ..
          "hãy kiểm tra lại tệp đã gửi, có thể gửi nhầm tệp hoặc tệp bị lỗi khi tải lên",
      }
    end
  end,
}
