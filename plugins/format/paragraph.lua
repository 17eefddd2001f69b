-- Body paragraphs: justified, first-line indent 1–1.27 cm, at least 6 pt
-- between paragraphs, line spacing from single to 1.5 lines. Reported once
-- per kind of problem, with how many paragraphs and where (info: offices
-- differ in practice). .docx and .odt only.
local vn = lib("vn")

local spans = lib("spans")

local function num(v) return (string.format("%.1f", v):gsub("%.0$", ""):gsub("%.", ",")) end

local ALIGN = { left = "trái", right = "phải", center = "giữa" }

return {
  id = "format/paragraph",
  description = "Đoạn văn: canh đều hai lề, lùi đầu dòng 1–1,27 cm, cách đoạn tối thiểu 6 pt, giãn dòng từ đơn đến 1,5 dòng",
  severity = "info",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 (nội dung văn bản): canh đều hai lề; đầu dòng lùi vào 1 cm hoặc 1,27 cm; khoảng cách giữa các đoạn văn tối thiểu 6 pt; khoảng cách giữa các dòng tối thiểu dòng đơn, tối đa 1,5 dòng",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { file = "fixtures/docx/tnr-14-ok.docx" },
      { file = "fixtures/docx/decree30-clean.docx" },
    },
    invalid = {
      -- left-aligned, indent 5 mm, no space between paragraphs, double spacing
      { file = "fixtures/docx/bad-paragraph.docx", findings = 4 },
    },
  },
  check = function(doc, ctx)
    if not vn.has_layout(doc) then return end
    local kinds = {
      align = { msg = "không canh đều hai lề", paras = {} },
      indent = { msg = "lùi đầu dòng khác 1 cm hoặc 1,27 cm", paras = {} },
      space = { msg = "có khoảng cách với đoạn kế tiếp dưới 6 pt", paras = {} },
      line = { msg = "giãn dòng ngoài khoảng từ dòng đơn đến 1,5 dòng", paras = {} },
    }
    local example = {}
    -- headings and list items are not checked for indent and alignment
    local heading = {}
    for _, s in ipairs(doc.sections) do heading[s.p] = true end
    local body = vn.body_paragraphs(doc)
    for k, p in ipairs(body) do
      local long = (utf8.len(p.text) or #p.text) > 120
      local listitem = p.label ~= nil or re.find(p.text, [=[^\s*[-+•–]]=]) ~= nil
      local plain = long and not heading[p.index] and not p.heading_level and not listitem
      if plain and p.align and p.align ~= "justify" and p.align ~= "both" then
        table.insert(kinds.align.paras, p.index)
        example.align = example.align or string.format("canh %s", ALIGN[p.align] or p.align)
      end
      if plain and p.indent_first_mm and (p.indent_first_mm < 9.5 or p.indent_first_mm > 13.2) then
        table.insert(kinds.indent.paras, p.index)
        example.indent = example.indent or string.format("lùi %s mm", num(p.indent_first_mm))
      end
      -- the gap to the next body paragraph: after this one + before the next
      -- (an unset spacing is 0; both unknown: not checked)
      local nxt = body[k + 1]
      if nxt and nxt.index == p.index + 1 then
        local sa, sb = p.space_after_pt, nxt.space_before_pt
        if sa or sb then
          local gap = (sa or 0) + (sb or 0)
          if gap < 5.9 then
            table.insert(kinds.space.paras, p.index)
            example.space = example.space or string.format("%s pt", num(gap))
          end
        end
      end
      local ls = p.line_spacing
      if ls and (ls < 0.99 or ls > 1.51) then
        table.insert(kinds.line.paras, p.index)
        example.line = example.line or string.format("%s dòng", num(ls))
      end
    end
    for _, k in ipairs({ "align", "indent", "space", "line" }) do
      local info = kinds[k]
      if #info.paras > 0 then
        local first = doc.paragraphs[info.paras[1]]
        ctx.report{
          span = spans.first_word(first.text, first.index, 1, math.max(1, #first.text)),
          message = string.format("%d đoạn %s (%s; %s)", #info.paras, info.msg, example[k], vn.para_list(info.paras)),
        }
      end
    end
  end,
}
