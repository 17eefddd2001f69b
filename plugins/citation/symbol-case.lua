-- The codes in a symbol are written exactly as Phụ lục III and the agency
-- spell them: upper case, with their Vietnamese letters and the official
-- mixed case of "QyĐ", "CTr", "TTr", "TTg": "07/kh-ubnd", "12/Qđ-UBND",
-- "12/QD-UBND" and "15/NQ-HDND" are wrong.
local cit = lib("citations")

-- the canonical spelling of one group of a symbol, or nil when unknown
local function canon_group(g, first)
  if first then
    local code = cit.type_code_of(g)
    if code then
      -- joint codes keep their suffix ("KHLT")
      local tail = g:sub(#g - 1)
      if re.fold(g) ~= re.fold(code) and re.upper(tail) == "LT" then return code .. "LT" end
      return code
    end
  end
  if cit.issuer_known(g) then return g end
  return cit.issuer_respelled(g)
end

-- "kh-ubnd" -> "KH-UBND"; returns the corrected symbol or nil
local function fix_symbol(sym, party)
  local groups = {}
  for g in sym:gmatch("[^%-/%s]+") do groups[#groups + 1] = g end
  if #groups == 0 then return nil end
  local out, changed, known = sym, false, 0
  local pos = 1
  for i, g in ipairs(groups) do
    local s, e = out:find(g, pos, true)
    local c = canon_group(g, i == 1 or (party and i == 1))
    if c then known = known + 1 end
    if c and c ~= g then
      out = out:sub(1, s - 1) .. c .. out:sub(e + 1)
      e = s + #c - 1
      changed = true
    end
    pos = e + 1
  end
  if changed and known > 0 then return out end
  return nil
end

return {
  id = "citation/symbol-case",
  description = "Chữ viết tắt trong ký hiệu văn bản được dẫn viết sai chữ hoa, chữ thường hoặc thiếu dấu",
  severity = "warning",
  fixable = true,
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục III (chữ viết tắt tên loại văn bản: QĐ, QyĐ, CTr, TTr…) và Phụ lục I, Phần I mục 4 (ký hiệu văn bản gồm chữ viết tắt tên loại và tên cơ quan, tổ chức ban hành, viết in hoa)",
  examples = {
    valid = {
      "UBND xã ban hành Quyết định số 24/QĐ-UBND ngày 09/02/2023 và Chương trình số 05/CTr-UBND ngày 12/01/2023.",
      "Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ và Tờ trình số 08/TTr-UBND ngày 20/02/2023.",
      "Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh; Nghị quyết số 15/NQ-HĐND ngày 20/12/2022 của HĐND xã.",
    },
    invalid = {
      { text = "UBND xã ban hành Kế hoạch số [[07/kh-ubnd]] ngày 10/01/2023 về tuyên truyền pháp luật." },
      { text = "UBND xã ban hành Quyết định số [[12/QD-UBND]] ngày 03/02/2023 về việc phân công nhiệm vụ." },
      { text = "Căn cứ Nghị quyết số [[15/NQ-HDND]] ngày 20/12/2022 của HĐND xã về dự toán ngân sách năm 2023." },
    },
  },
  check = function(doc, ctx)
    for c in doc:facts("citation") do
      if c.has_symbol and c.symbol then
        local sym = c.symbol:gsub("%s+", "")
        local fixed = fix_symbol(sym, c.party)
        if fixed then
          local ref = c.ref_norm
          local good = ref:sub(1, #ref - #sym) .. fixed
          ctx.report{ span = cit.ref_span(c),
            message = string.format("Ký hiệu “%s” viết sai chữ hoa, chữ thường hoặc thiếu dấu; viết đúng: “%s”", ref, good),
            suggestion = good }
        end
      elseif c.number_e and not c.has_symbol then
        local p = doc.paragraphs[c.p].text
        -- a lower-case symbol the extractor did not read as one
        local s, e = re.find(p, [[\G/(?:\d{4}/)?[\p{L}]+(?:-[\p{L}]+)*]], c.number_e + 1)
        if s then
          local sym = p:sub(s + 1, e):gsub("^%d%d%d%d/", "")
          local lead = p:sub(s, e):sub(1, #p:sub(s, e) - #sym)
          local fixed = fix_symbol(sym, false)
          if fixed and re.find(sym, [[\p{Ll}]]) then
            local ref = p:sub(c.number_s, e)
            local good = c.number .. lead .. fixed
            ctx.report{ span = { p = c.p, s = c.number_s, e = e },
              message = string.format("Ký hiệu “%s” viết sai chữ hoa, chữ thường hoặc thiếu dấu; viết đúng: “%s”", ref, good),
              suggestion = good }
          end
        end
      end
    end
  end,
}
