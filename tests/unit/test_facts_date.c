/* Dates and periods (core/src/facts_date.c). */
#include "test_facts_util.h"

static void test_forms(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Kế hoạch số 09/KH-UBND ngày 09/01/2023, Kế hoạch số 10 ngày 9/1/2023, Quyết định số "
                         "14/QĐ-UBND ngày 13 tháng 01 năm 2023, Kế hoạch số 40/KH-UBND ngày 24/3/2023.");
  assert_int_equal(fact_count(d, "date"), 4);
  int a = fact_text(d, "date", "09/01/2023");
  assert_string_equal(fs(d, a, "form"), "dd/mm/yyyy");
  assert_string_equal(fs(d, a, "iso"), "2023-01-09");
  assert_int_equal(fi(d, a, "day"), 9);
  assert_int_equal(fi(d, a, "month"), 1);
  assert_int_equal(fi(d, a, "year"), 2023);
  assert_int_equal(fb(d, a, "valid"), 1);
  assert_int_equal(fb(d, a, "has_ngay"), 1);
  assert_string_equal(fs(d, a, "day_text"), "09");
  int b = fact_text(d, "date", "9/1/2023");
  assert_string_equal(fs(d, b, "form"), "d/m/yyyy");
  int w = fact_text(d, "date", "ngày 13 tháng 01 năm 2023");
  assert_true(w >= 0);
  assert_string_equal(fs(d, w, "form"), "words");
  assert_string_equal(fs(d, w, "iso"), "2023-01-13");
  assert_string_equal(fs(d, w, "month_text"), "01");
  int m = fact_text(d, "date", "24/3/2023");
  assert_string_equal(fs(d, m, "form"), "dd/m/yyyy");
  assert_string_equal(fs(d, m, "month_text"), "3");
  for (int i = 0; i < 4; i++) assert_string_equal(fs(d, fact_nth(d, "date", i), "role"), "issued");
  /* no number facts for the parts of a date */
  assert_int_equal(fact_count(d, "number"), 0);
  rs_doc_free(d);
}

static void test_validity(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("các ngày 31/02/2023, 29/02/2023, 29/02/2024, 15/13/2023 và 31/4/2023.");
  assert_int_equal(fact_count(d, "date"), 5);
  assert_int_equal(fb(d, fact_text(d, "date", "31/02/2023"), "valid"), 0);
  assert_int_equal(fb(d, fact_text(d, "date", "29/02/2023"), "valid"), 0);
  assert_int_equal(fb(d, fact_text(d, "date", "29/02/2024"), "valid"), 1);
  assert_int_equal(fb(d, fact_text(d, "date", "15/13/2023"), "valid"), 0);
  assert_int_equal(fb(d, fact_text(d, "date", "31/4/2023"), "valid"), 0);
  assert_string_equal(fs(d, fact_text(d, "date", "31/02/2023"), "iso"), "2023-02-31");
  rs_doc_free(d);
}

static void test_roles(void **state) {
  (void)state;
  const char *paras[] = {
      "Từ ngày 15/12/2022 đến ngày 11/6/2023, HĐND-UBND xã không ban hành văn bản quy phạm pháp luật.",
      "- Khối lượng giải ngân đầu tư công 6 tháng đầu năm số liệu tính đến ngày 15/6/2023 là: 2.822.033.624 đồng",
      "Các thôn gửi báo cáo trước ngày 20/6/2023; chậm nhất là ngày 25/6/2023 phải hoàn thành. Họp ngày 02/6/2023.",
      "Tính từ ngày 15/12/2022 đến ngày 14/6/2023:",
      NULL};
  rs_doc *d = facts_doc(paras);
  int s = fact_text(d, "date", "15/12/2022");
  assert_string_equal(fs(d, s, "role"), "period_start");
  assert_string_equal(fs(d, s, "cue"), "từ");
  int e = fact_text(d, "date", "11/6/2023");
  assert_string_equal(fs(d, e, "role"), "period_end");
  int r = fact_where(d, "period", "period", "range");
  assert_true(r >= 0);
  assert_string_equal(ftext(d, r), "Từ ngày 15/12/2022 đến ngày 11/6/2023");
  assert_int_equal(fr(d, r, "start"), s);
  assert_int_equal(fr(d, r, "end"), e);
  assert_string_equal(fs(d, r, "start_iso"), "2022-12-15");
  assert_string_equal(fs(d, r, "end_iso"), "2023-06-11");
  assert_int_equal(fb(d, r, "valid"), 1);
  int a = fact_text(d, "date", "15/6/2023");
  assert_string_equal(fs(d, a, "role"), "as_of");
  assert_string_equal(fs(d, a, "cue"), "tính đến");
  assert_string_equal(fs(d, fact_text(d, "date", "20/6/2023"), "role"), "deadline");
  assert_string_equal(fs(d, fact_text(d, "date", "25/6/2023"), "role"), "deadline");
  assert_string_equal(fs(d, fact_text(d, "date", "02/6/2023"), "role"), "other");
  int t = fact_text(d, "date", "14/6/2023");
  assert_string_equal(fs(d, t, "role"), "period_end");
  assert_int_equal(fact_count(d, "period") >= 2, 1);
  rs_doc_free(d);
}

static void test_header(void **state) {
  (void)state;
  const char *paras[] = {"ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO", "Số: 85/BC-UBND", "Đình Cao, ngày 05 tháng 01 năm 2023",
                         "BÁO CÁO", NULL};
  rs_doc *d = facts_doc(paras);
  int h = fact_nth(d, "date", 0);
  assert_string_equal(fs(d, h, "role"), "header");
  assert_string_equal(fs(d, h, "form"), "words");
  assert_string_equal(fs(d, h, "day_text"), "05");
  rs_doc_free(d);

  /* the model found the block: role from doc->blocks.place_date */
  d = rs_doc_new("x.txt", "txt");
  const char *p0 = "UBND HUYỆN PHÙ CỪ";
  const char *p1 = "Đình Cao, ngày 5/01/2023";
  rs_doc_add_para_text(d, p0, strlen(p0));
  rs_doc_add_para_text(d, p1, strlen(p1));
  d->blocks.place_date = 1;
  assert_int_equal(rs_facts_extract(d), 0);
  h = fact_nth(d, "date", 0);
  assert_string_equal(fs(d, h, "role"), "header");
  assert_string_equal(fs(d, h, "form"), "d/mm/yyyy");
  rs_doc_free(d);
}

static void test_periods(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Tháng 4/2023: UBND xã tiếp nhận 01 công chức; báo cáo quý I/2021, quý II năm 2022; 6 "
                         "tháng cuối năm 2023; 9 tháng đầu năm 2024; giai đoạn 2021-2025, tầm nhìn đến năm 2030.");
  int m = fact_where(d, "period", "period", "thang");
  assert_string_equal(ftext(d, m), "Tháng 4/2023");
  assert_int_equal(fi(d, m, "month"), 4);
  assert_int_equal(fi(d, m, "year"), 2023);
  int q = fact_where(d, "period", "period", "quy");
  assert_int_equal(fi(d, q, "quarter"), 1);
  assert_int_equal(fi(d, q, "year"), 2021);
  int q2 = fact_text(d, "period", "quý II năm 2022");
  assert_int_equal(fi(d, q2, "quarter"), 2);
  int h = fact_where(d, "period", "period", "6-thang-cuoi");
  assert_int_equal(fi(d, h, "year"), 2023);
  int n = fact_where(d, "period", "period", "9-thang");
  assert_int_equal(fi(d, n, "year"), 2024);
  int y = fact_where(d, "period", "period", "years");
  assert_int_equal(fi(d, y, "start_year"), 2021);
  assert_int_equal(fi(d, y, "end_year"), 2025);
  assert_string_equal(fs(d, y, "prefix"), "giai đoạn");
  int nam = fact_where(d, "period", "period", "nam");
  assert_int_equal(fi(d, nam, "year"), 2030);
  /* month/year is not a date; "01 công chức" is the only number */
  assert_int_equal(fact_count(d, "date"), 0);
  assert_int_equal(fact_count(d, "number"), 1);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_forms),   cmocka_unit_test(test_validity), cmocka_unit_test(test_roles),
      cmocka_unit_test(test_header),  cmocka_unit_test(test_periods),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
