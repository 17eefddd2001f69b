-- Units of measure: a space between the number and the unit, and the
-- superscript in square and cubic metres ("36 m²", not "36m2").
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end
-- What a reported unit is: any unit right after a digit, or m2, m3, km2,
-- cm2 after a digit and one space. Found from an "m" (m2, m3, m², m³, mm,
-- km, km2, km², cm, cm2), then from the "k" of kg or the "a" of ha: two
-- searches that each start from one letter.
local PRE = {
  [[m(?:(?<=\dm)(?:[23²³]|m)?|(?<=\d\sm)[23]|(?<=\d[kc]m)[2²]?|(?<=\d\s[kc]m)2)(?![\p{L}\p{N}])]],
  [[k(?<=\dk)g(?![\p{L}\p{N}])|a(?<=\dha)(?![\p{L}\p{N}])]],
}

return {
  id = "typography/unit",
  description = "Đơn vị đo viết liền với số hoặc viết m2, m3 thay cho m², m³",
  severity = "info",
  basis = "Nghị định 86/2012/NĐ-CP và TCVN 7870 (ISO 80000-1) về cách viết đơn vị đo: giữa số và đơn vị có một dấu cách; ký hiệu mét vuông là m²",
  examples = {
    valid = {
      "Diện tích phòng làm việc 36 m², khu vực chờ có ghế ngồi",
      "Tuyến đường dài 2,5 km, rộng 5 m; khối lượng 12 m³",
      "Kế hoạch số 40/KH-UBND; 3G, 4G; lớp 9A; năm 2023",
    },
    invalid = {
      { text = "Diện tích phòng làm việc [[36m2]], khu vực chờ có ghế ngồi" },
      { text = "nâng cấp tuyến đường dài [[2,5km]]" },
      { text = "đổ bê tông [[12 m3]] mặt đường" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs that may hold a reported unit (one search of the
    -- whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      -- (a digit, perhaps a space, and the first letter of a unit are needed)
      for s, e, num, sp, unit in re.find(t, [=[\d\s?[mkch]]=]) and re.gmatch(t, [[(?<![\p{L}\d.,/-])(\d+(?:[.,]\d+)*)(\s?)(m2|m3|km2|cm2|km|cm|mm|kg|ha|m²|m³|km²)(?![\p{L}\p{N}])]]) or NONE do
        local fixed = unit:gsub("2$", "²"):gsub("3$", "³")
        if sp == "" or fixed ~= unit then
          local want = num .. " " .. fixed
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Viết "%s", nên viết "%s" (cách một dấu cách giữa số và đơn vị%s)',
              t:sub(s, e), want, fixed ~= unit and ", số mũ viết cao" or ""),
            suggestion = want,
          }
        end
      end
    end
  end,
}
