-- A document the reporting body issued to implement another one cannot be
-- dated before it: "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của UBND
-- huyện … UBND xã đã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023" is
-- fine, the same with 05/01/2023 is not (one of the two dates is wrong).
-- Pairs: the implemented documents (citation.implements: "thực hiện",
-- "triển khai", "căn cứ", "theo" …) followed, in the same or the next sentence,
-- by a document the body issued (citation.issued); or, inside one sentence, an
-- issued document followed by "để/nhằm triển khai/thực hiện <document>".
local dates = lib("dates")
local N = lib("numbers")

local FORWARD = {
  ["thực hiện"] = true, ["triển khai"] = true, ["triển khai thực hiện"] = true, ["tổ chức thực hiện"] = true,
  ["căn cứ"] = true, ["căn cứ vào"] = true, ["theo"] = true,
}
local BACKWARD = {
  ["thực hiện"] = true, ["triển khai"] = true, ["triển khai thực hiện"] = true, ["tổ chức thực hiện"] = true,
}

local function dated(c) return c.date and c.date.valid and dates.of_fact(c.date) end

local function name(c)
  local t = c.type or "Văn bản"
  return string.format("%s số %s", t, c.ref_norm or c.number or "?")
end

-- how many sentence ends lie between byte a and byte b of a text
local function sentences_between(text, a, b)
  local k, pos = 0, a
  while true do
    local se = N.sentence_end(text, pos)
    if se + 1 >= b or se >= #text then return k end
    k = k + 1
    pos = se + 2
  end
end

return {
  id = "deadline/implements-order",
  description = "Văn bản ban hành để thực hiện một văn bản khác không thể có ngày ban hành sớm hơn văn bản đó",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II khoản 6 điểm b (dẫn văn bản phải ghi đúng số, ký hiệu, ngày ban hành); văn bản thực hiện được ban hành sau văn bản được thực hiện",
  examples = {
    valid = {
      "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của Ủy ban nhân dân huyện Phù Cừ về cải cách hành chính nhà nước huyện Phù Cừ năm 2023. Để triển khai thực hiện các nhiệm vụ cải cách hành chính năm 2023, Uỷ ban nhân dân xã đã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã Đình Cao năm 2023.",
      "- Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh Hưng Yên về việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm và Quyết định số 01/QĐ-UBND ngày 03/01/2023 của UBND xã Đình Cao về việc giao dự toán thu chi ngân sách nhà nước năm 2023; UBND xã đã ban hành Quyết định số 03A/QĐ-UBND ngày 05/01/2023 về việc ban hành quy chế chi tiêu nội bộ năm 2023 của đơn vị.",
      "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của UBND huyện về cải cách hành chính. Ngày 16/01/2023, UBND huyện ban hành Kế hoạch số 05/KH-UBND về tuyên truyền. Năm 2022, UBND xã đã ban hành Quyết định số 11/QĐ-UBND ngày 14/01/2022 về kiện toàn Bộ phận một cửa.",
    },
    invalid = {
      "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của Ủy ban nhân dân huyện Phù Cừ về cải cách hành chính nhà nước huyện Phù Cừ năm 2023. Để triển khai thực hiện các nhiệm vụ cải cách hành chính năm 2023, Uỷ ban nhân dân xã đã ban hành Kế hoạch số 09/KH-UBND ngày [[05/01/2023]] về cải cách hành chính nhà nước xã Đình Cao năm 2023.",
      "Ủy ban nhân dân xã đã ban hành Kế hoạch số 15/KH-UBND ngày [[10/02/2023]] để triển khai thực hiện Kế hoạch số 12/KH-UBND ngày 20/02/2023 của UBND huyện về chuyển đổi số.",
    },
  },
  check = function(doc, ctx)
    local cites = {}
    for c in doc:facts("citation") do cites[#cites + 1] = c end
    local reported = {}
    local function flag(issued, impl)
      if reported[issued] then return end
      reported[issued] = true
      ctx.report{
        span = issued.date.p == issued.p and issued.date or issued,
        message = string.format("%s ngày %s được ban hành để thực hiện %s ngày %s nhưng lại có ngày ban hành sớm hơn",
          name(issued), issued.date.text, name(impl), impl.date.text),
      }
    end
    for i, c in ipairs(cites) do
      local cd = c.issued and dated(c)
      if cd then
        -- forward: implemented documents before it, same paragraph (≤ 1 sentence
        -- apart) or the last sentence of the previous paragraph
        for j = i - 1, 1, -1 do
          local x = cites[j]
          if x.p < c.p - 1 then break end
          if x.implements and not x.issued and FORWARD[x.relation or ""] and x.ref_norm ~= c.ref_norm then
            local xd = dated(x)
            -- (the sentences are counted only for an earlier date)
            if xd and dates.compare(cd, xd) < 0 then
              local close
              if x.p == c.p then
                close = sentences_between(doc.paragraphs[c.p].text, x.e, c.s) <= 1
              else
                local xt = doc.paragraphs[x.p].text
                close = N.sentence_end(xt, x.e) >= #xt and sentences_between(doc.paragraphs[c.p].text, 1, c.s) == 0
              end
              if close then flag(c, x) end
            end
          elseif x.issued and x.p == c.p and not x.in_list and not c.in_list then
            break -- an earlier, separate issuing statement closes the search
          end
        end
        -- backward: "ban hành <c> … để triển khai <x>" in the same sentence
        local text = doc.paragraphs[c.p].text
        local se = N.sentence_end(text, c.e)
        for j = i + 1, #cites do
          local x = cites[j]
          if x.p ~= c.p or x.s > se then break end
          if x.implements and not x.issued and BACKWARD[x.relation or ""] and x.ref_norm ~= c.ref_norm then
            local xd = dated(x)
            if xd and dates.compare(cd, xd) < 0 then flag(c, x) end
          end
        end
      end
    end
  end,
}
