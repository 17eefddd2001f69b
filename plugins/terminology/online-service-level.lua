-- Since Nghị định 42/2022/NĐ-CP (in force 01/8/2022) online public services
-- are "toàn trình" or "một phần"; "dịch vụ công trực tuyến mức độ 3, mức
-- độ 4" (Nghị định 43/2011/NĐ-CP, repealed) is outdated in a report written
-- after it. The report's year comes from the "report" fact, the header
-- date, or the title.
local vn = lib("vn")

local LEVELS = [[mức\s+độ\s+([34])(?:\s*(?:,|và|hoặc|-|–)\s*(?:mức\s+độ\s+)?([34]))?(?!\d)]]
local CONTEXT = [[(?:trực\s+tuyến|dịch\s+vụ\s+công|DVC|DVCTT|thủ\s+tục\s+hành\s+chính|TTHC|hồ\s+sơ|Cổng\s+dịch\s+vụ)]]
local NEW = { ["3"] = "một phần", ["4"] = "toàn trình" }

return {
  id = "terminology/online-service-level",
  description = "Dùng cách phân loại cũ \"dịch vụ công trực tuyến mức độ 3, mức độ 4\" sau Nghị định 42/2022/NĐ-CP",
  severity = "warning",
  basis = "Nghị định 42/2022/NĐ-CP (có hiệu lực từ 01/8/2022), Điều 11: dịch vụ công trực tuyến gồm dịch vụ công trực tuyến toàn trình và dịch vụ công trực tuyến một phần; thay cho các mức độ 3, 4 của Nghị định 43/2011/NĐ-CP",
  examples = {
    valid = {
      "Báo cáo 6 tháng đầu năm 2023\nTiếp nhận 1.386 hồ sơ trực tuyến toàn trình và một phần.",
      "Báo cáo năm 2021\nCung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4 trên Cổng dịch vụ công của tỉnh.",
      "Báo cáo năm 2023\nPhân loại bão ở mức độ 3 theo quy định về cấp độ rủi ro thiên tai.",
    },
    invalid = {
      { text = "Báo cáo 6 tháng đầu năm 2023\ntiếp nhận giải quyết trực tuyến Hệ thống thông tin giải quyết TTHC tỉnh ([[mức độ 3, mức độ 4]]) để tạo thuận lợi" },
      { text = "Đình Cao, ngày 16 tháng 6 năm 2023\nTiếp tục cung cấp dịch vụ công trực tuyến [[mức độ 3 và mức độ 4]], tăng tính công khai" },
      { text = "Báo cáo năm 2024\nxây dựng kế hoạch cung ứng dịch vụ công trực tuyến [[mức độ 3,4]]." },
    },
  },
  check = function(doc, ctx)
    local date, year = vn.report_date(doc)
    if date then
      if date < "2022-08-01" then return end
    elseif not year or year < 2023 then
      return
    end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      for s, e, a, b in re.gmatch(t, LEVELS, "i") do
        local before = t:sub(math.max(1, s - 160), s - 1)
        local after = t:sub(e + 1, e + 40)
        if re.find(before, CONTEXT, 1, "i") or re.find(after, [[^\W*(?:hồ\s+sơ|TTHC)]], 1, "i") then
          local sugg
          if b and b ~= "" and b ~= a then
            sugg = NEW[a] .. ", " .. NEW[b]
          else
            sugg = NEW[a]
          end
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('"%s" là cách phân loại cũ; từ Nghị định 42/2022/NĐ-CP dịch vụ công trực tuyến chỉ gồm "toàn trình" (tương ứng mức độ 4) và "một phần" (tương ứng mức độ 3)', t:sub(s, e)),
            suggestion = sugg,
          }
        end
      end
    end
  end,
}
