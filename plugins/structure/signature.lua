-- The signature block: authority prefix (TM., KT., Q., TL., TUQ.), the
-- signer's title, and the signer's full name (Decree 30/2020, Điều 8 khoản
-- 2 điểm g; Phụ lục I, Mục II khoản 7).
local spans = lib("spans")

return {
  id = "structure/signature",
  description = "Phần chữ ký phải có quyền hạn ký (TM., KT. …), chức vụ và họ tên người ký",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm g (chức vụ, họ tên và chữ ký của người có thẩm quyền) và Phụ lục I, Mục II khoản 7",
  examples = {
    valid = {
      "", -- no text: structure/no-text reports it
      "Trên đây là báo cáo của UBND xã./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An",
      "Trên đây là báo cáo của UBND xã./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Bình",
    },
    invalid = {
      { text = "Trên đây là báo cáo của UBND xã./.\nTM. ỦY BAN NHÂN DÂN\n[[CHỦ TỊCH]]" },
      { text = "[[Trên đây là báo cáo của UBND xã./.]]" },
    },
  },
  check = function(doc, ctx)
    local b = doc.blocks
    local n = #doc.paragraphs
    if not spans.has_text(doc) then return end -- structure/no-text
    local function whole(p) return spans.trimmed(doc, p) end
    if not b.sig_authority and not b.sig_title then
      ctx.report{
        span = whole(b.closing or n),
        message = "Không thấy phần chữ ký: cần quyền hạn ký (TM. ỦY BAN NHÂN DÂN hoặc KT. CHỦ TỊCH…), chức vụ và họ tên người ký",
      }
      return
    end
    if not b.sig_title then
      ctx.report{ span = whole(b.sig_authority),
        message = "Phần chữ ký thiếu chức vụ người ký (CHỦ TỊCH, PHÓ CHỦ TỊCH…)" }
    end
    if not b.sig_name then
      ctx.report{ span = whole(b.sig_title or b.sig_authority),
        message = "Phần chữ ký thiếu họ và tên người ký dưới chức vụ" }
    end
  end,
}
