-- Hostile rule for the sandbox tests: reports a million findings (the engine
-- keeps the first ones, up to the per-rule cap, and says so once); the
-- messages differ so that deduplication cannot hide the cap
return {
  id = "hostile/million-findings",
  description = "hostile: a million findings",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    for i = 1, 2000 do ctx.report{ message = "phát hiện số " .. i } end
    local same = { message = "phát hiện lặp lại" } -- cheap: one table for the rest
    for i = 2001, 1000000 do ctx.report(same) end
  end,
}
