/* Cited documents ("citation" facts) and laws cited by name ("law"). */
#include "facts.h"
#include "facts_cand.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Type names (Decree 30/2020, Phụ lục III; Party documents per HD 36-HD/VPTW).
 * lname is the lower-case spelling used for lookup. */
typedef struct {
  fx_doctype t;
  const char *lname;
  bool misspelled;
} doctype_entry;

static const doctype_entry doctypes[] = {
    {{"Nghị quyết liên tịch", "NQLT", NULL, "nghi-quyet-lien-tich"}, "nghị quyết liên tịch", false},
    {{"Thông tư liên tịch", "TTLT", NULL, "thong-tu-lien-tich"}, "thông tư liên tịch", false},
    {{"Nghị quyết", "NQ", "NQ", "nghi-quyet"}, "nghị quyết", false},
    {{"Nghị định", "NĐ", NULL, "nghi-dinh"}, "nghị định", false},
    {{"Quyết định", "QĐ", "QĐ", "quyet-dinh"}, "quyết định", false},
    {{"Quyết định", "QĐ", "QĐ", "quyet-dinh"}, "quyết đinh", true},
    {{"Thông tư", "TT", NULL, "thong-tu"}, "thông tư", false},
    {{"Chỉ thị", "CT", "CT", "chi-thi"}, "chỉ thị", false},
    {{"Quy chế", "QC", "QC", "quy-che"}, "quy chế", false},
    {{"Quy định", "QyĐ", "QĐ", "quy-dinh"}, "quy định", false},
    {{"Thông cáo", "TC", "TC", "thong-cao"}, "thông cáo", false},
    {{"Thông báo", "TB", "TB", "thong-bao"}, "thông báo", false},
    {{"Hướng dẫn", "HD", "HD", "huong-dan"}, "hướng dẫn", false},
    {{"Chương trình", "CTr", "CTr", "chuong-trinh"}, "chương trình", false},
    {{"Kế hoạch", "KH", "KH", "ke-hoach"}, "kế hoạch", false},
    {{"Phương án", "PA", "PA", "phuong-an"}, "phương án", false},
    {{"Đề án", "ĐA", "ĐA", "de-an"}, "đề án", false},
    {{"Dự án", "DA", "DA", "du-an"}, "dự án", false},
    {{"Báo cáo", "BC", "BC", "bao-cao"}, "báo cáo", false},
    {{"Biên bản", "BB", "BB", "bien-ban"}, "biên bản", false},
    {{"Tờ trình", "TTr", "TTr", "to-trinh"}, "tờ trình", false},
    {{"Hợp đồng", "HĐ", NULL, "hop-dong"}, "hợp đồng", false},
    {{"Công điện", "CĐ", NULL, "cong-dien"}, "công điện", false},
    {{"Công văn", NULL, "CV", "cong-van"}, "công văn", false},
    {{"Văn bản hợp nhất", "VBHN", NULL, "van-ban-hop-nhat"}, "văn bản hợp nhất", false},
    {{"Văn bản", NULL, NULL, "van-ban"}, "văn bản", false},
    {{"Kết luận", "KL", "KL", "ket-luan"}, "kết luận", false},
    {{"Pháp lệnh", NULL, NULL, "phap-lenh"}, "pháp lệnh", false},
    {{"Luật", NULL, NULL, "luat"}, "luật", false},
    {{"Giấy mời", "GM", "GM", "giay-moi"}, "giấy mời", false},
    {{"Quy trình", NULL, NULL, "quy-trinh"}, "quy trình", false},
};

/* Codes that may open a symbol, and the type they stand for. */
static const struct {
  const char *code, *type;
} codes[] = {
    {"NQLT", "Nghị quyết liên tịch"}, {"TTLT", "Thông tư liên tịch"}, {"VBHN", "Văn bản hợp nhất"},
    {"NQ", "Nghị quyết"}, {"NĐ", "Nghị định"}, {"QĐ", "Quyết định"}, {"TT", "Thông tư"}, {"CT", "Chỉ thị"},
    {"QC", "Quy chế"}, {"QyĐ", "Quy định"}, {"TC", "Thông cáo"}, {"TB", "Thông báo"}, {"HD", "Hướng dẫn"},
    {"CTr", "Chương trình"}, {"KH", "Kế hoạch"}, {"PA", "Phương án"}, {"ĐA", "Đề án"}, {"DA", "Dự án"},
    {"BC", "Báo cáo"}, {"BB", "Biên bản"}, {"TTr", "Tờ trình"}, {"HĐ", "Hợp đồng"}, {"CĐ", "Công điện"},
    {"BGN", "Bản ghi nhớ"}, {"BTT", "Bản thỏa thuận"}, {"GUQ", "Giấy ủy quyền"}, {"GM", "Giấy mời"},
    {"GGT", "Giấy giới thiệu"}, {"GNP", "Giấy nghỉ phép"}, {"PG", "Phiếu gửi"}, {"PC", "Phiếu chuyển"},
    {"PB", "Phiếu báo"}, {"KL", "Kết luận"}, {"CV", "Công văn"},
};

/* Lower-case copy with whitespace runs collapsed to one space. */
static size_t lower_norm(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  bool sp = false;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = fx_dec((const unsigned char *)s + i, n - i, &cp);
    if (l < 0) return 0;
    i += (size_t)l;
    if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\n') {
      sp = true;
      continue;
    }
    if (sp && o > 0) {
      if (o + 1 >= cap) return 0;
      out[o++] = ' ';
    }
    sp = false;
    char buf[4];
    int el = rs_utf8_encode(fx_lower(cp), buf);
    if (o + (size_t)el >= cap) return 0;
    memcpy(out + o, buf, (size_t)el);
    o += (size_t)el;
  }
  out[o] = 0;
  return o;
}

static const doctype_entry *doctype_lookup(const char *t, size_t n) {
  char buf[96];
  if (!lower_norm(t, n, buf, sizeof buf)) return NULL;
  for (size_t i = 0; i < sizeof doctypes / sizeof *doctypes; i++)
    if (!strcmp(buf, doctypes[i].lname)) return &doctypes[i];
  return NULL;
}

const fx_doctype *fx_doctype_find(const char *t, size_t n) {
  const doctype_entry *e = doctype_lookup(t, n);
  return e ? &e->t : NULL;
}

/* lower_norm of every code, made once ("" when it fails) */
#define NCODES (sizeof codes / sizeof *codes)
static char codes_low[NCODES][32];
static pthread_once_t codes_once = PTHREAD_ONCE_INIT;
static void codes_lower(void) {
  for (size_t i = 0; i < NCODES; i++)
    if (!lower_norm(codes[i].code, strlen(codes[i].code), codes_low[i], sizeof codes_low[i])) codes_low[i][0] = 0;
}

static const char *code_type(const char *s, size_t n, bool *exact) {
  char a[32];
  if (n >= sizeof a || !lower_norm(s, n, a, sizeof a)) return NULL;
  pthread_once(&codes_once, codes_lower);
  for (size_t i = 0; i < NCODES; i++) {
    size_t cl = strlen(codes[i].code);
    if (!codes_low[i][0]) continue;
    if (!strcmp(a, codes_low[i])) {
      *exact = cl == n && !memcmp(s, codes[i].code, n);
      return codes[i].type;
    }
  }
  return NULL;
}

static const char *level_from_code(const char *s, size_t n) {
  static const char *const central[] = {"CP", "TTg", "QH", "UBTVQH", "TW", "BTP", "BNV", "BTC", "BTTTT", "BKHĐT",
                                        "BGDĐT", "BYT", "BCA", "BQP", "BLĐTBXH", "BTNMT", "BNNPTNT", "BXD",
                                        "BGTVT", "BCT", "BVHTTDL", "NHNN", "VPCP", "BTGTW", "BTCTW", "VPTW",
                                        "BKHCN", "BNG", "BDTTG", "TTCP", "KTNN", NULL};
  if (n >= 2 && !memcmp(s, "QH", 2)) return "trung-uong";
  if (n >= 6 && !memcmp(s, "UBTVQH", 6)) return "trung-uong";
  for (int i = 0; central[i]; i++)
    if (strlen(central[i]) == n && !memcmp(central[i], s, n)) return "trung-uong";
  if (n == 2 && !memcmp(s, "TU", 2)) return "tinh";
  if ((n == 2 && !memcmp(s, "HU", 2)) || (n == 2 && !memcmp(s, "QU", 2)) || (n == 3 && !memcmp(s, "TXU", 3)))
    return "huyen";
  return NULL;
}

typedef struct cite {
  uint32_t s, head_e, ext;
  uint32_t ts, te;
  const doctype_entry *dt;
  const char *type_from; /* type name from the symbol code or a list */
  const char *type_source;
  bool lien_tich, has_so, so_colon, informal;
  uint32_t ns, ne;
  bool has_symbol, party;
  uint32_t ys, ye, ss, se, re;
  uint32_t cs, ce;      /* symbol code (first group, or party code) */
  uint32_t is0, is1;    /* issuer groups: from is0 to is1 */
  int date;             /* local date index */
  const char *date_source;
  uint32_t bs, be;      /* issuing body text */
  bool issuer_shared;
  uint32_t subs, sube;
  const char *subj_marker;
  const char *relation;
  bool implements, issued, in_list;
  uint32_t as, ae;      /* actor of ban hành */
} cite;

static size_t skip_comma(const fx_ctx *c, size_t k) {
  k = fx_skip_spaces(c->t, c->n, k);
  if (k < c->n && c->t[k] == ',') k = fx_skip_spaces(c->t, c->n, k + 1);
  return k;
}

static int date_at(const fx_ctx *c, size_t k) {
  for (size_t i = 0; i < c->ndates; i++)
    if ((c->dates[i].kw_s == k || c->dates[i].s == k) && !c->dates[i].citation) return (int)i;
  return -1;
}

/* Parse the symbol after the number ending at ne. */
static void parse_symbol(fx_ctx *c, cite *ct) {
  PCRE2_SIZE *ov;
  ct->re = ct->ne;
  int rc = fx_match_at(c, FX_RE_SYMTAIL, ct->ne, &ov);
  if (rc <= 0) return;
  ct->has_symbol = true;
  ct->re = (uint32_t)ov[1];
  if (ov[8] != PCRE2_UNSET) { /* state form */
    if (ov[4] != PCRE2_UNSET) {
      ct->ys = (uint32_t)ov[4];
      ct->ye = (uint32_t)ov[5];
    }
    ct->ss = (uint32_t)ov[8];
    ct->se = (uint32_t)ov[9];
    /* first group */
    uint32_t g = ct->ss;
    while (g < ct->se && c->t[g] != '-' && c->t[g] != ' ' && (unsigned char)c->t[g] != 0xC2) g++;
    bool exact;
    if (code_type(c->t + ct->ss, g - ct->ss, &exact) && g < ct->se) {
      ct->cs = ct->ss;
      ct->ce = g;
      size_t k = g;
      while (k < ct->se && (c->t[k] == '-' || c->t[k] == ' ' || c->t[k] == '\t')) k++;
      ct->is0 = (uint32_t)k;
    } else {
      ct->cs = ct->ce = ct->ss;
      ct->is0 = ct->ss;
    }
    ct->is1 = ct->se;
  } else {
    ct->party = true;
    ct->ss = (uint32_t)ov[12];
    ct->se = (uint32_t)ov[17];
    ct->cs = (uint32_t)ov[12];
    ct->ce = (uint32_t)ov[13];
    ct->is0 = (uint32_t)ov[16];
    ct->is1 = (uint32_t)ov[17];
  }
}

static const char *type_case(const fx_ctx *c, uint32_t s, uint32_t e) {
  int up = 0, low = 0, first_up = -1;
  for (uint32_t i = s; i < e;) {
    int32_t cp;
    int l = fx_dec((const unsigned char *)c->t + i, e - i, &cp);
    if (l < 0) break;
    utf8proc_category_t cat = fx_cat(cp);
    if (cat == UTF8PROC_CATEGORY_LU) up++;
    else if (cat == UTF8PROC_CATEGORY_LL) low++;
    if (first_up < 0) first_up = cat == UTF8PROC_CATEGORY_LU;
    i += (uint32_t)l;
  }
  if (!up) return "lower";
  if (!low) return "upper";
  return (first_up == 1 && up == 1) ? "title" : "mixed";
}

/* Find word lit (case-insensitive) in [s, e); returns its start or UINT32_MAX. Last match when last. */
static uint32_t find_word(const fx_ctx *c, uint32_t s, uint32_t e, const char *lit, bool last) {
  size_t ln = strlen(lit);
  uint32_t found = UINT32_MAX;
  unsigned char b = (unsigned char)lit[0];
  for (uint32_t i = s; i + ln <= e; i++) {
    if (((unsigned char)c->t[i] & 0xC0) == 0x80) continue;
    /* fx_starts_with's first-byte test, without the call */
    unsigned char a = (unsigned char)c->t[i];
    if (b < 0x80 ? ((a | 0x20) != (b | 0x20)) : a != b) continue;
    if (fx_starts_with(c, i, lit) && fx_ends_with(c, i + (uint32_t)ln, lit) == i) {
      found = i;
      if (!last) return i;
    }
  }
  return found;
}

static const char *const adverbs[] = {"tốt", "nghiêm túc", "nghiêm", "có hiệu quả", "hiệu quả", "đầy đủ",
                                      "các", "theo đúng", "đúng", "kịp thời", "nội dung", NULL};
static const struct {
  const char *w;
  bool impl;
} relations[] = {
    {"triển khai thực hiện", true}, {"tổ chức thực hiện", true}, {"thực hiện", true}, {"triển khai", true},
    {"căn cứ vào", true}, {"căn cứ", true}, {"quy định tại", false}, {"theo", true}, {"tại", false},
    {"áp dụng", false}, {"hướng dẫn tại", false},
};

static void find_relation(fx_ctx *c, cite *ct, uint32_t lead_s) {
  uint32_t e = ct->s;
  for (int guard = 0; guard < 6; guard++) {
    e = (uint32_t)fx_back_spaces(c->t, e);
    while (e > lead_s && (c->t[e - 1] == ',' || c->t[e - 1] == ':')) e = (uint32_t)fx_back_spaces(c->t, e - 1);
    bool stripped = false;
    for (int i = 0; adverbs[i]; i++) {
      uint32_t s = fx_ends_with(c, e, adverbs[i]);
      if (s != UINT32_MAX && s >= lead_s) {
        e = s;
        stripped = true;
        break;
      }
    }
    if (!stripped) break;
  }
  for (size_t i = 0; i < sizeof relations / sizeof *relations; i++) {
    uint32_t s = fx_ends_with(c, e, relations[i].w);
    if (s != UINT32_MAX && s >= lead_s) {
      ct->relation = relations[i].w;
      ct->implements = relations[i].impl;
      return;
    }
  }
}

static void find_issued(fx_ctx *c, cite *ct, uint32_t lead_s) {
  /* the clause: after the last ';' and the sentence start */
  uint32_t cl = fx_sentence_start(c, ct->s);
  if (cl < lead_s) cl = lead_s;
  for (uint32_t i = ct->s; i > cl; i--)
    if (c->t[i - 1] == ';') {
      cl = i;
      break;
    }
  uint32_t verb = find_word(c, cl, ct->s, "ban hành", true);
  uint32_t e = (uint32_t)fx_back_spaces(c->t, ct->s);
  if (verb == UINT32_MAX) {
    static const char *const v2[] = {"ra", "ký", "phê duyệt", "xây dựng", NULL};
    for (int i = 0; v2[i]; i++) {
      uint32_t s = fx_ends_with(c, e, v2[i]);
      if (s != UINT32_MAX && s >= cl) {
        verb = s;
        break;
      }
    }
  }
  if (verb == UINT32_MAX) return;
  /* the actor: the last body named before the verb */
  PCRE2_SIZE *ov;
  size_t off = cl;
  ct->as = ct->ae = 0;
  while (off < verb && fx_match(c, FX_RE_ACTOR, off, 0, &ov) > 0 && ov[0] < verb) {
    ct->as = (uint32_t)ov[0];
    ct->ae = (uint32_t)ov[1] > verb ? verb : (uint32_t)ov[1];
    off = ov[1];
  }
  const char *lvl = ct->ae > ct->as ? fx_level_from_text(c->t + ct->as, ct->ae - ct->as) : NULL;
  ct->issued = !lvl || !strcmp(lvl, c->agency_level);
  /* a date before the verb dates the citation ("Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 13") */
  if (ct->date < 0) {
    for (size_t i = 0; i < c->ndates; i++) {
      fx_date *dt = &c->dates[i];
      if (dt->s >= cl && dt->e <= verb && dt->has_ngay && !dt->citation && !strcmp(dt->role, "other")) {
        ct->date = (int)i;
        ct->date_source = "preceding";
      }
    }
  }
}

static bool lead_is_list(const fx_ctx *c, uint32_t s, uint32_t e) {
  s = (uint32_t)fx_skip_spaces(c->t, c->n, s);
  e = (uint32_t)fx_back_spaces(c->t, e);
  if (s >= e) return true;
  if (e - s == 1 && (c->t[s] == ',' || c->t[s] == ';')) return true;
  static const char *const seps[] = {"và", ", và", "; và", "hoặc", ", hoặc", ",", ";", NULL};
  for (int i = 0; seps[i]; i++)
    if (fx_ieq(c->t, s, e, seps[i])) return true;
  return false;
}

static bool lead_is_and(const fx_ctx *c, uint32_t s, uint32_t e) {
  s = (uint32_t)fx_skip_spaces(c->t, c->n, s);
  e = (uint32_t)fx_back_spaces(c->t, e);
  return (e - s == 1 && c->t[s] == ',') || fx_ieq(c->t, s, e, "và") || fx_ieq(c->t, s, e, ", và");
}

static void subject_of(fx_ctx *c, cite *ct, uint32_t limit) {
  size_t k = skip_comma(c, ct->head_e);
  uint32_t m;
  if ((m = fx_starts_with(c, (uint32_t)k, "về việc"))) ct->subj_marker = "về việc";
  else if ((m = fx_starts_with(c, (uint32_t)k, "v/v"))) ct->subj_marker = "v/v";
  else if ((m = fx_starts_with(c, (uint32_t)k, "về"))) ct->subj_marker = "về";
  else {
    /* an unmarked subject: a lower-case word right after the head
     * ("... của UBND xã phát triển chính quyền điện tử ...") */
    static const char *const stop[] = {"và", "hoặc", "của", "ngày", "đã", "được", "theo", "tại", "trên", "nhằm",
                                       "để", "cho", "với", "trong", "thì", "là", "đến", "do", "cùng", "nhưng",
                                       "này", "đó", "số", "có", "đều", "cũng", "như", "sau", "trước", "năm", NULL};
    size_t q = fx_skip_spaces(c->t, c->n, ct->head_e);
    int32_t cp;
    if (q == ct->head_e || q >= c->n || fx_dec((const unsigned char *)c->t + q, c->n - q, &cp) < 0 ||
        fx_cat(cp) != UTF8PROC_CATEGORY_LL)
      return;
    for (int i = 0; stop[i]; i++)
      if (fx_starts_with(c, (uint32_t)q, stop[i])) return;
    m = (uint32_t)q;
  }
  size_t s = fx_skip_spaces(c->t, c->n, m);
  if (s < c->n && c->t[s] == ':') s = fx_skip_spaces(c->t, c->n, s + 1);
  uint32_t end = fx_sentence_end(c, (uint32_t)s);
  bool at_next = false;
  if (limit < end) {
    end = limit;
    at_next = true;
  }
  for (size_t i = s; i < end; i++) {
    if (c->t[i] == ';') {
      end = (uint32_t)i;
      at_next = false;
      break;
    }
    /* ", ngày 14/01/2022, UBND xã ..." starts a new clause */
    if (c->t[i] == ',') {
      size_t j = fx_skip_spaces(c->t, c->n, i + 1);
      uint32_t q = fx_starts_with(c, (uint32_t)j, "ngày");
      if (q && date_at(c, j) >= 0) {
        end = (uint32_t)i;
        at_next = false;
        break;
      }
    }
  }
  /* trim trailing separators and connectives */
  for (;;) {
    uint32_t e2 = (uint32_t)fx_back_spaces(c->t, end);
    if (e2 > s && (c->t[e2 - 1] == ',' || c->t[e2 - 1] == ':')) {
      end = e2 - 1;
      continue;
    }
    uint32_t v = fx_ends_with(c, e2, "và");
    if (v == UINT32_MAX) v = fx_ends_with(c, e2, "hoặc");
    if (v != UINT32_MAX && v > s && at_next) {
      end = v;
      continue;
    }
    end = e2;
    break;
  }
  if (end > s) {
    ct->subs = (uint32_t)s;
    ct->sube = end;
  }
}

static void emit_citation(fx_ctx *c, cite *ct) {
  int f = fx_add(c, "citation", ct->s, ct->head_e);
  if (f < 0) return;
  const char *tname = ct->dt ? ct->dt->t.name : ct->type_from;
  if (tname) fx_str(c, f, "type", tname);
  fx_str(c, f, "type_source", ct->type_source);
  if (ct->dt) {
    fx_strn(c, f, "type_text", c->t + ct->ts, ct->te - ct->ts);
    fx_str(c, f, "type_case", type_case(c, ct->ts, ct->te));
    fx_bool(c, f, "type_misspelled", ct->dt->misspelled);
  }
  const fx_doctype *dt = ct->dt ? &ct->dt->t : NULL;
  if (!dt && tname) {
    const doctype_entry *e = doctype_lookup(tname, strlen(tname));
    dt = e ? &e->t : NULL;
  }
  if (dt) {
    const char *code = ct->party ? dt->party_code : dt->code;
    if (code) fx_str(c, f, "type_code", code);
    fx_str(c, f, "type_slug", dt->slug);
  }
  fx_strn(c, f, "number", c->t + ct->ns, ct->ne - ct->ns);
  long long nv = 0;
  uint32_t k = ct->ns;
  while (k < ct->ne && c->t[k] >= '0' && c->t[k] <= '9') nv = nv * 10 + (c->t[k++] - '0');
  fx_int(c, f, "number_value", nv);
  if (k < ct->ne) fx_strn(c, f, "number_suffix", c->t + k, ct->ne - k);
  fx_span(c, f, "number_s", "number_e", ct->ns, ct->ne);
  fx_bool(c, f, "has_so", ct->has_so);
  fx_bool(c, f, "so_colon", ct->so_colon);
  fx_bool(c, f, "informal", ct->informal);
  fx_bool(c, f, "has_symbol", ct->has_symbol);
  fx_bool(c, f, "party", ct->party);
  fx_strn(c, f, "ref", c->t + ct->ns, ct->re - ct->ns);
  {
    char buf[128];
    size_t o = 0;
    for (uint32_t i = ct->ns; i < ct->re && o + 1 < sizeof buf; i++) {
      if (c->t[i] == ' ' || c->t[i] == '\t' || c->t[i] == '\n') continue;
      if ((unsigned char)c->t[i] == 0xC2 && i + 1 < ct->re && (unsigned char)c->t[i + 1] == 0xA0) {
        i++;
        continue;
      }
      buf[o++] = c->t[i];
    }
    buf[o] = 0;
    fx_str(c, f, "ref_norm", buf);
  }
  fx_span(c, f, "ref_s", "ref_e", ct->ns, ct->re);
  if (ct->has_symbol) {
    fx_strn(c, f, "symbol", c->t + ct->ss, ct->se - ct->ss);
    fx_span(c, f, "symbol_s", "symbol_e", ct->ss, ct->se);
    if (ct->ye > ct->ys) fx_int(c, f, "year", atoi(c->t + ct->ys));
    if (ct->ce > ct->cs) {
      fx_strn(c, f, "symbol_code", c->t + ct->cs, ct->ce - ct->cs);
      bool exact = false;
      const char *ty = code_type(c->t + ct->cs, ct->ce - ct->cs, &exact);
      if (ty) fx_str(c, f, "symbol_code_type", ty);
      fx_bool(c, f, "symbol_code_exact", exact);
    }
    if (ct->is1 > ct->is0) {
      fx_strn(c, f, "issuers", c->t + ct->is0, ct->is1 - ct->is0);
      uint32_t g = ct->is0;
      while (g < ct->is1 && c->t[g] != '-' && c->t[g] != ' ' && c->t[g] != '\t') g++;
      fx_strn(c, f, "issuer_code", c->t + ct->is0, g - ct->is0);
    }
    /* whitespace inside the number and symbol */
    uint32_t ws = 0, we = 0;
    int count = 0;
    for (uint32_t i = ct->ns; i < ct->re;) {
      size_t l;
      if (fx_is_space(c->t, c->n, i, &l)) {
        uint32_t r0 = i;
        while (i < ct->re && fx_is_space(c->t, c->n, i, &l)) i += (uint32_t)l;
        if (count++ == 0) {
          ws = r0;
          we = i;
        }
      } else {
        i++;
      }
    }
    fx_bool(c, f, "symbol_spacing", count > 0);
    if (count > 0) {
      /* widen to the separator next to the space */
      uint32_t bs = ws, be = we;
      if (bs > ct->ns && (c->t[bs - 1] == '-' || c->t[bs - 1] == '/')) bs--;
      else if (be < ct->re && (c->t[be] == '-' || c->t[be] == '/')) be++;
      fx_span(c, f, "spacing_s", "spacing_e", bs, be);
      fx_int(c, f, "spacing_count", count);
      const rs_para *p = &c->d->paras[c->pi];
      uint32_t l1, c1, l2, c2;
      rs_para_pos(p, ws > 0 ? ws - 1 : 0, &l1, &c1);
      rs_para_pos(p, we, &l2, &c2);
      fx_bool(c, f, "spacing_at_break", l1 != l2);
    }
  } else {
    fx_bool(c, f, "symbol_spacing", false);
  }
  /* date */
  if (ct->date >= 0) {
    fx_date *dt2 = &c->dates[ct->date];
    fx_ref(c, f, "date", dt2->fact);
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", dt2->year % 10000, dt2->month % 100, dt2->day % 100);
    fx_str(c, f, "date_iso", buf);
    fx_str(c, f, "date_source", ct->date_source);
  }
  /* issuing body */
  const char *lvl = NULL, *lsrc = NULL;
  if (ct->be > ct->bs) {
    fx_strn(c, f, "issuer_text", c->t + ct->bs, ct->be - ct->bs);
    fx_span(c, f, "issuer_s", "issuer_e", ct->bs, ct->be);
    fx_bool(c, f, "issuer_shared", ct->issuer_shared);
    lvl = fx_level_from_text(c->t + ct->bs, ct->be - ct->bs);
    if (lvl) lsrc = "text";
  }
  if (!lvl && ct->has_symbol && ct->is1 > ct->is0) {
    /* any issuer group that names a level */
    uint32_t g = ct->is0;
    while (g < ct->is1 && !lvl) {
      uint32_t h = g;
      while (h < ct->is1 && c->t[h] != '-' && c->t[h] != ' ') h++;
      lvl = level_from_code(c->t + g, h - g);
      g = h;
      while (g < ct->is1 && (c->t[g] == '-' || c->t[g] == ' ')) g++;
    }
    if (lvl) lsrc = "code";
  }
  if (!lvl && ct->ae > ct->as) {
    lvl = fx_level_from_text(c->t + ct->as, ct->ae - ct->as);
    if (lvl) lsrc = "actor";
  }
  if (!lvl && ct->issued) {
    lvl = c->agency_level;
    lsrc = "actor";
  }
  if (lvl) {
    fx_str(c, f, "issuer_level", lvl);
    fx_str(c, f, "issuer_level_source", lsrc);
  }
  if (ct->sube > ct->subs) {
    fx_strn(c, f, "subject", c->t + ct->subs, ct->sube - ct->subs);
    fx_span(c, f, "subject_s", "subject_e", ct->subs, ct->sube);
    if (ct->subj_marker) fx_str(c, f, "subject_marker", ct->subj_marker);
  }
  if (ct->relation) fx_str(c, f, "relation", ct->relation);
  fx_bool(c, f, "implements", ct->implements);
  fx_bool(c, f, "issued", ct->issued);
  if (ct->ae > ct->as) fx_strn(c, f, "issued_by", c->t + ct->as, ct->ae - ct->as);
  fx_bool(c, f, "in_list", ct->in_list);
}

/* Can a type word of FX_RE_CITE start at q, whose byte is an ASCII letter?
 * Its first two letters must be those of a type word in some case (each of
 * these letters has exactly one other case): ng(hị) qu(yết, y) th(ông)
 * tờ ch(ỉ, ương) cô(ng) hư(ớng) hợ(p) kế(, t) ph(ương, áp) dự bá(o) bi(ên)
 * vă(n) lu(ật) gi(ấy). */
static bool cite_head_ok(const unsigned char *t, size_t n, size_t q) {
  if (q + 1 >= n) return false;
  int32_t s;
  if (fx_dec(t + q + 1, n - q - 1, &s) < 0) return true; /* let the pattern decide */
  if (s < 0x80) s |= 0x20;                                /* only G g give g, and so on */
  switch (t[q] | 0x20) {
  case 'n': return s == 'g';
  case 'q': case 'l': return s == 'u';
  case 't': return s == 'h' || s == 0x1EDD || s == 0x1EDC;
  case 'c': return s == 'h' || s == 0xF4 || s == 0xD4;
  case 'h': return s == 0x1B0 || s == 0x1AF || s == 0x1EE3 || s == 0x1EE2;
  case 'k': return s == 0x1EBF || s == 0x1EBE;
  case 'p': return s == 'h';
  case 'd': return s == 0x1EF1 || s == 0x1EF0;
  case 'b': return s == 'i' || s == 0xE1 || s == 0xC1;
  case 'v': return s == 0x103 || s == 0x102;
  case 'g': return s == 'i';
  default: return false;
  }
}

/* fx_match(c, FX_RE_CITE, off, 0, ov), tried only where a match can start.
 * A match is a type word, maybe "liên tịch", maybe "số" and ':', then the
 * number: [s, d) (d: the number's first digit) holds only letters,
 * horizontal space and ':', in at most 8 runs of characters between ASCII
 * spaces and tabs (4 words of the type, 2 of "liên tịch", "số", ':'). So s
 * lies before the first ASCII digit d at or after it, after the last ASCII
 * character other than a letter, space, tab or ':' before d, and within the
 * last 8 such runs before d (10 are allowed here). The pattern runs
 * anchored, in order, at each code point there that may start it: not after
 * an ASCII letter or digit (its look-behind (?<![\p{L}\d]) fails there),
 * and an ASCII letter that starts a type word (cite_head_ok) or a non-ASCII
 * character. Paragraphs with a digit outside
 * ASCII use the unanchored search. */
static int cite_match(fx_ctx *c, size_t off, PCRE2_SIZE **ov) {
  const unsigned char *t = (const unsigned char *)c->t;
  if (c->uni_nd) { /* every code point, as the unanchored search does */
    for (size_t q = off; q < c->n; q++) {
      if ((t[q] & 0xC0) == 0x80) continue;
      int rc = fx_match_at(c, FX_RE_CITE, q, ov);
      if (rc != PCRE2_ERROR_NOMATCH) return rc;
    }
    return PCRE2_ERROR_NOMATCH;
  }
  size_t n = c->n, lo = off;
  for (;;) {
    size_t d = fx_next_digit(t, lo, n);
    if (d >= n) return PCRE2_ERROR_NOMATCH;
    size_t r = d;
    int runs = 0;
    bool in_run = false;
    while (r > lo) {
      unsigned char b = t[r - 1];
      bool sp = b == ' ' || b == '\t';
      if (b < 0x80 && !sp && b != ':' && !((b | 0x20) >= 'a' && (b | 0x20) <= 'z')) break;
      if (!sp && !in_run && ++runs > 10) break;
      in_run = !sp;
      r--;
    }
    for (size_t q = r; q < d; q++) {
      unsigned char b = t[q];
      if (b < 0x80) {
        if (!((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || !cite_head_ok(t, n, q)) continue;
      } else if ((b & 0xC0) == 0x80) {
        continue;
      }
      if (q > 0) {
        unsigned char p = t[q - 1];
        if (p < 0x80 && (((p | 0x20) >= 'a' && (p | 0x20) <= 'z') || (p >= '0' && p <= '9'))) continue;
      }
      int rc = fx_match_at(c, FX_RE_CITE, q, ov);
      if (rc != PCRE2_ERROR_NOMATCH) return rc;
    }
    lo = d + 1;
  }
}

static void laws(fx_ctx *c) {
  PCRE2_SIZE *ov;
  size_t off = 0;
  while (off < c->n && !c->err) {
    int rc = fx_match(c, FX_RE_LAW, off, 0, &ov);
    if (rc <= 0) break;
    off = ov[1];
    if (fx_occupied(c, (uint32_t)ov[0], (uint32_t)ov[1])) continue;
    bool has_year = rc > 3 && ov[6] != PCRE2_UNSET;
    uint32_t e = has_year ? (uint32_t)ov[7] : (uint32_t)ov[5];
    int f = fx_add(c, "law", (uint32_t)ov[0], e);
    if (f < 0) return;
    fx_strn(c, f, "name", c->t + ov[0], ov[5] - ov[0]);
    fx_strn(c, f, "title", c->t + ov[4], ov[5] - ov[4]);
    fx_bool(c, f, "code", c->t[ov[0]] == 'B'); /* Bộ luật */
    if (has_year) fx_int(c, f, "year", atoi(c->t + ov[6]));
    fx_occupy(c, (uint32_t)ov[0], e);
  }
}

void fx_citations(fx_ctx *c) {
  cite *v = NULL;
  size_t nv = 0, cap = 0;
  PCRE2_SIZE *ov;
  c->ncext = 0;
  /* 1. type word + number */
  size_t off = 0;
  /* both patterns need a digit (the number) */
  for (int pass = 0; pass < 2 && !c->err && c->has_nd; pass++) {
    off = 0;
    while (off < c->n) {
      /* a symbol starts at a digit after none of [\p{L}\d/.,-] */
      int rc = pass == 0 ? cite_match(c, off, &ov)
                         : fx_match_cands(c, FX_RE_SYMBOL, off, FX_CAND_DIGIT | FX_CAND_SYMTAIL,
                                          "0123456789/.,-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", NULL, &ov);
      if (rc <= 0) break;
      cite ct;
      memset(&ct, 0, sizeof ct);
      ct.date = -1;
      if (pass == 0) {
        ct.s = ct.ts = (uint32_t)ov[0];
        ct.te = (uint32_t)ov[3];
        ct.dt = doctype_lookup(c->t + ov[2], ov[3] - ov[2]);
        ct.lien_tich = ov[4] != PCRE2_UNSET;
        if (ct.lien_tich) {
          ct.te = (uint32_t)ov[5];
          ct.dt = doctype_lookup(c->t + ov[2], ov[5] - ov[2]);
        }
        ct.has_so = ov[6] != PCRE2_UNSET;
        ct.so_colon = ov[8] != PCRE2_UNSET;
        ct.ns = (uint32_t)ov[10];
        ct.ne = (uint32_t)ov[11];
        ct.type_source = "word";
      } else {
        ct.s = ct.ns = (uint32_t)ov[2];
        ct.ne = (uint32_t)ov[3];
        ct.type_source = "symbol";
      }
      off = ov[1];
      if (fx_occupied(c, ct.ns, ct.ne)) continue;
      parse_symbol(c, &ct);
      if (pass == 1 && !ct.has_symbol) continue;
      if (!ct.dt && pass == 0) continue;
      /* trailing parts: date, issuer, in any order */
      uint32_t pos = ct.re;
      for (int it = 0; it < 3; it++) {
        size_t k = skip_comma(c, pos);
        uint32_t q;
        if ((q = fx_starts_with(c, (uint32_t)k, "được ban hành")) || (q = fx_starts_with(c, (uint32_t)k, "ban hành")) ||
            (q = fx_starts_with(c, (uint32_t)k, "ký")))
          k = fx_skip_spaces(c->t, c->n, q);
        int di = ct.date < 0 ? date_at(c, k) : -1;
        if (di >= 0) {
          ct.date = di;
          ct.date_source = "inline";
          pos = c->dates[di].e;
          continue;
        }
        k = skip_comma(c, pos);
        if (ct.be == 0 && (q = fx_starts_with(c, (uint32_t)k, "của"))) {
          size_t b = fx_skip_spaces(c->t, c->n, q);
          if (fx_match_at(c, FX_RE_ISSUER, b, &ov) > 0 && ov[1] > b) {
            ct.bs = (uint32_t)b;
            ct.be = (uint32_t)ov[1];
            pos = ct.be;
            continue;
          }
        }
        break;
      }
      if (!ct.has_so && !ct.has_symbol && ct.date < 0 && ct.be == 0) continue;
      ct.informal = !ct.has_so;
      ct.head_e = pos;
      if (ct.date >= 0) c->dates[ct.date].citation = 1;
      fx_occupy(c, ct.ns, ct.re);
      if (pass == 0) fx_occupy(c, ct.ts, ct.te);
      if (nv == cap) {
        cap = cap ? cap * 2 : 8;
        cite *nvv = realloc(v, cap * sizeof *nvv);
        if (!nvv) {
          c->err = RS_ENOMEM;
          free(v);
          return;
        }
        v = nvv;
      }
      v[nv++] = ct;
    }
  }
  /* order by position */
  for (size_t i = 1; i < nv; i++)
    for (size_t j = i; j > 0 && v[j - 1].s > v[j].s; j--) {
      cite t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  /* 2. subjects (need the next citation), relations, lists */
  for (size_t i = 0; i < nv; i++) {
    cite *ct = &v[i];
    uint32_t limit = i + 1 < nv ? v[i + 1].s : (uint32_t)c->n;
    subject_of(c, ct, limit);
    ct->ext = ct->sube > ct->subs ? ct->sube : ct->head_e;
  }
  for (size_t i = 0; i < nv; i++) {
    cite *ct = &v[i];
    uint32_t lead_s = i > 0 ? v[i - 1].ext : 0;
    if (i > 0 && lead_is_list(c, lead_s, ct->s)) {
      cite *pv = &v[i - 1];
      ct->in_list = true;
      ct->relation = pv->relation;
      ct->implements = pv->implements;
      ct->issued = pv->issued;
      ct->as = pv->as;
      ct->ae = pv->ae;
      if (!ct->dt && !ct->type_from && pv->dt) {
        ct->type_from = pv->dt->t.name;
        ct->type_source = "list";
      }
    } else {
      find_relation(c, ct, lead_s);
      find_issued(c, ct, lead_s);
    }
    if (!ct->dt && !ct->type_from && ct->ce > ct->cs) {
      bool exact;
      ct->type_from = code_type(c->t + ct->cs, ct->ce - ct->cs, &exact);
    }
    if (ct->date >= 0) {
      c->dates[ct->date].citation = 1;
      c->dates[ct->date].role = "issued";
      if (!ct->date_source) ct->date_source = "inline";
    }
  }
  /* a bare first item shares the issuer of the next one ("Nghị định số 59/2012/NĐ-CP và
   * Nghị định số 32/2020/NĐ-CP của Chính phủ") */
  for (size_t i = nv; i-- > 1;) {
    cite *a = &v[i - 1], *b = &v[i];
    if (a->be == 0 && a->date < 0 && a->sube == 0 && b->be > b->bs && lead_is_and(c, a->ext, b->s)) {
      a->bs = b->bs;
      a->be = b->be;
      a->issuer_shared = true;
    }
  }
  fx_dates_emit(c);
  for (size_t i = 0; i < nv && !c->err; i++) {
    emit_citation(c, &v[i]);
    if (c->ncext == c->capcext) {
      size_t nc = c->capcext ? c->capcext * 2 : 8;
      void *np = realloc(c->cext, nc * sizeof *c->cext);
      if (!np) {
        c->err = RS_ENOMEM;
        break;
      }
      c->cext = np;
      c->capcext = nc;
    }
    c->cext[c->ncext][0] = v[i].s;
    c->cext[c->ncext][1] = v[i].ext;
    c->ncext++;
  }
  /* range periods were emitted with the dates, before the extents */
  fx_ranges_cited(c);
  free(v);
  if (c->may_law) laws(c);
}
