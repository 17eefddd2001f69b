-- Hostile rule for the sandbox tests: reports a span outside the document
return {
  id = "hostile/bad-span",
  description = "hostile: reports a span outside the document",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    ctx.report{ span = { p = 1, s = 1, e = 10000000 }, message = "bad span" }
  end,
}
