-- No space after an opening parenthesis: "(Đạt 114,07%)", not "( Đạt".
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end
local PAT = [[\([ \t\x{00A0}]+(?=\S)]]

return {
  id = "typography/space-after-paren",
  description = "Không đặt dấu cách ngay sau dấu mở ngoặc đơn",
  severity = "warning",
  fixable = true,
  basis = "Quy tắc chính tả tiếng Việt về dấu câu: dấu mở ngoặc viết liền với chữ đứng sau; Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = { "27.869.168.372 đồng (Đạt 114,07% dự toán giao đầu năm)", "(TTHC)" },
    invalid = {
      { text = "27.869.168.372 đồng [[( ]]Đạt 114,07% dự toán giao đầu năm)" },
      { text = "[[(  ]]Có báo cáo đối chiếu số liệu quyết toán)" },
    },
  },
  check = function(doc, ctx)
    -- the paragraphs with a match (one search of the whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PAT)) do
      -- (an opening bracket is needed)
      for s, e in t:find("(", 1, true) and re.gmatch(t, PAT) or NONE do
        ctx.report{
          span = { p = p.index, s = s, e = e },
          message = "Thừa dấu cách sau dấu mở ngoặc",
          suggestion = "(",
        }
      end
    end
  end,
}
