/* Numbers ("number"), percentages ("percentage"), fractions ("fraction")
 * and amounts of money ("money"). */
#include "facts.h"
#include "vnnum.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct {
  const char *w;      /* as matched (case-insensitive) */
  const char *unit;   /* canonical */
  const char *family; /* unit family for totals */
  double scale;       /* money: đồng per unit, else 0 */
} unit_entry;

/* Longest first where one is a prefix of another. */
static const unit_entry units[] = {
    {"cán bộ, công chức, viên chức", "cán bộ, công chức, viên chức", "nguoi", 0},
    {"cán bộ, công chức", "cán bộ, công chức", "nguoi", 0},
    {"cán bộ công chức", "cán bộ, công chức", "nguoi", 0},
    {"cán bộ", "cán bộ", "nguoi", 0},
    {"công chức", "công chức", "nguoi", 0},
    {"viên chức", "viên chức", "nguoi", 0},
    {"người lao động", "người lao động", "nguoi", 0},
    {"người dân", "người dân", "nguoi", 0},
    {"lượt người", "lượt người", "luot", 0},
    {"người", "người", "nguoi", 0},
    {"đồng chí", "đồng chí", "nguoi", 0},
    {"đảng viên", "đảng viên", "nguoi", 0},
    {"học sinh", "học sinh", "nguoi", 0},
    {"giáo viên", "giáo viên", "nguoi", 0},
    {"đại biểu", "đại biểu", "nguoi", 0},
    {"thành viên", "thành viên", "nguoi", 0},
    {"lao động", "lao động", "nguoi", 0},
    {"công dân", "công dân", "nguoi", 0},
    {"cử tri", "cử tri", "nguoi", 0},
    {"hồ sơ", "hồ sơ", "ho-so", 0},
    {"thủ tục hành chính", "thủ tục hành chính", "thu-tuc", 0},
    {"thủ tục", "thủ tục", "thu-tuc", 0},
    {"TTHC", "thủ tục hành chính", "thu-tuc", 0},
    {"dịch vụ công", "dịch vụ công", "dich-vu-cong", 0},
    {"lĩnh vực", "lĩnh vực", "linh-vuc", 0},
    {"văn bản", "văn bản", "van-ban", 0},
    {"kế hoạch", "kế hoạch", "van-ban", 0},
    {"quyết định", "quyết định", "van-ban", 0},
    {"báo cáo", "báo cáo", "van-ban", 0},
    {"công văn", "công văn", "van-ban", 0},
    {"tỷ đồng", "tỷ đồng", "tien", 1e9},
    {"tỉ đồng", "tỷ đồng", "tien", 1e9},
    {"triệu đồng", "triệu đồng", "tien", 1e6},
    {"nghìn đồng", "nghìn đồng", "tien", 1e3},
    {"ngàn đồng", "nghìn đồng", "tien", 1e3},
    {"đồng", "đồng", "tien", 1},
    {"VNĐ", "đồng", "tien", 1},
    {"VND", "đồng", "tien", 1},
    {"hộ gia đình", "hộ", "ho", 0},
    {"hộ", "hộ", "ho", 0},
    {"ha", "ha", "dien-tich", 0},
    {"m2", "m2", "dien-tich", 0},
    {"m²", "m2", "dien-tich", 0},
    {"km2", "km2", "dien-tich", 0},
    {"km", "km", "chieu-dai", 0},
    {"thôn", "thôn", "thon", 0},
    {"xã", "xã", "xa", 0},
    {"cơ quan", "cơ quan", "don-vi", 0},
    {"đơn vị", "đơn vị", "don-vi", 0},
    {"trường hợp", "trường hợp", "truong-hop", 0},
    {"lượt", "lượt", "luot", 0},
    {"cuộc", "cuộc", "cuoc", 0},
    {"hội nghị", "hội nghị", "cuoc", 0},
    {"lớp", "lớp", "lop", 0},
    {"buổi", "buổi", "buoi", 0},
    {"tin", "tin", "tin-bai", 0},
    {"bài", "bài", "tin-bai", 0},
    {"phiếu", "phiếu", "phieu", 0},
    {"ý kiến", "ý kiến", "y-kien", 0},
    {"kiến nghị", "kiến nghị", "y-kien", 0},
    {"phản ánh", "phản ánh", "y-kien", 0},
    {"vụ", "vụ", "vu-viec", 0},
    {"việc", "việc", "vu-viec", 0},
    {"máy tính", "máy tính", "may", 0},
    {"máy", "máy", "may", 0},
    {"tài khoản", "tài khoản", "tai-khoan", 0},
    {"hộp thư", "hộp thư", "tai-khoan", 0},
    {"ngày", "ngày", "thoi-gian", 0},
    {"tháng", "tháng", "thoi-gian", 0},
    {"giờ", "giờ", "thoi-gian", 0},
    {"phút", "phút", "thoi-gian", 0},
    {"tấn", "tấn", "khoi-luong", 0},
    {"kg", "kg", "khoi-luong", 0},
};

/* Glued units ("36m2"). */
static const unit_entry glued[] = {
    {"m2", "m2", "dien-tich", 0}, {"m²", "m2", "dien-tich", 0}, {"km2", "km2", "dien-tich", 0},
    {"ha", "ha", "dien-tich", 0}, {"km", "km", "chieu-dai", 0}, {"kg", "kg", "khoi-luong", 0},
    {"đ", "đồng", "tien", 1},
};

static const char *const skip_before[] = {"điều", "khoản", "điểm", "chương", "mục", "phần", "phụ lục",
                                          "lần thứ", "thứ", "khóa", "khoá", "thôn", "xóm", "tổ", "đội",
                                          "tầng", "quốc lộ", "tỉnh lộ", "đường", "lô", "thửa", "tờ",
                                          "biểu", "mẫu", "bước", "số điện thoại", "điện thoại", NULL};

static bool is_letter(int32_t cp) {
  utf8proc_category_t cat = fx_cat(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) || (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

static bool letter_before(const fx_ctx *c, size_t i) {
  if (i == 0) return false;
  size_t p = i - 1;
  while (p > 0 && ((unsigned char)c->t[p] & 0xC0) == 0x80) p--;
  int32_t cp;
  return fx_dec((const unsigned char *)c->t + p, i - p, &cp) > 0 && is_letter(cp);
}

static bool letter_at(const fx_ctx *c, size_t i) {
  int32_t cp;
  return i < c->n && fx_dec((const unsigned char *)c->t + i, c->n - i, &cp) > 0 && is_letter(cp);
}

/* Match a unit at i (after spaces); returns the entry and the end. */
static const unit_entry *match_unit(const fx_ctx *c, size_t i, const unit_entry *tbl, size_t nt, uint32_t *ue,
                                    bool glue) {
  for (size_t k = 0; k < nt; k++) {
    size_t ln = strlen(tbl[k].w);
    if (i + ln > c->n) continue;
    bool caseful = tbl[k].w[0] >= 'A' && tbl[k].w[0] <= 'Z';
    if (caseful ? memcmp(c->t + i, tbl[k].w, ln) != 0 : !fx_ieq(c->t, i, i + ln, tbl[k].w)) continue;
    if (letter_at(c, i + ln) || (i + ln < c->n && c->t[i + ln] >= '0' && c->t[i + ln] <= '9')) continue;
    (void)glue;
    *ue = (uint32_t)(i + ln);
    return &tbl[k];
  }
  return NULL;
}

static fx_num *new_num(fx_ctx *c) {
  if (c->nnums == c->capnums) {
    size_t nc = c->capnums ? c->capnums * 2 : 32;
    fx_num *nn = realloc(c->nums, nc * sizeof *nn);
    if (!nn) {
      c->err = RS_ENOMEM;
      return NULL;
    }
    c->nums = nn;
    c->capnums = nc;
  }
  fx_num *x = &c->nums[c->nnums++];
  memset(x, 0, sizeof *x);
  x->fact = x->pfact = -1;
  return x;
}

/* An integer at i in Vietnamese format: digits, or 1-3 digits followed by
 * groups of ".ddd" ("1.864"). Returns the end; *val and *ndig get the value
 * and the number of digits. */
static size_t scan_vn_int(const fx_ctx *c, size_t i, long *val, size_t *ndig) {
  size_t k = i, nd = 0;
  long v = 0;
  while (k < c->n && c->t[k] >= '0' && c->t[k] <= '9') {
    if (nd < 12) v = v * 10 + (c->t[k] - '0');
    k++;
    nd++;
  }
  if (nd >= 1 && nd <= 3) {
    while (k + 3 < c->n + 0 && c->t[k] == '.' && c->t[k + 1] >= '0' && c->t[k + 1] <= '9' && c->t[k + 2] >= '0' &&
           c->t[k + 2] <= '9' && c->t[k + 3] >= '0' && c->t[k + 3] <= '9' &&
           !(k + 4 < c->n && c->t[k + 4] >= '0' && c->t[k + 4] <= '9')) {
      for (int d = 1; d <= 3; d++)
        if (nd < 12) v = v * 10 + (c->t[k + d] - '0');
      nd += 3;
      k += 4;
    }
  }
  *val = v;
  *ndig = nd;
  return k;
}

static void fractions(fx_ctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    if (c->t[i] < '0' || c->t[i] > '9') continue;
    if (i > 0 && ((c->t[i - 1] >= '0' && c->t[i - 1] <= '9') || c->t[i - 1] == '/' || c->t[i - 1] == '.' ||
                  c->t[i - 1] == ',' || c->t[i - 1] == '-' || letter_before(c, i))) {
      while (i + 1 < c->n && c->t[i + 1] >= '0' && c->t[i + 1] <= '9') i++;
      continue;
    }
    size_t a = i;
    long num, den;
    size_t nd_a, nd_b;
    i = scan_vn_int(c, i, &num, &nd_a);
    size_t k = i;
    if (k < c->n && c->t[k] == ' ') k++;
    if (k >= c->n || c->t[k] != '/') {
      i--;
      continue;
    }
    k++;
    if (k < c->n && c->t[k] == ' ') k++;
    size_t b = k;
    k = scan_vn_int(c, k, &den, &nd_b);
    size_t be = k;
    i = (be > b ? be : b) - 1;
    if (be == b || nd_a > 9 || nd_b > 9) continue;
    if (k < c->n && (c->t[k] == '/' || c->t[k] == '-' || c->t[k] == '.' || c->t[k] == ',') && k + 1 < c->n &&
        c->t[k + 1] != ' ')
      continue;
    if (letter_at(c, k)) continue;
    if (fx_occupied(c, (uint32_t)a, (uint32_t)be)) continue;
    fx_occupy(c, (uint32_t)a, (uint32_t)be);
    if (den >= 1900 && den <= 2100 && be - b == 4 && num >= 1 && num <= 12) continue; /* month/year */
    if (c->nfracs == c->capfracs) {
      size_t nc = c->capfracs ? c->capfracs * 2 : 8;
      fx_frac *nf = realloc(c->fracs, nc * sizeof *nf);
      if (!nf) {
        c->err = RS_ENOMEM;
        return;
      }
      c->fracs = nf;
      c->capfracs = nc;
    }
    fx_frac *fr = &c->fracs[c->nfracs++];
    memset(fr, 0, sizeof *fr);
    fr->s = (uint32_t)a;
    fr->e = (uint32_t)be;
    fr->num = num;
    fr->den = den;
    uint32_t ue = 0;
    const unit_entry *u = match_unit(c, fx_skip_spaces(c->t, c->n, be), units, sizeof units / sizeof *units, &ue, false);
    if (u) {
      fr->unit = u->unit;
      fr->family = u->family;
      fr->ue = ue;
    }
    fr->fact = fx_add(c, "fraction", fr->s, fr->e);
    fx_int(c, fr->fact, "numerator", num);
    fx_int(c, fr->fact, "denominator", den);
    if (den) fx_numv(c, fr->fact, "value", (double)num / (double)den);
    if (u) {
      fx_str(c, fr->fact, "unit", u->unit);
      fx_str(c, fr->fact, "unit_family", u->family);
    }
  }
}

static bool skipped_by_word(const fx_ctx *c, size_t s) {
  uint32_t b = (uint32_t)fx_back_spaces(c->t, s);
  for (int i = 0; skip_before[i]; i++)
    if (fx_ends_with(c, b, skip_before[i]) != UINT32_MAX) return true;
  return false;
}

static void link_percentage(fx_ctx *c, size_t k);

void fx_numbers(fx_ctx *c) {
  if (!c->ascii_digit) return; /* numbers and fractions start at an ASCII digit */
  fractions(c);
  if (c->err) return;
  size_t first = fx_skip_spaces(c->t, c->n, 0);
  int depth = 0;
  size_t dpos = 0;
  for (size_t i = 0; i < c->n && !c->err; i++) {
    i = fx_next_digit((const unsigned char *)c->t, i, c->n); /* the loop passed over every other byte */
    if (i >= c->n) break;
    size_t len = rs_vnnum_scan(c->t + i, c->n - i);
    size_t s = i, e = i + len;
    i = e - 1;
    if (s > 0 && (letter_before(c, s) || c->t[s - 1] == '/' ||
                  (c->t[s - 1] >= '0' && c->t[s - 1] <= '9')))
      continue;
    if (fx_occupied(c, (uint32_t)s, (uint32_t)e)) continue;
    /* section marker at the paragraph start: "1. ", "2.Những", "3) " */
    if (s == first && e < c->n && (c->t[e] == '.' || c->t[e] == ')') && len <= 3) continue;
    if (e < c->n && (c->t[e] == '/' || (c->t[e] == '-' && e + 1 < c->n && c->t[e + 1] >= '0' && c->t[e + 1] <= '9')))
      continue;
    if (skipped_by_word(c, s)) continue;
    rs_vnnum v;
    if (rs_vnnum_parse(c->t + s, len, &v) < 0) continue;
    /* glued unit or a letter after the digits */
    uint32_t ue = 0;
    const unit_entry *u = NULL;
    bool percent = false;
    size_t after = e;
    if (letter_at(c, e)) {
      u = match_unit(c, e, glued, sizeof glued / sizeof *glued, &ue, true);
      if (!u) continue;
    } else {
      size_t k = e;
      if (k < c->n && c->t[k] == ' ' && k + 1 < c->n && c->t[k + 1] == '%') k++;
      if (k < c->n && c->t[k] == '%') {
        percent = true;
        after = k + 1;
      } else {
        size_t k2 = fx_skip_spaces(c->t, c->n, e);
        uint32_t q = fx_starts_with(c, (uint32_t)k2, "phần trăm");
        if (q) {
          percent = true;
          after = q;
        }
      }
      size_t us = fx_skip_spaces(c->t, c->n, after);
      u = match_unit(c, us, units, sizeof units / sizeof *units, &ue, false);
    }
    fx_num *x = new_num(c);
    if (!x) return;
    while (dpos < s) {
      if (c->t[dpos] == '(') depth++;
      else if (c->t[dpos] == ')' && depth > 0) depth--;
      dpos++;
    }
    x->in_paren = depth > 0;
    x->depth = depth;
    x->s = (uint32_t)s;
    x->e = (uint32_t)e;
    x->value = v.value;
    x->decimals = v.decimals;
    x->wrong = v.wrong;
    x->leading_zero = v.leading_zero;
    x->has_alt = v.has_alt;
    x->alt_value = v.alt_value;
    x->percent = percent;
    if (percent) {
      x->unit = "%";
      x->family = "%";
      x->us = (uint32_t)(after - 1);
      x->ue = (uint32_t)after;
    }
    if (u && !percent) {
      x->unit = u->unit;
      x->family = u->family;
      x->us = (uint32_t)(ue - strlen(u->w));
      x->ue = ue;
      if (u->scale > 0) {
        x->money = true;
        x->money_value = v.value * u->scale;
      }
    }
    int f = fx_add(c, "number", x->s, x->e);
    x->fact = f;
    fx_numv(c, f, "value", v.value);
    fx_int(c, f, "decimals", v.decimals);
    fx_bool(c, f, "int", v.is_int);
    fx_bool(c, f, "leading_zero", v.leading_zero);
    if (v.wrong) fx_str(c, f, "wrong_format", v.wrong);
    if (v.has_alt) fx_numv(c, f, "alt_value", v.alt_value);
    if (x->unit) {
      fx_str(c, f, "unit", x->unit);
      fx_str(c, f, "unit_family", x->family);
      fx_span(c, f, "unit_s", "unit_e", x->us, x->ue);
    }
    fx_bool(c, f, "in_paren", x->in_paren);
    fx_bool(c, f, "year_like", v.is_int && len == 4 && v.value >= 1900 && v.value <= 2100 && !x->unit);
    if (percent) {
      int pf = fx_add(c, "percentage", x->s, x->ue);
      x->pfact = pf;
      fx_numv(c, pf, "value", v.value);
      fx_int(c, pf, "decimals", v.decimals);
      if (v.wrong) fx_str(c, pf, "wrong_format", v.wrong);
      fx_ref(c, pf, "number", f);
      /* what follows: "100% cán bộ, công chức" */
      uint32_t ue2 = 0;
      const unit_entry *u2 = match_unit(c, fx_skip_spaces(c->t, c->n, after), units, sizeof units / sizeof *units, &ue2, false);
      if (u2) {
        fx_str(c, pf, "unit", u2->unit);
        fx_str(c, pf, "unit_family", u2->family);
      }
      link_percentage(c, c->nnums - 1);
    } else if (x->money) {
      int mf = fx_add(c, "money", x->s, x->ue);
      fx_numv(c, mf, "value", x->money_value);
      fx_numv(c, mf, "amount", v.value);
      fx_str(c, mf, "unit", x->unit);
      fx_ref(c, mf, "number", f);
      if (v.wrong) fx_str(c, mf, "wrong_format", v.wrong);
    }
  }
}

static const struct {
  const char *w, *lead;
} pct_leads[] = {
    {"chiếm tỷ lệ", "chiem"}, {"chiếm tỉ lệ", "chiem"}, {"đạt tỷ lệ", "dat"}, {"đạt tỉ lệ", "dat"},
    {"chiếm", "chiem"}, {"đạt", "dat"}, {"tỷ lệ", "ty-le"}, {"tỉ lệ", "ty-le"}, {"bằng", "bang"},
    {"tăng", "tang"}, {"giảm", "giam"}, {"còn", "con"}, {"vượt", "vuot"}, {"tương đương", "bang"},
    {"khoảng", "khoang"}, {"trên", "tren"}, {"dưới", "duoi"},
};

static const struct {
  const char *w, *base;
} pct_bases[] = {
    {"dự toán", "du-toan"}, {"kế hoạch", "ke-hoach"}, {"chỉ tiêu", "chi-tieu"}, {"cùng kỳ", "cung-ky"},
    {"so với cùng kỳ", "cung-ky"}, {"so với kế hoạch", "ke-hoach"}, {"so với dự toán", "du-toan"},
    {"so với năm", "nam-truoc"}, {"so với", "so-voi"},
};

static void link_percentage(fx_ctx *c, size_t k) {
  fx_num *p = &c->nums[k];
  int pf = p->pfact;
  uint32_t ss = fx_sentence_start(c, p->s);
  /* the lead word */
  uint32_t b = (uint32_t)fx_back_spaces(c->t, p->s);
  if (b > 0 && (c->t[b - 1] == ':' || c->t[b - 1] == '(')) b = (uint32_t)fx_back_spaces(c->t, b - 1);
  const char *lead = NULL;
  for (size_t i = 0; i < sizeof pct_leads / sizeof *pct_leads; i++)
    if (fx_ends_with(c, b, pct_leads[i].w) != UINT32_MAX) {
      lead = pct_leads[i].lead;
      break;
    }
  if (lead) fx_str(c, pf, "lead", lead);
  fx_bool(c, pf, "change", lead && (!strcmp(lead, "tang") || !strcmp(lead, "giam") || !strcmp(lead, "vuot")));
  /* the base after it */
  size_t a = fx_skip_spaces(c->t, c->n, p->ue);
  const char *base = NULL;
  for (size_t i = 0; i < sizeof pct_bases / sizeof *pct_bases; i++)
    if (fx_starts_with(c, (uint32_t)a, pct_bases[i].w)) {
      base = pct_bases[i].base;
      break;
    }
  /* previous percentage in the sentence bounds the search */
  uint32_t lo = ss;
  for (size_t i = k; i-- > 0;) {
    if (c->nums[i].s < ss) break; /* numbers are in text order */
    if (c->nums[i].percent) {
      lo = c->nums[i].ue;
      break;
    }
  }
  /* 1. a fraction stated before it */
  for (size_t i = c->nfracs; i-- > 0;) {
    fx_frac *fr = &c->fracs[i];
    if (fr->s < lo) break; /* fractions are in text order */
    if (fr->e <= p->s) {
      fx_ref(c, pf, "fraction", fr->fact);
      fx_str(c, pf, "computation", "fraction");
      return;
    }
  }
  /* 2. "X ... trên tổng số Y ... Z%" */
  for (size_t i = k; i-- > 0;) {
    fx_num *y = &c->nums[i];
    if (y->s < lo) break;
    if (y->percent) continue;
    uint32_t yb = (uint32_t)fx_back_spaces(c->t, y->s);
    if (fx_ends_with(c, yb, "trên tổng số") != UINT32_MAX || fx_ends_with(c, yb, "trên tổng") != UINT32_MAX ||
        fx_ends_with(c, yb, "trên") != UINT32_MAX || fx_ends_with(c, yb, "/ tổng số") != UINT32_MAX) {
      for (size_t j = i; j-- > 0;) {
        fx_num *x = &c->nums[j];
        if (x->s < lo) break;
        if (x->percent) continue;
        fx_ref(c, pf, "part", x->fact);
        fx_ref(c, pf, "whole", y->fact);
        fx_str(c, pf, "computation", "part-whole");
        return;
      }
    }
  }
  if (base) {
    fx_str(c, pf, "base", base);
    fx_str(c, pf, "computation", "base");
    for (size_t i = k; i-- > 0;)
      if (c->nums[i].s >= ss && c->nums[i].money) {
        fx_ref(c, pf, "amount", c->nums[i].fact);
        break;
      }
    return;
  }
  /* 3. "20 cán bộ, công chức xã được cấp tài khoản, đạt 100%" */
  if (lead && (!strcmp(lead, "dat") || !strcmp(lead, "chiem") || !strcmp(lead, "bang") || !strcmp(lead, "ty-le"))) {
    for (size_t i = k; i-- > 0;) {
      fx_num *x = &c->nums[i];
      if (x->s < lo) break;
      bool semi = false;
      for (uint32_t q = x->e; q < p->s; q++)
        if (c->t[q] == ';') semi = true;
      if (semi) break;
      if (x->percent || x->money || !x->unit) continue;
      fx_ref(c, pf, "count", x->fact);
      fx_str(c, pf, "computation", "count");
      return;
    }
  }
}
