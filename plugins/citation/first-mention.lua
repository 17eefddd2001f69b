-- The first time a document is cited, the citation is complete: type,
-- number and symbol, date, issuing body and subject ("Kế hoạch số
-- 09/KH-UBND ngày 09/01/2023 của UBND xã Đình Cao về cải cách hành chính …");
-- later mentions may be short. Reported as information, listing what is
-- missing. Not reported here: a missing symbol (citation/missing-symbol), a
-- date given nowhere for a document that cannot be identified without it
-- (citation/missing-date), laws cited by name. The issuing body counts as
-- given when the sentence names who issued the document, when the report
-- says it issued it itself, or when the symbol names a single body (CP, TTg,
-- a ministry: "NĐ-CP" can only be the Government's).
local cit = lib("citations")

local function body_given(doc, c)
  if c.issuer_text or c.issuer_shared or c.issued or c.issued_by then return true end
  if cit.issued_in_sentence(doc, c) then return true end
  local code = cit.issuer_canonical(c.issuer_code)
  local info = code and cit.issuers[code]
  return info ~= nil and info.level ~= "any"
end

-- words that belong to the name of a body ("Ủy ban nhân dân xã", "Ban
-- Chấp hành Đảng bộ tỉnh"); a run of three other lower-case words after the
-- name is a subject the extractor kept in the body ("của Bộ Nội vụ hướng
-- dẫn thể thức …")
local BODY_WORDS = {}
for w in ([[nhân dân xã huyện tỉnh phường quận thị trấn thành phố và chấp hành thường vụ trực
  đảng bộ ủy uỷ nội vụ chính phủ]]):gmatch("%S+") do BODY_WORDS[w] = true end

local function subject_in_body(text)
  if not text then return false end
  local run = 0
  for w in text:gmatch("[^%s,;()]+") do
    if re.find(w, [[^\p{Ll}]]) and not BODY_WORDS[w] then
      run = run + 1
      if run >= 3 then return true end
    else
      run = 0
    end
  end
  return false
end

-- a list whose subject is written once after its last item: "Kế hoạch số
-- 205/KH-UBND … của UBND tỉnh và Kế hoạch số 04/KH-UBND … của UBND huyện về …"
local function shared_subject(all, i)
  local c, j = all[i], i + 1
  while all[j] and all[j].p == c.p and all[j].in_list do
    if all[j].subject then return true end
    j = j + 1
  end
  return false
end

return {
  id = "citation/first-mention",
  description = "Lần đầu dẫn văn bản chưa ghi đủ ngày ban hành, cơ quan ban hành, trích yếu",
  severity = "info",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (khi viện dẫn lần đầu phải ghi đầy đủ tên loại, số, ký hiệu, ngày, tháng, năm ban hành văn bản, tên cơ quan, tổ chức ban hành và trích yếu nội dung; các lần viện dẫn tiếp theo có thể ghi tên loại và số, ký hiệu)",
  examples = {
    valid = {
      "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính. Theo Nghị định số 61/2018/NĐ-CP, UBND xã đã kiện toàn Bộ phận Một cửa.",
      "Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 14/KH-UBND về công tác phổ biến, giáo dục pháp luật năm 2023.",
      "Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2021 về việc đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước.",
      "Tổ chức tuyên truyền Luật Đất đai, Luật Tiếp công dân cho nhân dân trên địa bàn xã.",
    },
    invalid = {
      { text = "Tổ chức triển khai các quy định tại [[Nghị định số 59/2012/NĐ-CP]] và [[Nghị định số 32/2020/NĐ-CP]] của Chính phủ trên địa bàn xã." },
      { text = "Thực hiện [[Kế hoạch số 05/KH-UBND]] ngày 06/01/2023 về tuyên truyền cải cách hành chính năm 2023, UBND xã đã tổ chức 12 buổi tuyên truyền." },
      { text = "Theo [[Quy định 540-QĐ/TU]] của Tỉnh ủy Hưng Yên, công chức được đánh giá, xếp loại chất lượng hằng tháng." },
    },
  },
  check = function(doc, ctx)
    local all = cit.list(doc)
    local pos = {}
    for i, c in ipairs(all) do pos[c.index] = i end
    for _, d in ipairs(cit.documents(doc)) do
      local c = d.first
      local dated_later = false
      for _, o in ipairs(d.mentions) do if o.date_iso then dated_later = true end end
      local missing = {}
      if not c.date_iso then
        -- citation/missing-date reports documents that cannot be identified
        -- without a date; here: dated later, or identified by year or Party form
        if dated_later or c.party or d.yearful or (c.type and cit.types.normative[c.type]) then
          missing[#missing + 1] = dated_later and "ngày ban hành (chỉ ghi ở lần dẫn sau)" or "ngày ban hành"
        end
      end
      if not body_given(doc, c) then missing[#missing + 1] = "cơ quan ban hành" end
      if not c.subject and not subject_in_body(c.issuer_text) and not shared_subject(all, pos[c.index]) then
        missing[#missing + 1] = "trích yếu nội dung"
      end
      if #missing > 0 and c.type then
        ctx.report{ span = cit.head_span(c),
          message = string.format("Lần đầu dẫn %s còn thiếu %s",
            cit.label(c), table.concat(missing, ", ")) }
      end
    end
  end,
}
