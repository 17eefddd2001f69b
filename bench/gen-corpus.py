#!/usr/bin/env python3
"""Write N varied commune report drafts derived from the sample report.

Every draft is the sample six-month CCHC report of a commune with:
  - other commune / district / province names,
  - another year and shifted document dates and numbers,
  - other figures (staff counts, files handled, money), with the percentages
    recomputed from them, or deliberately wrong in some drafts,
  - randomly injected defects (missing section, wrong percentage, wrong point
    marker, space in a document symbol, wrong type code in a symbol, a
    citation repeated with another date),
  - the sample's hard-wrapped shape (a blank line between lines) in most drafts,
    one paragraph per line in some.

The output is deterministic for a given --seed and count. No cache can
shortcut the work: no two drafts are byte-identical.

  python3 bench/gen-corpus.py -n 1000 -o bench/corpus/1000
  python3 bench/gen-corpus.py -n 1 -o /tmp/one --docx-dir /tmp/one-docx

Files go to OUT/<district>/<index>-<commune>.txt; OUT/MANIFEST.tsv lists the
defects injected in each draft (path, kind, detail).
"""

import argparse
import datetime as dt
import io
import os
import random
import re
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "fixtures", "dinh-cao-cchc-6-thang-2023.txt")

COMMUNES = """An Bình|An Lạc|An Thịnh|Bình Minh|Cẩm Ninh|Cao Sơn|Chí Tân|Dân Chủ|Đại Đồng|Đông Hưng|
Đông Kết|Đồng Tâm|Đức Hợp|Hà Lộc|Hải Triều|Hòa An|Hòa Phong|Hồng Phong|Hồng Quang|Hùng An|Hưng Đạo|
Kim Động|Lạc Hồng|Liên Nghĩa|Long Hưng|Minh Hải|Minh Hoàng|Minh Tân|Nam Sơn|Nghĩa Thịnh|Ngọc Thanh|
Nguyên Hòa|Nhật Tân|Phan Sào Nam|Phú Lộc|Phú Thịnh|Phúc Thành|Quang Hưng|Quang Trung|Quảng Lãng|
Song Mai|Tam Đa|Tân Châu|Tân Hưng|Tân Phước|Tân Tiến|Thanh Sơn|Thiện Phiến|Thọ Vinh|Thủ Sỹ|Tiền Phong|
Tống Phan|Tống Trân|Trung Nghĩa|Trung Dũng|Tứ Dân|Văn Lâm|Việt Hòa|Vĩnh Xá|Xuân Trúc|Yên Phú|Yên Hòa"""
DISTRICTS = """Phù Cừ|Ân Thi|Khoái Châu|Kim Động|Tiên Lữ|Văn Giang|Văn Lâm|Yên Mỹ|Mỹ Hào|Quỳnh Phụ|
Hưng Hà|Đông Hưng|Vũ Thư|Kiến Xương|Tiền Hải|Thái Thụy|Gia Lộc|Thanh Miện|Ninh Giang|Tứ Kỳ|
Bình Giang|Cẩm Giàng|Nam Sách|Thanh Hà|Lương Tài"""
PROVINCES = "Hưng Yên|Thái Bình|Hải Dương|Bắc Ninh|Nam Định|Hà Nam|Ninh Bình|Vĩnh Phúc|Phú Thọ|Thanh Hóa"


def names(s):
    return [x.strip() for x in s.replace("\n", "").split("|") if x.strip()]


COMMUNES, DISTRICTS, PROVINCES = names(COMMUNES), names(DISTRICTS), names(PROVINCES)

# type name -> code (Decree 30/2020, Phụ lục III); used for the wrong-code defect
TYPE_CODES = {"Kế hoạch": "KH", "Quyết định": "QĐ", "Nghị quyết": "NQ", "Chỉ thị": "CT",
              "Công văn": None, "Thông báo": "TB", "Hướng dẫn": "HD"}
WRONG_CODE = {"KH": ["QĐ", "CTr", "BC"], "QĐ": ["KH", "QyĐ", "TB"], "CT": ["CTr", "TB"],
              None: ["CV"]}


def slug(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# ---------------------------------------------------------------- template

# A paragraph starts at a heading, a point or list marker, or after a line
# ending a sentence or a clause.
PARA_START = re.compile(r"\s*(?:[IVX]+\.\s|\d{1,2}\.(?!\d)|[a-zđ][),.]|[-+]\s|\( Có|Nơi nhận|TM\.|"
                        r"CHỦ TỊCH|Tháng \d|Ngày \d|Tính từ|Số hồ sơ|\d+% )")
HEADING = re.compile(r"\s*(?:[IVX]+\.\s|\d{1,2}\.\s*\S|[a-zđ][),.])")
ROMAN = re.compile(r"\s*([IVX]+)\.\s")
ITEM = re.compile(r"\s*(\d{1,2})\.\s*\S")
POINT = re.compile(r"^(\s*)([a-zđ])\)(\s)")

SLOT = re.compile("\x01(\\d+)\x02")


def split_paragraphs(text):
    lines = [l.rstrip() for l in text.split("\n")]
    lines = [l for l in lines if l.strip()]
    paras = []
    single_heading = False
    for l in lines:
        joins = (paras and not PARA_START.match(l)
                 and not re.search(r"[.:;]$", paras[-1])
                 and not (single_heading and l.lstrip()[:1].isupper()))
        if joins:
            paras[-1] += " " + l.strip()
            single_heading = False
        else:
            paras.append(l)
            single_heading = bool(HEADING.match(l)) and len(l) < 90
    return paras


class Template:
    """The sample as paragraphs with numbered slots for everything that varies."""

    def __init__(self, text):
        self.slots = []        # (kind, data)
        self.paras = []
        self.citations = []    # (key, date slot or None, symbol slot, paragraph) in document order
        for i, p in enumerate(split_paragraphs(text)):
            self._para = i
            self.paras.append(self._slotify(p))
        self.sections = self._sections()

    def _slot(self, kind, data):
        self.slots.append((kind, data))
        return "\x01%d\x02" % (len(self.slots) - 1)

    def _slotify(self, p):
        # figures first (literal passages of the sample)
        fig = [("Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. "
                "Trong đó 18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 90%), 02 cán bộ, "
                "công chức đang tham gia học lên Đại học; 15/20 cán bộ công chức có trình độ lý luận "
                "chính trị trung cấp (chiếm tỷ lệ 75%), 05 công chức có",
                "staff"),
               ("1.395 hồ sơ (Trong đó trực tuyến mức độ 3, mức độ 4: 1.386 hồ sơ). Trong đó: giải "
                "quyết trước và đúng thời hạn: 1.394 hồ sơ; đang giải quyết (trong hạn): 1 hồ sơ.",
                "files"),
               ("27.869.168.372 đồng ( Đạt 114,07%", "money1"),
               ("2.822.033.624 đồng ( Đạt 10,62%", "money2"),
               ("129 thủ tục hành chính (thuộc 15 lĩnh vực)", "procedures"),
               ("150 người dân", "people"),
               ("20 cán bộ, công chức xã được cấp tài khoản thư điện tử, đạt 100%", "email"),
               ("vẫn còn 30% số hộp thư", "mailbox"),
               ("Diện tích phòng làm việc 36m2", "room")]
        for lit, kind in fig:
            if lit in p:
                p = p.replace(lit, self._slot(kind, lit))
        # reporting period and cut-off dates
        p = re.sub(r"(Từ|Tính từ) ngày 15/12/2022 đến ngày 11/6/2023",
                   lambda m: self._slot("period", m.group(1)), p)
        p = p.replace("tính đến ngày 15/6/2023", self._slot("cutoff", "tính đến ngày"))
        # names
        for lit, kind in (("Đình Cao", "commune"), ("Phù Cừ", "district"), ("Hưng Yên", "province"),
                          ("Tiên Tiến", "neighbour")):
            p = p.replace(lit, self._slot(kind, lit))
        # citations: Type số N/SYMBOL [ngày DATE]
        cit = re.compile(r"(Kế hoạch|Quyết định|Quyết đinh|Nghị quyết|Chỉ thị|Công văn) số:? "
                         r"(\d+)([A-Z]?)/(?!\d{4}/)([A-ZĐa-zđ]+(?:- ?[A-ZĐa-zđ]+)*)"
                         r"(?:( ngày )(\d{1,2}/\d{1,2}/20(?:22|23)|\d{1,2} tháng \d{1,2} năm 20(?:22|23)))?")

        def cit_sub(m):
            typ, num, suf, sym, sep, date = m.groups()
            if sym.endswith(("-CP", "-TTg")):       # national documents keep their numbers
                return m.group(0)
            key = (num + suf, sym.replace(" ", ""))
            s_sym = self._slot("cit", (typ, num, suf, sym))
            out = "%s số%s %s" % (typ, ":" if m.group(0)[len(typ) + 4] == ":" else "", s_sym)
            dslot = None
            if date:
                out += sep + self._slot("date", date)
                dslot = len(self.slots) - 1
            self.citations.append((key, dslot, s_sym, self._para))
            return out
        p = cit.sub(cit_sub, p)
        # remaining dates of 2022/2023 (not inside legal documents of other years)
        p = re.sub(r"(?<![\d/])\d{1,2}/\d{1,2}/20(?:22|23)\b|\d{1,2} tháng \d{1,2} năm 20(?:22|23)",
                   lambda m: self._slot("date", m.group(0)), p)
        p = re.sub(r"Tháng (\d{1,2})/2023", lambda m: self._slot("monthyear", m.group(1)), p)
        p = re.sub(r"(năm|NĂM|quyết toán vốn đầu tư năm) (2022|2023)\b",
                   lambda m: m.group(1) + " " + self._slot("year", int(m.group(2))), p)
        return p

    def _sections(self):
        """Paragraph ranges of parts (I., II.) and items (1., 2.) that may be dropped."""
        heads = []
        for i, p in enumerate(self.paras):
            if ROMAN.match(p):
                heads.append((i, 1))
            elif ITEM.match(p) and not re.match(r"\s*\d{1,2}\.\s*\d", p):
                heads.append((i, 2))
        end_of_body = next(i for i, p in enumerate(self.paras) if p.startswith("Trên đây"))
        ranges = []
        for k, (i, lvl) in enumerate(heads):
            j = end_of_body
            for i2, lvl2 in heads[k + 1:]:
                if lvl2 <= lvl:
                    j = i2
                    break
            # drop a whole part only for III and IV; items anywhere
            if lvl == 2 or ROMAN.match(self.paras[i]).group(1) in ("III", "IV"):
                ranges.append((i, j, self.paras[i].strip()[:40]))
        return ranges


# ---------------------------------------------------------------- numbers


def vn_int(n):
    return "{:,}".format(n).replace(",", ".")


def vn_pct(x, dec):
    s = ("%." + str(dec) + "f") % x
    return s.replace(".", ",")


def two(n):
    return "%02d" % n


# ---------------------------------------------------------------- a draft


class Draft:
    def __init__(self, tpl, rng, idx, commune, district, province):
        self.t, self.r, self.idx = tpl, rng, idx
        self.commune, self.district, self.province = commune, district, province
        self.defects = []
        self.year = 2023 + rng.choice((-3, -2, -1, 0, 0, 1, 2))
        self.shift = rng.randint(-6, 6)
        self.nums = {}
        self.used = set()

    # dates ----------------------------------------------------------------
    def _shift_date(self, d, m, y):
        y = y + self.year - 2023
        try:
            date = dt.date(y, m, d) + dt.timedelta(days=self.shift)
        except ValueError:
            date = dt.date(y, m, 28)
        return date

    def fmt_date(self, orig, date):
        if "tháng" in orig:
            return "%s tháng %s năm %d" % (two(date.day), two(date.month) if date.month < 3 else
                                           str(date.month), date.year)
        d, m, _ = orig.split("/")
        return "%s/%s/%d" % (two(date.day) if len(d) == 2 else str(date.day),
                             two(date.month) if len(m) == 2 else str(date.month), date.year)

    def date(self, orig):
        if "tháng" in orig:
            d, m, y = (int(x) for x in re.findall(r"\d+", orig))
        else:
            d, m, y = (int(x) for x in orig.split("/"))
        return self.fmt_date(orig, self._shift_date(d, m, y))

    def number(self, key):
        n = self.nums.get(key)
        if n is None:
            hi = 3000 if int(key[0].rstrip("ABC")) > 300 else 260
            while True:
                n = self.r.randint(1, hi)
                if n not in self.used:     # unique over all symbols: no accidental conflicts
                    break
            self.used.add(n)
            self.nums[key] = n
        return n

    # figures --------------------------------------------------------------
    def pct(self, num, den, dec, what):
        v = 100.0 * num / den
        s = vn_pct(v, dec)
        if self.r.random() < 0.12:
            wrong = v + self.r.choice((-7, -5, -3, 2, 4, 5, 10))
            wrong = min(wrong, 100.0) if wrong != v else v + 1
            if vn_pct(wrong, dec) != s:
                s = vn_pct(wrong, dec)
                self.defects.append(("wrong-percent", "%d/%d = %s%% (%s)" % (num, den, s, what)))
        return s

    def staff(self):
        r = self.r
        tot = r.randint(15, 26)
        cb = r.randint(9, 12)
        uni = r.randint(tot - 6, tot)
        pol = r.randint(tot // 2, tot)
        dec = r.choice((0, 0, 0, 2))
        s = ("Tổng số cán bộ, công chức xã hiện nay là %d người trong đó %d cán bộ, %s công chức. "
             "Trong đó %d/%d cán bộ, công chức có trình độ đại học (chiếm tỷ lệ %s%%), %s cán bộ, "
             "công chức đang tham gia học lên Đại học; %d/%d cán bộ công chức có trình độ lý luận "
             "chính trị trung cấp (chiếm tỷ lệ %s%%), %s công chức có"
             % (tot, cb, two(tot - cb), uni, tot, self.pct(uni, tot, dec, "staff-degree"),
                two(min(tot - uni, 3)), pol, tot, self.pct(pol, tot, dec, "staff-politics"),
                two(tot - pol)))
        self.tot = tot
        return s

    def files(self):
        r = self.r
        total = r.randint(300, 2600)
        online = r.randint(total * 6 // 10, total)
        pending = r.randint(0, 6)
        ontime = total - pending
        if r.random() < 0.08:
            ontime += r.choice((-3, -1, 2, 10))
            self.defects.append(("wrong-total", "%d + %d != %d" % (ontime, pending, total)))
        dec = r.choice((1, 2, 2))
        s = ("%s hồ sơ (Trong đó trực tuyến mức độ 3, mức độ 4: %s hồ sơ). Trong đó: giải quyết "
             "trước và đúng thời hạn: %s hồ sơ; đang giải quyết (trong hạn): %d hồ sơ."
             % (vn_int(total), vn_int(online), vn_int(ontime), pending))
        if r.random() < 0.7:
            s += (" Tỷ lệ hồ sơ giải quyết trước và đúng hạn %s/%s hồ sơ (đạt %s%%); hồ sơ trực tuyến "
                  "%s/%s hồ sơ (chiếm %s%%)."
                  % (vn_int(ontime), vn_int(total), self.pct(ontime, total, dec, "files-ontime"),
                     vn_int(online), vn_int(total), self.pct(online, total, dec, "files-online")))
        return s

    def money(self, which):
        r = self.r
        amount = r.randint(800_000_000, 40_000_000_000) if which == 1 else r.randint(
            200_000_000, 6_000_000_000)
        rate = r.uniform(80, 125) if which == 1 else r.uniform(5, 60)
        return "%s đồng ( Đạt %s%%" % (vn_int(amount), vn_pct(rate, 2))

    def slot(self, i):
        kind, data = self.t.slots[i]
        r = self.r
        if kind == "commune":
            return self.commune
        if kind == "district":
            return self.district
        if kind == "province":
            return self.province
        if kind == "neighbour":
            return self.neighbour
        if kind == "date":
            return self.date(data)
        if kind == "year":
            return str(data + self.year - 2023)
        if kind == "monthyear":
            return "Tháng %s/%d" % (data, self.year)
        if kind == "period":
            return "%s ngày 15/12/%d đến ngày %s" % (data, self.year - 1, self.period_end)
        if kind == "cutoff":
            return "tính đến ngày %s" % self.cutoff
        if kind == "cit":
            typ, num, suf, sym = data
            n = self.number((num + suf, sym.replace(" ", "")))
            return "%s%s/%s" % (two(n), suf, sym)
        if kind == "staff":
            return self.staff()
        if kind == "files":
            return self.files()
        if kind == "money1":
            return self.money(1)
        if kind == "money2":
            return self.money(2)
        if kind == "procedures":
            return "%d thủ tục hành chính (thuộc %d lĩnh vực)" % (r.randint(110, 140), r.randint(12, 18))
        if kind == "people":
            return "%d người dân" % r.randint(40, 400)
        if kind == "email":
            n = getattr(self, "tot", 20)
            k = r.randint(n - 3, n)
            return "%d/%d cán bộ, công chức xã được cấp tài khoản thư điện tử, đạt %s%%" % (
                k, n, self.pct(k, n, 0, "email"))
        if kind == "mailbox":
            return "vẫn còn %d%% số hộp thư" % r.randint(5, 45)
        if kind == "room":
            return "Diện tích phòng làm việc %dm2" % r.randint(20, 80)
        raise KeyError(kind)

    def render(self):
        r = self.r
        self.neighbour = r.choice([c for c in COMMUNES if c != self.commune])
        self.period_end = r.choice(("14/6/%d", "14/6/%d", "14/6/%d", "11/6/%d", "10/6/%d",
                                    "15/6/%d")) % self.year
        self.cutoff = r.choice(("14/6/%d", "14/6/%d", "15/6/%d", "20/6/%d")) % self.year
        vals = {}
        t = self.t
        overrides = {}
        # a missing section (decided first: the other defects must stay visible)
        drop = r.choice(t.sections) if r.random() < 0.15 else None
        kept = [c for c in t.citations if not drop or not drop[0] <= c[3] < drop[1]]
        # injected citation defects act on slot values
        if r.random() < 0.25:          # the same citation again with another date
            seen, cands = set(), []
            for key, dslot, _, _ in kept:
                if key in seen and dslot is not None:
                    cands.append((key, dslot))
                seen.add(key)
            key, dslot = r.choice(cands)
            good = self.date(t.slots[dslot][1])
            saved = self.shift
            self.shift += r.choice((-30, -9, -1, 1, 2, 12, 40))
            other = self.date(t.slots[dslot][1])
            self.shift = saved
            overrides[dslot] = other
            self.defects.append(("citation-conflict", "%s/%s: %s vs %s" % (
                two(self.number(key)) + key[0].lstrip("0123456789"), key[1], good, other)))
        conflict_key = key if overrides else None
        bad_code = r.random() < 0.25
        bad_space = r.random() < 0.2
        paras = []
        cit_slots = [int(s[1:-1]) for _, _, s, _ in kept]
        # a wrong code on the conflicting citation would make it another document
        code_slots = [int(s[1:-1]) for k, _, s, _ in kept
                      if t.slots[int(s[1:-1])][1][0] != "Quyết đinh" and k != conflict_key]
        wrong_code_slot = r.choice(code_slots) if bad_code else None
        space_slot = r.choice(cit_slots) if bad_space else None

        def sub(m):
            i = int(m.group(1))
            if i in vals:
                return vals[i]
            v = overrides.get(i)
            if v is None:
                v = self.slot(i)
            if i == wrong_code_slot:
                typ, num, suf, sym = t.slots[i][1]
                code = TYPE_CODES.get(typ.replace("đinh", "định"))
                head = sym.split("-")[0] if code else None
                choices = WRONG_CODE.get(code if code in WRONG_CODE else "KH")
                new = r.choice(choices)
                v = v.replace("/" + head + "-", "/" + new + "-", 1) if head else v.replace("/", "/CV-", 1)
                self.defects.append(("citation-code", "%s số %s" % (typ, v)))
            if i == space_slot and " " not in v:
                v = v.replace("-", "- ", 1) if r.random() < 0.5 else v.replace("/", " /", 1)
                self.defects.append(("symbol-space", v))
            vals[i] = v
            return v
        for i, p in enumerate(t.paras):
            if not drop or not drop[0] <= i < drop[1]:
                paras.append(SLOT.sub(sub, p))
        # paragraph-level defects
        if drop:
            self.defects.append(("missing-section", drop[2]))
        if r.random() < 0.2:
            idx = [i for i, p in enumerate(paras) if POINT.match(p)]
            if idx:
                i = r.choice(idx)
                paras[i] = POINT.sub(lambda m: m.group(1) + m.group(2) + r.choice((".", ",", " -")) +
                                     m.group(3), paras[i], count=1)
                self.defects.append(("point-marker", paras[i].strip()[:30]))
        if r.random() < 0.3:           # fix some of the sample's own defects
            paras = [p.replace("chính sách,pháp luật", "chính sách, pháp luật")
                     .replace("UBDN", "UBND").replace("quy quy định", "quy định") for p in paras]
        return paras


# ---------------------------------------------------------------- output


def wrap(paras, width, blank):
    """Greedy hard wrap like the sample: lines end with a space, blank lines between."""
    rx = re.compile(r"(.{1,%d})(?:\s+|$)" % width)
    sep = " \n\n" if blank else "\n"
    out = []
    for p in paras:
        lead = len(p) - len(p.lstrip(" "))
        body = p.strip()
        lines = rx.findall(body) or [body]
        if lead:
            lines[0] = p[:lead] + lines[0]
        out.append(sep.join(lines))
    return sep.join(out) + " \n"


DOCX_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
           'wordprocessingml.document.main+xml"/></Types>')
DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
RPR = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
       '<w:sz w:val="28"/></w:rPr>')


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(path, paras):
    body = []
    for p in paras:
        body.append('<w:p><w:pPr><w:spacing w:before="120" w:after="0"/><w:ind w:firstLine="720"/>'
                    '<w:jc w:val="both"/></w:pPr><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>'
                    % (RPR, xml_escape(p.strip())))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(body) +
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
           'w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
           '</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", DOCX_CT), ("_rels/.rels", DOCX_RELS),
                           ("word/document.xml", doc)):
            info = zipfile.ZipInfo(name, date_time=(2023, 6, 16, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--count", type=int, default=1000)
    ap.add_argument("-o", "--out", required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--sample", default=SAMPLE)
    ap.add_argument("--flat-share", type=float, default=0.2,
                    help="share of drafts written one paragraph per line (default 0.2)")
    ap.add_argument("--docx-dir", help="also write .docx copies (and their one-paragraph-per-line .txt "
                    "twins) of the first --docx-count drafts into this folder")
    ap.add_argument("--docx-count", type=int, default=1)
    args = ap.parse_args()

    with open(args.sample, encoding="utf-8") as f:
        tpl = Template(f.read())
    os.makedirs(args.out, exist_ok=True)
    if args.docx_dir:
        os.makedirs(args.docx_dir, exist_ok=True)
    manifest = io.StringIO()
    manifest.write("path\tkind\tdetail\n")
    master = random.Random(args.seed)
    districts = {}
    made_dirs = set()
    for i in range(args.count):
        r = random.Random(master.getrandbits(64))
        # about 20 communes per district, one province per 12 districts
        g = i // 20
        if g not in districts:
            districts.clear()
            dname = DISTRICTS[g % len(DISTRICTS)]
            districts[g] = (dname, PROVINCES[(g // 12) % len(PROVINCES)], g)
        dname, prov, gnum = districts[g]
        commune = COMMUNES[(i * 7 + gnum) % len(COMMUNES)]
        d = Draft(tpl, r, i, commune, dname, prov)
        paras = d.render()
        flat = r.random() < args.flat_share
        text = wrap(paras, r.randint(72, 88), blank=True) if not flat else "\n".join(
            p.strip() for p in paras) + "\n"
        sub = "%03d-huyen-%s" % (gnum, slug(dname))
        if sub not in made_dirs:
            os.makedirs(os.path.join(args.out, sub), exist_ok=True)
            made_dirs.add(sub)
        rel = "%s/%05d-xa-%s.txt" % (sub, i, slug(commune))
        with open(os.path.join(args.out, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        for kind, detail in d.defects:
            manifest.write("%s\t%s\t%s\n" % (rel, kind, detail))
        if args.docx_dir and i < args.docx_count:
            base = os.path.join(args.docx_dir, "%05d-xa-%s" % (i, slug(commune)))
            write_docx(base + ".docx", paras)
            with open(base + ".txt", "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(p.strip() for p in paras) + "\n")
    with open(os.path.join(args.out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write(manifest.getvalue())


if __name__ == "__main__":
    sys.exit(main())
