-- Hostile rule for the sandbox tests: compiles millions of distinct patterns
-- (PCRE2 code lives outside the Lua allocator; the cache is bounded).
return {
  id = "hostile/regex-bomb",
  description = "hostile: compiles a new pattern in a loop",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    for i = 1, 1e7 do re.find("x", "(?:a|b)c" .. i .. "[d-z]+") end
  end,
}
