#!/usr/bin/env python3
"""Make the .odt/.html/legacy-encoding/.csv fixtures (python3 stdlib only).

    python3 tools/make-fixtures/odt.py [FIXTURES_DIR]

Writes fixtures/odt/*.odt, fixtures/html/*.html, fixtures/legacy/*.txt,
fixtures/data/*.csv (not register.csv) and the odt/html hostile inputs.
The output is deterministic (fixed zip timestamps) and committed: tests do
not need this script.
"""
import os
import re
import sys
import unicodedata
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures")
SAMPLE = os.path.join(FIX, "dinh-cao-cchc-6-thang-2023.txt")

# ---------------------------------------------------------------- legacy encodings
# TCVN3 (TCVN 5712:1993 VN3, ABC .VnTime): lower-case letters and the seven
# base capitals; .VnTimeH shows capitals from the lower-case codes.
TCVN3 = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
TONES = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}


def split_letter(ch):
    d = unicodedata.normalize("NFD", ch)
    base, mods, tone = d[0], "", ""
    for c in d[1:]:
        if c in TONES:
            tone = c
        else:
            mods += c
    return base, mods, tone


def enc_tcvn3(s):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        elif ch.lower() in TCVN3:  # capital shown through .VnTimeH
            out.append(TCVN3[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
VNI_CIRC = {"": 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}
VNI_BREVE = {"": 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}
VNI_I = {"\u0301": 0xED, "\u0300": 0xEC, "\u0309": 0xE6, "\u0303": 0xF3, "\u0323": 0xF2}


def enc_vni(s):
    """VNI-Windows: base letter then a diacritic byte (capitals: byte - 0x20)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        up = ch != ch.lower()
        U = (lambda b: b - 0x20) if up else (lambda b: b)
        lo = ch.lower()
        base, mods, tone = split_letter(lo)
        B = base.upper() if up else base
        if lo == "đ":
            out.append(U(0xF1))
        elif base == "i" and not mods and tone:
            out.append(U(VNI_I[tone]))
        elif base == "y" and tone == "\u0323" and not mods:
            out.append(U(0xEE))
        elif base in "aeo" and mods == "\u0302":
            out += bytes([ord(B), U(VNI_CIRC[tone])])
        elif base == "a" and mods == "\u0306":
            out += bytes([ord(B), U(VNI_BREVE[tone])])
        elif base in "ou" and mods == "\u031b":
            out.append(U(0xF4 if base == "o" else 0xF6))
            if tone:
                out.append(U(VNI_TONE[tone]))
        elif base in "aeouy" and not mods:
            out.append(ord(B))
            if tone:
                out.append(U(VNI_TONE[tone]))
        else:
            out += ch.encode("cp1252")
    return bytes(out)


CP1258_TONE = {"\u0300": 0xCC, "\u0309": 0xD2, "\u0303": 0xDE, "\u0301": 0xEC, "\u0323": 0xF2}


def enc_cp1258(s):
    """Windows-1258: precomposed where the code page has the letter, else
    base letter + combining tone byte."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, mods, tone = split_letter(ch)
        out += unicodedata.normalize("NFC", base + mods).encode("cp1258")
        out.append(CP1258_TONE[tone])
    return bytes(out)


LEGACY_TEXT = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023
Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của Uỷ ban nhân dân huyện Phù Cừ về cải cách hành chính nhà nước huyện Phù Cừ năm 2023, Uỷ ban nhân dân xã đã ban hành Kế hoạch số 09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã Đình Cao năm 2023.
Trong 6 tháng đầu năm 2023, Uỷ ban nhân dân xã đã triển khai thực hiện các nhiệm vụ trọng tâm: đổi mới và nâng cao chất lượng công tác xây dựng, ban hành văn bản quy phạm pháp luật; công khai, minh bạch hóa thủ tục hành chính; tăng cường giải quyết hồ sơ qua dịch vụ bưu chính công ích.
Tổng số cán bộ, công chức xã hiện nay là 20 người, trong đó 18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 90%).
"""

# ---------------------------------------------------------------- reflow of the sample
MARKER = re.compile(r"^(?:[IVX]+\.|\d{1,2}\.(?!\d)|[a-zđ][),]|[-+](?=\s))")
HEADING = re.compile(r"^(?:[IVX]+\.|\d{1,2}\.(?!\d)|[a-zđ][),])")


def reflow(text):
    """Hard-wrapped lines -> paragraphs (text as written, defects kept).

    Blank lines between visual lines are not breaks. A line ends its
    paragraph when the next line starts with a marker (I. 1. a) a, - +);
    when it is short and ends with . : ; ; when it ends a numbered heading
    (I. 1. a)) and the next line starts with a capital; or when it is very
    short and the next line starts with a capital."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    lens = sorted(len(l) for l in lines)
    full = lens[int(len(lens) * 0.9)]
    paras, cur = [], []
    for i, line in enumerate(lines):
        cur.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        end = nxt is None or bool(MARKER.match(nxt))
        if not end:
            cap = nxt[0].isupper() and line[-1] != ","
            heading = HEADING.match(cur[0]) is not None
            if line[-1] in ".:;" and len(line) < 0.85 * full:
                end = True
            elif cap and heading and len(line) < full:
                end = True
            elif cap and len(line) < 0.6 * full:
                end = True
        if end:
            paras.append(" ".join(cur))
            cur = []
    return paras


def sample_paragraphs():
    """The sample's paragraphs as rasoat's own reflow reads the hard-wrapped
    text (fixtures/sample-paragraphs.txt), so that the .txt and the other
    formats hold the same paragraphs; reflow() above is kept for reference."""
    canon = os.path.join(FIX, "sample-paragraphs.txt")
    with open(canon, encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l]


# ---------------------------------------------------------------- ODF writing
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
NSDECL = " ".join('xmlns:%s="%s"' % kv for kv in NS.items())
MIME = "application/vnd.oasis.opendocument.text"


def odf_text(s):
    """Text with ODF white space: runs of spaces -> ' ' + text:s, tabs."""
    out = []
    for part in re.split(r"( {2,}|\t|\n)", s):
        if not part:
            continue
        if part == "\t":
            out.append("<text:tab/>")
        elif part == "\n":
            out.append("<text:line-break/>")
        elif part.startswith("  "):
            out.append(' <text:s text:c="%d"/>' % (len(part) - 1) if len(part) > 2 else " <text:s/>")
        else:
            out.append(escape(part))
    return "".join(out)


def write_odt(path, content_body, auto_styles="", styles="", fonts="", page="", master="", extra=None):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content %s office:version="1.3">'
        "<office:font-face-decls>%s</office:font-face-decls>"
        "<office:automatic-styles>%s</office:automatic-styles>"
        "<office:body><office:text>%s</office:text></office:body></office:document-content>"
        % (NSDECL, fonts, auto_styles, content_body)
    )
    styles_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-styles %s office:version="1.3">'
        "<office:font-face-decls>%s</office:font-face-decls>"
        "<office:styles>%s</office:styles>"
        "<office:automatic-styles>%s</office:automatic-styles>"
        "<office:master-styles>%s</office:master-styles></office:document-styles>"
        % (NSDECL, fonts, styles, page, master)
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-meta %s office:version="1.3"><office:meta>'
        "<meta:generator>rasoat tools/make-fixtures/odt.py</meta:generator>"
        "<dc:title>Báo cáo</dc:title></office:meta></office:document-meta>" % NSDECL
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>" % MIME
    )
    parts = [("content.xml", content), ("styles.xml", styles_xml), ("meta.xml", meta),
             ("META-INF/manifest.xml", manifest)]
    if extra is not None:
        parts = extra(parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        zi = zipfile.ZipInfo("mimetype", date_time=(2023, 6, 20, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, MIME)
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=(2023, 6, 20, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


TNR_FONTS = ('<style:font-face style:name="Times New Roman" svg:font-family="&apos;Times New Roman&apos;" '
             'style:font-family-generic="roman" style:font-pitch="variable"/>'
             '<style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/>')


def page_layout(top, bottom, left, right, width="21cm", height="29.7cm"):
    return ('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="%s" '
            'fo:page-height="%s" style:print-orientation="portrait" fo:margin-top="%s" fo:margin-bottom="%s" '
            'fo:margin-left="%s" fo:margin-right="%s"/></style:page-layout>'
            % (width, height, top, bottom, left, right))


BASE_STYLES = (
    '<style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2"/>'
    '<style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>'
    "</style:default-style>"
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0.106cm" '
    'fo:margin-bottom="0.212cm" fo:line-height="115%" fo:text-align="justify" fo:text-indent="1cm"/></style:style>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">'
    '<style:paragraph-properties fo:margin-top="0.212cm" fo:margin-bottom="0.212cm" fo:text-align="justify"/>'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
)

# ---------------------------------------------------------------- fixtures
def make_sample_odt(paras):
    """The sample report: Times New Roman 14 pt, A4, margins 20/20/30/15 mm."""
    auto = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="12pt"/></style:style>'
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>'
    )
    body = []
    closing = False
    for i, p in enumerate(paras):
        if i == 0 or p in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
            body.append('<text:p text:style-name="P2">%s</text:p>' % odf_text(p))
        elif re.match(r"^[IVX]+\. ", p):
            body.append('<text:h text:style-name="Heading_20_1" text:outline-level="1">%s</text:h>' % odf_text(p))
        elif p == "Nơi nhận:":
            closing = True
            body.append('<text:p text:style-name="P3"><text:span text:style-name="T1">%s</text:span></text:p>' % odf_text(p))
        elif closing:
            body.append('<text:p text:style-name="P3">%s</text:p>' % odf_text(p))
        else:
            if i == 10:  # a soft page break inside a paragraph is not text
                half = p.index(" ", len(p) // 2)
                body.append('<text:p text:style-name="P1">%s<text:soft-page-break/>%s</text:p>'
                            % (odf_text(p[:half]), odf_text(p[half:])))
            else:
                body.append('<text:p text:style-name="P1">%s</text:p>' % odf_text(p))
    write_odt(os.path.join(FIX, "odt", "sample.odt"), "".join(body), auto_styles=auto, styles=BASE_STYLES,
              fonts=TNR_FONTS, page=page_layout("2cm", "2cm", "3cm", "1.5cm"),
              master='<style:master-page style:name="Standard" style:page-layout-name="pm1"/>')


def make_numbered_odt():
    """Generated list labels (I. / 1. / a) / (1) / bullets), a two-column
    header table, a signature table, fonts through style chains, a footnote,
    spaces/tabs/line breaks, header and footer."""
    styles = BASE_STYLES + (
        '<style:style style:name="Quoc_20_hieu" style:display-name="Quoc hieu" style:family="paragraph" '
        'style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/>'
        '<style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Tieu_20_ngu" style:display-name="Tieu ngu" style:family="paragraph" '
        'style:parent-style-name="Quoc_20_hieu"><style:text-properties fo:font-size="13pt"/></style:style>'
        '<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:text-properties fo:font-size="10pt"/></style:style>'
        '<text:list-style style:name="Outline_L">'
        '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/>'
        '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
        '<text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="a"/>'
        "</text:list-style>"
    )
    auto = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Quoc_20_hieu"/>'
        '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Tieu_20_ngu">'
        '<style:text-properties style:font-name="Arial"/></style:style>'
        '<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="P5" style:family="paragraph" style:parent-style-name="Heading_20_1"/>'
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-size="50%"/></style:style>'
        '<style:style style:name="T3" style:family="text" style:parent-style-name="Emphasis">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<text:list-style style:name="L2">'
        '<text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="1" text:start-value="1"/>'
        "</text:list-style>"
        '<text:list-style style:name="L3"><text:list-level-style-bullet text:level="1" text:bullet-char="-"/></text:list-style>'
        '<style:style style:name="Tab1" style:family="table"/>'
    )

    def p(style, text):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, text)

    def cell(*paras):
        return '<table:table-cell office:value-type="string">%s</table:table-cell>' % "".join(paras)

    header = (
        '<table:table table:name="Header" table:style-name="Tab1"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-row>%s%s</table:table-row>"
        "<table:table-row>%s%s</table:table-row>"
        "<table:table-row>%s%s</table:table-row></table:table>"
        % (cell(p("P2", "UBND HUYỆN PHÙ CỪ")), cell(p("P2", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
           cell(p("P2", "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO")), cell(p("P3", "Độc lập - Tự do - Hạnh phúc")),
           cell(p("P2", "Số: 85/BC-UBND")), cell(p("P4", "Đình Cao, ngày 16 tháng 6 năm 2023")))
    )

    def item(*content, start=None):
        attr = ' text:start-value="%d"' % start if start else ""
        return "<text:list-item%s>%s</text:list-item>" % (attr, "".join(content))

    def lst(*items, style=None, cont=False):
        a = ' text:style-name="%s"' % style if style else ""
        if cont:
            a += ' text:continue-numbering="true"'
        return "<text:list%s>%s</text:list>" % (a, "".join(items))

    def h(text):
        return '<text:h text:style-name="P5" text:outline-level="1">%s</text:h>' % text

    body = [
        header,
        p("P2", "BÁO CÁO"),
        p("P2", "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023"),
        lst(
            item(h("KẾT QUẢ THỰC HIỆN"),
                 lst(item(p("P1", "Cải cách thể chế"),
                          lst(item(p("P1", "Kết quả xây dựng văn bản quy phạm pháp luật")),
                              item(p("P1", "Kết quả kiểm tra, rà soát văn bản")))),
                     item(p("P1", "Cải cách thủ tục hành chính"),
                          p("P1", 'Tiếp nhận 1.395 hồ sơ<text:note text:id="ftn1" text:note-class="footnote">'
                                  "<text:note-citation>1</text:note-citation><text:note-body>"
                                  '<text:p text:style-name="Footer">Số liệu tính đến ngày 14/6/2023.</text:p>'
                                  "</text:note-body></text:note>, giải quyết đúng hạn 1.394 hồ sơ.")))),
            item(h("PHƯƠNG HƯỚNG, NHIỆM VỤ"),
                 lst(item(p("P1", "Tiếp tục cải cách thể chế")),
                     item(p("P1", "Đẩy mạnh chuyển đổi số")))),
            style="Outline_L"),
        p("P1", 'Các nhiệm vụ <text:span text:style-name="T1">trọng tâm</text:span> gồm:<text:s text:c="2"/>'
                'ba<text:tab/>nội dung<text:line-break/>sau <text:span text:style-name="T2">đây</text:span> '
                '<text:span text:style-name="T3">(xem phụ lục)</text:span>.'),
        lst(item(p("P1", "Rà soát thủ tục")), item(p("P1", "Công khai thủ tục")), style="L2"),
        lst(item(p("P1", "Như trên;")), item(p("P1", "Lưu: VT.")), style="L3"),
        lst(item(h("TỔ CHỨC THỰC HIỆN")), style="Outline_L", cont=True),
        '<table:table table:name="Signature"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-row>%s%s</table:table-row></table:table>"
        % (cell(p("Standard", '<text:span text:style-name="T3">Nơi nhận:</text:span>'),
                p("Standard", "- Phòng Nội vụ huyện;"), p("Standard", "- Lưu: VT.")),
           cell(p("P2", "TM. ỦY BAN NHÂN DÂN"), p("P2", "CHỦ TỊCH"), p("P2", "Nguyễn Văn An"))),
    ]
    master = ('<style:master-page style:name="Standard" style:page-layout-name="pm1">'
              '<style:header><text:p text:style-name="Footer">UBND xã Đình Cao</text:p></style:header>'
              '<style:footer><text:p text:style-name="Footer">Trang <text:page-number text:select-page="current">1'
              "</text:page-number></text:p></style:footer></style:master-page>")
    write_odt(os.path.join(FIX, "odt", "numbered.odt"), "".join(body), auto_styles=auto, styles=styles,
              fonts=TNR_FONTS, page=page_layout("20mm", "0.7874in", "1.1811in", "1.5cm", width="210mm", height="297mm"),
              master=master)


def make_decree30_odt():
    """fixtures/odt/decree30-clean.odt: the clean Decree 30 report of
    ooxml.py (same text) as LibreOffice writes it: A4 portrait, margins
    20/20/30/15 mm, Times New Roman, header and signature tables, outline
    numbering I. / 1. / a) and "-" lists from list styles."""
    sys.dont_write_bytecode = True  # no __pycache__ in the tree
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import ooxml as d30
    styles = (
        '<style:default-style style:family="paragraph">'
        '<style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:language="vi" fo:country="VN"/>'
        "</style:default-style>"
        '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
        '<style:style style:name="Noi_20_dung" style:display-name="Noi dung" style:family="paragraph" '
        'style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="6pt" '
        'fo:margin-bottom="0cm" fo:line-height="115%" fo:text-align="justify" fo:text-indent="1.27cm"/></style:style>'
        '<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" '
        'style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-top="0cm" '
        'fo:margin-bottom="0cm" fo:line-height="100%" fo:text-align="center"/></style:style>'
        '<text:list-style style:name="Outline_20_BC" style:display-name="Outline BC">'
        '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/>'
        "</style:list-level-properties></text:list-level-style-number>"
        '<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/>'
        '<text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="a"/>'
        "</text:list-style>"
        '<text:list-style style:name="Gach_20_dau_20_dong" style:display-name="Gach dau dong">'
        + "".join('<text:list-level-style-bullet text:level="%d" text:bullet-char="-"/>' % lv for lv in range(1, 5))
        + "</text:list-style>"
    )
    auto = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Noi_20_dung"/>'
        '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Noi_20_dung">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Noi_20_dung">'
        '<style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:text-properties fo:font-size="13pt"/></style:style>'
        '<style:style style:name="P5" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P6" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P7" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:paragraph-properties fo:margin-top="6pt"/><style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="P8" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:margin-top="18pt"/>'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P9" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P10" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:paragraph-properties fo:text-align="start"/>'
        '<style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>'
        '<style:style style:name="P11" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
        '<style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="11pt"/></style:style>'
        '<style:style style:name="P12" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:margin-top="6pt"/></style:style>'
        '<style:style style:name="Tab1" style:family="table"><style:table-properties style:width="16.5cm" '
        'table:align="left"/></style:style>'
        '<style:style style:name="Tab1.A" style:family="table-column"><style:table-column-properties style:column-width="6.35cm"/></style:style>'
        '<style:style style:name="Tab1.B" style:family="table-column"><style:table-column-properties style:column-width="10.15cm"/></style:style>'
        '<style:style style:name="Tab2.A" style:family="table-column"><style:table-column-properties style:column-width="7.94cm"/></style:style>'
        '<style:style style:name="Tab2.B" style:family="table-column"><style:table-column-properties style:column-width="8.56cm"/></style:style>'
    )

    def p(style, text):
        return '<text:p text:style-name="%s">%s</text:p>' % (style, odf_text(text))

    def table(name, cols, left, right):
        return ('<table:table table:name="%s" table:style-name="Tab1">'
                '<table:table-column table:style-name="%s.A"/><table:table-column table:style-name="%s.B"/>'
                '<table:table-row><table:table-cell office:value-type="string">%s</table:table-cell>'
                '<table:table-cell office:value-type="string">%s</table:table-cell></table:table-row></table:table>'
                % (name, cols, cols, left, right))

    body = [table("Header", "Tab1",
                  p("P4", d30.D30_AGENCY_PARENT) + p("P5", d30.D30_AGENCY) + p("P4", d30.D30_NUMBER),
                  p("P5", d30.D30_NATIONAL) + p("P6", d30.D30_MOTTO) + p("P7", d30.D30_PLACE_DATE)),
            p("P8", d30.D30_TYPE), p("P9", d30.D30_SUMMARY)]

    # nested lists: each h1/h2/h3 opens a list item that holds its heading,
    # its paragraphs and the list of the next level; "-" items are a list of
    # their own inside the current item
    out = []
    open_levels = []          # levels with an open <text:list><text:list-item>

    def close_to(level):
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
            out.append("</text:list-item></text:list>")

    level_of = {"h1": 1, "h2": 2, "h3": 3}
    items = d30.D30_BODY
    for i, (kind, text) in enumerate(items):
        if kind in level_of:
            lv = level_of[kind]
            if open_levels and open_levels[-1] == lv:
                out.append("</text:list-item><text:list-item>")
            else:
                close_to(lv + 1)
                if open_levels and open_levels[-1] >= lv:
                    close_to(lv)
                style = ' text:style-name="Outline_20_BC"' if lv == 1 else ""
                cont = ' text:continue-numbering="true"' if lv == 1 and any(k == "h1" for k, _ in items[:i]) else ""
                out.append("<text:list%s%s><text:list-item>" % (style, cont))
                open_levels.append(lv)
            sentence = len(text) > 120 or text.endswith(".")
            out.append(p("P1" if sentence else ("P3" if lv == 3 else "P2"), text))
        elif kind == "dash":
            prev = items[i - 1][0] if i else None
            nxt = items[i + 1][0] if i + 1 < len(items) else None
            if prev != "dash":
                out.append('<text:list text:style-name="Gach_20_dau_20_dong">')
            out.append("<text:list-item>%s</text:list-item>" % p("P1", text))
            if nxt != "dash":
                out.append("</text:list>")
        else:
            if kind == "p" and text.startswith("Trên đây"):
                close_to(1)
            out.append(p("P1", text))
    close_to(1)
    body += out
    auth, title, name = d30.D30_SIGNATURE
    body.append(p("P12", ""))
    body.append(table("Signature", "Tab2",
                      p("P10", "Nơi nhận:") + "".join(p("P11", r) for r in d30.D30_RECIPIENTS),
                      p("P6", auth) + p("P6", title) + p("P6", "") * 4 + p("P6", name)))
    write_odt(os.path.join(FIX, "odt", "decree30-clean.odt"), "".join(body), auto_styles=auto, styles=styles,
              fonts=TNR_FONTS, page=page_layout("2cm", "2cm", "3cm", "1.5cm"),
              master='<style:master-page style:name="Standard" style:page-layout-name="pm1"/>')


def make_hostile_odt():
    host = os.path.join(FIX, "hostile")
    os.makedirs(host, exist_ok=True)

    def replace_content(data):
        return lambda parts: [(n, data if n == "content.xml" else d) for n, d in parts]

    body = '<text:p>Nội dung</text:p>'
    # malformed content.xml (unclosed element)
    write_odt(os.path.join(host, "malformed.odt"), body,
              extra=replace_content('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s>'
                                    "<office:body><office:text><text:p>Nội dung</office:text>" % NSDECL))
    # external entity (XXE): must be refused, never resolved
    write_odt(os.path.join(host, "xxe.odt"), body,
              extra=replace_content('<?xml version="1.0" encoding="UTF-8"?>\n'
                                    '<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                                    "<office:document-content %s><office:body><office:text>"
                                    "<text:p>&xxe;</text:p></office:text></office:body></office:document-content>"
                                    % NSDECL))
    # an archive without content.xml
    write_odt(os.path.join(host, "no-content.odt"), body,
              extra=lambda parts: [(n, d) for n, d in parts if n != "content.xml"])
    # a zip bomb: 20 MB of content.xml compressed about 1000:1
    bomb = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>'
            '<text:p>%s</text:p></office:text></office:body></office:document-content>' % (NSDECL, " " * (20 << 20)))
    write_odt(os.path.join(host, "zip-bomb.odt"), body, extra=replace_content(bomb))
    # nesting deeper than the limit (300 sections)
    deep = "<text:section>" * 300 + "<text:p>sâu</text:p>" + "</text:section>" * 300
    write_odt(os.path.join(host, "deep-nesting.odt"), deep)


def html_text(s):
    return escape(s)


def make_sample_html(paras):
    out = ['<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Báo cáo CCHC</title>\n'
           '<style>p { font-family: "Times New Roman"; font-size: 14pt } .x:before { content: "KHÔNG HIỆN" }</style>\n'
           '<script>document.write("Đoạn này không được đọc: tạo bởi script");</script>\n</head>\n<body>\n'
           '<img src="http://example.invalid/logo.png" alt="Logo UBND">\n']
    for i, p in enumerate(paras):
        if re.match(r"^[IVX]+\. ", p):
            out.append("<h2>%s</h2>\n" % html_text(p))
        elif i == 5:
            # a wrapped source line and a <br> inside one paragraph: both are a space
            words = p.split(" ")
            k = len(words) // 2
            out.append("<p>%s\n   %s<br>%s</p>\n" % (html_text(" ".join(words[:k - 3])), html_text(" ".join(words[k - 3:k])),
                                                  html_text(" ".join(words[k:]))))
        else:
            # runs of spaces collapse in HTML, as a browser shows them
            out.append("<p>%s</p>\n" % html_text(p))
    out.append("<noscript><p>Trình duyệt không hỗ trợ script</p></noscript>\n</body>\n</html>\n")
    os.makedirs(os.path.join(FIX, "html"), exist_ok=True)
    with open(os.path.join(FIX, "html", "sample.html"), "w", encoding="utf-8") as f:
        f.write("".join(out))


def make_table_html():
    html = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tiêu đề không phải nội dung</title></head>
<body>
<!-- a comment is not text -->
<table>
  <tr><td>UBND HUYỆN PHÙ CỪ</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></td></tr>
  <tr><td>ỦY BAN NHÂN DÂN<br>XÃ ĐÌNH CAO</td><td><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>
  <tr><th colspan="2">Số: 85/BC-UBND</th></tr>
</table>
<h1>BÁO   CÁO</h1>
<div>Kết quả thực hiện &amp; phương hướng <i>nhiệm vụ</i>
   năm 2023<div>Đoạn lồng trong div</div>phần sau</div>
<ol type="I"><li>KẾT QUẢ</li><li>PHƯƠNG HƯỚNG<ol><li>Thể chế</li><li>Thủ tục</li></ol></li></ol>
<ol type="a" start="3"><li>Điểm c</li><li value="5">Điểm e</li></ol>
<ul><li>Gạch đầu dòng</li></ul>
<template><p>Mẫu ẩn</p></template>
<p>Giá trị &lt;100&gt; &quot;đạt&quot; &#7871; &nbsp;xong</p>
</body></html>
"""
    with open(os.path.join(FIX, "html", "table.html"), "w", encoding="utf-8") as f:
        f.write(html)
    host = os.path.join(FIX, "hostile")
    with open(os.path.join(host, "xxe.html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<html><body>'
                '<p>Trước &xxe; sau</p><img src="http://example.invalid/track.gif">'
                '<iframe src="http://example.invalid/"></iframe>'
                '<link rel="stylesheet" href="http://example.invalid/a.css"></body></html>\n')
    with open(os.path.join(host, "deep-nesting.html"), "w", encoding="utf-8") as f:
        f.write("<html><body>" + "<div>" * 5000 + "sâu" + "</div>" * 5000 + "</body></html>\n")
    with open(os.path.join(FIX, "html", "tcvn3.html"), "wb") as f:
        f.write(b'<html><head><style>p{font-family:".VnTime"}</style></head><body>\n')
        for line in LEGACY_TEXT.strip().split("\n"):
            f.write(b"<p>" + enc_tcvn3(line) + b"</p>\n")
        f.write(b"</body></html>\n")


def make_legacy():
    d = os.path.join(FIX, "legacy")
    os.makedirs(d, exist_ok=True)
    for name, enc in (("tcvn3.txt", enc_tcvn3), ("vni.txt", enc_vni), ("cp1258.txt", enc_cp1258)):
        with open(os.path.join(d, name), "wb") as f:
            f.write(enc(LEGACY_TEXT).replace(b"\n", b"\r\n"))
    with open(os.path.join(d, "expected-utf8.txt"), "w", encoding="utf-8") as f:
        f.write(LEGACY_TEXT)
    # a Unicode file holding TCVN3 text read through a Latin-1 font (mojibake)
    with open(os.path.join(d, "vntime-unicode.txt"), "w", encoding="utf-8") as f:
        f.write(enc_tcvn3(LEGACY_TEXT).decode("latin-1"))
    # VNI mojibake, as copied from a VNI-Times document
    with open(os.path.join(d, "vni-unicode.txt"), "w", encoding="utf-8") as f:
        f.write(enc_vni(LEGACY_TEXT).decode("cp1252"))
    # ordinary text that must never be taken for a legacy encoding
    with open(os.path.join(d, "french.txt"), "w", encoding="utf-8") as f:
        f.write("Le comité a été réuni à Hanoï où les élèves ont présenté leurs résumés.\n"
                "Ça a déjà été décidé : la réunion aura lieu à la mairie, près de l'école.\n"
                "Les délégués étrangers ont apprécié la qualité des échanges.\n")


def make_csv():
    d = os.path.join(FIX, "data")
    os.makedirs(d, exist_ok=True)

    def w(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)

    # BOM, semicolons (Excel in a Vietnamese locale), quoted fields with ; and a
    # newline, a short row, blank lines, spaces to trim, NFD text to normalize
    nfd = unicodedata.normalize("NFD", "Kế hoạch tuyên truyền")
    w("register-semicolon.csv", ("\ufeffSố, ký hiệu;Ngày;Trích yếu;Cơ quan ban hành\r\n"
                                 "09/KH-UBND;09/01/2023;\"Kế hoạch cải cách hành chính; năm 2023\";UBND xã Đình Cao\r\n"
                                 "\r\n"
                                 "  10/KH-UBND ; 10/01/2023 ;\"" + nfd + "\nxã Đình Cao\"\r\n"
                                 "13/KH-UBND;16/01/2023\r\n").encode("utf-8"))
    w("empty.csv", b"")
    w("blank-lines.csv", b"\r\n  \r\n\r\n")
    w("header-only.csv", "so_ky_hieu,ngay,trich_yeu\n".encode("utf-8"))
    w("ragged.csv", "a,b\n1,2,3\n4\n\"x \"\"quoted\"\"\",y\n".encode("utf-8"))
    w("register-cp1258.csv", enc_cp1258("so_ky_hieu,ngay,trich_yeu\n"
                                        "09/KH-UBND,09/01/2023,Kế hoạch cải cách hành chính nhà nước xã Đình Cao năm 2023\n"
                                        "10/KH-UBND,10/01/2023,Kế hoạch tuyên truyền cải cách hành chính xã Đình Cao\n"))


def make_scans():
    """A scanned report pasted as page images, with no text: .odt and .html."""
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==")
    import base64
    frame = ('<text:p text:style-name="Standard"><draw:frame draw:name="Trang %d" text:anchor-type="as-char" '
             'svg:width="16cm" svg:height="22cm"><draw:image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="Pictures/trang.png" xlink:type="simple" '
             'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>')
    body = frame % 1 + frame % 2 + '<text:p text:style-name="Standard"/>'

    def with_picture(parts):
        return parts + [("Pictures/trang.png", base64.b64decode(png))]
    write_odt(os.path.join(FIX, "odt", "scan-only.odt"), body, extra=with_picture)
    # the header block in two text boxes anchored in the first paragraph (a
    # box within the second), as LibreOffice writes them
    def box(n, paras):
        return ('<draw:frame draw:name="Khung %d" text:anchor-type="paragraph" svg:width="7cm">'
                '<draw:text-box>%s</draw:text-box></draw:frame>' % (n, paras))
    p = '<text:p text:style-name="Standard">%s</text:p>'
    inner = box(3, p % "Độc lập - Tự do - Hạnh phúc")
    body = (p % (box(1, p % "ỦY BAN NHÂN DÂN" + p % "XÃ ĐÌNH CAO") + "Số: 125/BC-UBND" +
                 box(2, p % "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + p % inner)) +
            p % "BÁO CÁO" + p % "Kết quả thực hiện công tác cải cách hành chính")
    write_odt(os.path.join(FIX, "odt", "textbox.odt"), body)
    # hidden text (text:display="none"): a span, a whole paragraph by its
    # style, and a span shown again inside a hidden style's child
    auto = ('<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/>'
            '</style:style><style:style style:name="P1" style:family="paragraph">'
            '<style:text-properties text:display="none"/></style:style>')
    body = ('<text:p text:style-name="Standard">Báo cáo <text:span text:style-name="T1">GHI CHÚ: xóa trước '
            'khi gửi </text:span>kết quả cải cách hành chính.</text:p>'
            '<text:p text:style-name="P1">Hướng dẫn: điền số liệu vào đây</text:p>'
            '<text:p text:style-name="Standard">Số liệu đã cập nhật.</text:p>')
    write_odt(os.path.join(FIX, "odt", "hidden.odt"), body, auto_styles=auto)
    make_toc_odt()


def make_toc_odt():
    """toc.odt: a table of contents (text:table-of-content) before the
    headings it repeats, as LibreOffice writes it."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from ooxml import OUTLINE as outline  # the same outline as the .docx tables of contents
    toc = ['<text:table-of-content text:name="Mục lục1"><text:table-of-content-source text:outline-level="2">'
           '<text:index-title-template>Mục lục</text:index-title-template></text:table-of-content-source>'
           '<text:index-body><text:index-title text:name="Mục lục1_Head">'
           '<text:p text:style-name="Contents_20_Heading">MỤC LỤC</text:p></text:index-title>']
    for i, (t, lvl) in enumerate(outline):
        toc.append('<text:p text:style-name="Contents_20_%d"><text:a xlink:type="simple" '
                   'xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#__RefHeading__%d">%s<text:tab/>%d</text:a>'
                   '</text:p>' % (lvl, i, odf_text(t), i // 2 + 1))
    toc.append("</text:index-body></text:table-of-content>")
    heads = "".join('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>'
                    '<text:p text:style-name="Standard">Nội dung đã thực hiện trong kỳ.</text:p>'
                    % (lvl, lvl, odf_text(t)) for t, lvl in outline)
    write_odt(os.path.join(FIX, "odt", "toc.odt"), "".join(toc) + heads)
    html = ('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Báo cáo CCHC</title>\n'
            '</head>\n<body>\n<p><img src="trang-1.png" alt="Trang 1"></p>\n<p><img src="trang-2.png" alt="Trang 2">'
            '</p>\n<p>&nbsp;</p>\n</body>\n</html>\n')
    with open(os.path.join(FIX, "html", "scan-only.html"), "w", encoding="utf-8") as f:
        f.write(html)
    make_word_html()


def make_word_html():
    """What Word's "Save as Web Page" writes (windows-1252, numeric entities
    for Vietnamese letters): list numbers in <span style='mso-list:Ignore'>
    inside downlevel-revealed conditional comments (<![if !supportLists]>),
    a picture with its VML twin in a comment, <o:p> elements, a blank
    paragraph of &nbsp;."""
    def ent(t):
        return "".join(c if ord(c) < 0x80 or c in "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý" else "&#%d;" % ord(c)
                       for c in t)

    def item(n, t):
        return ("<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                "<![if !supportLists]><span lang=VI><span style='mso-list:Ignore'>%s"
                "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>"
                "<![endif]><span lang=VI>%s<o:p></o:p></span></p>\n" % (n, ent(t)))
    html = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"\n'
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
            '<meta name=ProgId content=Word.Document>\n<meta name=Generator content="Microsoft Word 15">\n'
            '<!--[if gte mso 9]><xml>\n <w:WordDocument>\n  <w:View>Print</w:View>\n </w:WordDocument>\n'
            '</xml><![endif]-->\n<style>\n<!--\np.MsoNormal {margin:0cm; font-size:14.0pt; '
            'font-family:"Times New Roman",serif;}\n-->\n</style>\n</head>\n'
            "<body lang=EN-US style='tab-interval:36.0pt'>\n<div class=WordSection1>\n"
            "<p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>%s<o:p></o:p></span></b></p>\n"
            % ent("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
            item("1.", "Cải cách thể chế") + item("2.", "Cải cách thủ tục hành chính") +
            "<p class=MsoNormal><span lang=VI>&nbsp;<o:p></o:p></span></p>\n"
            "<p class=MsoNormal><span lang=VI>%s<o:p></o:p></span>"
            "<!--[if gte vml 1]><v:shape id=\"_x0000_i1025\" type=\"#_x0000_t75\"><v:imagedata "
            "src=\"bao-cao_files/image001.png\" o:title=\"\"/></v:shape><![endif]--><![if !vml]><img width=100 "
            "height=50 src=\"bao-cao_files/image002.jpg\" v:shapes=\"_x0000_i1025\"><![endif]></p>\n"
            % ent("Tỷ lệ hồ sơ đúng hạn đạt 18/20 = 90%.") +
            "</div>\n</body>\n</html>\n")
    with open(os.path.join(FIX, "html", "word-export.htm"), "wb") as f:
        f.write(html.encode("cp1252"))


def main():
    paras = sample_paragraphs()
    make_sample_odt(paras)
    make_numbered_odt()
    make_decree30_odt()
    make_hostile_odt()
    make_sample_html(paras)
    make_table_html()
    make_scans()
    make_legacy()
    make_csv()
    with open(os.path.join(FIX, "odt", "sample-paragraphs.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(paras) + "\n")


if __name__ == "__main__":
    main()
