-- Words that Vietnamese legitimately doubles (láy toàn bộ, distributive
-- plurals, "năm năm" = five years). spelling/doubled-word skips them.
-- Policy data (loaded in an empty environment): add words here, no code change.
return {
  ["ai"] = true, ["bao"] = true, ["càng"] = true, ["cao"] = true, ["chiều"] = true,
  ["chầm"] = true, ["dần"] = true, ["đâu"] = true, ["đêm"] = true, ["đời"] = true, ["đoàn"] = true,
  ["gì"] = true, ["hàng"] = true, ["khắp"] = true, ["lần"] = true, ["lớp"] = true, ["mãi"] = true,
  ["nào"] = true, ["năm"] = true, ["ngày"] = true, ["người"] = true, ["nhà"] = true,
  ["nhiều"] = true, ["rồi"] = true, ["sáng"] = true, ["thường"] = true, ["tháng"] = true,
  ["từ"] = true, ["từng"] = true, ["vừa"] = true, ["xanh"] = true, ["xa"] = true, ["đỏ"] = true,
  ["đều"] = true, ["nhỏ"] = true, ["to"] = true, ["đẹp"] = true, ["mới"] = true, ["lâu"] = true,
  ["sớm"] = true, ["chậm"] = true, ["nhanh"] = true, ["ba"] = true, ["hai"] = true, ["bốn"] = true,
  ["sáu"] = true, ["bảy"] = true, ["tám"] = true, ["chín"] = true, ["mười"] = true,
  ["trăm"] = true, ["nghìn"] = true, ["ngàn"] = true, ["vạn"] = true, ["triệu"] = true,
  ["bừng"] = true, ["rất"] = true, ["có"] = true, ["cứ"] = true,
}
