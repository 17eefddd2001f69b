-- The issuer code of a cited symbol is a typo of a known code: "22/QĐ-UBDN"
-- for "22/QĐ-UBND". Agencies have many legitimate abbreviations, so only a
-- code that nobody uses and that is one letter (or one swap) away from a
-- common code is reported; the list is rules/issuers.lua.
local cit = lib("citations")

return {
  id = "citation/unknown-issuer",
  description = "Chữ viết tắt tên cơ quan ban hành trong ký hiệu văn bản không tồn tại (gõ nhầm)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 2 và Phụ lục I, Phần I mục 4 (ký hiệu văn bản gồm chữ viết tắt tên loại và chữ viết tắt tên cơ quan, tổ chức ban hành)",
  examples = {
    valid = {
      "UBND xã ban hành Quyết định số 22/QĐ-UBND ngày 27/01/2023 về việc ban hành quy chế quản lý tài sản công.",
      "Thực hiện Kế hoạch số 15/KH-BCĐ ngày 10/02/2023 của Ban Chỉ đạo xã và Công văn số 1234/CT-TTHT của Cục Thuế tỉnh.",
      "Thực hiện Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ; Thông báo số 40-TB/ĐU ngày 10/02/2023 của Đảng ủy xã.",
      "Căn cứ Quyết định số 12/QĐ-CTUBND ngày 03/02/2023 của Chủ tịch UBND xã về việc phân công nhiệm vụ.",
    },
    invalid = {
      { text = "Ban hành Quyết định số: [[22/QĐ-UBDN]] ngày 27 tháng 01 năm 2023 về việc ban hành quy chế quản lý tài sản công." },
      { text = "Thực hiện Công văn số [[1520/BNVV-CCVC]] ngày 05/4/2023 của Bộ Nội vụ về việc tuyển dụng công chức." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      if c.has_symbol and c.issuer_code then
        local near = cit.issuer_near(c.issuer_code)
        if near then
          local ref = c.ref_norm
          local sym = cit.symbol_norm(c)
          local fixed_sym = sym:gsub(c.issuer_code:gsub("%p", "%%%0"), (near:gsub("%%", "%%%%")), 1)
          local good = ref:sub(1, #ref - #sym) .. fixed_sym
          ctx.report{ span = cit.ref_span(c),
            message = string.format("Ký hiệu “%s”: không có cơ quan viết tắt là “%s”; có lẽ là “%s” (%s): “%s”",
              ref, c.issuer_code, near, cit.issuers[near].name, good),
            suggestion = good }
        end
      end
    end
  end,
}
