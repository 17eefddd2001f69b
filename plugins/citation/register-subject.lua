-- With the commune's document register given as data (--data), the subject
-- (trích yếu) the report gives a document of the commune should name the
-- same thing as the register's. Reported as information: reports
-- paraphrase, so only subjects that share almost no meaningful word pair
-- are reported. A mention already at odds with the report's other mentions
-- of the same document is left to citation/inconsistent. Without a
-- register this rule says nothing.
local cit = lib("citations")

local REG = {
  { name = "register", path = "so-dang-ky-2023.csv", headers = { "Số, ký hiệu", "Ngày", "Trích yếu", "Cơ quan ban hành" },
    rows = {
      { ["Số, ký hiệu"] = "14/QĐ-UBND", ["Ngày"] = "13/01/2023", ["Trích yếu"] = "Quyết định ban hành Quy chế quản lý, sử dụng tài sản công", ["Cơ quan ban hành"] = "UBND xã Đình Cao" },
      { ["Số, ký hiệu"] = "24/QĐ-UBND", ["Ngày"] = "09/02/2023", ["Trích yếu"] = "Quyết định ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023", ["Cơ quan ban hành"] = "UBND xã Đình Cao" },
    } },
}

return {
  id = "citation/register-subject",
  description = "Trích yếu văn bản của xã được dẫn khác với trích yếu trong sổ đăng ký văn bản",
  severity = "info",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 16 và Phụ lục IV (sổ đăng ký văn bản đi ghi trích yếu nội dung) và Phụ lục I, Mục II khoản 6 điểm b (dẫn đúng trích yếu của văn bản); sổ đăng ký do người dùng cung cấp (--data)",
  examples = {
    valid = {
      { text = "Ngày 09/02/2023, UBND xã ban hành Quyết định số 24/QĐ-UBND về ban hành Kế hoạch kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông năm 2023.", data = REG },
      "UBND xã đã ban hành Quyết định số 14/QĐ-UBND ngày 13/01/2023 về việc ban hành Chương trình thực hành tiết kiệm, chống lãng phí năm 2023.",
    },
    invalid = {
      { text = "UBND xã đã ban hành [[Quyết định số 14/QĐ-UBND]] ngày 13/01/2023 về việc ban hành Chương trình thực hành tiết kiệm, chống lãng phí năm 2023.", data = REG },
    },
  },
  check = function(doc, ctx)
    for _, r in ipairs(cit.register_check(doc, ctx)) do
      local e = r.entry or (r.status == "ok" and #r.entries == 1 and r.entries[1]) or nil
      if r.status == "ok" and e and e.subject and e.subject ~= "" then
        local odd = {}
        for _, pair in ipairs(cit.subject_conflicts(doc, r.doc)) do odd[pair[1].index] = true end
        local agree, first_bad = false, nil
        for _, c in ipairs(r.doc.mentions) do
          if c.subject and c.subject_marker and not odd[c.index] then
            if cit.subjects_differ(doc, c.subject, e.subject, nil, c.type) then
              first_bad = first_bad or c
            else
              agree = true
            end
          end
        end
        if first_bad and not agree then
          ctx.report{ span = cit.head_span(first_bad),
            message = string.format("%s: báo cáo ghi trích yếu “%s”, sổ đăng ký văn bản (%s) ghi “%s”",
              cit.label(first_bad), cit.short(first_bad.subject), cit.register_where(ctx, e), cit.short(e.subject)) }
        end
      end
    end
  end,
}
