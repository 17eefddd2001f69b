/* Fact extraction internals shared by core/src/facts*.c.
 *
 * rs_facts_extract (readers.h) runs, per paragraph: dates, periods,
 * citations and laws, numbers (percentages, fractions, money), totals and
 * terms; then one "report" fact for the document. The keys of every kind are
 * documented in docs/facts.md (the contract with rule authors).
 *
 * Patterns are PCRE2 (UTF + UCP, JIT), compiled once per process under
 * pthread_once; match data belongs to one extraction call, so documents can
 * be processed in parallel. */
#ifndef RS_FACTS_H
#define RS_FACTS_H

#include "doc.h"

#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Compiled patterns (facts.c holds the sources). */
typedef enum {
  FX_RE_DATE_NUM,    /* 09/01/2023, 9-1-2023, 09.01.2023 */
  FX_RE_DATE_WORDS,  /* ngày 05 tháng 01 năm 2023 */
  FX_RE_PERIOD,      /* tháng 4/2023, quý I/2021, 6 tháng đầu năm 2023, năm 2023, 2021-2025 */
  FX_RE_CITE,        /* Kế hoạch số 09/KH-UBND, nghị định 123 */
  FX_RE_SYMBOL,      /* a bare number and symbol: 25/2021/QĐ-TTg, 06-NQ/TU */
  FX_RE_ISSUER,      /* the body after "của" (anchored) */
  FX_RE_LAW,         /* Luật Hôn nhân và Gia đình */
  FX_RE_TERM_LEVEL,  /* mức độ 3, mức độ 4 */
  FX_RE_TERM_DISTRICT, /* Phòng Nội vụ huyện, UBND huyện */
  FX_RE_ABBR,        /* CCHC, TTHC */
  FX_RE_AGENCY,      /* Ủy ban nhân dân xã Đình Cao, UBND xã Đình Cao */
  FX_RE_TOPIC,       /* topic words of a report title */
  FX_RE_SYMTAIL,     /* the symbol after a number (anchored) */
  FX_RE_ACTOR,       /* a body that acts: "UBND xã", "Ủy ban nhân dân huyện" */
  FX_RE_COUNT
} fx_re_id;

/* A date found in the paragraph, before it becomes a fact. */
typedef struct fx_date {
  uint32_t s, e;    /* the date itself: "09/01/2023" or "ngày 05 tháng 01 năm 2023" */
  uint32_t kw_s;    /* start of a preceding "ngày" (== s for the words form or when absent) */
  int day, month, year;
  bool valid, words, has_ngay;
  char form[16];
  const char *role; /* static */
  const char *cue;  /* static cue that gave the role, or NULL */
  int fact;         /* index in doc->facts once emitted, else -1 */
  int citation;     /* 1 when it dates a citation */
  int pair;         /* local index of the period end when this is a period start, else -1 */
  int range;        /* index of its range period fact once emitted, else -1 */
} fx_date;

/* A number token in the paragraph, before it becomes a fact. */
typedef struct fx_num {
  uint32_t s, e;        /* the digits */
  uint32_t us, ue;      /* unit span (ue == us when none) */
  double value, alt_value;
  int decimals;
  const char *wrong;    /* "decimal-point", "thousands-comma", "english", or NULL */
  const char *unit;     /* normalized unit, static, or NULL */
  const char *family;   /* unit family, static, or NULL */
  bool percent, money, leading_zero, has_alt, in_paren;
  int depth;            /* parenthesis depth */
  double money_value;   /* in đồng */
  int fact;             /* number fact index */
  int pfact;            /* percentage fact index or -1 */
} fx_num;

typedef struct fx_frac {
  uint32_t s, e, ue;
  long num, den;
  const char *unit, *family;
  int fact;
} fx_frac;

/* Extraction context: one per rs_facts_extract call. */
typedef struct fx_ctx {
  rs_doc *d;
  pcre2_match_data *md;
  /* current paragraph */
  int pi;
  const char *t;
  size_t n;
  unsigned char *occ; /* one flag per byte: taken by a date, symbol, period, term */
  size_t occcap;
  bool skip_numbers;  /* header lines, headings */
  bool caps;          /* the paragraph is mostly upper case (a heading) */
  /* What the paragraph holds, found in one pass (para_scan in facts.c): a pattern
   * that needs a character the paragraph lacks cannot match anywhere in it,
   * so its scan is skipped (see each use). */
  bool has_nd;        /* a decimal digit (\d under UCP: Unicode Nd) */
  bool uni_nd;        /* a decimal digit outside ASCII */
  bool ascii_digit;   /* an ASCII digit */
  bool may_period;    /* FX_RE_PERIOD can match */
  bool may_law;       /* "uật" (FX_RE_LAW) */
  bool may_level;     /* "ứ"/"Ứ" and an ASCII 1-4 (FX_RE_TERM_LEVEL) */
  bool may_district;  /* "ệ"/"Ệ" (FX_RE_TERM_DISTRICT: every branch needs "huyện" in some case) */
  fx_date *dates;
  size_t ndates, capdates;
  fx_num *nums;
  size_t nnums, capnums;
  bool dates_emitted;
  fx_frac *fracs;
  size_t nfracs, capfracs;
  uint32_t (*cext)[2]; /* extents of the citations of the paragraph (head + subject) */
  size_t ncext, capcext;
  /* document level */
  const char *agency_level; /* level of the reporting body ("xa" by default) */
  int header_date_fact;
  int first_range_fact;
  /* the last total of the previous paragraph, for one that opens with "Trong đó" */
  struct fx_carry {
    int para, fact; /* number fact */
    double value;
    int decimals;
    const char *unit, *family;
    uint32_t s, e;
  } carry, carry_next;
  /* abbreviations seen so far */
  struct fx_abbr {
    char name[24];
    int count;
    bool defined;
    int def_fact;
  } *abbrs;
  size_t nabbrs, capabbrs;
  int err;
} fx_ctx;

/* ---- facts.c: patterns and helpers ----
 * Every fx_* function runs inside rs_facts_extract, after the one-time set-up
 * (patterns and the property tables below). */

/* Unicode properties of the code points below FX_TAB_N (Latin, Vietnamese),
 * copied from utf8proc once: the same answers without a library call. */
#define FX_TAB_N 0x2000
extern uint8_t fx_cat_tab[FX_TAB_N];
extern int32_t fx_low_tab[FX_TAB_N];

/* rs_utf8_decode with the ASCII, 2- and 3-byte cases inline (the same
 * checks and results as rs_utf8_decode) */
static inline int fx_dec(const unsigned char *s, size_t n, int32_t *cp) {
  if (n && s[0] < 0x80) {
    *cp = (int32_t)s[0];
    return 1;
  }
  if (n >= 3 && (s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
    int32_t v = (int32_t)((s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    *cp = v;
    return 3;
  }
  if (n >= 2 && s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
    *cp = (int32_t)((s[0] & 0x1Fu) << 6 | (s[1] & 0x3Fu));
    return 2;
  }
  return rs_utf8_decode(s, n, cp);
}
/* utf8proc_category */
static inline utf8proc_category_t fx_cat(int32_t cp) {
  return cp >= 0 && cp < FX_TAB_N ? (utf8proc_category_t)fx_cat_tab[cp] : utf8proc_category(cp);
}
/* utf8proc_tolower */
static inline int32_t fx_lower(int32_t cp) { return cp >= 0 && cp < FX_TAB_N ? fx_low_tab[cp] : utf8proc_tolower(cp); }

/* Word-at-a-time byte scans (8 bytes per step). Each test is exact: it is
 * nonzero iff some byte of the word is one of the bytes it names, so a scan
 * that skips words where it is zero skips only bytes the byte-by-byte scan
 * would have passed over too (Bit Twiddling Hacks: haszero, hasbetween). */
#define FX_ONES UINT64_C(0x0101010101010101)
#define FX_HIGHS UINT64_C(0x8080808080808080)
static inline uint64_t fx_load8(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  return x;
}
/* some byte of x is zero */
static inline uint64_t fx_zero8(uint64_t x) { return (x - FX_ONES) & ~x & FX_HIGHS; }
/* some byte of x is b */
static inline uint64_t fx_byte8(uint64_t x, unsigned char b) { return fx_zero8(x ^ (FX_ONES * b)); }
/* some byte of x is an ASCII digit: hasbetween(x, '0' - 1, '9' + 1); a byte
 * of 0x80 and above never counts (the ~x term) */
static inline uint64_t fx_digit8(uint64_t x) {
  uint64_t y = x & (FX_ONES * 127);
  return ((FX_ONES * (127 + '9' + 1)) - y) & ~x & (y + FX_ONES * (127 - ('0' - 1))) & FX_HIGHS;
}
/* The first ASCII digit at or after i, or n. */
static inline size_t fx_next_digit(const unsigned char *t, size_t i, size_t n) {
  while (i + 8 <= n && !fx_digit8(fx_load8(t + i))) i += 8;
  while (i < n && (unsigned char)(t[i] - '0') > 9) i++;
  return i;
}
/* Per lane: 0x80 in each byte of x that is zero, 0 elsewhere (exact for
 * every lane: no carry crosses a byte). */
static inline uint64_t fx_zlanes8(uint64_t x) {
  uint64_t l = FX_ONES * 0x7F;
  return ~(((x & l) + l) | x | l);
}
/* An 'n' or 'N' two bytes before 0xC3 (the start of "ngày" in either
 * case: n g à|À y, 'à' being C3 A0 and 'À' C3 80). */
static inline bool fx_n_c3(const unsigned char *t, size_t i, size_t n) {
  return (t[i] | 0x20) == 'n' && i + 2 < n && t[i + 2] == 0xC3;
}
/* The first ASCII digit or fx_n_c3 position at or after i, or n.
 * (b | 0x20) == 'n' holds only for 'n' and 'N', also bytewise on the whole
 * word. */
static inline size_t fx_next_digit_n(const unsigned char *t, size_t i, size_t n) {
  while (i + 10 <= n) {
    uint64_t x = fx_load8(t + i), x2 = fx_load8(t + i + 2);
    if (fx_digit8(x) || (fx_zlanes8((x | (FX_ONES * 0x20)) ^ (FX_ONES * 'n')) & fx_zlanes8(x2 ^ (FX_ONES * 0xC3))))
      break;
    i += 8;
  }
  while (i < n && (unsigned char)(t[i] - '0') > 9 && !fx_n_c3(t, i, n)) i++;
  return i;
}

const pcre2_code *fx_re(fx_re_id id);
/* Match pattern id in ctx->t from offset; returns the number of pairs set
 * (>0) or a negative PCRE2 code (no match). ovector in *ov. */
int fx_match(fx_ctx *c, fx_re_id id, size_t off, uint32_t opts, PCRE2_SIZE **ov);
/* Match an arbitrary anchored pattern id at exactly off. */
int fx_match_at(fx_ctx *c, fx_re_id id, size_t off, PCRE2_SIZE **ov);

void fx_occupy(fx_ctx *c, uint32_t s, uint32_t e);
bool fx_occupied(const fx_ctx *c, uint32_t s, uint32_t e);

/* Add a fact in the current paragraph; returns its index or -1 (OOM, ctx->err set). */
int fx_add(fx_ctx *c, const char *kind, uint32_t s, uint32_t e);
rs_fact *fx_f(fx_ctx *c, int idx);
void fx_str(fx_ctx *c, int idx, const char *key, const char *s);
void fx_strn(fx_ctx *c, int idx, const char *key, const char *s, size_t n);
void fx_numv(fx_ctx *c, int idx, const char *key, double v);
void fx_int(fx_ctx *c, int idx, const char *key, long long v);
void fx_bool(fx_ctx *c, int idx, const char *key, bool b);
void fx_ref(fx_ctx *c, int idx, const char *key, int target);
void fx_reflist(fx_ctx *c, int idx, const char *key, int target);
/* Store a 1-based inclusive span of bytes [s, e) as key_s / key_e. */
void fx_span(fx_ctx *c, int idx, const char *ks, const char *ke, uint32_t s, uint32_t e);

/* Text helpers */
bool fx_is_space(const char *t, size_t n, size_t i, size_t *len);
size_t fx_skip_spaces(const char *t, size_t n, size_t i);
size_t fx_back_spaces(const char *t, size_t i);
/* true when t[s..e) equals lit ignoring case (ASCII and Vietnamese letters) */
bool fx_ieq(const char *t, size_t s, size_t e, const char *lit);
/* When t[..end) ends with the word lit (case-insensitive, a word boundary
 * before it), its start; else UINT32_MAX. */
uint32_t fx_ends_with(const fx_ctx *c, uint32_t end, const char *lit);
/* When t[pos..) starts with the word lit, the end of it; else 0. */
uint32_t fx_starts_with(const fx_ctx *c, uint32_t pos, const char *lit);
/* Start of the sentence holding byte i (after ". " / "? " / "! " / start). */
uint32_t fx_sentence_start(const fx_ctx *c, uint32_t i);
/* End (exclusive) of the sentence holding byte i. */
uint32_t fx_sentence_end(const fx_ctx *c, uint32_t i);
/* Level slug from a body's text ("xa", "huyen", "tinh", "trung-uong") or NULL. */
const char *fx_level_from_text(const char *s, size_t n);

/* ---- per-kind extractors (one paragraph each, except report) ---- */
void fx_dates(fx_ctx *c);         /* facts_date.c: collect dates (no facts yet) */
void fx_dates_emit(fx_ctx *c);    /* emit date facts (after citations gave roles) */
void fx_ranges_cited(fx_ctx *c);  /* set in_citation of the range periods once c->cext is known */
void fx_periods(fx_ctx *c);       /* facts_date.c */
void fx_citations(fx_ctx *c);     /* facts_citation.c: citations and laws */
void fx_numbers(fx_ctx *c);       /* facts_number.c */
void fx_totals(fx_ctx *c);        /* facts_total.c */
void fx_terms(fx_ctx *c);         /* facts_term.c */
void fx_report(fx_ctx *c);        /* facts_report.c: the document's report fact */
/* Pre-pass (facts_report.c): level of the reporting body. */
const char *fx_agency_level(fx_ctx *c);

/* Type table (facts_citation.c) */
typedef struct fx_doctype {
  const char *name; /* normalized: "Kế hoạch" */
  const char *code; /* expected code in a state symbol, NULL for Công văn */
  const char *party_code; /* expected code in a Party symbol ("06-NQ/TU") */
  const char *slug; /* "ke-hoach" */
} fx_doctype;
const fx_doctype *fx_doctype_find(const char *t, size_t n);

#endif
