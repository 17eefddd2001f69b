/* Lines of plain text into paragraphs, reflowing hard-wrapped text.
 *
 * Text extracted from a PDF comes with a line break at the end of every
 * visual line (often followed by a blank line), sentences and citations cut
 * mid-way and extra blank lines at page breaks. Such text is detected from
 * the shape of its lines (a typical width W, many long lines cut before the
 * end of a sentence) and rebuilt into paragraphs; every kept character keeps
 * its true source line and column. */
#include "reflow.h"

#include "doc.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int rs_is_space_cp(int32_t cp) {
  switch (cp) {
  case ' ': case '\t': case '\f': case '\v':
  case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
    return 1;
  default:
    return cp >= 0x2000 && cp <= 0x200B;
  }
}

/* ---- markers ---- */

/* Vietnamese alphabet order of the point letters (no f, j, w, z). */
int rs_viet_letter_ordinal(int32_t cp) {
  static const char order[] = "abcd" "eghiklmnopqrstuvxy";
  if (cp == 0x0111) return 5; /* đ */
  if (cp < 'a' || cp > 'z') return 0;
  const char *p = strchr(order, (int)cp);
  if (!p) return 0;
  int i = (int)(p - order) + 1;
  return i >= 5 ? i + 1 : i; /* đ sits between d and e */
}

static int is_digit_b(unsigned char c) { return c >= '0' && c <= '9'; }

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

/* Skip white space from i; returns the new index. */
static size_t skip_space(const char *s, size_t n, size_t i) {
  while (i < n) {
    int l;
    int32_t cp = cp_at(s, n, i, &l);
    if (!rs_is_space_cp(cp)) break;
    i += (size_t)l;
  }
  return i;
}

/* What follows a marker: 0 nothing acceptable, 1 acceptable. `strict`
 * requires an upper-case letter (for the unusual punctuation , . -). */
static int follow_ok(const char *s, size_t n, size_t i, int strict) {
  size_t j = skip_space(s, n, i);
  if (j >= n) return !strict;
  int32_t cp = cp_at(s, n, j, NULL);
  if (strict) return is_upper_cp(cp);
  return is_letter_cp(cp) || cp == '(' || cp == '"' || cp == 0x201C || cp == '\'';
}

static int roman_value(const char *s, size_t n) {
  /* canonical Roman numerals 1..39 (I..XXXIX), enough for parts */
  static const char *units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  static const char *tens[] = {"", "X", "XX", "XXX"};
  for (int v = 1; v < 40; v++) {
    char buf[16];
    size_t a = strlen(tens[v / 10]), b = strlen(units[v % 10]);
    memcpy(buf, tens[v / 10], a);
    memcpy(buf + a, units[v % 10], b);
    if (a + b == n && memcmp(buf, s, n) == 0) return v;
  }
  return 0;
}

/* A numbered marker: its label is s[0..label_len), its punctuation at s[at]. */
static int marker_at(rs_marker *m, const char *s, size_t n, int level, size_t label_len, size_t at, int ordinal) {
  m->level = level;
  m->label_len = label_len;
  m->len = at + 1;
  m->ordinal = ordinal;
  m->punct = s[at];
  m->space_after = at + 1 < n && rs_is_space_cp(cp_at(s, n, at + 1, NULL));
  return 1;
}

int rs_marker_parse(const char *s, size_t n, rs_marker *m) {
  memset(m, 0, sizeof *m);
  if (n == 0) return 0;
  unsigned char c = (unsigned char)s[0];
  size_t i = 0;
  /* bullets */
  {
    int l;
    int32_t cp = cp_at(s, n, 0, &l);
    if (cp == '-' || cp == '+' || cp == 0x2013 || cp == 0x2014 || cp == 0x2022 || cp == 0x25CF ||
        cp == 0x25E6 || cp == 0x2023 || cp == 0x00B7) {
      size_t j = (size_t)l;
      int sp = j < n && rs_is_space_cp(cp_at(s, n, j, NULL));
      if (sp || (j < n && is_upper_cp(cp_at(s, n, j, NULL)))) {
        if (sp && skip_space(s, n, j) >= n) return 0; /* a lone dash */
        m->level = 4;
        m->len = j;
        m->punct = cp == '-' ? '-' : cp == '+' ? '+' : '*';
        m->space_after = sp;
        return 1;
      }
      return 0;
    }
  }
  /* a part with its word: "Phần I.", "PHẦN II:", "Phần III -" (the label
   * is "Phần I") */
  {
    static const char *const words[] = {"Ph\xe1\xba\xa7n", "PH\xe1\xba\xa6N", "ph\xe1\xba\xa7n"};
    for (size_t w = 0; w < 3; w++) {
      size_t wl = strlen(words[w]);
      if (n <= wl || memcmp(s, words[w], wl) || !rs_is_space_cp(cp_at(s, n, wl, NULL))) continue;
      size_t j = skip_space(s, n, wl), k = j;
      while (k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X')) k++;
      int v = k > j ? roman_value(s + j, k - j) : 0;
      size_t q = skip_space(s, n, k); /* "PHẦN I - KẾT QUẢ" */
      if (!v || q >= n) return 0;
      char p = s[q];
      if (!((p == '.' || p == ':' || p == ')' || p == '-') && follow_ok(s, n, q + 1, 0))) return 0;
      return marker_at(m, s, n, 1, k, q, v);
    }
  }
  /* Roman numerals */
  if (c == 'I' || c == 'V' || c == 'X') {
    while (i < n && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) i++;
    int v = roman_value(s, i);
    if (v && i < n) {
      char p = s[i];
      int ok = 0;
      if (p == '.' || p == ')') ok = (i + 1 >= n || !is_digit_b((unsigned char)s[i + 1])) && follow_ok(s, n, i + 1, 0);
      else if (p == ',' || p == '-') ok = follow_ok(s, n, i + 1, 1);
      if (ok) return marker_at(m, s, n, 1, i, i, v);
    }
    return 0;
  }
  /* Arabic numbers: one or two digits */
  if (is_digit_b(c)) {
    while (i < n && is_digit_b((unsigned char)s[i])) i++;
    if (i > 2 || i >= n) return 0;
    int v = (s[0] - '0');
    if (i == 2) v = v * 10 + (s[1] - '0');
    if (v == 0) return 0;
    char p = s[i];
    int ok = 0;
    if (i + 1 < n && is_digit_b((unsigned char)s[i + 1])) return 0; /* 1.395, 3,4 */
    if (p == '.' || p == ')') ok = follow_ok(s, n, i + 1, 0);
    else if (p == ',' || p == '-') ok = follow_ok(s, n, i + 1, 1);
    if (!ok) return 0;
    return marker_at(m, s, n, 2, i, i, v);
  }
  /* point letters */
  {
    int l;
    int32_t cp = cp_at(s, n, 0, &l);
    if (!((cp >= 'a' && cp <= 'z') || cp == 0x0111)) return 0;
    size_t j = (size_t)l;
    if (j >= n) return 0;
    char p = s[j];
    int ord = rs_viet_letter_ordinal(cp);
    int ok = 0;
    if (p == ')') ok = follow_ok(s, n, j + 1, 0);
    else if (ord && (p == ',' || p == '.' || p == '-')) ok = follow_ok(s, n, j + 1, 1);
    if (!ok) return 0;
    return marker_at(m, s, n, 3, j, j, ord);
  }
}

/* ---- line shape ---- */

typedef struct linfo {
  size_t b0, b1;   /* trimmed byte range in the line */
  uint32_t col0;   /* source column of the first kept code point */
  uint32_t ncp;    /* code points kept */
  int blank;
  int32_t first;   /* first kept code point */
  int32_t last, prev; /* last kept code point and the one before it (0 if none) */
  int has_lower;   /* any lower-case letter */
  int has_upper;
} linfo;

static int is_space_ascii(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/* rs_is_space_cp for a code point of two bytes or more: below U+2000 only
 * U+00A0 and U+1680 are white space. */
static int is_space_wide(int32_t cp) { return cp < 0x2000 ? cp == 0x00A0 || cp == 0x1680 : rs_is_space_cp(cp); }

/* cp_at for s[i] >= 0x80: the two-byte sequences and the three-byte ones
 * led by E1..EC or EE..EF (never overlong nor a surrogate: all of
 * Vietnamese) decoded here, the rest by rs_utf8_decode (same result). */
static int32_t cp_wide(const char *s, size_t n, size_t i, int *len) {
  const unsigned char *p = (const unsigned char *)s + i;
  unsigned c = p[0];
  if (c >= 0xC2 && c <= 0xDF && n - i >= 2 && (p[1] & 0xC0) == 0x80) {
    *len = 2;
    return (int32_t)((c & 0x1F) << 6 | (p[1] & 0x3Fu));
  }
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    *len = 3;
    return (int32_t)((c & 0x0F) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
  }
  return cp_at(s, n, i, len);
}

/* One pass over the line: first the leading white space, then the rest
 * (where only the last non-space code point, the one before it, the count
 * of code points up to it and the letter cases are followed, in locals). */
static void line_info(const rs_line *ln, linfo *li) {
  memset(li, 0, sizeof *li);
  const char *s = ln->s;
  size_t n = ln->len, i = 0;
  uint32_t col = 1;
  int32_t before = 0, cp = 0;
  int l = 1;
  for (;; i += (size_t)l, col++) {
    if (i >= n) {
      li->blank = 1;
      return;
    }
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { /* ASCII: no decoding */
      cp = c;
      l = 1;
      if (!is_space_ascii(c)) break;
    } else {
      cp = cp_wide(s, n, i, &l);
      if (!is_space_wide(cp)) break;
    }
    before = cp;
  }
  li->b0 = i;
  li->col0 = col;
  li->first = cp;
  size_t end = 0;
  uint32_t ncp_to_end = 0, ncp = 0;
  int32_t last = 0, prev = 0;
  int lower = 0, upper = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    ncp++;
    if (c < 0x80) {
      if (!is_space_ascii(c)) {
        end = i + 1;
        ncp_to_end = ncp;
        prev = before; /* the code point just before, white space or not */
        last = c;
        /* the ASCII letters are the only Lu/Ll/Lt code points below 0x80 */
        if ((unsigned)(c - 'a') < 26u) lower = 1;
        else if ((unsigned)(c - 'A') < 26u) upper = 1;
      }
      before = c;
      i++;
      continue;
    }
    cp = cp_wide(s, n, i, &l);
    if (!is_space_wide(cp)) {
      end = i + (size_t)l;
      ncp_to_end = ncp;
      prev = before;
      last = cp;
      if (!lower || !upper) {
        utf8proc_category_t k = utf8proc_category(cp); /* is_lower_cp / is_upper_cp */
        if (k == UTF8PROC_CATEGORY_LL) lower = 1;
        if (k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT) upper = 1;
      }
    }
    before = cp;
    i += (size_t)l;
  }
  li->b1 = end;
  li->ncp = ncp_to_end;
  li->last = last;
  li->prev = prev;
  li->has_lower = lower;
  li->has_upper = upper;
}

static int is_terminal(int32_t cp) {
  return cp == '.' || cp == ':' || cp == ';' || cp == '!' || cp == '?' || cp == 0x2026;
}
static int is_sentence_end(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

static int ends_with(const rs_line *ln, const linfo *li, const char *suf) {
  size_t k = strlen(suf);
  return li->b1 - li->b0 >= k && memcmp(ln->s + li->b1 - k, suf, k) == 0;
}

/* A hyphen glued to the word before it: "2021-", "205/KH-". */
static int ends_glued_hyphen(const linfo *li) {
  return li->last == '-' && li->prev != 0 && !rs_is_space_cp(li->prev) && li->ncp >= 2;
}

static int cmp_u(const void *a, const void *b) {
  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
  return x < y ? -1 : x > y;
}

static void detect(const rs_line *lines, const linfo *li, size_t n, rs_reflow_shape *sh) {
  memset(sh, 0, sizeof *sh);
  size_t nb = 0;
  for (size_t i = 0; i < n; i++)
    if (!li[i].blank) nb++;
  sh->nonblank = (unsigned)nb;
  if (nb == 0) return;
  unsigned *len = malloc(nb * sizeof *len);
  if (!len) return;
  size_t k = 0, followed_by_blank = 0;
  for (size_t i = 0; i < n; i++) {
    if (li[i].blank) continue;
    len[k++] = li[i].ncp;
    if (i + 1 < n && li[i + 1].blank) followed_by_blank++;
  }
  qsort(len, nb, sizeof *len, cmp_u);
  sh->width = len[(size_t)(0.9 * (double)(nb - 1))];
  free(len);
  /* lines cut mid-sentence: long, no terminal punctuation, and the next
   * non-blank line goes on in lower case or with a number */
  size_t wrapped = 0;
  double W = sh->width;
  for (size_t i = 0; i < n; i++) {
    if (li[i].blank) continue;
    size_t j = i + 1;
    while (j < n && li[j].blank) j++;
    if (j >= n) break;
    if ((double)li[i].ncp < 0.7 * W) continue;
    if (is_terminal(li[i].last)) continue;
    int32_t f = li[j].first;
    if (is_lower_cp(f) || (f >= '0' && f <= '9') || ends_glued_hyphen(&li[i])) wrapped++;
  }
  (void)lines;
  sh->wrapped = (unsigned)wrapped;
  sh->blank_is_noise = nb >= 4 && (double)followed_by_blank >= 0.6 * (double)(nb - 1);
  sh->hard_wrapped = nb >= 4 && sh->width >= 20 && sh->width <= 160 && (double)wrapped >= 0.25 * (double)nb;
}

void rs_reflow_detect(const rs_line *lines, size_t n, rs_reflow_shape *shape) {
  memset(shape, 0, sizeof *shape);
  if (n == 0) return;
  linfo *li = malloc(n * sizeof *li);
  if (!li) return;
  for (size_t i = 0; i < n; i++) line_info(&lines[i], &li[i]);
  detect(lines, li, n, shape);
  free(li);
}

/* ---- building paragraphs ---- */

static int append_line(rs_pbuild *b, const rs_line *ln, const linfo *li) {
  return rs_pbuild_append(b, ln->s + li->b0, li->b1 - li->b0, ln->lineno, li->col0);
}

static int flush(rs_doc *d, rs_pbuild *b, size_t maxp) {
  if (maxp && d->npara >= maxp) return RS_ELIMIT;
  return rs_doc_add_para(d, b) ? 0 : RS_ENOMEM;
}

/* Does the paragraph end after line L (with the next non-blank line N)? */
typedef struct pstate {
  int heading;    /* the paragraph starts with a part/item/point marker */
  int caps_head;  /* ... and its first line has no lower-case letter */
  int nlines;
} pstate;

static int ends_here(const rs_line *L, const linfo *l, const linfo *nx, const rs_line *N, int blank_between,
                     const rs_reflow_shape *sh, const pstate *ps) {
  double W = sh->width;
  if (!sh->blank_is_noise && blank_between) return 1;
  rs_marker m;
  if (rs_marker_parse(N->s + nx->b0, nx->b1 - nx->b0, &m)) return 1;
  if (ends_glued_hyphen(l)) return 0;
  if (ends_with(L, l, "./.")) return 1;
  int32_t f = nx->first;
  if (is_lower_cp(f)) return 0;
  if ((double)l->ncp < 0.6 * W) return 1;
  if (is_sentence_end(l->last) && !is_lower_cp(f)) return 1;
  if ((l->last == ':' || l->last == ';') && is_upper_cp(f)) return 1;
  if (ps->heading && ps->nlines <= 2) {
    if (ps->caps_head && !l->has_lower && !nx->has_lower) return 0; /* a long upper-case heading */
    if (is_upper_cp(f) && l->last != ',') return 1;
  }
  if (l->last == ')' && f == '(') return 1;
  /* two numbers in a row across the break ("2019-2023" / "06 tháng") */
  if (l->last >= '0' && l->last <= '9' && f >= '0' && f <= '9') return 1;
  return 0;
}

int rs_reflow_build(rs_doc *d, const rs_line *lines, size_t n, rs_txt_mode mode, size_t maxp) {
  if (n == 0) return 0;
  linfo *li = malloc(n * sizeof *li);
  if (!li) return RS_ENOMEM;
  for (size_t i = 0; i < n; i++) line_info(&lines[i], &li[i]);
  rs_reflow_shape sh;
  detect(lines, li, n, &sh);
  int reflow = mode == RS_TXT_AUTO && sh.hard_wrapped;
  rs_pbuild b;
  rs_pbuild_init(&b);
  int rc = 0;
  if (!reflow) {
    for (size_t i = 0; i < n && rc == 0; i++) {
      if (li[i].blank) continue;
      rc = append_line(&b, &lines[i], &li[i]);
      if (rc == 0) rc = flush(d, &b, maxp);
    }
  } else {
    d->reflowed = 1;
    pstate ps = {0, 0, 0};
    for (size_t i = 0; i < n && rc == 0; i++) {
      if (li[i].blank) continue;
      if (ps.nlines == 0) {
        rs_marker m;
        const char *s = lines[i].s + li[i].b0;
        ps.heading = rs_marker_parse(s, li[i].b1 - li[i].b0, &m) && m.level <= 3;
        ps.caps_head = !li[i].has_lower;
      }
      ps.nlines++;
      rc = append_line(&b, &lines[i], &li[i]);
      if (rc) break;
      size_t j = i + 1;
      while (j < n && li[j].blank) j++;
      int end = j >= n || ends_here(&lines[i], &li[i], &li[j], &lines[j], j > i + 1, &sh, &ps);
      if (end) {
        rc = flush(d, &b, maxp);
        ps.nlines = 0;
      } else if (!ends_glued_hyphen(&li[i])) {
        /* the joining space sits just after the line's last character */
        rc = rs_pbuild_append(&b, " ", 1, lines[i].lineno, li[i].col0 + li[i].ncp);
      }
    }
  }
  rs_pbuild_free(&b);
  free(li);
  return rc;
}
