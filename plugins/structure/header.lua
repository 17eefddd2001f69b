-- The components of an administrative document that a draft must show
-- (Decree 30/2020, Điều 8 khoản 2): Quốc hiệu and Tiêu ngữ, the issuing
-- body, number and symbol, place and date, type name and summary.
local spans = lib("spans")

local PARTS = {
  { key = "national_title", name = "Quốc hiệu (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)" },
  { key = "motto", name = "Tiêu ngữ (Độc lập - Tự do - Hạnh phúc)" },
  { key = "agency", name = "tên cơ quan ban hành (ỦY BAN NHÂN DÂN XÃ …)" },
  { key = "number", name = "số, ký hiệu (Số: …/BC-UBND)" },
  { key = "place_date", name = "địa danh và thời gian ban hành (…, ngày … tháng … năm …)" },
  { key = "doc_type", name = "tên loại văn bản (BÁO CÁO)" },
}

return {
  id = "structure/header",
  description = "Văn bản phải có đủ các thành phần thể thức ở phần đầu: Quốc hiệu, Tiêu ngữ, tên cơ quan, số và ký hiệu, địa danh và ngày tháng, tên loại và trích yếu",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm a–đ (thành phần chính của thể thức văn bản hành chính) và Phụ lục I",
  examples = {
    valid = {
      "", -- no text: structure/no-text reports it
      "UBND HUYỆN PHÙ CỪ\nỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐình Cao, ngày 16 tháng 6 năm 2023\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO",
    },
    invalid = {
      { text = "[[Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023]]\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH" },
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n[[BÁO CÁO]]\nKết quả thực hiện công tác cải cách hành chính\nI. CÔNG TÁC CHỈ ĐẠO" },
    },
  },
  check = function(doc, ctx)
    if not spans.has_text(doc) then return end -- structure/no-text
    local want = ctx.options.header or {}
    local missing = {}
    for _, part in ipairs(PARTS) do
      if want[part.key] ~= false and not doc.blocks[part.key] then missing[#missing + 1] = part.name end
    end
    if #missing == 0 then return end
    -- point at the title (or the first paragraph) of the draft
    local p = doc.blocks.doc_type or doc.blocks.summary or 1
    ctx.report{
      span = spans.trimmed(doc, p),
      message = "Phần đầu văn bản thiếu: " .. table.concat(missing, "; "),
    }
  end,
}
