-- The body text is 13 to 14 pt. Reported once per size found outside the
-- range, with how many paragraphs use it and where the first is.
local vn = lib("vn")

-- the first word of text[s..e] (a short span: the finding is about the
-- whole paragraph, the excerpt only shows where it starts)
local function first_word(text, p, s, e)
  s = text:find("%S", s) or s
  if s > e then s = e end
  local sp = text:find("%s", s)
  local last = sp and sp - 1 or e
  if last > e then last = e end
  return { p = p, s = s, e = math.max(s, last) }
end

local function pt(v)
  return (string.format("%.1f", v):gsub("%.0$", ""):gsub("%.", ","))
end

return {
  id = "format/body-size",
  description = "Cỡ chữ của nội dung văn bản phải từ 13 đến 14",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I khoản 5 và Mục II khoản 6: phần nội dung văn bản trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { file = "fixtures/docx/tnr-14-ok.docx" },
      { file = "fixtures/docx/decree30-clean.docx" },
    },
    invalid = {
      { file = "fixtures/docx/arial-11-10mm.docx", findings = 1 },
    },
  },
  check = function(doc, ctx)
    if not vn.has_layout(doc) then return end
    local sizes, order = {}, {}
    for _, p in ipairs(vn.body_paragraphs(doc)) do
      local seen = {}
      for r in vn.text_runs(p, 5) do
        local sz = tonumber(r.size)
        if sz and (sz < 12.99 or sz > 14.01) then
          local k = pt(sz)
          if not seen[k] then
            seen[k] = true
            if not sizes[k] then
              sizes[k] = { paras = {}, span = first_word(p.text, p.index, r.s, r.e) }
              order[#order + 1] = k
            end
            table.insert(sizes[k].paras, p.index)
          end
        end
      end
    end
    for _, k in ipairs(order) do
      local info = sizes[k]
      ctx.report{
        span = info.span,
        message = string.format("Cỡ chữ %s pt ở %d đoạn (%s); nội dung văn bản phải có cỡ chữ từ 13 đến 14",
          k, #info.paras, vn.para_list(info.paras)),
      }
    end
  end,
}
