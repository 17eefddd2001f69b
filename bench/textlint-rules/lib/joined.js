"use strict";
// Joins a document's Str nodes into one string (a single space between
// nodes), the way rasoat reflows hard-wrapped lines before extracting facts,
// and maps offsets in that string back to offsets in the source file.
// A cited document often spans two hard-wrapped lines ("Kế hoạch số \n\n10/KH-UBND"),
// which the txt plugin turns into two Str nodes: rules must see them joined.

class Joined {
  constructor() {
    this.parts = [];
    this.starts = []; // offset of each node in the joined text
    this.origins = []; // source offset of each node
    this.length = 0;
  }
  add(node) {
    if (this.parts.length) {
      this.parts.push(" ");
      this.length += 1;
    }
    this.starts.push(this.length);
    this.origins.push(node.range[0]);
    this.parts.push(node.value);
    this.length += node.value.length;
  }
  text() {
    if (this._text === undefined) this._text = this.parts.join("");
    return this._text;
  }
  // source offset of joined offset `i` (binary search over node starts)
  source(i) {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.origins[lo] + (i - s[lo]);
  }
}

// Reports a span of the joined text on the document node (whose range starts at 0).
function reportSpan(context, docNode, joined, start, end, message) {
  const { RuleError, report, locator } = context;
  const a = joined.source(start);
  const b = Math.max(a + 1, joined.source(Math.max(start, end - 1)) + 1);
  report(docNode, new RuleError(message, { padding: locator.range([a, b]) }));
}

// Vietnamese integer: "1.395" -> 1395, "20" -> 20
function vnInt(s) {
  return parseInt(s.replace(/\./g, ""), 10);
}

module.exports = { Joined, reportSpan, vnInt };
