-- A province's own six-month CCHC profile: extends the national one and
-- overrides what the province decides (deadline, data cut-off, required
-- sections). Communes of Hưng Yên report to the province from 1/7/2025.
-- Data only. Select it with --profile hung-yen-cchc-6-thang (or in
-- .rasoat.lua); it is never auto-detected.
return {
  name = "hung-yen-cchc-6-thang",
  extends = "cchc-6-thang",
  description = "Báo cáo CCHC 6 tháng của UBND cấp xã tỉnh Hưng Yên (hạn nộp và đề cương theo yêu cầu của tỉnh)",
  detect = {},
  -- the province does not grade tone-placement style in its reviews
  rules = { ["spelling/tone-style"] = "off" },
  options = {
    -- the province's request: reports in by 18/6 [U: set by the province each year]
    deadline = { day = 18, month = 6, year = 0 },
  },
}
