-- One document cited in different ways in the same report: the same number
-- and symbol with two dates, or with subjects that name different things,
-- or a normative number written with and without its year
-- ("25/2021/QĐ-TTg" and "25/QĐ-TTg"). The mention that differs from the
-- others (or, with two mentions, the later one) is reported.
local cit = lib("citations")

return {
  id = "citation/inconsistent",
  description = "Cùng một văn bản được dẫn không thống nhất (khác ngày, khác trích yếu hoặc khác số, ký hiệu)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (dẫn văn bản ghi đúng tên loại, số, ký hiệu, ngày ban hành và trích yếu; các lần sau ghi thống nhất với lần đầu)",
  examples = {
    valid = {
      "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã năm 2023.\nĐể triển khai Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã năm 2023, UBND xã đã tổ chức hội nghị.",
      "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của UBND huyện về cải cách hành chính năm 2023.\nUBND xã ban hành Kế hoạch số 04/KH-UBND ngày 05/01/2023 về tuyên truyền pháp luật năm 2023.",
      "Kế hoạch số 10/KH-UBND ngày 10/01/2023 về tuyên truyền cải cách hành chính năm 2023.\nTheo Kế hoạch số 10/KH-UBND ngày 10/01/2023 về tuyên truyền cải cách hành chính năm 2023 và các nội dung liên quan trên hệ thống truyền thanh, xã đã tổ chức 12 buổi tuyên truyền.",
      "Thực hiện Kế hoạch số 09/KH-UBND ngày 09/01/2023 của UBND xã về cải cách hành chính năm 2023.\nKế hoạch số 09/KH-UBND ngày 12/01/2022 của UBND xã về cải cách hành chính năm 2022 đã được tổng kết.",
      "Căn cứ Quyết định số 25/2021/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ về chế độ báo cáo.\nThực hiện Quyết định số 25/QĐ-TTg ngày 06/01/2021 của Thủ tướng Chính phủ về việc giao kế hoạch vốn.",
    },
    invalid = {
      { text = "Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 13/KH-UBND về việc triển khai thực hiện Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023.\nNgày 16/01/2023, UBND xã đã ban hành [[Kế hoạch số 13/KH-UBND]] về Chương trình công tác Tư pháp trọng tâm năm 2023, chú trọng công tác xây dựng, thẩm định văn bản." },
      { text = "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính năm 2023.\nThực hiện [[Kế hoạch số 09/KH-UBND ngày 19/01/2023]], UBND xã đã tổ chức hội nghị triển khai." },
      { text = "Căn cứ Quyết định số 25/2021/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ về chế độ báo cáo.\nThực hiện [[Quyết định số 25/QĐ-TTg]], UBND xã đã rà soát chế độ báo cáo." },
    },
  },
  check = function(doc, ctx)
    local reported = {}
    for _, d in ipairs(cit.documents(doc)) do
      for _, pair in ipairs(cit.date_conflicts(d)) do
        local c, ref = pair[1], pair[2]
        local span = cit.head_span(c)
        if c.date and c.date.p == c.p and c.date.e > span.e then span.e = c.date.e end
        reported[c.index] = true
        ctx.report{ span = span,
          message = string.format("%s ở đây ghi ngày %s, nhưng ở đoạn văn từ dòng %d ghi ngày %s: cùng số, ký hiệu phải cùng ngày ban hành",
            cit.label(c), cit.dmy(c.date_iso), cit.line(doc, ref.p), cit.dmy(ref.date_iso)) }
      end
      for _, pair in ipairs(cit.subject_conflicts(doc, d)) do
        local c, ref = pair[1], pair[2]
        if not reported[c.index] then
          reported[c.index] = true
          ctx.report{ span = cit.head_span(c),
            message = string.format("%s được dẫn với trích yếu “%s”, nhưng ở đoạn văn từ dòng %d lại là “%s”: cùng một số, ký hiệu không thể có hai nội dung; kiểm tra lại số hoặc trích yếu",
              cit.label(c), cit.short(c.subject), cit.line(doc, ref.p), cit.short(ref.subject)) }
        end
      end
      if d.mixed_year and d.yearful then
        for _, c in ipairs(d.mentions) do
          if not c.year and not reported[c.index] then
            reported[c.index] = true
            ctx.report{ span = cit.head_span(c),
              message = string.format("Văn bản này ở đoạn văn từ dòng %d được ghi là %s (có năm ban hành), ở đây là %s: ghi thống nhất số, ký hiệu",
                cit.line(doc, d.yearful.p), d.yearful.ref_norm, c.ref_norm) }
          end
        end
      end
    end
  end,
}
