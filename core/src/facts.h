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

/* rs_utf8_decode with the ASCII case inline */
static inline int fx_dec(const unsigned char *s, size_t n, int32_t *cp) {
  if (n && s[0] < 0x80) {
    *cp = (int32_t)s[0];
    return 1;
  }
  return rs_utf8_decode(s, n, cp);
}
/* utf8proc_category */
static inline utf8proc_category_t fx_cat(int32_t cp) {
  return cp >= 0 && cp < FX_TAB_N ? (utf8proc_category_t)fx_cat_tab[cp] : utf8proc_category(cp);
}
/* utf8proc_tolower */
static inline int32_t fx_lower(int32_t cp) { return cp >= 0 && cp < FX_TAB_N ? fx_low_tab[cp] : utf8proc_tolower(cp); }

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
