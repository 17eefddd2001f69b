-- Hostile rule for the sandbox tests: grows memory slowly (4 KiB at a time,
-- each piece kept) until it reaches the memory budget
return {
  id = "hostile/memory-creep",
  description = "hostile: grows memory slowly up to the budget",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    local keep = {}
    local piece = string.rep("m", 4096)
    for i = 1, 1e9 do
      keep[#keep + 1] = piece .. i
      if i % 1000 == 0 then keep[#keep + 1] = {} end
    end
  end,
}
