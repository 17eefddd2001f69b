-- The same word typed twice ("quy quy định"). Vietnamese reduplicatives
-- ("dần dần", "người người") are on an allow-list kept as data in rules/.
local vn = lib("vn")

return {
  id = "spelling/doubled-word",
  description = "Một từ bị gõ lặp hai lần liền nhau",
  severity = "warning",
  fixable = true,
  basis = "Lỗi đánh máy; Nghị định 30/2020/NĐ-CP yêu cầu văn bản trình bày đúng chính tả",
  examples = {
    valid = {
      "sử dụng theo quy định.",
      "Các chỉ số dần dần được cải thiện, người người thi đua, nhà nhà thi đua.",
      "Kết quả đạt được trong năm năm qua",
    },
    invalid = {
      { text = "được phân phối, sử dụng theo [[quy quy]] định." },
      { text = "tổ chức [[các các]] hội nghị" },
    },
  },
  check = function(doc, ctx)
    local allow = rules_data("reduplication")
    for _, p in ipairs(vn.with_marks(doc)) do
      -- re.words(t, "doubled") is re.matches(t, [[(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])]], "i")
      -- (the same matches), found by a C scan that runs the pattern only where a doubled word may be
      local m = re.words(p.text, "doubled")
      for i = 1, #m, 3 do
        local s, e, w = m[i], m[i + 1], m[i + 2]
        local lw = re.lower(w)
        if not allow[lw] then
          ctx.report{
            span = { p = p.index, s = s, e = e },
            message = string.format('Từ "%s" bị lặp lại', w),
            suggestion = w,
          }
        end
      end
    end
  end,
}
