-- The reporting body numbers its documents in the order it issues them,
-- from 01 every 1 January: of two of its own documents with the same symbol
-- in one year, the higher number cannot be dated earlier. Only the
-- reporting body's own documents are compared ("KH-UBND" is also the symbol
-- of the district's and the province's plans), and the report itself takes
-- part with its "Số: …" and date.
local cit = lib("citations")
local dates = lib("dates")

return {
  id = "citation/out-of-sequence",
  description = "Số văn bản của chính cơ quan báo cáo không tăng theo ngày ban hành trong cùng năm",
  severity = "warning",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (số văn bản là số thứ tự được đăng ký tại văn thư, bắt đầu từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày 31 tháng 12 hằng năm) và Điều 16 (đăng ký văn bản đi theo thứ tự)",
  examples = {
    valid = {
      "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính, Kế hoạch số 10/KH-UBND ngày 10/01/2023 về tuyên truyền cải cách hành chính và Kế hoạch số 33/KH-UBND ngày 10/3/2023 về hệ thống hóa văn bản.",
      "UBND xã ban hành Kế hoạch số 40/KH-UBND ngày 24/3/2023 về chuyển đổi số.\nThực hiện Kế hoạch số 12/KH-UBND ngày 25/3/2023 của UBND huyện về chuyển đổi số.",
      "Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 13/KH-UBND và Kế hoạch số 14/KH-UBND về phổ biến, giáo dục pháp luật.",
      "UBND xã ban hành Quyết định số 11/QĐ-UBND ngày 14/01/2022 về kiện toàn Bộ phận Một cửa và Quyết định số 05/QĐ-UBND ngày 05/01/2023 về giao dự toán.",
    },
    invalid = {
      { text = "UBND xã ban hành Quyết định số 22/QĐ-UBND ngày 27/01/2023 về quy chế quản lý tài sản công và [[Quyết định số 24/QĐ-UBND]] ngày 09/01/2023 về kiểm soát thủ tục hành chính." },
      { text = "UBND xã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính; Kế hoạch số 10/KH-UBND ngày 10/01/2023 về tuyên truyền; [[Kế hoạch số 33/KH-UBND]] ngày 02/01/2023 về hệ thống hóa văn bản." },
    },
  },
  check = function(doc, ctx)
    -- the documents: key -> {value, date, c (first dated mention), label}
    local groups, order = {}, {}
    local seen = {}
    local function add(item, symkey)
      local g = groups[symkey]
      if not g then g = {}; groups[symkey] = g; order[#order + 1] = symkey end
      g[#g + 1] = item
    end
    for _, c in ipairs(cit.list(doc)) do
      -- (the date is parsed once the cheaper tests pass)
      local d = c.date_iso and c.has_symbol and c.number_value and not c.party and cit.own(doc, c) and cit.date(c)
      if d then
        local sym = cit.symbol_norm(c)
        local fixed = cit.issuer_canonical(c.issuer_code)
        if fixed and fixed ~= c.issuer_code then
          sym = sym:gsub(c.issuer_code:gsub("%p", "%%%0"), (fixed:gsub("%%", "%%%%")), 1)
        end
        local symkey = re.upper(sym) .. "@" .. d.year
        local id = cit.base_key(c) .. "@" .. c.date_iso
        if not seen[id] then
          seen[id] = true
          local v = c.number_value + ((c.number_suffix and c.number_suffix ~= "") and 0.5 or 0)
          add({ value = v, date = d, c = c, label = cit.label(c), order = c.index, serial = dates.serial(d) }, symkey)
        end
      end
    end
    -- the report itself
    local r = cit.report(doc)
    local rd = cit.report_date(doc)
    if r and r.doc_symbol and r.doc_number and rd and tonumber(r.doc_number:match("^%d+")) then
      local symkey = re.upper((r.doc_symbol:gsub("%s+", ""))) .. "@" .. rd.year
      if groups[symkey] then
        add({ value = tonumber(r.doc_number:match("^%d+")), date = rd, self = true, order = 0, serial = dates.serial(rd),
          label = "báo cáo này, số " .. r.doc_ref }, symkey)
      end
    end
    for _, k in ipairs(order) do
      local g = groups[k]
      local out = {}
      while true do
        local conflicts, worst = {}, nil
        for i, a in ipairs(g) do
          if not out[i] then
            conflicts[i] = {}
            for j, b in ipairs(g) do
              -- (dates.compare(a.date, b.date) is a.serial - b.serial)
              if i ~= j and not out[j] and a.value > b.value and a.serial < b.serial then
                conflicts[i][#conflicts[i] + 1] = b
              elseif i ~= j and not out[j] and a.value < b.value and a.serial > b.serial then
                conflicts[i][#conflicts[i] + 1] = b
              end
            end
            local n = #conflicts[i]
            if n > 0 and (not worst or n > #conflicts[worst] or (n == #conflicts[worst] and a.order > g[worst].order)) then
              worst = i
            end
          end
        end
        if not worst then break end
        out[worst] = true
        local a = g[worst]
        -- the partner nearest in number
        local b
        for _, x in ipairs(conflicts[worst]) do
          if not b or math.abs(x.value - a.value) < math.abs(b.value - a.value) then b = x end
        end
        local bigger = a.value > b.value
        local msg = string.format("%s ngày %s có số %s %s (ngày %s) nhưng lại ban hành %s: số văn bản của cơ quan trong một năm tăng dần theo ngày ban hành; kiểm tra lại số hoặc ngày",
          a.label, dates.format(a.date), bigger and "lớn hơn" or "nhỏ hơn", b.label, dates.format(b.date),
          bigger and "sớm hơn" or "muộn hơn")
        if a.self then
          local p = doc.blocks.number
          local t = p and doc.paragraphs[p].text
          local s, e = t and t:find(r.doc_ref, 1, true)
          if s then ctx.report{ span = { p = p, s = s, e = e }, message = msg } else ctx.report{ message = msg } end
        else
          ctx.report{ span = cit.head_span(a.c), message = msg }
        end
      end
    end
  end,
}
