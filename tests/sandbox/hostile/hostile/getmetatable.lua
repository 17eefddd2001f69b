-- Hostile rule for the sandbox tests: reaches the string metatable
return {
  id = "hostile/getmetatable",
  description = "hostile: reaches the string metatable",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local mt = getmetatable("")
    mt.__index.find = nil
    ctx.report{ message = "got " .. tostring(mt) }
  end,
}
