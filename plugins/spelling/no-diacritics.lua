-- Paragraphs typed without diacritics: the Vietnamese input method (Unikey,
-- EVKey) was off, or the marks were lost in a copy from another system.
-- One finding for the document; the other spelling rules leave those
-- paragraphs alone (every other word would be "unknown" there).
local vn = lib("vn")

return {
  id = "spelling/no-diacritics",
  description = "Đoạn văn gõ tiếng Việt không dấu",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 2: văn bản dùng phông chữ tiếng Việt Unicode theo TCVN 6909:2001; chính tả tiếng Việt",
  examples = {
    valid = {
      "Ủy ban nhân dân xã đã ban hành kế hoạch cải cách hành chính năm 2023 và triển khai thực hiện.",
      -- a paragraph in English, names and codes without marks
      "The commune people's committee issued the administrative reform plan for the year 2023.",
      "Website: https://dinhcao.gov.vn; email: ubnd.dinhcao@hungyen.gov.vn; mã số: QD-UBND, KH-UBND.",
    },
    invalid = {
      { text = "[[Uy]] ban nhan dan xa da ban hanh ke hoach cai cach hanh chinh nam 2023 va trien khai thuc hien." },
      { text = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\n[[De]] to chuc trien khai thuc hien cac nhiem vu do Uy ban nhan dan huyen giao\nỦy ban nhân dân xã đã ban hành kế hoạch.\nCong tac tuyen truyen cai cach hanh chinh duoc quan tam thuc hien." },
    },
  },
  check = function(doc, ctx)
    local bare = vn.undiacritized(doc)
    local list = {}
    for _, p in ipairs(doc.paragraphs) do
      if bare[p.index] then list[#list + 1] = p end
    end
    if #list == 0 then return end
    local p = list[1]
    local s, e = re.find(p.text, [[\p{L}+]])
    local lines = {}
    for k = 1, math.min(#list, 5) do lines[#lines + 1] = tostring(list[k].line) end
    local where = #list == 1 and "Đoạn này" or string.format("%d đoạn (bắt đầu ở dòng %s%s)", #list,
      table.concat(lines, ", "), #list > 5 and " và các đoạn sau" or "")
    ctx.report{
      span = { p = p.index, s = s or 1, e = e or 1 },
      message = where .. " gõ tiếng Việt không dấu: có thể bộ gõ (Unikey, EVKey) đang tắt hoặc văn bản bị mất dấu "
        .. "khi sao chép; hãy gõ lại có dấu rồi kiểm tra lại (các lỗi chính tả khác trong những đoạn này không được "
        .. "báo; số, ngày của văn bản được dẫn cũng có thể bị hiểu sai khi thiếu dấu)",
    }
  end,
}
