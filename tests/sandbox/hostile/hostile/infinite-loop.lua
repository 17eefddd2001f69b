-- Hostile rule for the sandbox tests: never ends
return {
  id = "hostile/infinite-loop",
  description = "hostile: never ends",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    ctx.report{ message = "before the loop: must be dropped" }
    while true do end
  end,
}
