/* .xlsx data tables (SpreadsheetML through zipsafe + xmlsafe).
 *
 * The first sheet, or the named one (workbook.xml + its relationships);
 * shared strings (rich text runs joined, phonetic runs skipped), inline
 * strings, numbers (integers without ".0"), booleans (TRUE/FALSE), and date
 * cells: a serial number whose cell format (styles.xml cellXfs) is a date
 * (built-in formats 14-17 and 22, or a custom code with d/m/y that is not a
 * time) becomes dd/mm/yyyy, in the 1900 system (with Excel's 29/02/1900) or
 * the 1904 one. Cells are placed by their reference (A1, AB12), so sparse
 * rows and columns are kept. As for CSV: the first non-blank row holds the
 * headers (trailing empty ones dropped), blank rows are skipped, cells are
 * trimmed and NFC, cells past the headers get generated headers "cot_N". */
#include "table.h"

#include "doc.h"
#include "xmlsafe.h"
#include "zipsafe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#define SS_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define SS_NS_STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define XLSX_MAX_COLS 16384

static int is_ss(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name)) return 0;
  return n->ns && n->ns->href &&
         (!strcmp((const char *)n->ns->href, SS_NS) || !strcmp((const char *)n->ns->href, SS_NS_STRICT));
}

static xmlNode *ss_child(const xmlNode *n, const char *name) {
  if (!n) return NULL;
  for (xmlNode *c = n->children; c; c = c->next)
    if (is_ss(c, name)) return c;
  return NULL;
}

/* unqualified attribute, borrowed */
static const char *attr(const xmlNode *n, const char *name) {
  for (xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
    if (!strcmp((const char *)a->name, name) && !a->ns)
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

/* attribute in any namespace (r:id) */
static const char *attr_anyns(const xmlNode *n, const char *name) {
  for (xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
    if (!strcmp((const char *)a->name, name) && a->ns)
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

typedef struct sbuf {
  char *s;
  size_t len, cap;
} sbuf;

static int sb_add(sbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 64;
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

/* Text of the <t> elements under n, skipping phonetic runs (rPh). */
static int collect_text(const xmlNode *n, sbuf *b) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_ss(c, "rPh") || is_ss(c, "phoneticPr")) continue;
    if (is_ss(c, "t")) {
      for (xmlNode *t = c->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
          if (sb_add(b, (const char *)t->content, strlen((const char *)t->content))) return RS_ENOMEM;
    } else if (is_ss(c, "r")) {
      if (collect_text(c, b)) return RS_ENOMEM;
    }
  }
  return 0;
}

/* Trimmed NFC copy (same cleaning as the CSV reader). */
static char *clean(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
    s++;
    n--;
  }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
  while (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
    s += 2;
    n -= 2;
  }
  while (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) n -= 2;
  if (!n) return rs_strdup("");
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (r < 0) return rs_strndup(s, n);
  return (char *)nfc;
}

/* ---- dates ---- */

/* days since 1970-01-01 -> civil date (H. Hinnant's algorithm) */
static void civil_from_days(long long z, int *y, int *m, int *d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

static char *serial_to_date(double v, int date1904) {
  if (!(v >= 0) || v > 2958465.0) return NULL; /* 31/12/9999 */
  long long s = (long long)floor(v);
  int y, m, d;
  if (date1904) {
    civil_from_days(s - 24107, &y, &m, &d);
  } else if (s == 0) {
    return rs_strdup("00/01/1900");
  } else if (s == 60) {
    return rs_strdup("29/02/1900"); /* Excel's (Lotus 1-2-3's) leap-year bug */
  } else if (s < 60) {
    civil_from_days(s - 25568, &y, &m, &d);
  } else {
    civil_from_days(s - 25569, &y, &m, &d);
  }
  return rs_sprintf("%02d/%02d/%04d", d, m, y);
}

/* A custom number format is a date when it shows a day, month or year,
 * outside quoted text, [..] sections and escapes, and is not a time ("m"
 * next to h or s means minutes). */
static int code_is_date(const char *code) {
  int has_d = 0, has_y = 0, has_m = 0, has_hs = 0;
  for (const char *p = code; *p; p++) {
    char c = *p;
    if (c == '"') {
      p++;
      while (*p && *p != '"') p++;
      if (!*p) break;
      continue;
    }
    if (c == '[') {
      while (*p && *p != ']') p++;
      if (!*p) break;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      if (p[1]) p++;
      continue;
    }
    if (c == ';') break; /* the positive section decides */
    switch (c) {
    case 'd': case 'D': has_d = 1; break;
    case 'y': case 'Y': has_y = 1; break;
    case 'm': case 'M': has_m = 1; break;
    case 'h': case 'H': case 's': case 'S': has_hs = 1; break;
    default: break;
    }
  }
  if (has_d || has_y) return 1;
  return has_m && !has_hs;
}

static int builtin_is_date(long id) { return (id >= 14 && id <= 17) || id == 22; }

/* ---- reading ---- */

typedef struct cellv {
  size_t row, col;
  char *v;
} cellv;

typedef struct xlsx {
  rs_zip *z;
  const rs_limits *lim;
  char **sst;
  size_t nsst;
  unsigned char *xf_date; /* per cellXfs index: 1 when a date format */
  size_t nxf;
  int date1904;
  cellv *cells;
  size_t ncells, capcells;
  char *err;
} xlsx;

static int read_xml(xlsx *x, const char *name, int required, xmlDocPtr *out) {
  *out = NULL;
  if (!rs_zip_has(x->z, name)) {
    if (required)
      x->err = rs_sprintf("Tệp .xlsx thiếu phần %s: hãy mở bằng Excel và lưu lại dưới dạng .xlsx", name);
    return required ? RS_EFORMAT : 0;
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
  if (rc) x->err = err;
  return rc;
}

typedef struct rel {
  char *id, *type, *target;
} rel;

static void rels_free(rel *r, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(r[i].id);
    free(r[i].type);
    free(r[i].target);
  }
  free(r);
}

/* Relationships of part `part` (e.g. "xl/workbook.xml"), targets resolved
 * against the part's folder. */
static int load_rels(xlsx *x, const char *part, rel **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  const char *slash = strrchr(part, '/');
  size_t dirlen = slash ? (size_t)(slash - part) : 0;
  char *relname = rs_sprintf("%.*s%s_rels/%s.rels", (int)dirlen, part, dirlen ? "/" : "",
                             slash ? slash + 1 : part);
  if (!relname) return RS_ENOMEM;
  xmlDocPtr d = NULL;
  int rc = read_xml(x, relname, 0, &d);
  free(relname);
  if (rc || !d) return rc;
  size_t n = 0;
  xmlNode *root = xmlDocGetRootElement(d);
  for (xmlNode *c = root->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) n++;
  rel *v = calloc(n ? n : 1, sizeof *v);
  if (!v) {
    xmlFreeDoc(d);
    return RS_ENOMEM;
  }
  size_t k = 0;
  for (xmlNode *c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "Relationship")) continue;
    const char *id = attr(c, "Id"), *type = attr(c, "Type"), *target = attr(c, "Target");
    const char *mode = attr(c, "TargetMode");
    if (!id || !type || !target || (mode && !strcasecmp(mode, "External"))) continue;
    const char *ts = strrchr(type, '/');
    v[k].id = rs_strdup(id);
    v[k].type = rs_strdup(ts ? ts + 1 : type);
    if (target[0] == '/') v[k].target = rs_strdup(target + 1);
    else v[k].target = rs_sprintf("%.*s%s%s", (int)dirlen, part, dirlen ? "/" : "", target);
    if (!v[k].id || !v[k].type || !v[k].target) {
      rels_free(v, k + 1);
      xmlFreeDoc(d);
      return RS_ENOMEM;
    }
    k++;
  }
  xmlFreeDoc(d);
  *out = v;
  *nout = k;
  return 0;
}

static const char *rel_by_type(rel *r, size_t n, const char *type) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].type, type)) return r[i].target;
  return NULL;
}

static const char *rel_by_id(rel *r, size_t n, const char *id) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(r[i].id, id)) return r[i].target;
  return NULL;
}

static int load_sst(xlsx *x, const char *name) {
  xmlDocPtr d = NULL;
  int rc = read_xml(x, name, 0, &d);
  if (rc || !d) return rc;
  xmlNode *root = xmlDocGetRootElement(d);
  size_t n = 0;
  for (xmlNode *c = root->children; c; c = c->next)
    if (is_ss(c, "si")) n++;
  x->sst = calloc(n ? n : 1, sizeof *x->sst);
  if (!x->sst) {
    xmlFreeDoc(d);
    return RS_ENOMEM;
  }
  for (xmlNode *c = root->children; c; c = c->next) {
    if (!is_ss(c, "si")) continue;
    sbuf b = {0};
    if (collect_text(c, &b) || sb_add(&b, "", 0)) {
      free(b.s);
      xmlFreeDoc(d);
      return RS_ENOMEM;
    }
    x->sst[x->nsst++] = b.s;
  }
  xmlFreeDoc(d);
  return 0;
}

static int load_styles(xlsx *x, const char *name) {
  xmlDocPtr d = NULL;
  int rc = read_xml(x, name, 0, &d);
  if (rc || !d) return rc;
  xmlNode *root = xmlDocGetRootElement(d);
  xmlNode *fmts = ss_child(root, "numFmts"), *xfs = ss_child(root, "cellXfs");
  size_t n = 0;
  for (xmlNode *c = xfs ? xfs->children : NULL; c; c = c->next)
    if (is_ss(c, "xf")) n++;
  x->xf_date = calloc(n ? n : 1, 1);
  if (!x->xf_date) {
    xmlFreeDoc(d);
    return RS_ENOMEM;
  }
  for (xmlNode *c = xfs ? xfs->children : NULL; c; c = c->next) {
    if (!is_ss(c, "xf")) continue;
    const char *id = attr(c, "numFmtId");
    long fid = id ? strtol(id, NULL, 10) : 0;
    int date = builtin_is_date(fid);
    if (fid >= 164 || !date) {
      for (xmlNode *f = fmts ? fmts->children : NULL; f; f = f->next) {
        const char *fi = attr(f, "numFmtId"), *code = attr(f, "formatCode");
        if (is_ss(f, "numFmt") && fi && code && strtol(fi, NULL, 10) == fid) {
          date = code_is_date(code);
          break;
        }
      }
    }
    x->xf_date[x->nxf++] = (unsigned char)date;
  }
  xmlFreeDoc(d);
  return 0;
}

/* "AB12" -> column 27 (0-based), row 11; returns 0 when malformed. */
static int parse_ref(const char *r, size_t *row, size_t *col) {
  size_t c = 0, rr = 0;
  const char *p = r;
  while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
    c = c * 26 + (size_t)((*p | 0x20) - 'a' + 1);
    if (c > XLSX_MAX_COLS) return 0;
    p++;
  }
  if (p == r || c == 0) return 0;
  while (*p >= '0' && *p <= '9') {
    rr = rr * 10 + (size_t)(*p - '0');
    if (rr > 10000000) return 0;
    p++;
  }
  if (*p || rr == 0) return 0;
  *col = c - 1;
  *row = rr - 1;
  return 1;
}

static char *fmt_number(const char *v) {
  char *end;
  double d = strtod(v, &end);
  if (end == v) return rs_strdup(v);
  if (isfinite(d) && fabs(d) < 1e15 && d == floor(d)) return rs_sprintf("%.0f", d == 0 ? 0.0 : d);
  char buf[40];
  snprintf(buf, sizeof buf, "%.15g", d);
  if (strtod(buf, NULL) != d) snprintf(buf, sizeof buf, "%.17g", d);
  return rs_strdup(buf);
}

static char *iso_to_date(const char *v) {
  int y, m, d;
  if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3) return rs_sprintf("%02d/%02d/%04d", d, m, y);
  return rs_strdup(v);
}

static char *cell_value(xlsx *x, const xmlNode *c) {
  const char *t = attr(c, "t");
  xmlNode *vn = ss_child(c, "v");
  char *vs = NULL;
  if (vn) {
    xmlChar *raw = xmlNodeGetContent(vn);
    vs = rs_strdup(raw ? (const char *)raw : "");
    xmlFree(raw);
    if (!vs) return NULL;
  }
  char *out = NULL;
  if (t && !strcmp(t, "inlineStr")) {
    xmlNode *is = ss_child(c, "is");
    sbuf b = {0};
    if (is && collect_text(is, &b)) {
      free(b.s);
      free(vs);
      return NULL;
    }
    out = b.s ? b.s : rs_strdup("");
  } else if (!vs) {
    out = rs_strdup("");
  } else if (t && !strcmp(t, "s")) {
    char *end;
    long i = strtol(vs, &end, 10);
    out = rs_strdup(end != vs && i >= 0 && (size_t)i < x->nsst ? x->sst[i] : "");
  } else if (t && !strcmp(t, "b")) {
    out = rs_strdup(strcmp(vs, "0") ? "TRUE" : "FALSE");
  } else if (t && !strcmp(t, "d")) {
    out = iso_to_date(vs);
  } else if (t && (!strcmp(t, "str") || !strcmp(t, "e"))) {
    out = rs_strdup(vs);
  } else {
    const char *s = attr(c, "s");
    long si = s ? strtol(s, NULL, 10) : 0;
    if (si >= 0 && (size_t)si < x->nxf && x->xf_date[si]) {
      char *end;
      double d = strtod(vs, &end);
      if (end != vs) out = serial_to_date(d, x->date1904);
    }
    if (!out) out = fmt_number(vs);
  }
  free(vs);
  if (!out) return NULL;
  char *cl = clean(out, strlen(out));
  free(out);
  return cl;
}

static int add_cell(xlsx *x, size_t row, size_t col, char *v) {
  if (x->ncells == x->capcells) {
    size_t nc = x->capcells ? x->capcells * 2 : 256;
    cellv *n = realloc(x->cells, nc * sizeof *n);
    if (!n) return RS_ENOMEM;
    x->cells = n;
    x->capcells = nc;
  }
  x->cells[x->ncells].row = row;
  x->cells[x->ncells].col = col;
  x->cells[x->ncells].v = v;
  x->ncells++;
  return 0;
}

static int cell_cmp(const void *a, const void *b) {
  const cellv *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return 0;
}

static int read_sheet(xlsx *x, xmlNode *root) {
  xmlNode *data = ss_child(root, "sheetData");
  size_t next_row = 0;
  for (xmlNode *r = data ? data->children : NULL; r; r = r->next) {
    if (!is_ss(r, "row")) continue;
    size_t row = next_row;
    const char *rr = attr(r, "r");
    if (rr) {
      long v = strtol(rr, NULL, 10);
      if (v >= 1 && v <= 10000000) row = (size_t)v - 1;
    }
    next_row = row + 1;
    size_t next_col = 0;
    for (xmlNode *c = r->children; c; c = c->next) {
      if (!is_ss(c, "c")) continue;
      size_t crow = row, col = next_col;
      const char *ref = attr(c, "r");
      if (ref && !parse_ref(ref, &crow, &col)) {
        crow = row;
        col = next_col;
      }
      next_col = col + 1;
      if (col >= XLSX_MAX_COLS) continue;
      char *v = cell_value(x, c);
      if (!v) return RS_ENOMEM;
      if (!*v) {
        free(v);
        continue;
      }
      if (add_cell(x, crow, col, v)) {
        free(v);
        return RS_ENOMEM;
      }
    }
  }
  return 0;
}

static int build_table(xlsx *x, rs_table *t) {
  if (x->ncells) qsort(x->cells, x->ncells, sizeof *x->cells, cell_cmp); /* NULL when empty */
  size_t i = 0;
  size_t caprows = 0;
  int have_header = 0;
  while (i < x->ncells) {
    size_t row = x->cells[i].row, j = i, maxcol = 0;
    while (j < x->ncells && x->cells[j].row == row) {
      if (x->cells[j].col + 1 > maxcol) maxcol = x->cells[j].col + 1;
      j++;
    }
    /* cells i..j-1 of this row, all non-empty */
    if (!have_header) {
      t->headers = calloc(maxcol, sizeof *t->headers);
      if (!t->headers) return RS_ENOMEM;
      t->ncols = maxcol;
      for (size_t k = i; k < j; k++) {
        free(t->headers[x->cells[k].col]); /* two cells with one reference (broken file): keep one */
        t->headers[x->cells[k].col] = x->cells[k].v;
        x->cells[k].v = NULL;
      }
      for (size_t c = 0; c < maxcol; c++)
        if (!t->headers[c] && !(t->headers[c] = rs_strdup(""))) return RS_ENOMEM;
      have_header = 1;
      i = j;
      continue;
    }
    if (t->nrows >= x->lim->max_paragraphs) {
      x->err = rs_sprintf("Bảng dữ liệu có quá nhiều dòng (giới hạn %zu)", x->lim->max_paragraphs);
      return RS_ELIMIT;
    }
    if (maxcol > t->ncols) {
      char **nh = realloc(t->headers, maxcol * sizeof *nh);
      if (!nh) return RS_ENOMEM;
      t->headers = nh;
      for (size_t c = t->ncols; c < maxcol; c++) t->headers[c] = NULL;
      for (size_t r = 0; r < t->nrows; r++) {
        char **nr = realloc(t->rows[r], maxcol * sizeof *nr);
        if (!nr) return RS_ENOMEM;
        t->rows[r] = nr;
        for (size_t c = t->ncols; c < maxcol; c++) t->rows[r][c] = NULL;
      }
      size_t old = t->ncols;
      t->ncols = maxcol;
      for (size_t c = old; c < maxcol; c++) {
        if (!(t->headers[c] = rs_sprintf("cot_%zu", c + 1))) return RS_ENOMEM;
        for (size_t r = 0; r < t->nrows; r++)
          if (!(t->rows[r][c] = rs_strdup(""))) return RS_ENOMEM;
      }
    }
    if (t->nrows == caprows) {
      size_t nc = caprows ? caprows * 2 : 64;
      char ***nr = realloc(t->rows, nc * sizeof *nr);
      if (!nr) return RS_ENOMEM;
      t->rows = nr;
      caprows = nc;
    }
    char **rowv = calloc(t->ncols, sizeof *rowv);
    if (!rowv) return RS_ENOMEM;
    t->rows[t->nrows++] = rowv;
    for (size_t k = i; k < j; k++) {
      free(rowv[x->cells[k].col]); /* two cells with one reference (broken file): keep one */
      rowv[x->cells[k].col] = x->cells[k].v;
      x->cells[k].v = NULL;
    }
    for (size_t c = 0; c < t->ncols; c++)
      if (!rowv[c] && !(rowv[c] = rs_strdup(""))) return RS_ENOMEM;
    i = j;
  }
  if (!have_header) {
    t->headers = calloc(1, sizeof *t->headers);
    if (!t->headers) return RS_ENOMEM;
  }
  return 0;
}

static char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  s = s ? s + 1 : path;
  const char *dot = strrchr(s, '.');
  return rs_strndup(s, dot && dot > s ? (size_t)(dot - s) : strlen(s));
}

int rs_table_read_xlsx(const char *path, const char *sheet, const rs_limits *lim, rs_table **out,
                       char **err) {
  *out = NULL;
  *err = NULL;
  rs_limits deflim;
  if (!lim) {
    rs_limits_default(&deflim);
    lim = &deflim;
  }
  rs_xml_init();
  xlsx x;
  memset(&x, 0, sizeof x);
  x.lim = lim;
  int rc = rs_zip_open(path, lim, &x.z, err);
  if (rc) return rc;
  rel *prels = NULL, *wrels = NULL;
  size_t nprels = 0, nwrels = 0;
  xmlDocPtr wb = NULL, sh = NULL;
  rs_table *t = NULL;
  char *sheet_part = NULL, *sheet_name = NULL;

  if ((rc = load_rels(&x, "", &prels, &nprels))) goto done; /* _rels/.rels */
  const char *wbname = rel_by_type(prels, nprels, "officeDocument");
  if (!wbname || !strstr(wbname, "workbook") || !rs_zip_has(x.z, wbname)) wbname = "xl/workbook.xml";
  if ((rc = read_xml(&x, wbname, 1, &wb))) {
    if (rc == RS_EFORMAT && !rs_zip_has(x.z, wbname)) {
      free(x.err);
      x.err = rs_sprintf("Tệp %s không phải bảng tính Excel (thiếu phần xl/workbook.xml): hãy mở bằng "
                         "Excel và lưu lại dưới dạng .xlsx, hoặc lưu thành .csv (UTF-8)",
                         path);
    }
    goto done;
  }
  xmlNode *root = xmlDocGetRootElement(wb);
  if (!is_ss(root, "workbook")) {
    x.err = rs_sprintf("Tệp %s không phải bảng tính Excel (phần %s không phải workbook): hãy mở bằng "
                       "Excel và lưu lại dưới dạng .xlsx",
                       path, wbname);
    rc = RS_EFORMAT;
    goto done;
  }
  xmlNode *pr = ss_child(root, "workbookPr");
  const char *d1904 = pr ? attr(pr, "date1904") : NULL;
  x.date1904 = d1904 && (!strcmp(d1904, "1") || !strcasecmp(d1904, "true"));
  if ((rc = load_rels(&x, wbname, &wrels, &nwrels))) goto done;
  /* the sheet: first, or by name (exact, then ignoring case) */
  xmlNode *sheets = ss_child(root, "sheets"), *pick = NULL;
  for (int pass = 0; pass < 2 && !pick; pass++) {
    for (xmlNode *s = sheets ? sheets->children : NULL; s && !pick; s = s->next) {
      if (!is_ss(s, "sheet")) continue;
      const char *nm = attr(s, "name");
      if (!sheet) pick = s;
      else if (nm && (pass == 0 ? !strcmp(nm, sheet) : !strcasecmp(nm, sheet))) pick = s;
    }
  }
  if (!pick) {
    sbuf names = {0};
    for (xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next) {
      const char *nm = is_ss(s, "sheet") ? attr(s, "name") : NULL;
      if (!nm) continue;
      if (names.len) sb_add(&names, ", ", 2);
      sb_add(&names, nm, strlen(nm));
    }
    if (sheet)
      x.err = rs_sprintf("Tệp %s không có trang tính \"%s\" (các trang tính: %s)", path, sheet,
                         names.s ? names.s : "không có");
    else
      x.err = rs_sprintf("Tệp %s không có trang tính nào: hãy mở bằng Excel và lưu lại", path);
    free(names.s);
    rc = sheet ? RS_EUSAGE : RS_EFORMAT;
    goto done;
  }
  sheet_name = rs_strdup(attr(pick, "name") ? attr(pick, "name") : "");
  const char *rid = attr_anyns(pick, "id");
  const char *target = rid ? rel_by_id(wrels, nwrels, rid) : NULL;
  if (!target) {
    x.err = rs_sprintf("Tệp %s bị hỏng: không tìm thấy nội dung trang tính \"%s\". Hãy mở bằng Excel "
                       "và lưu lại",
                       path, sheet_name ? sheet_name : "");
    rc = RS_EFORMAT;
    goto done;
  }
  sheet_part = rs_strdup(target);
  const char *sst = rel_by_type(wrels, nwrels, "sharedStrings");
  if (!sst && rs_zip_has(x.z, "xl/sharedStrings.xml")) sst = "xl/sharedStrings.xml";
  if (sst && (rc = load_sst(&x, sst))) goto done;
  const char *sty = rel_by_type(wrels, nwrels, "styles");
  if (!sty && rs_zip_has(x.z, "xl/styles.xml")) sty = "xl/styles.xml";
  if (sty && (rc = load_styles(&x, sty))) goto done;
  if ((rc = read_xml(&x, sheet_part, 1, &sh))) goto done;
  if ((rc = read_sheet(&x, xmlDocGetRootElement(sh)))) goto done;
  xmlFreeDoc(sh);
  sh = NULL;
  t = calloc(1, sizeof *t);
  if (!t) {
    rc = RS_ENOMEM;
    goto done;
  }
  t->path = rs_strdup(path);
  t->name = sheet ? rs_strdup(sheet_name) : base_name(path);
  if ((rc = build_table(&x, t))) goto done;

done:
  if (wb) xmlFreeDoc(wb);
  if (sh) xmlFreeDoc(sh);
  rels_free(prels, nprels);
  rels_free(wrels, nwrels);
  for (size_t i = 0; i < x.nsst; i++) free(x.sst[i]);
  free(x.sst);
  free(x.xf_date);
  for (size_t i = 0; i < x.ncells; i++) free(x.cells[i].v);
  free(x.cells);
  free(sheet_part);
  free(sheet_name);
  rs_zip_close(x.z);
  if (rc) {
    if (t) rs_table_free(t);
    if (rc == RS_ENOMEM && !x.err) x.err = rs_strdup("Không đủ bộ nhớ để đọc tệp dữ liệu.");
    *err = x.err ? x.err : rs_sprintf("Không đọc được tệp dữ liệu %s", path);
    return rc;
  }
  free(x.err);
  *out = t;
  return 0;
}
