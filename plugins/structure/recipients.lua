-- "Nơi nhận:" then one recipient per line, "- " ... ";" and the last line
-- "- Lưu: VT, <drafting unit>." (Decree 30/2020, Phụ lục I, Mục II khoản 9).
local spans = lib("spans")

return {
  id = "structure/recipients",
  description = "Nơi nhận: mỗi nơi một dòng bắt đầu bằng gạch đầu dòng, kết thúc bằng dấu chấm phẩy; dòng cuối là “- Lưu: VT, đơn vị soạn thảo.”",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm i và Phụ lục I, Mục II khoản 9 (nơi nhận)",
  examples = {
    valid = {
      -- typed in two columns, the signature block on the right
      "Nơi nhận:                         TM. ỦY BAN NHÂN DÂN\n- Phòng Nội vụ huyện;             CHỦ TỊCH\n- Lưu: VT, VP.\n\n                                  Nguyễn Văn An",
      "Nơi nhận:\n- Phòng Nội vụ huyện;\n- Lãnh đạo UBND xã;\n- Lưu: VT, VP.",
    },
    invalid = {
      { text = "Nơi nhận:\n- Phòng Nội vụ huyện;\n[[- Lưu: VT.]]" },
      { text = "Nơi nhận:\n[[- Phòng Nội vụ huyện]]\n- Lưu: VT, VP." },
      { text = "Nơi nhận:\n- Phòng Nội vụ huyện;\n[[- Công chức xã;]]" },
    },
  },
  check = function(doc, ctx)
    local b = doc.blocks
    if not b.recipients then
      if #doc.paragraphs > 0 and (b.sig_authority or b.closing) then
        local p = b.closing or b.sig_authority
        ctx.report{ span = { p = p, s = 1, e = #doc.paragraphs[p].text },
          message = "Thiếu phần “Nơi nhận:” (nơi nhận văn bản và lưu văn thư)" }
      end
      return
    end
    local last = b.recipients_end
    if not last or last <= b.recipients then return end
    for p = b.recipients + 1, last do
      local span = spans.trimmed(doc, p)
      local line = doc.paragraphs[p].text:sub(span.s, span.e)
      -- typed in two columns, the signature on the right ("- Như trên;      CHỦ TỊCH"):
      -- the recipient is the first column
      local gap = re.find(line, [[\t|\s{3,}]])
      if gap then
        line = line:sub(1, gap - 1)
        span = { p = span.p, s = span.s, e = span.s + #line - 1 }
      end
      if p == last then
        if not re.find(line, [[^[-–]\s*Lưu\s*:]], 1, "i") then
          ctx.report{ span = span, message = string.format('Dòng cuối của nơi nhận phải là “- Lưu: VT, …”, văn bản ghi “%s”', line) }
        elseif not re.find(line, [[VT\s*,\s*\S+]]) then
          ctx.report{ span = span,
            message = "Dòng lưu thiếu đơn vị hoặc người soạn thảo sau “VT,” (ví dụ: “- Lưu: VT, VP.”)",
            suggestion = "- Lưu: VT, VP." }
        end
      elseif not re.find(line, [[^[-–]\s]]) then
        ctx.report{ span = span, message = "Mỗi nơi nhận phải bắt đầu bằng gạch đầu dòng “- ”" }
      elseif not re.find(line, [[;$]]) then
        ctx.report{ span = span, message = "Mỗi nơi nhận (trừ dòng lưu) phải kết thúc bằng dấu chấm phẩy “;”",
          suggestion = (line:gsub("[%.,:]?$", ";", 1)) }
      end
    end
  end,
}
