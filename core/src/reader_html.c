/* .html reader: libxml2's HTML parser (never fetches anything: no network,
 * images, scripts and style sheets are never loaded), paragraphs from the
 * block elements a browser would show as blocks.
 *
 * - p, h1-h6 (heading_level), li, dt/dd, td/th (table/row/cell, 1-based,
 *   tables numbered in document order), div/section/... with direct text,
 *   blockquote, pre, caption: one paragraph each (nested blocks split them);
 * - br inside a paragraph is a space (a line break inside one paragraph);
 * - script, style, noscript, template, head, iframe, object, svg are ignored;
 * - white space collapses as in a browser; entities are decoded by the
 *   parser (predefined and HTML named entities only, nothing is loaded);
 * - ol items get their generated label ("1.", "a.", "IV.") from type/start;
 * - charset: <meta charset> / http-equiv, else UTF-8 (or a legacy
 *   Vietnamese 8-bit encoding when the bytes are not UTF-8);
 * - Word's "Save as Web Page": <span style='mso-list:Ignore'> at the start
 *   of an item is its label, the <![if …]>/<![endif]> markers are not text;
 * - img elements are counted (doc.images), never loaded.
 * Locations: line = paragraph number in document order, column = code point. */
#include "doc.h"
#include "legacy.h"
#include "readers.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "xmlsafe.h"

typedef struct hbuf {
  char *s;
  size_t len, cap;
  int space; /* last appended char was a collapsed space */
} hbuf;

#define MAX_TABLE_NEST 64
#define MAX_LIST_NEST 64

typedef struct hlist {
  int ordered;
  char type;  /* '1', 'a', 'A', 'i', 'I' */
  long next;  /* value of the next item */
} hlist;

typedef struct hctx {
  rs_doc *d;
  const rs_limits *lim;
  hbuf b;
  int heading;  /* level of the innermost open h1-h6 */
  /* tables: stack of (table number, row, cell) */
  int ntab;
  int tabno;    /* tables seen so far */
  int tstack[MAX_TABLE_NEST][3];
  int nlist;
  hlist lists[MAX_LIST_NEST];
  char *label;  /* label for the next paragraph (owned) */
  int err;
  char *errmsg;
} hctx;

static int hb_put(hbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 256;
    while (nc < b->len + n + 1) nc *= 2;
    char *ns = realloc(b->s, nc);
    if (!ns) return RS_ENOMEM;
    b->s = ns;
    b->cap = nc;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
  return 0;
}

/* Append text, collapsing ASCII white space as a browser does. */
static int hb_text(hbuf *b, const char *s) {
  for (const char *p = s; *p;) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') p++;
      if (b->len > 0 && !b->space) {
        if (hb_put(b, " ", 1)) return RS_ENOMEM;
        b->space = 1;
      }
      continue;
    }
    const char *q = p;
    while (*q && !(*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f')) q++;
    if (hb_put(b, p, (size_t)(q - p))) return RS_ENOMEM;
    b->space = 0;
    p = q;
  }
  return 0;
}

static void roman(long v, int upper, char *out, size_t outsz) {
  static const struct { int v; const char *s; } t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                       {1, "i"}};
  size_t k = 0;
  out[0] = 0;
  if (v <= 0 || v >= 4000) {
    snprintf(out, outsz, "%ld", v);
    return;
  }
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    while (v >= t[i].v && k + 3 < outsz) {
      for (const char *c = t[i].s; *c; c++) out[k++] = upper ? (char)toupper((unsigned char)*c) : *c;
      v -= t[i].v;
    }
  out[k] = 0;
}

static void alpha(long v, int upper, char *out, size_t outsz) {
  char tmp[16];
  size_t k = 0;
  if (v <= 0) {
    snprintf(out, outsz, "%ld", v);
    return;
  }
  while (v > 0 && k < sizeof tmp) {
    v--;
    tmp[k++] = (char)((upper ? 'A' : 'a') + v % 26);
    v /= 26;
  }
  size_t o = 0;
  while (k > 0 && o + 1 < outsz) out[o++] = tmp[--k];
  out[o] = 0;
}

static void fail(hctx *c, int code, char *msg) {
  if (!c->err) {
    c->err = code;
    c->errmsg = msg;
  } else {
    free(msg);
  }
}

/* Finish the paragraph being collected (nothing when it is blank). */
static void flush(hctx *c) {
  hbuf *b = &c->b;
  size_t s = 0, e = b->len;
  while (s < e && b->s[s] == ' ') s++;
  while (e > s && b->s[e - 1] == ' ') e--;
  if (c->err || e == s) {
    b->len = 0;
    b->space = 0;
    return;
  }
  if (c->d->npara >= c->lim->max_paragraphs) {
    fail(c, RS_ELIMIT,
         rs_sprintf("Tệp HTML có quá nhiều đoạn văn (giới hạn %zu): đã dừng đọc.", c->lim->max_paragraphs));
    b->len = 0;
    return;
  }
  rs_para *p = rs_doc_add_para_text(c->d, b->s + s, e - s);
  b->len = 0;
  b->space = 0;
  if (!p) {
    fail(c, RS_ENOMEM, rs_strdup("Không đủ bộ nhớ khi đọc tệp HTML."));
    return;
  }
  p->heading_level = c->heading;
  if (c->ntab > 0) {
    p->table = c->tstack[c->ntab - 1][0];
    p->row = c->tstack[c->ntab - 1][1];
    p->cell = c->tstack[c->ntab - 1][2];
  }
  if (c->label) {
    p->label = c->label;
    c->label = NULL;
  }
}

static int is_name(const xmlNode *n, const char *name) {
  return n->name && !strcasecmp((const char *)n->name, name);
}

static int is_block(const xmlNode *n) {
  static const char *const blocks[] = {
      "p", "div", "li", "td", "th", "tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "dt", "dd",
      "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
      "main", "nav", "aside", "address", "figure", "figcaption", "caption", "hr", "body", "html", "form",
      "fieldset", "legend", "center", "details", "summary", "menu", NULL};
  for (const char *const *b = blocks; *b; b++)
    if (is_name(n, *b)) return 1;
  return 0;
}

static int is_skipped(const xmlNode *n) {
  static const char *const skip[] = {"script", "style", "noscript", "template", "head", "title", "iframe",
                                     "object", "embed", "svg", "math", "select", "textarea", "button",
                                     "audio", "video", "canvas", "map", NULL};
  for (const char *const *b = skip; *b; b++)
    if (is_name(n, *b)) return 1;
  return 0;
}

static long attr_long(const xmlNode *n, const char *name, long dflt) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  if (!v) return dflt;
  char *end;
  long r = strtol((const char *)v, &end, 10);
  if (end == (char *)v) r = dflt;
  xmlFree(v);
  return r;
}

static void walk(hctx *c, xmlNode *n, int depth);

/* Word's "Save as Web Page" wraps list numbers and picture fallbacks in
 * downlevel-revealed conditional comments, <![if !supportLists]> …
 * <![endif]>: a browser hides the markers (bogus comments) and shows what
 * is between; libxml2's HTML parser keeps the markers as text. The text
 * without them, or NULL when there is none (the text is used as it is). */
static char *strip_conditionals(const char *s) {
  if (!strstr(s, "<![")) return NULL;
  size_t n = strlen(s), o = 0;
  char *out = malloc(n + 1);
  if (!out) return NULL;
  for (size_t i = 0; i < n;) {
    if (!strncmp(s + i, "<![if", 5) || !strncasecmp(s + i, "<![endif]>", 10)) {
      const char *e = strchr(s + i, '>');
      if (e) {
        i = (size_t)(e - s) + 1;
        continue;
      }
    }
    out[o++] = s[i++];
  }
  out[o] = 0;
  return out;
}

/* A Word list number: <span style='mso-list:Ignore'>1.<span>&nbsp;…</span></span>,
 * the label Word draws before the item, not part of its text. */
static int is_word_list_label(const xmlNode *n) {
  if (!is_name(n, "span")) return 0;
  xmlChar *st = xmlGetProp(n, (const xmlChar *)"style");
  if (!st) return 0;
  int yes = 0;
  for (const char *p = (const char *)st; *p && !yes; p++) {
    if (strncasecmp(p, "mso-list", 8)) continue;
    const char *q = p + 8;
    while (*q == ' ') q++;
    if (*q != ':') continue;
    q++;
    while (*q == ' ') q++;
    yes = !strncasecmp(q, "ignore", 6);
  }
  xmlFree(st);
  return yes;
}

/* The label's text, without white space, NBSP and conditional markers. */
static char *word_list_label(const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  if (!t) return NULL;
  char *clean = strip_conditionals((const char *)t);
  const char *s = clean ? clean : (const char *)t;
  size_t a = 0, e = strlen(s);
  for (;;) {
    if (a < e && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) a++;
    else if (a + 1 < e && (unsigned char)s[a] == 0xC2 && (unsigned char)s[a + 1] == 0xA0) a += 2;
    else break;
  }
  for (;;) {
    if (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) e--;
    else if (e >= a + 2 && (unsigned char)s[e - 2] == 0xC2 && (unsigned char)s[e - 1] == 0xA0) e -= 2;
    else break;
  }
  char *out = e > a ? rs_strndup(s + a, e - a) : NULL;
  free(clean);
  xmlFree(t);
  return out;
}

static void walk_children(hctx *c, xmlNode *n, int depth) {
  for (xmlNode *k = n->children; k && !c->err; k = k->next) walk(c, k, depth + 1);
}

static void walk(hctx *c, xmlNode *n, int depth) {
  if (c->err) return;
  if (depth > c->lim->max_xml_depth) {
    fail(c, RS_ELIMIT,
         rs_sprintf("Tệp HTML lồng nhau quá sâu (quá %d cấp): đã từ chối đọc.", c->lim->max_xml_depth));
    return;
  }
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (!n->content) return;
    char *clean = strip_conditionals((const char *)n->content);
    if (hb_text(&c->b, clean ? clean : (const char *)n->content))
      fail(c, RS_ENOMEM, rs_strdup("Không đủ bộ nhớ khi đọc tệp HTML."));
    free(clean);
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  if (is_skipped(n)) return;
  if (is_name(n, "br")) {
    if (c->b.len > 0 && !c->b.space) {
      if (hb_put(&c->b, " ", 1)) fail(c, RS_ENOMEM, rs_strdup("Không đủ bộ nhớ khi đọc tệp HTML."));
      c->b.space = 1;
    }
    return;
  }
  if (is_name(n, "img")) { /* never fetched; its alt text is not body text */
    c->d->images++;          /* counted: a scan pasted as images has no text */
    return;
  }
  if (is_word_list_label(n) && c->b.len == 0) {
    /* at the start of the item: its label (an empty one shows nothing) */
    char *l = word_list_label(n);
    if (l) {
      free(c->label);
      c->label = l;
    }
    return;
  }
  if (!is_block(n)) {
    walk_children(c, n, depth);
    return;
  }
  /* a block: what was collected before it is a paragraph of its own */
  flush(c);
  int saved_heading = c->heading;
  int pushed_table = 0, pushed_list = 0;
  if (n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' && n->name[1] <= '6' &&
      n->name[2] == 0)
    c->heading = n->name[1] - '0';
  if (is_name(n, "table")) {
    if (c->ntab < MAX_TABLE_NEST) {
      c->tabno++;
      c->tstack[c->ntab][0] = c->tabno;
      c->tstack[c->ntab][1] = 0;
      c->tstack[c->ntab][2] = 0;
      c->ntab++;
      pushed_table = 1;
    }
  } else if (is_name(n, "tr")) {
    if (c->ntab > 0) {
      c->tstack[c->ntab - 1][1]++;
      c->tstack[c->ntab - 1][2] = 0;
    }
  } else if (is_name(n, "td") || is_name(n, "th")) {
    if (c->ntab > 0) c->tstack[c->ntab - 1][2] += 1;
  } else if (is_name(n, "ol") || is_name(n, "ul")) {
    if (c->nlist < MAX_LIST_NEST) {
      hlist *l = &c->lists[c->nlist++];
      l->ordered = is_name(n, "ol");
      l->type = '1';
      xmlChar *t = xmlGetProp(n, (const xmlChar *)"type");
      if (t) {
        if (strchr("1aAiI", t[0]) && t[0]) l->type = (char)t[0];
        xmlFree(t);
      }
      l->next = attr_long(n, "start", 1);
      pushed_list = 1;
    }
  } else if (is_name(n, "li")) {
    if (c->nlist > 0 && c->lists[c->nlist - 1].ordered) {
      hlist *l = &c->lists[c->nlist - 1];
      long v = attr_long(n, "value", l->next);
      l->next = v + 1;
      char num[32];
      if (l->type == 'a' || l->type == 'A') alpha(v, l->type == 'A', num, sizeof num);
      else if (l->type == 'i' || l->type == 'I') roman(v, l->type == 'I', num, sizeof num);
      else snprintf(num, sizeof num, "%ld", v);
      free(c->label);
      c->label = rs_sprintf("%s.", num);
    }
  }
  walk_children(c, n, depth);
  flush(c);
  if (is_name(n, "li")) {
    free(c->label); /* an item without text */
    c->label = NULL;
  }
  if (is_name(n, "td") || is_name(n, "th")) {
    long span = attr_long(n, "colspan", 1);
    if (span > 1 && span < 1000 && c->ntab > 0) c->tstack[c->ntab - 1][2] += (int)span - 1;
  }
  if (pushed_table) c->ntab--;
  if (pushed_list) c->nlist--;
  c->heading = saved_heading;
}

/* charset declared in a <meta> near the top, or NULL */
static char *declared_charset(const char *buf, size_t n) {
  size_t lim = n < 4096 ? n : 4096;
  for (size_t i = 0; i + 8 < lim; i++) {
    if (strncasecmp(buf + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < lim && (buf[j] == ' ' || buf[j] == '\t')) j++;
    if (j >= lim || buf[j] != '=') continue;
    j++;
    while (j < lim && (buf[j] == ' ' || buf[j] == '"' || buf[j] == '\'')) j++;
    size_t k = j;
    while (k < lim && (isalnum((unsigned char)buf[k]) || buf[k] == '-' || buf[k] == '_' || buf[k] == '.' ||
                       buf[k] == ':'))
      k++;
    if (k > j && k - j < 40) return rs_strndup(buf + j, k - j);
  }
  return NULL;
}

static int valid_utf8(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int32_t c;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &c);
    if (l < 0) return 0;
    i += (size_t)l;
  }
  return 1;
}


static int read_all(const char *path, const rs_limits *lim, char **out, size_t *outlen, char **err) {
  FILE *f = rs_fopen_input(path);
  if (!f) {
    if (errno == ENOENT) *err = rs_sprintf("Không tìm thấy tệp %s.", path);
    else *err = rs_sprintf("Không mở được tệp %s (%s).", path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(f);
    *err = rs_sprintf("%s là một thư mục, không phải tệp HTML.", path);
    return RS_EIO;
  }
  if (fstat(fileno(f), &st) == 0 && (size_t)st.st_size > lim->max_file_bytes) {
    fclose(f);
    *err = rs_sprintf("Tệp %s quá lớn (%lld byte, giới hạn %zu byte): đã từ chối đọc.", path,
                      (long long)st.st_size, lim->max_file_bytes);
    return RS_ELIMIT;
  }
  size_t cap = 65536, len = 0;
  char *buf = malloc(cap + 1);
  if (!buf) {
    fclose(f);
    return RS_ENOMEM;
  }
  for (;;) {
    if (len == cap) {
      if (len > lim->max_file_bytes) break;
      char *nb = realloc(buf, cap * 2 + 1);
      if (!nb) {
        free(buf);
        fclose(f);
        return RS_ENOMEM;
      }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + len, 1, cap - len, f);
    if (r == 0) break;
    len += r;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    *err = rs_sprintf("Lỗi khi đọc tệp %s.", path);
    return RS_EIO;
  }
  if (len > lim->max_file_bytes) {
    free(buf);
    *err = rs_sprintf("Tệp %s quá lớn (giới hạn %zu byte): đã từ chối đọc.", path, lim->max_file_bytes);
    return RS_ELIMIT;
  }
  buf[len] = 0;
  *out = buf;
  *outlen = len;
  return 0;
}

int rs_read_html(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  rs_limits dl;
  if (!lim) {
    rs_limits_default(&dl);
    lim = &dl;
  }
  *out = NULL;
  *err = NULL;
  char *buf = NULL;
  size_t len = 0;
  int rc = read_all(path, lim, &buf, &len, err);
  if (rc) return rc;
  /* a report or summary rasoat wrote (its generator tag near the top): a
   * result, not a draft; said so rather than checked as one (it is listed,
   * so that a submission dressed up as a report is still seen) */
  {
    size_t head = len < 4096 ? len : 4096;
    static const char tag[] = "<meta name=\"generator\" content=\"rasoat ";
    int own = 0;
    for (const char *q = buf; !own && (q = memchr(q, '<', head - (size_t)(q - buf))) != NULL; q++)
      own = (size_t)(buf + head - q) >= sizeof tag - 1 && !memcmp(q, tag, sizeof tag - 1);
    if (own) {
      free(buf);
      *err = rs_sprintf("Tệp này là kết quả rasoat đã viết (báo cáo kết quả hoặc bảng tổng hợp), không phải văn bản "
                        "để kiểm tra");
      return RS_EFORMAT;
    }
  }
  if (len > 0x7fffffff) {
    free(buf);
    *err = rs_sprintf("Tệp %s quá lớn.", path);
    return RS_ELIMIT;
  }
  const char *text = buf;
  size_t tlen = len;
  const char *enc = "UTF-8";
  char *charset = declared_charset(buf, len);
  char *conv = NULL;
  const char *legacy = NULL;
  if (tlen >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
    text += 3;
    tlen -= 3;
  } else if (tlen >= 2 && ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE) &&
             ((unsigned char)text[1] == 0xFF || (unsigned char)text[1] == 0xFE)) {
    enc = (unsigned char)text[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  } else if (charset && strcasecmp(charset, "utf-8") && strcasecmp(charset, "utf8")) {
    enc = charset; /* iso-8859-1, windows-1252, windows-1258, ... */
    if (!strcasecmp(charset, "iso-8859-1") || !strcasecmp(charset, "latin1") ||
        !strcasecmp(charset, "us-ascii"))
      enc = "windows-1252"; /* as browsers do */
  } else if (!valid_utf8(text, tlen)) {
    size_t clen = 0;
    legacy = rs_legacy_decode_bytes(text, tlen, &conv, &clen);
    if (legacy) {
      text = conv;
      tlen = clen;
    } else {
      enc = "windows-1252";
    }
  }
  rs_xml_init();
  htmlDocPtr doc = htmlReadMemory(text, (int)tlen, path, enc,
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT);
  if (!doc && strcmp(enc, "UTF-8") != 0) /* unknown charset name: fall back to UTF-8 */
    doc = htmlReadMemory(text, (int)tlen, path, "UTF-8",
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  free(charset);
  if (!doc) {
    free(buf);
    free(conv);
    *err = rs_sprintf("Không đọc được tệp HTML %s: nội dung không hợp lệ. Hãy mở bằng trình duyệt hoặc "
                      "Word và lưu lại dưới dạng .html hoặc .docx.",
                      path);
    return RS_EFORMAT;
  }
  rs_doc *d = rs_doc_new(path, "html");
  if (!d) {
    xmlFreeDoc(doc);
    free(buf);
    free(conv);
    return RS_ENOMEM;
  }
  hctx c = {0};
  c.d = d;
  c.lim = lim;
  for (xmlNode *k = doc->children; k && !c.err; k = k->next) walk(&c, k, 1);
  flush(&c);
  free(c.b.s);
  free(c.label);
  xmlFreeDoc(doc);
  free(buf);
  free(conv);
  if (c.err) {
    rs_doc_free(d);
    *err = c.errmsg ? c.errmsg : rs_strdup("Không đọc được tệp HTML.");
    return c.err;
  }
  if (legacy) {
    d->encoding = legacy;
    static const char *const rules[][3] = {{"tcvn3", "encoding/legacy-tcvn3", "TCVN3 (ABC)"},
                                           {"vni", "encoding/legacy-vni", "VNI"},
                                           {"windows-1258", "encoding/legacy-windows-1258", "Windows-1258"}};
    for (size_t i = 0; i < 3; i++)
      if (!strcmp(rules[i][0], legacy)) {
        rs_diag *g = rs_diags_add(&d->diags, rules[i][1], RS_SEV_WARNING,
                                  "Tệp HTML dùng bảng mã cũ %s: nội dung đã được chuyển sang Unicode để kiểm "
                                  "tra. Hãy lưu lại tệp bằng bảng mã Unicode (UTF-8) theo TCVN 6909:2001.",
                                  rules[i][2]);
        if (g && d->npara > 0) rs_diag_locate(g, d, 0, 0, 0);
      }
  } else {
    rs_legacy_convert_doc(d);
  }
  *out = d;
  return 0;
}
