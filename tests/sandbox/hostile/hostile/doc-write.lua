-- Hostile rule for the sandbox tests: writes into the document
return {
  id = "hostile/doc-write",
  description = "hostile: writes into the document",
  severity = "warning",
  basis = "test",
  examples = { valid = {}, invalid = {} },
  check = function(doc, ctx)
    doc.paragraphs[1].text = "changed"
  end,
}
