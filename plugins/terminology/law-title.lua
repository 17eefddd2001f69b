-- Laws are cited by their official title: "Luật Phòng, chống tham nhũng"
-- (with the comma), "Luật Hôn nhân và gia đình". A citation whose words
-- match a title of the gazetteer rules/law-titles.lua but whose spelling
-- (comma, capitals, letters) differs is reported with the official title;
-- a "law" that does not exist ("Luật Quyền con người") is reported when the
-- gazetteer lists it under not_laws.
local vn = lib("vn")

-- re.fold(vn.restyle(w, "new")), memoized by vn
local function key(w) return vn.fold_key(w) end

local function norm(s)
  -- compare spellings: one tone style, single spaces
  local out = {}
  for a, b in re.gmatch(s, [[\p{L}+|[^\p{L}\s]+]]) do out[#out + 1] = vn.restyle(s:sub(a, b), "new") end
  return table.concat(out, " ")
end

local function index(list)
  local idx = {}
  for _, title in ipairs(list) do
    local k = vn.fold_keys(title) -- the keys of its words
    local first = k[1]
    idx[first] = idx[first] or {}
    table.insert(idx[first], { title = title, keys = k })
  end
  return idx
end

return {
  id = "terminology/law-title",
  description = "Tên luật viết không đúng tên chính thức (thiếu dấu phẩy, viết hoa sai) hoặc không có luật mang tên đó",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I mục II khoản 6 (trích dẫn văn bản: luật được dẫn bằng tên) và Phụ lục VI (viết hoa tên loại và chữ cái đầu của tên văn bản); tên luật theo văn bản do Quốc hội ban hành",
  examples = {
    valid = {
      "phổ biến Luật Cư trú, Luật Xử lý vi phạm hành chính, Luật Phòng, chống tham nhũng, Luật Đất đai",
      "Luật Trẻ em, phòng chống bạo lực học đường và Luật Hôn nhân và gia đình năm 2014",
      "theo quy định của Luật Tổ chức chính quyền địa phương; Luật sư của Trung tâm trợ giúp pháp lý",
      "Luật Hòa giải ở cơ sở; Luật Thi đua, khen thưởng; Luật quy định rõ trách nhiệm",
    },
    invalid = {
      { text = "Luật Trẻ em, phòng chống bạo lực học đường, [[Luật Phòng chống tham nhũng]],…và các quy định" },
      { text = "phổ biến Luật Bảo vệ môi trường, [[Luật Quyền con người]] và các quy định về cải cách hành chính" },
      { text = "[[Luật Hôn nhân và Gia đình]], Luật Đất đai" },
    },
  },
  check = function(doc, ctx)
    local data = rules_data("law-titles")
    local idx = index(data.titles)
    local notlaw = {}
    for name, why in pairs(data.not_laws) do
      notlaw[#notlaw + 1] = { keys = vn.fold_keys(name), why = why, name = name }
    end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      for s, e in re.gmatch(t, [[(?<![\p{L}])Luật\s+(?=\p{Lu})]]) do
        -- the words after "Luật", separated by spaces or ", "
        local ws = {}
        local pos = e + 1
        while #ws < 20 do
          local a, b = re.find(t, [[\G\p{L}+]], pos)
          if not a then break end
          ws[#ws + 1] = { a, b, key(t:sub(a, b)) }
          local sa, sb = re.find(t, [[\G(?:,\s+|\s+)(?=\p{L})]], b + 1)
          if not sa then break end
          pos = sb + 1
        end
        local function match(keys)
          if #keys > #ws then return false end
          for i, k in ipairs(keys) do if ws[i][3] ~= k then return false end end
          return true
        end
        local best
        for _, cand in ipairs(idx[ws[1] and ws[1][3] or ""] or {}) do
          if match(cand.keys) and (not best or #cand.keys > #best.keys) then best = cand end
        end
        if best then
          local last = ws[#best.keys][2]
          local written = t:sub(e + 1, last)
          if norm(written) ~= norm(best.title) then
            ctx.report{
              span = { p = p.index, s = s, e = last },
              message = string.format('Tên luật viết "Luật %s", tên chính thức là "Luật %s"', written, best.title),
              suggestion = "Luật " .. best.title,
            }
          end
        else
          for _, nl in ipairs(notlaw) do
            if match(nl.keys) then
              local last = ws[#nl.keys][2]
              ctx.report{
                span = { p = p.index, s = s, e = last },
                message = string.format('"%s": %s', t:sub(s, last), nl.why),
              }
              break
            end
          end
        end
      end
    end
  end,
}
