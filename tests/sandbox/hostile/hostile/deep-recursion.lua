-- Hostile rule for the sandbox tests: recurses without end
return {
  id = "hostile/deep-recursion",
  description = "hostile: recurses without end",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local function f(n) return 1 + f(n + 1) end
    f(1)
  end,
}
