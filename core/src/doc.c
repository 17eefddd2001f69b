/* Document model construction: paragraphs with their source map, NFC
 * normalization that keeps the map, diagnostics and facts storage. */
#include "doc.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

/* ---- small utilities ---- */

char *rs_strdup(const char *s) { return s ? rs_strndup(s, strlen(s)) : NULL; }

char *rs_strndup(const char *s, size_t n) {
  char *r = malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

char *rs_sprintf(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *r = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (r) vsnprintf(r, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return r;
}

int rs_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
  if (n == 0) return -1;
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  /* each length spelled out: the same checks as a loop over the
   * continuation bytes, without the loop */
  int32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return -1;
    *cp = (int32_t)((c & 0x1F) << 6 | (s[1] & 0x3Fu));
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return -1;
    v = (int32_t)((c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    *cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return -1;
    v = (int32_t)((c & 0x07) << 18 | (s[1] & 0x3Fu) << 12 | (s[2] & 0x3Fu) << 6 | (s[3] & 0x3Fu));
    if (v < 0x10000 || v > 0x10FFFF) return -1;
    *cp = v;
    return 4;
  }
  return -1;
}

int rs_utf8_encode(int32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t rs_utf8_count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

const char *rs_strerror_vi(int e) {
  switch (e) {
  case ENOENT: return "không có tệp hoặc thư mục này";
  case EACCES:
  case EPERM: return "không có quyền đọc";
  case EISDIR: return "đây là một thư mục, không phải tệp";
  case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
  case ELOOP: return "vòng lặp liên kết tượng trưng";
  case ENAMETOOLONG: return "đường dẫn quá dài";
  case EMFILE:
  case ENFILE: return "mở quá nhiều tệp cùng lúc";
  case ENOMEM: return "hết bộ nhớ";
  case EIO: return "lỗi đọc ổ đĩa";
  case ENOSPC: return "ổ đĩa đã đầy";
  case EROFS: return "ổ đĩa chỉ cho phép đọc";
  case EAGAIN: return "tệp chưa sẵn sàng để đọc";
  default: return strerror(e);
  }
}

const char *rs_severity_name(rs_severity s) {
  switch (s) {
  case RS_SEV_INFO: return "info";
  case RS_SEV_WARNING: return "warning";
  case RS_SEV_ERROR: return "error";
  default: return "off";
  }
}

int rs_severity_parse(const char *s, rs_severity *out) {
  if (!strcmp(s, "off")) *out = RS_SEV_OFF;
  else if (!strcmp(s, "info")) *out = RS_SEV_INFO;
  else if (!strcmp(s, "warning")) *out = RS_SEV_WARNING;
  else if (!strcmp(s, "error")) *out = RS_SEV_ERROR;
  else return -1;
  return 0;
}

void rs_limits_default(rs_limits *l) {
  l->max_file_bytes = (size_t)64 << 20;
  l->max_total_inflated = (size_t)256 << 20;
  l->max_ratio = 100;
  l->max_xml_depth = 256;
  l->max_paragraphs = 1000000;
}

/* fopen(path, "rb") that cannot block: a FIFO without a writer would make
 * fopen wait forever; opened non-blocking, it reads as empty instead. */
FILE *rs_fopen_input(const char *path) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return NULL;
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    int e = errno;
    close(fd);
    errno = e;
  }
  return f;
}

/* ---- document ---- */

rs_doc *rs_doc_new(const char *path, const char *format) {
  rs_doc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->path = rs_strdup(path ? path : "");
  d->format = format;
  d->encoding = "utf-8";
  rs_blocks *b = &d->blocks;
  b->agency_parent = b->agency = b->agency_head = b->national_title = b->motto = b->number = -1;
  b->place_date = b->doc_type = b->summary = b->closing = -1;
  b->sig_authority = b->sig_title = b->sig_name = b->recipients = -1;
  b->recipients_end = b->kinh_gui = -1;
  b->body_start = 0;
  return d;
}

static void fact_free(rs_fact *f) {
  for (size_t i = 0; i < f->nvals; i++)
    if (f->vals[i].type == RS_FV_STR) free(f->vals[i].v.s);
  free(f->vals);
}

void rs_doc_free(rs_doc *d) {
  if (!d) return;
  for (size_t i = 0; i < d->npara; i++) {
    rs_para *p = &d->paras[i];
    free(p->text);
    free(p->segs);
    free(p->label);
    free(p->style);
    for (size_t r = 0; r < p->nruns; r++) free(p->runs[r].font);
    free(p->runs);
  }
  free(d->paras);
  for (size_t i = 0; i < d->nsections; i++) {
    free(d->sections[i].marker);
    free(d->sections[i].label);
    free(d->sections[i].title);
  }
  free(d->sections);
  for (size_t i = 0; i < d->nfacts; i++) fact_free(&d->facts[i]);
  free(d->facts);
  rs_diags_free(&d->diags);
  free(d->path);
  free(d);
}

/* ---- paragraph builder ---- */

void rs_pbuild_init(rs_pbuild *b) { memset(b, 0, sizeof *b); }

void rs_pbuild_free(rs_pbuild *b) {
  free(b->buf);
  free(b->line);
  free(b->col);
  memset(b, 0, sizeof *b);
}

void rs_pbuild_reset(rs_pbuild *b) {
  b->len = 0;
  b->ncp = 0;
}

static int pb_grow(rs_pbuild *b, size_t nbytes, size_t ncp) {
  if (b->len + nbytes + 1 > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 256;
    while (nc < b->len + nbytes + 1) nc *= 2;
    char *nb = realloc(b->buf, nc);
    if (!nb) return RS_ENOMEM;
    b->buf = nb;
    b->cap = nc;
  }
  if (b->ncp + ncp > b->capcp) {
    size_t nc = b->capcp ? b->capcp * 2 : 256;
    while (nc < b->ncp + ncp) nc *= 2;
    uint32_t *nl = realloc(b->line, nc * sizeof *nl);
    if (!nl) return RS_ENOMEM;
    b->line = nl;
    uint32_t *ncl = realloc(b->col, nc * sizeof *ncl);
    if (!ncl) return RS_ENOMEM;
    b->col = ncl;
    b->capcp = nc;
  }
  return 0;
}

static int pb_append(rs_pbuild *b, const char *s, size_t n, uint32_t line, uint32_t col, int step) {
  size_t ncp = rs_utf8_count(s, n);
  if (pb_grow(b, n, ncp)) return RS_ENOMEM;
  if (n) memcpy(b->buf + b->len, s, n);
  /* indexes, not b->line + b->ncp: with nothing appended yet the arrays
   * may still be NULL, and NULL + 0 is undefined */
  uint32_t *ol = b->line, *oc = b->col;
  size_t k = b->ncp;
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      ol[k] = line;
      oc[k] = col;
      k++;
      col += (uint32_t)step;
    }
  }
  b->ncp = k;
  b->len += n;
  b->buf[b->len] = 0;
  return 0;
}

int rs_pbuild_append(rs_pbuild *b, const char *s, size_t n, uint32_t line, uint32_t col) {
  return pb_append(b, s, n, line, col, 1);
}

int rs_pbuild_append_at(rs_pbuild *b, const char *s, size_t n, uint32_t line, uint32_t col) {
  return pb_append(b, s, n, line, col, 0);
}

/* Build segments from per-code-point positions. */
static int make_segs(rs_para *p, const uint32_t *line, const uint32_t *col, size_t ncp) {
  size_t cap = 4, n = 0;
  rs_seg *s = malloc(cap * sizeof *s);
  if (!s) return RS_ENOMEM;
  /* the last segment, kept at hand: a code point continues it when it is
   * on its line, as many columns on as code points since its start */
  uint32_t lline = 0, lcol = 0;
  size_t lcp = 0;
  for (size_t i = 0; i < ncp; i++) {
    if (n > 0 && line[i] == lline && col[i] == lcol + (i - lcp)) continue;
    if (n == cap) {
      cap *= 2;
      rs_seg *ns = realloc(s, cap * sizeof *ns);
      if (!ns) {
        free(s);
        return RS_ENOMEM;
      }
      s = ns;
    }
    s[n].cp = (uint32_t)i;
    s[n].line = lline = line[i];
    s[n].col = lcol = col[i];
    lcp = i;
    n++;
  }
  p->segs = s;
  p->nsegs = n;
  return 0;
}

/* NFC fast path: 1 when the text is valid UTF-8 whose code points all lie in
 * ranges that are already NFC and stay so next to each other:
 *   U+0000-U+02FF   ASCII, Latin-1, Latin Extended-A/B, IPA, spacing
 *                   modifiers (ă đ ĩ ũ ơ ư live here); the combining marks
 *                   start at U+0300;
 *   U+1E00-U+1EFF   Latin Extended Additional (the precomposed Vietnamese
 *                   letters with tone marks, U+1EA0-U+1EF9);
 *   U+2002-U+20CF   general punctuation (– — ‘ ’ “ ” …), super/subscripts,
 *                   currency signs (₫); U+2000-U+2001 are excluded (they are
 *                   singletons that NFC maps to U+2002-U+2003) and so are the
 *                   combining marks for symbols from U+20D0.
 * Every such code point has canonical combining class 0 (no reordering), is
 * its own NFC form, and neither it nor the first code point of its canonical
 * decomposition is ever the second part of a canonical composition, so it
 * never composes with what precedes it. A string of them is therefore NFC
 * and utf8proc_map would return it unchanged. The properties were checked
 * for every code point of these ranges against utf8proc (Unicode 15). */
int rs_nfc_trivial(const char *buf, size_t len) {
  const unsigned char *s = (const unsigned char *)buf;
  size_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    int32_t c;
    int l = rs_utf8_decode(s + i, len - i, &c);
    if (l < 0) return 0;
    if (!(c < 0x300 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2002 && c < 0x20D0))) return 0;
    i += (size_t)l;
  }
  return 1;
}

/* NFC-normalize b's text. When it changes, normalize grapheme by grapheme so
 * each output code point keeps the source position of its cluster's first
 * input code point (the next ones in the cluster advance by one). */
static int normalize(rs_pbuild *b, char **out, size_t *outlen, uint32_t **oline, uint32_t **ocol,
                     size_t *oncp, int *changed) {
  *changed = 0;
  if (rs_nfc_trivial(b->buf, b->len)) return 1; /* unchanged: caller keeps the builder's arrays */
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)b->buf, (utf8proc_ssize_t)b->len, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (r < 0) return RS_EFORMAT; /* builder text is always valid UTF-8 */
  if ((size_t)r == b->len && memcmp(nfc, b->buf, b->len) == 0) {
    free(nfc);
    return 1; /* unchanged: caller keeps the builder's arrays */
  }
  free(nfc);
  *changed = 1;
  size_t cap = b->len * 2 + 16, len = 0, ncp = 0;
  char *o = malloc(cap);
  /* NFC may yield more code points than it was given (U+0344, U+0958,
   * U+0A33... decompose and are excluded from composition): grow as needed */
  size_t ocap = b->ncp + 1;
  uint32_t *ol = malloc(ocap * sizeof *ol);
  uint32_t *oc = malloc(ocap * sizeof *oc);
  if (!o || !ol || !oc) goto oom;
  size_t i = 0, cpi = 0;
  const unsigned char *s = (const unsigned char *)b->buf;
  while (i < b->len) {
    /* one grapheme cluster */
    size_t start = i, startcp = cpi;
    int32_t c1;
    int l = rs_utf8_decode(s + i, b->len - i, &c1);
    if (l < 0) l = 1;
    i += (size_t)l;
    cpi++;
    utf8proc_int32_t state = 0;
    while (i < b->len) {
      int32_t c2;
      int l2 = rs_utf8_decode(s + i, b->len - i, &c2);
      if (l2 < 0) l2 = 1;
      if (utf8proc_grapheme_break_stateful(c1, c2, &state)) break;
      c1 = c2;
      i += (size_t)l2;
      cpi++;
    }
    utf8proc_uint8_t *seg = NULL;
    utf8proc_ssize_t sl = utf8proc_map(s + start, (utf8proc_ssize_t)(i - start), &seg,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (sl < 0) goto oom;
    if (len + (size_t)sl + 1 > cap) {
      while (len + (size_t)sl + 1 > cap) cap *= 2;
      char *no = realloc(o, cap);
      if (!no) {
        free(seg);
        goto oom;
      }
      o = no;
    }
    memcpy(o + len, seg, (size_t)sl);
    size_t segcp = rs_utf8_count((const char *)seg, (size_t)sl);
    size_t incp = cpi - startcp;
    if (ncp + segcp + 1 > ocap) {
      while (ncp + segcp + 1 > ocap) ocap *= 2;
      uint32_t *nl = realloc(ol, ocap * sizeof *nl);
      if (nl) ol = nl;
      uint32_t *nc = nl ? realloc(oc, ocap * sizeof *nc) : NULL;
      if (nc) oc = nc;
      if (!nl || !nc) {
        free(seg);
        goto oom;
      }
    }
    for (size_t k = 0; k < segcp; k++) {
      /* composed output: every code point maps to the cluster's first */
      size_t src = segcp == incp ? startcp + k : startcp;
      ol[ncp + k] = b->line[src];
      oc[ncp + k] = b->col[src];
    }
    ncp += segcp;
    len += (size_t)sl;
    free(seg);
  }
  o[len] = 0;
  *out = o;
  *outlen = len;
  *oline = ol;
  *ocol = oc;
  *oncp = ncp;
  return 0;
oom:
  free(o);
  free(ol);
  free(oc);
  return RS_ENOMEM;
}

static rs_para *doc_new_para(rs_doc *d) {
  if (d->npara == d->cappara) {
    size_t nc = d->cappara ? d->cappara * 2 : 64;
    rs_para *np = realloc(d->paras, nc * sizeof *np);
    if (!np) return NULL;
    d->paras = np;
    d->cappara = nc;
  }
  rs_para *p = &d->paras[d->npara];
  memset(p, 0, sizeof *p);
  p->indent_first_mm = NAN;
  p->space_before_pt = NAN;
  p->space_after_pt = NAN;
  p->line_spacing = NAN;
  return p;
}

rs_para *rs_doc_add_para(rs_doc *d, rs_pbuild *b) {
  rs_para *p = doc_new_para(d);
  if (!p) return NULL;
  if (!b->buf) {
    if (pb_grow(b, 0, 0)) return NULL;
    b->buf[0] = 0;
  }
  char *text = NULL;
  size_t len = 0, ncp = 0;
  uint32_t *ol = NULL, *oc = NULL;
  int changed = 0;
  int r = normalize(b, &text, &len, &ol, &oc, &ncp, &changed);
  if (r < 0) return NULL;
  if (r == 1) {
    text = rs_strndup(b->buf, b->len);
    if (!text) return NULL;
    len = b->len;
    ncp = b->ncp;
    if (make_segs(p, b->line, b->col, ncp)) {
      free(text);
      return NULL;
    }
  } else {
    int e = make_segs(p, ol, oc, ncp);
    free(ol);
    free(oc);
    if (e) {
      free(text);
      return NULL;
    }
  }
  p->text = text;
  p->len = len;
  p->ncp = (uint32_t)ncp;
  d->npara++;
  if (changed) rs_fact_add(d, "non_nfc", (int)d->npara - 1, 0, (uint32_t)len);
  rs_pbuild_reset(b);
  return p;
}

rs_para *rs_doc_add_para_text(rs_doc *d, const char *s, size_t n) {
  rs_pbuild b;
  rs_pbuild_init(&b);
  uint32_t line = (uint32_t)d->npara + 1;
  rs_para *p = NULL;
  if (rs_pbuild_append(&b, s, n, line, 1) == 0) p = rs_doc_add_para(d, &b);
  rs_pbuild_free(&b);
  return p;
}

uint32_t rs_para_cp_index(const rs_para *p, uint32_t byte_off) {
  if (byte_off > p->len) byte_off = (uint32_t)p->len;
  return (uint32_t)rs_utf8_count(p->text, byte_off);
}

void rs_para_pos(const rs_para *p, uint32_t byte_off, uint32_t *line, uint32_t *col) {
  uint32_t cp = rs_para_cp_index(p, byte_off);
  if (p->nsegs == 0) {
    *line = 1;
    *col = cp + 1;
    return;
  }
  /* past the end: one past the last code point */
  int past = 0;
  if (cp >= p->ncp && p->ncp > 0) {
    cp = p->ncp - 1;
    past = 1;
  }
  size_t lo = 0, hi = p->nsegs;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (p->segs[mid].cp <= cp) lo = mid;
    else hi = mid;
  }
  const rs_seg *s = &p->segs[lo];
  *line = s->line;
  *col = s->col + (cp - s->cp) + (uint32_t)past;
}

/* ---- diagnostics ---- */

rs_diag *rs_diags_add(rs_diags *ds, const char *rule, rs_severity sev, const char *fmt, ...) {
  if (ds->n == ds->cap) {
    size_t nc = ds->cap ? ds->cap * 2 : 16;
    rs_diag *nv = realloc(ds->v, nc * sizeof *nv);
    if (!nv) return NULL;
    ds->v = nv;
    ds->cap = nc;
  }
  rs_diag *g = &ds->v[ds->n];
  memset(g, 0, sizeof *g);
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  g->message = malloc((size_t)(n < 0 ? 0 : n) + 1);
  if (!g->message) {
    va_end(ap2);
    return NULL;
  }
  vsnprintf(g->message, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap2);
  va_end(ap2);
  g->rule = rs_strdup(rule);
  g->severity = sev;
  g->line = g->col = g->end_line = g->end_col = 1;
  ds->n++;
  return g;
}

void rs_diag_locate(rs_diag *g, const rs_doc *d, int para, uint32_t start, uint32_t end) {
  if (para < 0 || (size_t)para >= d->npara) return;
  const rs_para *p = &d->paras[para];
  if (start > p->len) start = (uint32_t)p->len;
  if (end > p->len) end = (uint32_t)p->len;
  if (end < start) end = start;
  rs_para_pos(p, start, &g->line, &g->col);
  if (end > start) {
    /* one past the last code point of the span */
    uint32_t last = end - 1;
    while (last > start && ((unsigned char)p->text[last] & 0xC0) == 0x80) last--;
    uint32_t l, c;
    rs_para_pos(p, last, &l, &c);
    g->end_line = l;
    g->end_col = c + 1;
  } else {
    g->end_line = g->line;
    g->end_col = g->col;
  }
  g->para = para + 1;
  g->table = p->table;
  g->row = p->row;
  g->cell = p->cell;
  free(g->excerpt);
  g->excerpt = rs_strndup(p->text + start, end - start);
}

void rs_diag_set_suggestion(rs_diag *g, const char *s) {
  free(g->suggestion);
  g->suggestion = s ? rs_strdup(s) : NULL;
}

void rs_diag_free(rs_diag *g) {
  free(g->rule);
  free(g->message);
  free(g->suggestion);
  free(g->excerpt);
}

void rs_diags_free(rs_diags *ds) {
  for (size_t i = 0; i < ds->n; i++) rs_diag_free(&ds->v[i]);
  free(ds->v);
  memset(ds, 0, sizeof *ds);
}

static int diag_cmp(const void *a, const void *b) {
  const rs_diag *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  int c = strcmp(x->rule, y->rule);
  if (c) return c;
  if (x->end_line != y->end_line) return x->end_line < y->end_line ? -1 : 1;
  if (x->end_col != y->end_col) return x->end_col < y->end_col ? -1 : 1;
  return strcmp(x->message, y->message);
}

void rs_diags_sort(rs_diags *ds) {
  if (ds->n < 2) return;
  qsort(ds->v, ds->n, sizeof *ds->v, diag_cmp);
  size_t w = 1;
  for (size_t i = 1; i < ds->n; i++) {
    if (diag_cmp(&ds->v[w - 1], &ds->v[i]) == 0) {
      rs_diag_free(&ds->v[i]);
      continue;
    }
    ds->v[w++] = ds->v[i];
  }
  ds->n = w;
}

/* ---- facts ---- */

rs_fact *rs_fact_add(rs_doc *d, const char *kind, int para, uint32_t start, uint32_t end) {
  if (d->nfacts >= RS_MAX_FACTS) {
    if (!d->facts_capped) {
      d->facts_capped = 1;
      rs_diag *g = rs_diags_add(&d->diags, "engine/fact-cap", RS_SEV_INFO,
                                "Văn bản có quá nhiều số liệu, ngày tháng và trích dẫn: chỉ %d mục đầu tiên được "
                                "phân tích, phần sau không được kiểm tra số liệu và trích dẫn",
                                RS_MAX_FACTS);
      if (g) rs_diag_locate(g, d, para, start, start);
    }
    return NULL;
  }
  if (d->nfacts == d->capfacts) {
    size_t nc = d->capfacts ? d->capfacts * 2 : 64;
    rs_fact *nf = realloc(d->facts, nc * sizeof *nf);
    if (!nf) return NULL;
    d->facts = nf;
    d->capfacts = nc;
  }
  rs_fact *f = &d->facts[d->nfacts++];
  memset(f, 0, sizeof *f);
  f->kind = kind;
  f->para = para;
  f->start = start;
  f->end = end;
  return f;
}

static rs_fval *fact_val(rs_fact *f, const char *key, rs_fval_type t) {
  if (!f) return NULL;
  if (f->nvals == f->cap) {
    size_t nc = f->cap ? f->cap * 2 : 8;
    rs_fval *nv = realloc(f->vals, nc * sizeof *nv);
    if (!nv) return NULL;
    f->vals = nv;
    f->cap = nc;
  }
  rs_fval *v = &f->vals[f->nvals++];
  v->key = key;
  v->type = t;
  return v;
}

int rs_fact_strn(rs_fact *f, const char *key, const char *s, size_t n) {
  char *c = rs_strndup(s, n);
  if (!c) return RS_ENOMEM;
  rs_fval *v = fact_val(f, key, RS_FV_STR);
  if (!v) {
    free(c);
    return RS_ENOMEM;
  }
  v->v.s = c;
  return 0;
}

int rs_fact_str(rs_fact *f, const char *key, const char *s) { return rs_fact_strn(f, key, s, strlen(s)); }

int rs_fact_num(rs_fact *f, const char *key, double n) {
  rs_fval *v = fact_val(f, key, RS_FV_NUM);
  if (!v) return RS_ENOMEM;
  v->v.n = n;
  return 0;
}

int rs_fact_int(rs_fact *f, const char *key, long long i) {
  rs_fval *v = fact_val(f, key, RS_FV_INT);
  if (!v) return RS_ENOMEM;
  v->v.i = i;
  return 0;
}

int rs_fact_bool(rs_fact *f, const char *key, int b) {
  rs_fval *v = fact_val(f, key, RS_FV_BOOL);
  if (!v) return RS_ENOMEM;
  v->v.b = b ? 1 : 0;
  return 0;
}

int rs_fact_ref(rs_fact *f, const char *key, int idx) {
  rs_fval *v = fact_val(f, key, RS_FV_REF);
  if (!v) return RS_ENOMEM;
  v->v.ref = idx;
  return 0;
}

int rs_fact_reflist(rs_fact *f, const char *key, int idx) {
  rs_fval *v = fact_val(f, key, RS_FV_REFLIST);
  if (!v) return RS_ENOMEM;
  v->v.ref = idx;
  return 0;
}

const rs_fval *rs_fact_get(const rs_fact *f, const char *key) {
  for (size_t i = 0; i < f->nvals; i++)
    if (!strcmp(f->vals[i].key, key)) return &f->vals[i];
  return NULL;
}

/* ---- folding (lower case without diacritics) ---- */

#define FOLD_OPTS (UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD)

/* The utf8proc_map(FOLD_OPTS) image of single code points of Latin
 * (U+0000-U+024F) and Latin Extended Additional (U+1E00-U+1EFF), computed
 * once with utf8proc itself. utf8proc maps a string code point by code point
 * and then only reorders combining marks (combining class > 0); when every
 * code point of a string has an image here made of class-0 code points,
 * the string's image is the concatenation of the images. Entries whose
 * image holds a combining mark or is longer than 7 bytes have len 0xFF and
 * send the string to the slow path. */
#define FT_LAT 0x250
#define FT_EXT_LO 0x1E00
#define FT_EXT_N 0x100
typedef struct fimg {
  unsigned char len;
  char b[7];
} fimg;
static fimg fold_lat[2][FT_LAT], fold_ext[2][FT_EXT_N];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fimg_make(int32_t cp, fimg *f, utf8proc_option_t opts) {
  f->len = 0xFF;
  utf8proc_uint8_t in[4], *m = NULL;
  utf8proc_ssize_t l = utf8proc_encode_char(cp, in);
  utf8proc_ssize_t r = utf8proc_map(in, l, &m, opts);
  if (r < 0) return;
  int ok = r <= 7;
  for (utf8proc_ssize_t i = 0; ok && i < r;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(m + i, r - i, &c);
    if (k <= 0 || utf8proc_get_property(c)->combining_class != 0) ok = 0;
    else i += k;
  }
  if (ok) {
    memcpy(f->b, m, (size_t)r);
    f->len = (unsigned char)r;
  }
  free(m);
}

static void fold_init(void) {
  for (int k = 0; k < 2; k++) {
    utf8proc_option_t opts = FOLD_OPTS | (k ? UTF8PROC_STABLE : 0);
    for (int32_t c = 0; c < FT_LAT; c++) fimg_make(c, &fold_lat[k][c], opts);
    for (int32_t c = 0; c < FT_EXT_N; c++) fimg_make(FT_EXT_LO + c, &fold_ext[k][c], opts);
  }
}

/* utf8proc_map(s, FOLD_OPTS) through the tables; -1 when a code point is
 * outside them (the caller then asks utf8proc). */
static utf8proc_ssize_t fold_map_fast(const char *s, size_t n, utf8proc_uint8_t **out, int set) {
  pthread_once(&fold_once, fold_init);
  utf8proc_uint8_t *m = malloc(n * 7 + 1);
  if (!m) return -1;
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    const fimg *f = NULL;
    if (l > 0 && cp < FT_LAT) f = &fold_lat[set][cp];
    else if (l > 0 && cp >= FT_EXT_LO && cp < FT_EXT_LO + FT_EXT_N) f = &fold_ext[set][cp - FT_EXT_LO];
    if (!f || f->len == 0xFF) {
      free(m);
      return -1;
    }
    memcpy(m + k, f->b, f->len);
    k += f->len;
    i += (size_t)l;
  }
  m[k] = 0;
  *out = m;
  return (utf8proc_ssize_t)k;
}

utf8proc_ssize_t rs_fold_map(const char *s, size_t n, utf8proc_uint8_t **out, int stable) {
  utf8proc_ssize_t r = fold_map_fast(s, n, out, stable ? 1 : 0);
  if (r < 0)
    r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, out,
                     FOLD_OPTS | (stable ? UTF8PROC_STABLE : 0));
  return r;
}
