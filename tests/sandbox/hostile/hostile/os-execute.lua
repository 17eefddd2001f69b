-- Hostile rule for the sandbox tests: runs a command
return {
  id = "hostile/os-execute",
  description = "hostile: runs a command",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    os.execute("touch /tmp/rasoat-pwned")
  end,
}
