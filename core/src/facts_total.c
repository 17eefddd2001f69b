/* Totals and their parts ("total" facts): "Tổng số ... là 20 người trong đó
 * 11 cán bộ, 09 công chức", "1.395 hồ sơ (Trong đó ...: 1.386 hồ sơ). Trong
 * đó: ...: 1.394 hồ sơ; ...: 1 hồ sơ." */
#include "facts.h"

#include <string.h>

typedef struct {
  uint32_t s, e;   /* the marker */
  uint32_t rs, re; /* its group region */
  int depth;
  bool has_co;     /* "trong đó có": the items need not be exhaustive */
  const char *word;
} marker;

static const char *const marker_words[] = {"trong đó", "bao gồm", "gồm", "cụ thể", "chia ra", NULL};
/* (fx_totals picks the candidates by first letter from this order) */

/* Every marker word starts with one of these ASCII letters, and
 * fx_starts_with rejects a position whose first byte differs (ignoring ASCII
 * case): checking it here first saves five calls per byte of text. */
static bool marker_lead(char ch) {
  unsigned char a = (unsigned char)ch | 0x20;
  return a == 't' || a == 'b' || a == 'g' || a == 'c';
}

/* The first byte at or after i where marker_lead holds, or n: words of 8
 * bytes without one (after | 0x20, only 't' 'b' 'g' 'c' and their upper
 * case give those bytes; bytes from 0x80 stay above them) are skipped. */
static size_t next_lead(const unsigned char *t, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t y = fx_load8(t + i) | (FX_ONES * 0x20);
    if (fx_byte8(y, 't') | fx_byte8(y, 'b') | fx_byte8(y, 'g') | fx_byte8(y, 'c')) break;
    i += 8;
  }
  while (i < n && !marker_lead((char)t[i])) i++;
  return i;
}

/* fx_starts_with(c, k, marker_words[w]) after cheap byte tests: the first
 * byte as fx_starts_with tests it, and an ASCII second letter (r, a, h: no
 * other code point lower-cases to them) must be there in either case. */
static inline uint32_t marker_at(const fx_ctx *c, uint32_t k, int w) {
  const char *mw = marker_words[w];
  if (k >= c->n || (((unsigned char)c->t[k]) | 0x20) != (unsigned char)mw[0]) return 0;
  unsigned char m1 = (unsigned char)mw[1];
  if (m1 >= 'a' && m1 <= 'z' && (k + 1 >= c->n || (((unsigned char)c->t[k + 1]) | 0x20) != m1)) return 0;
  /* a Vietnamese second letter (U+1EA0-U+1EFF: "ồ" in gồm, "ụ" in cụ thể):
   * only it and its other case (the code point next to it, same first two
   * bytes) lower-case to it */
  if (m1 == 0xE1) {
    const unsigned char *t = (const unsigned char *)c->t + k;
    if (k + 4 > c->n || t[1] != 0xE1 || t[2] != (unsigned char)mw[2] || (t[3] | 1) != ((unsigned char)mw[3] | 1))
      return 0;
  }
  return fx_starts_with(c, k, mw);
}

static int depth_at(const fx_ctx *c, uint32_t pos) {
  int d = 0;
  for (uint32_t i = 0; i < pos && i < c->n; i++) {
    if (c->t[i] == '(') d++;
    else if (c->t[i] == ')' && d > 0) d--;
  }
  return d;
}

/* End of the parenthesis open at depth d around pos. */
static uint32_t paren_end(const fx_ctx *c, uint32_t pos) {
  int d = 0;
  for (uint32_t i = pos; i < c->n; i++) {
    if (c->t[i] == '(') d++;
    else if (c->t[i] == ')') {
      if (d == 0) return i;
      d--;
    }
  }
  return (uint32_t)c->n;
}

static bool same_family(const fx_num *t, const fx_num *x) {
  if (x->percent != t->percent) return false;
  if (!t->family || !x->family) return true;
  return !strcmp(t->family, x->family);
}

static void trim(const fx_ctx *c, uint32_t *s, uint32_t *e) {
  for (;;) {
    *s = (uint32_t)fx_skip_spaces(c->t, c->n, *s);
    if (*s < *e && strchr(",;:.-+", c->t[*s])) {
      (*s)++;
      continue;
    }
    break;
  }
  for (;;) {
    *e = (uint32_t)fx_back_spaces(c->t, *e);
    if (*e > *s && strchr(",;:", c->t[*e - 1])) {
      (*e)--;
      continue;
    }
    break;
  }
  if (*e < *s) *e = *s;
}

static bool has_digit(const fx_ctx *c, uint32_t s, uint32_t e) {
  for (uint32_t i = s; i < e; i++)
    if (c->t[i] >= '0' && c->t[i] <= '9') return true;
  return false;
}

/* The words after a number: its unit and what qualifies it, up to a
 * separator, a digit or a marker word. */
static void post_label(const fx_ctx *c, const fx_num *x, uint32_t limit, uint32_t *ls, uint32_t *le) {
  *ls = x->ue > x->e ? x->us : x->e;
  uint32_t e = x->ue > x->e ? x->ue : x->e;
  while (e < limit && !strchr(",;.()", c->t[e]) && !(c->t[e] >= '0' && c->t[e] <= '9')) {
    bool mk = false;
    for (int w = 0; marker_words[w] && marker_lead(c->t[e]); w++)
      if ((((unsigned char)c->t[e]) | 0x20) == (unsigned char)marker_words[w][0] && marker_at(c, e, w) &&
          fx_ends_with(c, e + (uint32_t)strlen(marker_words[w]), marker_words[w]) == e)
        mk = true;
    if (mk) break;
    e++;
  }
  *le = e;
  trim(c, ls, le);
}

static void emit_total(fx_ctx *c, const marker *m, int ti, const struct fx_carry *carry, bool across) {
  /* items */
  int items[64];
  int ni = 0;
  bool fraction_inside = false;
  for (size_t i = 0; i < c->nfracs; i++)
    if (c->fracs[i].s >= m->rs && c->fracs[i].e <= m->re) fraction_inside = true;
  const fx_num *tn = ti >= 0 ? &c->nums[ti] : NULL;
  fx_num tcopy;
  if (!tn) {
    memset(&tcopy, 0, sizeof tcopy);
    tcopy.value = carry->value;
    tcopy.decimals = carry->decimals;
    tcopy.unit = carry->unit;
    tcopy.family = carry->family;
    tn = &tcopy;
  }
  /* nested markers inside the region exclude their own sub-region */
  uint32_t ex_s[16], ex_e[16];
  int nex = 0;
  {
    uint32_t p = m->rs;
    while (p < m->re && nex < 16) {
      uint32_t q = UINT32_MAX;
      for (int w = 0; marker_words[w]; w++) {
        for (uint32_t k = p; k < m->re; k++) {
          if (((unsigned char)c->t[k] & 0xC0) == 0x80 || !marker_lead(c->t[k])) continue;
          if ((((unsigned char)c->t[k]) | 0x20) == (unsigned char)marker_words[w][0] && marker_at(c, k, w) &&
              fx_ends_with(c, k + (uint32_t)strlen(marker_words[w]), marker_words[w]) == k) {
            if (k < q) q = k;
            break;
          }
        }
      }
      if (q == UINT32_MAX) break;
      if (depth_at(c, q) != m->depth) {
        p = q + 1;
        continue;
      }
      uint32_t end = q;
      while (end < m->re && c->t[end] != ';') end++;
      ex_s[nex] = q;
      ex_e[nex] = end;
      nex++;
      p = end;
    }
  }
  for (size_t i = 0; i < c->nnums && ni < 64; i++) {
    const fx_num *x = &c->nums[i];
    if ((int)i == ti || x->s < m->rs || x->e > m->re) continue;
    if (x->depth != m->depth) continue;
    bool excluded = false;
    for (int k = 0; k < nex; k++)
      if (x->s >= ex_s[k] && x->s < ex_e[k]) excluded = true;
    if (excluded || !same_family(tn, x)) continue;
    if (x->percent && !tn->percent) continue;
    items[ni++] = (int)i;
  }
  if (ni == 0) return;
  const char *group = (ni >= 2 && !m->has_co && !fraction_inside) ? "partition" : "subset";
  int f;
  if (ti >= 0) {
    uint32_t e = tn->ue > tn->e ? tn->ue : tn->e;
    f = fx_add(c, "total", tn->s, e);
  } else {
    rs_fact *rf = rs_fact_add(c->d, "total", carry->para, carry->s, carry->e);
    if (!rf) {
      c->err = RS_ENOMEM;
      return;
    }
    f = (int)c->d->nfacts - 1;
  }
  if (f < 0) return;
  fx_numv(c, f, "value", tn->value);
  fx_int(c, f, "decimals", tn->decimals);
  if (tn->unit) {
    fx_str(c, f, "unit", tn->unit);
    fx_str(c, f, "unit_family", tn->family);
  }
  fx_ref(c, f, "number", ti >= 0 ? tn->fact : carry->fact);
  fx_str(c, f, "group", group);
  fx_strn(c, f, "marker", c->t + m->s, m->e - m->s);
  fx_span(c, f, "marker_s", "marker_e", m->s, m->e);
  fx_int(c, f, "marker_p", c->pi + 1);
  fx_bool(c, f, "in_paren", m->depth > 0);
  fx_bool(c, f, "across_sentence", across);
  if (ti >= 0) {
    /* label: the clause before the total */
    uint32_t ls = fx_sentence_start(c, tn->s);
    for (uint32_t k = tn->s; k > ls; k--)
      if (c->t[k - 1] == ';' || c->t[k - 1] == ':' || c->t[k - 1] == '(') {
        ls = k;
        break;
      }
    uint32_t le = tn->s;
    trim(c, &ls, &le);
    uint32_t la = fx_ends_with(c, le, "là");
    if (la != UINT32_MAX && la >= ls) le = (uint32_t)fx_back_spaces(c->t, la);
    if (le <= ls || has_digit(c, ls, le) || le - ls > 160) post_label(c, tn, (uint32_t)c->n, &ls, &le);
    if (le > ls) fx_strn(c, f, "label", c->t + ls, le - ls);
  }
  double sum = 0;
  int maxdec = 0;
  uint32_t prev_end = m->rs;
  for (int k = 0; k < ni; k++) {
    fx_num *x = &c->nums[items[k]];
    fx_reflist(c, f, "parts", x->fact);
    sum += x->value;
    if (x->decimals > maxdec) maxdec = x->decimals;
    uint32_t ls = prev_end, le = x->s;
    bool colon = fx_back_spaces(c->t, le) > 0 && c->t[fx_back_spaces(c->t, le) - 1] == ':';
    trim(c, &ls, &le);
    if (le <= ls || (!colon && (has_digit(c, ls, le) || le - ls > 100))) post_label(c, x, m->re, &ls, &le);
    if (le > ls) fx_strn(c, x->fact, "part_label", c->t + ls, le - ls);
    fx_str(c, x->fact, "part_group", group);
    fx_ref(c, x->fact, "total", f);
    prev_end = x->ue > x->e ? x->ue : x->e;
  }
  fx_int(c, f, "count", ni);
  fx_numv(c, f, "sum", sum);
  fx_int(c, f, "sum_decimals", maxdec);
}

void fx_totals(fx_ctx *c) {
  marker ms[32];
  int nm = 0;
  /* markers in text order */
  for (uint32_t k = 0; k < c->n && nm < 32; k++) {
    k = (uint32_t)next_lead((const unsigned char *)c->t, k, c->n); /* the test below fails on the bytes skipped */
    if (k >= c->n) break;
    if (((unsigned char)c->t[k] & 0xC0) == 0x80 || !marker_lead(c->t[k])) continue;
    /* the words whose first letter is t[k] (marker_at's first test), in
     * marker_words order */
    int w0, w1;
    switch ((unsigned char)c->t[k] | 0x20) {
    case 't': w0 = 0, w1 = 1; break;
    case 'b': w0 = 1, w1 = 2; break;
    case 'g': w0 = 2, w1 = 3; break;
    default: w0 = 3, w1 = 5; break; /* 'c' */
    }
    for (int w = w0; w < w1; w++) {
      uint32_t e = marker_at(c, k, w);
      if (!e || fx_ends_with(c, e, marker_words[w]) != k) continue;
      if (!strcmp(marker_words[w], "gồm") && fx_ends_with(c, (uint32_t)fx_back_spaces(c->t, k), "bao") != UINT32_MAX)
        continue;
      marker *m = &ms[nm++];
      memset(m, 0, sizeof *m);
      m->s = k;
      m->word = marker_words[w];
      size_t q = fx_skip_spaces(c->t, c->n, e);
      if (q < c->n && c->t[q] == ',') q = fx_skip_spaces(c->t, c->n, q + 1);
      uint32_t co = fx_starts_with(c, (uint32_t)q, "có");
      if (co) {
        m->has_co = true;
        e = co;
      }
      m->e = e;
      m->depth = depth_at(c, k);
      m->rs = e;
      m->re = m->depth > 0 ? paren_end(c, e) : fx_sentence_end(c, k);
      k = e - 1;
      break;
    }
  }
  int primary = -1; /* the main total of the current/previous sentence (num index) */
  uint32_t primary_sent = UINT32_MAX;
  for (int i = 0; i < nm; i++) {
    marker *m = &ms[i];
    uint32_t ss = fx_sentence_start(c, m->s);
    int ti = -1;
    bool across = false;
    if (m->s == ss && m->depth == 0) {
      /* "Trong đó ..." opening a sentence: the previous sentence's total */
      if (ss > 0) {
        uint32_t pss = fx_sentence_start(c, ss > 1 ? ss - 2 : 0);
        if (primary >= 0 && primary_sent == pss) ti = primary;
        else
          for (size_t k = c->nnums; k-- > 0;) {
            const fx_num *x = &c->nums[k];
            if (x->s >= ss) continue;
            if (x->s < pss) break;
            if (x->depth == 0 && !x->percent && x->unit) {
              ti = (int)k;
              break;
            }
          }
        across = true;
      } else if (c->carry.para == c->pi - 1 && c->carry.para >= 0) {
        emit_total(c, m, -1, &c->carry, true);
        continue;
      }
    } else {
      /* the last number before the marker, in the same sentence */
      for (size_t k = c->nnums; k-- > 0;) {
        const fx_num *x = &c->nums[k];
        if (x->e > m->s) continue;
        if (x->s < ss) break;
        if (x->depth > m->depth) continue;
        if (x->percent) break;
        uint32_t from = x->ue > x->e ? x->ue : x->e;
        if (m->s - from > 80) break;
        bool semi = false;
        for (uint32_t q = from; q < m->s; q++)
          if (c->t[q] == ';') semi = true;
        if (semi) break;
        ti = (int)k;
        break;
      }
    }
    if (ti < 0) continue;
    emit_total(c, m, ti, NULL, across);
    if (c->nums[ti].depth == 0) {
      primary = ti;
      primary_sent = fx_sentence_start(c, c->nums[ti].s);
    }
  }
  /* carry the paragraph's last total with a unit to the next paragraph */
  for (size_t k = c->nnums; k-- > 0;) {
    const fx_num *x = &c->nums[k];
    if (primary >= 0 && (int)k != primary) continue;
    if (x->depth == 0 && !x->percent && x->unit) {
      c->carry_next.para = c->pi;
      c->carry_next.fact = x->fact;
      c->carry_next.value = x->value;
      c->carry_next.decimals = x->decimals;
      c->carry_next.unit = x->unit;
      c->carry_next.family = x->family;
      c->carry_next.s = x->s;
      c->carry_next.e = x->ue > x->e ? x->ue : x->e;
      break;
    }
  }
}
