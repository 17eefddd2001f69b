-- The numbers of the reporting body's own documents (and of the report
-- itself, "Số: 05/BC-UBND") follow Decree 30: Arabic numerals in the order
-- of registration, numbers below 10 with a leading 0, no letters. "03A"
-- is a number slipped in after the fact (a document back-dated between 03
-- and 04); "5/QĐ-UBND" lacks its 0; "009" has one too many. Only the body's
-- own documents are checked: other bodies' numbers are cited as they were
-- issued ("2839/UBND-TH", a central "Nghị quyết số 1/NQ-CP").
local cit = lib("citations")

local function problem(number)
  local digits, suffix = number:match("^(%d+)(%a*)$")
  if not digits then return nil end
  if suffix ~= "" then
    return "suffix", string.format("số “%s” có chữ cái: số văn bản là số thứ tự đăng ký liên tục, không chèn số có chữ (văn bản lấy số lùi)", number)
  end
  local v = tonumber(digits)
  if v < 10 and #digits == 1 then
    return "zero", string.format("số nhỏ hơn 10 phải ghi thêm số 0 phía trước: “0%s”", digits), "0" .. digits
  end
  if #digits > 2 and digits:sub(1, 1) == "0" then
    local good = string.format("%02d", v)
    return "zeros", string.format("số “%s” thừa số 0 phía trước: “%s”", digits, good), good
  end
  return nil
end

return {
  id = "citation/number-format",
  description = "Số văn bản của chính cơ quan báo cáo viết sai quy cách (thiếu số 0, thừa số 0, có chữ cái)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (số của văn bản là số thứ tự văn bản do cơ quan ban hành trong một năm, ghi bằng chữ số Ả Rập) và Phụ lục I, Phần I mục 4 (số nhỏ hơn 10 phải ghi thêm số 0 phía trước)",
  examples = {
    valid = {
      "UBND xã ban hành Quyết định số 05/QĐ-UBND ngày 04/01/2023 về việc thành lập tổ công tác và Kế hoạch số 14/KH-UBND ngày 16/01/2023.",
      "Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh Hưng Yên về việc thực hiện cơ chế tự chủ.",
      "Thực hiện Nghị quyết số 1/NQ-CP ngày 06/01/2023 của Chính phủ về nhiệm vụ, giải pháp chủ yếu năm 2023.",
    },
    invalid = {
      { text = "UBND xã đã ban hành Quyết định số [[03A]]/QĐ-UBND ngày 05/01/2023 về việc ban hành quy chế chi tiêu nội bộ năm 2023." },
      { text = "UBND xã ban hành Quyết định số [[5]]/QĐ-UBND ngày 04/01/2023 về việc thành lập tổ công tác." },
      { text = "UBND xã ban hành Quyết định số [[009]]/QĐ-UBND ngày 04/01/2023 về việc thành lập tổ công tác." },
    },
  },
  check = function(doc, ctx)
    local seen = {}
    for c in doc:facts("citation") do
      if c.number and c.number_s and c.has_symbol and not c.party and cit.own(doc, c) then
        local kind, msg, good = problem(c.number)
        local key = (cit.base_key(c) or "") .. "@" .. (c.date_iso or "")
        if kind and not seen[key] then
          seen[key] = true
          ctx.report{ span = { p = c.p, s = c.number_s, e = c.number_e },
            message = string.format("%s: %s", cit.label(c), msg), suggestion = good }
        end
      end
    end
    -- the report's own number
    local r = cit.report(doc)
    local p = doc.blocks.number
    if r and r.doc_number and p then
      local kind, msg, good = problem(r.doc_number)
      if kind then
        local t = doc.paragraphs[p].text
        local s, e = re.find(t, [[(?<![\d\p{L}])]] .. r.doc_number:gsub("%p", "\\%0") .. [[(?=\s*/)]])
        if s then
          ctx.report{ span = { p = p, s = s, e = e }, message = string.format("Số của báo cáo: %s", msg),
            suggestion = good }
        end
      end
    end
  end,
}
