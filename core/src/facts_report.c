/* The "report" fact: one per document (type, topic, period, date, agency). */
#include "facts.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static void set_para(fx_ctx *c, int pi) {
  c->pi = pi;
  c->t = c->d->paras[pi].text;
  c->n = c->d->paras[pi].len;
}

typedef struct {
  int para;
  uint32_t s, e, ls, le, ns, ne;
  const char *source;
  char text[192]; /* the agency as read over two lines ("ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO"), else "" */
} agency_hit;

static bool agency_in(fx_ctx *c, int pi, agency_hit *h) {
  if (pi < 0 || (size_t)pi >= c->d->npara) return false;
  set_para(c, pi);
  PCRE2_SIZE *ov;
  if (fx_match(c, FX_RE_AGENCY, 0, 0, &ov) <= 0) return false;
  h->para = pi;
  h->s = (uint32_t)ov[0];
  h->e = (uint32_t)ov[1];
  h->ls = (uint32_t)ov[4];
  h->le = (uint32_t)ov[5];
  h->ns = (uint32_t)ov[6];
  h->ne = (uint32_t)ov[7];
  h->text[0] = 0;
  return true;
}

/* s[0..n) in lower case but for the first letter of each word (every_word)
 * or of the first one: "PHƯỜNG" -> "Phường", "HIẾN NAM" -> "Hiến Nam",
 * "THỊ TRẤN" -> "Thị trấn". Appended to out (cap bytes, NUL-terminated). */
static void title_case(const char *s, size_t n, int every_word, char *out, size_t cap) {
  size_t o = strlen(out);
  int word_start = 1, first = 1;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l <= 0) {
      i++;
      continue;
    }
    i += (size_t)l;
    int space = cp == ' ' || cp == 0xA0 || cp == '\t';
    if (space) cp = ' ';
    int32_t m = utf8proc_tolower(cp);
    if (!space && word_start && (every_word || first)) m = utf8proc_toupper(cp);
    if (!space && word_start) first = 0;
    word_start = space;
    char enc[4];
    int el = rs_utf8_encode(m, enc);
    if (el <= 0 || o + (size_t)el + 1 > cap) break;
    memcpy(out + o, enc, (size_t)el);
    o += (size_t)el;
    out[o] = 0;
  }
}

/* The first column of a header line: up to a tab or a run of 3 spaces (a
 * two-column header typed as text), trimmed. */
static void first_column(const rs_para *p, size_t *a, size_t *e) {
  size_t i = 0;
  while (i < p->len && (p->text[i] == ' ' || p->text[i] == '\t')) i++;
  *a = i;
  size_t j = i;
  while (j < p->len && p->text[j] != '\t' && !(j + 2 < p->len && !memcmp(p->text + j, "   ", 3))) j++;
  while (j > i && p->text[j - 1] == ' ') j--;
  *e = j;
}

/* An agency on two lines: "ỦY BAN NHÂN DÂN" (head) over "XÃ ĐÌNH CAO"
 * (agency): read as one; the offsets are the agency line's. */
static bool agency_two_lines(fx_ctx *c, int head, int pi, agency_hit *h) {
  if (head < 0 || pi < 0 || (size_t)pi >= c->d->npara || (size_t)head >= c->d->npara) return false;
  const rs_para *hp = &c->d->paras[head], *ap = &c->d->paras[pi];
  size_t ha, he, aa, ae;
  first_column(hp, &ha, &he);
  first_column(ap, &aa, &ae);
  char buf[192];
  size_t hl = he - ha, al = ae - aa;
  if (hl == 0 || al == 0 || hl + 1 + al >= sizeof buf) return false;
  memcpy(buf, hp->text + ha, hl);
  buf[hl] = ' ';
  memcpy(buf + hl + 1, ap->text + aa, al);
  buf[hl + 1 + al] = 0;
  set_para(c, pi);
  c->t = buf;
  c->n = hl + 1 + al;
  PCRE2_SIZE *ov;
  int rc = fx_match(c, FX_RE_AGENCY, 0, 0, &ov);
  size_t P = hl + 1;
  bool ok = rc > 0 && ov[0] < P && ov[4] >= P; /* starts on the head line, its level on the next */
  if (ok) {
    h->para = pi;
    h->s = (uint32_t)aa;
    h->e = (uint32_t)(ov[1] - P + aa);
    h->ls = (uint32_t)(ov[4] - P + aa);
    h->le = (uint32_t)(ov[5] - P + aa);
    h->ns = (uint32_t)(ov[6] - P + aa);
    h->ne = (uint32_t)(ov[7] - P + aa);
    memcpy(h->text, buf + ov[0], ov[1] - ov[0]);
    h->text[ov[1] - ov[0]] = 0;
  }
  set_para(c, pi); /* the buffer is gone after this call */
  return ok;
}

/* The reporting body: the header, the closing paragraph, else the body most
 * often named with a level and a place name. */
static bool find_agency(fx_ctx *c, agency_hit *h, bool strict) {
  const rs_blocks *b = &c->d->blocks;
  if (agency_in(c, b->agency, h) || agency_two_lines(c, b->agency_head, b->agency, h)) {
    h->source = "header";
    return true;
  }
  if (agency_in(c, b->closing, h)) {
    h->source = "closing";
    return true;
  }
  /* "Trên đây là ..." near the end */
  for (size_t i = c->d->npara; i-- > 0 && i + 40 > c->d->npara;) {
    const rs_para *p = &c->d->paras[i];
    if (p->len > 12 && !strncmp(p->text, "Trên đây", strlen("Trên đây")) && agency_in(c, (int)i, h)) {
      h->source = "closing";
      return true;
    }
  }
  if (strict) return false;
  int best = 0;
  agency_hit cand[16];
  int counts[16], nc = 0;
  for (size_t i = 0; i < c->d->npara; i++) {
    set_para(c, (int)i);
    PCRE2_SIZE *ov;
    size_t off = 0;
    while (off < c->n && fx_match(c, FX_RE_AGENCY, off, 0, &ov) > 0) {
      off = ov[1];
      agency_hit x = {(int)i, (uint32_t)ov[0], (uint32_t)ov[1], (uint32_t)ov[4], (uint32_t)ov[5],
                      (uint32_t)ov[6], (uint32_t)ov[7], "text", ""};
      int k;
      for (k = 0; k < nc; k++) {
        const rs_para *pk = &c->d->paras[cand[k].para];
        if (cand[k].ne - cand[k].ns == x.ne - x.ns && cand[k].le - cand[k].ls == x.le - x.ls &&
            !memcmp(pk->text + cand[k].ns, c->t + x.ns, x.ne - x.ns) &&
            !memcmp(pk->text + cand[k].ls, c->t + x.ls, x.le - x.ls))
          break;
      }
      if (k == nc && nc < 16) {
        cand[nc] = x;
        counts[nc++] = 0;
      }
      if (k < 16) counts[k]++;
    }
  }
  int bi = -1;
  for (int k = 0; k < nc; k++)
    if (counts[k] > best) {
      best = counts[k];
      bi = k;
    }
  if (bi < 0) return false;
  *h = cand[bi];
  return true;
}

const char *fx_agency_level(fx_ctx *c) {
  agency_hit h;
  const char *lvl = NULL;
  if (c->d->npara && find_agency(c, &h, true)) {
    const rs_para *p = &c->d->paras[h.para];
    lvl = fx_level_from_text(p->text + h.ls, h.le - h.ls);
  }
  return lvl ? lvl : "xa";
}

/* Does the paragraph start with a document type name? */
static const fx_doctype *starts_with_type(fx_ctx *c, int pi, uint32_t *te) {
  set_para(c, pi);
  uint32_t s = (uint32_t)fx_skip_spaces(c->t, c->n, 0);
  /* two to four words */
  uint32_t ends[5];
  int nw = 0;
  uint32_t p = s;
  while (nw < 4 && p < c->n) {
    while (p < c->n && c->t[p] != ' ' && c->t[p] != ',' && c->t[p] != ':') p++;
    ends[nw++] = p;
    p = (uint32_t)fx_skip_spaces(c->t, c->n, p);
    if (p < c->n && (c->t[p] == ',' || c->t[p] == ':')) break;
  }
  for (int k = nw; k-- > 0;) {
    const fx_doctype *dt = fx_doctype_find(c->t + s, ends[k] - s);
    if (dt) {
      *te = ends[k];
      return dt;
    }
  }
  return NULL;
}

static int title_paras(const fx_ctx *c, int *out, int cap) {
  const rs_blocks *b = &c->d->blocks;
  int n = 0;
  if (b->doc_type >= 0 && n < cap) out[n++] = b->doc_type;
  if (b->summary >= 0 && n < cap) out[n++] = b->summary;
  /* the first non-empty paragraphs before the body (or the first three) */
  int lim = b->body_start > 0 ? b->body_start : 0;
  int taken = 0;
  for (size_t i = 0; i < c->d->npara && n < cap; i++) {
    if ((int)i >= lim && taken >= 3) break;
    if ((int)i >= lim + 8) break;
    if (c->d->paras[i].len == 0) continue;
    bool dup = false;
    for (int k = 0; k < n; k++)
      if (out[k] == (int)i) dup = true;
    if (!dup) out[n++] = (int)i;
    taken++;
  }
  return n;
}

static int closing_para(const fx_ctx *c) {
  if (c->d->blocks.closing >= 0) return c->d->blocks.closing;
  for (size_t i = c->d->npara; i-- > 0 && i + 40 > c->d->npara;) {
    const rs_para *p = &c->d->paras[i];
    if (p->len > 12 && !strncmp(p->text, "Trên đây", strlen("Trên đây"))) return (int)i;
  }
  return -1;
}

static const char *fstr(const rs_fact *f, const char *k) {
  const rs_fval *v = rs_fact_get(f, k);
  return v && v->type == RS_FV_STR ? v->v.s : NULL;
}

static long long fint(const rs_fact *f, const char *k, long long def) {
  const rs_fval *v = rs_fact_get(f, k);
  return v && v->type == RS_FV_INT ? v->v.i : def;
}

void fx_report(fx_ctx *c) {
  rs_doc *d = c->d;
  if (d->npara == 0) return;
  int tp[16];
  int ntp = title_paras(c, tp, 16);
  int cl = closing_para(c);
  /* type */
  const fx_doctype *dt = NULL;
  const char *tsrc = NULL;
  int tpara = -1;
  uint32_t tte = 0;
  for (int k = 0; k < ntp && !dt; k++) {
    dt = starts_with_type(c, tp[k], &tte);
    if (dt) {
      tpara = tp[k];
      tsrc = tp[k] == d->blocks.doc_type ? "header" : "title";
    }
  }
  if (!dt && cl >= 0) {
    set_para(c, cl);
    uint32_t p = fx_starts_with(c, (uint32_t)fx_skip_spaces(c->t, c->n, 0), "Trên đây là");
    if (p) {
      p = (uint32_t)fx_skip_spaces(c->t, c->n, p);
      const rs_para *pp = &d->paras[cl];
      for (uint32_t e = p; e <= pp->len && e < p + 40; e++) {
        if (e < pp->len && pp->text[e] != ' ' && pp->text[e] != ',') continue;
        const fx_doctype *x = fx_doctype_find(pp->text + p, e - p);
        if (x) {
          dt = x;
          tpara = cl;
          tte = e;
          tsrc = "closing";
        }
      }
    }
  }
  int rp = d->blocks.doc_type >= 0 ? d->blocks.doc_type : (ntp > 0 ? tp[0] : 0);
  c->pi = rp;
  int f = fx_add(c, "report", 0, (uint32_t)d->paras[rp].len);
  if (f < 0) return;
  if (dt) {
    fx_str(c, f, "type", dt->slug);
    fx_str(c, f, "type_name", dt->name);
    fx_str(c, f, "type_source", tsrc);
    const rs_para *pp = &d->paras[tpara];
    uint32_t ts = tsrc && !strcmp(tsrc, "closing") ? tte : (uint32_t)fx_skip_spaces(pp->text, pp->len, 0);
    if (tsrc && !strcmp(tsrc, "closing")) {
      set_para(c, tpara);
      ts = (uint32_t)fx_skip_spaces(c->t, c->n, fx_starts_with(c, (uint32_t)fx_skip_spaces(c->t, c->n, 0), "Trên đây là"));
    }
    fx_strn(c, f, "type_text", pp->text + ts, tte - ts);
  }
  /* topic and period from the title paragraphs, then the closing one */
  int order[18], no = 0;
  for (int k = 0; k < ntp; k++) order[no++] = tp[k];
  if (cl >= 0) order[no++] = cl;
  const char *topic = NULL;
  for (int k = 0; k < no && !topic; k++) {
    set_para(c, order[k]);
    PCRE2_SIZE *ov;
    int rc = fx_match(c, FX_RE_TOPIC, 0, 0, &ov);
    if (rc > 0) {
      topic = ov[2] != PCRE2_UNSET ? "cchc" : "kt-xh";
      fx_str(c, f, "topic", topic);
      fx_str(c, f, "topic_source", order[k] == cl ? "closing" : "title");
    }
  }
  int pf = -1, yf = -1;
  for (int k = 0; k < no && pf < 0; k++) {
    for (size_t i = 0; i < d->nfacts; i++) {
      const rs_fact *x = &d->facts[i];
      if (x->para != order[k] || strcmp(x->kind, "period")) continue;
      const char *pk = fstr(x, "period");
      if (!pk || !strcmp(pk, "range") || !strcmp(pk, "years")) continue;
      if (!strcmp(pk, "nam")) {
        if (yf < 0) yf = (int)i;
        continue;
      }
      pf = (int)i;
      break;
    }
    if (pf < 0 && yf >= 0) pf = yf;
    if (pf >= 0) fx_str(c, f, "period_source", order[k] == cl ? "closing" : "title");
  }
  long long year = -1;
  if (pf >= 0) {
    const rs_fact *x = &d->facts[pf];
    fx_str(c, f, "period", fstr(x, "period"));
    fx_ref(c, f, "period_fact", pf);
    year = fint(x, "year", -1);
    long long q = fint(x, "quarter", -1), m = fint(x, "month", -1);
    if (q > 0) fx_int(c, f, "quarter", q);
    if (m > 0) fx_int(c, f, "month", m);
    if (year < 0) /* "6 tháng đầu năm" without the year: a year in the same paragraph */
      for (size_t i = 0; i < d->nfacts; i++) {
        const rs_fact *y = &d->facts[i];
        if (y->para == x->para && !strcmp(y->kind, "period") && fint(y, "year", -1) > 0) {
          year = fint(y, "year", -1);
          break;
        }
      }
  }
  if (c->header_date_fact >= 0) {
    const rs_fact *hd = &d->facts[c->header_date_fact];
    fx_ref(c, f, "report_date", c->header_date_fact);
    fx_str(c, f, "report_date_iso", fstr(hd, "iso"));
    if (year < 0) {
      year = fint(hd, "year", -1);
      if (year > 0) fx_str(c, f, "year_source", "report_date");
    }
  }
  if (year > 0) fx_int(c, f, "year", year);
  /* agency */
  agency_hit h;
  if (find_agency(c, &h, false)) {
    const rs_para *p = &d->paras[h.para];
    if (h.text[0]) fx_strn(c, f, "agency", h.text, strlen(h.text));
    else fx_strn(c, f, "agency", p->text + h.s, h.e - h.s);
    fx_strn(c, f, "agency_name", p->text + h.ns, h.ne - h.ns);
    /* the unit as a summary shows it: "Xã Đình Cao", "Phường Hiến Nam" */
    char unit[160] = "";
    title_case(p->text + h.ls, h.le - h.ls, 0, unit, sizeof unit);
    size_t ul = strlen(unit);
    if (ul + 2 < sizeof unit) {
      unit[ul] = ' ';
      unit[ul + 1] = 0;
      title_case(p->text + h.ns, h.ne - h.ns, 1, unit, sizeof unit);
    }
    fx_strn(c, f, "agency_unit", unit, strlen(unit));
    const char *lvl = fx_level_from_text(p->text + h.ls, h.le - h.ls);
    if (lvl) fx_str(c, f, "agency_level", lvl);
    fx_str(c, f, "agency_source", h.source);
    fx_int(c, f, "agency_p", h.para + 1);
  }
  /* own number "Số: 85/BC-UBND" */
  if (d->blocks.number >= 0) {
    set_para(c, d->blocks.number);
    size_t k = 0;
    while (k < c->n && (c->t[k] < '0' || c->t[k] > '9')) k++;
    size_t e = k;
    while (e < c->n && c->t[e] >= '0' && c->t[e] <= '9') e++;
    if (e > k) {
      uint32_t te = (uint32_t)fx_back_spaces(c->t, c->n);
      c->pi = rp;
      fx_strn(c, f, "doc_number", c->t + k, e - k);
      fx_strn(c, f, "doc_ref", c->t + k, te - k);
      size_t sl = e;
      while (sl < te && c->t[sl] != '/') sl++;
      if (sl < te) fx_strn(c, f, "doc_symbol", c->t + sl + 1, te - sl - 1);
    }
  }
  if (c->first_range_fact >= 0) fx_ref(c, f, "range", c->first_range_fact);
}
