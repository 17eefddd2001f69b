-- The required sections of the report type (the profile's outline): each
-- present once, in order. Headings are matched loosely: case, diacritics
-- and wording may vary ("CCHC" or the full words).
local spans = lib("spans")

local ABBREV = { ["cchc"] = "cai cach hanh chinh", ["tthc"] = "thu tuc hanh chinh" }

local function norm(s)
  s = re.fold(s)
  for a, full in pairs(ABBREV) do
    -- (no regex when the abbreviation is not there at all)
    if s:find(a, 1, true) then s = re.gsub(s, "\\b" .. a .. "\\b", full) end
  end
  return s
end

-- (t: the normalized title)
local function matches(entry, t)
  for _, m in ipairs(entry.match or {}) do
    if t:find(m, 1, true) then return true end
  end
  return false
end

local function line_of(doc, s) return doc.paragraphs[s.p].line end

return {
  id = "structure/sections",
  description = "Báo cáo phải có đủ các phần, mục bắt buộc theo đề cương của loại báo cáo, đúng thứ tự, không lặp",
  severity = "error",
  basis = "Đề cương báo cáo kết quả cải cách hành chính (theo 6 nội dung của Chương trình tổng thể CCHC, Nghị quyết 76/NQ-CP); hồ sơ cấu hình quy định các phần bắt buộc",
  examples = {
    valid = {
      -- parts written with their word ("PHẦN I.", "Phần II:", "PHẦN IV -")
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nPHẦN I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nPhần II: KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Xây dựng, phát triển Chính quyền điện tử, Chính quyền số\nPHẦN III. ĐÁNH GIÁ CHUNG\nPHẦN IV - PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
      -- a table of contents repeats the headings: no section is taken from it
      { file = "fixtures/docx/toc.docx" },
      { file = "fixtures/docx/toc-sdt.docx" },
      { file = "fixtures/odt/toc.odt" },
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nII. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Xây dựng, phát triển Chính quyền điện tử, Chính quyền số\nIII. ĐÁNH GIÁ CHUNG\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
    },
    invalid = {
      -- no text at all (structure/no-text): every required section is
      -- missing (the four of the profile's outline, at the start)
      { text = "[[]][[]][[]][[]]" },
      { file = "fixtures/docx/scan-only.docx", findings = 4 },
      { text = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nII. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n[[5. Cải cách tài chính công]]\nIII. ĐÁNH GIÁ CHUNG\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM" },
      { text = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nII. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Chính quyền số\n[[III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM]]" },
      { text = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nII. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Chính quyền số\n[[III. PHƯƠNG HƯỚNG, NHIỆM VỤ]]\nIV. ĐÁNH GIÁ CHUNG" },
      { text = "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nII. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC\n1. Cải cách thể chế\n2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Chính quyền số\nIII. ĐÁNH GIÁ CHUNG\n[[IV. ĐÁNH GIÁ CHUNG]]\nV. PHƯƠNG HƯỚNG, NHIỆM VỤ" },
    },
  },
  check = function(doc, ctx)
    local outline = ctx.options.outline
    if not outline or #outline == 0 then return end
    if not spans.has_text(doc) then
      -- nothing to find (structure/no-text says why): every section is
      -- missing, which the bulk summary lists
      for _, entry in ipairs(outline) do
        if not entry.optional then
          ctx.report{ message = string.format("Thiếu phần “%s” theo đề cương báo cáo (văn bản không có nội dung)",
            entry.title) }
        end
      end
      return
    end
    local function whole(p)
      if not doc.paragraphs[p] then p = #doc.paragraphs end
      return spans.trimmed(doc, p)
    end
    -- one pass over a list of candidate sections against a list of entries
    local function check_level(entries, candidates, parent, missing_at)
      local found = {}
      -- each title normalized once
      local titles = {}
      for ci, s in ipairs(candidates) do titles[ci] = norm(s.title or "") end
      for ei, entry in ipairs(entries) do
        local hits = {}
        for ci, s in ipairs(candidates) do
          if matches(entry, titles[ci]) then hits[#hits + 1] = { s = s, ci = ci } end
        end
        if #hits > 0 then
          found[ei] = hits[1]
          for k = 2, #hits do
            ctx.report{
              span = whole(hits[k].s.p),
              message = string.format("Phần “%s” bị lặp: đã có ở dòng %d", entry.title, line_of(doc, hits[1].s)),
            }
          end
        end
      end
      local last_pos, last_entry = 0, nil
      for ei, entry in ipairs(entries) do
        local f = found[ei]
        if not f then
          if not entry.optional then
            -- point at the next section present, else after the last one
            local nxt
            for k = ei + 1, #entries do if found[k] then nxt = k; break end end
            if nxt then
              ctx.report{ span = whole(found[nxt].s.p),
                message = string.format("Thiếu phần “%s” (theo đề cương phải có trước phần “%s”)", entry.title,
                  entries[nxt].title) }
            else
              local at = last_entry and found[last_entry].s or parent
              ctx.report{ span = at and whole(at.p) or whole(missing_at),
                message = string.format("Thiếu phần “%s” theo đề cương báo cáo%s", entry.title,
                  at and string.format(" (cần có sau dòng %d)", line_of(doc, at)) or "") }
            end
          end
        elseif f.ci < last_pos then
          ctx.report{ span = whole(f.s.p),
            message = string.format("Phần “%s” đứng sai thứ tự: theo đề cương phải đứng sau phần “%s”", entry.title,
              entries[last_entry].title) }
        else
          last_pos, last_entry = f.ci, ei
        end
      end
      local plain = {}
      for k, v in pairs(found) do plain[k] = v.s end
      return plain
    end
    local parts = {}
    for _, s in ipairs(doc.sections) do if s.level == 1 then parts[#parts + 1] = s end end
    local start = doc.blocks.body_start or 1
    local found = check_level(outline, parts, nil, start)
    for ei, entry in ipairs(outline) do
      local part = found[ei]
      if entry.items and part then
        local items = {}
        for _, c in ipairs(part.children) do
          local s = doc.sections[c]
          if s.level == 2 then items[#items + 1] = s end
        end
        check_level(entry.items, items, part, part.p)
      end
    end
  end,
}
