-- Real-word errors: every syllable is in the dictionary but the phrase is
-- wrong ("Quyết đinh", "từng các nhân", "trên địa bàn xa", "UBDN"). The
-- phrases, their context and corrections are data: rules/confusions.lua.
local vn = lib("vn")

return {
  id = "spelling/confusion",
  description = "Từ viết sai nhưng vẫn là âm tiết có nghĩa (nhầm dấu, nhầm phụ âm, gõ nhầm chữ viết tắt)",
  severity = "warning",
  basis = "Chính tả tiếng Việt; Nghị định 30/2020/NĐ-CP, Điều 8: văn bản phải trình bày đúng chính tả; danh sách lỗi thường gặp rules/confusions.lua",
  examples = {
    valid = {
      "Quyết định khoán chi phí cho từng cá nhân, bộ phận; các nhân viên kế toán thực hiện theo quy định.",
      "Ủy ban nhân dân xã Đình Cao ban hành Quyết định số 22/QĐ-UBND ngày 27/01/2023.",
      "Tiếp tục đưa dịch vụ công đến vùng sâu, vùng xa; các thôn trên địa bàn xa trung tâm xã.",
      "Chúng tôi cũng cố gắng hoàn thành, tiếp nhận hồ sơ của tổ chức, cá nhân.",
      "Kiểm soát thủ tục hành chính theo quy định; Viện kiểm sát nhân dân huyện.",
      "Phát huy vai trò của các nhân tố tích cực, tập thể và các nhân vật điển hình.",
    },
    invalid = {
      { text = "quyết định khoán chi phí cho từng [[các nhân]], bộ phận một số khoản" },
      { text = "Thực hiện Công văn số 2839/UBND-TH và [[Quyết đinh]] số 01/QĐ-UBND ngày 03/01/2023" },
      { text = "Ban hành Quyết định số: 22/QĐ-[[UBDN]] ngày 27 tháng 01 năm 2023" },
      { text = "tiết kiệm [[UBDN]] xã đã xây dựng Quy chế quản lý tài sản công" },
      { text = "Tiếp tục tuyên truyền cải cách hành chính trên địa bàn [[xa]]." },
      { text = "Tổ chức [[tuyên chuyền]], phổ biến pháp luật; [[bổ xung]] hồ sơ còn thiếu." },
    },
  },
  check = function(doc, ctx)
    -- the phrases of rules/confusions.lua, compiled once per worker (vn)
    local cl = vn.confusion_list("confusions")
    local list = cl.list
    -- The paragraphs where some phrase occurs after a non-letter, whatever
    -- the case (every paragraph where a pattern matches, and maybe more):
    -- one search of the whole document, the paragraphs joined by NUL
    -- (which no phrase matches, so no match spans two), with the phrases
    -- as one factored regex (vn.union_regex: the same matches as their
    -- alternation, much faster).
    local texts, starts = {}, {}
    local pos = 1
    for i, p in ipairs(vn.with_marks(doc)) do
      local t = p.text
      texts[i], starts[i] = t, pos
      pos = pos + #t + 1
    end
    local hit, pi = {}, 1
    for s in re.gmatch(table.concat(texts, "\0"), cl.search, "i") do
      while starts[pi + 1] and starts[pi + 1] <= s do pi = pi + 1 end
      hit[pi] = true
    end
    for i, p in ipairs(vn.with_marks(doc)) do
      if not hit[i] then goto next_paragraph end
      local text = texts[i]
      local seen = {}
      local lower_text
      -- the phrases that may occur in the paragraph: those whose first
      -- word fits one of its runs of letters (vn.confusion_starts), or
      -- all of them (nil: a phrase list it cannot filter)
      local want
      local m = vn.confusion_starts(cl, text)
      if m then
        want = {}
        for k = 2, #m, 2 do
          local v = m[k]
          for j = 1, #v do want[v[j]] = true end
        end
      end
      for idx, c in ipairs(list) do
        if want and not want[idx] then goto next_phrase end
        -- skip a phrase when one of its pieces is absent (exact: see
        -- vn.phrase_pieces)
        local pieces = c.pieces
        if pieces then
          local t = text
          if c.flags == "i" then
            lower_text = lower_text or re.lower(text)
            t = lower_text
          end
          for k = 1, #pieces do
            if not t:find(pieces[k], 1, true) then goto next_phrase end
          end
        end
        for s, e, pre, mid in re.gmatch(text, c.pat, c.flags) do
          local ok = true
          local nextw = re.match(text, [[\G\s+([\p{L}]+)]], e + 1)
          if nextw and c.unless[re.lower(nextw)] then ok = false end
          local prevw = re.match(text:sub(1, s - 1), [[([\p{L}]+)\s+$]])
          if prevw and c.unless_before[re.lower(prevw)] then ok = false end
          if ok and c.entry.end_only then
            local rest = text:sub(e + 1)
            local fine = re.find(rest, [[^\s*(?:$|[.,;:!?)…/])]]) ~= nil
            if not fine and c.entry.next_cap then fine = re.find(rest, [[^\s+\p{Lu}]]) ~= nil end
            ok = fine
          end
          local ms = s + #pre
          local me = ms + #mid - 1
          if ok and not seen[ms] then
            seen[ms] = true
            local note = c.entry.note and (" (" .. c.entry.note .. ")") or ""
            ctx.report{
              span = { p = p.index, s = ms, e = me },
              message = string.format('Viết sai "%s", đúng là "%s"%s', mid, c.entry[2], note),
              suggestion = c.entry[2],
            }
          end
        end
        ::next_phrase::
      end
      ::next_paragraph::
    end
  end,
}
