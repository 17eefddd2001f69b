/* Helpers shared by the report formats. */
#include "out_util.h"

#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void out_count(const rs_report *r, out_totals *t) {
  memset(t, 0, sizeof *t);
  t->files = r->nfiles;
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *fr = &r->files[i];
    if (fr->status == RS_FILE_FAILED) t->failed++;
    else t->checked++;
    for (size_t k = 0; k < fr->diags.n; k++) {
      switch (fr->diags.v[k].severity) {
      case RS_SEV_ERROR: t->errors++; break;
      case RS_SEV_WARNING: t->warnings++; break;
      case RS_SEV_INFO: t->infos++; break;
      default: break;
      }
      t->findings++;
    }
  }
}

void out_rule_pack(const char *rule, char *buf, size_t size) {
  if (!size) return;
  buf[0] = 0;
  if (!rule) return;
  const char *slash = strchr(rule, '/');
  size_t n = slash ? (size_t)(slash - rule) : strlen(rule);
  if (n >= size) n = size - 1;
  memcpy(buf, rule, n);
  buf[n] = 0;
}

static const struct {
  const char *pack, *label;
} pack_labels[] = {
    {"citation", "Trích dẫn văn bản"},
    {"date", "Ngày tháng"},
    {"deadline", "Thời hạn"},
    {"arithmetic", "Số liệu, phép tính"},
    {"structure", "Bố cục, thể thức"},
    {"format", "Định dạng trang"},
    {"spelling", "Chính tả"},
    {"terminology", "Thuật ngữ"},
    {"typography", "Dấu câu, khoảng trắng"},
    {"encoding", "Mã hóa ký tự"},
    {"engine", "Lỗi xử lý"},
};

const char *out_pack_label(const char *pack) {
  for (size_t i = 0; i < sizeof pack_labels / sizeof pack_labels[0]; i++)
    if (!strcmp(pack, pack_labels[i].pack)) return pack_labels[i].label;
  return pack;
}

const char *out_severity_label(rs_severity s) {
  switch (s) {
  case RS_SEV_ERROR: return "lỗi";
  case RS_SEV_WARNING: return "cảnh báo";
  case RS_SEV_INFO: return "thông tin";
  default: return "tắt";
  }
}

const rs_rule_info *out_find_rule(const rs_report *r, const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < r->nrules; i++)
    if (r->rules[i].id && !strcmp(r->rules[i].id, id)) return &r->rules[i];
  return NULL;
}

uint64_t out_fnv1a(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

static int is_space_at(const unsigned char *s, size_t *len) {
  /* ASCII white space, NBSP (C2 A0), the U+2000..U+200B spaces, U+202F,
   * U+3000, U+FEFF */
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' || s[0] == '\v') {
    *len = 1;
    return 1;
  }
  if (s[0] == 0xC2 && s[1] == 0xA0) {
    *len = 2;
    return 1;
  }
  if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF)) {
    *len = 3;
    return 1;
  }
  if ((s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) || (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)) {
    *len = 3;
    return 1;
  }
  return 0;
}

char *out_normalize_space(const char *s) {
  if (!s) s = "";
  size_t n = strlen(s);
  char *o = malloc(n + 1);
  if (!o) return NULL;
  size_t k = 0;
  int pending = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t l;
    if (is_space_at(u + i, &l)) {
      pending = 1;
      i += l;
      continue;
    }
    if (pending && k > 0) o[k++] = ' ';
    pending = 0;
    o[k++] = s[i++];
  }
  o[k] = 0;
  return o;
}

typedef struct {
  uint64_t h;
  size_t idx;
} fp_key;

static int fp_key_cmp(const void *a, const void *b) {
  const fp_key *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint64_t hash_str(uint64_t h, const char *s) {
  if (!s) s = "";
  h = out_fnv1a(h, s, strlen(s));
  return out_fnv1a(h, "", 1); /* field separator */
}

int out_fingerprints(const rs_file_result *fr, char (*fps)[33]) {
  size_t n = fr->diags.n;
  if (!n) return 0;
  fp_key *keys = malloc(n * sizeof *keys);
  char **norm = calloc(n, sizeof *norm);
  if (!keys || !norm) {
    free(keys);
    free(norm);
    return RS_ENOMEM;
  }
  int rc = 0;
  for (size_t i = 0; i < n; i++) {
    const rs_diag *g = &fr->diags.v[i];
    norm[i] = out_normalize_space(g->excerpt && *g->excerpt ? g->excerpt : g->message);
    if (!norm[i]) {
      rc = RS_ENOMEM;
      goto done;
    }
    keys[i].h = hash_str(hash_str(OUT_FNV_INIT, g->rule), norm[i]);
    keys[i].idx = i;
  }
  qsort(keys, n, sizeof *keys, fp_key_cmp);
  unsigned long prev_occ = 0;
  for (size_t i = 0; i < n; i++) {
    size_t idx = keys[i].idx;
    const rs_diag *g = &fr->diags.v[idx];
    /* occurrence: earlier findings with the same rule and excerpt (the hash
     * groups candidates in document order, the strings decide) */
    unsigned long occ = 0;
    for (size_t j = i; j > 0 && keys[j - 1].h == keys[i].h; j--) {
      const rs_diag *o = &fr->diags.v[keys[j - 1].idx];
      if (!strcmp(o->rule ? o->rule : "", g->rule ? g->rule : "") && !strcmp(norm[keys[j - 1].idx], norm[idx])) {
        /* the nearest equal one is the previous key: it counted the rest */
        if (j == i) {
          occ = prev_occ + 1;
        } else { /* a hash collision in between: count them all */
          occ = 1;
          for (size_t q = j - 1; q > 0 && keys[q - 1].h == keys[i].h; q--) {
            const rs_diag *o2 = &fr->diags.v[keys[q - 1].idx];
            if (!strcmp(o2->rule ? o2->rule : "", g->rule ? g->rule : "") && !strcmp(norm[keys[q - 1].idx], norm[idx]))
              occ++;
          }
        }
        break;
      }
    }
    prev_occ = occ;
    char occs[24];
    snprintf(occs, sizeof occs, "%lu", occ);
    uint64_t h1 = OUT_FNV_INIT, h2 = 0x84222325cbf29ce4ULL;
    const char *parts[] = {"rasoat/v1", g->rule, fr->path, norm[idx], occs};
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
      h1 = hash_str(h1, parts[p]);
      h2 = hash_str(h2, parts[sizeof parts / sizeof parts[0] - 1 - p]);
    }
    snprintf(fps[idx], 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
  }
done:
  for (size_t i = 0; i < n; i++) free(norm[i]);
  free(norm);
  free(keys);
  return rc;
}

char *out_path_uri(const char *path) {
  out_buf b = {0};
  if (!path) path = "";
  if (path[0] == '/') out_buf_puts(&b, "file://");
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    unsigned c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      char ch = (char)c;
      out_buf_add(&b, &ch, 1);
    } else if (c == '\\') {
      out_buf_add(&b, "/", 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      out_buf_add(&b, e, 3);
    }
  }
  if (!b.s) out_buf_add(&b, "", 0);
  if (b.oom) {
    out_buf_free(&b);
    return NULL;
  }
  return b.s;
}

char *out_utf8_clean(const char *s) {
  out_buf b = {0};
  if (!s) s = "";
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l < 0) {
      out_buf_puts(&b, "\xEF\xBF\xBD");
      i++;
    } else {
      out_buf_add(&b, s + i, (size_t)l);
      i += (size_t)l;
    }
  }
  if (!b.s) out_buf_add(&b, "", 0);
  if (b.oom) {
    out_buf_free(&b);
    return NULL;
  }
  return b.s;
}

char *out_xml_clean(const char *s) {
  out_buf b = {0};
  if (!s) s = "";
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      out_buf_puts(&b, "\xEF\xBF\xBD");
      i += l < 0 ? 1 : (size_t)l;
    } else {
      out_buf_add(&b, s + i, (size_t)l);
      i += (size_t)l;
    }
  }
  if (!b.s) out_buf_add(&b, "", 0);
  if (b.oom) {
    out_buf_free(&b);
    return NULL;
  }
  return b.s;
}

/* Source position of code point i of a paragraph (as rs_para_pos). */
static void cp_pos(const rs_para *p, size_t *segi, uint32_t i, uint32_t *line, uint32_t *col) {
  if (p->nsegs == 0) {
    *line = 1;
    *col = i + 1;
    return;
  }
  while (*segi + 1 < p->nsegs && p->segs[*segi + 1].cp <= i) (*segi)++;
  const rs_seg *s = &p->segs[*segi];
  *line = s->line;
  *col = s->col + (i - s->cp);
}

static int pos_cmp(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  if (l1 != l2) return l1 < l2 ? -1 : 1;
  if (c1 != c2) return c1 < c2 ? -1 : 1;
  return 0;
}

static int span_in_para(const rs_para *p, const rs_diag *g, size_t *start, size_t *end) {
  uint32_t el = g->end_line, ec = g->end_col;
  if (pos_cmp(el, ec, g->line, g->col) < 0) {
    el = g->line;
    ec = g->col;
  }
  if (p->ncp == 0) {
    *start = *end = 0;
    return 0;
  }
  /* the start must lie inside the paragraph (or just past its end) */
  size_t segi = 0;
  uint32_t l, c, fl, fc, ll, lc;
  cp_pos(p, &segi, 0, &fl, &fc);
  cp_pos(p, &segi, p->ncp - 1, &ll, &lc);
  if (pos_cmp(g->line, g->col, fl, fc) < 0 || pos_cmp(g->line, g->col, ll, lc + 1) > 0) return -1;
  int empty = pos_cmp(el, ec, g->line, g->col) == 0;
  uint32_t cps = p->ncp, cpe = p->ncp;
  segi = 0;
  for (uint32_t i = 0; i < p->ncp; i++) {
    cp_pos(p, &segi, i, &l, &c);
    if (cps == p->ncp && pos_cmp(l, c, g->line, g->col) >= 0) cps = i;
    if (cps != p->ncp && (i > cps || empty) && pos_cmp(l, c, el, ec) >= 0) {
      cpe = i;
      break;
    }
  }
  /* code point indexes -> byte offsets */
  size_t b = 0, cp = 0, bs = p->len, be = p->len;
  for (;;) {
    if (cp == cps) bs = b;
    if (cp == cpe) {
      be = b;
      break;
    }
    if (b >= p->len) break;
    b++;
    while (b < p->len && ((unsigned char)p->text[b] & 0xC0) == 0x80) b++;
    cp++;
  }
  *start = bs;
  *end = be < bs ? bs : be;
  return 0;
}

int out_diag_span(const rs_doc *d, const rs_diag *g, size_t *para, size_t *start, size_t *end) {
  if (!d || g->line == 0) return -1;
  if (g->para > 0) {
    if ((size_t)g->para > d->npara) return -1;
    *para = (size_t)g->para - 1;
    return span_in_para(&d->paras[*para], g, start, end);
  }
  /* no paragraph given (a reader's finding): the first one holding the start */
  if (out_diag_is_global(g)) return -1;
  for (size_t i = 0; i < d->npara; i++) {
    if (d->paras[i].ncp == 0) continue;
    if (span_in_para(&d->paras[i], g, start, end) == 0) {
      *para = i;
      return 0;
    }
  }
  return -1;
}

int out_diag_is_global(const rs_diag *g) {
  return g->para == 0 && g->line <= 1 && g->col <= 1 && g->end_line <= 1 && g->end_col <= 1;
}

void out_buf_add(out_buf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->len + n + 1 > b->cap) {
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->len + n + 1) nc *= 2;
    char *ns = realloc(b->s, nc);
    if (!ns) {
      b->oom = 1;
      return;
    }
    b->s = ns;
    b->cap = nc;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}

void out_buf_puts(out_buf *b, const char *s) { out_buf_add(b, s, strlen(s)); }

void out_buf_printf(out_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = NULL;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  if (n >= 0 && (s = malloc((size_t)n + 1))) vsnprintf(s, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  va_end(ap);
  if (!s) {
    b->oom = 1;
    return;
  }
  out_buf_add(b, s, (size_t)n);
  free(s);
}

void out_buf_free(out_buf *b) {
  free(b->s);
  memset(b, 0, sizeof *b);
}

/* One RFC 4180 field (a comma before it unless first): quoted when needed,
 * invalid UTF-8 replaced, and a leading = + @ defused so that a spreadsheet
 * never takes a file name or a message for a formula. */
void out_csv_field(out_buf *b, const char *s, int first) {
  if (!first) out_buf_add(b, ",", 1);
  if (!s) return;
  char *v = out_utf8_clean(s);
  if (!v) {
    b->oom = 1;
    return;
  }
  /* a cell starting with = + @ would be taken for a formula */
  int guard = v[0] == '=' || v[0] == '+' || v[0] == '@';
  int quote = guard || strpbrk(v, ",\"\r\n") != NULL;
  if (quote) out_buf_add(b, "\"", 1);
  if (guard) out_buf_add(b, "'", 1);
  for (const char *p = v; *p; p++) {
    if (*p == '"') out_buf_add(b, "\"\"", 2);
    else out_buf_add(b, p, 1);
  }
  if (quote) out_buf_add(b, "\"", 1);
  free(v);
}
