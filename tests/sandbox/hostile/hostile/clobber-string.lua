-- Hostile rule for the sandbox tests: clobbers string.find
return {
  id = "hostile/clobber-string",
  description = "hostile: clobbers string.find",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    string.find = function() return nil end
    ctx.report{ message = "clobbered" }
  end,
}
