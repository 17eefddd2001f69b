/* Terms, abbreviations and the report fact (core/src/facts_term.c,
 * facts_report.c), and extraction from several threads at once. */
#include "test_facts_util.h"

#include <pthread.h>

static void test_levels_and_district(void **state) {
  (void)state;
  const char *paras[] = {
      "tiếp nhận giải quyết trực tuyến Hệ thống thông tin giải quyết TTHC tỉnh (mức độ 3, mức độ 4) để tạo thuận lợi",
      "b) Kết quả xây dựng, phát triển hạ tầng kỹ thuật; cung cấp dịch vụ công trực tuyến mức độ 3 và 4",
      "văn bản điện tử giữa UBND xã với UBND huyện, các cơ quan, đơn vị; phối hợp phòng Tư pháp huyện.",
      "- Phòng Nội vụ huyện;",
      NULL};
  rs_doc *d = facts_doc(paras);
  int a = fact_text(d, "term", "mức độ 3, mức độ 4");
  assert_true(a >= 0);
  assert_string_equal(fs(d, a, "term"), "muc-do");
  assert_string_equal(fs(d, a, "levels"), "3,4");
  assert_int_equal(fi(d, a, "level_min"), 3);
  assert_int_equal(fi(d, a, "level_max"), 4);
  assert_int_equal(fb(d, a, "online"), 1);
  assert_true(fact_text(d, "term", "mức độ 3 và 4") >= 0);
  assert_int_equal(fact_count(d, "number"), 0);
  int u = fact_text(d, "term", "UBND huyện");
  assert_string_equal(fs(d, u, "term"), "district-body");
  assert_string_equal(fs(d, u, "body"), "ubnd");
  int p = fact_text(d, "term", "phòng Tư pháp huyện");
  assert_string_equal(fs(d, p, "body"), "phong");
  int n = fact_text(d, "term", "Phòng Nội vụ huyện");
  assert_true(n >= 0);
  assert_string_equal(fs(d, n, "name"), "Phòng Nội vụ huyện");
  rs_doc_free(d);
}

static void test_abbreviations(void **state) {
  (void)state;
  const char *paras[] = {
      "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
      "tuyên truyền CCHC; đẩy mạnh công tác kiểm soát thủ tục hành chính (TTHC), đề xuất cắt giảm, nâng cao chất "
      "lượng TTHC trong hoạt động quản lý nhà nước; công nghệ thông tin (CNTT).",
      "CNTT của UBND xã; Kế hoạch số 09/KH-UBND.",
      NULL};
  rs_doc *d = facts_doc(paras);
  /* the heading is all capitals: no abbreviation facts there; roman numerals never */
  for (int i = 0; fact_nth(d, "term", i) >= 0; i++) assert_int_not_equal(d->facts[fact_nth(d, "term", i)].para, 0);
  int c = fact_where(d, "term", "abbr", "CCHC");
  assert_int_equal(fb(d, c, "first"), 1);
  assert_int_equal(fb(d, c, "defined"), 0);
  int t1 = fact_where(d, "term", "abbr", "TTHC");
  assert_int_equal(fb(d, t1, "defined_here"), 1);
  assert_int_equal(fb(d, t1, "defined"), 1);
  assert_string_equal(fs(d, t1, "expansion"), "thủ tục hành chính");
  int t2 = -1;
  for (int i = 0; fact_nth(d, "term", i) >= 0; i++) {
    int x = fact_nth(d, "term", i);
    if (fs(d, x, "abbr") && !strcmp(fs(d, x, "abbr"), "TTHC") && fi(d, x, "index") == 2) t2 = x;
  }
  assert_true(t2 >= 0);
  assert_int_equal(fb(d, t2, "defined"), 1);
  assert_int_equal(fb(d, t2, "defined_here"), 0);
  assert_int_equal(fr(d, t2, "definition"), t1);
  int cn = fact_where(d, "term", "abbr", "CNTT");
  assert_string_equal(fs(d, cn, "expansion"), "công nghệ thông tin");
  /* symbol letters are not abbreviations */
  assert_int_equal(fact_where(d, "term", "abbr", "KH"), -1);
  rs_doc_free(d);
}

static void test_report(void **state) {
  (void)state;
  const char *paras[] = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
      "Từ ngày 15/12/2022 đến ngày 11/6/2023, HĐND-UBND xã không ban hành văn bản quy phạm pháp luật.",
      "Trên đây là Báo cáo kết quả thực hiện cải cách hành chính 6 tháng đầu năm 2023, phương hướng nhiệm vụ 6 "
      "tháng cuối năm 2023, Ủy ban nhân dân xã Đình Cao trân trọng báo cáo./.",
      NULL};
  rs_doc *d = facts_doc(paras);
  assert_int_equal(fact_count(d, "report"), 1);
  int r = fact_nth(d, "report", 0);
  assert_string_equal(fs(d, r, "type"), "bao-cao");
  assert_string_equal(fs(d, r, "type_source"), "closing");
  assert_string_equal(fs(d, r, "topic"), "cchc");
  assert_string_equal(fs(d, r, "period"), "6-thang");
  assert_int_equal(fi(d, r, "year"), 2023);
  assert_string_equal(fs(d, r, "agency_name"), "Đình Cao");
  assert_string_equal(fs(d, r, "agency_level"), "xa");
  int rg = fr(d, r, "range");
  assert_string_equal(fs(d, rg, "end_iso"), "2023-06-11");
  assert_int_equal(fr(d, r, "report_date"), -1);
  rs_doc_free(d);

  /* a full header, found by the model */
  d = rs_doc_new("x.txt", "txt");
  const char *h[] = {"UBND HUYỆN PHÙ CỪ", "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO", "Số: 85/BC-UBND",
                     "Đình Cao, ngày 05 tháng 4 năm 2021", "BÁO CÁO",
                     "Kết quả thực hiện công tác cải cách hành chính quý I/2021"};
  for (int i = 0; i < 6; i++) rs_doc_add_para_text(d, h[i], strlen(h[i]));
  d->blocks.agency_parent = 0;
  d->blocks.agency = 1;
  d->blocks.number = 2;
  d->blocks.place_date = 3;
  d->blocks.doc_type = 4;
  d->blocks.summary = 5;
  d->blocks.body_start = 6;
  assert_int_equal(rs_facts_extract(d), 0);
  r = fact_nth(d, "report", 0);
  assert_string_equal(fs(d, r, "type"), "bao-cao");
  assert_string_equal(fs(d, r, "type_source"), "header");
  assert_string_equal(fs(d, r, "type_text"), "BÁO CÁO");
  assert_string_equal(fs(d, r, "period"), "quy");
  assert_int_equal(fi(d, r, "quarter"), 1);
  assert_int_equal(fi(d, r, "year"), 2021);
  assert_string_equal(fs(d, r, "report_date_iso"), "2021-04-05");
  assert_string_equal(fs(d, fr(d, r, "report_date"), "role"), "header");
  assert_string_equal(fs(d, r, "agency"), "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO");
  assert_string_equal(fs(d, r, "agency_source"), "header");
  assert_string_equal(fs(d, r, "doc_number"), "85");
  assert_string_equal(fs(d, r, "doc_symbol"), "BC-UBND");
  /* the own number is no citation, its digits no number */
  assert_int_equal(fact_count(d, "citation"), 0);
  assert_int_equal(fact_count(d, "number"), 0);
  rs_doc_free(d);
}

static const char *THREAD_TEXT =
    "Thực hiện Kế hoạch số 04/KH-UBND ngày 06/01/2023 của Ủy ban nhân dân huyện Phù Cừ về cải cách hành chính "
    "nhà nước huyện Phù Cừ năm 2023. Tổng số cán bộ, công chức xã hiện nay là 20 người trong đó 11 cán bộ, 09 "
    "công chức; 18/20 cán bộ, công chức có trình độ đại học (chiếm tỷ lệ 90%).";

static void *worker(void *arg) {
  int *ok = arg;
  *ok = 1;
  for (int i = 0; i < 20; i++) {
    rs_doc *d = rs_doc_new("t.txt", "txt");
    rs_doc_add_para_text(d, THREAD_TEXT, strlen(THREAD_TEXT));
    if (rs_facts_extract(d) != 0 || fact_count(d, "citation") != 1 || fact_count(d, "total") != 1 ||
        fact_count(d, "percentage") != 1)
      *ok = 0;
    rs_doc_free(d);
  }
  return NULL;
}

static void test_threads(void **state) {
  (void)state;
  pthread_t th[4];
  int ok[4];
  for (int i = 0; i < 4; i++) assert_int_equal(pthread_create(&th[i], NULL, worker, &ok[i]), 0);
  for (int i = 0; i < 4; i++) {
    pthread_join(th[i], NULL);
    assert_int_equal(ok[i], 1);
  }
}

static void test_empty_and_garbage(void **state) {
  (void)state;
  const char *paras[] = {"", "////----....,,,,1.2.3.4.5 số: / - KH- ngày tháng năm", "%%% 1e9 ( ( ( ) trong đó",
                         NULL};
  rs_doc *d = facts_doc(paras);
  assert_int_equal(fact_count(d, "citation"), 0);
  assert_int_equal(fact_count(d, "date"), 0);
  rs_doc_free(d);
  d = rs_doc_new("e.txt", "txt");
  assert_int_equal(rs_facts_extract(d), 0);
  assert_int_equal(d->nfacts, 0);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_levels_and_district), cmocka_unit_test(test_abbreviations),
      cmocka_unit_test(test_report),              cmocka_unit_test(test_threads),
      cmocka_unit_test(test_empty_and_garbage),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
