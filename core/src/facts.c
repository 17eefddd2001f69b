/* Fact extraction: pattern registry, shared helpers and the driver
 * rs_facts_extract (declared in readers.h). Keys of every kind are
 * documented in docs/facts.md. */
#include "facts.h"
#include "facts_cand.h"

#include "readers.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- patterns ---- */

/* Horizontal space (includes NBSP). Symbol groups: an upper-case letter then
 * letters/digits ("KH", "UBND", "TTg", "QH14"). */
#define SP "\\h"
#define GRP "\\p{Lu}[\\p{L}\\d]*"
#define SYMSTATE "(" GRP "(?:" SP "*-" SP "*" GRP ")*)"

/* FX_RE_SYMTAIL (anchored at the end of a number):
 *   1 sep, 2 year, 3 sep, 4 state symbol | 5 '-', 6 party code, 7 '/', 8 party body */
#define RE_SYMTAIL                                                                                                 \
  "(?:(" SP "*/" SP "*)(\\d{4}))?(" SP "*/" SP "*)" SYMSTATE "|(" SP "*-" SP "*)(\\p{Lu}\\p{L}*)(" SP "*/" SP   \
  "*)" SYMSTATE
#define RE_ACTOR                                                                                                   \
  "(?<![\\p{L}])(?:UBND|HĐND|(?i:(?:ủy|uỷ)" SP "+ban" SP "+nhân" SP "+dân|hội" SP "+đồng" SP "+nhân" SP           \
  "+dân|chủ" SP "+tịch" SP "+(?:UBND|(?:ủy|uỷ)" SP "+ban" SP "+nhân" SP "+dân)|đảng" SP "+(?:ủy|uỷ)|ban" SP       \
  "+chỉ" SP "+đạo))(?:" SP "+(?i:xã|phường|thị" SP "+trấn|huyện|quận|thị" SP "+xã|thành" SP "+phố|tỉnh))?(?:" SP \
  "+\\p{Lu}\\p{L}*){0,3}"

static const char *const re_src[FX_RE_COUNT] = {
    [FX_RE_SYMTAIL] = RE_SYMTAIL,
    [FX_RE_ACTOR] = RE_ACTOR,
    /* FX_RE_DATE_NUM: 1 day, 2 sep, 3 month, 4 year */
    [FX_RE_DATE_NUM] = "(?<![\\d/.,])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})(?![\\d/]|[.,]\\d)",
    /* FX_RE_DATE_WORDS: 1 day, 2 month, 3 year */
    [FX_RE_DATE_WORDS] = "(?i)(?:(?<![\\p{L}])ngày" SP "+)?(?<![\\d/.,])(\\d{1,2})" SP "+tháng" SP
                         "+(\\d{1,2})" SP "+năm" SP "+(\\d{4})(?!\\d)",
    /* FX_RE_PERIOD:
     *   1 quarter, 2 its year | 3 month, 4 its year | 5 count (6/9), 6 đầu/cuối, 7 year
     * | 8 range prefix, 9 first year, 10 last year | 11 year after "năm" */
    [FX_RE_PERIOD] =
        "(?i)(?<![\\p{L}])(?:"
        "quý" SP "+(IV|I{1,3}|[1-4])(?![\\p{L}\\d])(?:" SP "*(?:/|năm|-)" SP "*(\\d{4})(?!\\d))?"
        "|(?<!\\d" SP ")tháng" SP "+(\\d{1,2})" SP "*(?:/|năm|-)" SP "*(\\d{4})(?!\\d)"
        "|(?<![\\d/.,])(0?6|0?9|sáu|chín)" SP "+tháng(?:" SP "+(đầu|cuối))?" SP "+năm(?:" SP "+(\\d{4})(?!\\d))?"
        "|((?:năm học|năm|giai đoạn|nhiệm kỳ|niên khóa|niên khoá|từ năm)" SP "+)?(?<![\\d/.,])((?:19|20)\\d{2})"
        SP "*[-–]" SP "*((?:19|20)\\d{2})(?![\\d/])"
        "|năm" SP "+((?:19|20)\\d{2})(?![\\d/]|[.,]\\d)"
        ")",
    /* FX_RE_CITE: 1 type word, 2 "liên tịch", 3 "số", 4 ':', 5 number */
    [FX_RE_CITE] =
        "(?<![\\p{L}\\d])((?i)nghị" SP "+quyết|nghị" SP "+định|quyết" SP "+định|quyết" SP "+đinh|"
        "thông" SP "+tư|chỉ" SP "+thị|quy" SP "+chế|quy" SP "+định|thông" SP "+cáo|thông" SP "+báo|"
        "hướng" SP "+dẫn|chương" SP "+trình|kế" SP "+hoạch|phương" SP "+án|đề" SP "+án|dự" SP "+án|"
        "báo" SP "+cáo|biên" SP "+bản|tờ" SP "+trình|hợp" SP "+đồng|công" SP "+điện|công" SP "+văn|"
        "văn" SP "+bản" SP "+hợp" SP "+nhất|văn" SP "+bản|kết" SP "+luận|pháp" SP "+lệnh|luật|"
        "giấy" SP "+mời|quy" SP "+trình)"
        "(?:" SP "+((?i)liên" SP "+tịch))?" SP "+(?:((?i)số)" SP "*(:)?" SP "*)?"
        "(\\d{1,6}(?:[A-ZĐ]|[a-z](?=" SP "*/))?)(?![\\d\\p{L}]|[.,]\\d)",
    /* FX_RE_SYMBOL: a number that starts a symbol (no type word before it) */
    [FX_RE_SYMBOL] = "(?<![\\p{L}\\d/.,\\-])(\\d{1,6}(?:[A-ZĐ]|[a-z](?=" SP "*/))?)(?=" SP "*(?:/" SP
                     "*(?:\\d{4}" SP "*/" SP "*)?|-" SP "*" GRP SP "*/" SP "*)\\p{Lu})",
    /* FX_RE_ISSUER (anchored after "của "): the issuing body */
    [FX_RE_ISSUER] =
        "(?:(?i)thủ" SP "+tướng" SP "+chính" SP "+phủ|chính" SP "+phủ|quốc" SP "+hội|(?:ủy|uỷ)" SP
        "+ban" SP "+thường" SP "+vụ" SP "+quốc" SP "+hội|chủ" SP "+tịch" SP "+nước|ban" SP "+chấp" SP
        "+hành" SP "+trung" SP "+ương(?:" SP "+đảng)?|bộ" SP "+chính" SP "+trị|ban" SP "+bí" SP "+thư)"
        "|(?:(?i)(?:chủ" SP "+tịch" SP "+)?(?:UBND|(?:ủy|uỷ)" SP "+ban" SP "+nhân" SP "+dân|HĐND|hội" SP
        "+đồng" SP "+nhân" SP "+dân)|(?:tỉnh|huyện|thành|đảng|thị)" SP "*(?:ủy|uỷ)|ban" SP "+chấp" SP
        "+hành" SP "+đảng" SP "+bộ|BCH" SP "+đảng" SP "+bộ|ban" SP "+thường" SP "+vụ(?:" SP
        "+(?:tỉnh|huyện|thành|đảng)" SP "*(?:ủy|uỷ))?|ban" SP "+chỉ" SP "+đạo|BCĐ|mặt" SP "+trận" SP
        "+tổ" SP "+quốc|MTTQ|công" SP "+an|kho" SP "+bạc(?:" SP "+nhà" SP "+nước)?)"
        "(?:" SP "+(?i)(?:xã|phường|thị" SP "+trấn|huyện|quận|thị" SP "+xã|thành" SP "+phố|tỉnh|TP\\.?))?"
        "(?:" SP "+\\p{Lu}\\p{L}*)*"
        "|(?:(?i)bộ|sở|phòng|văn" SP "+phòng|tổng" SP "+cục|cục|chi" SP "+cục|ban|thanh" SP "+tra)" SP
        "+\\p{Lu}\\p{L}*(?:" SP "+(?!và" SP "+\\p{Ll}|(?i:về|ngày|trên|tại|nhằm|để|với|theo|đã|trong|cho|đến|"
        "năm|của)(?![\\p{L}]))(?:và" SP "+)?\\p{L}+){0,6}",
    /* FX_RE_LAW: 1 "Luật"/"Bộ luật", 2 the name, 3 year */
    [FX_RE_LAW] = "(?<![\\p{L}])(Luật|Bộ" SP "+[Ll]uật)" SP "+(\\p{Lu}\\p{L}*(?:" SP
                  "+(?!và" SP "+\\p{Ll}|(?i:cho|tại|trên|theo|để|nhằm|của|đã|được|đến|với|về|năm|số|"
                  "ngày|trong|là|thì|khi|do|sửa|nay|này|hiện|mới)(?![\\p{L}]))(?:và" SP "+)?\\p{L}+){0,12})"
                  "(?:" SP "+(?:năm" SP "+)?((?:19|20)\\d{2})(?![\\d/]))?",
    /* FX_RE_TERM_LEVEL: "mức độ 3, mức độ 4" */
    [FX_RE_TERM_LEVEL] = "(?i)(?<![\\p{L}])mức" SP "+độ" SP "*[1-4](?![\\d\\p{L}])(?:" SP
                         "*(?:,|và|-|–|/)" SP "*(?:mức" SP "+độ" SP "*)?[1-4](?![\\d\\p{L}]))*",
    /* FX_RE_TERM_DISTRICT: district bodies */
    [FX_RE_TERM_DISTRICT] =
        "(?<![\\p{L}])(?:"
        "[Pp]hòng" SP "+\\p{Lu}\\p{L}*(?:" SP "+(?!huyện(?![\\p{L}]))(?:và" SP "+)?\\p{L}+){0,5}?" SP "+huyện"
        "|(?:UBND|HĐND|(?i)(?:ủy|uỷ)" SP "+ban" SP "+nhân" SP "+dân|hội" SP "+đồng" SP "+nhân" SP "+dân)"
        SP "+(?i)huyện"
        "|(?i)huyện" SP "*(?:ủy|uỷ|đoàn)|công" SP "+an" SP "+huyện|cấp" SP "+huyện"
        "|(?i)(?:trung" SP "+tâm|ban)" SP "+\\p{L}+(?:" SP "+\\p{L}+){0,5}?" SP "+huyện"
        ")(?![\\p{L}])(?:" SP "+\\p{Lu}\\p{L}*(?:" SP "+\\p{Lu}\\p{L}*){0,2})?",
    /* FX_RE_ABBR: all-caps tokens of 2-8 letters */
    [FX_RE_ABBR] = "(?<![\\p{L}\\d])\\p{Lu}{2,8}(?![\\p{L}\\d])",
    /* FX_RE_AGENCY: 1 body, 2 level word, 3 name */
    [FX_RE_AGENCY] = "(?<![\\p{L}])(UBND|(?i)(?:ủy|uỷ)" SP "+ban" SP "+nhân" SP "+dân)" SP
                     "+((?i)xã|phường|thị" SP "+trấn|huyện|quận|thị" SP "+xã|thành" SP "+phố|tỉnh)" SP
                     "+(\\p{Lu}\\p{L}*(?:[ \\x{00A0}]{1,2}+(?!\\h)\\p{Lu}\\p{L}*){0,3})",
    /* FX_RE_TOPIC: topic words (1 cchc, 2 kt-xh) */
    [FX_RE_TOPIC] = "(?i)(cải" SP "+cách" SP "+hành" SP "+chính|(?-i:CCHC))|(kinh" SP "+tế" SP "*-?"
                            SP "*xã" SP "+hội|(?-i:KT-XH))",
};

/* The patterns searched for (fx_match) are in re_code; those only ever
 * tried at one position (fx_match_at, fx_match_cands and the candidate
 * searches of CITE, TERM_DISTRICT and ABBR) are compiled with
 * PCRE2_ANCHORED instead, into re_anch: the same matches, and JIT runs them
 * (an anchored match asked for at match time falls back to the
 * interpreter). Each is compiled once, in the one form it is used in. */
static pcre2_code *re_code[FX_RE_COUNT];
static pcre2_code *re_anch[FX_RE_COUNT];
static const bool re_anch_only[FX_RE_COUNT] = {
    [FX_RE_SYMTAIL] = true, [FX_RE_ISSUER] = true, [FX_RE_DATE_NUM] = true,
    [FX_RE_DATE_WORDS] = true, [FX_RE_SYMBOL] = true, [FX_RE_ABBR] = true,
    [FX_RE_TERM_DISTRICT] = true, [FX_RE_CITE] = true, [FX_RE_PERIOD] = true,
};
static pthread_once_t re_once = PTHREAD_ONCE_INIT;
static int re_failed;

uint8_t fx_cat_tab[FX_TAB_N];
int32_t fx_low_tab[FX_TAB_N];

static void re_compile_all(void) {
  for (int32_t cp = 0; cp < FX_TAB_N; cp++) {
    fx_cat_tab[cp] = (uint8_t)utf8proc_category(cp);
    fx_low_tab[cp] = utf8proc_tolower(cp);
  }
  for (int i = 0; i < FX_RE_COUNT; i++) {
    int ec;
    PCRE2_SIZE eo;
    uint32_t opt = PCRE2_UTF | PCRE2_UCP | (re_anch_only[i] ? PCRE2_ANCHORED : 0);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)re_src[i], PCRE2_ZERO_TERMINATED, opt, &ec, &eo, NULL);
    if (!re) {
      re_failed = 1;
      continue;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    if (re_anch_only[i]) re_anch[i] = re;
    else re_code[i] = re;
  }
}

const pcre2_code *fx_re(fx_re_id id) {
  pthread_once(&re_once, re_compile_all);
  return re_code[id] ? re_code[id] : re_anch[id];
}

int fx_match(fx_ctx *c, fx_re_id id, size_t off, uint32_t opts, PCRE2_SIZE **ov) {
  const pcre2_code *re = re_code[id]; /* compiled: rs_facts_extract ran re_once */
  if (!re || off > c->n) return PCRE2_ERROR_NOMATCH;
  int rc = pcre2_match(re, (PCRE2_SPTR)c->t, c->n, off, opts | PCRE2_NO_UTF_CHECK, c->md, NULL);
  if (rc > 0) *ov = pcre2_get_ovector_pointer(c->md);
  return rc;
}

int fx_match_at(fx_ctx *c, fx_re_id id, size_t off, PCRE2_SIZE **ov) {
  const pcre2_code *re = re_anch[id];
  if (!re) return fx_match(c, id, off, PCRE2_ANCHORED, ov); /* a searched pattern: the interpreter */
  if (off > c->n) return PCRE2_ERROR_NOMATCH;
  int rc = pcre2_match(re, (PCRE2_SPTR)c->t, c->n, off, PCRE2_NO_UTF_CHECK, c->md, NULL);
  if (rc > 0) *ov = pcre2_get_ovector_pointer(c->md);
  return rc;
}

/* A decimal digit (Unicode Nd) starts at t[i], a non-ASCII lead byte. The
 * first Nd code points after ASCII are U+0660 (lead byte 0xD9), and Latin
 * Extended Additional (U+1E00-U+1EFF, E1 B8-BB) has none. */
static bool nd_at(const char *t, size_t n, size_t i) {
  const unsigned char *s = (const unsigned char *)t + i;
  if (s[0] < 0xD9) return false;
  if (s[0] == 0xE1 && i + 1 < n && s[1] >= 0xB8 && s[1] <= 0xBB) return false;
  int32_t cp;
  if (fx_dec(s, n - i, &cp) < 0) return false;
  return fx_cat(cp) == UTF8PROC_CATEGORY_ND;
}

static bool ngay_at(const char *t, size_t n, size_t i) {
  /* n g à y, case-insensitive: each letter has exactly one other case */
  const unsigned char *s = (const unsigned char *)t + i;
  return i + 5 <= n && (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'g' && s[2] == 0xC3 &&
         (s[3] == 0xA0 || s[3] == 0x80) && (s[4] | 0x20) == 'y';
}

/* After the ASCII digit at i: \d{1,2} then one of `then` is possible. */
static bool then_ok(const unsigned char *t, size_t n, size_t i, const char *then) {
  size_t j = i + 1;
  if (j < n && t[j] >= '0' && t[j] <= '9') j++;
  if (j >= n) return false;
  if (t[j] >= 0x80) return true; /* a Unicode digit or space: let the pattern decide */
  return t[j] != 0 && strchr(then, t[j]) != NULL;
}

/* After ASCII spaces and tabs from k: '/', '-' or a non-ASCII character
 * (which may be other horizontal space: the pattern decides). */
static bool symtail_sep(const unsigned char *t, size_t n, size_t k) {
  while (k < n && (t[k] == ' ' || t[k] == '\t')) k++;
  return k < n && (t[k] == '/' || t[k] == '-' || t[k] >= 0x80);
}

/* FX_CAND_SYMTAIL's test at the ASCII digit i. */
static bool symtail_ok(const unsigned char *t, size_t n, size_t i) {
  size_t j = i;
  while (j < n && t[j] >= '0' && t[j] <= '9') j++;
  if (j - i > 6) return false; /* \d{1,6} is then followed by a digit, however many it takes */
  if (j >= n) return false;
  if (t[j] >= 0x80) return true; /* a Unicode digit, Đ, or a space: let the pattern decide */
  if ((t[j] >= 'A' && t[j] <= 'Z') || (t[j] >= 'a' && t[j] <= 'z')) return symtail_sep(t, n, j + 1);
  return symtail_sep(t, n, j);
}

int fx_match_cands(fx_ctx *c, fx_re_id id, size_t off, unsigned kinds, const char *not_after, const char *then,
                   PCRE2_SIZE **ov) {
  const unsigned char *t = (const unsigned char *)c->t;
  bool digits = kinds & FX_CAND_DIGIT, ngay = kinds & FX_CAND_NGAY, symtail = kinds & FX_CAND_SYMTAIL;
  for (size_t i = off; i < c->n; i++) {
    if (!c->uni_nd) /* only ASCII digits (and "ngày", which passes fx_n_c3) can start a match */
      i = ngay ? fx_next_digit_n(t, i, c->n) : fx_next_digit(t, i, c->n);
    if (i >= c->n) break;
    unsigned char b = t[i];
    bool digit;
    if (b < 0x80) {
      digit = b >= '0' && b <= '9';
      if (!digit && !(ngay && (b | 0x20) == 'n')) continue;
    } else {
      if (!c->uni_nd) continue; /* no digit outside ASCII in the paragraph (para_scan) */
      if (b < 0xD9) continue; /* continuation byte, or a code point below U+0660 */
      digit = nd_at(c->t, c->n, i);
      if (!digit) continue;
    }
    bool cand = false;
    if (digits && digit) {
      unsigned char p = i > 0 ? t[i - 1] : 0;
      cand = !(p && p < 0x80 && not_after && strchr(not_after, p)) && !(then && b < 0x80 && !then_ok(t, c->n, i, then)) &&
             !(symtail && b < 0x80 && !symtail_ok(t, c->n, i));
    }
    if (!cand && ngay && ngay_at(c->t, c->n, i)) cand = true;
    if (!cand) continue;
    int rc = fx_match_at(c, id, i, ov);
    if (rc != PCRE2_ERROR_NOMATCH) return rc;
  }
  return PCRE2_ERROR_NOMATCH;
}

/* ---- occupancy ---- */

void fx_occupy(fx_ctx *c, uint32_t s, uint32_t e) {
  if (e > c->n) e = (uint32_t)c->n;
  if (s < e) memset(c->occ + s, 1, e - s);
}

bool fx_occupied(const fx_ctx *c, uint32_t s, uint32_t e) {
  if (e > c->n) e = (uint32_t)c->n;
  for (uint32_t i = s; i < e; i++)
    if (c->occ[i]) return true;
  return false;
}

/* ---- fact helpers ---- */

int fx_add(fx_ctx *c, const char *kind, uint32_t s, uint32_t e) {
  rs_fact *f = rs_fact_add(c->d, kind, c->pi, s, e);
  if (!f) {
    c->err = RS_ENOMEM;
    return -1;
  }
  return (int)(c->d->nfacts - 1);
}

rs_fact *fx_f(fx_ctx *c, int idx) {
  if (idx < 0 || (size_t)idx >= c->d->nfacts) return NULL;
  return &c->d->facts[idx];
}

#define FX_SET(call)                                                                                               \
  do {                                                                                                             \
    if (idx < 0) return;                                                                                           \
    if ((call) != 0) c->err = RS_ENOMEM;                                                                           \
  } while (0)

void fx_str(fx_ctx *c, int idx, const char *key, const char *s) {
  if (!s) return;
  FX_SET(rs_fact_str(fx_f(c, idx), key, s));
}
void fx_strn(fx_ctx *c, int idx, const char *key, const char *s, size_t n) {
  FX_SET(rs_fact_strn(fx_f(c, idx), key, s, n));
}
void fx_numv(fx_ctx *c, int idx, const char *key, double v) { FX_SET(rs_fact_num(fx_f(c, idx), key, v)); }
void fx_int(fx_ctx *c, int idx, const char *key, long long v) { FX_SET(rs_fact_int(fx_f(c, idx), key, v)); }
void fx_bool(fx_ctx *c, int idx, const char *key, bool b) { FX_SET(rs_fact_bool(fx_f(c, idx), key, b)); }
void fx_ref(fx_ctx *c, int idx, const char *key, int target) {
  if (target < 0) return;
  FX_SET(rs_fact_ref(fx_f(c, idx), key, target));
}
void fx_reflist(fx_ctx *c, int idx, const char *key, int target) {
  if (target < 0) return;
  FX_SET(rs_fact_reflist(fx_f(c, idx), key, target));
}
void fx_span(fx_ctx *c, int idx, const char *ks, const char *ke, uint32_t s, uint32_t e) {
  fx_int(c, idx, ks, (long long)s + 1);
  fx_int(c, idx, ke, (long long)e);
}

/* ---- text helpers ---- */

bool fx_is_space(const char *t, size_t n, size_t i, size_t *len) {
  unsigned char ch = (unsigned char)t[i];
  if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
    *len = 1;
    return true;
  }
  if (ch == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0) { /* NBSP */
    *len = 2;
    return true;
  }
  return false;
}

size_t fx_skip_spaces(const char *t, size_t n, size_t i) {
  size_t l;
  while (i < n && fx_is_space(t, n, i, &l)) i += l;
  return i;
}

size_t fx_back_spaces(const char *t, size_t i) {
  while (i > 0) {
    unsigned char ch = (unsigned char)t[i - 1];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') i--;
    else if (ch == 0xA0 && i >= 2 && (unsigned char)t[i - 2] == 0xC2) i -= 2;
    else break;
  }
  return i;
}

bool fx_ieq(const char *t, size_t s, size_t e, const char *lit) {
  size_t ln = strlen(lit), i = s, j = 0;
  while (i < e && j < ln) {
    unsigned char x = (unsigned char)t[i], y = (unsigned char)lit[j];
    if (x < 0x80 && y < 0x80) { /* ASCII on both sides: utf8proc_tolower is the ASCII one */
      if (x >= 'A' && x <= 'Z') x = (unsigned char)(x | 0x20);
      if (y >= 'A' && y <= 'Z') y = (unsigned char)(y | 0x20);
      if (x != y) return false;
      i++;
      j++;
      continue;
    }
    int32_t a, b;
    int la = fx_dec((const unsigned char *)t + i, e - i, &a);
    int lb = fx_dec((const unsigned char *)lit + j, ln - j, &b);
    if (la < 0 || lb < 0) return false;
    if (fx_lower(a) != fx_lower(b)) return false;
    i += (size_t)la;
    j += (size_t)lb;
  }
  return i == e && j == ln;
}

static bool letter_before(const char *t, size_t i) {
  if (i == 0) return false;
  size_t p = i - 1;
  while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80) p--;
  int32_t cp;
  if (fx_dec((const unsigned char *)t + p, i - p, &cp) < 0) return false;
  utf8proc_category_t cat = fx_cat(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || (cp >= '0' && cp <= '9');
}

static bool letter_at(const char *t, size_t n, size_t i) {
  if (i >= n) return false;
  int32_t cp;
  if (fx_dec((const unsigned char *)t + i, n - i, &cp) < 0) return false;
  utf8proc_category_t cat = fx_cat(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || (cp >= '0' && cp <= '9');
}

uint32_t fx_ends_with(const fx_ctx *c, uint32_t end, const char *lit) {
  size_t ln = strlen(lit);
  if (ln > end) return UINT32_MAX;
  uint32_t s = end - (uint32_t)ln;
  if (((unsigned char)c->t[s] & 0xC0) == 0x80) return UINT32_MAX;
  if (!fx_ieq(c->t, s, end, lit) || letter_before(c->t, s)) return UINT32_MAX;
  return s;
}

uint32_t fx_starts_with(const fx_ctx *c, uint32_t pos, const char *lit) {
  /* fast reject on the first byte (Vietnamese case pairs share their lead byte) */
  if (pos >= c->n) return 0;
  unsigned char a = (unsigned char)c->t[pos], b = (unsigned char)lit[0];
  if (b < 0x80 ? ((a | 0x20) != (b | 0x20)) : a != b) return 0;
  size_t ln = strlen(lit);
  if (pos + ln > c->n) return 0;
  if (!fx_ieq(c->t, pos, pos + ln, lit) || letter_at(c->t, c->n, pos + ln)) return 0;
  return pos + (uint32_t)ln;
}

static bool upper_at(const char *t, size_t n, size_t i) {
  int32_t cp;
  if (i >= n) return false;
  int l = fx_dec((const unsigned char *)t + i, n - i, &cp);
  if (l < 0) return false;
  return fx_cat(cp) == UTF8PROC_CATEGORY_LU || (cp >= '0' && cp <= '9');
}

/* A sentence ends at '.', '!' or '?' followed by a space and an upper-case
 * letter or digit (or by the end), never inside "1.395". */
static bool sentence_break(const fx_ctx *c, size_t i) {
  char ch = c->t[i];
  if (ch != '.' && ch != '!' && ch != '?') return false;
  size_t j = i + 1;
  while (j < c->n && (c->t[j] == ')' || c->t[j] == '"' || c->t[j] == '/' || c->t[j] == '.')) j++;
  if (j >= c->n) return true;
  size_t k = fx_skip_spaces(c->t, c->n, j);
  if (k == j) return false;
  if (k >= c->n) return true;
  return upper_at(c->t, c->n, k) || c->t[k] == '-' || c->t[k] == '+' || c->t[k] == '(';
}

/* A "sentence" longer than this is cut: no real sentence is that long, and
 * without a bound a single 25 MB line makes every look-around quadratic. */
#define FX_MAX_SENTENCE 4096

uint32_t fx_sentence_start(const fx_ctx *c, uint32_t i) {
  if (i > c->n) i = (uint32_t)c->n;
  uint32_t floor = i > FX_MAX_SENTENCE ? i - FX_MAX_SENTENCE : 0;
  while (floor > 0 && floor < c->n && ((unsigned char)c->t[floor] & 0xC0) == 0x80) floor++;
  while (i > floor) {
    char ch = c->t[i - 1];
    if ((ch == '.' || ch == '!' || ch == '?') && sentence_break(c, i - 1)) {
      size_t j = i;
      while (j < c->n && (c->t[j] == ')' || c->t[j] == '"' || c->t[j] == '/' || c->t[j] == '.')) j++;
      return (uint32_t)fx_skip_spaces(c->t, c->n, j);
    }
    i--;
  }
  return floor;
}

uint32_t fx_sentence_end(const fx_ctx *c, uint32_t i) {
  size_t stop = (size_t)i + FX_MAX_SENTENCE < c->n ? (size_t)i + FX_MAX_SENTENCE : c->n;
  for (size_t k = i; k < stop; k++) {
    char ch = c->t[k];
    if ((ch == '.' || ch == '!' || ch == '?') && sentence_break(c, k)) return (uint32_t)k;
  }
  while (stop < c->n && ((unsigned char)c->t[stop] & 0xC0) == 0x80) stop++;
  return (uint32_t)stop;
}

static bool contains_ci(const char *s, size_t n, const char *lit) {
  size_t ln = strlen(lit);
  /* An ASCII first letter other than i and k (U+0130 and U+212A lower-case
   * to those) can only match itself in either case. */
  unsigned char l0 = (unsigned char)lit[0];
  bool quick = l0 >= 'a' && l0 <= 'z' && l0 != 'i' && l0 != 'k';
  for (size_t i = 0; i + ln <= n + 8 && i < n; i++) {
    if (quick && ((unsigned char)s[i] | 0x20) != l0) continue;
    /* compare code point by code point from i */
    size_t a = i, j = 0;
    while (a < n && j < ln) {
      int32_t x, y;
      int la = fx_dec((const unsigned char *)s + a, n - a, &x);
      int lb = fx_dec((const unsigned char *)lit + j, ln - j, &y);
      if (la < 0 || lb < 0 || fx_lower(x) != fx_lower(y)) break;
      a += (size_t)la;
      j += (size_t)lb;
    }
    if (j == ln) {
      /* whole word: the next character is not a letter */
      int32_t nx = 0;
      if (a < n && fx_dec((const unsigned char *)s + a, n - a, &nx) > 0) {
        utf8proc_category_t cat = fx_cat(nx);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) continue;
      }
      if (i > 0) {
        size_t p = i - 1;
        while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
        int32_t pv = 0;
        if (fx_dec((const unsigned char *)s + p, n - p, &pv) > 0) {
          utf8proc_category_t cat = fx_cat(pv);
          if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) continue;
        }
      }
      return true;
    }
  }
  return false;
}

const char *fx_level_from_text(const char *s, size_t n) {
  static const struct {
    const char *w, *level;
  } central[] = {{"thủ tướng", "trung-uong"}, {"chính phủ", "trung-uong"}, {"quốc hội", "trung-uong"},
                 {"trung ương", "trung-uong"}, {"bộ chính trị", "trung-uong"}, {"ban bí thư", "trung-uong"},
                 {"chủ tịch nước", "trung-uong"}},
    local[] = {{"thị xã", "huyen"}, {"thị ủy", "huyen"}, {"thị uỷ", "huyen"}, {"xã", "xa"}, {"phường", "xa"},
               {"thị trấn", "xa"}, {"huyện", "huyen"}, {"quận", "huyen"}, {"tỉnh", "tinh"}},
    head[] = {{"bộ", "trung-uong"}, {"sở", "tinh"}, {"phòng", "huyen"}};
  for (size_t i = 0; i < sizeof central / sizeof *central; i++)
    if (contains_ci(s, n, central[i].w)) return central[i].level;
  for (size_t i = 0; i < sizeof local / sizeof *local; i++)
    if (contains_ci(s, n, local[i].w)) return local[i].level;
  for (size_t i = 0; i < sizeof head / sizeof *head; i++) {
    size_t ln = strlen(head[i].w);
    if (n > ln && fx_ieq(s, 0, ln, head[i].w) && s[ln] == ' ') return head[i].level;
  }
  return NULL;
}

/* ---- driver ---- */

/* One pass over the paragraph: c->caps (mostly upper case: at least 6
 * letters, 70% of them Lu) and the has_/may_ flags of fx_ctx. */
static void para_scan(fx_ctx *c) {
  const unsigned char *t = (const unsigned char *)c->t;
  size_t n = c->n, up = 0, letters = 0;
  bool nd = false, uni_nd = false, ascii = false, y_acute = false, thang = false, nam = false, u_acute = false, d14 = false, law = false,
       e_circ = false;
  int32_t prev = -1;
  for (size_t i = 0; i < n;) {
    unsigned char b = t[i];
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') up++, letters++;
      else if (b >= 'a' && b <= 'z') letters++;
      else if (b >= '0' && b <= '9') {
        nd = ascii = true;
        if (b >= '1' && b <= '4') d14 = true;
      }
      prev = b;
      i++;
      continue;
    }
    int32_t cp;
    int l = fx_dec(t + i, n - i, &cp);
    if (l < 0) {
      prev = -1;
      i++;
      continue;
    }
    utf8proc_category_t cat = fx_cat(cp);
    if (cat == UTF8PROC_CATEGORY_LU) up++, letters++;
    else if (cat >= UTF8PROC_CATEGORY_LL && cat <= UTF8PROC_CATEGORY_LO) letters++;
    else if (cat == UTF8PROC_CATEGORY_ND) nd = uni_nd = true;
    size_t j = i + (size_t)l;
    unsigned char n1 = j < n ? (unsigned char)(t[j] | 0x20) : 0, n2 = j + 1 < n ? (unsigned char)(t[j + 1] | 0x20) : 0;
    switch (cp) {
    case 0xFD: case 0xDD: y_acute = true; break;                 /* ý Ý: "quý" */
    case 0xE1: case 0xC1: if (n1 == 'n' && n2 == 'g') thang = true; break; /* "áng": "tháng" */
    case 0x103: case 0x102: if (n1 == 'm') nam = true; break;     /* "ăm": "năm" */
    case 0x1EE9: case 0x1EE8: u_acute = true; break;             /* ứ Ứ: "mức" */
    case 0x1EC7: case 0x1EC6: e_circ = true; break;              /* ệ Ệ: "huyện" */
    case 0x1EAD: if (prev == 'u' && j < n && t[j] == 't') law = true; break; /* "uật" */
    default: break;
    }
    prev = cp;
    i = j;
  }
  c->caps = letters >= 6 && up * 10 >= letters * 7;
  c->has_nd = nd;
  c->uni_nd = uni_nd;
  c->ascii_digit = ascii;
  /* FX_RE_PERIOD's branches need: "quý"; "tháng" + digits; "tháng" and
   * "năm" (sáu/chín tháng ... năm); or ASCII digits (the year forms) */
  c->may_period = nd || y_acute || (thang && nam);
  c->may_law = law;
  c->may_level = u_acute && d14;
  c->may_district = e_circ;
}

int rs_facts_extract(rs_doc *d) {
  if (!d) return RS_EUSAGE;
  pthread_once(&re_once, re_compile_all);
  if (re_failed) return RS_EFORMAT;
  fx_ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.header_date_fact = -1;
  c.first_range_fact = -1;
  c.carry.para = c.carry_next.para = -1;
  c.md = pcre2_match_data_create(32, NULL);
  if (!c.md) return RS_ENOMEM;
  c.agency_level = fx_agency_level(&c);
  const rs_blocks *b = &d->blocks;
  for (size_t i = 0; i < d->npara && !c.err; i++) {
    rs_para *p = &d->paras[i];
    c.pi = (int)i;
    c.t = p->text;
    c.n = p->len;
    c.ndates = c.nnums = c.nfracs = 0;
    c.carry = c.carry_next;
    c.carry_next.para = -1;
    if (c.n == 0) continue;
    if (c.n + 1 > c.occcap) {
      unsigned char *no = realloc(c.occ, c.n + 1);
      if (!no) {
        c.err = RS_ENOMEM;
        break;
      }
      c.occ = no;
      c.occcap = c.n + 1;
    }
    memset(c.occ, 0, c.n + 1);
    int ip = (int)i;
    bool header = ip == b->national_title || ip == b->motto || ip == b->number || ip == b->agency ||
                  ip == b->agency_parent || ip == b->agency_head || ip == b->sig_authority || ip == b->sig_title || ip == b->sig_name;
    para_scan(&c);
    bool caps = c.caps;
    c.skip_numbers = header || ip == b->place_date;
    c.ncext = 0;
    fx_dates(&c);
    if (!header && ip != b->place_date) fx_citations(&c);
    fx_periods(&c);
    fx_dates_emit(&c);
    if (!c.skip_numbers) {
      fx_terms(&c);
      fx_numbers(&c);
      if (!caps) fx_totals(&c);
    } else if (!header) {
      fx_terms(&c);
    }
  }
  if (!c.err) fx_report(&c);
  free(c.occ);
  free(c.dates);
  free(c.nums);
  free(c.fracs);
  free(c.cext);
  free(c.abbrs);
  pcre2_match_data_free(c.md);
  return c.err;
}
