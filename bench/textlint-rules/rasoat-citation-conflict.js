"use strict";
// Equivalent of rasoat's citation consistency check: one document (the same
// number and symbol) cited in one file with two different dates, or with two
// unrelated subjects ("13/KH-UBND ngày 16/01/2023 về việc triển khai … theo dõi
// thi hành pháp luật" and later "13/KH-UBND về Chương trình công tác Tư pháp").
// Documents of different issuers (UBND xã / huyện / tỉnh) may share a number.
const { Joined, reportSpan } = require("./lib/joined");

const TYPES = "Nghị quyết|Quyết định|Chỉ thị|Quy chế|Quy định|Thông báo|Hướng dẫn|Chương trình|Kế hoạch|" +
  "Phương án|Đề án|Báo cáo|Tờ trình|Công văn|Công điện|Nghị định|Thông tư";
// a type name may be split over two hard-wrapped lines ("Kế \n\nhoạch")
const TYPES_RE = TYPES.replace(/ /g, "\\s+");
const CITE = new RegExp(
  "(?<![\\p{L}])(?:" + TYPES_RE + ")\\s+số\\s*:?\\s*(\\d+[A-Za-z]?(?:\\s*\\/\\s*\\d{4})?\\s*[\\/-]\\s*" +
    "\\p{L}+(?:\\s*[-\\/]\\s*\\p{L}+)*)",
  "gu"
);
const DATE_AFTER = /^\s*,?\s*ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/;
const DATE_BEFORE = /[Nn]gày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*,?[^.;]{0,60}?ban hành\s*$/;
const ISSUER = /^[^;.]{0,40}?của\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(xã|huyện|tỉnh)/;
const SUBJECT = /^[^;]{0,80}?\svề\s+(?:việc\s+)?([^;.]{3,200})/;
const SUBJECT_WORDS = 6;

function words(s) {
  return s
    .toLowerCase()
    .split(/[\s,()]+/u)
    .filter(Boolean)
    .slice(0, SUBJECT_WORDS);
}

function similar(a, b) {
  const sa = new Set(a);
  let common = 0;
  for (const w of new Set(b)) if (sa.has(w)) common++;
  const union = sa.size + new Set(b).size - common;
  return union === 0 || common / union >= 0.34;
}

function fmt(d) {
  return `${String(d[0]).padStart(2, "0")}/${String(d[1]).padStart(2, "0")}/${d[2]}`;
}

module.exports = function (context) {
  const { Syntax } = context;
  const joined = new Joined();
  return {
    [Syntax.Str](node) {
      joined.add(node);
    },
    [Syntax.DocumentExit](node) {
      const text = joined.text();
      const seen = new Map(); // key -> [{date, subject, issuer}]
      CITE.lastIndex = 0;
      let m;
      while ((m = CITE.exec(text))) {
        const key = m[1].replace(/\s+/g, "");
        const end = m.index + m[0].length;
        const rest = text.slice(end, end + 300);
        let date = null;
        let tail = rest;
        const da = DATE_AFTER.exec(rest);
        if (da) {
          date = [+da[1], +da[2], +da[3]];
          tail = rest.slice(da[0].length);
        } else {
          const db = DATE_BEFORE.exec(text.slice(Math.max(0, m.index - 120), m.index));
          if (db) date = [+db[1], +db[2], +db[3]];
        }
        const is = ISSUER.exec(tail);
        const issuer = is ? is[1] : null;
        const sm = SUBJECT.exec(tail);
        const subject = sm ? words(sm[1]) : null;
        const cur = { date, subject, issuer };
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, [cur]);
          continue;
        }
        const same = prev.filter((p) => !p.issuer || !issuer || p.issuer === issuer);
        const pd = same.find((p) => p.date);
        const ps = same.find((p) => p.subject);
        if (date && pd && fmt(pd.date) !== fmt(date)) {
          reportSpan(context, node, joined, m.index, end + (da ? da[0].length : 0),
            `Văn bản ${key} được dẫn với hai ngày khác nhau: ${fmt(pd.date)} và ${fmt(date)}`);
        } else if (subject && ps && !similar(ps.subject, subject)) {
          reportSpan(context, node, joined, m.index, end,
            `Văn bản ${key} được dẫn với hai trích yếu khác nhau: "${ps.subject.join(" ")}…" và "${subject.join(" ")}…"`);
        }
        prev.push(cur);
      }
    },
  };
};
