-- A figure of the previous year presented as a result of a shorter period
-- report: "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước năm 2022
-- với số tiền là: 27.869.168.372 đồng" in a report on the first six months of
-- 2023. Only when the sentence gives an amount or a count after "năm <Y-1>"
-- and says nothing that makes the year legitimate: a comparison ("so với",
-- "cùng kỳ", "tăng", "giảm"), a settlement or carry-over ("quyết toán",
-- "đối chiếu", "chuyển nguồn", "kéo dài"), or the current period itself.
local N = lib("numbers")

local SHORT = { ["6-thang"] = true, ["9-thang"] = true, quy = true, thang = true }
local EXCUSES = { "so voi", "cung ky", "quyet toan", "doi chieu", "chuyen nguon", "chuyen sang", "keo dai",
  "nam truoc", "tang", "giam", "con lai", "ton dong", "tu nam", "den nam", "giai doan", "nhiem ky", "ke hoach nam" }
local EXCUSE_PAT = "\\b(?:" .. table.concat(EXCUSES, "|") .. ")\\b"

local ROMAN = { "I", "II", "III", "IV" }
local function label(r)
  if r.period == "6-thang" then return "6 tháng đầu năm " .. r.year end
  if r.period == "9-thang" then return "9 tháng đầu năm " .. r.year end
  if r.period == "quy" and r.quarter then return string.format("quý %s năm %d", ROMAN[r.quarter] or r.quarter, r.year) end
  if r.period == "thang" and r.month then return string.format("tháng %d năm %d", r.month, r.year) end
  return "năm " .. r.year
end

return {
  id = "date/prior-year-figure",
  description = "Số liệu của năm trước được trình bày như kết quả của kỳ báo cáo",
  severity = "warning",
  basis = "Nghị định 09/2019/NĐ-CP, Điều 12 (số liệu báo cáo định kỳ thuộc thời gian chốt số liệu của kỳ báo cáo)",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\n- Khối lượng giải ngân đầu tư công 6 tháng đầu năm 2023 là: 2.822.033.624 đồng.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nSố hồ sơ trực tuyến là 1.386 hồ sơ, tăng 320 hồ sơ so với cùng kỳ năm 2022.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nUBND xã đã phê chuẩn quyết toán ngân sách năm 2022 với tổng thu 9.215.000.000 đồng.",
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nCác chỉ số năm 2022 đã có những bước chuyển biến hơn so với các năm trước.",
      "Kết quả thực hiện công tác cải cách hành chính năm 2023\nThực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước năm 2022 với số tiền là: 1.250.000.000 đồng.",
    },
    invalid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\n- Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước [[năm 2022]] với số tiền là: 27.869.168.372 đồng ( Đạt 114,07% dự toán giao đầu năm)",
    },
  },
  check = function(doc, ctx)
    local r = doc:fact("report")
    if not r or not r.year or not SHORT[r.period or ""] then return end
    -- the periods naming the year before, and the periods by paragraph,
    -- in one pass; the other facts by paragraph are grouped only when
    -- first needed
    local prior, periods = {}, {}
    for y in doc:facts("period") do
      local l = periods[y.p]
      if not l then l = {}; periods[y.p] = l end
      l[#l + 1] = y
      if y.period == "nam" and y.year == r.year - 1 then prior[#prior + 1] = y end
    end
    if #prior == 0 then return end
    local grouped = {}
    local function group(kind)
      local g = grouped[kind]
      if not g then g = N.by_paragraph(doc, kind); grouped[kind] = g end
      return g
    end
    for _, y in ipairs(prior) do
      if not y.in_citation then
        local text = doc.paragraphs[y.p].text
        local ss, se = N.sentence_start(text, y.s), N.sentence_end(text, y.e)
        local excused = false
        -- the current period named in the same sentence
        for _, q in ipairs(periods[y.p]) do
          if q.s >= ss and q.e <= se and q ~= y and (q.year == r.year or q.period == r.period) then
            excused = true
          end
        end
        -- a word that makes the year legitimate (one search for any of
        -- them: the same answer as one search per word)
        if not excused and re.find(re.fold(text:sub(ss, se)), EXCUSE_PAT) then excused = true end
        if not excused then
          local figure
          for _, m in ipairs(group("money")[y.p] or {}) do
            if m.s > y.e and m.e <= se then figure = m; break end
          end
          if not figure then
            for _, n in ipairs(group("number")[y.p] or {}) do
              if n.s > y.e and n.e <= se and n.unit and n.unit ~= "%" and not n.year_like then
                figure = n; break
              end
            end
          end
          if figure then
            ctx.report{
              span = y,
              message = string.format("Số liệu của năm %d (%s) được trình bày như kết quả của kỳ báo cáo %s: kiểm tra lại kỳ số liệu, hoặc ghi rõ đây là số liệu năm trước để so sánh",
                y.year, figure.text, label(r)),
            }
          end
        end
      end
    end
  end,
}
