-- A cited document whose date is given nowhere in the report. Every body
-- numbers its documents from 01 each year, so "Kế hoạch số 05/KH-UBND"
-- without a date does not say which year's plan it is. Only the first
-- mention is reported, and only when no later mention gives the date.
-- Documents whose number carries the year (61/2018/NĐ-CP) and Party
-- documents are identified without it: citation/first-mention notes the
-- missing date there.
local cit = lib("citations")

return {
  id = "citation/missing-date",
  description = "Văn bản được dẫn không ghi ngày ban hành ở bất kỳ lần nào",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (lần đầu dẫn văn bản phải ghi đủ tên loại, số, ký hiệu, ngày, tháng, năm ban hành, tên cơ quan ban hành, trích yếu) và Điều 15 khoản 1 (số văn bản bắt đầu từ số 01 vào ngày 01 tháng 01 mỗi năm)",
  examples = {
    valid = {
      "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính năm 2023. Kế hoạch số 09/KH-UBND được triển khai đến toàn thể cán bộ, công chức.",
      "Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 14/KH-UBND về công tác phổ biến, giáo dục pháp luật năm 2023.",
      "Thực hiện Nghị định số 61/2018/NĐ-CP của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông.",
      "UBND xã đã ban hành các Quyết định số 11/QĐ-UBND, 12/QĐ-UBND và 13/QĐ-UBND ngày 14/01/2023 về kiện toàn các tổ công tác.",
      "Theo Quy định 540-QĐ/TU của Tỉnh ủy Hưng Yên, công chức được đánh giá, xếp loại hằng tháng.",
    },
    invalid = {
      { text = "Thực hiện [[Kế hoạch số 05/KH-UBND]] của UBND huyện về tuyên truyền cải cách hành chính năm 2023, UBND xã đã tổ chức tuyên truyền." },
      { text = "UBND xã ban hành [[Quyết định số 03/QĐ-UBND]] về việc ban hành quy chế chi tiêu nội bộ. Quyết định số 03/QĐ-UBND được công khai tại trụ sở." },
    },
  },
  check = function(doc, ctx)
    local all = cit.list(doc)
    local pos = {}
    for i, c in ipairs(all) do pos[c.index] = i end
    for _, d in ipairs(cit.documents(doc)) do
      local dated = false
      for _, c in ipairs(d.mentions) do if c.date_iso then dated = true end end
      local c = d.first
      local skip = dated or c.party or d.yearful ~= nil or (c.type and cit.types.normative[c.type])
      if not skip then
        -- a list whose date is written once after its last item
        local i = pos[c.index]
        local j = i + 1
        while all[j] and all[j].p == c.p and all[j].in_list do
          if all[j].date_iso then skip = true; break end
          j = j + 1
        end
      end
      if not skip then
        ctx.report{ span = cit.head_span(c),
          message = string.format("%s không ghi ngày ban hành (ở lần dẫn đầu tiên và các lần sau): số văn bản bắt đầu lại từ 01 mỗi năm, nên thiếu ngày thì không xác định được văn bản; ghi “%s ngày …/…/…”",
            cit.label(c), cit.label(c)) }
      end
    end
  end,
}
