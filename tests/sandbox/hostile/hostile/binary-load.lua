-- Hostile rule for the sandbox tests: loads bytecode
return {
  id = "hostile/binary-load",
  description = "hostile: loads bytecode",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local f = load("\27Lua\84\0\25\147\r\n\26\n")
    ctx.report{ message = tostring(f) }
  end,
}
