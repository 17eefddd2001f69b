-- Hostile rule for the sandbox tests: reads a file with io.open
return {
  id = "hostile/io-open",
  description = "hostile: reads a file with io.open",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local f = io.open("/etc/passwd")
    ctx.report{ message = "read " .. tostring(f) }
  end,
}
