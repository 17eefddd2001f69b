-- A report whose header names one commune while its text names another:
-- usually a neighbour's report copied and not fully edited ("XÃ NAM SƠN" in
-- the header, "xã Đình Cao" all through the text). The header's unit is
-- never named in the text, and another unit of the same kind is, three
-- times or more (a report may name a neighbour once or twice).
local spans = lib("spans")

local LEVELS = { ["xa"] = "xã", ["phuong"] = "phường", ["thi tran"] = "thị trấn" }

-- "xã Đình Cao" -> "xa", "dinh cao"; names start with a capital
local MENTION = [[(?<![\p{L}])((?i)xã|phường|thị\s+trấn)\s+(\p{Lu}\p{L}*(?:[ \x{00A0}]\p{Lu}\p{L}*){0,3})]]

local function key(s)
  return (re.fold(s):gsub("%s+", " "))
end

return {
  id = "structure/unit-name",
  description = "Tên đơn vị trong nội dung báo cáo phải là đơn vị ở phần đầu văn bản (không sao chép báo cáo của đơn vị khác mà quên sửa tên)",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm b (tên cơ quan ban hành) và điểm e (nội dung): báo cáo phải là của đơn vị ban hành",
  examples = {
    valid = {
      "ỦY BAN NHÂN DÂN\nXÃ ĐÌNH CAO\nBÁO CÁO\nUBND xã Đình Cao triển khai kế hoạch; phối hợp với xã Tam Đa và xã Tam Đa tổ chức hội nghị.",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nBÁO CÁO\nKế hoạch cải cách hành chính xã Đình Cao năm 2023 được triển khai.",
      -- a neighbour named twice, the report's own unit never by name
      "ỦY BAN NHÂN DÂN\nXÃ NAM SƠN\nBÁO CÁO\nUBND xã học tập kinh nghiệm của xã Tam Đa; đoàn công tác xã Tam Đa đến thăm.",
      -- no header: nothing to compare with
      "Kế hoạch cải cách hành chính xã Đình Cao năm 2023; tuyên truyền tại xã Đình Cao.",
    },
    invalid = {
      { text = "ỦY BAN NHÂN DÂN\nXÃ NAM SƠN\nBÁO CÁO\nKế hoạch cải cách hành chính [[xã Đình Cao]] năm 2023; tuyên truyền tại xã Đình Cao.\nCông an xã Đình Cao bảo đảm an ninh." },
    },
  },
  check = function(doc, ctx)
    local r = doc:fact("report")
    if not r or r.agency_source ~= "header" or not r.agency_name then return end
    local b = doc.blocks
    local own = key(r.agency_name)
    local header = {}
    for _, k in ipairs({ "agency_parent", "agency_head", "agency" }) do
      if b[k] then header[b[k]] = true end
    end
    local own_seen, others, order = 0, {}, {}
    for _, p in ipairs(doc.paragraphs) do
      if not header[p.index] and p.part == "body" then
        for s, e, level, name in re.gmatch(p.text, MENTION) do
          local lv = LEVELS[key(level)]
          local k = key(name)
          if k == own or k:sub(1, #own + 1) == own .. " " then
            own_seen = own_seen + 1
          elseif lv then
            local o = others[k]
            if not o then
              o = { n = 0, first = { p = p.index, s = s, e = e }, text = p.text:sub(s, e) }
              others[k] = o
              order[#order + 1] = k
            end
            o.n = o.n + 1
          end
        end
      end
    end
    if own_seen > 0 then return end
    for _, k in ipairs(order) do
      local o = others[k]
      if o.n >= 3 then
        ctx.report{
          span = o.first,
          message = string.format("Phần đầu văn bản ghi %s nhưng nội dung không nhắc tên đơn vị này, mà ghi “%s” %d lần: "
            .. "có thể sao chép báo cáo của đơn vị khác mà chưa sửa tên", r.agency_unit or r.agency_name, o.text, o.n),
        }
        return
      end
    end
  end,
}
