-- Hostile rule for the sandbox tests: reads an unknown global
return {
  id = "hostile/unknown-global",
  description = "hostile: reads an unknown global",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    if undefined_thing then ctx.report{ message = "x" } end
  end,
}
