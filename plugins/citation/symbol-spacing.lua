-- No space inside a cited number and symbol. typography/symbol-space
-- already reports the state-regime form ("40/KH- UBND", "85 /BC-UBND") with
-- ordinary spaces; this rule reports what that rule cannot see, from the
-- extractor's reading of the citation: Party symbols ("06- NQ/TU",
-- "540-QĐ/ TU") and spaces that are not plain spaces (tabs, no-break
-- spaces), so that one defect is reported once.
local cit = lib("citations")

-- the pattern of typography/symbol-space (kept in step with that rule)
local CODE = [[\p{Lu}[\p{Lu}\p{Ll}]{0,5}]]
local TYPO = [[^\d{1,5}[A-Za-z]?(?:[ ]*/[ ]*\d{4})?[ ]*/[ ]*]] .. CODE .. [[(?:[ ]*-[ ]*]] .. CODE .. [[)*$]]

return {
  id = "citation/symbol-spacing",
  description = "Có khoảng trắng trong số, ký hiệu văn bản của Đảng được dẫn",
  severity = "warning",
  fixable = true,
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 4 (giữa số và ký hiệu, giữa các nhóm chữ viết tắt không có khoảng trắng); Hướng dẫn 36-HD/VPTW (số, ký hiệu văn bản của Đảng: “06-NQ/TU”)",
  examples = {
    valid = {
      "Thực hiện Nghị quyết số 06-NQ/TU ngày 20/10/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số.",
      "Theo Quy định 540-QĐ/TU của Tỉnh ủy Hưng Yên về đánh giá, xếp loại chất lượng hằng tháng.",
      "Kế hoạch số 40/KH-UBND ngày 24/3/2023 của UBND xã về phát triển chính quyền điện tử.",
    },
    invalid = {
      { text = "Thực hiện Nghị quyết số [[06- NQ/TU]] ngày 20/10/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số." },
      { text = "Theo Quy định [[540-QĐ/ TU]] của Tỉnh ủy Hưng Yên về đánh giá, xếp loại chất lượng hằng tháng." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      if c.symbol_spacing and c.ref and not c.spacing_at_break then
        local ref = c.ref:gsub("%s+$", "")
        if not re.find(ref, TYPO) then
          ctx.report{ span = cit.ref_span(c),
            message = string.format("Số, ký hiệu “%s” có khoảng trắng bên trong; viết liền: “%s”", ref, c.ref_norm),
            suggestion = c.ref_norm }
        end
      end
    end
  end,
}
