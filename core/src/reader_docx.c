/* .docx reader: WordprocessingML through zipsafe + xmlsafe.
 *
 * Paragraphs in document order (body, then footnotes/endnotes, headers,
 * footers), table cells with table/row/cell, generated numbering labels
 * from numbering.xml, tracked insertions kept and deletions dropped, fields
 * as their displayed result, and the layout (page, resolved run fonts,
 * paragraph alignment, indentation and spacing). */
#include "readers.h"

#include "doc.h"
#include "xmlsafe.h"
#include "zipsafe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define A_NS "http://schemas.openxmlformats.org/drawingml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"

/* ---------------------------------------------------------------- helpers */

static int is_wns(const xmlNode *n) {
  return n->ns && n->ns->href &&
         (!strcmp((const char *)n->ns->href, W_NS) || !strcmp((const char *)n->ns->href, W_NS_STRICT));
}

static int isw(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && is_wns(n) && !strcmp((const char *)n->name, name);
}

static xmlNode *wchild(const xmlNode *n, const char *name) {
  if (!n) return NULL;
  for (xmlNode *c = n->children; c; c = c->next)
    if (isw(c, name)) return c;
  return NULL;
}

/* Attribute value of a w: (or unqualified) attribute, borrowed. */
static const char *wattr(const xmlNode *n, const char *name) {
  if (!n) return NULL;
  for (xmlAttr *a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, name) != 0) continue;
    if (a->ns && a->ns->href && strcmp((const char *)a->ns->href, W_NS) != 0 &&
        strcmp((const char *)a->ns->href, W_NS_STRICT) != 0)
      continue;
    if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
      return (const char *)a->children->content;
    return "";
  }
  return NULL;
}

static const char *wval(const xmlNode *n) { return wattr(n, "val"); }

/* On/off property: absent element -1, <w:b/> 1, w:val 0/false/off 0. */
static int onoff(const xmlNode *n) {
  if (!n) return -1;
  const char *v = wval(n);
  if (!v) return 1;
  if (!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "off") || !strcasecmp(v, "none"))
    return 0;
  return 1;
}

static int attr_long(const xmlNode *n, const char *name, long *out) {
  const char *v = wattr(n, name);
  if (!v || !*v) return 0;
  char *end;
  double d = strtod(v, &end);
  if (end == v || !(d > -1e15 && d < 1e15)) return 0; /* NaN, inf, or too big for a long */
  *out = (long)d;
  return 1;
}

static double twips_to_mm(long t) { return (double)t * 25.4 / 1440.0; }

/* ---------------------------------------------------------------- formatting */

typedef struct rprops {
  const char *font; /* borrowed (theme or XML strings kept alive) or NULL */
  double size;      /* pt, 0 unset */
  int bold, italic; /* -1 unset */
  int hidden;       /* w:vanish: not shown nor printed; -1 unset */
} rprops;

typedef struct pprops {
  rs_align align; /* RS_ALIGN_UNKNOWN unset */
  double first_mm, before, after, line; /* NAN unset */
  int outline;    /* -1 unset, 0-based */
  int numid, ilvl; /* -1 unset */
} pprops;

static void rprops_init(rprops *r) {
  r->font = NULL;
  r->size = 0;
  r->bold = r->italic = r->hidden = -1;
}

static void pprops_init(pprops *p) {
  p->align = RS_ALIGN_UNKNOWN;
  p->first_mm = p->before = p->after = p->line = NAN;
  p->outline = -1;
  p->numid = p->ilvl = -1;
}

static void rprops_over(rprops *dst, const rprops *src) {
  if (src->font) dst->font = src->font;
  if (src->size > 0) dst->size = src->size;
  if (src->bold >= 0) dst->bold = src->bold;
  if (src->italic >= 0) dst->italic = src->italic;
  if (src->hidden >= 0) dst->hidden = src->hidden;
}

static void pprops_over(pprops *dst, const pprops *src) {
  if (src->align != RS_ALIGN_UNKNOWN) dst->align = src->align;
  if (!isnan(src->first_mm)) dst->first_mm = src->first_mm;
  if (!isnan(src->before)) dst->before = src->before;
  if (!isnan(src->after)) dst->after = src->after;
  if (!isnan(src->line)) dst->line = src->line;
  if (src->outline >= 0) dst->outline = src->outline;
  if (src->numid >= 0) {
    dst->numid = src->numid;
    dst->ilvl = src->ilvl >= 0 ? src->ilvl : 0;
  } else if (src->ilvl >= 0) {
    dst->ilvl = src->ilvl;
  }
}

typedef struct style {
  const char *id, *name, *based; /* borrowed from the styles document */
  char type;                     /* 'p' paragraph, 'c' character, other */
  int is_default;
  rprops r;
  pprops p;
  int resolving, resolved;
  rprops rr; /* resolved through basedOn */
  pprops rp;
} style;

/* numbering */
enum { NF_DECIMAL, NF_UROMAN, NF_LROMAN, NF_ULETTER, NF_LLETTER, NF_BULLET, NF_NONE, NF_DECZERO };

typedef struct numlvl {
  int fmt;
  const char *text; /* borrowed, NULL when absent */
  int start;
  int defined;
} numlvl;

typedef struct absnum {
  long id;
  numlvl lvl[9];
} absnum;

typedef struct num {
  long id;
  long abs;
  int start_override[9]; /* -1 none */
  long counter[9];
  int started[9];
} num;

typedef struct docx {
  rs_doc *d;
  const rs_limits *lim;
  rs_zip *z;
  xmlDocPtr styles_doc, num_doc, theme_doc;
  char *minor_font, *major_font;
  style *styles;
  size_t nstyles;
  const style *def_pstyle;
  rprops def_r;
  pprops def_p;
  absnum *abs;
  size_t nabs;
  num *nums;
  size_t nnums;
  int table_counter;
  /* current paragraph */
  char *buf;
  size_t len, cap;
  rs_run *runs;
  size_t nruns, capruns;
  int fld[32];
  int nfld, fld_hidden;
  int tracked;          /* this paragraph has a change */
  int strip_lead;       /* after a footnote mark: drop the leading spaces */
  uint32_t tr_start, tr_end;
  int first_tracked;    /* 0-based paragraph index, -1 none */
  uint32_t ftr_start, ftr_end;
  rs_part part;
  int in_toc;           /* inside a table-of-contents content control */
  const xmlNode **txbx; /* text boxes met in the current paragraph's runs, read after it */
  size_t ntxbx, captxbx;
  int table, row, cell;
  int rc;
  char *err;
} docx;

static const char *theme_font(docx *x, const char *t) {
  if (!t) return NULL;
  if (!strncmp(t, "minor", 5)) return x->minor_font;
  if (!strncmp(t, "major", 5)) return x->major_font;
  return NULL;
}

static void parse_rpr(docx *x, const xmlNode *rpr, rprops *r) {
  if (!rpr) return;
  for (xmlNode *c = rpr->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is_wns(c)) continue;
    const char *nm = (const char *)c->name;
    if (!strcmp(nm, "rFonts")) {
      const char *f = theme_font(x, wattr(c, "asciiTheme"));
      if (!f) f = wattr(c, "ascii");
      if (!f) f = theme_font(x, wattr(c, "hAnsiTheme"));
      if (!f) f = wattr(c, "hAnsi");
      if (f && *f) r->font = f;
    } else if (!strcmp(nm, "b")) {
      r->bold = onoff(c);
    } else if (!strcmp(nm, "i")) {
      r->italic = onoff(c);
    } else if (!strcmp(nm, "vanish")) {
      r->hidden = onoff(c);
    } else if (!strcmp(nm, "sz")) {
      long v;
      if (attr_long(c, "val", &v) && v > 0) r->size = (double)v / 2.0;
    }
  }
}

static void parse_ppr(const xmlNode *ppr, pprops *p) {
  if (!ppr) return;
  for (xmlNode *c = ppr->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is_wns(c)) continue;
    const char *nm = (const char *)c->name;
    long v;
    if (!strcmp(nm, "jc")) {
      const char *j = wval(c);
      if (!j) continue;
      if (!strcmp(j, "left") || !strcmp(j, "start")) p->align = RS_ALIGN_LEFT;
      else if (!strcmp(j, "center")) p->align = RS_ALIGN_CENTER;
      else if (!strcmp(j, "right") || !strcmp(j, "end")) p->align = RS_ALIGN_RIGHT;
      else if (!strcmp(j, "both") || !strcmp(j, "distribute") || !strncmp(j, "thaiDist", 8) ||
               !strncmp(j, "lowKashida", 10) || !strncmp(j, "mediumKashida", 13) ||
               !strncmp(j, "highKashida", 11))
        p->align = RS_ALIGN_JUSTIFY;
    } else if (!strcmp(nm, "ind")) {
      if (attr_long(c, "firstLine", &v)) p->first_mm = twips_to_mm(v);
      else if (attr_long(c, "hanging", &v)) p->first_mm = -twips_to_mm(v);
    } else if (!strcmp(nm, "spacing")) {
      if (attr_long(c, "before", &v)) p->before = (double)v / 20.0;
      if (attr_long(c, "after", &v)) p->after = (double)v / 20.0;
      if (attr_long(c, "line", &v)) {
        const char *rule = wattr(c, "lineRule");
        if (!rule || !strcmp(rule, "auto")) p->line = (double)v / 240.0;
        else p->line = NAN;
      }
    } else if (!strcmp(nm, "outlineLvl")) {
      if (attr_long(c, "val", &v) && v >= 0 && v < 9) p->outline = (int)v;
    } else if (!strcmp(nm, "numPr")) {
      xmlNode *ni = wchild(c, "numId"), *il = wchild(c, "ilvl");
      if (ni && attr_long(ni, "val", &v)) p->numid = (int)v;
      if (il && attr_long(il, "val", &v) && v >= 0 && v < 9) p->ilvl = (int)v;
    }
  }
}

static int style_cmp(const void *a, const void *b) {
  return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static style *find_style(docx *x, const char *id) {
  if (!id || !x->nstyles) return NULL;
  style key;
  memset(&key, 0, sizeof key);
  key.id = id;
  return bsearch(&key, x->styles, x->nstyles, sizeof *x->styles, style_cmp);
}

static void resolve_style(docx *x, style *s, int depth) {
  if (s->resolved) return;
  rprops_init(&s->rr);
  pprops_init(&s->rp);
  if (s->resolving || depth > 32) return; /* basedOn cycle */
  s->resolving = 1;
  style *b = s->based ? find_style(x, s->based) : NULL;
  if (b && b != s) {
    resolve_style(x, b, depth + 1);
    s->rr = b->rr;
    s->rp = b->rp;
  }
  rprops_over(&s->rr, &s->r);
  pprops_over(&s->rp, &s->p);
  s->resolving = 0;
  s->resolved = 1;
}

static int load_styles(docx *x, xmlNode *root) {
  size_t n = 0;
  for (xmlNode *c = root->children; c; c = c->next)
    if (isw(c, "style")) n++;
  x->styles = calloc(n ? n : 1, sizeof *x->styles);
  if (!x->styles) return RS_ENOMEM;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (isw(c, "docDefaults")) {
      xmlNode *rd = wchild(c, "rPrDefault"), *pd = wchild(c, "pPrDefault");
      if (rd) parse_rpr(x, wchild(rd, "rPr"), &x->def_r);
      if (pd) parse_ppr(wchild(pd, "pPr"), &x->def_p);
      continue;
    }
    if (!isw(c, "style")) continue;
    const char *id = wattr(c, "styleId");
    if (!id) continue;
    style *s = &x->styles[x->nstyles++];
    s->id = id;
    xmlNode *nm = wchild(c, "name"), *bo = wchild(c, "basedOn");
    s->name = nm ? wval(nm) : NULL;
    s->based = bo ? wval(bo) : NULL;
    const char *t = wattr(c, "type");
    s->type = t ? t[0] : 'p';
    const char *def = wattr(c, "default");
    s->is_default = def && (!strcmp(def, "1") || !strcmp(def, "true") || !strcmp(def, "on"));
    rprops_init(&s->r);
    pprops_init(&s->p);
    parse_rpr(x, wchild(c, "rPr"), &s->r);
    parse_ppr(wchild(c, "pPr"), &s->p);
  }
  qsort(x->styles, x->nstyles, sizeof *x->styles, style_cmp);
  for (size_t i = 0; i < x->nstyles; i++)
    if (x->styles[i].type == 'p' && x->styles[i].is_default && !x->def_pstyle)
      x->def_pstyle = &x->styles[i];
  return RS_OK;
}

static int load_theme(docx *x, xmlNode *root) {
  /* a:theme/a:themeElements/a:fontScheme/a:majorFont|a:minorFont/a:latin@typeface */
  xmlNode *te = rs_xml_child(root, A_NS, "themeElements");
  xmlNode *fs = rs_xml_child(te, A_NS, "fontScheme");
  if (!fs) return RS_OK;
  xmlNode *maj = rs_xml_child(fs, A_NS, "majorFont"), *min = rs_xml_child(fs, A_NS, "minorFont");
  xmlNode *ml = rs_xml_child(maj, A_NS, "latin"), *nl = rs_xml_child(min, A_NS, "latin");
  x->major_font = ml ? rs_xml_attr(ml, NULL, "typeface") : NULL;
  x->minor_font = nl ? rs_xml_attr(nl, NULL, "typeface") : NULL;
  if (x->major_font && !*x->major_font) {
    free(x->major_font);
    x->major_font = NULL;
  }
  if (x->minor_font && !*x->minor_font) {
    free(x->minor_font);
    x->minor_font = NULL;
  }
  return RS_OK;
}

/* ---------------------------------------------------------------- numbering */

static int parse_numfmt(const char *v) {
  if (!v) return NF_DECIMAL;
  if (!strcmp(v, "upperRoman")) return NF_UROMAN;
  if (!strcmp(v, "lowerRoman")) return NF_LROMAN;
  if (!strcmp(v, "upperLetter")) return NF_ULETTER;
  if (!strcmp(v, "lowerLetter")) return NF_LLETTER;
  if (!strcmp(v, "bullet")) return NF_BULLET;
  if (!strcmp(v, "none")) return NF_NONE;
  if (!strcmp(v, "decimalZero")) return NF_DECZERO;
  return NF_DECIMAL;
}

static void parse_lvl(const xmlNode *l, numlvl *out) {
  long v;
  xmlNode *st = wchild(l, "start"), *fm = wchild(l, "numFmt"), *tx = wchild(l, "lvlText");
  out->defined = 1;
  out->start = (st && attr_long(st, "val", &v)) ? (int)v : (out->start ? out->start : 1);
  if (fm) out->fmt = parse_numfmt(wval(fm));
  if (tx) out->text = wval(tx);
}

static int load_numbering(docx *x, xmlNode *root) {
  size_t na = 0, nn = 0;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (isw(c, "abstractNum")) na++;
    else if (isw(c, "num")) nn++;
  }
  x->abs = calloc(na ? na : 1, sizeof *x->abs);
  x->nums = calloc(nn ? nn : 1, sizeof *x->nums);
  if (!x->abs || !x->nums) return RS_ENOMEM;
  for (xmlNode *c = root->children; c; c = c->next) {
    long v;
    if (isw(c, "abstractNum")) {
      absnum *a = &x->abs[x->nabs++];
      a->id = attr_long(c, "abstractNumId", &v) ? v : -1;
      for (int i = 0; i < 9; i++) {
        a->lvl[i].fmt = NF_DECIMAL;
        a->lvl[i].start = 1;
      }
      for (xmlNode *l = c->children; l; l = l->next) {
        if (!isw(l, "lvl") || !attr_long(l, "ilvl", &v) || v < 0 || v > 8) continue;
        parse_lvl(l, &a->lvl[v]);
      }
    } else if (isw(c, "num")) {
      num *m = &x->nums[x->nnums++];
      m->id = attr_long(c, "numId", &v) ? v : -1;
      xmlNode *an = wchild(c, "abstractNumId");
      m->abs = (an && attr_long(an, "val", &v)) ? v : -1;
      for (int i = 0; i < 9; i++) m->start_override[i] = -1;
      for (xmlNode *o = c->children; o; o = o->next) {
        if (!isw(o, "lvlOverride") || !attr_long(o, "ilvl", &v) || v < 0 || v > 8) continue;
        xmlNode *so = wchild(o, "startOverride");
        long s;
        if (so && attr_long(so, "val", &s)) m->start_override[v] = (int)s;
      }
    }
  }
  return RS_OK;
}

static void append_str(char *out, size_t cap, size_t *len, const char *s) {
  size_t n = strlen(s);
  if (*len + n + 1 > cap) n = cap > *len + 1 ? cap - *len - 1 : 0;
  memcpy(out + *len, s, n);
  *len += n;
  out[*len] = 0;
}

static void fmt_roman(long v, int upper, char *out) {
  static const int vals[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  static const char *up[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
  static const char *lo[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
  size_t len = 0;
  out[0] = 0;
  if (v <= 0 || v > 3999) {
    snprintf(out, 24, "%ld", v);
    return;
  }
  for (int i = 0; i < 13; i++)
    while (v >= vals[i]) {
      append_str(out, 24, &len, upper ? up[i] : lo[i]);
      v -= vals[i];
    }
}

static void fmt_counter(long v, int fmt, char *out) {
  switch (fmt) {
  case NF_UROMAN: fmt_roman(v, 1, out); return;
  case NF_LROMAN: fmt_roman(v, 0, out); return;
  case NF_ULETTER:
  case NF_LLETTER: {
    if (v <= 0) {
      snprintf(out, 24, "%ld", v);
      return;
    }
    /* Word: a..z, then aa..zz, aaa..: the letter repeated */
    int rep = (int)((v - 1) / 26) + 1;
    char c = (char)((fmt == NF_ULETTER ? 'A' : 'a') + (v - 1) % 26);
    if (rep > 20) rep = 20;
    for (int i = 0; i < rep; i++) out[i] = c;
    out[rep] = 0;
    return;
  }
  case NF_DECZERO: snprintf(out, 24, "%02ld", v); return;
  case NF_NONE: out[0] = 0; return;
  default: snprintf(out, 24, "%ld", v); return;
  }
}

static num *find_num(docx *x, long id) {
  for (size_t i = 0; i < x->nnums; i++)
    if (x->nums[i].id == id) return &x->nums[i];
  return NULL;
}

static absnum *find_abs(docx *x, long id) {
  for (size_t i = 0; i < x->nabs; i++)
    if (x->abs[i].id == id) return &x->abs[i];
  return NULL;
}

/* Advance the counters of numId at ilvl and render the label (malloc'd),
 * or NULL when the paragraph shows none. */
static char *number_label(docx *x, int numid, int ilvl) {
  if (numid <= 0 || ilvl < 0 || ilvl > 8) return NULL;
  num *m = find_num(x, numid);
  if (!m) return NULL;
  absnum *a = find_abs(x, m->abs);
  if (!a) return NULL;
  const numlvl *L = &a->lvl[ilvl];
  if (!m->started[ilvl]) {
    m->counter[ilvl] = m->start_override[ilvl] >= 0 ? m->start_override[ilvl] : L->start;
    m->started[ilvl] = 1;
  } else {
    m->counter[ilvl]++;
  }
  for (int k = ilvl + 1; k < 9; k++) m->started[k] = 0;
  if (!L->text || L->fmt == NF_NONE) return NULL;
  char out[256];
  size_t len = 0;
  out[0] = 0;
  if (L->fmt == NF_BULLET) {
    /* Symbol-font bullets are private-use code points: show a bullet */
    const unsigned char *t = (const unsigned char *)L->text;
    int32_t cp = 0;
    int l = rs_utf8_decode(t, strlen(L->text), &cp);
    if (l > 0 && cp >= 0xE000 && cp <= 0xF8FF) return rs_strdup("•");
    return *L->text ? rs_strdup(L->text) : NULL;
  }
  for (const char *p = L->text; *p; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      int k = p[1] - '1';
      long v = m->started[k] ? m->counter[k]
                             : (m->start_override[k] >= 0 ? m->start_override[k] : a->lvl[k].start);
      char num[24];
      fmt_counter(v, k == ilvl ? L->fmt : a->lvl[k].fmt, num);
      append_str(out, sizeof out, &len, num);
      p++;
    } else if (len + 1 < sizeof out) {
      out[len++] = *p;
      out[len] = 0;
    }
  }
  return len ? rs_strdup(out) : NULL;
}

/* ---------------------------------------------------------------- paragraph text */

static int buf_append(docx *x, const char *s, size_t n) {
  if (n == 0) return 0;
  /* NFC per piece so that run byte ranges survive the document's NFC pass */
  utf8proc_uint8_t *nfc = NULL;
  /* the common piece (ASCII, precomposed Vietnamese) cannot change */
  if (!rs_nfc_trivial(s, n)) {
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r >= 0) {
      s = (const char *)nfc;
      n = (size_t)r;
    } else {
      nfc = NULL; /* invalid UTF-8 cannot come from libxml2; keep as is */
    }
  }
  if (x->len + n + 1 > x->cap) {
    size_t nc = x->cap ? x->cap * 2 : 256;
    while (nc < x->len + n + 1) nc *= 2;
    char *nb = realloc(x->buf, nc);
    if (!nb) {
      free(nfc);
      return RS_ENOMEM;
    }
    x->buf = nb;
    x->cap = nc;
  }
  memcpy(x->buf + x->len, s, n);
  x->len += n;
  x->buf[x->len] = 0;
  free(nfc);
  return 0;
}

static int same_fmt(const rs_run *a, const rprops *r) {
  if ((a->font == NULL) != (r->font == NULL)) return 0;
  if (a->font && strcmp(a->font, r->font)) return 0;
  return a->size_pt == r->size && a->bold == r->bold && a->italic == r->italic;
}

/* Record that bytes [start, x->len) have formatting r. */
static int add_run(docx *x, size_t start, const rprops *r) {
  if (x->len <= start) return 0;
  if (x->nruns > 0) {
    rs_run *last = &x->runs[x->nruns - 1];
    if (last->end == start && same_fmt(last, r)) {
      last->end = (uint32_t)x->len;
      return 0;
    }
  }
  if (x->nruns == x->capruns) {
    size_t nc = x->capruns ? x->capruns * 2 : 8;
    rs_run *nr = realloc(x->runs, nc * sizeof *nr);
    if (!nr) return RS_ENOMEM;
    x->runs = nr;
    x->capruns = nc;
  }
  rs_run *o = &x->runs[x->nruns++];
  o->start = (uint32_t)start;
  o->end = (uint32_t)x->len;
  o->font = (char *)r->font; /* borrowed until the paragraph is stored */
  o->size_pt = r->size;
  o->bold = r->bold;
  o->italic = r->italic;
  return 0;
}

static int field_visible(const docx *x) {
  for (int i = 0; i < x->nfld && i < (int)(sizeof x->fld / sizeof x->fld[0]); i++)
    if (!x->fld[i]) return 0;
  return 1;
}

static void mark_tracked(docx *x, size_t start, size_t end) {
  if (!x->tracked) {
    x->tracked = 1;
    x->tr_start = (uint32_t)start;
    x->tr_end = (uint32_t)end;
  }
}

/* Does a w:drawing, w:pict or w:object hold a picture (DrawingML a:blip,
 * VML v:imagedata), not only a shape? The tree is already bounded in depth
 * (xmlsafe); depth is a second guard. */
static int has_picture(const xmlNode *n, int depth) {
  if (depth > 64) return 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!strcmp((const char *)c->name, "blip") || !strcmp((const char *)c->name, "imagedata")) return 1;
    if (has_picture(c, depth + 1)) return 1;
  }
  return 0;
}

#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

static int is_mc(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && !strcmp((const char *)n->ns->href, MC_NS) &&
         !strcmp((const char *)n->name, name);
}

/* Queue the text boxes (w:txbxContent, DrawingML or VML) inside a drawing:
 * their paragraphs are read after the paragraph that anchors them. A box
 * inside a box is found when that box is read. */
static int queue_txbx(docx *x, const xmlNode *n, int depth) {
  if (depth > 64) return 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_wns(c) && !strcmp((const char *)c->name, "txbxContent")) {
      if (x->ntxbx == x->captxbx) {
        size_t nc = x->captxbx ? x->captxbx * 2 : 4;
        const xmlNode **nv = realloc(x->txbx, nc * sizeof *nv);
        if (!nv) return RS_ENOMEM;
        x->txbx = nv;
        x->captxbx = nc;
      }
      x->txbx[x->ntxbx++] = c;
      continue;
    }
    int e = queue_txbx(x, c, depth + 1);
    if (e) return e;
  }
  return 0;
}

/* A drawing (w:drawing, w:pict, w:object) in a run: its pictures are
 * counted, its text boxes queued. */
static int run_drawing(docx *x, const xmlNode *c) {
  if (x->part == RS_PART_BODY && has_picture(c, 0)) x->d->images++;
  return queue_txbx(x, c, 0);
}

/* mc:AlternateContent: Word writes a shape twice, as DrawingML (mc:Choice)
 * and as VML (mc:Fallback); only one is read: the first Choice holding a
 * drawing, else the Fallback. */
static int run_alternate(docx *x, const xmlNode *ac) {
  const xmlNode *pick = NULL, *fallback = NULL;
  for (const xmlNode *b = ac->children; b && !pick; b = b->next) {
    if (is_mc(b, "Choice")) {
      for (const xmlNode *k = b->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && is_wns(k)) {
          pick = b;
          break;
        }
    } else if (is_mc(b, "Fallback") && !fallback) {
      fallback = b;
    }
  }
  if (!pick) pick = fallback;
  if (!pick) return 0;
  for (const xmlNode *k = pick->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || !is_wns(k)) continue;
    const char *nm = (const char *)k->name;
    if (!strcmp(nm, "drawing") || !strcmp(nm, "pict") || !strcmp(nm, "object")) {
      int e = run_drawing(x, k);
      if (e) return e;
    }
  }
  return 0;
}

static int walk_run(docx *x, const xmlNode *r, const rprops *pbase, int deleted) {
  rprops rp = *pbase;
  xmlNode *rpr = wchild(r, "rPr");
  if (rpr) {
    xmlNode *rs = wchild(rpr, "rStyle");
    style *cs = rs ? find_style(x, wval(rs)) : NULL;
    if (cs) {
      resolve_style(x, cs, 0);
      rprops_over(&rp, &cs->rr);
    }
    rprops direct;
    rprops_init(&direct);
    parse_rpr(x, rpr, &direct);
    rprops_over(&rp, &direct);
  }
  size_t start = x->len;
  for (xmlNode *c = r->children; c; c = c->next) {
    if (is_mc(c, "AlternateContent") && !deleted && field_visible(x) && rp.hidden != 1) {
      int e = run_alternate(x, c);
      if (e) return e;
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || !is_wns(c)) continue;
    const char *nm = (const char *)c->name;
    if (!strcmp(nm, "fldChar")) {
      const char *t = wattr(c, "fldCharType");
      if (!t) continue;
      if (!strcmp(t, "begin")) {
        if (x->nfld < (int)(sizeof x->fld / sizeof x->fld[0])) x->fld[x->nfld] = 0;
        x->nfld++;
      } else if (!strcmp(t, "separate")) {
        if (x->nfld > 0 && x->nfld <= (int)(sizeof x->fld / sizeof x->fld[0])) x->fld[x->nfld - 1] = 1;
      } else if (!strcmp(t, "end")) {
        if (x->nfld > 0) x->nfld--;
      }
      continue;
    }
    /* deleted, a field's code, or hidden text (w:vanish): not in the document a reader sees */
    if (deleted || !field_visible(x) || rp.hidden == 1) continue;
    int e = 0;
    if (!strcmp(nm, "t")) {
      for (xmlNode *t = c->children; t && !e; t = t->next) {
        if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content) continue;
        const char *s = (const char *)t->content;
        if (x->strip_lead && x->len == 0)
          while (*s == ' ') s++;
        e = buf_append(x, s, strlen(s));
      }
    } else if (!strcmp(nm, "footnoteRef") || !strcmp(nm, "endnoteRef")) {
      x->strip_lead = 1;
    } else if (!strcmp(nm, "tab") || !strcmp(nm, "ptab")) {
      e = buf_append(x, "\t", 1);
    } else if (!strcmp(nm, "br") || !strcmp(nm, "cr")) {
      e = buf_append(x, " ", 1);
    } else if (!strcmp(nm, "noBreakHyphen")) {
      e = buf_append(x, "-", 1);
    } else if (!strcmp(nm, "drawing") || !strcmp(nm, "pict") || !strcmp(nm, "object")) {
      e = run_drawing(x, c);
    }
    if (e) return e;
  }
  return add_run(x, start, &rp);
}

static int walk_inline(docx *x, const xmlNode *n, const rprops *pbase, int deleted, int depth) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is_wns(c)) continue;
    const char *nm = (const char *)c->name;
    int e = 0;
    if (!strcmp(nm, "r")) {
      e = walk_run(x, c, pbase, deleted);
    } else if (!strcmp(nm, "ins") || !strcmp(nm, "moveTo")) {
      size_t s = x->len;
      e = walk_inline(x, c, pbase, deleted, depth + 1);
      if (!deleted) mark_tracked(x, s, x->len);
    } else if (!strcmp(nm, "del") || !strcmp(nm, "moveFrom")) {
      /* still walked for fldChar balance, but no text */
      e = walk_inline(x, c, pbase, 1, depth + 1);
      mark_tracked(x, x->len, x->len);
    } else if (!strcmp(nm, "pPr") || !strcmp(nm, "rPr")) {
      continue;
    } else if (!strcmp(nm, "sdt")) {
      xmlNode *sc = wchild(c, "sdtContent");
      if (sc) e = walk_inline(x, sc, pbase, deleted, depth + 1);
    } else if (!strcmp(nm, "hyperlink") || !strcmp(nm, "smartTag") || !strcmp(nm, "fldSimple") ||
               !strcmp(nm, "customXml") || !strcmp(nm, "dir") || !strcmp(nm, "bdo") ||
               !strcmp(nm, "sdtContent")) {
      e = walk_inline(x, c, pbase, deleted, depth + 1);
    }
    if (e) return e;
  }
  return 0;
}

/* Word's built-in table-of-contents styles: "toc 1" … "toc 9" and the
 * title "TOC Heading" (names are English in the file whatever the
 * language of Word). */
static int toc_style(const char *name) {
  if (!name) return 0;
  if (!strcasecmp(name, "TOC Heading")) return 1;
  return !strncasecmp(name, "toc ", 4) && name[4] >= '1' && name[4] <= '9' && !name[5];
}

/* A block-level content control that Word made for a table of contents
 * (w:sdtPr/w:docPartObj/w:docPartGallery = "Table of Contents"). */
static int toc_sdt(const xmlNode *sdt) {
  const xmlNode *pr = wchild(sdt, "sdtPr");
  const xmlNode *dp = pr ? wchild(pr, "docPartObj") : NULL;
  const xmlNode *g = dp ? wchild(dp, "docPartGallery") : NULL;
  const char *v = g ? wval(g) : NULL;
  return v && !strcasecmp(v, "Table of Contents");
}

static int heading_from_name(const char *name) {
  if (!name) return 0;
  if (!strncasecmp(name, "heading", 7)) {
    const char *p = name + 7;
    while (*p == ' ') p++;
    if (*p >= '1' && *p <= '9' && !p[1]) return *p - '0';
  }
  return 0;
}

static int walk_block(docx *x, const xmlNode *n, int depth);

static int add_paragraph(docx *x, const xmlNode *p, int depth) {
  if (x->d->npara >= x->lim->max_paragraphs) {
    x->err = rs_sprintf("Văn bản có quá nhiều đoạn (giới hạn %zu đoạn): có thể là tệp bất thường, "
                        "hãy kiểm tra lại tệp hoặc tăng giới hạn",
                        x->lim->max_paragraphs);
    return RS_ELIMIT;
  }
  xmlNode *ppr = wchild(p, "pPr");
  xmlNode *ps = ppr ? wchild(ppr, "pStyle") : NULL;
  style *st = ps ? find_style(x, wval(ps)) : NULL;
  if (!st) st = (style *)x->def_pstyle;
  rprops rbase = x->def_r;
  pprops pp = x->def_p;
  if (st) {
    resolve_style(x, st, 0);
    rprops_over(&rbase, &st->rr);
    pprops_over(&pp, &st->rp);
  }
  pprops direct;
  pprops_init(&direct);
  parse_ppr(ppr, &direct);
  pprops_over(&pp, &direct);

  size_t boxes = x->ntxbx; /* text boxes of this paragraph are queued after this mark */
  x->len = 0;
  x->nruns = 0;
  x->nfld = 0;
  x->tracked = 0;
  x->strip_lead = 0;
  if (ppr) {
    /* a paragraph mark inserted or deleted as a tracked change */
    xmlNode *prpr = wchild(ppr, "rPr");
    if (prpr && (wchild(prpr, "ins") || wchild(prpr, "del"))) mark_tracked(x, 0, 0);
  }
  int e = walk_inline(x, p, &rbase, 0, 0);
  if (e) return e;
  char *label = number_label(x, pp.numid, pp.ilvl >= 0 ? pp.ilvl : 0);
  rs_para *para = rs_doc_add_para_text(x->d, x->buf ? x->buf : "", x->len);
  if (!para) {
    free(label);
    return RS_ENOMEM;
  }
  para->part = x->part;
  if (x->part == RS_PART_BODY && (x->in_toc || (st && (toc_style(st->name) || toc_style(st->id)))))
    para->part = RS_PART_TOC;
  para->table = x->table;
  para->row = x->row;
  para->cell = x->cell;
  para->label = label;
  if (st) {
    para->style = rs_strdup(st->name ? st->name : st->id);
    int h = heading_from_name(st->name);
    if (!h) h = heading_from_name(st->id);
    if (h && pp.outline < 0) pp.outline = h - 1;
  }
  if (pp.outline >= 0 && pp.outline < 6) para->heading_level = pp.outline + 1;
  para->align = pp.align;
  para->indent_first_mm = pp.first_mm;
  para->space_before_pt = pp.before;
  para->space_after_pt = pp.after;
  para->line_spacing = pp.line;
  if (x->nruns) {
    int exact = para->len == x->len;
    size_t nr = exact ? x->nruns : 1;
    para->runs = calloc(nr, sizeof *para->runs);
    if (!para->runs) return RS_ENOMEM;
    para->nruns = nr;
    for (size_t i = 0; i < nr; i++) {
      para->runs[i] = x->runs[i];
      para->runs[i].font = x->runs[i].font ? rs_strdup(x->runs[i].font) : NULL;
    }
    if (!exact) {
      para->runs[0].start = 0;
      para->runs[0].end = (uint32_t)para->len;
    }
  }
  if (x->tracked) {
    x->d->tracked_changes = 1;
    if (x->first_tracked < 0) {
      x->first_tracked = (int)x->d->npara - 1;
      int exact = para->len == x->len;
      x->ftr_start = exact ? x->tr_start : 0;
      x->ftr_end = exact ? x->tr_end : (uint32_t)para->len;
      if (x->ftr_end <= x->ftr_start) {
        x->ftr_start = 0;
        x->ftr_end = (uint32_t)para->len;
      }
    }
  }
  /* the paragraph's text boxes, as paragraphs after it (the queue may grow
   * and move while a box is read: indexed, not held) */
  int e2 = 0;
  for (size_t i = boxes; i < x->ntxbx && !e2; i++) e2 = walk_block(x, x->txbx[i], depth + 1);
  x->ntxbx = boxes;
  return e2;
}

static int walk_table(docx *x, const xmlNode *tbl, int depth) {
  int saved_t = x->table, saved_r = x->row, saved_c = x->cell;
  int tno = ++x->table_counter;
  int row = 0;
  int e = 0;
  for (xmlNode *tr = tbl->children; tr && !e; tr = tr->next) {
    if (!isw(tr, "tr")) continue;
    row++;
    int cell = 0;
    for (xmlNode *tc = tr->children; tc && !e; tc = tc->next) {
      const xmlNode *cc = tc;
      if (isw(tc, "sdt")) cc = wchild(tc, "sdtContent") ? wchild(wchild(tc, "sdtContent"), "tc") : NULL;
      if (!cc || !isw(cc, "tc")) continue;
      cell++;
      x->table = tno;
      x->row = row;
      x->cell = cell;
      e = walk_block(x, cc, depth + 1);
    }
  }
  x->table = saved_t;
  x->row = saved_r;
  x->cell = saved_c;
  return e;
}

static int walk_block(docx *x, const xmlNode *n, int depth) {
  if (depth > x->lim->max_xml_depth) {
    x->err = rs_strdup("Văn bản lồng bảng quá sâu: có thể là tệp độc hại, đã từ chối đọc");
    return RS_ELIMIT;
  }
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || !is_wns(c)) continue;
    const char *nm = (const char *)c->name;
    int e = 0;
    if (!strcmp(nm, "p")) {
      e = add_paragraph(x, c, depth);
    } else if (!strcmp(nm, "tbl")) {
      e = walk_table(x, c, depth + 1);
    } else if (!strcmp(nm, "sdt")) {
      xmlNode *sc = wchild(c, "sdtContent");
      int was = x->in_toc;
      if (toc_sdt(c)) x->in_toc = 1;
      if (sc) e = walk_block(x, sc, depth + 1);
      x->in_toc = was;
    } else if (!strcmp(nm, "customXml") || !strcmp(nm, "ins") || !strcmp(nm, "moveTo")) {
      e = walk_block(x, c, depth + 1);
    }
    if (e) return e;
  }
  return 0;
}

/* ---------------------------------------------------------------- parts */

static int read_part(docx *x, const char *name, int required, xmlDocPtr *out) {
  *out = NULL;
  if (!rs_zip_has(x->z, name)) {
    if (!required) return 0;
    x->err = rs_strdup("tệp .docx thiếu phần nội dung chính (word/document.xml): hãy mở bằng Word và "
                       "lưu lại dưới dạng .docx");
    return RS_EFORMAT;
  }
  char *data = NULL, *err = NULL;
  size_t len = 0;
  int rc = rs_zip_read(x->z, name, &data, &len, &err);
  if (rc) {
    x->err = err;
    return rc;
  }
  rc = rs_xml_parse(data, len, name, x->lim, out, &err);
  free(data);
  if (rc) {
    x->err = err;
    return rc;
  }
  return 0;
}

typedef struct relpart {
  char *type; /* last path segment of the relationship type */
  char *target;
} relpart;

static int rel_cmp(const void *a, const void *b) {
  const relpart *x = a, *y = b;
  int c = strcmp(x->type, y->type);
  return c ? c : strcmp(x->target, y->target);
}

/* Relationships of word/document.xml, targets resolved to zip names. */
static int load_rels(docx *x, relpart **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  xmlDocPtr rd = NULL;
  int rc = read_part(x, "word/_rels/document.xml.rels", 0, &rd);
  if (rc || !rd) return rc;
  xmlNode *root = xmlDocGetRootElement(rd);
  size_t n = 0;
  for (xmlNode *c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) n++;
  relpart *v = calloc(n ? n : 1, sizeof *v);
  if (!v) {
    xmlFreeDoc(rd);
    return RS_ENOMEM;
  }
  size_t k = 0;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Relationship")) continue;
    char *type = rs_xml_attr(c, NULL, "Type"), *target = rs_xml_attr(c, NULL, "Target");
    char *mode = rs_xml_attr(c, NULL, "TargetMode");
    int external = mode && !strcasecmp(mode, "External");
    free(mode);
    if (!type || !target || external) {
      free(type);
      free(target);
      continue;
    }
    const char *slash = strrchr(type, '/');
    v[k].type = rs_strdup(slash ? slash + 1 : type);
    if (target[0] == '/') v[k].target = rs_strdup(target + 1);
    else v[k].target = rs_sprintf("word/%s", target);
    free(type);
    free(target);
    k++;
  }
  xmlFreeDoc(rd);
  qsort(v, k, sizeof *v, rel_cmp);
  *out = v;
  *nout = k;
  return 0;
}

static const char *rel_target(relpart *r, size_t n, const char *type, const char *fallback) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].type, type)) return r[i].target;
  return fallback;
}

/* footnotes.xml / endnotes.xml: every real note's paragraphs. */
static int walk_notes(docx *x, const char *name, const char *elem) {
  xmlDocPtr nd = NULL;
  int rc = read_part(x, name, 0, &nd);
  if (rc || !nd) return rc;
  xmlNode *root = xmlDocGetRootElement(nd);
  x->part = RS_PART_FOOTNOTE;
  for (xmlNode *c = root->children; c && !rc; c = c->next) {
    if (!isw(c, elem)) continue;
    const char *t = wattr(c, "type");
    if (t && strcmp(t, "normal") != 0) continue; /* separators */
    rc = walk_block(x, c, 1);
  }
  xmlFreeDoc(nd);
  return rc;
}

static int walk_hdrftr(docx *x, const char *name, rs_part part) {
  xmlDocPtr hd = NULL;
  int rc = read_part(x, name, 0, &hd);
  if (rc || !hd) return rc;
  x->part = part;
  rc = walk_block(x, xmlDocGetRootElement(hd), 1);
  xmlFreeDoc(hd);
  return rc;
}

static void page_from_sect(rs_doc *d, const xmlNode *sp) {
  if (!sp) return;
  long v;
  xmlNode *sz = wchild(sp, "pgSz"), *mar = wchild(sp, "pgMar");
  if (sz) {
    if (attr_long(sz, "w", &v)) d->page.width_mm = twips_to_mm(v);
    if (attr_long(sz, "h", &v)) d->page.height_mm = twips_to_mm(v);
    d->page.known = 1;
  }
  if (mar) {
    if (attr_long(mar, "top", &v)) d->page.top_mm = twips_to_mm(v < 0 ? -v : v);
    if (attr_long(mar, "bottom", &v)) d->page.bottom_mm = twips_to_mm(v < 0 ? -v : v);
    if (attr_long(mar, "left", &v)) d->page.left_mm = twips_to_mm(v);
    else if (attr_long(mar, "start", &v)) d->page.left_mm = twips_to_mm(v);
    if (attr_long(mar, "right", &v)) d->page.right_mm = twips_to_mm(v);
    else if (attr_long(mar, "end", &v)) d->page.right_mm = twips_to_mm(v);
    d->page.known = 1;
  }
}

static void docx_free(docx *x) {
  free(x->txbx);
  free(x->styles);
  free(x->abs);
  free(x->nums);
  free(x->buf);
  free(x->runs);
  free(x->minor_font);
  free(x->major_font);
  if (x->styles_doc) xmlFreeDoc(x->styles_doc);
  if (x->num_doc) xmlFreeDoc(x->num_doc);
  if (x->theme_doc) xmlFreeDoc(x->theme_doc);
  rs_zip_close(x->z);
}

int rs_read_docx(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  *out = NULL;
  *err = NULL;
  rs_limits deflim;
  if (!lim) {
    rs_limits_default(&deflim);
    lim = &deflim;
  }
  rs_xml_init();
  docx x;
  memset(&x, 0, sizeof x);
  x.lim = lim;
  x.first_tracked = -1;
  rprops_init(&x.def_r);
  x.def_r.bold = x.def_r.italic = 0; /* Word's defaults: not bold, not italic */
  pprops_init(&x.def_p);
  int rc = rs_zip_open(path, lim, &x.z, err);
  if (rc) return rc;
  relpart *rels = NULL;
  size_t nrels = 0;
  xmlDocPtr main = NULL;
  x.d = rs_doc_new(path, "docx");
  if (!x.d) {
    rc = RS_ENOMEM;
    goto done;
  }
  /* the main part first: a package without it is refused at once */
  if (!rs_zip_has(x.z, "word/document.xml")) {
    rc = RS_EFORMAT;
    x.err = rs_strdup("tệp .docx thiếu phần nội dung chính (word/document.xml): hãy mở bằng Word và "
                      "lưu lại dưới dạng .docx");
    goto done;
  }
  if ((rc = load_rels(&x, &rels, &nrels))) goto done;
  const char *theme_name = rel_target(rels, nrels, "theme", "word/theme/theme1.xml");
  if ((rc = read_part(&x, theme_name, 0, &x.theme_doc))) goto done;
  if (x.theme_doc && (rc = load_theme(&x, xmlDocGetRootElement(x.theme_doc)))) goto done;
  if ((rc = read_part(&x, rel_target(rels, nrels, "styles", "word/styles.xml"), 0, &x.styles_doc)))
    goto done;
  if (x.styles_doc && (rc = load_styles(&x, xmlDocGetRootElement(x.styles_doc)))) goto done;
  if ((rc = read_part(&x, rel_target(rels, nrels, "numbering", "word/numbering.xml"), 0, &x.num_doc)))
    goto done;
  if (x.num_doc && (rc = load_numbering(&x, xmlDocGetRootElement(x.num_doc)))) goto done;
  if ((rc = read_part(&x, "word/document.xml", 1, &main))) goto done;
  xmlNode *root = xmlDocGetRootElement(main);
  xmlNode *body = isw(root, "document") ? wchild(root, "body") : NULL;
  if (!body) {
    rc = RS_EFORMAT;
    x.err = rs_strdup("Phần word/document.xml không có thân văn bản (w:body): tệp .docx bị hỏng, hãy "
                      "mở bằng Word và lưu lại");
    goto done;
  }
  x.part = RS_PART_BODY;
  if ((rc = walk_block(&x, body, 1))) goto done;
  page_from_sect(x.d, wchild(body, "sectPr"));
  xmlFreeDoc(main);
  main = NULL;
  for (size_t i = 0; i < nrels && !rc; i++)
    if (!strcmp(rels[i].type, "footnotes")) rc = walk_notes(&x, rels[i].target, "footnote");
  for (size_t i = 0; i < nrels && !rc; i++)
    if (!strcmp(rels[i].type, "endnotes")) rc = walk_notes(&x, rels[i].target, "endnote");
  for (size_t i = 0; i < nrels && !rc; i++)
    if (!strcmp(rels[i].type, "header")) rc = walk_hdrftr(&x, rels[i].target, RS_PART_HEADER);
  for (size_t i = 0; i < nrels && !rc; i++)
    if (!strcmp(rels[i].type, "footer")) rc = walk_hdrftr(&x, rels[i].target, RS_PART_FOOTER);
  if (rc) goto done;
  if (x.first_tracked >= 0) {
    rs_diag *g = rs_diags_add(&x.d->diags, "format/tracked-changes", RS_SEV_WARNING, "%s",
                              "Văn bản còn chứa thay đổi được theo dõi (Track Changes): hãy chấp nhận "
                              "hoặc từ chối trước khi gửi");
    if (!g) {
      rc = RS_ENOMEM;
      goto done;
    }
    rs_diag_locate(g, x.d, x.first_tracked, x.ftr_start, x.ftr_end);
  }
done:
  if (main) xmlFreeDoc(main);
  for (size_t i = 0; i < nrels; i++) {
    free(rels[i].type);
    free(rels[i].target);
  }
  free(rels);
  if (rc) {
    if (rc == RS_ENOMEM && !x.err) x.err = rs_strdup("Hết bộ nhớ khi đọc tệp .docx");
    *err = x.err ? x.err : rs_strdup("Không đọc được tệp .docx");
    rs_doc_free(x.d);
    x.d = NULL;
  } else {
    free(x.err);
    *out = x.d;
  }
  docx_free(&x);
  return rc;
}
