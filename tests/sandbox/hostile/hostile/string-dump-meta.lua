-- Hostile rule for the sandbox tests: dumps through the string metatable
return {
  id = "hostile/string-dump-meta",
  description = "hostile: dumps through the string metatable",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local s = ("x").dump(function() end)
    ctx.report{ message = s }
  end,
}
