"use strict";
// Equivalent of rasoat's citation type-code check: the symbol of a cited
// document must use the code of its type (Decree 30/2020/NĐ-CP, Phụ lục III):
// "Kế hoạch số 09/KH-UBND", "Quyết định số 24/QĐ-UBND", Party documents
// "06-NQ/TU"; a Công văn has no type code ("12/UBND-VX", never "/CV-UBND").
const { Joined, reportSpan } = require("./lib/joined");

const STATE = {
  "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
  "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr", "Kế hoạch": "KH",
  "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
  "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT",
  "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP",
  "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Nghị định": "NĐ", "Thông tư": "TT",
  "Công văn": null,
};
// Party documents (number-CODE/body): Quy định is QĐ there
const PARTY = Object.assign({}, STATE, { "Quy định": "QĐ" });
const CODES = new Set(Object.values(STATE).filter(Boolean).concat(["CV", "TTLT"]));

const types = Object.keys(STATE)
  .sort((a, b) => b.length - a.length)
  .map((t) => "[" + t[0] + t[0].toLowerCase() + "]" + t.slice(1).replace(/ /g, "\\s+"))
  .join("|");
// type, optional "số:", number, then either /[year/]CODE-... (state) or -CODE/... (party)
const CITE = new RegExp(
  "(?<![\\p{L}])(" + types + ")\\s+(?:số\\s*:?\\s*)?(\\d+[A-Za-z]?)" +
    "\\s*(?:(\\/\\s*(?:\\d{4}\\s*\\/\\s*)?)(\\p{L}+)|(-)(\\p{L}+)(?=\\s*\\/))",
  "gu"
);

function canonical(t) {
  return t[0].toUpperCase() + t.slice(1);
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
      CITE.lastIndex = 0;
      let m;
      while ((m = CITE.exec(text))) {
        const type = canonical(m[1].replace(/\s+/g, " "));
        const party = m[5] === "-";
        const code = party ? m[6] : m[4];
        const want = (party ? PARTY : STATE)[type];
        const start = m.index + m[0].length - code.length;
        const end = m.index + m[0].length;
        if (want === undefined) continue;
        if (want === null) {
          // Công văn: the symbol starts with the agency, never with a type code
          if (CODES.has(code))
            reportSpan(context, node, joined, start, end,
              `Công văn không có mã loại văn bản trong ký hiệu; "${code}" là sai (NĐ 30/2020, Phụ lục III)`);
          continue;
        }
        if (code !== want)
          reportSpan(context, node, joined, start, end,
            `${type} phải có mã "${want}" trong ký hiệu, văn bản ghi "${code}" (NĐ 30/2020, Phụ lục III)`);
      }
    },
  };
};
