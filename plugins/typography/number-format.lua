-- Vietnamese number format: "." separates thousands, "," decimals
-- ("1.395 hồ sơ", "114,07%", "357,95 ha"). Reported: a decimal point before
-- a unit or "%" ("357.95 ha", "10.62%"); a thousands comma before a count
-- of people or things ("1,395 hồ sơ"); several comma groups
-- ("27,869,168,372 đồng"). Section numbers ("mục 2.1"), versions ("4.0")
-- and "mức độ 3,4" are left alone.
local UNITS = [[(?:ha|héc\s*ta|m2|m²|m3|m³|km2|km²|km|m|cm|mm|kg|tấn|tạ|yến|lít|%|tỷ|triệu|nghìn|ngàn|đồng|USD|VNĐ|VND|giờ|phút|lần|điểm)]]
local COUNTS = [[(?:hồ\s+sơ|người|hộ|nhân\s+khẩu|lượt|trường\s+hợp|cán\s+bộ|công\s+chức|đảng\s+viên|học\s+sinh|thủ\s+tục|văn\s+bản|đồng|đơn|vụ|thôn|cuộc|tin|bài|lao\s+động|doanh\s+nghiệp|con|cây|chiếc|phiếu|tài\s+khoản)]]

local spans = lib("spans")
-- What each of the three reported forms holds, found from its "." or ","
-- (rarer bytes than the digits): ".d" or ".dd" after a digit before a unit;
-- ",ddd,ddd" after a digit; ",ddd" after a digit before a count.
local PRE = [[\.(?<=\d\.)\d{1,2}(?![\d.,/])\s*]] .. UNITS .. [[(?![\p{L}])]]
  .. [[|,(?<=\d,)\d{3},\d{3}]]
  .. [[|,(?<=\d,)\d{3}(?![\d.,])\s+(?i:]] .. COUNTS .. [[)(?![\p{L}])]]
-- an empty iterator
local function NONE() return nil end

return {
  id = "typography/number-format",
  description = "Số viết sai quy cách: dấu chấm phân cách hàng nghìn, dấu phẩy phân cách phần thập phân",
  severity = "warning",
  basis = "Quy ước viết số của tiếng Việt (TCVN 7870 / ISO 80000-1: dấu phẩy thập phân; dấu chấm tách nhóm ba chữ số trong văn bản hành chính); DOMAIN §6",
  examples = {
    valid = {
      "Số hồ sơ tiếp nhận là 1.395 hồ sơ; giải ngân 27.869.168.372 đồng (đạt 114,07% dự toán)",
      "Diện tích đất nông nghiệp 357,95 ha; tỷ lệ 10,62%; 18/20 cán bộ",
      "Thực hiện tiêu chí 2.1 của Bộ chỉ số; cách mạng công nghiệp 4.0; dịch vụ công trực tuyến mức độ 3,4",
      "Ngày 15.6.2023, tổ chức hội nghị; Phụ lục 1.2 kèm theo",
    },
    invalid = {
      { text = "Tổng diện tích đất nông nghiệp là [[357.95]] ha" },
      { text = "Số hồ sơ tiếp nhận là [[1,395]] hồ sơ" },
      { text = "giải ngân [[27,869,168,372]] đồng" },
      { text = "đạt [[10.62]]% dự toán giao đầu năm" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs that may hold one of the three (one search of the
    -- whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      local i = p.index
      local function report(s, e, msg, sugg)
        ctx.report{ span = { p = i, s = s, e = e }, message = msg, suggestion = sugg }
      end
      -- (all three need a digit, "." or "," and a digit)
      local maybe = re.find(t, [[\d[.,]\d]])
      -- decimal point: 357.95 ha, 10.62%
      for s, e, int, frac in maybe and re.gmatch(t, [[(?<![\d.,/])(\d{1,3}(?:\.\d{3})*|\d+)\.(\d{1,2})(?![\d.,/])(?=\s*]] .. UNITS .. [[(?![\p{L}]))]]) or NONE do
        report(s, e, string.format('Số "%s" dùng dấu chấm làm dấu thập phân; tiếng Việt dùng dấu phẩy: "%s,%s"', t:sub(s, e), int, frac),
          int .. "," .. frac)
      end
      -- several comma groups: 27,869,168,372 (English thousands)
      local multi = {}
      for s, e in maybe and re.gmatch(t, [[(?<![\d.,/])\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?(?![\d,])]]) or NONE do
        multi[s] = true
        local v = t:sub(s, e)
        local int, dec = v:match("^([%d,]+)%.?(%d*)$")
        local sugg = int:gsub(",", ".") .. (dec ~= "" and ("," .. dec) or "")
        report(s, e, string.format('Số "%s" dùng dấu phẩy phân cách hàng nghìn; tiếng Việt dùng dấu chấm: "%s"', v, sugg), sugg)
      end
      -- one comma group before a count: 1,395 hồ sơ
      for s, e in maybe and re.gmatch(t, [[(?<![\d.,/])\d{1,3},\d{3}(?![\d.,])(?=\s+]] .. COUNTS .. [[(?![\p{L}]))]], "i") or NONE do
        if not multi[s] then
          local v = t:sub(s, e)
          local sugg = v:gsub(",", ".")
          report(s, e, string.format('Số "%s" dùng dấu phẩy phân cách hàng nghìn (số đếm không có phần thập phân); tiếng Việt dùng dấu chấm: "%s"', v, sugg), sugg)
        end
      end
    end
  end,
}
