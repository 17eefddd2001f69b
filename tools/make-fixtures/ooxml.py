#!/usr/bin/env python3
"""Generate the .docx/.xlsx fixtures and the hostile zip/XML packages.

Python 3 standard library only (zipfile + hand-written XML). Run from the
repository root:  python3 tools/make-fixtures/ooxml.py
Outputs (committed): fixtures/docx/*.docx, fixtures/data/register*.{xlsx,csv},
fixtures/data/cells.xlsx, fixtures/data/date1904.xlsx, fixtures/hostile/*.
The output is deterministic (fixed timestamps, seeded random bytes).
"""
import datetime
import io
import os
import random
import re
import struct
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIX = os.path.join(ROOT, "fixtures")
SAMPLE = os.path.join(FIX, "dinh-cao-cchc-6-thang-2023.txt")
DATE = (2023, 6, 16, 8, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
XMLDECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def mm_to_twips(mm):
    return int(round(mm * 1440 / 25.4))


def x(s):
    return escape(s, {'"': "&quot;"})


# ---------------------------------------------------------------- zip helpers

def write_zip(path, parts, method=zipfile.ZIP_DEFLATED):
    """parts: list of (name, bytes|str)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(name, DATE)
            zi.compress_type = method
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


# ---------------------------------------------------------------- docx parts

def content_types(extra=()):
    over = [
        ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
    ]
    over += list(extra)
    s = XMLDECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    s += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    s += '<Default Extension="xml" ContentType="application/xml"/>'
    for p, t in over:
        s += '<Override PartName="%s" ContentType="%s"/>' % (p, t)
    return s + "</Types>"


ROOT_RELS = (XMLDECL + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%sofficeDocument" '
             'Target="word/document.xml"/></Relationships>' % (PKG_REL, RT))


def rels(items):
    s = XMLDECL + '<Relationships xmlns="%s">' % PKG_REL
    for rid, typ, target in items:
        s += '<Relationship Id="%s" Type="%s%s" Target="%s"/>' % (rid, RT, typ, target)
    return s + "</Relationships>"


def rpr(font=None, size=None, bold=None, italic=None, theme=None):
    s = ""
    if font:
        s += '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>' % (font, font, font)
    if theme:
        s += '<w:rFonts w:asciiTheme="%s" w:hAnsiTheme="%s"/>' % (theme, theme)
    if bold is not None:
        s += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if italic is not None:
        s += "<w:i/>" if italic else '<w:i w:val="0"/>'
    if size:
        s += '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (int(size * 2), int(size * 2))
    return "<w:rPr>%s</w:rPr>" % s if s else ""


def run(text, **fmt):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr(**fmt), x(text))


def para(content, style=None, jc=None, first_mm=None, before=None, after=None, line=None,
         num=None, extra_ppr=""):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0])
    if before is not None or after is not None or line is not None:
        ppr += "<w:spacing"
        if before is not None:
            ppr += ' w:before="%d"' % int(before * 20)
        if after is not None:
            ppr += ' w:after="%d"' % int(after * 20)
        if line is not None:
            ppr += ' w:line="%d" w:lineRule="auto"' % int(line * 240)
        ppr += "/>"
    if first_mm is not None:
        ppr += '<w:ind w:firstLine="%d"/>' % mm_to_twips(first_mm)
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    ppr += extra_ppr
    if isinstance(content, str) and not content.startswith("<"):
        content = run(content)
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", content)


def sect(width=210, height=297, top=20, bottom=20, left=30, right=15, refs=""):
    return ('<w:sectPr>%s<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" '
            'w:left="%d" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
            % (refs, mm_to_twips(width), mm_to_twips(height), mm_to_twips(top), mm_to_twips(right),
               mm_to_twips(bottom), mm_to_twips(left)))


def document(body, sectpr):
    return (XMLDECL + '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s%s</w:body></w:document>'
            % (W, R, body, sectpr))


def styles(default_rpr, extra=""):
    return (XMLDECL + '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault>%s</w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '</w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/>'
            '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>'
            '%s</w:styles>' % (W, default_rpr, extra))


def make_docx(path, body, sectpr, style_xml, numbering=None, theme=None, others=()):
    """others: list of (part name under word/, rel type, content type, xml)."""
    ct_extra = []
    relitems = [("rIdStyles", "styles", "styles.xml")]
    parts = []
    if numbering:
        ct_extra.append(("/word/numbering.xml",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))
        relitems.append(("rIdNum", "numbering", "numbering.xml"))
        parts.append(("word/numbering.xml", numbering))
    if theme:
        ct_extra.append(("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"))
        relitems.append(("rIdTheme", "theme", "theme/theme1.xml"))
        parts.append(("word/theme/theme1.xml", theme))
    for name, rtype, ctype, xml, rid in others:
        ct_extra.append(("/word/" + name, ctype))
        relitems.append((rid, rtype, name))
        parts.append(("word/" + name, xml))
    write_zip(path, [("[Content_Types].xml", content_types(ct_extra)), ("_rels/.rels", ROOT_RELS),
                     ("word/document.xml", document(body, sectpr)),
                     ("word/_rels/document.xml.rels", rels(relitems)),
                     ("word/styles.xml", style_xml)] + parts)


# ---------------------------------------------------------------- the sample, reflowed

MARKER = re.compile(r"^\s*(?:[IVX]+\.|\d{1,2}\.|[a-zđ][\),]|-|\+|Nơi nhận)")


def reflow(text):
    """Hard-wrapped lines -> paragraphs (see the issue: blank lines are not
    paragraph breaks; markers, indented lines and short lines ending with
    . : ; end or start paragraphs). The text's defects are kept as written."""
    lines = [l.rstrip("\n") for l in text.split("\n")]
    paras, cur = [], []
    prev = None
    for l in lines:
        if not l.strip():
            continue
        start = False
        if cur:
            ps = prev.strip()
            if MARKER.match(l) or l.startswith(" ") or l.strip().isupper():
                start = True
            elif len(ps) < 45 or ps.isupper():
                start = True
            elif len(ps) < 70 and (MARKER.match(prev) or ps[-1:] in ".:;"):
                start = True
        if start:
            paras.append(" ".join(s.strip() for s in cur))
            cur = []
        cur.append(l)
        prev = l
    if cur:
        paras.append(" ".join(s.strip() for s in cur))
    # keep double spaces inside lines as written (only the joins are single)
    return paras


def sample_paragraphs():
    """The sample's paragraphs as rasoat's own reflow reads the hard-wrapped
    text (fixtures/sample-paragraphs.txt), so that the .txt and the other
    formats hold the same paragraphs; reflow() above is kept for reference."""
    canon = os.path.join(FIX, "sample-paragraphs.txt")
    with open(canon, encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l]


TNR_STYLES = styles(rpr(font="Times New Roman", size=14))


def build_sample():
    body = ""
    for p in sample_paragraphs():
        is_part = re.match(r"^[IVX]+\. ", p) is not None
        body += para(p, style="Heading1" if is_part else None, jc="both", first_mm=None if is_part else 12.7,
                     before=6, after=0, line=1.15)
    make_docx(os.path.join(FIX, "docx", "sample.docx"), body, sect(), TNR_STYLES)


# ---------------------------------------------------------------- numbering

def lvl(ilvl, fmt, text, start=1, bold=False):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
            '<w:lvlJc w:val="left"/>%s</w:lvl>' % (ilvl, start, fmt, x(text), rpr(bold=True) if bold else ""))


NUMBERING = (XMLDECL + '<w:numbering xmlns:w="%s">' % W +
             '<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman", "%1.", bold=True) +
             lvl(1, "decimal", "%2.") + lvl(2, "lowerLetter", "%3)") + lvl(3, "decimal", "%2.%4.") +
             "</w:abstractNum>"
             '<w:abstractNum w:abstractNumId="1">' + lvl(0, "bullet", "-") + lvl(1, "bullet", "+") +
             "</w:abstractNum>"
             '<w:abstractNum w:abstractNumId="2">' + lvl(0, "upperLetter", "%1.") +
             lvl(1, "lowerRoman", "(%2)") + "</w:abstractNum>"
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">'
             '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
             '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
             "</w:numbering>")

NUM_STYLES = styles(rpr(font="Times New Roman", size=14),
                    '<w:style w:type="paragraph" w:styleId="MucLon"><w:name w:val="Muc lon"/>'
                    '<w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
                    '</w:numPr></w:pPr></w:style>')


def cell(paras_xml, width=4500):
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, paras_xml)


def table(rows):
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>%s</w:tbl>'
            % "".join("<w:tr>%s</w:tr>" % "".join(cell(c) for c in r) for r in rows))


def header_table():
    left = (para(run("UBND HUYỆN PHÙ CỪ"), jc="center") +
            para(run("ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO", bold=True), jc="center") +
            para(run("Số: 85/BC-UBND"), jc="center"))
    right = (para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), jc="center") +
             para(run("Độc lập - Tự do - Hạnh phúc", bold=True), jc="center") +
             para(run("Đình Cao, ngày 16 tháng 6 năm 2023", italic=True), jc="right"))
    return table([[left, right]])


def build_numbered():
    body = header_table()
    body += para(run("BÁO CÁO", bold=True), jc="center")
    body += para("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023", jc="center")
    H = lambda text, l: para(text, style="Heading%d" % (l + 1), num=(1, l))
    body += H("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 0)          # I.
    body += H("Về tổ chức chỉ đạo, điều hành cải cách hành chính", 1)         # 1.
    body += para("Đã tổ chức triển khai thực hiện các nhiệm vụ.", first_mm=12.7)
    body += H("Về Kế hoạch cải cách hành chính", 1)                         # 2.
    body += H("Kết quả tổ chức thi hành pháp luật", 2)                       # a)
    body += H("Kết quả kiểm tra, rà soát văn bản", 2)                        # b)
    body += para("Chi tiết thứ nhất", num=(1, 3))                            # 2.1.
    body += para("Chi tiết thứ hai", num=(1, 3))                             # 2.2.
    body += para("Kết quả tiếp nhận hồ sơ", num=(2, 0))                      # -
    body += para("Đúng hạn", num=(2, 1))                                     # +
    body += para("KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", style="MucLon")  # II. via style
    body += H("Cải cách thể chế", 1)                                        # 1. (restarted)
    body += para("đ) Mục viết tay theo bảng chữ cái tiếng Việt")            # hand-written, no label
    body += para("Mục bắt đầu từ năm", num=(3, 1))                           # 5. (startOverride)
    body += para("Mục tiếp theo", num=(3, 1))                                # 6.
    body += para("Phụ lục chữ", num=(4, 0))                                  # A.
    body += para("Ý thứ nhất", num=(4, 1))                                   # (i)
    body += para("Ý thứ hai", num=(4, 1))                                    # (ii)
    body += para("Ý thứ ba", num=(4, 1))                                     # (iii)
    body += para("Không đánh số", num=(0, 0))                                # numId 0: none
    sig_left = para(run("Nơi nhận:", bold=True, italic=True, size=12)) + para(run("- Lưu: VT.", size=11))
    sig_right = para(run("TM. ỦY BAN NHÂN DÂN", bold=True), jc="center") + para(run("CHỦ TỊCH", bold=True), jc="center")
    inner = table([[para("Ô lồng 1"), para("Ô lồng 2")]])
    body += table([[sig_left, sig_right], [para("Dòng 2 ô 1") + inner, para("Dòng 2 ô 2")]])
    body += para("Đoạn sau bảng")
    make_docx(os.path.join(FIX, "docx", "numbered.docx"), body, sect(), NUM_STYLES, numbering=NUMBERING)


# ---------------------------------------------------------------- tracked changes, fields, parts

def build_tracked():
    ins = ('<w:ins w:id="1" w:author="Văn thư" w:date="2023-06-15T08:00:00Z">%s</w:ins>'
           % run("mười hai "))
    dele = ('<w:del w:id="2" w:author="Văn thư" w:date="2023-06-15T08:00:00Z"><w:r><w:delText>mười một '
            '</w:delText></w:r></w:del>')
    body = para("Đoạn đầu không có thay đổi.")
    body += para(run("Trong kỳ đã ban hành ") + ins + dele + run("kế hoạch."))
    body += para(run("Đoạn ") + '<w:del w:id="3" w:author="A" w:date="2023-06-15T08:00:00Z"><w:r>'
                 '<w:delText>bị xóa hẳn</w:delText></w:r></w:del>' + run("còn lại."))
    # a deleted paragraph mark must not split the text; we keep paragraphs as they are
    make_docx(os.path.join(FIX, "docx", "tracked.docx"), body, sect(), TNR_STYLES)


def build_fields():
    body = para(run("Cột 1") + "<w:r><w:tab/></w:r>" + run("Cột 2") + "<w:r><w:br/></w:r>" +
                run("dòng mới") + "<w:r><w:cr/></w:r>" + run("hết"))
    body += para(run("Trang ") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' +
                 run(" của báo cáo"))
    body += para(run("Ngày lập: ") +
                 '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> DATE \\@ "dd/MM/yyyy" </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 '<w:r><w:t>16/06/2023</w:t></w:r>'
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" xong."))
    body += para(run("Có chú thích") + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                 '<w:footnoteReference w:id="1"/></w:r>' + run(" ở cuối trang."))
    body += para(run("Chữ ") + '<w:r><w:t>dính</w:t></w:r><w:proofErr w:type="spellStart"/>'
                 '<w:r><w:t xml:space="preserve"> liền</w:t></w:r>' +
                 '<w:hyperlink w:anchor="muc1"><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r></w:hyperlink>' +
                 '<w:smartTag><w:r><w:t xml:space="preserve"> thẻ</w:t></w:r></w:smartTag>')
    footnotes = (XMLDECL + '<w:footnotes xmlns:w="%s">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote>'
                 '</w:footnotes>' % (W, run(" Theo Kế hoạch số 09/KH-UBND ngày 09/01/2023.")))
    header = XMLDECL + '<w:hdr xmlns:w="%s">%s</w:hdr>' % (W, para("UBND XÃ ĐÌNH CAO - đầu trang"))
    footer = XMLDECL + '<w:ftr xmlns:w="%s">%s</w:ftr>' % (W, para("Trang chân"))
    refs = ('<w:headerReference w:type="default" r:id="rIdH1"/>'
            '<w:footerReference w:type="default" r:id="rIdF1"/>')
    make_docx(os.path.join(FIX, "docx", "fields.docx"), body, sect(refs=refs), TNR_STYLES,
              others=[("footnotes.xml", "footnotes",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", footnotes, "rIdFn"),
                      ("header1.xml", "header",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", header, "rIdH1"),
                      ("footer1.xml", "footer",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml", footer, "rIdF1")])


# ---------------------------------------------------------------- fonts and layout

def theme(minor, major):
    return (XMLDECL + '<a:theme xmlns:a="%s" name="Office Theme"><a:themeElements>'
            '<a:clrScheme name="Office"/><a:fontScheme name="Office">'
            '<a:majorFont><a:latin typeface="%s"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
            '<a:minorFont><a:latin typeface="%s"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
            '</a:fontScheme><a:fmtScheme name="Office"/></a:themeElements></a:theme>' % (A, major, minor))


def build_theme_fonts():
    st = styles(rpr(theme="minorHAnsi", size=13),
                '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
                '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="BodyIndent"><w:name w:val="Body Text Indent"/>'
                '<w:basedOn w:val="BodyText"/><w:pPr><w:ind w:firstLine="720"/><w:jc w:val="both"/>'
                '<w:spacing w:before="120" w:after="60" w:line="360" w:lineRule="auto"/></w:pPr></w:style>'
                '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
                '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>'
                '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>')
    body = para(run("BÁO CÁO TIÊU ĐỀ"), style="Title", jc="center")
    body += para(run("Đoạn văn thân bài "), style="BodyIndent")
    body += para(run("Thường ") + '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>đậm</w:t></w:r>' +
                 run(" nghiêng", italic=True) + run(" cỡ", size=12) + run(" tiếp", size=12),
                 style="BodyText")
    body += para(run("Mặc định"))
    make_docx(os.path.join(FIX, "docx", "theme-fonts.docx"), body, sect(), st,
              theme=theme("Times New Roman", "Times New Roman"))


def build_layout_pair():
    paras = sample_paragraphs()[:25]
    for name, font, size, margins in (("arial-11-10mm", "Arial", 11, (10, 10, 10, 10)),
                                      ("tnr-14-ok", "Times New Roman", 14, (20, 20, 30, 15))):
        body = "".join(para(p, jc="both", first_mm=12.7, before=6, line=1.0) for p in paras)
        t, b, l, r = margins
        make_docx(os.path.join(FIX, "docx", name + ".docx"), body, sect(top=t, bottom=b, left=l, right=r),
                  styles(rpr(font=font, size=size)))


# ---------------------------------------------------------------- the clean Decree 30 report
# A commune's six-month CCHC report laid out as Decree 30/2020 asks. Shared
# by build_decree30_clean() here and by odt.py (import ooxml). Kinds: h1
# (I.), h2 (1.), h3 (a)), p (body), dash (- list item), plus (+ list item).
D30_AGENCY_PARENT = "UBND HUYỆN KIM ĐỘNG"
D30_AGENCY = "ỦY BAN NHÂN DÂN XÃ TOÀN THẮNG"
D30_NUMBER = "Số: 85/BC-UBND"
D30_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
D30_MOTTO = "Độc lập - Tự do - Hạnh phúc"
D30_PLACE_DATE = "Toàn Thắng, ngày 16 tháng 6 năm 2023"
D30_TYPE = "BÁO CÁO"
D30_SUMMARY = ("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023, "
               "phương hướng, nhiệm vụ 6 tháng cuối năm 2023")
D30_BODY = [
    ("h1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    ("h2", "Về kế hoạch cải cách hành chính"),
    ("p", "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của Ủy ban nhân dân huyện Kim Động về cải cách "
          "hành chính nhà nước huyện Kim Động năm 2023, Ủy ban nhân dân xã đã ban hành Kế hoạch số 05/KH-UBND "
          "ngày 09/01/2023 của Ủy ban nhân dân xã Toàn Thắng về cải cách hành chính nhà nước xã Toàn Thắng "
          "năm 2023, trong đó xác định 24 nhiệm vụ, phân công cụ thể cho từng công chức chuyên môn và định "
          "rõ thời hạn hoàn thành."),
    ("p", "Tính đến ngày 14/6/2023, xã đã hoàn thành 11 nhiệm vụ, 13 nhiệm vụ đang triển khai theo tiến độ "
          "của kế hoạch; không có nhiệm vụ chậm so với thời hạn đã đề ra."),
    ("h2", "Về công tác tuyên truyền cải cách hành chính"),
    ("p", "Ủy ban nhân dân xã ban hành Kế hoạch số 06/KH-UBND ngày 10/01/2023 của Ủy ban nhân dân xã Toàn "
          "Thắng về tuyên truyền cải cách hành chính năm 2023. Nội dung tuyên truyền tập trung vào Chương "
          "trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 ban hành kèm theo Nghị quyết "
          "số 76/NQ-CP ngày 15/7/2021 của Chính phủ về việc ban hành Chương trình tổng thể cải cách hành "
          "chính nhà nước giai đoạn 2021 - 2030, các thủ tục hành chính thuộc thẩm quyền giải quyết của "
          "cấp xã và việc nộp hồ sơ trực tuyến."),
    ("p", "Hình thức tuyên truyền gồm:"),
    ("dash", "Phát 36 tin, bài trên hệ thống truyền thanh của xã;"),
    ("dash", "Đăng tải 18 tin, bài trên Trang thông tin điện tử của xã;"),
    ("dash", "Lồng ghép nội dung cải cách hành chính tại 06 hội nghị, cuộc họp thôn với 540 lượt người tham dự."),
    ("h2", "Về công tác kiểm tra cải cách hành chính"),
    ("p", "Chủ tịch Ủy ban nhân dân xã đã ban hành Quyết định số 15/QĐ-UBND ngày 20/3/2023 "
          "của Ủy ban nhân dân xã Toàn Thắng về việc thành lập Tổ kiểm tra công vụ năm 2023. Tổ kiểm tra "
          "đã kiểm tra đột xuất 02 lần việc chấp hành giờ giấc làm việc và thái độ phục vụ người dân tại "
          "Bộ phận Tiếp nhận và Trả kết quả của xã; qua kiểm tra, không phát hiện trường hợp vi phạm."),
    ("h1", "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH"),
    ("h2", "Cải cách thể chế"),
    ("h3", "Công tác xây dựng, ban hành văn bản quy phạm pháp luật"),
    ("p", "Từ ngày 15/12/2022 đến ngày 14/6/2023, Hội đồng nhân dân và Ủy ban nhân dân xã không ban hành văn "
          "bản quy phạm pháp luật."),
    ("h3", "Công tác kiểm tra, rà soát văn bản"),
    ("p", "Ủy ban nhân dân xã đã rà soát 17 văn bản do xã ban hành từ năm 2019 đến năm 2022; kết quả rà soát "
          "không phát hiện văn bản có nội dung trái pháp luật hoặc không còn phù hợp với thực tiễn."),
    ("h3", "Công tác phổ biến, giáo dục pháp luật"),
    ("p", "Ủy ban nhân dân xã phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức 03 hội nghị phổ biến, giáo dục "
          "pháp luật với 410 lượt người tham dự; nội dung tập trung vào Luật Thực hiện dân chủ ở cơ sở, Luật "
          "Hòa giải ở cơ sở và Luật Phòng, chống bạo lực gia đình."),
    ("h2", "Cải cách thủ tục hành chính"),
    ("h3", "Kiểm soát và công khai thủ tục hành chính"),
    ("p", "Ngày 09/02/2023, Ủy ban nhân dân xã ban hành Kế hoạch số 12/KH-UBND ngày 09/02/2023 của Ủy ban "
          "nhân dân xã Toàn Thắng về kiểm soát thủ tục hành chính năm 2023. Ủy ban nhân dân xã công khai đầy "
          "đủ 126 thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã tại Bộ phận Tiếp nhận và Trả kết "
          "quả và trên Trang thông tin điện tử của xã."),
    ("h3", "Thực hiện cơ chế một cửa, một cửa liên thông"),
    ("p", "Ủy ban nhân dân xã thực hiện cơ chế một cửa, một cửa liên thông theo Nghị định số 61/2018/NĐ-CP "
          "ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ "
          "tục hành chính. Từ ngày 15/12/2022 đến ngày 14/6/2023, Bộ phận Tiếp nhận và Trả kết quả của xã "
          "tiếp nhận 1.248 hồ sơ, trong đó 1.103 hồ sơ nộp trực tuyến (chiếm tỷ lệ 88,38%). Kết quả giải quyết:"),
    ("dash", "Đã giải quyết trước và đúng hạn: 1.240 hồ sơ;"),
    ("dash", "Đang giải quyết, chưa đến hạn: 8 hồ sơ;"),
    ("dash", "Quá hạn: không có."),
    ("h3", "Tiếp nhận, xử lý phản ánh, kiến nghị"),
    ("p", "Trong kỳ báo cáo, Ủy ban nhân dân xã không nhận được phản ánh, kiến nghị nào của cá nhân, tổ chức về "
          "quy định hành chính và việc giải quyết thủ tục hành chính."),
    ("h2", "Cải cách tổ chức bộ máy"),
    ("p", "Tổng số cán bộ, công chức xã là 21 người, gồm 11 cán bộ và 10 công chức. Trong đó, 19/21 người có "
          "trình độ đại học (chiếm tỷ lệ 90,48%); 16/21 người có trình độ lý luận chính trị trung cấp trở lên "
          "(chiếm tỷ lệ 76,19%)."),
    ("p", "Ủy ban nhân dân xã tiếp tục thực hiện Nghị định số 34/2019/NĐ-CP ngày 24/4/2019 của Chính phủ sửa "
          "đổi, bổ sung một số quy định về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp "
          "xã, ở thôn, tổ dân phố; rà soát, sắp xếp người hoạt động không chuyên trách ở thôn bảo đảm đúng số "
          "lượng được giao."),
    ("h2", "Cải cách chế độ công vụ"),
    ("p", "Ủy ban nhân dân xã cử 07 lượt cán bộ, công chức tham gia các lớp bồi dưỡng, tập huấn chuyên môn, "
          "nghiệp vụ do huyện tổ chức. Cán bộ, công chức xã chấp hành nghiêm kỷ luật, kỷ cương hành chính "
          "và quy tắc ứng xử trong thi hành công vụ; trong kỳ không có cán bộ, công chức vi phạm phải xử lý "
          "kỷ luật."),
    ("h2", "Cải cách tài chính công"),
    ("p", "Dự toán thu ngân sách xã năm 2023 được giao là 6.489.000.000 đồng. Tổng thu ngân sách xã 6 tháng đầu "
          "năm 2023 là 3.512.460.000 đồng, đạt 54,13% dự toán. Ủy ban nhân dân xã thực hiện công khai dự toán, "
          "quyết toán ngân sách và quản lý, sử dụng tài sản công theo đúng quy định."),
    ("h2", "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số"),
    ("p", "Ủy ban nhân dân xã triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ về việc "
          "phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển "
          "đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 và Nghị định số 42/2022/NĐ-CP ngày "
          "24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan "
          "nhà nước trên môi trường mạng."),
    ("p", "Toàn bộ văn bản đi, văn bản đến của Ủy ban nhân dân xã (trừ văn bản mật) được xử lý trên phần mềm "
          "quản lý văn bản và điều hành; 21/21 cán bộ, công chức được cấp tài khoản thư điện tử công vụ và "
          "chữ ký số cá nhân."),
    ("h1", "ĐÁNH GIÁ CHUNG"),
    ("h2", "Kết quả đạt được"),
    ("p", "Công tác cải cách hành chính được Đảng ủy, Ủy ban nhân dân xã quan tâm chỉ đạo thường xuyên; thủ tục "
          "hành chính được công khai đầy đủ; hồ sơ của người dân được giải quyết đúng hạn, không có hồ sơ quá "
          "hạn; tỷ lệ hồ sơ nộp trực tuyến tăng so với cùng kỳ năm trước."),
    ("h2", "Tồn tại, hạn chế và nguyên nhân"),
    ("p", "Một số người dân cao tuổi còn lúng túng khi nộp hồ sơ trực tuyến; trang thiết bị của Bộ phận Tiếp nhận "
          "và Trả kết quả đã sử dụng nhiều năm, thường xuyên hỏng hóc. Nguyên nhân chủ yếu là kinh phí của xã "
          "còn hạn hẹp và kỹ năng sử dụng thiết bị thông minh của một bộ phận người dân còn hạn chế."),
    ("h1", "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023"),
    ("h2", "Tiếp tục thực hiện Kế hoạch số 05/KH-UBND, hoàn thành 13 nhiệm vụ còn lại trước ngày 15/12/2023."),
    ("h2", "Đẩy mạnh hướng dẫn người dân nộp hồ sơ trực tuyến; duy trì công khai thủ tục hành chính tại Bộ phận "
           "Tiếp nhận và Trả kết quả."),
    ("h2", "Tăng cường kiểm tra công vụ, bảo đảm kỷ luật, kỷ cương hành chính."),
    ("h1", "KIẾN NGHỊ, ĐỀ XUẤT"),
    ("p", "Đề nghị Ủy ban nhân dân huyện Kim Động quan tâm hỗ trợ kinh phí thay thế máy tính, máy quét tài liệu "
          "cho Bộ phận Tiếp nhận và Trả kết quả của xã."),
    ("p", "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023, phương hướng, "
          "nhiệm vụ 6 tháng cuối năm 2023 của Ủy ban nhân dân xã Toàn Thắng./."),
]
D30_RECIPIENTS = [
    "- Sở Nội vụ tỉnh Hưng Yên;",
    "- Phòng Nội vụ huyện Kim Động;",
    "- Thường trực Đảng ủy xã;",
    "- Chủ tịch, các Phó Chủ tịch UBND xã;",
    "- Lưu: VT, VP.",
]
D30_SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"]

def d30_lvl(ilvl, fmt, text, bold=False, italic=False):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
            '<w:lvlJc w:val="left"/><w:suff w:val="space"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr>%s</w:lvl>'
            % (ilvl, fmt, x(text), rpr(bold=bold or None, italic=italic or None)))


# numId 1: I. / 1. / a) (the outline); numId 2: - / + (lists)
D30_NUMBERING = (XMLDECL + '<w:numbering xmlns:w="%s">' % W +
                 '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
                 d30_lvl(0, "upperRoman", "%1.", bold=True) + d30_lvl(1, "decimal", "%2.", bold=True) +
                 d30_lvl(2, "lowerLetter", "%3)", italic=True) + "</w:abstractNum>"
                 '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>' +
                 d30_lvl(0, "bullet", "-") + d30_lvl(1, "bullet", "+") + "</w:abstractNum>"
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 "</w:numbering>")

D30_STYLES = styles(rpr(font="Times New Roman", size=14),
                    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
                    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
                    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')


def d30_table(left, right, wl, wr):
    """A two-column table without borders (header, signature)."""
    return ('<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>'
            '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
            '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
            '<w:tblLayout w:type="fixed"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>'
            '<w:tr>%s%s</w:tr></w:tbl>' % (wl + wr, wl, wr, cell(left, wl), cell(right, wr)))


def build_decree30_clean():
    """fixtures/docx/decree30-clean.docx: a commune's six-month CCHC report
    laid out exactly as Decree 30/2020 asks (A4 portrait, margins 20/20/30/15
    mm, Times New Roman, header and signature tables, automatic numbering);
    every pack must stay silent on it."""
    tight = dict(before=0, after=0, line=1.0)
    C = lambda text, **f: para(run(text, **f), jc="center", **tight)
    left = (C(D30_AGENCY_PARENT, size=13) + C(D30_AGENCY, size=13, bold=True) + C(D30_NUMBER, size=13))
    right = (C(D30_NATIONAL, size=13, bold=True) + C(D30_MOTTO, size=14, bold=True) +
             para(run(D30_PLACE_DATE, size=14, italic=True), jc="center", before=6, after=0, line=1.0))
    body = d30_table(left, right, 3600, 5755)
    body += para(run(D30_TYPE, size=14, bold=True), jc="center", before=18, after=0, line=1.0)
    body += para(run(D30_SUMMARY, size=14, bold=True), jc="center", before=0, after=12, line=1.0)
    level = {"h1": 0, "h2": 1, "h3": 2}
    for kind, text in D30_BODY:
        fmt = dict(jc="both", first_mm=12.7, before=6, after=0, line=1.15)
        if kind in level:
            bold = kind != "h3"
            long_item = len(text) > 120 or text.endswith(".")
            r = run(text, bold=None if long_item else (bold or None), italic=True if kind == "h3" else None)
            body += para(r, num=(1, level[kind]), **fmt)
        elif kind == "dash":
            body += para(run(text), num=(2, 0), **fmt)
        else:
            body += para(run(text), **fmt)
    sig_left = para(run("Nơi nhận:", size=12, bold=True, italic=True), jc="left", **tight)
    sig_left += "".join(para(run(r, size=11), jc="left", **tight) for r in D30_RECIPIENTS)
    auth, title, name = D30_SIGNATURE
    sig_right = C(auth, size=14, bold=True) + C(title, size=14, bold=True)
    sig_right += "".join(para("", jc="center", **tight) for _ in range(4))
    sig_right += C(name, size=14, bold=True)
    body += para("", before=6, after=0, line=1.0)
    body += d30_table(sig_left, sig_right, 4500, 4855)
    make_docx(os.path.join(FIX, "docx", "decree30-clean.docx"), body, sect(), D30_STYLES, numbering=D30_NUMBERING)


def d30_body_plain(**fmt):
    """The clean report's body as plain paragraphs (markers written in the text)."""
    out, n = "", [0, 0, 0]
    roman = ["I", "II", "III", "IV", "V", "VI"]
    for kind, text in D30_BODY:
        if kind == "h1":
            n = [n[0] + 1, 0, 0]
            out += para(run("%s. %s" % (roman[n[0] - 1], text), bold=True), **fmt)
        elif kind == "h2":
            n = [n[0], n[1] + 1, 0]
            out += para(run("%d. %s" % (n[1], text), bold=True), **fmt)
        elif kind == "h3":
            n[2] += 1
            out += para(run("%s) %s" % ("abcd"[n[2] - 1], text), italic=True), **fmt)
        elif kind == "dash":
            out += para(run("- " + text), **fmt)
        else:
            out += para(run(text), **fmt)
    return out


def build_layout_defects():
    """Layout fixtures for the format/ pack, each with one kind of defect
    and the rest as Decree 30 asks (Times New Roman 14 pt)."""
    good = dict(jc="both", first_mm=12.7, before=6, after=0, line=1.15)
    # US Letter, landscape (279.4 x 215.9 mm); margins as the decree asks
    make_docx(os.path.join(FIX, "docx", "letter-landscape.docx"), d30_body_plain(**good),
              sect(width=279.4, height=215.9).replace("<w:pgSz ", '<w:pgSz w:orient="landscape" '), TNR_STYLES)
    # A4 turned landscape, no table in the content
    make_docx(os.path.join(FIX, "docx", "a4-landscape.docx"), d30_body_plain(**good),
              sect(width=297, height=210).replace("<w:pgSz ", '<w:pgSz w:orient="landscape" '), TNR_STYLES)
    # left-aligned, first-line indent 5 mm, no space between paragraphs, double line spacing
    make_docx(os.path.join(FIX, "docx", "bad-paragraph.docx"),
              d30_body_plain(jc="left", first_mm=5, before=0, after=0, line=2.0), sect(), TNR_STYLES)
    # the header and the recipients styled wrongly: Quốc hiệu 14 pt not bold,
    # Tiêu ngữ not bold, the date upright, "Nơi nhận:" 14 pt upright, the
    # recipient lines 13 pt; everything else right
    tight = dict(before=0, after=0, line=1.0)
    C = lambda text, **f: para(run(text, **f), jc="center", **tight)
    left = C(D30_AGENCY_PARENT, size=13) + C(D30_AGENCY, size=13, bold=True) + C(D30_NUMBER, size=13)
    right = (C(D30_NATIONAL, size=14) + C(D30_MOTTO, size=14) + C(D30_PLACE_DATE, size=14))
    body = d30_table(left, right, 3600, 5755)
    body += para(run(D30_TYPE, size=14, bold=True), jc="center", before=18, after=0, line=1.0)
    body += para(run(D30_SUMMARY, size=14, bold=True), jc="center", before=0, after=12, line=1.0)
    body += d30_body_plain(**good)
    sig_left = para(run("Nơi nhận:", size=14, bold=True), jc="left", **tight)
    sig_left += "".join(para(run(r, size=13), jc="left", **tight) for r in D30_RECIPIENTS)
    auth, title, name = D30_SIGNATURE
    sig_right = C(auth, size=14, bold=True) + C(title, size=14, bold=True)
    sig_right += "".join(para("", jc="center", **tight) for _ in range(4)) + C(name, size=14, bold=True)
    body += d30_table(sig_left, sig_right, 4500, 4855)
    make_docx(os.path.join(FIX, "docx", "bad-components.docx"), body, sect(), TNR_STYLES)


# ---------------------------------------------------------------- registers

REGISTER = [
    ("09/KH-UBND", "09/01/2023", "Kế hoạch cải cách hành chính nhà nước xã Đình Cao năm 2023"),
    ("10/KH-UBND", "10/01/2023", "Kế hoạch tuyên truyền cải cách hành chính xã Đình Cao năm 2023"),
    ("13/KH-UBND", "16/01/2023", "Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023"),
    ("14/KH-UBND", "16/01/2023", "Kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2023"),
    ("01/QĐ-UBND", "03/01/2023", "Quyết định giao dự toán thu, chi ngân sách năm 2023"),
    ("03A/QĐ-UBND", "05/01/2023", "Quyết định ban hành Quy chế chi tiêu nội bộ năm 2023"),
    ("14/QĐ-UBND", "13/01/2023", "Quyết định ban hành Quy chế quản lý, sử dụng tài sản công"),
    ("11/QĐ-UBND", "15/01/2022", "Quyết định kiện toàn Bộ phận Tiếp nhận và Trả kết quả"),
    ("22/QĐ-UBND", "27/01/2023", "Quyết định thực hiện tiết kiệm chi thường xuyên năm 2023"),
    ("24/QĐ-UBND", "09/02/2023", "Quyết định ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2023"),
    ("23/KH-UBND", "27/02/2023", "Kế hoạch thực hiện công tác văn thư, lưu trữ năm 2023"),
    ("33/KH-UBND", "10/03/2023", "Kế hoạch thực hiện hệ thống hóa văn bản quy phạm pháp luật kỳ 2019-2023"),
    ("40/KH-UBND", "24/03/2023", "Kế hoạch phát triển chính quyền điện tử, chuyển đổi số năm 2023"),
]
AGENCY = "UBND xã Đình Cao"
HEADERS = ["so_ky_hieu", "ngay", "trich_yeu", "co_quan_ban_hanh"]


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(d, date1904=False):
    base = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    return (d - base).days


def parse_dmy(s):
    d, m, y = (int(v) for v in s.split("/"))
    return datetime.date(y, m, d)


class Sheet:
    """Cells: dict (row, col) -> xml of <c> content without the r attribute."""

    def __init__(self, name):
        self.name = name
        self.cells = {}


class Workbook:
    def __init__(self, date1904=False):
        self.sheets = []
        self.sst = []
        self.sst_index = {}
        self.date1904 = date1904

    def sheet(self, name):
        s = Sheet(name)
        self.sheets.append(s)
        return s

    def shared(self, text, rich=None):
        key = rich or text
        if key not in self.sst_index:
            self.sst_index[key] = len(self.sst)
            self.sst.append((text, rich))
        return self.sst_index[key]

    def put_str(self, sh, r, c, text):
        sh.cells[(r, c)] = ('t="s"', "<v>%d</v>" % self.shared(text))

    def put_rich(self, sh, r, c, runs):
        sh.cells[(r, c)] = ('t="s"', "<v>%d</v>" % self.shared("".join(runs), tuple(runs)))

    def put_inline(self, sh, r, c, text):
        sh.cells[(r, c)] = ('t="inlineStr"', '<is><t xml:space="preserve">%s</t></is>' % x(text))

    def put_num(self, sh, r, c, v, style=0):
        sh.cells[(r, c)] = (('s="%d"' % style) if style else "", "<v>%s</v>" % repr(v))

    def put_bool(self, sh, r, c, v):
        sh.cells[(r, c)] = ('t="b"', "<v>%d</v>" % (1 if v else 0))

    def save(self, path):
        parts = []
        ct = (XMLDECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
              '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        for i in range(len(self.sheets)):
            ct += ('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
        ct += "</Types>"
        parts.append(("[Content_Types].xml", ct))
        parts.append(("_rels/.rels", XMLDECL + '<Relationships xmlns="%s"><Relationship Id="rId1" '
                      'Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG_REL, RT)))
        wb = (XMLDECL + '<workbook xmlns="%s" xmlns:r="%s">%s<sheets>' %
              (SS, R, '<workbookPr date1904="1"/>' if self.date1904 else '<workbookPr/>'))
        # the rIds are deliberately not in sheet order, so that the reader must use the rels
        n = len(self.sheets)
        for i, s in enumerate(self.sheets):
            wb += '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (x(s.name), i + 1, n - i)
        wb += "</sheets></workbook>"
        parts.append(("xl/workbook.xml", wb))
        rl = [("rId%d" % (n - i), "worksheet", "worksheets/sheet%d.xml" % (i + 1)) for i in range(n)]
        rl += [("rIdS", "styles", "styles.xml"), ("rIdSS", "sharedStrings", "sharedStrings.xml")]
        parts.append(("xl/_rels/workbook.xml.rels", rels(rl)))
        parts.append(("xl/styles.xml", XMLDECL +
                      '<styleSheet xmlns="%s"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>'
                      '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>'
                      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                      '<borders count="1"><border/></borders>'
                      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      '</cellXfs></styleSheet>' % SS))
        sst = XMLDECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (SS, len(self.sst), len(self.sst))
        for text, rich in self.sst:
            if rich:
                sst += "<si>" + "".join('<r>%s<t xml:space="preserve">%s</t></r>' %
                                        ("<rPr><b/></rPr>" if k % 2 else "", x(t))
                                        for k, t in enumerate(rich)) + "<rPh><t>PHONETIC</t></rPh></si>"
            else:
                sst += '<si><t xml:space="preserve">%s</t></si>' % x(text)
        sst += "</sst>"
        parts.append(("xl/sharedStrings.xml", sst))
        for i, s in enumerate(self.sheets):
            rows = {}
            for (r, c), v in s.cells.items():
                rows.setdefault(r, []).append((c, v))
            xml = XMLDECL + '<worksheet xmlns="%s"><sheetData>' % SS
            for r in sorted(rows):
                xml += '<row r="%d">' % (r + 1)
                for c, (attrs, inner) in sorted(rows[r]):
                    xml += '<c r="%s%d" %s>%s</c>' % (col_name(c), r + 1, attrs, inner)
                xml += "</row>"
            xml += "</sheetData></worksheet>"
            parts.append(("xl/worksheets/sheet%d.xml" % (i + 1), xml))
        write_zip(path, parts)


def build_registers():
    data = os.path.join(FIX, "data")
    os.makedirs(data, exist_ok=True)
    with open(os.path.join(data, "register.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(HEADERS) + "\n")
        for so, ngay, ty in REGISTER:
            vals = [so, ngay, ty, AGENCY]
            f.write(",".join('"%s"' % v.replace('"', '""') if ("," in v or '"' in v) else v
                             for v in vals) + "\n")
    for name, real in (("register.xlsx", True), ("register-text.xlsx", False)):
        wb = Workbook()
        sh = wb.sheet("Sổ văn bản")
        for c, h in enumerate(HEADERS):
            wb.put_str(sh, 0, c, h)
        for r, (so, ngay, ty) in enumerate(REGISTER, start=1):
            wb.put_str(sh, r, 0, so)
            if real:
                # alternate the built-in date format (14) and a custom one (164)
                wb.put_num(sh, r, 1, excel_serial(parse_dmy(ngay)), style=1 if r % 2 else 2)
            else:
                wb.put_str(sh, r, 1, ngay)
            wb.put_str(sh, r, 2, ty)
            wb.put_str(sh, r, 3, AGENCY)
        other = wb.sheet("Ghi chú")
        wb.put_str(other, 0, 0, "ghi_chu")
        wb.put_str(other, 1, 0, "Sổ đăng ký văn bản đi năm 2023")
        wb.save(os.path.join(data, name))
    # every cell kind, sparse columns, a second sheet picked by name
    wb = Workbook()
    first = wb.sheet("Đầu")
    wb.put_str(first, 0, 0, "x")
    wb.put_str(first, 1, 0, "đầu")
    sh = wb.sheet("Cells")
    for c, h in enumerate(["text", "inline", "int", "real", "bool", "date", "time", "rich"]):
        wb.put_str(sh, 0, c, h)
    wb.put_str(sh, 0, 27, "ab")                      # AB1
    wb.put_str(sh, 1, 0, "  chữ  ")
    wb.put_inline(sh, 1, 1, "nội tuyến")
    wb.put_num(sh, 1, 2, 42)
    wb.put_num(sh, 1, 3, 3.25)
    wb.put_bool(sh, 1, 4, True)
    wb.put_num(sh, 1, 5, 60, style=1)                # 29/02/1900 (the 1900 leap-year bug)
    wb.put_num(sh, 1, 6, 0.5, style=3)               # [h]:mm:ss is not a date
    wb.put_rich(sh, 1, 7, ["Ủy ban ", "nhân dân"])
    wb.put_num(sh, 1, 27, 1234567, style=4)          # AB2, number format #,##0.00: still a number
    # row 3 is sparse: only C3 and F3
    wb.put_num(sh, 2, 2, -7)
    wb.put_num(sh, 2, 5, 45092, style=2)             # 15/06/2023
    wb.put_bool(sh, 2, 4, False)
    wb.put_num(sh, 3, 5, 59, style=1)                # 28/02/1900
    wb.put_num(sh, 3, 3, 1e-7)
    wb.save(os.path.join(data, "cells.xlsx"))
    wb = Workbook(date1904=True)
    sh = wb.sheet("Sheet1")
    wb.put_str(sh, 0, 0, "ngay")
    wb.put_num(sh, 1, 0, excel_serial(datetime.date(2023, 1, 9), True), style=1)
    wb.save(os.path.join(data, "date1904.xlsx"))


# ---------------------------------------------------------------- hostile packages

def min_docx_parts(document_xml):
    return [("[Content_Types].xml", content_types()), ("_rels/.rels", ROOT_RELS),
            ("word/_rels/document.xml.rels", rels([("rIdStyles", "styles", "styles.xml")])),
            ("word/styles.xml", TNR_STYLES), ("word/document.xml", document_xml)]


def bomb(path, size, lie=None):
    """A docx whose word/document.xml inflates to `size` bytes of zeros,
    deflated by streaming (never held in memory). With lie, the sizes in the
    headers are replaced by that value (a lying archive)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in min_docx_parts("")[:-1]:
            zi = zipfile.ZipInfo(name, DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        zi = zipfile.ZipInfo("word/document.xml", DATE)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.file_size = size
        chunk = b"\0" * (1 << 20)
        with z.open(zi, "w") as f:
            left = size
            while left > 0:
                n = min(left, len(chunk))
                f.write(chunk[:n])
                left -= n
    if lie is not None:
        data = bytearray(open(path, "rb").read())
        name = b"word/document.xml"
        # local header: sig PK\3\4, sizes at +22 (uncompressed); central: PK\1\2, +24
        for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            pos = 0
            while True:
                pos = data.find(sig, pos)
                if pos < 0:
                    break
                nlen_off = 26 if sig == b"PK\x03\x04" else 28
                nlen = struct.unpack_from("<H", data, pos + nlen_off)[0]
                hdr = 30 if sig == b"PK\x03\x04" else 46
                if bytes(data[pos + hdr:pos + hdr + nlen]) == name:
                    struct.pack_into("<I", data, pos + off, lie)
                pos += 4
        open(path, "wb").write(bytes(data))


def build_hostile():
    h = os.path.join(FIX, "hostile")
    os.makedirs(h, exist_ok=True)
    bomb(os.path.join(h, "zip-bomb.docx"), 1 << 30)
    bomb(os.path.join(h, "zip-bomb-lying.docx"), 64 << 20, lie=4096)
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' +
              "".join('<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                      for i in range(1, 10)) +
              ']>\n<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % W)
    write_zip(os.path.join(h, "billion-laughs.docx"), min_docx_parts(laughs))
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
           '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>' % W)
    write_zip(os.path.join(h, "xxe.docx"), min_docx_parts(xxe))
    deep = ('<?xml version="1.0"?>\n<w:document xmlns:w="%s"><w:body>' % W + "<w:p>" * 100000 +
            "</w:p>" * 100000 + "</w:body></w:document>")
    write_zip(os.path.join(h, "deep-nesting.docx"), min_docx_parts(deep))
    # small enough to pass the ratio check: refused by the XML depth limit
    deep = ('<?xml version="1.0"?>\n<w:document xmlns:w="%s"><w:body>' % W + "<w:p>" * 1000 +
            "</w:p>" * 1000 + "</w:body></w:document>")
    write_zip(os.path.join(h, "deep-nesting-1k.docx"), min_docx_parts(deep))
    bad = ('<?xml version="1.0"?>\n<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>Đoạn hỏng'
           '</w:r></w:p></w:body>' % W)
    write_zip(os.path.join(h, "malformed.docx"), min_docx_parts(bad))
    good = open(os.path.join(FIX, "docx", "sample.docx"), "rb").read()
    open(os.path.join(h, "truncated.docx"), "wb").write(good[: len(good) // 2])
    write_zip(os.path.join(h, "no-main-part.docx"), min_docx_parts("")[:-1])
    rnd = random.Random(20230616)
    open(os.path.join(h, "random.docx"), "wb").write(bytes(rnd.getrandbits(8) for _ in range(4096)))
    ole = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(rnd.getrandbits(8) for _ in range(1016))
    open(os.path.join(h, "encrypted.docx"), "wb").write(ole)
    open(os.path.join(h, "legacy.doc"), "wb").write(ole)
    # 200,000 paragraphs; varied text keeps the ratio far below 100:1
    words = ["cải", "cách", "hành", "chính", "xã", "Đình", "Cao", "kế", "hoạch", "thực", "hiện", "năm"]
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="%s"><w:body>' % W)
    for i in range(200000):
        out.write("<w:p><w:r><w:t>%d %s %s</w:t></w:r></w:p>" %
                  (i + 1, words[rnd.randrange(12)], words[rnd.randrange(12)]))
    out.write(sect() + "</w:body></w:document>")
    write_zip(os.path.join(h, "huge-200k.docx"), min_docx_parts(out.getvalue()))


# ---------------------------------------------------------------- scans pasted as pictures

def tiny_png():
    """A 1×1 grey PNG (the reader never decodes pictures; it only counts them)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def picture_run(rid, n, cx=5400000, cy=7600000):
    """An inline DrawingML picture, as Word writes a pasted scan."""
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    return ('<w:r><w:drawing><wp:inline xmlns:wp="%s" distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Picture %d"/>'
            '<a:graphic xmlns:a="%s"><a:graphicData uri="%s"><pic:pic xmlns:pic="%s">'
            '<pic:nvPicPr><pic:cNvPr id="0" name="scan%d.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>' % (wp, cx, cy, n, n, A, pic, pic, n, rid, cx, cy))


def build_scans():
    """scan-only.docx: a signed report scanned and pasted as two page images,
    with no text (and an empty paragraph); picture-and-text.docx: a logo
    above a line of text."""
    img = [("media/image1.png", "image", "image/png", tiny_png(), "rIdImg1")]
    body = para(picture_run("rIdImg1", 1)) + para(picture_run("rIdImg1", 2)) + para("")
    make_docx(os.path.join(FIX, "docx", "scan-only.docx"), body, sect(),
              styles(rpr(font="Times New Roman", size=14)), others=img)
    body = (para(picture_run("rIdImg1", 1, 900000, 900000), jc="center") +
            para("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023", jc="center"))
    make_docx(os.path.join(FIX, "docx", "picture-and-text.docx"), body, sect(),
              styles(rpr(font="Times New Roman", size=14)), others=img)
    build_textboxes()


def build_hidden():
    """hidden.docx: hidden text (w:vanish), direct and from a character
    style, which Word neither shows nor prints."""
    hid = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
    styled = '<w:r><w:rPr><w:rStyle w:val="GhiChu"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>'
    shown = ('<w:r><w:rPr><w:rStyle w:val="GhiChu"/><w:vanish w:val="0"/></w:rPr>'
             '<w:t xml:space="preserve">%s</w:t></w:r>')
    body = (para(run("Báo cáo ") + hid % "GHI CHÚ: xóa trước khi gửi " + run("kết quả cải cách hành chính.")) +
            para(styled % "Hướng dẫn: điền số liệu vào đây") +
            para(run("Số liệu ") + shown % "đã cập nhật" + run(".")))
    extra = ('<w:style w:type="character" w:styleId="GhiChu"><w:name w:val="Ghi chu an"/>'
             '<w:rPr><w:vanish/></w:rPr></w:style>')
    make_docx(os.path.join(FIX, "docx", "hidden.docx"), body, sect(),
              styles(rpr(font="Times New Roman", size=14), extra))


OUTLINE = [("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 1),
           ("II. KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH", 1),
           ("1. Cải cách thể chế", 2), ("2. Cải cách thủ tục hành chính", 2),
           ("3. Cải cách tổ chức bộ máy", 2), ("4. Cải cách chế độ công vụ", 2),
           ("5. Cải cách tài chính công", 2),
           ("6. Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", 2),
           ("III. ĐÁNH GIÁ CHUNG", 1), ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", 1)]


def build_toc():
    """toc.docx: a table of contents as Word makes it (a TOC field whose
    result paragraphs have the "toc 1"/"toc 2" styles, hyperlinks, dot
    leaders and page numbers) before the headings it repeats;
    toc-sdt.docx: the same in Word's "Table of Contents" content control,
    its entries in the Normal style."""
    def entries(style, outline=OUTLINE):
        out = []
        for i, (t, lvl) in enumerate(outline):
            r = ""
            if i == 0:
                r += ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                      'TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
            r += ('<w:hyperlink w:anchor="_Toc%d" w:history="1"><w:r><w:t xml:space="preserve">%s</w:t></w:r>'
                  '<w:r><w:tab/></w:r><w:r><w:t>%d</w:t></w:r></w:hyperlink>' % (i + 1, x(t), i // 2 + 1))
            if i == len(outline) - 1:
                r += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            ppr = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs>'
            out.append(para(r, style=style % lvl if style else None, extra_ppr=ppr))
        return "".join(out)
    heads = "".join(para(t, style="Heading%d" % lvl) + para("Nội dung đã thực hiện trong kỳ.") for t, lvl in OUTLINE)
    extra = ('<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/></w:style>'
             '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/>'
             '<w:basedOn w:val="Heading1"/></w:style>')
    st = styles(rpr(font="Times New Roman", size=14), extra)
    body = para("MỤC LỤC", style="TOCHeading") + entries("TOC%d") + heads
    make_docx(os.path.join(FIX, "docx", "toc.docx"), body, sect(), st)
    sdt = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
           '</w:docPartObj></w:sdtPr><w:sdtContent>%s%s</w:sdtContent></w:sdt>'
           % (para("MỤC LỤC", jc="center"), entries(None)))
    make_docx(os.path.join(FIX, "docx", "toc-sdt.docx"), sdt + heads, sect(), st)
    # a slip in a heading ("ĐÁNH  GIÁ", two spaces) that its entry repeats:
    # reported once, at the heading
    typo = [(t.replace("ĐÁNH GIÁ", "ĐÁNH  GIÁ"), lvl) for t, lvl in OUTLINE]
    heads2 = "".join(para(t, style="Heading%d" % lvl) + para("Nội dung đã thực hiện trong kỳ.") for t, lvl in typo)
    make_docx(os.path.join(FIX, "docx", "toc-typo.docx"),
              para("MỤC LỤC", style="TOCHeading") + entries("TOC%d", typo) + heads2, sect(), st)


def textbox_run(paras_xml, n):
    """A text box as Word writes it: DrawingML (mc:Choice) and the same box
    in VML (mc:Fallback)."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    v = "urn:schemas-microsoft-com:vml"
    content = "<w:txbxContent>%s</w:txbxContent>" % paras_xml
    return ('<w:r><mc:AlternateContent xmlns:mc="%s"><mc:Choice Requires="wps">'
            '<w:drawing><wp:anchor xmlns:wp="%s" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:extent cx="2700000" cy="900000"/><wp:docPr id="%d" name="Text Box %d"/>'
            '<a:graphic xmlns:a="%s"><a:graphicData uri="%s"><wps:wsp xmlns:wps="%s"><wps:cNvSpPr txBox="1"/>'
            '<wps:spPr/><wps:txbx>%s</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="%s" type="#_x0000_t202">'
            '<v:textbox>%s</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
            % (mc, wp, n, n, n, A, wps, wps, content, v, content))


def build_textboxes():
    """textbox.docx: the header block in two text boxes (a box within the
    second), anchored in the first paragraph; textbox-only.docx: all of the
    text in one text box."""
    left = para("ỦY BAN NHÂN DÂN", jc="center") + para("XÃ ĐÌNH CAO", jc="center")
    inner = para("Độc lập - Tự do - Hạnh phúc", jc="center")
    right = para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", jc="center") + para(textbox_run(inner, 3))
    body = (para(textbox_run(left, 1) + run("Số: 125/BC-UBND") + textbox_run(right, 2)) +
            para("BÁO CÁO", jc="center") + para("Kết quả thực hiện công tác cải cách hành chính"))
    make_docx(os.path.join(FIX, "docx", "textbox.docx"), body, sect(), styles(rpr(font="Times New Roman", size=14)))
    body = para(textbox_run(para("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023"), 1)) + para("")
    make_docx(os.path.join(FIX, "docx", "textbox-only.docx"), body, sect(),
              styles(rpr(font="Times New Roman", size=14)))


def main():
    build_sample()
    build_numbered()
    build_tracked()
    build_fields()
    build_theme_fonts()
    build_layout_pair()
    build_decree30_clean()
    build_layout_defects()
    build_registers()
    build_scans()
    build_hidden()
    build_toc()
    if "--no-hostile" not in sys.argv:
        build_hostile()


if __name__ == "__main__":
    main()
