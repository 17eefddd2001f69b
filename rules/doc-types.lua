-- Document types and the code of each in a symbol (Nghị định 30/2020/NĐ-CP,
-- Phụ lục III "Bảng chữ viết tắt tên loại văn bản và bản sao"), plus the
-- legal normative types (Luật Ban hành văn bản quy phạm pháp luật) and the
-- Party regime (Hướng dẫn 36-HD/VPTW). Policy data, used by the citation
-- pack: codes are case-sensitive ("QyĐ", "CTr", "TTr").
--
-- types: type name (as the extractor normalizes it) -> code (nil: no code)
-- codes: code -> type name, for reading a symbol
-- joint: suffixes that make a joint ("liên tịch") code from a type code
-- no_code: types whose symbol carries no type code
return {
  types = {
    ["Nghị quyết"] = "NQ", ["Quyết định"] = "QĐ", ["Chỉ thị"] = "CT", ["Quy chế"] = "QC",
    ["Quy định"] = "QyĐ", ["Thông cáo"] = "TC", ["Thông báo"] = "TB", ["Hướng dẫn"] = "HD",
    ["Chương trình"] = "CTr", ["Kế hoạch"] = "KH", ["Phương án"] = "PA", ["Đề án"] = "ĐA",
    ["Dự án"] = "DA", ["Báo cáo"] = "BC", ["Biên bản"] = "BB", ["Tờ trình"] = "TTr",
    ["Hợp đồng"] = "HĐ", ["Công điện"] = "CĐ", ["Bản ghi nhớ"] = "BGN", ["Bản thỏa thuận"] = "BTT",
    ["Giấy ủy quyền"] = "GUQ", ["Giấy mời"] = "GM", ["Giấy giới thiệu"] = "GGT",
    ["Giấy nghỉ phép"] = "GNP", ["Phiếu gửi"] = "PG", ["Phiếu chuyển"] = "PC", ["Phiếu báo"] = "PB",
    ["Nghị định"] = "NĐ", ["Thông tư"] = "TT", ["Thông tư liên tịch"] = "TTLT",
    ["Nghị quyết liên tịch"] = "NQLT", ["Kết luận"] = "KL", ["Pháp lệnh"] = nil,
  },
  codes = {
    NQ = "Nghị quyết", ["QĐ"] = "Quyết định", CT = "Chỉ thị", QC = "Quy chế", ["QyĐ"] = "Quy định",
    TC = "Thông cáo", TB = "Thông báo", HD = "Hướng dẫn", CTr = "Chương trình", KH = "Kế hoạch",
    PA = "Phương án", ["ĐA"] = "Đề án", DA = "Dự án", BC = "Báo cáo", BB = "Biên bản",
    TTr = "Tờ trình", ["HĐ"] = "Hợp đồng", ["CĐ"] = "Công điện", BGN = "Bản ghi nhớ",
    BTT = "Bản thỏa thuận", GUQ = "Giấy ủy quyền", GM = "Giấy mời", GGT = "Giấy giới thiệu",
    GNP = "Giấy nghỉ phép", PG = "Phiếu gửi", PC = "Phiếu chuyển", PB = "Phiếu báo",
    ["NĐ"] = "Nghị định", TT = "Thông tư", TTLT = "Thông tư liên tịch", NQLT = "Nghị quyết liên tịch",
    KL = "Kết luận", SY = "Bản sao y", TrS = "Bản trích sao", SL = "Bản sao lục",
  },
  joint = { "LT" },
  -- the state-regime công văn: "<agency>-<unit>" (12/UBND-VX), never "/CV-"
  no_code = { ["Công văn"] = true, ["Văn bản"] = true, ["Văn bản hợp nhất"] = true, ["Luật"] = true,
              ["Pháp lệnh"] = true, ["Quy trình"] = true },
  -- cited by name or with their own numbering; no date or symbol checks
  by_name = { ["Luật"] = true, ["Bộ luật"] = true, ["Pháp lệnh"] = true, ["Hiến pháp"] = true,
              ["Văn bản hợp nhất"] = true },
  -- legal normative types: the number carries the year (61/2018/NĐ-CP)
  normative = { ["Nghị định"] = true, ["Thông tư"] = true, ["Thông tư liên tịch"] = true,
                ["Nghị quyết liên tịch"] = true },
}
