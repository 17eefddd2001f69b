-- A cited document written with its number but without its symbol:
-- "Kế hoạch số 23 ngày 27/02/2023" should read "Kế hoạch số 23/KH-UBND …".
-- The number alone does not identify a document: every body numbers its
-- documents from 01 each year and the same number exists for each type.
local cit = lib("citations")

return {
  id = "citation/missing-symbol",
  description = "Văn bản được dẫn chỉ có số, thiếu ký hiệu",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (lần đầu dẫn văn bản ghi đủ tên loại, số, ký hiệu, ngày tháng năm, cơ quan ban hành, trích yếu) và Điều 15 (số, ký hiệu văn bản)",
  examples = {
    valid = {
      "Ngày 27/02/2023, UBND xã ban hành Kế hoạch số 23/KH-UBND về công tác quản lý thi hành pháp luật về xử lý vi phạm hành chính năm 2023.",
      "Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh Hưng Yên về việc thực hiện cơ chế tự chủ.",
      "Tổ chức tuyên truyền Luật Đất đai năm 2013 và Luật số 25/2018/QH14 cho nhân dân trên địa bàn.",
      "Báo cáo 6 tháng đầu năm được gửi đúng hạn; Kế hoạch năm 2023 đã hoàn thành 80% chỉ tiêu.",
      "UBND xã ban hành Kế hoạch số 07/KH-UBND ngày 10/01/2023 về tuyên truyền pháp luật.",
    },
    invalid = {
      { text = "[[Kế hoạch số 23]] ngày 27/02/2023 của UBND xã Đình Cao về công tác quản lý thi hành pháp luật về xử lý vi phạm hành chính năm 2023." },
      { text = "Thực hiện [[Quyết định số 125]] ngày 15/3/2023 của UBND huyện về việc giao chỉ tiêu." },
      { text = "Thực hiện [[nghị định 123]] của chính phủ về hóa đơn, chứng từ." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      if not c.has_symbol and c.number and c.type and not cit.by_name(c) then
        local p = doc.paragraphs[c.p].text
        -- a symbol in lower case the extractor did not read ("07/kh-ubnd"):
        -- citation/symbol-case reports it
        local after = p:sub((c.number_e or c.e) + 1, (c.number_e or c.e) + 3)
        if not after:match("^%s?[/%-]") then
          local ex = cit.expected_ref(doc, c)
          local msg
          if ex then
            msg = string.format("%s chỉ có số, thiếu ký hiệu văn bản: số, ký hiệu đầy đủ có dạng “%s”",
              c.type .. (c.has_so and " số " or " ") .. c.number, ex)
          elseif c.type == "Công văn" then
            msg = string.format("Công văn số %s thiếu ký hiệu (dạng “%s/UBND-VP”: tên viết tắt cơ quan - đơn vị soạn thảo)",
              c.number, c.number)
          else
            local body = cit.body_code(doc, c) or "…"
            local form
            if cit.types.normative[c.type] then
              form = string.format("%s/<năm>/%s-%s", c.number, c.type_code or "…", body)
            else
              form = string.format("%s/%s-%s", c.number, c.type_code or "…", body)
            end
            msg = string.format("%s chỉ có số, thiếu ký hiệu văn bản (số, ký hiệu có dạng “%s”)",
              c.type .. (c.has_so and " số " or " ") .. c.number, form)
          end
          ctx.report{ span = { p = c.p, s = c.s, e = c.number_e or c.e }, message = msg,
            suggestion = ex and (p:sub(c.s, (c.number_s or c.s) - 1) .. ex) or nil }
        end
      end
    end
  end,
}
