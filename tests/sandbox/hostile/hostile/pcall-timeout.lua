-- Hostile rule for the sandbox tests: catches its own timeout
return {
  id = "hostile/pcall-timeout",
  description = "hostile: catches its own timeout",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    for i = 1, 1000 do
      pcall(function() while true do end end)
    end
    ctx.report{ message = "escaped the budget" }
  end,
}
