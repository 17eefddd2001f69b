"use strict";
// Equivalent of rasoat's percentage arithmetic check: "X/Y … (chiếm tỷ lệ Z%)"
// states X/Y as a percentage; flag it when the computed value lies outside the
// interval the printed precision stands for (Z ± ½·10^-d for d decimals,
// the XBRL Calculations 1.1 method): 1/3 = "33%" is right, "34%" is not.
const { Joined, reportSpan, vnInt } = require("./lib/joined");

const NUM = "(\\d{1,3}(?:\\.\\d{3})+|\\d+)";
// X/Y not part of a date (d/m/yyyy) or a document number (13/KH-UBND)
const FRACTION = new RegExp("(?<![\\d\\/.,])" + NUM + "\\s*\\/\\s*" + NUM + "(?![\\d\\/]|[.,]\\d)", "g");
// the first percentage of the same clause, at most 120 characters on
const PERCENT = /^[^;%]{0,120}?(?<![\d.,])(\d+(?:,\d+)?)\s*%/;
const BEFORE_DATE = /(?:[Tt]háng|[Nn]gày|[Nn]ăm|[Qq]uý)\s*$/;

module.exports = function (context) {
  const { Syntax } = context;
  const joined = new Joined();
  return {
    [Syntax.Str](node) {
      joined.add(node);
    },
    [Syntax.DocumentExit](node) {
      const text = joined.text();
      FRACTION.lastIndex = 0;
      let m;
      while ((m = FRACTION.exec(text))) {
        const x = vnInt(m[1]);
        const y = vnInt(m[2]);
        if (y === 0) continue;
        if (BEFORE_DATE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue; // "tháng 4/2023"
        const after = m.index + m[0].length;
        const rest = text.slice(after, after + 160);
        // stop at the end of the sentence or at the next fraction
        const stop = rest.search(/\.\s+\p{Lu}|\d\s*\/\s*\d/u);
        const p = PERCENT.exec(stop >= 0 ? rest.slice(0, stop) : rest);
        if (!p) continue;
        const printed = p[1];
        const comma = printed.indexOf(",");
        const decimals = comma < 0 ? 0 : printed.length - comma - 1;
        const stated = parseFloat(printed.replace(",", "."));
        const computed = (100 * x) / y;
        const half = 0.5 * Math.pow(10, -decimals);
        if (Math.abs(computed - stated) <= half + 1e-9) continue;
        const right = computed.toFixed(decimals).replace(".", ",");
        const pctStart = after + p[0].lastIndexOf(printed);
        const pctEnd = after + p[0].length;
        reportSpan(context, node, joined, pctStart, pctEnd,
          `${m[1]}/${m[2]} là ${right}%, văn bản ghi ${printed}%`);
      }
    },
  };
};
