-- Laws are cited by their official title: "Luật Phòng, chống tham nhũng"
-- (with the comma), "Luật Hôn nhân và gia đình". A citation whose words
-- match a title of the gazetteer rules/law-titles.lua but whose spelling
-- (comma, capitals, letters) differs is reported with the official title;
-- a "law" that does not exist ("Luật Quyền con người") is reported when the
-- gazetteer lists it under not_laws.
local vn = lib("vn")
local cit = lib("citations")
local re_find = re.find

-- re.fold(vn.restyle(w, "new")), memoized by vn
local function key(w) return vn.fold_key(w) end

local function norm(s)
  -- compare spellings: one tone style, single spaces
  local out = {}
  for a, b in re.gmatch(s, [[\p{L}+|[^\p{L}\s]+]]) do out[#out + 1] = vn.restyle(s:sub(a, b), "new") end
  return table.concat(out, " ")
end

-- an empty iterator
local function NONE() return nil end

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
    -- the gazetteer's index (built once per worker by the citations lib; read-only)
    local idx, notlaw, need, any_empty
    local function load()
      cit.load_law_index()
      local li = cit.LAW_INDEX
      idx, notlaw, need, any_empty = li.titles, li.not_laws, li.need, li.any_empty
    end
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      -- (the word "Luật" is needed)
      for s, e in t:find("Luật", 1, true) and re.gmatch(t, [[(?<![\p{L}])Luật\s+(?=\p{Lu})]]) or NONE do
        if not idx then load() end
        -- the words after "Luật", separated by spaces or ", "
        -- (only as many words as the longest entry starting with the first
        -- word can take: no entry, no finding)
        local ws = {}
        local pos = e + 1
        local max = 20
        while #ws < max do
          local a, b = re_find(t, [[\G\p{L}+]], pos)
          if not a then break end
          ws[#ws + 1] = { a, b, key(t:sub(a, b)) }
          if #ws == 1 and not any_empty then
            max = math.min(20, need[ws[1][3]] or 0)
            if #ws >= max then break end
          end
          local sa, sb = re_find(t, [[\G(?:,\s+|\s+)(?=\p{L})]], b + 1)
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
          -- (the same text has the same spelling)
          if written ~= best.title and norm(written) ~= norm(best.title) then
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
