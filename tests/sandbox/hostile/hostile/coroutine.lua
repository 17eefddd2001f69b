-- Hostile rule for the sandbox tests: uses coroutines
return {
  id = "hostile/coroutine",
  description = "hostile: uses coroutines",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local co = coroutine.create(function() while true do end end)
    coroutine.resume(co)
  end,
}
