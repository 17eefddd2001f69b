-- Hostile rule for the sandbox tests: allocates without bound
return {
  id = "hostile/memory-bomb",
  description = "hostile: allocates without bound",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local t = {}
    local s = string.rep("x", 1024 * 1024)
    for i = 1, 1e9 do t[i] = s .. i end
  end,
}
