/* Numbers, percentages, fractions, money and totals (core/src/facts_number.c,
 * facts_total.c, vnnum.c). */
#include "test_facts_util.h"
#include "vnnum.h"

static void test_vnnum(void **state) {
  (void)state;
  rs_vnnum v;
  assert_int_equal(rs_vnnum_parse("1.395", 5, &v), 0);
  assert_true(v.value == 1395 && v.is_int && !v.wrong);
  assert_int_equal(rs_vnnum_parse("114,07", 6, &v), 0);
  assert_true(v.value > 114.069 && v.value < 114.071 && v.decimals == 2 && !v.wrong);
  assert_int_equal(rs_vnnum_parse("27.869.168.372", 14, &v), 0);
  assert_true(v.value == 27869168372.0 && !v.wrong);
  assert_int_equal(rs_vnnum_parse("357.95", 6, &v), 0);
  assert_string_equal(v.wrong, "decimal-point");
  assert_true(v.value > 357.94 && v.value < 357.96 && v.decimals == 2);
  assert_int_equal(rs_vnnum_parse("1,395", 5, &v), 0);
  assert_string_equal(v.wrong, "thousands-comma");
  assert_true(v.has_alt && v.alt_value == 1395 && v.decimals == 3);
  assert_int_equal(rs_vnnum_parse("1,234,567", 9, &v), 0);
  assert_true(v.value == 1234567 && !strcmp(v.wrong, "thousands-comma"));
  assert_int_equal(rs_vnnum_parse("1,234.5", 7, &v), 0);
  assert_true(v.value == 1234.5 && !strcmp(v.wrong, "english"));
  assert_int_equal(rs_vnnum_parse("1.234,5", 7, &v), 0);
  assert_true(v.value == 1234.5 && !v.wrong);
  assert_int_equal(rs_vnnum_parse("09", 2, &v), 0);
  assert_true(v.leading_zero && v.value == 9);
  assert_int_equal(rs_vnnum_parse("1.2.3", 5, &v), -1);
  assert_int_equal(rs_vnnum_scan("1.395.", 6), 5);
  assert_int_equal(rs_vnnum_scan("20, 30", 6), 2);
}

static void test_numbers_in_text(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Tiếp nhận 1,395 hồ sơ; diện tích 357.95 ha; giải ngân 27.869.168.372 đồng; phòng làm việc "
                         "36m2; Tổng cộng 150 người dân tham gia.");
  int a = fact_text(d, "number", "1,395");
  assert_string_equal(fs(d, a, "wrong_format"), "thousands-comma");
  assert_true(fn(d, a, "alt_value") == 1395);
  assert_string_equal(fs(d, a, "unit"), "hồ sơ");
  int b = fact_text(d, "number", "357.95");
  assert_string_equal(fs(d, b, "wrong_format"), "decimal-point");
  assert_string_equal(fs(d, b, "unit"), "ha");
  assert_int_equal(fi(d, b, "decimals"), 2);
  int c = fact_text(d, "number", "27.869.168.372");
  assert_true(fn(d, c, "value") == 27869168372.0);
  assert_null(fs(d, c, "wrong_format"));
  int m = fact_text(d, "money", "27.869.168.372 đồng");
  assert_true(fn(d, m, "value") == 27869168372.0);
  assert_int_equal(fr(d, m, "number"), c);
  int g = fact_text(d, "number", "36");
  assert_string_equal(fs(d, g, "unit"), "m2");
  int p = fact_text(d, "number", "150");
  assert_string_equal(fs(d, p, "unit"), "người dân");
  assert_string_equal(fs(d, p, "unit_family"), "nguoi");
  rs_doc_free(d);

  /* numbers inside dates, symbols, years and markers are not number facts */
  const char *paras[] = {"1. Về tổ chức chỉ đạo năm 2023", "2.Những tồn tại, hạn chế",
                         "Kế hoạch số 09/KH-UBND ngày 09/01/2023 giai đoạn 2021-2025 theo Điều 12 khoản 2",
                         "triệu đồng: 1,5 triệu đồng", NULL};
  d = facts_doc(paras);
  assert_int_equal(fact_count(d, "number"), 1);
  int t = fact_nth(d, "money", 0);
  assert_true(fn(d, t, "value") == 1500000.0);
  assert_string_equal(fs(d, t, "unit"), "triệu đồng");
  rs_doc_free(d);
}

static void test_percentages(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. Trong đó 18/20 cán bộ, "
      "công chức có trình độ đại học (chiếm tỷ lệ 90%), 02 cán bộ, công chức đang tham gia học lên Đại học; 15/20 "
      "cán bộ công chức có trình độ lý luận chính trị trung cấp (chiếm tỷ lệ 75%), 05 công chức có trình độ lý luận "
      "sơ cấp trong đó có 02 đồng chí đang tham gia học Trung cấp chính trị;");
  int f18 = fact_text(d, "fraction", "18/20");
  assert_int_equal(fi(d, f18, "numerator"), 18);
  assert_int_equal(fi(d, f18, "denominator"), 20);
  assert_string_equal(fs(d, f18, "unit"), "cán bộ, công chức");
  int p90 = fact_text(d, "percentage", "90%");
  assert_true(fn(d, p90, "value") == 90);
  assert_int_equal(fi(d, p90, "decimals"), 0);
  assert_int_equal(fr(d, p90, "fraction"), f18);
  assert_string_equal(fs(d, p90, "computation"), "fraction");
  assert_string_equal(fs(d, p90, "lead"), "chiem");
  int p75 = fact_text(d, "percentage", "75%");
  assert_int_equal(fr(d, p75, "fraction"), fact_text(d, "fraction", "15/20"));
  /* the % is also a number, with unit "%" */
  assert_string_equal(fs(d, fact_text(d, "number", "90"), "unit"), "%");
  rs_doc_free(d);

  d = facts_doc1("trao đổi số liệu điện tử; 20 cán bộ, công chức xã được cấp tài khoản thư điện tử, đạt 100%;");
  int p = fact_nth(d, "percentage", 0);
  assert_string_equal(fs(d, p, "computation"), "count");
  assert_true(fn(d, fr(d, p, "count"), "value") == 20);
  rs_doc_free(d);

  d = facts_doc1("- Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước năm 2022 với số tiền là: "
                 "27.869.168.372 đồng ( Đạt 114,07% dự toán giao đầu năm)");
  p = fact_nth(d, "percentage", 0);
  assert_string_equal(ftext(d, p), "114,07%");
  assert_int_equal(fi(d, p, "decimals"), 2);
  assert_string_equal(fs(d, p, "base"), "du-toan");
  assert_string_equal(fs(d, p, "computation"), "base");
  assert_true(fn(d, fr(d, p, "amount"), "value") == 27869168372.0);
  rs_doc_free(d);

  d = facts_doc1("Có 45 hồ sơ giải quyết đúng hạn trên tổng số 50 hồ sơ tiếp nhận, đạt 90%.");
  p = fact_nth(d, "percentage", 0);
  assert_string_equal(fs(d, p, "computation"), "part-whole");
  assert_true(fn(d, fr(d, p, "part"), "value") == 45);
  assert_true(fn(d, fr(d, p, "whole"), "value") == 50);
  rs_doc_free(d);
}

static void test_totals_staff(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 công chức. Trong đó 18/20 cán bộ, "
      "công chức có trình độ đại học (chiếm tỷ lệ 90%), 02 cán bộ, công chức đang tham gia học lên Đại học; 15/20 "
      "cán bộ công chức có trình độ lý luận chính trị trung cấp (chiếm tỷ lệ 75%), 05 công chức có trình độ lý luận "
      "sơ cấp trong đó có 02 đồng chí đang tham gia học Trung cấp chính trị;");
  int t = fact_where(d, "total", "group", "partition");
  assert_true(t >= 0);
  assert_true(fn(d, t, "value") == 20);
  assert_string_equal(fs(d, t, "unit"), "người");
  assert_string_equal(fs(d, t, "label"), "Tổng số cán bộ, công chức xã hiện nay");
  assert_int_equal(fi(d, t, "count"), 2);
  assert_true(fn(d, t, "sum") == 20);
  int p0 = frl(d, t, "parts", 0), p1 = frl(d, t, "parts", 1);
  assert_true(fn(d, p0, "value") == 11 && fn(d, p1, "value") == 9);
  assert_string_equal(fs(d, p0, "part_label"), "cán bộ");
  assert_string_equal(fs(d, p1, "part_label"), "công chức");
  assert_string_equal(fs(d, p0, "part_group"), "partition");
  assert_int_equal(fr(d, p0, "total"), t);
  /* the next sentence "Trong đó 18/20 ..." lists attributes: subsets of 20, not a partition */
  int partitions = 0;
  for (int i = 0; fact_nth(d, "total", i) >= 0; i++) {
    int x = fact_nth(d, "total", i);
    if (!strcmp(fs(d, x, "group"), "partition")) partitions++;
  }
  assert_int_equal(partitions, 1);
  int s = fact_where(d, "total", "marker", "Trong đó");
  assert_string_equal(fs(d, s, "group"), "subset");
  assert_int_equal(fb(d, s, "across_sentence"), 1);
  assert_true(fn(d, s, "value") == 20);
  /* nested: 05 công chức, trong đó có 02 đồng chí */
  int n = fact_where(d, "total", "marker", "trong đó có");
  assert_true(fn(d, n, "value") == 5);
  assert_string_equal(fs(d, n, "group"), "subset");
  assert_true(fn(d, frl(d, n, "parts", 0), "value") == 2);
  assert_int_equal(frl(d, n, "parts", 1), -1);
  rs_doc_free(d);
}

static void test_totals_dossiers(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "Số hồ sơ tiếp nhận giải quyết theo cơ chế một cửa của UBND xã là 1.395 hồ sơ (Trong đó trực tuyến mức độ "
      "3, mức độ 4: 1.386 hồ sơ). Trong đó: giải quyết trước và đúng thời hạn: 1.394 hồ sơ; đang giải quyết (trong "
      "hạn): 1 hồ sơ.");
  assert_int_equal(fact_count(d, "total"), 2);
  int sub = fact_where(d, "total", "group", "subset");
  assert_true(fn(d, sub, "value") == 1395);
  assert_int_equal(fb(d, sub, "in_paren"), 1);
  int s0 = frl(d, sub, "parts", 0);
  assert_true(fn(d, s0, "value") == 1386);
  assert_string_equal(fs(d, s0, "part_label"), "trực tuyến mức độ 3, mức độ 4");
  assert_int_equal(frl(d, sub, "parts", 1), -1);
  int par = fact_where(d, "total", "group", "partition");
  assert_true(fn(d, par, "value") == 1395);
  assert_int_equal(fb(d, par, "across_sentence"), 1);
  assert_string_equal(ftext(d, par), "1.395 hồ sơ");
  assert_int_equal(fr(d, par, "number"), fr(d, sub, "number"));
  assert_int_equal(fi(d, par, "count"), 2);
  assert_true(fn(d, par, "sum") == 1395);
  int a = frl(d, par, "parts", 0), b = frl(d, par, "parts", 1);
  assert_true(fn(d, a, "value") == 1394 && fn(d, b, "value") == 1);
  assert_string_equal(fs(d, a, "part_label"), "giải quyết trước và đúng thời hạn");
  assert_string_equal(fs(d, b, "part_label"), "đang giải quyết (trong hạn)");
  assert_string_equal(fs(d, par, "label"), "Số hồ sơ tiếp nhận giải quyết theo cơ chế một cửa của UBND xã");
  rs_doc_free(d);

  /* a "trong đó" with no number before it is no total; parts of another unit are not parts */
  d = facts_doc1("Mặc dù xác định cải cách hành chính là nhiệm vụ trọng tâm, trong đó cải cách thủ tục hành chính "
                 "là khâu đột phá. Tiếp nhận 30 hồ sơ, trong đó 2 cán bộ xử lý 25 hồ sơ, 5 hồ sơ trả lại.");
  assert_int_equal(fact_count(d, "total"), 1);
  int t = fact_nth(d, "total", 0);
  assert_true(fn(d, t, "value") == 30);
  assert_int_equal(fi(d, t, "count"), 2);
  assert_true(fn(d, t, "sum") == 30);
  rs_doc_free(d);

  /* a total in one paragraph, its parts in the next one */
  const char *paras[] = {"Tổng số hồ sơ tiếp nhận: 120 hồ sơ.", "Trong đó: đúng hạn 118 hồ sơ; trễ hạn 2 hồ sơ.", NULL};
  d = facts_doc(paras);
  t = fact_nth(d, "total", 0);
  assert_true(t >= 0);
  assert_int_equal(d->facts[t].para, 0);
  assert_int_equal(fi(d, t, "marker_p"), 2);
  assert_string_equal(fs(d, t, "group"), "partition");
  assert_true(fn(d, t, "sum") == 120);
  rs_doc_free(d);
}

/* fractions written with thousands dots: "1.234/1.864 hồ sơ (chiếm 66,20%)" */
static void test_fractions_thousands(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Tỷ lệ hồ sơ giải quyết trước và đúng hạn 1.863/1.864 hồ sơ (đạt 99,95%); hồ sơ trực "
                         "tuyến 1.234/1.864 hồ sơ (chiếm 66,20%).");
  int f1 = fact_text(d, "fraction", "1.863/1.864");
  assert_int_equal(fi(d, f1, "numerator"), 1863);
  assert_int_equal(fi(d, f1, "denominator"), 1864);
  int f2 = fact_text(d, "fraction", "1.234/1.864");
  assert_int_equal(fi(d, f2, "numerator"), 1234);
  assert_int_equal(fr(d, fact_text(d, "percentage", "66,20%"), "fraction"), f2);
  assert_int_equal(fr(d, fact_text(d, "percentage", "99,95%"), "fraction"), f1);
  rs_doc_free(d);
  /* not a fraction: a document number and a date */
  d = facts_doc1("Kế hoạch số 1.234/KH-UBND ngày 12/3/2023.");
  assert_int_equal(fact_nth(d, "fraction", 0), -1);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_vnnum),          cmocka_unit_test(test_numbers_in_text),
      cmocka_unit_test(test_percentages),    cmocka_unit_test(test_totals_staff),
      cmocka_unit_test(test_totals_dossiers), cmocka_unit_test(test_fractions_thousands),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
