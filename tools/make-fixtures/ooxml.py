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
    with open(SAMPLE, encoding="utf-8") as f:
        return reflow(f.read())


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


def main():
    build_sample()
    build_numbered()
    build_tracked()
    build_fields()
    build_theme_fonts()
    build_layout_pair()
    build_registers()
    if "--no-hostile" not in sys.argv:
        build_hostile()


if __name__ == "__main__":
    main()
