/* Dates ("date" facts, with their role) and periods ("period" facts). */
#include "facts.h"
#include "facts_cand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int days_in_month(int m, int y) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

static int to_int(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') break;
    if (v < 100000000) v = v * 10 + (s[i] - '0');
  }
  return v;
}

static bool overlaps_date(const fx_ctx *c, uint32_t s, uint32_t e) {
  for (size_t i = 0; i < c->ndates; i++)
    if (s < c->dates[i].e && c->dates[i].s < e) return true;
  return false;
}

static fx_date *new_date(fx_ctx *c) {
  if (c->ndates == c->capdates) {
    size_t nc = c->capdates ? c->capdates * 2 : 16;
    fx_date *nd = realloc(c->dates, nc * sizeof *nd);
    if (!nd) {
      c->err = RS_ENOMEM;
      return NULL;
    }
    c->dates = nd;
    c->capdates = nc;
  }
  fx_date *dt = &c->dates[c->ndates++];
  memset(dt, 0, sizeof *dt);
  dt->fact = -1;
  dt->pair = -1;
  dt->range = -1;
  dt->role = "other";
  return dt;
}

static int cmp_date(const void *a, const void *b) {
  const fx_date *x = a, *y = b;
  return x->s < y->s ? -1 : x->s > y->s;
}

/* Cues before a date ("ngày" already skipped), longest first. */
static const char *const cue_start[] = {"tính từ", "kể từ", "từ", NULL};
static const char *const cue_deadline[] = {"chậm nhất là vào", "chậm nhất là", "chậm nhất vào", "chậm nhất",
                                           "muộn nhất là", "muộn nhất", "hạn chót là", "hạn chót",
                                           "hạn cuối", "thời hạn", "không quá", "trước", "hạn", NULL};
static const char *const cue_asof[] = {"tính đến hết", "tính tới hết", "tính đến", "tính tới", "đến hết",
                                       "tới hết", "cập nhật đến", "đến", "tới", NULL};

static const char *find_cue(const fx_ctx *c, uint32_t end, const char *const *cues, uint32_t *cs) {
  end = (uint32_t)fx_back_spaces(c->t, end);
  if (end > 0 && (c->t[end - 1] == ':' || c->t[end - 1] == ',')) end = (uint32_t)fx_back_spaces(c->t, end - 1);
  for (int i = 0; cues[i]; i++) {
    uint32_t s = fx_ends_with(c, end, cues[i]);
    if (s != UINT32_MAX) {
      if (cs) *cs = s;
      return cues[i];
    }
  }
  return NULL;
}

/* Is the paragraph a place-date line ("Đình Cao, ngày 05 tháng 01 năm 2023")? */
static bool place_date_shape(const fx_ctx *c, const fx_date *dt) {
  size_t after = fx_skip_spaces(c->t, c->n, dt->e);
  while (after < c->n && (c->t[after] == '.' || c->t[after] == '/')) after++;
  if (fx_skip_spaces(c->t, c->n, after) != c->n) return false;
  uint32_t b = (uint32_t)fx_back_spaces(c->t, dt->kw_s);
  if (b == 0 || b > 80 || c->t[b - 1] != ',') return false;
  for (uint32_t i = 0; i < b; i++)
    if (c->t[i] >= '0' && c->t[i] <= '9') return false;
  return true;
}

void fx_dates(fx_ctx *c) {
  c->dates_emitted = false;
  PCRE2_SIZE *ov;
  size_t off = 0;
  /* both forms need a digit */
  if (!c->has_nd) return;
  /* words form first: it contains digits the numeric form could misread */
  /* both patterns start at a digit after none of [\d/.,], or at "ngày" */
  while (off < c->n && fx_match_cands(c, FX_RE_DATE_WORDS, off, FX_CAND_DIGIT | FX_CAND_NGAY, "0123456789/.,", " \t", &ov) > 0) {
    fx_date *dt = new_date(c);
    if (!dt) return;
    dt->s = (uint32_t)ov[0];
    dt->e = (uint32_t)ov[1];
    dt->kw_s = dt->s;
    dt->words = true;
    dt->has_ngay = !(ov[2] == ov[0]);
    dt->day = to_int(c->t + ov[2], ov[3] - ov[2]);
    dt->month = to_int(c->t + ov[4], ov[5] - ov[4]);
    dt->year = to_int(c->t + ov[6], ov[7] - ov[6]);
    snprintf(dt->form, sizeof dt->form, "words");
    off = ov[1];
  }
  off = 0;
  while (off < c->n && fx_match_cands(c, FX_RE_DATE_NUM, off, FX_CAND_DIGIT, "0123456789/.,", "/.-", &ov) > 0) {
    off = ov[1];
    if (overlaps_date(c, (uint32_t)ov[0], (uint32_t)ov[1])) continue;
    fx_date *dt = new_date(c);
    if (!dt) return;
    dt->s = (uint32_t)ov[0];
    dt->e = (uint32_t)ov[1];
    size_t dl = ov[3] - ov[2], ml = ov[7] - ov[6];
    char sep = c->t[ov[4]];
    dt->day = to_int(c->t + ov[2], dl);
    dt->month = to_int(c->t + ov[6], ml);
    dt->year = to_int(c->t + ov[8], ov[9] - ov[8]);
    snprintf(dt->form, sizeof dt->form, "%s%c%s%cyyyy", dl == 2 ? "dd" : "d", sep, ml == 2 ? "mm" : "m", sep);
    dt->kw_s = dt->s;
    uint32_t b = (uint32_t)fx_back_spaces(c->t, dt->s);
    uint32_t ks = fx_ends_with(c, b, "ngày");
    if (ks != UINT32_MAX) {
      dt->has_ngay = true;
      dt->kw_s = ks;
    }
  }
  if (c->ndates > 1) qsort(c->dates, c->ndates, sizeof *c->dates, cmp_date);
  /* roles */
  const rs_blocks *bl = &c->d->blocks;
  for (size_t i = 0; i < c->ndates; i++) {
    fx_date *dt = &c->dates[i];
    dt->valid = dt->year >= 1 && dt->day >= 1 && dt->day <= days_in_month(dt->month, dt->year);
    fx_occupy(c, dt->kw_s, dt->e);
    if (c->pi == bl->place_date || (bl->place_date < 0 && c->pi < 15 && place_date_shape(c, dt))) {
      dt->role = "header";
      continue;
    }
    if (!strcmp(dt->role, "period_end")) continue;
    const char *cue;
    if ((cue = find_cue(c, dt->kw_s, cue_start, NULL))) {
      dt->role = "period_start";
      dt->cue = cue;
      if (i + 1 < c->ndates) {
        fx_date *nx = &c->dates[i + 1];
        size_t k = fx_skip_spaces(c->t, c->n, dt->e);
        if (k < c->n && c->t[k] == ',') k = fx_skip_spaces(c->t, c->n, k + 1);
        uint32_t k2;
        if ((k2 = fx_starts_with(c, (uint32_t)k, "đến")) || (k2 = fx_starts_with(c, (uint32_t)k, "tới")))
          k = k2;
        else if (k < c->n && c->t[k] == '-')
          k++;
        else if (k + 3 <= c->n && !memcmp(c->t + k, "\xE2\x80\x93", 3)) /* en dash */
          k += 3;
        else
          k = SIZE_MAX;
        if (k != SIZE_MAX) {
          k = fx_skip_spaces(c->t, c->n, k);
          if ((k2 = fx_starts_with(c, (uint32_t)k, "hết"))) k = fx_skip_spaces(c->t, c->n, k2);
          if (k == nx->kw_s || k == nx->s) {
            dt->pair = (int)(i + 1);
            nx->role = "period_end";
            nx->cue = "đến";
          }
        }
      }
    } else if ((cue = find_cue(c, dt->kw_s, cue_deadline, NULL))) {
      dt->role = "deadline";
      dt->cue = cue;
    } else if ((cue = find_cue(c, dt->kw_s, cue_asof, NULL))) {
      dt->role = "as_of";
      dt->cue = cue;
    }
  }
}

/* [s, e) lies inside the head or subject of a citation of the paragraph (c->cext). */
static bool in_citation(const fx_ctx *c, uint32_t s, uint32_t e) {
  for (size_t i = 0; i < c->ncext; i++)
    if (s >= c->cext[i][0] && e <= c->cext[i][1]) return true;
  return false;
}

void fx_dates_emit(fx_ctx *c) {
  if (c->dates_emitted) return;
  c->dates_emitted = true;
  char buf[32];
  for (size_t i = 0; i < c->ndates && !c->err; i++) {
    fx_date *dt = &c->dates[i];
    int f = fx_add(c, "date", dt->s, dt->e);
    if (f < 0) return;
    dt->fact = f;
    fx_int(c, f, "day", dt->day);
    fx_int(c, f, "month", dt->month);
    fx_int(c, f, "year", dt->year);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt->year % 10000, dt->month % 100, dt->day % 100);
    fx_str(c, f, "iso", buf);
    fx_bool(c, f, "valid", dt->valid);
    fx_str(c, f, "form", dt->form);
    fx_str(c, f, "role", dt->role);
    if (dt->cue) fx_str(c, f, "cue", dt->cue);
    fx_bool(c, f, "has_ngay", dt->has_ngay);
    if (dt->kw_s != dt->s) fx_span(c, f, "ngay_s", "ngay_e", dt->kw_s, dt->s);
    /* day and month as written */
    if (dt->words) {
      size_t k = dt->s;
      if (dt->has_ngay) k = fx_skip_spaces(c->t, c->n, k + strlen("ngày"));
      size_t ds = k;
      while (k < c->n && c->t[k] >= '0' && c->t[k] <= '9') k++;
      fx_strn(c, f, "day_text", c->t + ds, k - ds);
      k = fx_skip_spaces(c->t, c->n, k);
      k += strlen("tháng");
      k = fx_skip_spaces(c->t, c->n, k);
      size_t ms = k;
      while (k < c->n && c->t[k] >= '0' && c->t[k] <= '9') k++;
      fx_strn(c, f, "month_text", c->t + ms, k - ms);
    } else {
      size_t k = dt->s;
      while (k < dt->e && c->t[k] >= '0' && c->t[k] <= '9') k++;
      fx_strn(c, f, "day_text", c->t + dt->s, k - dt->s);
      size_t ms = ++k;
      while (k < dt->e && c->t[k] >= '0' && c->t[k] <= '9') k++;
      fx_strn(c, f, "month_text", c->t + ms, k - ms);
    }
    if (!strcmp(dt->role, "header") && c->header_date_fact < 0) c->header_date_fact = f;
  }
  /* ranges */
  for (size_t i = 0; i < c->ndates && !c->err; i++) {
    fx_date *a = &c->dates[i];
    if (a->pair < 0) continue;
    fx_date *b = &c->dates[a->pair];
    uint32_t cs = a->kw_s;
    find_cue(c, a->kw_s, cue_start, &cs);
    int f = fx_add(c, "period", cs, b->e);
    if (f < 0) return;
    fx_str(c, f, "period", "range");
    fx_ref(c, f, "start", a->fact);
    fx_ref(c, f, "end", b->fact);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", a->year % 10000, a->month % 100, a->day % 100);
    fx_str(c, f, "start_iso", buf);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", b->year % 10000, b->month % 100, b->day % 100);
    fx_str(c, f, "end_iso", buf);
    long ka = (long)a->year * 10000 + a->month * 100 + a->day, kb = (long)b->year * 10000 + b->month * 100 + b->day;
    fx_bool(c, f, "valid", a->valid && b->valid && ka <= kb);
    /* emitted before the citations' extents are known: fx_ranges_cited
     * sets the value again once they are */
    fx_bool(c, f, "in_citation", in_citation(c, cs, b->e));
    a->range = f;
    if (c->first_range_fact < 0) c->first_range_fact = f;
  }
}

void fx_ranges_cited(fx_ctx *c) {
  for (size_t i = 0; i < c->ndates; i++) {
    rs_fact *f = c->dates[i].range >= 0 ? fx_f(c, c->dates[i].range) : NULL;
    if (!f) continue;
    for (size_t k = 0; k < f->nvals; k++)
      if (f->vals[k].type == RS_FV_BOOL && !strcmp(f->vals[k].key, "in_citation"))
        f->vals[k].v.b = in_citation(c, f->start, f->end);
  }
}

static int roman(const char *s, size_t n) {
  if (n == 1 && s[0] >= '1' && s[0] <= '4') return s[0] - '0';
  if (n == 1 && (s[0] == 'I' || s[0] == 'i')) return 1;
  if (n == 2 && (s[1] == 'V' || s[1] == 'v')) return 4;
  if (n == 2) return 2;
  if (n == 3) return 3;
  return 0;
}

/* An anchor of FX_RE_PERIOD at i: "quý", "tháng" or "năm" in any case
 * (each letter has exactly one other case), or an ASCII "19" or "20". */
static bool period_anchor(const unsigned char *t, size_t n, size_t i) {
  unsigned char b = t[i];
  if (b == '1') return i + 1 < n && t[i + 1] == '9';
  if (b == '2') return i + 1 < n && t[i + 1] == '0';
  switch (b | 0x20) { /* only the two cases of an ASCII letter give a letter */
  case 'q': return i + 4 <= n && (t[i + 1] | 0x20) == 'u' && t[i + 2] == 0xC3 && (t[i + 3] == 0xBD || t[i + 3] == 0x9D);
  case 't':
    return i + 6 <= n && (t[i + 1] | 0x20) == 'h' && t[i + 2] == 0xC3 && (t[i + 3] == 0xA1 || t[i + 3] == 0x81) &&
           (t[i + 4] | 0x20) == 'n' && (t[i + 5] | 0x20) == 'g';
  case 'n': return i + 4 <= n && t[i + 1] == 0xC4 && (t[i + 2] == 0x83 || t[i + 2] == 0x82) && (t[i + 3] | 0x20) == 'm';
  default: return false;
  }
}

/* The first byte at or after i where period_anchor may hold ('1', '2', or
 * q t n in either case), or n: words of 8 bytes holding none are skipped
 * (after | 0x20 only those letters give q t n; bytes from 0x80 stay above). */
static size_t next_anchor(const unsigned char *t, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t x = fx_load8(t + i), y = x | (FX_ONES * 0x20);
    if (fx_byte8(x, '1') | fx_byte8(x, '2') | fx_byte8(y, 'q') | fx_byte8(y, 't') | fx_byte8(y, 'n')) break;
    i += 8;
  }
  while (i < n && t[i] != '1' && t[i] != '2' && (t[i] | 0x20) != 'q' && (t[i] | 0x20) != 't' && (t[i] | 0x20) != 'n')
    i++;
  return i;
}

/* fx_match(c, FX_RE_PERIOD, off, 0, ov), tried only where a match can
 * start. Every branch holds an anchor (period_anchor): "quý" or "tháng" or
 * "năm" where the match starts, "tháng" after "6 "/"sáu " and the like, or
 * the first year after a prefix of at most two words ("giai đoạn 2021").
 * So a match starting at s has the first anchor at or after s, at a, with
 * at most two words and the spaces after them in [s, a): s lies within the
 * last 4 runs of characters between ASCII spaces and tabs before a. The
 * pattern runs anchored, in order, at each code point there not after an
 * ASCII letter (its look-behind (?<![\p{L}]) fails there) that may start
 * a branch: an ASCII digit, q t s c n g in either case, or a non-ASCII
 * character. */
static int period_match(fx_ctx *c, size_t off, PCRE2_SIZE **ov) {
  const unsigned char *t = (const unsigned char *)c->t;
  size_t n = c->n, lo = off;
  for (size_t a = off; a < n; a++) {
    a = next_anchor(t, a, n); /* period_anchor is false on the bytes skipped */
    if (a >= n) break;
    if (!period_anchor(t, n, a)) continue;
    size_t p = a;
    int runs = 0;
    while (p > lo) {
      if (t[p - 1] == ' ' || t[p - 1] == '\t') {
        p--;
        continue;
      }
      while (p > lo && t[p - 1] != ' ' && t[p - 1] != '\t') p--;
      if (++runs >= 4) break;
    }
    for (size_t q = p; q <= a; q++) {
      unsigned char b = t[q];
      if (b < 0x80) {
        if (!(b >= '0' && b <= '9')) {
          unsigned char l = b | 0x20;
          if (!(l == 'q' || l == 't' || l == 's' || l == 'c' || l == 'n' || l == 'g')) continue;
        }
      } else if ((b & 0xC0) == 0x80) {
        continue;
      }
      if (q > 0 && t[q - 1] < 0x80 && (t[q - 1] | 0x20) >= 'a' && (t[q - 1] | 0x20) <= 'z') continue;
      int rc = fx_match_at(c, FX_RE_PERIOD, q, ov);
      if (rc != PCRE2_ERROR_NOMATCH) return rc;
    }
    lo = a + 1;
  }
  return PCRE2_ERROR_NOMATCH;
}

void fx_periods(fx_ctx *c) {
  if (!c->may_period) return;
  PCRE2_SIZE *ov;
  size_t off = 0;
  while (off < c->n && !c->err) {
    int rc = period_match(c, off, &ov);
    if (rc <= 0) break;
    uint32_t s = (uint32_t)ov[0], e = (uint32_t)ov[1];
    if (fx_occupied(c, s, e)) {
      /* retry one character further */
      off = s + 1;
      while (off < c->n && ((unsigned char)c->t[off] & 0xC0) == 0x80) off++;
      continue;
    }
    off = e;
#define G(k) (rc > (k) && ov[2 * (k)] != PCRE2_UNSET)
#define GS(k) (c->t + ov[2 * (k)])
#define GL(k) (ov[2 * (k) + 1] - ov[2 * (k)])
    int f = fx_add(c, "period", s, e);
    if (f < 0) return;
    if (G(1)) {
      fx_str(c, f, "period", "quy");
      fx_int(c, f, "quarter", roman(GS(1), GL(1)));
      if (G(2)) fx_int(c, f, "year", to_int(GS(2), GL(2)));
    } else if (G(3)) {
      int m = to_int(GS(3), GL(3));
      fx_str(c, f, "period", "thang");
      fx_int(c, f, "month", m);
      fx_int(c, f, "year", to_int(GS(4), GL(4)));
      fx_bool(c, f, "valid", m >= 1 && m <= 12);
    } else if (G(5)) {
      bool nine = GS(5)[GL(5) - 1] == '9' || fx_ieq(c->t, ov[10], ov[11], "chín");
      bool last = G(6) && fx_ieq(c->t, ov[12], ov[13], "cuối");
      fx_str(c, f, "period", nine ? (last ? "9-thang-cuoi" : "9-thang") : (last ? "6-thang-cuoi" : "6-thang"));
      fx_int(c, f, "months", nine ? 9 : 6);
      if (G(7)) fx_int(c, f, "year", to_int(GS(7), GL(7)));
    } else if (G(9)) {
      fx_str(c, f, "period", "years");
      fx_int(c, f, "start_year", to_int(GS(9), GL(9)));
      fx_int(c, f, "end_year", to_int(GS(10), GL(10)));
      if (G(8)) fx_strn(c, f, "prefix", GS(8), (size_t)(fx_back_spaces(c->t, ov[17]) - ov[16]));
    } else if (G(11)) {
      fx_str(c, f, "period", "nam");
      fx_int(c, f, "year", to_int(GS(11), GL(11)));
    }
#undef G
#undef GS
#undef GL
    fx_bool(c, f, "in_citation", in_citation(c, s, e));
    fx_occupy(c, s, e);
  }
}
