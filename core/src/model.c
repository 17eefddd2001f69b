/* Document model: the section tree (parts I., items 1., points a)) and the
 * header and closing blocks of an administrative document (Decree 30/2020,
 * Article 8: Quốc hiệu, Tiêu ngữ, agency, number, place and date, type and
 * summary, signature, recipients). */
#include "doc.h"
#include "readers.h"
#include "reflow.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define HEAD_SCAN 15   /* paragraphs looked at for the header */
#define TAIL_SCAN 25   /* paragraphs looked at for the signature when there is no closing */

/* ---- text helpers ---- */

static int32_t cp_at(const char *s, size_t n, size_t i, int *len) {
  int32_t cp = 0;
  int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
  if (l < 1) {
    l = 1;
    cp = 0xFFFD;
  }
  if (len) *len = l;
  return cp;
}

static int is_upper_cp(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
static int is_lower_cp(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }
static int is_letter_cp(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Matching key: no diacritics, lower case, đ -> d, white space runs -> one
 * space, trimmed. "CỘNG HOÀ" and "Cộng hòa" both give "cong hoa". */
static char *fold(const char *s, size_t n) {
  utf8proc_uint8_t *m = NULL;
  utf8proc_ssize_t r = rs_fold_map(s, n, &m, 1);
  if (r < 0) return rs_strdup("");
  char *o = malloc((size_t)r + 1);
  if (!o) {
    free(m);
    return NULL;
  }
  size_t k = 0, i = 0;
  int space = 1; /* drop leading space */
  while (i < (size_t)r) {
    int l;
    int32_t cp = cp_at((const char *)m, (size_t)r, i, &l);
    if (rs_is_space_cp(cp) || cp == '\n' || cp == '\r') {
      if (!space) o[k++] = ' ';
      space = 1;
    } else if (cp == 0x0111 || cp == 0x00F0) { /* đ, and ð typed for it */
      o[k++] = 'd';
      space = 0;
    } else {
      memcpy(o + k, m + i, (size_t)l);
      k += (size_t)l;
      space = 0;
    }
    i += (size_t)l;
  }
  while (k > 0 && o[k - 1] == ' ') k--;
  o[k] = 0;
  free(m);
  return o;
}

static int starts(const char *s, const char *pre) { return strncmp(s, pre, strlen(pre)) == 0; }

/* A column: a piece of a line set apart by a tab or 3+ spaces (text
 * extracted from a two-column header or signature block). */
typedef struct col {
  size_t a, b; /* byte range, trimmed */
} col;

#define MAXCOLS 4

static size_t skip_sp(const char *s, size_t n, size_t i) {
  while (i < n) {
    int l;
    int32_t cp = cp_at(s, n, i, &l);
    if (!rs_is_space_cp(cp)) break;
    i += (size_t)l;
  }
  return i;
}

static char *fold(const char *s, size_t n);
static int starts(const char *s, const char *pre);

/* Is the gap between s[a..e) and s[g..) a blank left to fill in when the
 * document is numbered and dated ("Số:      /BC-UBND", "ngày      tháng 6
 * năm 2023"), not a column gap? */
static int fill_in_gap(const char *s, size_t n, size_t a, size_t e, size_t g) {
  if (g >= n || e <= a) return 0;
  size_t h = e > a + 16 ? e - 16 : a; /* the last few characters before the gap */
  while (h > a && ((unsigned char)s[h] & 0xC0) == 0x80) h--;
  size_t z = g + 12 < n ? g + 12 : n; /* and the first few after it */
  while (z < n && ((unsigned char)s[z] & 0xC0) == 0x80) z++;
  char *before = fold(s + h, e - h), *after = fold(s + g, z - g);
  int yes = 0;
  if (before && after) {
    size_t bl = strlen(before);
    int so = bl >= 3 && !strcmp(before + bl - 3, "so:") && (bl == 3 || before[bl - 4] == ' ');
    int day = (bl >= 4 && !strcmp(before + bl - 4, "ngay")) || (bl >= 5 && !strcmp(before + bl - 5, "thang"));
    yes = (so && after[0] == '/') || (day && (starts(after, "thang") || starts(after, "nam")));
  }
  free(before);
  free(after);
  return yes;
}

static size_t split_cols(const char *s, size_t n, col *c) {
  size_t nc = 0, i = skip_sp(s, n, 0);
  while (i < n && nc < MAXCOLS) {
    size_t start = i, last_end = i;
    while (i < n) {
      int l;
      int32_t cp = cp_at(s, n, i, &l);
      if (rs_is_space_cp(cp)) {
        size_t j = i, k = 0;
        int tab = 0;
        while (j < n) {
          int l2;
          int32_t c2 = cp_at(s, n, j, &l2);
          if (!rs_is_space_cp(c2)) break;
          if (c2 == '\t') tab = 1;
          j += (size_t)l2;
          k++;
        }
        if ((tab || k >= 3) && nc + 1 < MAXCOLS && !fill_in_gap(s, n, start, last_end, j)) {
          i = j;
          break;
        }
        i = j;
        continue;
      }
      i += (size_t)l;
      last_end = i;
    }
    if (last_end > start) {
      c[nc].a = start;
      c[nc].b = last_end;
      nc++;
    }
  }
  return nc;
}

typedef struct ctext {
  const char *s; /* original */
  size_t n;
  char *f;       /* folded */
  int has_lower, has_upper, has_letter;
  uint32_t ncp;
} ctext;

static void ctext_init(ctext *t, const char *s, size_t n) {
  memset(t, 0, sizeof *t);
  t->s = s;
  t->n = n;
  t->f = fold(s, n);
  for (size_t i = 0; i < n;) {
    int l;
    int32_t cp = cp_at(s, n, i, &l);
    if (cp < 0x80) { /* the ASCII letters are the only letters below 0x80 */
      if (cp >= 'a' && cp <= 'z') t->has_lower = t->has_letter = 1;
      else if (cp >= 'A' && cp <= 'Z') t->has_upper = t->has_letter = 1;
    } else {
      utf8proc_category_t k = utf8proc_category(cp); /* is_lower_cp, is_upper_cp, is_letter_cp */
      if (k == UTF8PROC_CATEGORY_LL) t->has_lower = 1;
      if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT) t->has_upper = 1;
      if (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) t->has_letter = 1;
    }
    t->ncp++;
    i += (size_t)l;
  }
}

static int is_caps(const ctext *t) { return t->has_upper && !t->has_lower; }

/* "ỦY BAN NHÂN DÂN" (or HĐND, UBND) alone: the first line of an agency name
 * set on two lines, its level and place on the next ("XÃ ĐÌNH CAO"). */
static int is_bare_body(const ctext *t) {
  if (!t->f) return 0;
  static const char *const names[] = {"uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", NULL};
  for (const char *const *n = names; *n; n++)
    if (!strcmp(t->f, *n)) return 1;
  return 0;
}

static int starts_with_level(const ctext *t) {
  static const char *const lv[] = {"xa ", "phuong ", "thi tran ", "huyen ", "quan ", "thi xa ", "thanh pho ",
                                   "tinh ", "tp ", "tp. ", NULL};
  if (!t->f) return 0;
  for (const char *const *l = lv; *l; l++)
    if (starts(t->f, *l)) return 1;
  return 0;
}

static int is_national(const ctext *t) { return t->f && strstr(t->f, "cong hoa xa hoi chu nghia viet nam"); }

static int is_motto(const ctext *t) {
  return t->f && strstr(t->f, "doc lap") && strstr(t->f, "tu do") && strstr(t->f, "hanh phuc");
}

static int is_number_line(const ctext *t) {
  const char *f = t->f;
  if (!f || !starts(f, "so")) return 0;
  f += 2;
  while (*f == ' ') f++;
  if (*f == ':') return 1;
  return *f >= '0' && *f <= '9' && strchr(f, '/') != NULL;
}

static int is_place_date(const ctext *t) {
  const char *f = t->f;
  if (!f || t->ncp > 90) return 0;
  const char *ng = strstr(f, ", ngay");
  if (!ng && starts(f, "ngay ")) ng = f;
  if (!ng) return 0;
  const char *th = strstr(ng, "thang");
  return th && strstr(th, "nam") != NULL;
}

static const char *const doc_types[] = {
    "bao cao",  "ke hoach", "quyet dinh", "to trinh",   "thong bao", "nghi quyet", "chuong trinh",
    "bien ban", "huong dan", "de an",     "phuong an",  "chi thi",   "quy che",    "quy dinh",
    "cong van", "giay moi",  "thong cao", "cong dien",  "du an",     "hop dong",   NULL};

/* 1: the type name alone, 2: the type name followed by more text, 0: not one. */
static int doc_type_kind(const ctext *t) {
  if (!t->f || !is_caps(t)) return 0;
  for (int i = 0; doc_types[i]; i++) {
    size_t k = strlen(doc_types[i]);
    if (strncmp(t->f, doc_types[i], k) == 0) {
      if (t->f[k] == 0) return 1;
      if (t->f[k] == ' ') return 2;
    }
  }
  return 0;
}

static int is_separator(const ctext *t) { return !t->has_letter && t->ncp > 0 && !strpbrk(t->s, "0123456789"); }

static int is_bullet_start(const char *s, size_t n) {
  if (n == 0) return 0;
  int l;
  int32_t cp = cp_at(s, n, 0, &l);
  return cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2014 || cp == 0x2022;
}

static int authority_prefix(const ctext *t) {
  static const char *const pre[] = {"TM.", "KT.", "TUQ.", "TL.", "Q.", NULL};
  for (int i = 0; pre[i]; i++) {
    size_t k = strlen(pre[i]);
    if (t->n > k && strncmp(t->s, pre[i], k) == 0) {
      int32_t cp = cp_at(t->s, t->n, k, NULL);
      if (rs_is_space_cp(cp) || is_upper_cp(cp)) return 1;
    }
  }
  return 0;
}

/* The signer's title: CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC, TRƯỞNG PHÒNG... */
static int has_title_word(const ctext *t) {
  static const char *const w[] = {"chu tich", "giam doc", "bi thu", "thu truong", "hieu truong", "chanh van phong",
                                  "truong phong", "truong ban", "truong thon", "tong giam doc", NULL};
  if (!t->f) return 0;
  for (int i = 0; w[i]; i++) {
    const char *at = strstr(t->f, w[i]);
    if (at && (at == t->f || at[-1] == ' ')) return 1;
  }
  return 0;
}

/* A person's name: 2-5 words, each starting with an upper-case letter, no
 * digits or punctuation. */
static int is_name(const ctext *t) {
  if (!t->has_letter || t->ncp > 40) return 0;
  int words = 0, at_start = 1;
  for (size_t i = 0; i < t->n;) {
    int l;
    int32_t cp = cp_at(t->s, t->n, i, &l);
    if (rs_is_space_cp(cp)) {
      at_start = 1;
    } else {
      if (!is_letter_cp(cp)) return 0;
      if (at_start) {
        if (!is_upper_cp(cp)) return 0;
        words++;
        at_start = 0;
      }
    }
    i += (size_t)l;
  }
  if (words < 2 || words > 5) return 0;
  if (is_caps(t) && has_title_word(t)) return 0;
  return 1;
}

/* All columns of one paragraph. */
typedef struct pcols {
  ctext c[MAXCOLS];
  size_t n;
} pcols;

static void pcols_init(pcols *pc, const rs_para *p) {
  col c[MAXCOLS];
  pc->n = split_cols(p->text, p->len, c);
  for (size_t i = 0; i < pc->n; i++) ctext_init(&pc->c[i], p->text + c[i].a, c[i].b - c[i].a);
}

static void pcols_free(pcols *pc) {
  for (size_t i = 0; i < pc->n; i++) free(pc->c[i].f);
  pc->n = 0;
}

/* Marker of a paragraph: from the generated label, or from its text. */
static int para_marker(const rs_para *p, rs_marker *m, size_t *mstart) {
  *mstart = 0;
  if (p->label && p->label[0]) {
    size_t n = strlen(p->label);
    while (n > 0 && rs_is_space_cp((unsigned char)p->label[n - 1])) n--;
    return rs_marker_parse(p->label, n, m);
  }
  size_t i = skip_sp(p->text, p->len, 0);
  *mstart = i;
  return rs_marker_parse(p->text + i, p->len - i, m);
}

/* ---- header and closing blocks ---- */

static void find_head(rs_doc *d) {
  rs_blocks *b = &d->blocks;
  size_t lim = d->npara < HEAD_SCAN ? d->npara : HEAD_SCAN;
  int classified[HEAD_SCAN] = {0};
  int agency_c[HEAD_SCAN];
  char bare[HEAD_SCAN] = {0}, leveled[HEAD_SCAN] = {0}; /* an agency line's caps column: see is_bare_body */
  size_t nag = 0;
  int type_more = 0;
  size_t end = lim;
  int last_kg = -1;
  for (size_t i = 0; i < lim; i++) {
    const rs_para *p = &d->paras[i];
    rs_marker m;
    size_t ms;
    if (para_marker(p, &m, &ms) && m.level <= 2) {
      end = i;
      break;
    }
    if (p->ncp > 250) {
      end = i;
      break;
    }
    pcols pc;
    pcols_init(&pc, p);
    int any = 0, sep = pc.n > 0;
    for (size_t k = 0; k < pc.n; k++) {
      ctext *t = &pc.c[k];
      if (!is_separator(t)) sep = 0;
      if (is_national(t)) {
        if (b->national_title < 0) b->national_title = (int)i;
        any = 1;
      } else if (is_motto(t)) {
        if (b->motto < 0) b->motto = (int)i;
        any = 1;
      } else if (is_number_line(t)) {
        if (b->number < 0) b->number = (int)i;
        any = 1;
      } else if (is_place_date(t)) {
        if (b->place_date < 0) b->place_date = (int)i;
        any = 1;
      } else if (t->f && starts(t->f, "kinh gui")) {
        if (b->kinh_gui < 0) b->kinh_gui = last_kg = (int)i;
        any = 1;
      } else if (doc_type_kind(t) && b->doc_type < 0) {
        b->doc_type = (int)i;
        type_more = doc_type_kind(t) == 2;
        any = 1;
      } else if (is_caps(t) && b->doc_type < 0 && !is_separator(t)) {
        if (nag == 0 || agency_c[nag - 1] != (int)i) {
          agency_c[nag++] = (int)i;
          bare[i] = (char)is_bare_body(t);
          leveled[i] = (char)starts_with_level(t);
        }
        any = 1;
      }
    }
    if (sep) any = 2;
    if (!any && last_kg >= 0 && (int)i == last_kg + 1 && is_bullet_start(p->text + skip_sp(p->text, p->len, 0), p->len) &&
        p->ncp < 120) {
      last_kg = (int)i; /* "- Phòng Nội vụ huyện" under "Kính gửi:" */
      any = 3;
    }
    classified[i] = any;
    pcols_free(&pc);
  }
  /* agency lines only count when a formal header is there, and come before
   * its last element (upper-case titles below it are not agencies) */
  int formal_last = b->national_title;
  int fl[] = {b->motto, b->number, b->place_date, b->doc_type};
  for (size_t k = 0; k < 4; k++)
    if (fl[k] > formal_last) formal_last = fl[k];
  size_t keep = 0;
  for (size_t k = 0; k < nag; k++) {
    if (agency_c[k] <= formal_last) agency_c[keep++] = agency_c[k];
    else classified[agency_c[k]] = 0;
  }
  nag = keep;
  /* "ỦY BAN NHÂN DÂN" over "XÃ ĐÌNH CAO": one agency on two lines, not a
   * superior body over an agency */
  for (size_t k = 0; k + 1 < nag; k++)
    if (bare[agency_c[k]] && leveled[agency_c[k + 1]] && agency_c[k + 1] == agency_c[k] + 1) {
      b->agency_head = agency_c[k];
      b->agency = agency_c[k + 1];
      if (k > 0) b->agency_parent = agency_c[k - 1];
      break;
    }
  if (b->agency >= 0) {
    /* set above */
  } else if (nag >= 2) {
    b->agency_parent = agency_c[0];
    b->agency = agency_c[1];
  } else if (nag == 1) {
    b->agency = agency_c[0];
  }
  /* the summary: after the type name, or the first title-like line */
  int sum = -1;
  if (b->doc_type >= 0 && type_more) {
    sum = b->doc_type;
  } else {
    size_t from = b->doc_type >= 0 ? (size_t)b->doc_type + 1 : 0;
    for (size_t i = from; i < end; i++) {
      if (classified[i]) continue;
      const rs_para *p = &d->paras[i];
      if (p->ncp == 0) continue;
      size_t a = skip_sp(p->text, p->len, 0);
      if (a >= p->len) continue;
      int32_t f = cp_at(p->text, p->len, a, NULL);
      if (!is_upper_cp(f) && !(f >= '0' && f <= '9')) break;
      if (b->kinh_gui >= 0 && (int)i > b->kinh_gui) break;
      size_t z = p->len;
      while (z > a && (p->text[z - 1] == ' ' || p->text[z - 1] == '\t')) z--;
      if (z > a && strchr(".;:", p->text[z - 1]) && !(z >= a + 3 && !memcmp(p->text + z - 3, "./.", 3))) break;
      sum = (int)i;
      break;
    }
  }
  int last = -1;
  if (sum >= 0) {
    b->summary = sum;
    last = sum;
    /* a summary wrapped over several short lines */
    for (size_t i = (size_t)sum + 1; i < end; i++) {
      const rs_para *p = &d->paras[i];
      if (classified[i] || p->ncp == 0 || p->ncp > 120) break;
      size_t a = skip_sp(p->text, p->len, 0);
      int32_t f = a < p->len ? cp_at(p->text, p->len, a, NULL) : 0;
      int cont = is_lower_cp(f) || (f >= '0' && f <= '9') ||
                 (p->align == RS_ALIGN_CENTER && d->paras[sum].align == RS_ALIGN_CENTER);
      if (!cont) break;
      last = (int)i;
    }
  }
  int idx[] = {b->agency_parent, b->agency_head, b->agency, b->national_title, b->motto, b->number,
               b->place_date,    b->doc_type, b->kinh_gui,     last_kg};
  for (size_t k = 0; k < sizeof idx / sizeof idx[0]; k++)
    if (idx[k] > last) last = idx[k];
  size_t bs = (size_t)(last + 1);
  while (bs < end && classified[bs] == 2) bs++; /* separator lines */
  b->body_start = last < 0 ? 0 : (int)bs;
}

static void find_tail(rs_doc *d) {
  rs_blocks *b = &d->blocks;
  size_t from = b->body_start > 0 ? (size_t)b->body_start : 0;
  int closing = -1, slash = -1;
  for (size_t i = from; i < d->npara; i++) {
    const rs_para *p = &d->paras[i];
    size_t a = skip_sp(p->text, p->len, 0);
    /* the folded text starts with the case-folded first character when
     * that is ASCII (and not a line break, which fold drops): only a
     * paragraph starting with t, T or a non-ASCII character can fold to
     * "tren day la..." */
    unsigned char c0 = a < p->len ? (unsigned char)p->text[a] : 0;
    if (c0 >= 0x80 || c0 == 't' || c0 == 'T' || c0 == '\n' || c0 == '\r') {
      char *f = fold(p->text + a, p->len - a > 40 ? 40 : p->len - a);
      if (f && starts(f, "tren day la")) closing = (int)i;
      free(f);
    }
    if (strstr(p->text, "./.")) slash = (int)i;
  }
  b->closing = closing >= 0 ? closing : slash;
  size_t tail = b->closing >= 0 ? (size_t)b->closing + 1 : (d->npara > TAIL_SCAN ? d->npara - TAIL_SCAN : 0);
  if (tail < from) tail = from;
  for (size_t i = tail; i < d->npara; i++) {
    const rs_para *p = &d->paras[i];
    pcols pc;
    pcols_init(&pc, p);
    rs_marker mk;
    for (size_t k = 0; k < pc.n; k++) {
      ctext *t = &pc.c[k];
      if (b->recipients < 0 && t->f && starts(t->f, "noi nhan")) {
        b->recipients = (int)i;
      } else if (b->sig_authority < 0 && authority_prefix(t)) {
        b->sig_authority = (int)i;
      } else if (b->sig_title < 0 && is_caps(t) && t->ncp <= 60 && !is_bullet_start(t->s, t->n) &&
                 !rs_marker_parse(t->s, t->n, &mk) &&
                 ((b->sig_authority >= 0 && (int)i > b->sig_authority) || has_title_word(t))) {
        b->sig_title = (int)i;
      } else if (b->sig_name < 0 && b->sig_title >= 0 && (int)i > b->sig_title && (int)i <= b->sig_title + 8 &&
                 !is_bullet_start(t->s, t->n) && is_name(t)) {
        b->sig_name = (int)i;
      }
    }
    pcols_free(&pc);
  }
  if (b->recipients >= 0) {
    int endr = -1;
    /* "Nơi nhận: - Như trên;" on one line */
    {
      const rs_para *p = &d->paras[b->recipients];
      const char *dash = strstr(p->text, ":");
      if (dash) {
        size_t a = skip_sp(p->text, p->len, (size_t)(dash - p->text) + 1);
        if (a < p->len && is_bullet_start(p->text + a, p->len - a)) endr = b->recipients;
      }
    }
    for (size_t i = (size_t)b->recipients + 1; i < d->npara; i++) {
      const rs_para *p = &d->paras[i];
      size_t a = skip_sp(p->text, p->len, 0);
      if (a < p->len && is_bullet_start(p->text + a, p->len - a)) {
        endr = (int)i;
        continue;
      }
      if ((int)i == b->sig_authority || (int)i == b->sig_title || (int)i == b->sig_name) continue;
      break;
    }
    b->recipients_end = endr;
  }
}

/* ---- sections ---- */

static void free_sections(rs_doc *d) {
  for (size_t i = 0; i < d->nsections; i++) {
    free(d->sections[i].marker);
    free(d->sections[i].label);
    free(d->sections[i].title);
  }
  free(d->sections);
  d->sections = NULL;
  d->nsections = 0;
}

static int content_end(const rs_doc *d) {
  const rs_blocks *b = &d->blocks;
  if (b->closing >= b->body_start && b->closing >= 0) return b->closing - 1;
  int e = (int)d->npara;
  int tail[] = {b->recipients, b->sig_authority, b->sig_title};
  for (size_t k = 0; k < 3; k++)
    if (tail[k] >= b->body_start && tail[k] < e) e = tail[k];
  return e - 1;
}

static int build_sections(rs_doc *d) {
  int last_i = content_end(d);
  size_t cap = 16, n = 0;
  rs_section *v = malloc(cap * sizeof *v);
  if (!v) return RS_ENOMEM;
  int lastlv[4] = {-1, -1, -1, -1};
  for (int i = d->blocks.body_start; i <= last_i && i < (int)d->npara; i++) {
    const rs_para *p = &d->paras[i];
    if (p->table || p->part != RS_PART_BODY) continue;
    rs_marker m;
    size_t ms;
    if (!para_marker(p, &m, &ms) || m.level > 3) continue;
    if (n == cap) {
      cap *= 2;
      rs_section *nv = realloc(v, cap * sizeof *nv);
      if (!nv) goto oom;
      v = nv;
    }
    rs_section *s = &v[n];
    memset(s, 0, sizeof *s);
    s->level = m.level;
    s->para = i;
    s->ordinal = m.ordinal;
    s->punct = m.punct;
    s->end_para = last_i;
    if (p->label && p->label[0]) {
      s->marker = rs_strndup(p->label, m.len);
      s->label = rs_strndup(p->label, m.label_len);
      s->space_after = 1;
      s->mstart = s->mend = 0;
      size_t a = skip_sp(p->text, p->len, 0);
      size_t z = p->len;
      while (z > a && (p->text[z - 1] == ' ' || p->text[z - 1] == '\t')) z--;
      s->title = rs_strndup(p->text + a, z - a);
    } else {
      s->marker = rs_strndup(p->text + ms, m.len);
      s->label = rs_strndup(p->text + ms, m.label_len);
      s->space_after = m.space_after;
      s->mstart = (uint32_t)ms;
      s->mend = (uint32_t)(ms + m.len);
      size_t a = skip_sp(p->text, p->len, ms + m.len);
      size_t z = p->len;
      while (z > a) {
        /* trailing white space (any kind) */
        size_t q = z - 1;
        while (q > a && ((unsigned char)p->text[q] & 0xC0) == 0x80) q--;
        if (!rs_is_space_cp(cp_at(p->text, p->len, q, NULL))) break;
        z = q;
      }
      s->title = rs_strndup(p->text + a, z - a);
    }
    n++;
    if (!s->marker || !s->label || !s->title) goto oom;
    int parent = -1;
    for (int lv = m.level - 1; lv >= 1 && parent < 0; lv--) parent = lastlv[lv];
    s->parent = parent;
    lastlv[m.level] = (int)n - 1;
    for (int lv = m.level + 1; lv <= 3; lv++) lastlv[lv] = -1;
  }
  /* a section runs to the paragraph before the next one of its level or higher */
  for (size_t k = 0; k < n; k++) {
    for (size_t j = k + 1; j < n; j++) {
      if (v[j].level <= v[k].level) {
        v[k].end_para = v[j].para - 1;
        break;
      }
    }
  }
  d->sections = v;
  d->nsections = n;
  return 0;
oom:
  d->sections = v; /* free what was made */
  d->nsections = n;
  free_sections(d);
  return RS_ENOMEM;
}

int rs_model_build(rs_doc *d) {
  free_sections(d);
  rs_blocks *b = &d->blocks;
  b->agency_parent = b->agency = b->agency_head = b->national_title = b->motto = b->number = -1;
  b->place_date = b->doc_type = b->summary = b->closing = -1;
  b->sig_authority = b->sig_title = b->sig_name = b->recipients = -1;
  b->recipients_end = b->kinh_gui = -1;
  b->body_start = 0;
  if (d->npara == 0) return 0;
  find_head(d);
  find_tail(d);
  return build_sections(d);
}
