-- Hostile rule for the sandbox tests: raises a table
return {
  id = "hostile/error-table",
  description = "hostile: raises a table",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    error({ code = 42 })
  end,
}
