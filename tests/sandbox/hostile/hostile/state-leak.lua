-- Hostile rule for the sandbox tests: keeps state at module level (an
-- upvalue counter and a table of what it has seen) and reports what it
-- remembers. If anything survived from one document to the next, a file
-- would get "lần 2" or a non-empty memory.
local runs = 0
local seen = {}
return {
  id = "hostile/state-leak",
  description = "hostile: keeps state between documents",
  severity = "info",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    runs = runs + 1
    local before = 0
    for _ in pairs(seen) do before = before + 1 end
    for i = 1, #doc.paragraphs do seen[#seen + 1] = doc.paragraphs[i].text end
    ctx.report{ message = "lần " .. runs .. ", nhớ " .. before .. " đoạn" }
  end,
}
