/* .odt reader (OpenDocument text, LibreOffice): content.xml and styles.xml
 * through the bounded zip and safe XML layers (zipsafe.h, xmlsafe.h).
 *
 * - body: text:p, text:h (heading level from text:outline-level), lists with
 *   the label each item shows when its list style numbers it (num-format
 *   1/I/i/A/a, num-prefix/num-suffix, display-levels, start-value,
 *   continue-numbering) or the bullet character, tables (table/row/cell
 *   numbers, 1-based, cells counted as columns), sections, frames' text;
 *   text:span, text:s (c spaces), text:tab, text:line-break ("\n");
 *   soft page breaks, annotations, tracked-change records ignored;
 *   footnotes/endnotes become RS_PART_FOOTNOTE paragraphs after the
 *   paragraph that cites them; master-page headers/footers come last;
 * - layout: the page layout of the first master page (size, margins, mm);
 *   per paragraph the style name, alignment, first-line indent (mm), space
 *   before/after (pt), line spacing; per run the effective font family,
 *   size, bold and italic, resolved through automatic styles, named styles,
 *   parent-style-name chains and the default style (percent sizes too).
 * Locations: line = paragraph number in document order (table cells count),
 * column = code point. Text read through a legacy Vietnamese font (.VnTime,
 * VNI-Times) is converted by rs_legacy_convert_doc. */
#include "doc.h"
#include "legacy.h"
#include "readers.h"
#include "xmlsafe.h"
#include "zipsafe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include <libxml/tree.h>

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

#define MAX_LEVELS 10
#define MAX_CHAIN 32

/* ---- units ---- */

/* A length ("2cm", "20mm", "0.5in", "14pt", "1pc", "10px") in mm; NAN when
 * it cannot be read. */
static double len_mm(const char *s) {
  if (!s) return NAN;
  char *end;
  double v = strtod(s, &end);
  if (end == s) return NAN;
  while (*end == ' ') end++;
  if (!strcmp(end, "cm")) return v * 10.0;
  if (!strcmp(end, "mm")) return v;
  if (!strcmp(end, "in") || !strcmp(end, "inch")) return v * 25.4;
  if (!strcmp(end, "pt")) return v * 25.4 / 72.0;
  if (!strcmp(end, "pc")) return v * 25.4 / 6.0;
  if (!strcmp(end, "px")) return v * 25.4 / 96.0;
  if (!*end) return v; /* unitless: mm */
  return NAN;
}

static double len_pt(const char *s) {
  double mm = len_mm(s);
  return isnan(mm) ? NAN : mm * 72.0 / 25.4;
}

/* ---- styles ---- */

typedef struct ostyle {
  char *name;
  char *display;   /* style:display-name, or NULL */
  char *family;    /* paragraph, text, table-cell, ... */
  char *parent;    /* parent-style-name */
  int automatic;
  char *list_style;
  /* text properties (unset: NULL / NAN / -1) */
  char *font;      /* family (from style:font-name via font faces, or fo:font-family) */
  double size_pt;  /* absolute size */
  double size_pct; /* relative size in percent */
  int bold, italic;
  int hidden;      /* text:display="none": not shown nor printed */
  /* paragraph properties */
  rs_align align;
  double indent_mm, before_pt, after_pt, line;
  int outline;     /* style:default-outline-level, 0 unset */
} ostyle;

typedef struct olevel {
  int numbered; /* 1 number, 2 bullet */
  char fmt[8];  /* "1", "I", "i", "A", "a", "" */
  char *prefix, *suffix, *bullet;
  int display;  /* display-levels */
  int start;
} olevel;

typedef struct olist {
  char *name;
  int automatic;
  olevel lv[MAX_LEVELS];
  /* counters kept for continue-numbering */
  int count[MAX_LEVELS];
  int used;
} olist;

typedef struct ofont {
  char *name, *family;
} ofont;

typedef struct orun {
  uint32_t start, end;
  const char *font;
  double size;
  int bold, italic;
} orun;

typedef struct octx {
  rs_doc *d;
  const rs_limits *lim;
  ostyle *st;
  size_t nst, capst;
  ostyle defaults[4]; /* paragraph, text, table-cell, graphic */
  int has_default[4];
  olist *lists;
  size_t nlists, caplists;
  ofont *fonts;
  size_t nfonts, capfonts;
  /* the paragraph being built */
  char *buf;
  size_t len, cap;
  orun *runs;
  size_t nruns, capruns;
  /* tables */
  int tabno;
  int tstack[64][3];
  int ntab;
  /* lists */
  olist *cur_list;
  int list_level;
  int pending_item[MAX_LEVELS + 1]; /* the item at this level has not shown its label yet */
  int item_start[MAX_LEVELS + 1];   /* text:start-value of the item, 0 when none */
  xmlNode **notes;
  size_t nnotes, capnotes;
  xmlNode **boxes; /* text boxes of frames in the paragraph being read, read after it */
  size_t nboxes, capboxes;
  rs_part part;
  int err;
  char *errmsg;
} octx;

static void fail(octx *c, int code, char *msg) {
  if (!c->err) {
    c->err = code;
    c->errmsg = msg;
  } else {
    free(msg);
  }
}

static void oom(octx *c) { fail(c, RS_ENOMEM, rs_strdup("Không đủ bộ nhớ khi đọc tệp .odt.")); }

static char *attr(const xmlNode *n, const char *ns, const char *name) { return rs_xml_attr(n, ns, name); }

static const char *font_family(octx *c, const char *name) {
  for (size_t i = 0; i < c->nfonts; i++)
    if (!strcmp(c->fonts[i].name, name)) return c->fonts[i].family;
  return NULL;
}

/* svg:font-family may be quoted and list fallbacks: keep the first name. */
static char *clean_family(const char *s) {
  while (*s == ' ') s++;
  char q = 0;
  if (*s == '\'' || *s == '"') q = *s++;
  const char *e = s;
  if (q) {
    while (*e && *e != q) e++;
  } else {
    while (*e && *e != ',') e++;
    while (e > s && e[-1] == ' ') e--;
  }
  return rs_strndup(s, (size_t)(e - s));
}

static void read_fonts(octx *c, xmlNode *decls) {
  for (xmlNode *f = decls ? decls->children : NULL; f; f = f->next) {
    if (!rs_xml_is(f, NS_STYLE, "font-face")) continue;
    char *name = attr(f, NS_STYLE, "name");
    char *fam = attr(f, NS_SVG, "font-family");
    if (!name) {
      free(fam);
      continue;
    }
    if (c->nfonts == c->capfonts) {
      size_t nc = c->capfonts ? c->capfonts * 2 : 16;
      ofont *nf = realloc(c->fonts, nc * sizeof *nf);
      if (!nf) {
        free(name);
        free(fam);
        oom(c);
        return;
      }
      c->fonts = nf;
      c->capfonts = nc;
    }
    c->fonts[c->nfonts].name = name;
    c->fonts[c->nfonts].family = fam ? clean_family(fam) : rs_strdup(name);
    free(fam);
    c->nfonts++;
  }
}

static void style_init(ostyle *s) {
  memset(s, 0, sizeof *s);
  s->size_pt = NAN;
  s->size_pct = NAN;
  s->bold = s->italic = s->hidden = -1;
  s->align = RS_ALIGN_UNKNOWN;
  s->indent_mm = s->before_pt = s->after_pt = s->line = NAN;
}

static void style_free(ostyle *s) {
  free(s->name);
  free(s->display);
  free(s->family);
  free(s->parent);
  free(s->list_style);
  free(s->font);
}

/* Read the properties of a style:style / style:default-style element. */
static void read_props(octx *c, ostyle *s, xmlNode *el) {
  for (xmlNode *p = el->children; p; p = p->next) {
    if (rs_xml_is(p, NS_STYLE, "text-properties")) {
      char *v = attr(p, NS_STYLE, "font-name");
      if (v) {
        const char *fam = font_family(c, v);
        free(s->font);
        s->font = rs_strdup(fam ? fam : v);
        free(v);
      } else if ((v = attr(p, NS_FO, "font-family")) != NULL) {
        free(s->font);
        s->font = clean_family(v);
        free(v);
      }
      if ((v = attr(p, NS_FO, "font-size")) != NULL) {
        size_t l = strlen(v);
        if (l && v[l - 1] == '%') s->size_pct = strtod(v, NULL);
        else s->size_pt = len_pt(v);
        free(v);
      }
      if ((v = attr(p, NS_FO, "font-weight")) != NULL) {
        s->bold = !strcmp(v, "bold") || atoi(v) >= 600;
        free(v);
      }
      if ((v = attr(p, NS_FO, "font-style")) != NULL) {
        s->italic = !strcmp(v, "italic") || !strcmp(v, "oblique");
        free(v);
      }
      if ((v = attr(p, NS_TEXT, "display")) != NULL) {
        s->hidden = !strcmp(v, "none");
        free(v);
      }
    } else if (rs_xml_is(p, NS_STYLE, "paragraph-properties")) {
      char *v;
      if ((v = attr(p, NS_FO, "text-align")) != NULL) {
        if (!strcmp(v, "center")) s->align = RS_ALIGN_CENTER;
        else if (!strcmp(v, "justify")) s->align = RS_ALIGN_JUSTIFY;
        else if (!strcmp(v, "end") || !strcmp(v, "right")) s->align = RS_ALIGN_RIGHT;
        else if (!strcmp(v, "start") || !strcmp(v, "left")) s->align = RS_ALIGN_LEFT;
        free(v);
      }
      if ((v = attr(p, NS_FO, "text-indent")) != NULL) {
        s->indent_mm = len_mm(v);
        free(v);
      }
      if ((v = attr(p, NS_FO, "margin-top")) != NULL) {
        s->before_pt = len_pt(v);
        free(v);
      }
      if ((v = attr(p, NS_FO, "margin-bottom")) != NULL) {
        s->after_pt = len_pt(v);
        free(v);
      }
      if ((v = attr(p, NS_FO, "line-height")) != NULL) {
        size_t l = strlen(v);
        if (l && v[l - 1] == '%') s->line = strtod(v, NULL) / 100.0;
        free(v);
      }
    }
  }
}

static int family_slot(const char *fam) {
  if (!fam) return -1;
  if (!strcmp(fam, "paragraph")) return 0;
  if (!strcmp(fam, "text")) return 1;
  if (!strcmp(fam, "table-cell")) return 2;
  if (!strcmp(fam, "graphic")) return 3;
  return -1;
}

static void add_list_style(octx *c, xmlNode *el, int automatic) {
  char *name = attr(el, NS_STYLE, "name");
  if (!name) return;
  if (c->nlists == c->caplists) {
    size_t nc = c->caplists ? c->caplists * 2 : 16;
    olist *nl = realloc(c->lists, nc * sizeof *nl);
    if (!nl) {
      free(name);
      oom(c);
      return;
    }
    c->lists = nl;
    c->caplists = nc;
  }
  olist *l = &c->lists[c->nlists++];
  memset(l, 0, sizeof *l);
  l->name = name;
  l->automatic = automatic;
  for (xmlNode *lv = el->children; lv; lv = lv->next) {
    int num = rs_xml_is(lv, NS_TEXT, "list-level-style-number");
    int bul = rs_xml_is(lv, NS_TEXT, "list-level-style-bullet");
    if (!num && !bul) continue;
    char *v = attr(lv, NS_TEXT, "level");
    int level = v ? atoi(v) : 1;
    free(v);
    if (level < 1 || level > MAX_LEVELS) continue;
    olevel *o = &l->lv[level - 1];
    o->numbered = num ? 1 : 2;
    o->display = 1;
    o->start = 1;
    if (num) {
      v = attr(lv, NS_STYLE, "num-format");
      snprintf(o->fmt, sizeof o->fmt, "%s", v ? v : "");
      free(v);
      o->prefix = attr(lv, NS_STYLE, "num-prefix");
      o->suffix = attr(lv, NS_STYLE, "num-suffix");
      if ((v = attr(lv, NS_TEXT, "display-levels")) != NULL) {
        o->display = atoi(v);
        if (o->display < 1) o->display = 1;
        free(v);
      }
      if ((v = attr(lv, NS_TEXT, "start-value")) != NULL) {
        o->start = atoi(v);
        free(v);
      }
    } else {
      o->bullet = attr(lv, NS_TEXT, "bullet-char");
    }
  }
}

static void read_styles(octx *c, xmlNode *container, int automatic) {
  for (xmlNode *el = container ? container->children : NULL; el && !c->err; el = el->next) {
    if (rs_xml_is(el, NS_TEXT, "list-style")) {
      add_list_style(c, el, automatic);
      continue;
    }
    int def = rs_xml_is(el, NS_STYLE, "default-style");
    if (!def && !rs_xml_is(el, NS_STYLE, "style")) continue;
    ostyle s;
    style_init(&s);
    s.family = attr(el, NS_STYLE, "family");
    read_props(c, &s, el);
    if (def) {
      int slot = family_slot(s.family);
      if (slot >= 0) {
        style_free(&c->defaults[slot]);
        c->defaults[slot] = s;
        c->has_default[slot] = 1;
      } else {
        style_free(&s);
      }
      continue;
    }
    s.name = attr(el, NS_STYLE, "name");
    if (!s.name) {
      style_free(&s);
      continue;
    }
    s.display = attr(el, NS_STYLE, "display-name");
    s.parent = attr(el, NS_STYLE, "parent-style-name");
    s.list_style = attr(el, NS_STYLE, "list-style-name");
    s.automatic = automatic;
    char *v = attr(el, NS_STYLE, "default-outline-level");
    if (v) {
      s.outline = atoi(v);
      free(v);
    }
    if (c->nst == c->capst) {
      size_t nc = c->capst ? c->capst * 2 : 64;
      ostyle *ns = realloc(c->st, nc * sizeof *ns);
      if (!ns) {
        style_free(&s);
        oom(c);
        return;
      }
      c->st = ns;
      c->capst = nc;
    }
    c->st[c->nst++] = s;
  }
}

/* Automatic styles (content.xml) first, then named ones. */
static ostyle *find_style(octx *c, const char *name, const char *family, int named_only) {
  if (!name) return NULL;
  ostyle *named = NULL;
  for (size_t i = 0; i < c->nst; i++) {
    ostyle *s = &c->st[i];
    if (strcmp(s->name, name) != 0) continue;
    if (family && s->family && strcmp(s->family, family) != 0) continue;
    if (s->automatic && !named_only) return s;
    if (!s->automatic && !named) named = s;
  }
  return named;
}

static olist *find_list(octx *c, const char *name) {
  if (!name) return NULL;
  olist *named = NULL;
  for (size_t i = 0; i < c->nlists; i++) {
    if (strcmp(c->lists[i].name, name) != 0) continue;
    if (c->lists[i].automatic) return &c->lists[i];
    if (!named) named = &c->lists[i];
  }
  return named;
}

/* Effective properties: walk the chain start -> parents -> default style. */
typedef struct eff {
  const char *font;
  double size;
  int bold, italic;
  int hidden; /* -1 unset */
  rs_align align;
  double indent, before, after, line;
  const char *list_style;
  int outline;
  double pct; /* relative size left to apply when no absolute size was found */
} eff;

static void eff_init(eff *e) {
  e->font = NULL;
  e->size = NAN;
  e->bold = e->italic = e->hidden = -1;
  e->align = RS_ALIGN_UNKNOWN;
  e->indent = e->before = e->after = e->line = NAN;
  e->list_style = NULL;
  e->outline = 0;
  e->pct = 1.0;
}

/* Fill the unset fields of e from s and its ancestors; percent sizes are
 * applied to the size found further up. */
static void eff_chain(octx *c, eff *e, const ostyle *s, const char *family, int with_default) {
  double pct = 1.0;
  int depth = 0;
  const ostyle *chain[MAX_CHAIN + 1];
  size_t n = 0;
  while (s && depth++ < MAX_CHAIN) {
    chain[n++] = s;
    s = s->parent ? find_style(c, s->parent, family, 1) : NULL;
  }
  if (with_default) {
    int slot = family_slot(family);
    if (slot >= 0 && c->has_default[slot]) chain[n++] = &c->defaults[slot];
  }
  int size_done = !isnan(e->size);
  for (size_t i = 0; i < n; i++) {
    const ostyle *x = chain[i];
    if (!e->font && x->font) e->font = x->font;
    if (!size_done) {
      if (!isnan(x->size_pt)) {
        e->size = x->size_pt * pct;
        size_done = 1;
      } else if (!isnan(x->size_pct)) {
        pct *= x->size_pct / 100.0;
      }
    }
    if (e->bold < 0 && x->bold >= 0) e->bold = x->bold;
    if (e->italic < 0 && x->italic >= 0) e->italic = x->italic;
    if (e->hidden < 0 && x->hidden >= 0) e->hidden = x->hidden;
    if (e->align == RS_ALIGN_UNKNOWN) e->align = x->align;
    if (isnan(e->indent)) e->indent = x->indent_mm;
    if (isnan(e->before)) e->before = x->before_pt;
    if (isnan(e->after)) e->after = x->after_pt;
    if (isnan(e->line)) e->line = x->line;
    if (!e->list_style && x->list_style) e->list_style = x->list_style;
    if (!e->outline && x->outline) e->outline = x->outline;
  }
  if (!size_done) e->pct = pct;
}

/* ---- paragraph building ---- */

static int put(octx *c, const char *s, size_t n) {
  if (c->len + n + 1 > c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 512;
    while (nc < c->len + n + 1) nc *= 2;
    char *nb = realloc(c->buf, nc);
    if (!nb) return RS_ENOMEM;
    c->buf = nb;
    c->cap = nc;
  }
  memcpy(c->buf + c->len, s, n);
  c->len += n;
  c->buf[c->len] = 0;
  return 0;
}

/* Append text in the formatting e (a run). */
static void put_run(octx *c, const char *s, size_t n, const eff *e) {
  if (n == 0 || c->err) return;
  uint32_t start = (uint32_t)c->len;
  if (put(c, s, n)) {
    oom(c);
    return;
  }
  if (c->nruns > 0) {
    orun *last = &c->runs[c->nruns - 1];
    int same_font = (last->font == e->font) || (last->font && e->font && !strcmp(last->font, e->font));
    int same_size = (isnan(last->size) && isnan(e->size)) || last->size == e->size;
    if (last->end == start && same_font && same_size && last->bold == e->bold && last->italic == e->italic) {
      last->end = (uint32_t)c->len;
      return;
    }
  }
  if (c->nruns == c->capruns) {
    size_t nc = c->capruns ? c->capruns * 2 : 16;
    orun *nr = realloc(c->runs, nc * sizeof *nr);
    if (!nr) {
      oom(c);
      return;
    }
    c->runs = nr;
    c->capruns = nc;
  }
  orun *r = &c->runs[c->nruns++];
  r->start = start;
  r->end = (uint32_t)c->len;
  r->font = e->font;
  r->size = e->size;
  r->bold = e->bold;
  r->italic = e->italic;
}

/* Queue a node read after the paragraph (a note's body, a text box); 1
 * when out of memory (said). */
static int queue_node(octx *c, xmlNode ***v, size_t *n, size_t *cap, xmlNode *node) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 8;
    xmlNode **nv = realloc(*v, nc * sizeof *nv);
    if (!nv) {
      oom(c);
      return 1;
    }
    *v = nv;
    *cap = nc;
  }
  (*v)[(*n)++] = node;
  return 0;
}

/* Text of a paragraph's children with the formatting of the span chain. */
static void para_inline(octx *c, xmlNode *n, const eff *pe, int depth) {
  if (pe->hidden == 1) return; /* hidden text (text:display="none"): not shown nor printed */
  for (xmlNode *k = n->children; k && !c->err; k = k->next) {
    if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
      /* in ODF, runs of spaces in text are one space (text:s holds the rest) */
      const char *s = (const char *)k->content;
      if (!s) continue;
      while (*s) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
          while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
          /* leading white space of a paragraph is not shown */
          int prev_space = c->len == 0 || c->buf[c->len - 1] == ' ';
          if (!prev_space) put_run(c, " ", 1, pe);
          continue;
        }
        const char *e = s;
        while (*e && !(*e == ' ' || *e == '\n' || *e == '\t' || *e == '\r')) e++;
        put_run(c, s, (size_t)(e - s), pe);
        s = e;
      }
      continue;
    }
    if (k->type != XML_ELEMENT_NODE) continue;
    if (depth > c->lim->max_xml_depth) return;
    if (rs_xml_is(k, NS_TEXT, "s")) {
      char *v = attr(k, NS_TEXT, "c");
      long cnt = v ? strtol(v, NULL, 10) : 1;
      free(v);
      if (cnt < 1) cnt = 1;
      if (cnt > 1000) cnt = 1000;
      for (long i = 0; i < cnt; i++) put_run(c, " ", 1, pe);
    } else if (rs_xml_is(k, NS_TEXT, "tab")) {
      put_run(c, "\t", 1, pe);
    } else if (rs_xml_is(k, NS_TEXT, "line-break")) {
      put_run(c, "\n", 1, pe);
    } else if (rs_xml_is(k, NS_TEXT, "span")) {
      char *sn = attr(k, NS_TEXT, "style-name");
      eff e;
      eff_init(&e);
      const ostyle *s = find_style(c, sn, "text", 0);
      eff_chain(c, &e, s, "text", 0);
      free(sn);
      /* unset values come from the enclosing formatting */
      if (!e.font) e.font = pe->font;
      if (isnan(e.size)) e.size = pe->size * e.pct;
      if (e.bold < 0) e.bold = pe->bold;
      if (e.italic < 0) e.italic = pe->italic;
      if (e.hidden < 0) e.hidden = pe->hidden;
      para_inline(c, k, &e, depth + 1);
    } else if (rs_xml_is(k, NS_TEXT, "note")) {
      xmlNode *body = rs_xml_child(k, NS_TEXT, "note-body");
      if (body && queue_node(c, &c->notes, &c->nnotes, &c->capnotes, body)) return;
    } else if (rs_xml_is(k, NS_DRAW, "frame")) {
      /* a picture is counted (a scan pasted as images has no text), a
       * text box queued: its paragraphs are read after this one */
      int counted = 0;
      for (xmlNode *g = k->children; g; g = g->next) {
        if (rs_xml_is(g, NS_DRAW, "image") && !counted && c->part == RS_PART_BODY) {
          c->d->images++;
          counted = 1;
        } else if (rs_xml_is(g, NS_DRAW, "text-box") && queue_node(c, &c->boxes, &c->nboxes, &c->capboxes, g)) {
          return;
        }
      }
    } else if (rs_xml_is(k, NS_OFFICE, "annotation") || rs_xml_is(k, NS_OFFICE, "annotation-end") ||
               rs_xml_is(k, NS_TEXT, "soft-page-break") || rs_xml_is(k, NS_TEXT, "bookmark") ||
               rs_xml_is(k, NS_TEXT, "bookmark-start") || rs_xml_is(k, NS_TEXT, "bookmark-end") ||
               rs_xml_is(k, NS_TEXT, "change-start") || rs_xml_is(k, NS_TEXT, "change-end") ||
               rs_xml_is(k, NS_TEXT, "change") ||
               rs_xml_is(k, NS_TEXT, "reference-mark-start") || rs_xml_is(k, NS_TEXT, "reference-mark-end")) {
      continue;
    } else {
      /* text:a, text:sequence, fields (date, page-number...), ruby, meta:
       * their displayed text */
      para_inline(c, k, pe, depth + 1);
    }
  }
}

static void fmt_number(const olevel *o, int v, char *out, size_t outsz) {
  const char *f = o->fmt;
  if (!f[0]) {
    out[0] = 0;
    return;
  }
  if (f[0] == 'I' || f[0] == 'i') {
    static const struct { int v; const char *s; } t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                         {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                         {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                         {1, "i"}};
    size_t k = 0;
    if (v <= 0 || v >= 4000) {
      snprintf(out, outsz, "%d", v);
      return;
    }
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
      while (v >= t[i].v && k + 3 < outsz) {
        for (const char *ch = t[i].s; *ch; ch++) out[k++] = f[0] == 'I' ? (char)(*ch - 'a' + 'A') : *ch;
        v -= t[i].v;
      }
    out[k] = 0;
    return;
  }
  if (f[0] == 'A' || f[0] == 'a') {
    /* LibreOffice: a..z, then aa..zz, aaa... (the letter repeated) */
    if (v <= 0) {
      snprintf(out, outsz, "%d", v);
      return;
    }
    int reps = (v - 1) / 26 + 1;
    char ch = (char)(f[0] + (v - 1) % 26);
    size_t k = 0;
    for (int i = 0; i < reps && k + 1 < outsz; i++) out[k++] = ch;
    out[k] = 0;
    return;
  }
  snprintf(out, outsz, "%d", v);
}

/* The label of the list item at the current level. */
static char *make_label(octx *c) {
  olist *l = c->cur_list;
  int L = c->list_level;
  if (!l || L < 1) return NULL;
  int idx = L <= MAX_LEVELS ? L - 1 : MAX_LEVELS - 1;
  olevel *o = &l->lv[idx];
  if (c->item_start[L > MAX_LEVELS ? MAX_LEVELS : L] > 0)
    l->count[idx] = c->item_start[L > MAX_LEVELS ? MAX_LEVELS : L];
  else if (l->count[idx] == 0)
    l->count[idx] = o->start > 0 ? o->start : 1;
  else
    l->count[idx]++;
  for (int k = idx + 1; k < MAX_LEVELS; k++) l->count[k] = 0;
  l->used = 1;
  if (o->numbered == 2) return o->bullet && *o->bullet ? rs_strdup(o->bullet) : NULL;
  if (o->numbered != 1 || !o->fmt[0]) {
    if (o->numbered == 1 && (o->prefix || o->suffix))
      return rs_sprintf("%s%s", o->prefix ? o->prefix : "", o->suffix ? o->suffix : "");
    return NULL;
  }
  char nums[128] = "";
  size_t nl = 0;
  int first = idx - o->display + 1;
  if (first < 0) first = 0;
  for (int k = first; k <= idx; k++) {
    char one[32];
    int v = l->count[k];
    if (v == 0) v = l->lv[k].start > 0 ? l->lv[k].start : 1;
    const olevel *ok = l->lv[k].numbered == 1 && l->lv[k].fmt[0] ? &l->lv[k] : o;
    fmt_number(ok, v, one, sizeof one);
    nl += (size_t)snprintf(nums + nl, sizeof nums - nl, "%s%s", k > first ? "." : "", one);
    if (nl >= sizeof nums) break;
  }
  return rs_sprintf("%s%s%s", o->prefix ? o->prefix : "", nums, o->suffix ? o->suffix : "");
}

static void walk_block(octx *c, xmlNode *n, int depth);

static void emit_notes(octx *c, size_t from, int depth) {
  /* notes cited in the paragraph just finished, in order */
  size_t end = c->nnotes;
  for (size_t i = from; i < end && !c->err; i++) {
    rs_part saved = c->part;
    c->part = RS_PART_FOOTNOTE;
    for (xmlNode *k = c->notes[i]->children; k && !c->err; k = k->next) walk_block(c, k, depth + 1);
    c->part = saved;
  }
  c->nnotes = from;
}

/* A text:p or text:h. */
static void paragraph(octx *c, xmlNode *n, int heading, int depth) {
  char *sn = attr(n, NS_TEXT, "style-name");
  const ostyle *s = find_style(c, sn, "paragraph", 0);
  eff pe;
  eff_init(&pe);
  eff_chain(c, &pe, s, "paragraph", 1);
  c->len = 0;
  c->nruns = 0;
  size_t notes_from = c->nnotes, boxes_from = c->nboxes;
  para_inline(c, n, &pe, depth + 1);
  if (c->err) {
    free(sn);
    return;
  }
  if (c->d->npara >= c->lim->max_paragraphs) {
    fail(c, RS_ELIMIT,
         rs_sprintf("Tệp .odt có quá nhiều đoạn văn (giới hạn %zu): đã từ chối đọc.", c->lim->max_paragraphs));
    free(sn);
    return;
  }
  /* the label of a list item shows on its first paragraph */
  char *label = NULL;
  int L = c->list_level > MAX_LEVELS ? MAX_LEVELS : c->list_level;
  if (c->cur_list && L > 0 && c->pending_item[L]) {
    c->pending_item[L] = 0;
    label = make_label(c);
  }
  rs_para *p = rs_doc_add_para_text(c->d, c->buf ? c->buf : "", c->len);
  if (!p) {
    free(sn);
    free(label);
    oom(c);
    return;
  }
  p->part = c->part;
  p->label = label;
  if (c->ntab > 0) {
    p->table = c->tstack[c->ntab - 1][0];
    p->row = c->tstack[c->ntab - 1][1];
    p->cell = c->tstack[c->ntab - 1][2];
  }
  if (heading) {
    char *lv = attr(n, NS_TEXT, "outline-level");
    int level = lv ? atoi(lv) : (pe.outline ? pe.outline : 1);
    free(lv);
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    p->heading_level = level;
  }
  /* style name: the named style an automatic style derives from */
  const ostyle *ns = s;
  if (ns && ns->automatic && ns->parent) ns = find_style(c, ns->parent, "paragraph", 1);
  if (ns) p->style = rs_strdup(ns->display ? ns->display : ns->name);
  else if (sn && !s) p->style = rs_strdup(sn);
  free(sn);
  p->align = pe.align;
  p->indent_first_mm = pe.indent;
  p->space_before_pt = pe.before;
  p->space_after_pt = pe.after;
  p->line_spacing = pe.line;
  if (c->nruns > 0) {
    p->runs = calloc(c->nruns, sizeof *p->runs);
    if (!p->runs) {
      oom(c);
      return;
    }
    for (size_t i = 0; i < c->nruns; i++) {
      rs_run *r = &p->runs[i];
      r->start = c->runs[i].start;
      r->end = c->runs[i].end;
      if (r->end > p->len) r->end = (uint32_t)p->len; /* NFC may shorten the text */
      if (r->start > r->end) r->start = r->end;
      r->font = c->runs[i].font ? rs_strdup(c->runs[i].font) : NULL;
      r->size_pt = isnan(c->runs[i].size) ? 0 : c->runs[i].size;
      /* ODF's initial values: normal weight and posture */
      r->bold = c->runs[i].bold < 0 ? 0 : c->runs[i].bold;
      r->italic = c->runs[i].italic < 0 ? 0 : c->runs[i].italic;
    }
    p->nruns = c->nruns;
  }
  if (c->nnotes > notes_from) emit_notes(c, notes_from, depth);
  /* the paragraph's text boxes (indexed: the queue grows while a box is read) */
  for (size_t i = boxes_from; i < c->nboxes && !c->err; i++)
    for (xmlNode *k = c->boxes[i]->children; k && !c->err; k = k->next) walk_block(c, k, depth + 1);
  c->nboxes = boxes_from;
}

static void walk_children(octx *c, xmlNode *n, int depth) {
  for (xmlNode *k = n->children; k && !c->err; k = k->next) walk_block(c, k, depth + 1);
}

static long attr_long(const xmlNode *n, const char *ns, const char *name, long dflt) {
  char *v = attr(n, ns, name);
  if (!v) return dflt;
  long r = strtol(v, NULL, 10);
  free(v);
  return r;
}

static void list(octx *c, xmlNode *n, int depth) {
  olist *saved_list = c->cur_list;
  int saved_level = c->list_level;
  char *sn = attr(n, NS_TEXT, "style-name");
  olist *l = sn ? find_list(c, sn) : NULL;
  free(sn);
  if (!l) l = c->cur_list;
  if (c->list_level == 0 && l) {
    /* a new top-level list restarts unless it continues the previous one */
    char *cont = attr(n, NS_TEXT, "continue-numbering");
    char *contl = attr(n, NS_TEXT, "continue-list");
    if (!(cont && !strcmp(cont, "true")) && !contl) memset(l->count, 0, sizeof l->count);
    free(cont);
    free(contl);
  }
  c->cur_list = l;
  c->list_level++;
  int L = c->list_level > MAX_LEVELS ? MAX_LEVELS : c->list_level;
  for (xmlNode *k = n->children; k && !c->err; k = k->next) {
    if (rs_xml_is(k, NS_TEXT, "list-item")) {
      c->pending_item[L] = 1;
      c->item_start[L] = (int)attr_long(k, NS_TEXT, "start-value", 0);
      walk_children(c, k, depth + 1);
      c->pending_item[L] = 0;
      c->item_start[L] = 0;
    } else if (rs_xml_is(k, NS_TEXT, "list-header")) {
      c->pending_item[L] = 0;
      walk_children(c, k, depth + 1);
    }
  }
  c->list_level = saved_level;
  c->cur_list = saved_list;
}

static void table(octx *c, xmlNode *n, int depth) {
  if (c->ntab >= 64) return;
  c->tabno++;
  c->tstack[c->ntab][0] = c->tabno;
  c->tstack[c->ntab][1] = 0;
  c->tstack[c->ntab][2] = 0;
  c->ntab++;
  /* list state does not leak into cells */
  olist *saved_list = c->cur_list;
  int saved_level = c->list_level;
  c->cur_list = NULL;
  c->list_level = 0;
  walk_children(c, n, depth);
  c->cur_list = saved_list;
  c->list_level = saved_level;
  c->ntab--;
}

static void walk_block(octx *c, xmlNode *n, int depth) {
  if (c->err || n->type != XML_ELEMENT_NODE) return;
  if (depth > c->lim->max_xml_depth) {
    fail(c, RS_ELIMIT, rs_sprintf("Tệp .odt lồng nhau quá sâu (quá %d cấp): đã từ chối đọc.",
                                  c->lim->max_xml_depth));
    return;
  }
  if (rs_xml_is(n, NS_TEXT, "p")) paragraph(c, n, 0, depth);
  else if (rs_xml_is(n, NS_TEXT, "h")) paragraph(c, n, 1, depth);
  else if (rs_xml_is(n, NS_TEXT, "list")) list(c, n, depth);
  else if (rs_xml_is(n, NS_TABLE, "table")) table(c, n, depth);
  else if (rs_xml_is(n, NS_TEXT, "table-of-content") && c->part == RS_PART_BODY) {
    /* its entries repeat the headings: no section is taken from them */
    c->part = RS_PART_TOC;
    walk_children(c, n, depth);
    c->part = RS_PART_BODY;
  }
  else if (rs_xml_is(n, NS_TABLE, "table-row")) {
    if (c->ntab > 0) {
      long rep = attr_long(n, NS_TABLE, "number-rows-repeated", 1);
      c->tstack[c->ntab - 1][1]++;
      c->tstack[c->ntab - 1][2] = 0;
      walk_children(c, n, depth);
      if (rep > 1 && rep < 100000) c->tstack[c->ntab - 1][1] += (int)rep - 1;
    }
  } else if (rs_xml_is(n, NS_TABLE, "table-cell") || rs_xml_is(n, NS_TABLE, "covered-table-cell")) {
    if (c->ntab > 0) {
      long rep = attr_long(n, NS_TABLE, "number-columns-repeated", 1);
      c->tstack[c->ntab - 1][2]++;
      walk_children(c, n, depth);
      if (rep > 1 && rep < 100000) c->tstack[c->ntab - 1][2] += (int)rep - 1;
    }
  } else if (rs_xml_is(n, NS_TEXT, "tracked-changes") || rs_xml_is(n, NS_TEXT, "sequence-decls") ||
             rs_xml_is(n, NS_TEXT, "variable-decls") || rs_xml_is(n, NS_TEXT, "user-field-decls") ||
             rs_xml_is(n, NS_OFFICE, "forms") || rs_xml_is(n, NS_TABLE, "table-columns") ||
             rs_xml_is(n, NS_TABLE, "table-column") || rs_xml_is(n, NS_TEXT, "soft-page-break") ||
             rs_xml_is(n, NS_OFFICE, "annotation") || rs_xml_is(n, NS_TEXT, "index-title-template") ||
             rs_xml_is(n, NS_TEXT, "table-of-content-source")) {
    return;
  } else {
    /* sections, table header/row groups, indexes' bodies, frames/text boxes */
    walk_children(c, n, depth);
  }
}

static void read_page(octx *c, xmlNode *styles_root) {
  xmlNode *autos = rs_xml_child(styles_root, NS_OFFICE, "automatic-styles");
  xmlNode *masters = rs_xml_child(styles_root, NS_OFFICE, "master-styles");
  char *want = NULL;
  xmlNode *mp = masters ? rs_xml_child(masters, NS_STYLE, "master-page") : NULL;
  if (mp) want = attr(mp, NS_STYLE, "page-layout-name");
  xmlNode *chosen = NULL;
  for (xmlNode *pl = autos ? autos->children : NULL; pl; pl = pl->next) {
    if (!rs_xml_is(pl, NS_STYLE, "page-layout")) continue;
    char *name = attr(pl, NS_STYLE, "name");
    int match = want && name && !strcmp(name, want);
    free(name);
    if (!chosen || match) chosen = pl;
    if (match) break;
  }
  free(want);
  xmlNode *pp = chosen ? rs_xml_child(chosen, NS_STYLE, "page-layout-properties") : NULL;
  if (!pp) return;
  static const char *const names[] = {"page-width", "page-height", "margin-top",
                                      "margin-bottom", "margin-left", "margin-right"};
  double *dst[] = {&c->d->page.width_mm, &c->d->page.height_mm, &c->d->page.top_mm,
                   &c->d->page.bottom_mm, &c->d->page.left_mm, &c->d->page.right_mm};
  int any = 0;
  for (int i = 0; i < 6; i++) {
    char *v = attr(pp, NS_FO, names[i]);
    *dst[i] = v ? len_mm(v) : (i >= 2 ? 0.0 : NAN);
    if (v && !isnan(*dst[i])) any = 1;
    free(v);
  }
  c->d->page.known = any;
}

static void header_footer(octx *c, xmlNode *styles_root) {
  xmlNode *masters = rs_xml_child(styles_root, NS_OFFICE, "master-styles");
  xmlNode *mp = masters ? rs_xml_child(masters, NS_STYLE, "master-page") : NULL;
  if (!mp) return;
  for (xmlNode *k = mp->children; k && !c->err; k = k->next) {
    if (rs_xml_is(k, NS_STYLE, "header") || rs_xml_is(k, NS_STYLE, "header-first")) c->part = RS_PART_HEADER;
    else if (rs_xml_is(k, NS_STYLE, "footer") || rs_xml_is(k, NS_STYLE, "footer-first")) c->part = RS_PART_FOOTER;
    else continue;
    walk_children(c, k, 2);
  }
  c->part = RS_PART_BODY;
}

static void ctx_free(octx *c) {
  for (size_t i = 0; i < c->nst; i++) style_free(&c->st[i]);
  free(c->st);
  for (int i = 0; i < 4; i++)
    if (c->has_default[i]) style_free(&c->defaults[i]);
  for (size_t i = 0; i < c->nlists; i++) {
    free(c->lists[i].name);
    for (int k = 0; k < MAX_LEVELS; k++) {
      free(c->lists[i].lv[k].prefix);
      free(c->lists[i].lv[k].suffix);
      free(c->lists[i].lv[k].bullet);
    }
  }
  free(c->lists);
  for (size_t i = 0; i < c->nfonts; i++) {
    free(c->fonts[i].name);
    free(c->fonts[i].family);
  }
  free(c->fonts);
  free(c->buf);
  free(c->runs);
  free(c->notes);
  free(c->boxes);
}

int rs_read_odt(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  rs_limits dl;
  if (!lim) {
    rs_limits_default(&dl);
    lim = &dl;
  }
  *out = NULL;
  *err = NULL;
  rs_zip *z = NULL;
  int rc = rs_zip_open(path, lim, &z, err);
  if (rc) return rc;
  if (!rs_zip_has(z, "content.xml")) {
    rs_zip_close(z);
    *err = rs_sprintf("Tệp %s không phải văn bản OpenDocument hợp lệ: thiếu phần nội dung content.xml. "
                      "Hãy mở bằng LibreOffice Writer và lưu lại dưới dạng .odt hoặc .docx.",
                      path);
    return RS_EFORMAT;
  }
  char *data = NULL;
  size_t len = 0;
  xmlDocPtr sdoc = NULL, cdoc = NULL;
  if (rs_zip_has(z, "styles.xml")) {
    rc = rs_zip_read(z, "styles.xml", &data, &len, err);
    if (!rc) rc = rs_xml_parse(data, len, "styles.xml", lim, &sdoc, err);
    free(data);
    data = NULL;
    if (rc) {
      rs_zip_close(z);
      return rc;
    }
  }
  rc = rs_zip_read(z, "content.xml", &data, &len, err);
  if (!rc) rc = rs_xml_parse(data, len, "content.xml", lim, &cdoc, err);
  free(data);
  rs_zip_close(z);
  if (rc) {
    if (sdoc) xmlFreeDoc(sdoc);
    return rc;
  }
  xmlNode *croot = xmlDocGetRootElement(cdoc);
  xmlNode *body = croot ? rs_xml_child(croot, NS_OFFICE, "body") : NULL;
  xmlNode *text = body ? rs_xml_child(body, NS_OFFICE, "text") : NULL;
  if (!text) {
    xmlFreeDoc(cdoc);
    if (sdoc) xmlFreeDoc(sdoc);
    int other = body && body->children;
    *err = other ? rs_sprintf("Tệp %s không phải văn bản (có thể là bảng tính hoặc trình chiếu "
                              "OpenDocument): hãy lưu nội dung báo cáo dưới dạng văn bản .odt hoặc .docx.",
                              path)
                 : rs_sprintf("Tệp %s không có phần thân văn bản (office:text) trong content.xml: tệp bị "
                              "hỏng, hãy mở bằng LibreOffice Writer và lưu lại.",
                              path);
    return RS_EFORMAT;
  }
  rs_doc *d = rs_doc_new(path, "odt");
  if (!d) {
    xmlFreeDoc(cdoc);
    if (sdoc) xmlFreeDoc(sdoc);
    return RS_ENOMEM;
  }
  octx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.lim = lim;
  xmlNode *sroot = sdoc ? xmlDocGetRootElement(sdoc) : NULL;
  /* fonts, named styles and defaults (styles.xml), then content.xml's own */
  if (sroot) {
    read_fonts(&c, rs_xml_child(sroot, NS_OFFICE, "font-face-decls"));
    read_styles(&c, rs_xml_child(sroot, NS_OFFICE, "styles"), 0);
  }
  read_fonts(&c, rs_xml_child(croot, NS_OFFICE, "font-face-decls"));
  read_styles(&c, rs_xml_child(croot, NS_OFFICE, "styles"), 0);
  read_styles(&c, rs_xml_child(croot, NS_OFFICE, "automatic-styles"), 1);
  if (sroot) read_page(&c, sroot);
  walk_children(&c, text, 1);
  if (!c.err && sroot) {
    /* header/footer paragraphs use styles.xml's automatic styles */
    read_styles(&c, rs_xml_child(sroot, NS_OFFICE, "automatic-styles"), 1);
    if (!c.err) header_footer(&c, sroot);
  }
  int e = c.err;
  char *msg = c.errmsg;
  ctx_free(&c);
  xmlFreeDoc(cdoc);
  if (sdoc) xmlFreeDoc(sdoc);
  if (e) {
    rs_doc_free(d);
    *err = msg ? msg : rs_strdup("Không đọc được tệp .odt.");
    return e;
  }
  rs_legacy_convert_doc(d);
  *out = d;
  return 0;
}
