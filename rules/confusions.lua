-- Real-word errors in Vietnamese administrative writing: each syllable is a
-- valid word, so a dictionary accepts it, but the phrase is wrong. Used by
-- spelling/confusion. Policy data (loaded in an empty environment).
--
-- Each entry of `phrases`:
--   [1]    the phrase as typed; the part in [brackets] is reported, the
--          rest is context that must be present (case-insensitive unless
--          `case = true`). Word boundaries apply at both ends.
--   [2]    the correction of the bracketed part.
--   unless = words that, right after the phrase, make it correct
--            ("các nhân viên" is correct).
--   unless_before = words that, right before the phrase, make it correct.
--   note   = why (shown to the user).
--   end_only = true: the phrase must be followed by punctuation or the end
--            of the paragraph ("trên địa bàn xa." but not "địa bàn xa xôi");
--            next_cap = true also accepts a capitalised word after it
--            (a place name: "UBND xa Đình Cao").
--
-- `hints`: single misspelt syllables (not dictionary words) and the word
-- intended, used as the suggestion by spelling/unknown-syllable.
local NOT_PERSON = { "viên", "tố", "vật", "sự", "chứng", "khẩu", "lực", "dân", "loại", "phẩm",
  "cách", "danh", "mạng", "bản", "quyền", "thân", "tình", "đạo", "chủng", "tài", "công",
  "hậu", "diện", "văn", "nghĩa", "trí", "ái", "duyên", "hoá", "hóa", "sinh", "giống" }

return {
  phrases = {
    -- agency codes mistyped
    { "[UBDN]", "UBND", case = true, note = "viết tắt của Ủy ban nhân dân là UBND" },
    { "[UNBD]", "UBND", case = true, note = "viết tắt của Ủy ban nhân dân là UBND" },
    { "[UBNN]", "UBND", case = true, note = "viết tắt của Ủy ban nhân dân là UBND" },
    { "[HĐDN]", "HĐND", case = true, note = "viết tắt của Hội đồng nhân dân là HĐND" },
    { "[HDND]", "HĐND", case = true, note = "viết tắt của Hội đồng nhân dân là HĐND (chữ Đ)" },
    { "[HĐNĐ]", "HĐND", case = true, note = "viết tắt của Hội đồng nhân dân là HĐND" },
    { "[THTC]", "TTHC", case = true, note = "viết tắt của thủ tục hành chính là TTHC" },
    -- định / đinh
    { "[Quyết đinh]", "Quyết định", case = true }, { "[quyết đinh]", "quyết định", case = true },
    { "[QUYẾT ĐINH]", "QUYẾT ĐỊNH", case = true },
    { "[Nghị đinh]", "Nghị định", case = true }, { "[nghị đinh]", "nghị định", case = true },
    { "[quy đinh]", "quy định", case = true }, { "[Quy đinh]", "Quy định", case = true },
    { "[xác đinh]", "xác định", case = true }, { "[ổn đinh]", "ổn định", case = true },
    { "[thẩm đinh]", "thẩm định", case = true }, { "[nhất đinh]", "nhất định", case = true },
    { "[đinh kỳ]", "định kỳ", case = true }, { "[quyết đính]", "quyết định", case = true },
    -- xã / xa (the commune)
    { "trên địa bàn [xa]", "xã", end_only = true, note = "\"địa bàn xã\"" },
    { "[UBND xa]", "UBND xã", case = true, end_only = true, next_cap = true },
    { "[Ủy ban nhân dân xa]", "Ủy ban nhân dân xã", case = true, end_only = true, next_cap = true },
    { "[Uỷ ban nhân dân xa]", "Uỷ ban nhân dân xã", case = true, end_only = true, next_cap = true },
    { "cán bộ, công chức [xa]", "xã", end_only = true },
    -- cá nhân / các nhân
    { "từng [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "mỗi [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "mọi [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "tổ chức, [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "tổ chức và [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "tập thể, [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "tập thể và [các nhân]", "cá nhân", unless = NOT_PERSON },
    { "[các nhân], tổ chức", "cá nhân", unless_before = { "các", "những" } },
    -- s / x
    { "[sử lý]", "xử lý" }, { "[xử dụng]", "sử dụng" }, { "[sử phạt]", "xử phạt" },
    { "[bổ xung]", "bổ sung" }, { "[sát nhập]", "sáp nhập" }, { "[xát nhập]", "sáp nhập" },
    { "[xắp xếp]", "sắp xếp" }, { "[sắp sếp]", "sắp xếp" }, { "[xem sét]", "xem xét" },
    { "[sét duyệt]", "xét duyệt" }, { "[rà xoát]", "rà soát" }, { "[giám xát]", "giám sát" },
    { "[sâu xát]", "sâu sát" }, { "[bức súc]", "bức xúc" }, { "[tiếp súc]", "tiếp xúc" },
    { "[súc tiến]", "xúc tiến" }, { "[suất sắc]", "xuất sắc" }, { "[sản suất]", "sản xuất" },
    { "[đề suất]", "đề xuất" }, { "[thường suyên]", "thường xuyên" }, { "[suyên suốt]", "xuyên suốt" },
    { "[xuyên xuốt]", "xuyên suốt" }, { "[xát hạch]", "sát hạch" },
    { "[năng xuất] lao động", "năng suất" }, { "[năng xuất] cây trồng", "năng suất" },
    { "[năng xuất] lúa", "năng suất" }, { "[năng xuất] bình quân", "năng suất" },
    { "[năng xuất], chất lượng", "năng suất" },
    -- tr / ch
    { "[tuyên chuyền]", "tuyên truyền" }, { "[trương trình]", "chương trình" },
    { "[chân trọng]", "trân trọng" }, { "[trú trọng]", "chú trọng" }, { "[chuẩn đoán]", "chẩn đoán" },
    -- tones
    { "[hổ trợ]", "hỗ trợ" }, { "[sữa chữa]", "sửa chữa" }, { "[sữa đổi]", "sửa đổi" },
    { "[cũng cố]", "củng cố", unless = { "gắng", "định", "ý", "tình", "vấn", "thủ", "tật" } },
    { "[lảnh đạo]", "lãnh đạo" }, { "[lảng phí]", "lãng phí" }, { "[dử liệu]", "dữ liệu" },
    { "[số liêu]", "số liệu" }, { "[trách nhiêm]", "trách nhiệm" }, { "[tồn động]", "tồn đọng" },
    { "[giao dục]", "giáo dục" },
    -- d / gi
    { "[giành thời gian]", "dành thời gian" }, { "[giành kinh phí]", "dành kinh phí" },
    { "[giành cho]", "dành cho", unless_before = { "tranh" } },
    { "[dành thắng lợi]", "giành thắng lợi" }, { "[dành chiến thắng]", "giành chiến thắng" },
    { "[dành độc lập]", "giành độc lập" },
    -- soát / sát
    { "[kiểm sát] thủ tục hành chính", "kiểm soát" }, { "[kiểm sát] chi", "kiểm soát" },
    { "[kiểm sát] việc giải quyết thủ tục", "kiểm soát" },
  },
  hints = {
    ["qui"] = "quy", ["nghành"] = "ngành", ["nghàng"] = "ngành", ["triễn"] = "triển",
    ["kiễm"] = "kiểm", ["chiệt"] = "triệt", ["xữ"] = "xử",
  },
}
