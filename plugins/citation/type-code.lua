-- The type code at the head of a symbol must be the code of the type word
-- (Decree 30/2020, Phụ lục III): "Kế hoạch số 12/QĐ-UBND" names a plan with
-- a decision's symbol. A công văn has no type code: its symbol is
-- "<agency>-<unit>" (12/UBND-VX), so "12/CV-UBND" is wrong.
local cit = lib("citations")

-- codes that a state-regime công văn cannot start with (they are never an
-- agency's abbreviation); other first groups may be agencies ("CT" is the
-- tax department) and are left alone
local NOT_AGENCY = { CV = true, KH = true, ["QĐ"] = true, NQ = true, BC = true, TTr = true, CTr = true }

return {
  id = "citation/type-code",
  description = "Ký hiệu tên loại trong số, ký hiệu không khớp với tên loại văn bản được dẫn",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục III (bảng chữ viết tắt tên loại văn bản) và Phụ lục I, Phần I mục 4 (ký hiệu của công văn gồm chữ viết tắt tên cơ quan và đơn vị soạn thảo, không có tên loại)",
  examples = {
    valid = {
      "Ngày 09/02/2023, UBND xã ban hành Quyết định số 24/QĐ-UBND về ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023.",
      "Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh Hưng Yên về việc thực hiện cơ chế tự chủ.",
      "Thực hiện Chương trình số 05/CTr-UBND ngày 12/01/2023 và Tờ trình số 08/TTr-UBND ngày 20/02/2023 của UBND xã.",
      "Theo Quy định 540-QĐ/TU của Tỉnh ủy Hưng Yên; Nghị quyết số 06-NQ/TU ngày 20/10/2021 của Ban Chấp hành Đảng bộ tỉnh.",
      "Thực hiện Công văn số 1234/CT-TTHT ngày 05/5/2023 của Cục Thuế tỉnh về hóa đơn điện tử.",
      "Thực hiện Thông tư liên tịch số 03/2014/TTLT-BNV-BTC ngày 12/5/2014 của Bộ Nội vụ và Bộ Tài chính.",
    },
    invalid = {
      { text = "UBND xã đã ban hành Kế hoạch số [[12/QĐ-UBND]] ngày 05/01/2023 về cải cách hành chính năm 2023." },
      { text = "Thực hiện Công văn số [[15/CV-UBND]] ngày 06/01/2023 của UBND huyện về việc tổ chức hội nghị." },
      { text = "Căn cứ Nghị quyết số [[15/QĐ-HĐND]] ngày 20/12/2022 của HĐND xã về dự toán ngân sách năm 2023." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      if c.has_symbol and c.type_source == "word" and c.symbol_code then
        local span = cit.ref_span(c)
        local code = cit.type_code_of(c.symbol_code)
        if c.type == "Công văn" and not c.party then
          if NOT_AGENCY[code or c.symbol_code] or re.fold(c.symbol_code) == "cv" then
            local rest = c.symbol:gsub("%s+", ""):gsub("^[^-]*%-", "", 1)
            ctx.report{ span = span,
              message = string.format("Công văn không có ký hiệu tên loại: “%s” phải là “%s/%s-…” (chữ viết tắt tên cơ quan, rồi đơn vị soạn thảo)",
                c.ref_norm, c.number, rest) }
          end
        elseif c.type_code and code and code ~= c.type_code then
          local named = cit.types.codes[code] or c.symbol_code_type or "loại khác"
          ctx.report{ span = span,
            message = string.format("%s số %s: “%s” là ký hiệu tên loại của %s, còn %s phải dùng “%s” (Phụ lục III Nghị định 30/2020/NĐ-CP); kiểm tra lại tên loại hoặc số, ký hiệu",
              c.type_text or c.type, c.ref_norm, c.symbol_code, named, c.type, c.type_code) }
        end
      end
    end
  end,
}
