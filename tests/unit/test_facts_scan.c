/* The candidate searches of the fact extractor (facts.c para_scan,
 * cite_match, period_match, district_match, FX_CAND_SYMTAIL, the marker
 * byte tests): each must find exactly what the unanchored pattern finds,
 * including at the edges the byte tests reason about (other cases, digits
 * outside ASCII, long digit runs, letters glued before a match). */
#include "test_facts_util.h"

/* A citation whose number is in Arabic-Indic digits: the paragraph has a
 * digit outside ASCII, so every code point is tried. */
static void test_unicode_digits(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Căn cứ Kế hoạch số \u0661\u0662/KH-UBND của UBND tỉnh.");
  int f = fact_where(d, "citation", "number", "\u0661\u0662");
  assert_true(f >= 0);
  assert_string_equal(fs(d, f, "type"), "Kế hoạch");
  assert_int_equal(fact_count(d, "citation"), 1);
  rs_doc_free(d);
}

/* Type words in any case; a bare symbol; no symbol after 7 digits; a space
 * before the slash. */
static void test_citation_heads(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("QUYẾT ĐỊNH SỐ 22/QĐ-UBND và Tờ Trình số 3/TTr-UBND, theo 25/2021/QĐ-TTg và "
                         "1234567/AB, 12 /KH.");
  assert_int_equal(fact_count(d, "citation"), 4);
  int f = fact_where(d, "citation", "type_text", "QUYẾT ĐỊNH");
  assert_true(f >= 0);
  assert_string_equal(fs(d, f, "type_case"), "upper");
  f = fact_where(d, "citation", "type_text", "Tờ Trình");
  assert_true(f >= 0);
  assert_string_equal(fs(d, f, "type"), "Tờ trình");
  assert_true(fact_where(d, "citation", "ref", "25/2021/QĐ-TTg") >= 0);
  assert_true(fact_where(d, "citation", "ref", "12 /KH") >= 0);
  assert_int_equal(fact_where(d, "citation", "symbol", "AB"), -1);
  rs_doc_free(d);
}

/* "ſáu" (long s) matches "sáu" case-insensitively; a quarter without
 * digits; a year range after a two-word prefix; none glued to a letter. */
static void test_periods(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Kết quả \u017fáu tháng đầu năm 2023 và quý IV, giai đoạn 2021 – 2025, x2020-2021.");
  assert_int_equal(fact_count(d, "period"), 3);
  int f = fact_where(d, "period", "period", "6-thang");
  assert_true(f >= 0);
  assert_int_equal(fi(d, f, "year"), 2023);
  f = fact_where(d, "period", "period", "quy");
  assert_true(f >= 0);
  assert_int_equal(fi(d, f, "quarter"), 4);
  f = fact_where(d, "period", "prefix", "giai đoạn");
  assert_true(f >= 0);
  assert_int_equal(fi(d, f, "start_year"), 2021);
  assert_int_equal(fi(d, f, "end_year"), 2025);
  rs_doc_free(d);
}

/* District bodies: "HUYỆN" in capitals after UBND; "huyện" after a named
 * Phòng; an all-capitals Phòng line is not one (its "huyện" must be lower
 * case). */
static void test_district(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Phối hợp với UBND HUYỆN Kim Động và Phòng Nội vụ huyện Phù Cừ; PHÒNG NỘI VỤ HUYỆN.");
  assert_true(fact_where(d, "term", "name", "UBND HUYỆN Kim Động") >= 0);
  assert_true(fact_where(d, "term", "name", "Phòng Nội vụ huyện Phù Cừ") >= 0);
  int n = 0;
  for (size_t i = 0; i < d->nfacts; i++) {
    const char *t = fs(d, (int)i, "term");
    if (t && !strcmp(t, "district-body")) n++;
  }
  assert_int_equal(n, 2);
  rs_doc_free(d);
}

/* Markers in capitals or title case ("GỒM", "Cụ Thể"). */
static void test_markers(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Tổng số 20 người, GỒM 11 cán bộ, 09 công chức; Cụ Thể: 5 hồ sơ.");
  int f = fact_nth(d, "total", 0);
  assert_true(f >= 0);
  assert_string_equal(fs(d, f, "marker"), "GỒM");
  assert_int_equal(fi(d, f, "count"), 2);
  rs_doc_free(d);
}

/* Service levels; a paragraph without digits yields no number. */
static void test_levels_and_no_digits(void **state) {
  (void)state;
  const char *paras[] = {"Cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4 trên Cổng.",
                         "Không có con số nào trong đoạn này, kể cả tháng và năm.", NULL};
  rs_doc *d = facts_doc(paras);
  int f = fact_where(d, "term", "levels", "3,4");
  assert_true(f >= 0);
  assert_int_equal(fb(d, f, "online"), 1);
  for (size_t i = 0; i < d->nfacts; i++) assert_int_not_equal(d->facts[i].para, 1);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_unicode_digits), cmocka_unit_test(test_citation_heads),
      cmocka_unit_test(test_periods),        cmocka_unit_test(test_district),
      cmocka_unit_test(test_markers),        cmocka_unit_test(test_levels_and_no_digits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
