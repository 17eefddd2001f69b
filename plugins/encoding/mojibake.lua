-- Text typed in a legacy encoding (TCVN3/ABC with .VnTime fonts, VNI with
-- VNI-Times) that was pasted into a Unicode document and now shows as
-- mojibake: "Céng hoµ", "c¸ch", "Vieät". A word is reported only when it is
-- not Vietnamese as written but becomes a dictionary word when read back
-- from the legacy encoding; also reported: U+FFFD, the mark of bytes that
-- could not be decoded. One finding per paragraph.
local vn = lib("vn")

local NAMES = { tcvn3 = "TCVN3 (ABC, phông .VnTime)", vni = "VNI (phông VNI-Times)" }

local function decode(w, upper)
  if vn.spell_ok(w) then return nil end
  for _, enc in ipairs({ "tcvn3", "vni" }) do
    local d
    if enc == "tcvn3" then d = vn.decode_tcvn3(w, upper) else d = vn.decode_vni(w) end
    if d and d ~= w and vn.spell_ok(d) then return d, enc end
  end
  return nil
end

return {
  id = "encoding/mojibake",
  description = "Chữ bị lỗi bảng mã (TCVN3, VNI) còn sót trong văn bản Unicode",
  severity = "error",
  basis = "Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I mục 2: phông chữ tiếng Việt Unicode theo TCVN 6909:2001",
  examples = {
    valid = {
      "Cộng hòa xã hội chủ nghĩa Việt Nam; văn hoá, hoà giải",
      "Hội nghị có đại biểu Pháp: Le comité a été réuni à Hanoï.",
      "Nhiệt độ trung bình 25°C; tỷ lệ ½ số hộ; «Ngày hội đại đoàn kết»",
    },
    invalid = {
      { text = "[[Céng hoµ x· héi]] chủ nghĩa Việt Nam" },
      { text = "Kết quả thực hiện công tác cải cách hành chính ở [[Vieät]] Nam" },
      { text = "báo cáo kết quả [[c¸ch]] làm mới" },
    },
  },
  check = function(doc, ctx)
    local allow = rules_data("foreign-words")
    local fffd_first, fffd_n = nil, 0
    local found = {}
    local may_have_mojibake = vn.may_have_mojibake
    for _, p in ipairs(doc.paragraphs) do
      local t = p.text
      -- only a paragraph with a word that may be mojibake can give a finding
      if may_have_mojibake(t) then
        -- upper-case text (a .VnTimeH heading): most ASCII letters are capitals
        local _, nup = t:gsub("%u", "")
        local _, nlow = t:gsub("%l", "")
        local upper = nup > 0 and nup >= 4 * nlow
        local first, last, n, enc1 = nil, nil, 0, nil
        local foreign = 0
        local parts = {}
        local gap_ok = true
        for s, e in re.gmatch(t, [[[\p{L}\x{00A1}-\x{00FF}]*[\p{L}][\p{L}\x{00A1}-\x{00FF}]*|[\x{00A1}-\x{00FF}]+[\p{L}][\p{L}\x{00A1}-\x{00FF}]*]]) do
          local w = t:sub(s, e)
          local d, enc = nil, nil
          if re.find(w, "[^\\x{0000}-\\x{007F}]") and utf8.len(w) >= 2 then
            d, enc = decode(w, upper)
            if not d and not allow[re.lower(w)] and not vn.spell_ok(w) then foreign = foreign + 1 end
          end
          if d then
            n = n + 1
            if not first then
              first, last, enc1 = s, e, enc
              parts = { d }
            elseif gap_ok and enc == enc1 and re.find(t:sub(last + 1, s - 1), [[^[\s,.;:-]*$]]) then
              parts[#parts + 1] = t:sub(last + 1, s - 1) .. d
              last = e
            else
              gap_ok = false
            end
          elseif first and w ~= "" then
            gap_ok = false
          end
        end
        -- a paragraph in a foreign language (French: "où", "été") is not mojibake
        if first and foreign >= n then first = nil end
        if first then
          local more = n > #parts and string.format("; đoạn này có %d chữ bị lỗi như vậy", n) or ""
          found[#found + 1] = {
            span = { p = p.index, s = first, e = last },
            message = string.format('"%s" là chữ gõ bằng bảng mã %s còn sót trong văn bản Unicode, đúng là "%s"%s. Hãy chuyển mã sang Unicode',
              t:sub(first, last), NAMES[enc1], table.concat(parts), more),
            suggestion = table.concat(parts),
          }
        end
      end
      -- bytes that could not be decoded
      local a = t:find("\u{FFFD}", 1, true)
      if a then
        fffd_n = fffd_n + 1
        if not fffd_first then fffd_first = { p = p.index, s = a, e = a + 2 } end
      end
    end
    -- a whole document in a legacy encoding is one problem
    if #found > 3 then
      local f = found[1]
      f.message = f.message .. string.format(" (văn bản có %d đoạn bị lỗi bảng mã như vậy)", #found)
      found = { f }
    end
    for _, f in ipairs(found) do ctx.report(f) end
    if fffd_first then
      ctx.report{
        span = fffd_first,
        message = string.format("Có ký tự không giải mã được (�) ở %d đoạn: tệp có thể được lưu bằng bảng mã cũ (TCVN3, VNI); hãy chuyển mã và lưu lại bằng Unicode", fffd_n),
      }
    end
  end,
}
