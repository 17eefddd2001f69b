-- The content of an administrative document ends with "./." (every model in
-- Decree 30/2020, Phụ lục III).
return {
  id = "structure/closing",
  description = "Phần nội dung văn bản kết thúc bằng dấu “./.”",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục III (mẫu trình bày văn bản hành chính): nội dung kết thúc bằng dấu “./.”",
  fixable = true,
  examples = {
    valid = {
      "Trên đây là Báo cáo kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023 của UBND xã./.\nNơi nhận:\n- Lưu: VT, VP.",
    },
    invalid = {
      { text = "Trên đây là Báo cáo kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023 của UBND xã[[.]]\nNơi nhận:\n- Lưu: VT, VP." },
    },
  },
  check = function(doc, ctx)
    local b = doc.blocks
    -- the last paragraph of the content: before "Nơi nhận:" or the signature
    local stop = b.recipients or b.sig_authority or b.sig_title
    if not stop or stop <= 1 then return end
    local p = stop - 1
    while p > 0 and not re.find(doc.paragraphs[p].text, [[\S]]) do p = p - 1 end
    if p == 0 then return end
    local t = doc.paragraphs[p].text
    if re.find(t, [[\./\.\s*$]]) then return end
    local s, e = re.find(t, [[[.;:,]?\s*$]])
    if not s then return end
    if e < s then s, e = #t, #t end
    -- report the final punctuation (or the last character)
    local ps, pe = re.find(t, [[[.;:,](?=\s*$)]])
    if not ps then
      ps = #t
      while ps > 1 and t:sub(ps, ps):match("%s") do ps = ps - 1 end
      pe = ps
      while ps > 1 and t:byte(ps) >= 0x80 and t:byte(ps) < 0xC0 do ps = ps - 1 end
      ctx.report{ span = { p = p, s = ps, e = pe },
        message = "Nội dung văn bản phải kết thúc bằng dấu “./.”" }
      return
    end
    ctx.report{ span = { p = p, s = ps, e = pe },
      message = string.format("Nội dung văn bản phải kết thúc bằng dấu “./.”, văn bản ghi “%s”", t:sub(ps, pe)),
      suggestion = "./." }
  end,
}
