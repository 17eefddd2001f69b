-- Syllables that Hunspell's Vietnamese dictionary rejects ("giăt", "nghành",
-- "qúy"). To keep false alarms away, these are never checked: proper names
-- (capitalised words inside a sentence), abbreviations and codes (upper
-- case, digits, "/", "-"), single letters, words on the allow-list
-- rules/foreign-words.lua, and words without Vietnamese diacritics that do
-- not have the shape of a Vietnamese syllable (foreign words: "scan").
-- Two syllables typed without a space ("tráchcủa") are left to
-- spelling/glued-words. Both tone-placement styles (hòa/hoà) are accepted.
local vn = lib("vn")


return {
  id = "spelling/unknown-syllable",
  description = "Âm tiết không có trong từ điển tiếng Việt (lỗi gõ dấu, gõ sai chữ)",
  severity = "warning",
  basis = "Chính tả tiếng Việt (từ điển Hunspell vi_VN); Nghị định 30/2020/NĐ-CP, Điều 8: văn bản phải trình bày đúng chính tả tiếng Việt",
  examples = {
    valid = {
      "Ủy ban nhân dân xã đã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã Đình Cao năm 2023.",
      "Uỷ ban nhân dân xã thực hiện thủ tục hành chính, hoà giải ở cơ sở, hòa giải viên, thuỷ lợi, thủy sản.",
      "Trang thiết bị gồm máy tính, máy in, máy photocopy, scan; hộp thư gmail, mạng LAN và kết nối Internet.",
      "Hội nghị có sự tham dự của ông John Smith, chuyên gia của tổ chức JICA.",
      "Khuyến khích người dân sử dụng ứng dụng VNeID và Zalo để tra cứu hồ sơ.",
      "Trường THCS Đình Cao đạt kết quả cao; quý khách, khuya, khuỷu tay, nguyện vọng.",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    },
    invalid = {
      { text = "Tổ chức [[giăt]] giũ, vệ sinh trụ sở cơ quan." },
      { text = "Phối hợp với các ban [[nghành]] đoàn thể của xã." },
      { text = "Tiếp tục rà soát, kiện toàn đội ngũ cán bộ, công chức xã theo [[qui]] định." },
    },
  },
  check = function(doc, ctx)
    local allow = rules_data("foreign-words")
    local hints = rules_data("confusions").hints
    for _, p in ipairs(vn.with_marks(doc)) do
      local text = p.text
      local bad = {}
      for s, e, w in vn.unknown_candidates(text, allow) do bad[#bad + 1] = { s, e, w } end
      -- a paragraph where many words fail is not Vietnamese or is garbled
      -- (a legacy encoding: encoding/mojibake reports it): say nothing
      if #bad >= 3 then
        local n = 0
        for _ in vn.candidates(text, allow) do n = n + 1 end
        if #bad > n * 0.2 then bad = {} end
      end
      for _, b in ipairs(bad) do
        local w = b[3]
        local sugg = hints[re.lower(w)] or vn.suggest(w)
        if sugg and vn.case_of(w) == "cap" then sugg = re.upper(sugg:sub(1, 1)) .. sugg:sub(2) end
        ctx.report{
          span = { p = p.index, s = b[1], e = b[2] },
          message = sugg
            and string.format('Âm tiết "%s" không có trong từ điển tiếng Việt; có thể là "%s"', w, sugg)
            or string.format('Âm tiết "%s" không có trong từ điển tiếng Việt', w),
          suggestion = sugg,
        }
      end
    end
  end,
}
