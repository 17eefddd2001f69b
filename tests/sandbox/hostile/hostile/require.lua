-- Hostile rule for the sandbox tests: loads a module
return {
  id = "hostile/require",
  description = "hostile: loads a module",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local m = require("os")
    ctx.report{ message = tostring(m) }
  end,
}
