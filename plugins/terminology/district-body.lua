-- From 01/7/2025 there is no district level (two-tier local government):
-- a report dated after that names no district body ("Phòng Nội vụ huyện",
-- "UBND huyện", "Huyện ủy") as recipient or actor. The date comes from the
-- "report" fact or the header; the cut-over date from the profile
-- (options.district_abolished). Historical mentions ("huyện ... cũ",
-- "trước đây", "nguyên") are left alone.
local vn = lib("vn")

local BODY = [[(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Phòng(?:\s+[\p{L},&]+){1,6}?|Công\s+an|Trung\s+tâm(?:\s+[\p{L},&]+){1,6}?|Văn\s+phòng\s+HĐND\s+và\s+UBND|Ban\s+Chỉ\s+huy\s+Quân\s+sự|Bảo\s+hiểm\s+xã\s+hội|Kho\s+bạc\s+Nhà\s+nước|Chi\s+cục(?:\s+\p{L}+){1,4}?|Thanh\s+tra|Tòa\s+án\s+nhân\s+dân|Viện\s+kiểm\s+sát\s+nhân\s+dân)\s+(?:huyện|quận)(?![\p{L}])|(?<![\p{L}])(?:Huyện|Quận)\s+(?:ủy|uỷ|đoàn)(?![\p{L}])]]

return {
  id = "terminology/district-body",
  description = "Báo cáo sau ngày 01/7/2025 còn nêu cơ quan cấp huyện (đã kết thúc hoạt động)",
  severity = "warning",
  basis = "Luật Tổ chức chính quyền địa phương năm 2025 và Nghị quyết 202/2025/QH15: từ ngày 01/7/2025 tổ chức chính quyền địa phương hai cấp (tỉnh, xã), không còn cấp huyện",
  examples = {
    valid = {
      "Đình Cao, ngày 16 tháng 6 năm 2023\n- Phòng Nội vụ huyện;\nPhối hợp với UBND huyện Phù Cừ",
      "Đình Cao, ngày 15 tháng 9 năm 2025\n- Sở Nội vụ tỉnh Hưng Yên;\nTiếp nhận hồ sơ do UBND huyện Phù Cừ (cũ) bàn giao",
    },
    invalid = {
      { text = "Đình Cao, ngày 15 tháng 9 năm 2025\nNơi nhận:\n- [[Phòng Nội vụ huyện]];\n- Lưu: VT, VP." },
      { text = "Đình Cao, ngày 05 tháng 12 năm 2025\nThực hiện Kế hoạch của [[UBND huyện]] về chuyển đổi số" },
    },
  },
  check = function(doc, ctx)
    local cut = ctx.options.district_abolished
    if cut == false then return end
    -- the national cut-over date when the profile does not say
    if type(cut) ~= "string" or not cut:match("^%d%d%d%d%-%d%d%-%d%d$") then cut = "2025-07-01" end
    local date, year = vn.report_date(doc)
    if date then
      if date < cut then return end
    elseif not year or year <= tonumber(cut:sub(1, 4)) then
      return
    end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      for s, e in re.gmatch(t, BODY) do
        local after = t:sub(e + 1, e + 40)
        local before = t:sub(math.max(1, s - 60), s - 1)
        local historical = re.find(after, [[^(?:\s+\p{Lu}\p{Ll}*){0,3}\s*\(?\s*cũ\b]])
          or re.find(before, [[(?:trước\s+đây|nguyên|trước\s+ngày\s+0?1/0?7/2025|cũ)\s*[\p{L}\s]*$]], 1, "i")
        if not historical then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Báo cáo đề ngày sau %s/%s/%s nhưng còn nêu "%s": từ ngày 01/7/2025 không còn cấp huyện; thay bằng cơ quan cấp tỉnh hoặc cấp xã tương ứng (ví dụ Sở Nội vụ)',
              cut:sub(9, 10), cut:sub(6, 7), cut:sub(1, 4), t:sub(s, e)),
          }
        end
      end
    end
  end,
}
