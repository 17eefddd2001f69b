-- The page is A4 (210 × 297 mm), portrait (.docx and .odt only: plain
-- text has no page).
local vn = lib("vn")

local NAMED = {
  { 210, 297, "A4" }, { 215.9, 279.4, "Letter" }, { 215.9, 355.6, "Legal" },
  { 148, 210, "A5" }, { 297, 420, "A3" }, { 176, 250, "B5" },
}

local function near(a, b) return math.abs(a - b) <= 1.5 end

-- a table inside the content (not the header or the signature table)
local function has_body_table(doc)
  local b = doc.blocks or {}
  local first, last = b.body_start or 1, (b.closing or b.recipients or b.sig_authority or (#doc.paragraphs + 1)) - 1
  local edge = {}
  for _, k in ipairs({ "national_title", "agency", "recipients", "sig_authority" }) do
    local p = b[k] and doc.paragraphs[b[k]]
    if p and p.table then edge[p.table] = true end
  end
  for i = first, last do
    local p = doc.paragraphs[i]
    if p and p.table and not edge[p.table] then return true end
  end
  return false
end

local function mm(v) return (string.format("%.0f", v)) end

return {
  id = "format/page-size",
  description = "Khổ giấy phải là A4 (210 mm × 297 mm), hướng dọc",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục I khoản 1 và 2: văn bản được trình bày trên khổ giấy A4 (210 mm x 297 mm), theo chiều dài của khổ A4; trường hợp nội dung có bảng, biểu không làm thành phụ lục riêng thì có thể trình bày theo chiều rộng",
  examples = {
    valid = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      { file = "fixtures/docx/tnr-14-ok.docx" },
      { file = "fixtures/docx/decree30-clean.docx" },
    },
    invalid = {
      { file = "fixtures/docx/letter-landscape.docx", findings = 1 },
      { file = "fixtures/docx/a4-landscape.docx", findings = 1 },
    },
  },
  check = function(doc, ctx)
    if not vn.has_layout(doc) then return end
    local w, h = doc.page.width_mm, doc.page.height_mm
    if not w or not h or w <= 0 or h <= 0 then return end
    if near(w, 210) and near(h, 297) then return end
    local short, long = math.min(w, h), math.max(w, h)
    local name
    for _, n in ipairs(NAMED) do
      if near(short, n[1]) and near(long, n[2]) then name = n[3] end
    end
    local found = string.format("%s × %s mm", mm(w), mm(h))
    if name then found = string.format("khổ %s (%s)", name, found) else found = "khổ " .. found end
    local msg
    if name == "A4" then
      -- landscape is allowed when the content holds tables that are not
      -- made into a separate annex
      if has_body_table(doc) then return end
      msg = string.format("Trang A4 đặt theo chiều ngang (%s × %s mm); văn bản phải trình bày theo chiều dài của khổ A4 (210 × 297 mm), chỉ trình bày theo chiều rộng khi nội dung có bảng, biểu không làm thành phụ lục riêng", mm(w), mm(h))
    elseif w > h then
      msg = string.format("Trang là %s, hướng ngang; văn bản phải trình bày trên khổ A4 (210 × 297 mm) theo chiều dài", found)
    else
      msg = string.format("Trang là %s; văn bản phải trình bày trên khổ A4 (210 × 297 mm) theo chiều dài", found)
    end
    ctx.report{ message = msg }
  end,
}
