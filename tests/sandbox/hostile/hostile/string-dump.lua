-- Hostile rule for the sandbox tests: dumps a function
return {
  id = "hostile/string-dump",
  description = "hostile: dumps a function",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local s = string.dump(function() end)
    ctx.report{ message = s }
  end,
}
