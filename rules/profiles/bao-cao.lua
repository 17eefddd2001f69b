-- The generic report profile: every pack on, no period-specific options.
-- Other profiles extend it. Data only: loaded in an empty environment.
return {
  name = "bao-cao",
  description = "Báo cáo định kỳ chung của UBND cấp xã",
  detect = { { "báo cáo" } },
  packs = {
    citation = true, date = true, deadline = true, arithmetic = true, structure = true,
    format = true, spelling = true, terminology = true, typography = true, encoding = true,
  },
  rules = {},
  options = {
    report_type = "bao-cao",
    -- Decree 30/2020, Điều 8 khoản 2: components checked in the header
    header = { national_title = true, motto = true, agency = true, number = true, place_date = true,
               doc_type = true },
    -- From 1/7/2025 districts no longer exist (two-tier local government) [S]
    district_abolished = "2025-07-01",
    -- required sections: none for a generic report
    outline = {},
  },
}
