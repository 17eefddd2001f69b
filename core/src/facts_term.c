/* Terms for terminology rules ("term" facts): online service levels
 * ("mức độ 3, mức độ 4"), district bodies, abbreviations. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool sentence_has(fx_ctx *c, uint32_t pos, const char *w) {
  uint32_t s = fx_sentence_start(c, pos), e = fx_sentence_end(c, pos);
  size_t ln = strlen(w);
  unsigned char w0 = (unsigned char)w[0];
  for (uint32_t i = s; i + ln <= e; i++) {
    unsigned char a = (unsigned char)c->t[i];
    if (w0 < 0x80 ? (a | 0x20) != (w0 | 0x20) : a != w0) continue; /* fx_starts_with's first test */
    if (fx_starts_with(c, i, w) && fx_ends_with(c, i + (uint32_t)ln, w) == i) return true;
  }
  return false;
}

static void levels(fx_ctx *c) {
  PCRE2_SIZE *ov;
  size_t off = 0;
  while (off < c->n && !c->err && fx_match(c, FX_RE_TERM_LEVEL, off, 0, &ov) > 0) {
    uint32_t s = (uint32_t)ov[0], e = (uint32_t)ov[1];
    off = e;
    if (fx_occupied(c, s, e)) continue;
    char lv[16];
    size_t nl = 0;
    int lo = 9, hi = 0;
    for (uint32_t i = s; i < e; i++) {
      char ch = c->t[i];
      if (ch >= '1' && ch <= '4' && nl + 2 < sizeof lv) {
        if (nl) lv[nl++] = ',';
        lv[nl++] = ch;
        if (ch - '0' < lo) lo = ch - '0';
        if (ch - '0' > hi) hi = ch - '0';
      }
    }
    lv[nl] = 0;
    int f = fx_add(c, "term", s, e);
    fx_str(c, f, "term", "muc-do");
    fx_str(c, f, "levels", lv);
    fx_int(c, f, "level_min", lo);
    fx_int(c, f, "level_max", hi);
    fx_bool(c, f, "online", sentence_has(c, s, "trực tuyến") || sentence_has(c, s, "dịch vụ công"));
    fx_occupy(c, s, e);
  }
}

/* The next "huyện" in any case (h u y ệ n, each with its one other case) at
 * or after i, or n. */
static size_t next_huyen(const unsigned char *t, size_t n, size_t i) {
  for (; i + 7 <= n; i++) {
    /* s[5] must be 0x86 or 0x87: when t[i+5 .. i+12] holds neither, no
     * position of i .. i+7 is one */
    if (i + 13 <= n) {
      uint64_t x = fx_load8(t + i + 5);
      if (!(fx_byte8(x, 0x86) | fx_byte8(x, 0x87))) {
        i += 7;
        continue;
      }
    }
    const unsigned char *s = t + i;
    if (s[3] == 0xE1 && s[4] == 0xBB && (s[5] == 0x86 || s[5] == 0x87) && (s[0] | 0x20) == 'h' &&
        (s[1] | 0x20) == 'u' && (s[2] | 0x20) == 'y' && (s[6] | 0x20) == 'n')
      return i;
  }
  return n;
}

/* fx_match(c, FX_RE_TERM_DISTRICT, off, 0, ov), tried only where a match can
 * start. Every branch of the pattern holds "huyện" (in some case) and has
 * only letters (\p{L}) and horizontal space (\h) before it, so a match
 * starting at s has the first "huyện" at or after s, at h, with only such
 * characters in [s, h). Here the characters that may be such are the ASCII
 * letters, space, tab and every non-ASCII character; the pattern runs
 * anchored, in order, at each code point in [r, h] (r: where that run
 * starts) not after an ASCII letter (its look-behind (?<![\p{L}]) fails
 * there): the same leftmost match as the unanchored search. */
static int district_match(fx_ctx *c, size_t off, PCRE2_SIZE **ov) {
  const unsigned char *t = (const unsigned char *)c->t;
  size_t n = c->n, lo = off;
  for (;;) {
    size_t h = next_huyen(t, n, lo);
    if (h >= n) return PCRE2_ERROR_NOMATCH;
    size_t r = h;
    while (r > lo) {
      unsigned char b = t[r - 1];
      if (b < 0x80 && b != ' ' && b != '\t' && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) break;
      r--;
    }
    for (size_t q = r; q <= h; q++) {
      if ((t[q] & 0xC0) == 0x80) continue;
      if (q > 0 && t[q - 1] < 0x80 && ((t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z')) continue;
      int rc = fx_match_at(c, FX_RE_TERM_DISTRICT, q, ov);
      if (rc != PCRE2_ERROR_NOMATCH) return rc;
    }
    lo = h + 1;
  }
}

static void district(fx_ctx *c) {
  static const struct {
    const char *w, *body;
  } heads[] = {
      {"phòng", "phong"}, {"ubnd", "ubnd"}, {"ủy ban", "ubnd"}, {"uỷ ban", "ubnd"}, {"hđnd", "hdnd"},
      {"hội đồng", "hdnd"}, {"huyện ủy", "huyen-uy"}, {"huyện uỷ", "huyen-uy"}, {"huyện đoàn", "huyen-doan"},
      {"công an", "cong-an"}, {"cấp huyện", "cap-huyen"}, {"trung tâm", "trung-tam"}, {"ban", "ban"},
  };
  PCRE2_SIZE *ov;
  size_t off = 0;
  while (off < c->n && !c->err && district_match(c, off, &ov) > 0) {
    uint32_t s = (uint32_t)ov[0], e = (uint32_t)ov[1];
    off = e;
    const char *body = "other";
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
      if (fx_starts_with(c, s, heads[i].w)) {
        body = heads[i].body;
        break;
      }
    int f = fx_add(c, "term", s, e);
    fx_str(c, f, "term", "district-body");
    fx_str(c, f, "body", body);
    fx_strn(c, f, "name", c->t + s, e - s);
  }
}

/* Base letter of a code point, upper case; Đ/đ stay Đ. */
static int32_t base_upper(int32_t cp) {
  if (cp == 0x0110 || cp == 0x0111) return 0x0110;
  utf8proc_int32_t buf[4];
  utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 4, UTF8PROC_DECOMPOSE, NULL);
  int32_t b = n > 0 ? buf[0] : cp;
  return utf8proc_toupper(b);
}

/* Do the initials of the last nletters words before `end` spell abbr?
 * Sets *ws to the start of the first of those words. */
static bool initials_before(const fx_ctx *c, uint32_t end, const int32_t *ab, int nab, uint32_t *ws) {
  uint32_t p = (uint32_t)fx_back_spaces(c->t, end);
  for (int k = nab - 1; k >= 0; k--) {
    uint32_t we = p;
    while (p > 0) {
      uint32_t q = p - 1;
      while (q > 0 && ((unsigned char)c->t[q] & 0xC0) == 0x80) q--;
      int32_t cp;
      if (fx_dec((const unsigned char *)c->t + q, p - q, &cp) < 0) return false;
      utf8proc_category_t cat = fx_cat(cp);
      if (!(cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME)) break;
      p = q;
    }
    if (p == we) return false;
    int32_t first;
    fx_dec((const unsigned char *)c->t + p, we - p, &first);
    if (base_upper(first) != ab[k]) return false;
    *ws = p;
    if (k > 0) {
      uint32_t p2 = (uint32_t)fx_back_spaces(c->t, p);
      if (p2 == p) return false;
      p = p2;
    }
  }
  return true;
}

/* Words inside "( ... )" starting at open+1 whose initials spell abbr. */
static bool initials_after(const fx_ctx *c, uint32_t open, const int32_t *ab, int nab, uint32_t *we) {
  uint32_t p = open + 1;
  for (int k = 0; k < nab; k++) {
    p = (uint32_t)fx_skip_spaces(c->t, c->n, p);
    int32_t cp;
    int l = p < c->n ? fx_dec((const unsigned char *)c->t + p, c->n - p, &cp) : -1;
    if (l < 0 || base_upper(cp) != ab[k]) return false;
    while (p < c->n) {
      l = fx_dec((const unsigned char *)c->t + p, c->n - p, &cp);
      if (l < 0) return false;
      utf8proc_category_t cat = fx_cat(cp);
      if (!(cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME)) break;
      p += (uint32_t)l;
    }
  }
  *we = p;
  p = (uint32_t)fx_skip_spaces(c->t, c->n, p);
  return p < c->n && c->t[p] == ')';
}

static bool is_roman(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strchr("IVXLC", s[i])) return false;
  return true;
}

static struct fx_abbr *abbr_get(fx_ctx *c, const char *s, size_t n) {
  for (size_t i = 0; i < c->nabbrs; i++)
    if (strlen(c->abbrs[i].name) == n && !memcmp(c->abbrs[i].name, s, n)) return &c->abbrs[i];
  if (c->nabbrs == c->capabbrs) {
    size_t nc = c->capabbrs ? c->capabbrs * 2 : 16;
    struct fx_abbr *na = realloc(c->abbrs, nc * sizeof *na);
    if (!na) {
      c->err = RS_ENOMEM;
      return NULL;
    }
    c->abbrs = na;
    c->capabbrs = nc;
  }
  struct fx_abbr *a = &c->abbrs[c->nabbrs++];
  memset(a, 0, sizeof *a);
  memcpy(a->name, s, n);
  a->def_fact = -1;
  return a;
}
/* fx_match(c, FX_RE_ABBR, off, 0, ov), tried only where a match can start:
 * FX_RE_ABBR is (?<![\p{L}\d])\p{Lu}{2,8}(?![\p{L}\d]), so a match starts at
 * an upper-case letter (Lu) that does not follow an ASCII letter or digit and
 * is followed by another code point that is not ASCII other than A-Z. The
 * pattern runs anchored at each such position in order, which gives the same
 * leftmost match as the unanchored search. */
static int abbr_match(fx_ctx *c, size_t off, PCRE2_SIZE **ov) {
  const unsigned char *t = (const unsigned char *)c->t;
  size_t n = c->n;
  for (size_t i = off; i < n; i++) {
    unsigned char b = t[i];
    size_t l = 1;
    if (b < 0x80) {
      if (b < 'A' || b > 'Z') continue;
    } else {
      if (b < 0xC0) continue; /* inside a code point */
      int32_t cp;
      int cl = fx_dec(t + i, n - i, &cp);
      if (cl < 0 || fx_cat(cp) != UTF8PROC_CATEGORY_LU) continue;
      l = (size_t)cl;
    }
    if (i > 0) {
      unsigned char p = t[i - 1];
      if ((p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) continue;
    }
    if (i + l >= n) continue;
    unsigned char q = t[i + l];
    if (q < 0x80 && (q < 'A' || q > 'Z')) continue;
    int rc = fx_match_at(c, FX_RE_ABBR, i, ov);
    if (rc != PCRE2_ERROR_NOMATCH) return rc;
  }
  return PCRE2_ERROR_NOMATCH;
}


static void abbreviations(fx_ctx *c) {
  if (c->caps) return;
  PCRE2_SIZE *ov;
  size_t off = 0;
  while (off < c->n && !c->err && abbr_match(c, off, &ov) > 0) {
    uint32_t s = (uint32_t)ov[0], e = (uint32_t)ov[1];
    off = e;
    if (e - s >= 24 || fx_occupied(c, s, e) || is_roman(c->t + s, e - s)) continue;
    int32_t ab[8];
    int nab = 0;
    for (uint32_t i = s; i < e && nab < 8;) {
      int32_t cp;
      int l = fx_dec((const unsigned char *)c->t + i, e - i, &cp);
      if (l < 0) break;
      ab[nab++] = base_upper(cp);
      i += (uint32_t)l;
    }
    struct fx_abbr *a = abbr_get(c, c->t + s, e - s);
    if (!a) return;
    a->count++;
    uint32_t xs = 0, xe = 0;
    bool here = false;
    /* "thủ tục hành chính (TTHC)", "(gọi tắt là TTHC)" */
    uint32_t b = (uint32_t)fx_back_spaces(c->t, s);
    if (b > 0 && c->t[b - 1] == '(' && e < c->n && c->t[e] == ')') {
      if (initials_before(c, b - 1, ab, nab, &xs)) {
        here = true;
        xe = (uint32_t)fx_back_spaces(c->t, b - 1);
      }
    } else if (fx_ends_with(c, b, "là") != UINT32_MAX && e < c->n && c->t[e] == ')') {
      uint32_t open = b;
      while (open > 0 && c->t[open - 1] != '(') open--;
      if (open > 0 && b - open < 48 && initials_before(c, open - 1, ab, nab, &xs)) {
        here = true;
        xe = (uint32_t)fx_back_spaces(c->t, open - 1);
      }
    }
    /* "CCHC (cải cách hành chính)" */
    size_t k = fx_skip_spaces(c->t, c->n, e);
    if (!here && k < c->n && c->t[k] == '(' && initials_after(c, (uint32_t)k, ab, nab, &xe)) {
      here = true;
      xs = (uint32_t)fx_skip_spaces(c->t, c->n, k + 1);
    }
    int f = fx_add(c, "term", s, e);
    if (f < 0) return;
    fx_str(c, f, "term", "abbreviation");
    fx_strn(c, f, "abbr", c->t + s, e - s);
    fx_int(c, f, "index", a->count);
    fx_bool(c, f, "first", a->count == 1);
    fx_bool(c, f, "defined_here", here);
    if (here && !a->defined) {
      a->defined = true;
      a->def_fact = f;
    }
    fx_bool(c, f, "defined", a->defined);
    if (here) {
      fx_strn(c, f, "expansion", c->t + xs, xe - xs);
      fx_span(c, f, "expansion_s", "expansion_e", xs, xe);
    } else if (a->def_fact >= 0) {
      fx_ref(c, f, "definition", a->def_fact);
    }
  }
}

void fx_terms(fx_ctx *c) {
  if (c->may_level) levels(c);
  if (c->may_district) district(c);
  abbreviations(c);
}
