-- Runs of dots: "....", "….." or "…." instead of one ellipsis "…" (or
-- "..."). The closing mark "./." and long dotted leaders of forms
-- ("Họ và tên: ..............") are left alone.
local spans = lib("spans")
-- an empty iterator
local function NONE() return nil end
-- What a reported run holds: four dots, or "…" next to a dot or another
-- "…" (the checked run is part of a run of [.…]{2,}).
local PRE = [[\.\.\.\.|…[.…]|\.…]]

return {
  id = "typography/dot-run",
  description = "Dấu chấm lửng viết thừa dấu chấm (\"....\", \"…..\")",
  severity = "warning",
  basis = "Quy tắc chính tả tiếng Việt: dấu chấm lửng gồm ba dấu chấm (…); Nghị định 30/2020/NĐ-CP, Phụ lục I",
  examples = {
    valid = {
      -- the blanks of a draft not yet numbered and dated (structure/blank-number-date)
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày ….. tháng ….. năm 2023\nBÁO CÁO",
      "máy tính, máy in, máy photocopy, scan, quạt máy…",
      "các văn bản hướng dẫn, tài liệu tuyên truyền...",
      "Ủy ban nhân dân xã Đình Cao trân trọng báo cáo./.",
      "các quy định khác có liên quan…./.",
      "Họ và tên người khai: ..............................",
    },
    invalid = {
      { text = "do thói quen sử dụng hộp thư miễn phí của gmail, [[…..]]" },
      { text = "các trang thiết bị như máy tính, máy in[[....]]" },
      { text = "tài liệu tuyên truyền[[.....]] và các tài liệu khác" },
    },
  },
  check = function(doc, ctx)
    local blanks
    -- the paragraphs that may hold a reported run (one search of the
    -- whole text)
    for p, t in spans.each(doc, spans.hit_paragraphs(doc, PRE)) do
      blanks = blanks or spans.blanks(doc)
      -- (a run of two has ".." or "…" in it)
      for s, e in (t:find("..", 1, true) or t:find("…", 1, true)) and re.gmatch(t, [[[.…]{2,}]]) or NONE do
        local run = t:sub(s, e)
        -- the closing "./." keeps its first dot
        if t:sub(e + 1, e + 1) == "/" then
          e = e - 1
          run = t:sub(s, e)
        end
        local ndots = select(2, run:gsub("%.", ""))
        local nell = select(2, run:gsub("…", ""))
        local bad = (nell >= 1 and (ndots > 0 or nell > 1)) or (nell == 0 and ndots >= 4)
        if bad and nell == 0 and ndots >= 8 then bad = false end -- a dotted leader of a form
        -- the blank of a draft's number or date ("ngày ….. tháng")
        if bad and spans.in_blank(blanks, p.index, s, e) then bad = false end
        if bad then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Dấu chấm lửng viết "%s"; chỉ dùng một dấu chấm lửng "…" (ba dấu chấm)', run),
            suggestion = "…",
          }
        end
      end
    end
  end,
}
