-- Text must be in Unicode NFC (precomposed letters). Text typed with
-- combining marks (NFD, e.g. from some Mac or web sources, or the
-- Windows-1258 keyboard) looks right but breaks search, sorting and
-- copy-paste into the national databases. The reader normalises such
-- paragraphs to NFC and records a "non_nfc" fact for each: reported once,
-- at the first, with the number of paragraphs.
return {
  id = "encoding/not-nfc",
  description = "Văn bản dùng ký tự Unicode tổ hợp (dấu rời, không phải dạng dựng sẵn NFC)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 2: bộ mã ký tự chữ Việt Unicode theo TCVN 6909:2001 (dạng dựng sẵn)",
  examples = {
    valid = { "Cộng hòa xã hội chủ nghĩa Việt Nam" },
    invalid = {
      -- "Cộng hòa" typed with combining marks (o + U+0323 U+0302, o + U+0300)
      { text = "[[Co\u{0323}\u{0302}ng ho\u{0300}a xa\u{0303} ho\u{0323}\u{0302}i chu\u{0309} nghi\u{0303}a Vie\u{0323}\u{0302}t Nam]]" },
    },
  },
  check = function(doc, ctx)
    local first, n = nil, 0
    for f in doc:facts("non_nfc") do
      n = n + 1
      if not first then first = f end
    end
    if first then
      ctx.report{
        span = { p = first.p, s = first.s, e = first.e },
        message = string.format("%d đoạn văn dùng ký tự tổ hợp (dấu thanh gõ rời, dạng NFD) thay vì ký tự dựng sẵn (NFC); hãy chuyển sang Unicode dựng sẵn (ví dụ bằng công cụ chuyển mã của Unikey)", n),
      }
    end
  end,
}
