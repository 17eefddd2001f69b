-- Hostile rule for the sandbox tests: catastrophic backtracking
return {
  id = "hostile/regex-backtrack",
  description = "hostile: catastrophic backtracking",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local s = string.rep("a", 40) .. "!"
    re.find(s, "^(a+)+$")
  end,
}
