/* in_citation of range periods (core/src/facts_date.c): emitted with the
 * dates, before the paragraph's citations, and set once their extents are
 * known. */
#include "test_facts_util.h"

/* The range period whose text is text, or -1. */
static int range_fact(const rs_doc *d, const char *text) {
  int r = fact_text(d, "period", text);
  if (r >= 0) assert_string_equal(fs(d, r, "period"), "range");
  return r;
}

static void test_in_subject(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Kế hoạch số 12/KH-UBND ngày 05/01/2023 về kiểm tra năm 2023 từ ngày 15/12/2022 đến ngày "
                         "11/6/2023.");
  int r = range_fact(d, "từ ngày 15/12/2022 đến ngày 11/6/2023");
  assert_true(r >= 0);
  assert_int_equal(fb(d, r, "in_citation"), 1);
  /* the same answer as for the other periods of the subject */
  assert_int_equal(fb(d, fact_text(d, "period", "năm 2023"), "in_citation"), 1);
  /* order unchanged: the range comes with the dates, before the citation */
  int c = fact_nth(d, "citation", 0);
  assert_true(c >= 0);
  assert_true(r < c);
  assert_int_equal(fr(d, r, "end"), fact_text(d, "date", "11/6/2023"));
  rs_doc_free(d);
}

static void test_not_cited(void **state) {
  (void)state;
  const char *paras[] = {
      "Từ ngày 15/12/2022 đến ngày 11/6/2023, UBND xã đã tiếp nhận 1.395 hồ sơ.",
      /* the subject ends at ';' */
      "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND huyện về kiểm tra công vụ; từ ngày 15/12/2022 "
      "đến ngày 14/6/2023, UBND xã đã tổ chức 02 đợt kiểm tra.",
      /* before the citation */
      "Tính từ ngày 15/12/2022 đến ngày 13/6/2023, theo Quyết định số 93/QĐ-UBND về kiểm tra, UBND xã đã hoàn thành.",
      NULL};
  rs_doc *d = facts_doc(paras);
  const char *texts[] = {"Từ ngày 15/12/2022 đến ngày 11/6/2023", "từ ngày 15/12/2022 đến ngày 14/6/2023",
                         "Tính từ ngày 15/12/2022 đến ngày 13/6/2023"};
  for (int i = 0; i < 3; i++) {
    int r = range_fact(d, texts[i]);
    assert_true(r >= 0);
    assert_int_equal(fb(d, r, "in_citation"), 0);
  }
  rs_doc_free(d);
}

static void test_several_citations(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Nghị quyết số 06-NQ/TU về phát triển kinh tế từ ngày 01/01/2021 đến ngày 31/12/2025; từ "
                         "ngày 01/3/2023 đến ngày 15/3/2023, UBND xã triển khai Kế hoạch số 90/KH-UBND về thực hiện "
                         "từ ngày 01/01/2023 đến ngày 31/12/2023.");
  assert_int_equal(fact_count(d, "citation"), 2);
  assert_int_equal(fb(d, range_fact(d, "từ ngày 01/01/2021 đến ngày 31/12/2025"), "in_citation"), 1);
  assert_int_equal(fb(d, range_fact(d, "từ ngày 01/3/2023 đến ngày 15/3/2023"), "in_citation"), 0);
  assert_int_equal(fb(d, range_fact(d, "từ ngày 01/01/2023 đến ngày 31/12/2023"), "in_citation"), 1);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_in_subject),
      cmocka_unit_test(test_not_cited),
      cmocka_unit_test(test_several_citations),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
