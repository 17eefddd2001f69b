-- A draft leaves the number and the day blank ("Số:      /BC-UBND",
-- "ngày …… tháng 6 năm 2023"): the văn thư fills them in when the document
-- is registered and issued. A reminder for the clerk, and for the district
-- reviewer a submission that was sent unnumbered or undated.
local spans = lib("spans")

return {
  id = "structure/blank-number-date",
  description = "Số văn bản hoặc ngày ban hành còn để trống (văn thư điền khi ban hành)",
  severity = "info",
  basis = "Nghị định 30/2020/NĐ-CP, Điều 8 khoản 2 điểm c, d (số, ký hiệu; địa danh và thời gian ban hành) và Điều 15 (văn thư cấp số, thời gian ban hành văn bản)",
  examples = {
    valid = {
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 15 tháng 6 năm 2023\nBÁO CÁO",
      "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: 85/BC-UBND\nĐình Cao, ngày 05 tháng 01 năm 2023\nBÁO CÁO",
    },
    invalid = {
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố:[[      ]]/BC-UBND\nĐình Cao, ngày[[      ]]tháng 6 năm 2023\nBÁO CÁO" },
      { text = "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO\nSố: [[...]]/BC-UBND\nĐình Cao, ngày [[……]] tháng [[….]] năm 2023\nBÁO CÁO" },
      { text = "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ ĐÌNH CAO      Độc lập - Tự do - Hạnh phúc\nSố:[[      ]]/BC-UBND      Đình Cao, ngày[[      ]]tháng 6 năm 2023\nBÁO CÁO" },
    },
  },
  check = function(doc, ctx)
    local blanks = spans.blanks(doc)
    for _, key in ipairs({ "number", "place_date" }) do
      local pi = doc.blocks[key]
      local p = pi and doc.paragraphs[pi]
      for _, r in ipairs(p and blanks[pi] or {}) do
        local gap = p.text:sub(r.s, r.e)
        -- the span: the placeholder dots or underscores if any, else the
        -- run of spaces, else the point where the number is left out
        local a, z = re.find(gap, [[[.…_]+]])
        if not a then a, z = re.find(gap, [[\s+]]) end
        local at = a and { p = pi, s = r.s + a - 1, e = r.s + z - 1 } or { p = pi, s = r.s - 1, e = r.s - 1 }
        local message
        if r.what == "số" then
          message = "Số của văn bản còn để trống: văn thư cấp số khi ban hành; văn bản gửi đi phải có số"
        else
          local label = { ["ngày"] = "Ngày", ["tháng"] = "Tháng", ["năm"] = "Năm" }
          message = string.format("%s ban hành còn để trống: văn thư ghi thời gian ban hành khi cấp số; " ..
            "văn bản gửi đi phải có đủ ngày, tháng, năm", label[r.what])
        end
        ctx.report{ span = at, message = message }
      end
    end
  end,
}
