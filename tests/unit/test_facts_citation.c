/* Citations and laws (core/src/facts_citation.c). */
#include "test_facts_util.h"

/* Sample, section I.1 (wrapped lines joined). */
static const char *SAMPLE_LIST =
    "Để tổ chức triển khai thực hiện các nhiệm vụ do Ủy ban nhân dân huyện giao, Ủy ban nhân dân xã đã ban "
    "hành các văn bản chỉ đạo, điều hành công tác cải cách hành chính đến cán bộ, công chức xã như: Kế hoạch số "
    "09/KH-UBND ngày 09/01/2023 về cải cách hành chính nhà nước xã Đình Cao năm 2023; Kế hoạch số 10/KH-UBND "
    "ngày 10/01/2023 về tuyên truyền cải cách hành chính xã Đình Cao năm 2023; Kế hoạch số 13/KH-UBND ngày "
    "16/01/2023 của UBND xã về việc triển khai thực hiện Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023 "
    "trên địa bàn xã Đình Cao; Quyết định số 24/QĐ-UBND ngày 09/02/2023 về ban hành Kế hoạch kiểm soát thủ tục "
    "hành chính, triển khai cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường "
    "điện tử xã Đình Cao năm 2023; Kế hoạch số 40/KH- UBND ngày 24/3/2023 của UBND xã phát triển chính quyền "
    "điện tử, chuyển đổi số và bảo đảm an toàn thông tin mạng xã Đình Cao năm 2023; Kế hoạch số 33/KH-UBND ngày "
    "10/3/2023 về thực hiện hệ thống hoá văn bản quy phạm pháp luật trên địa bàn xã nhiệm kỳ 2019-2023.";

static void test_sample_list(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(SAMPLE_LIST);
  assert_int_equal(fact_count(d, "citation"), 6);
  int c = fact_where(d, "citation", "ref", "09/KH-UBND");
  assert_true(c >= 0);
  assert_string_equal(fs(d, c, "type"), "Kế hoạch");
  assert_string_equal(fs(d, c, "type_text"), "Kế hoạch");
  assert_string_equal(fs(d, c, "type_code"), "KH");
  assert_string_equal(fs(d, c, "number"), "09");
  assert_int_equal(fi(d, c, "number_value"), 9);
  assert_string_equal(fs(d, c, "symbol"), "KH-UBND");
  assert_string_equal(fs(d, c, "symbol_code"), "KH");
  assert_string_equal(fs(d, c, "issuer_code"), "UBND");
  assert_int_equal(fb(d, c, "has_symbol"), 1);
  assert_int_equal(fb(d, c, "has_so"), 1);
  assert_int_equal(fb(d, c, "symbol_spacing"), 0);
  assert_string_equal(fs(d, c, "date_iso"), "2023-01-09");
  assert_string_equal(fs(d, c, "date_source"), "inline");
  int dt = fr(d, c, "date");
  assert_string_equal(d->facts[dt].kind, "date");
  assert_string_equal(fs(d, dt, "role"), "issued");
  assert_string_equal(fs(d, c, "subject"), "cải cách hành chính nhà nước xã Đình Cao năm 2023");
  assert_string_equal(fs(d, c, "subject_marker"), "về");
  assert_int_equal(fb(d, c, "issued"), 1);
  assert_string_equal(fs(d, c, "issuer_level"), "xa");
  assert_string_equal(ftext(d, c), "Kế hoạch số 09/KH-UBND ngày 09/01/2023");

  /* the list items inherit "đã ban hành" */
  int c10 = fact_where(d, "citation", "ref", "10/KH-UBND");
  assert_int_equal(fb(d, c10, "in_list"), 1);
  assert_int_equal(fb(d, c10, "issued"), 1);
  int c13 = fact_where(d, "citation", "ref", "13/KH-UBND");
  assert_string_equal(fs(d, c13, "issuer_text"), "UBND xã");
  assert_string_equal(fs(d, c13, "subject_marker"), "về việc");
  assert_string_equal(fs(d, c13, "subject"),
                      "triển khai thực hiện Kế hoạch theo dõi tình hình thi hành pháp luật năm 2023 trên địa bàn xã "
                      "Đình Cao");

  /* "40/KH- UBND": a space inside the symbol */
  int c40 = fact_where(d, "citation", "ref_norm", "40/KH-UBND");
  assert_true(c40 >= 0);
  assert_string_equal(fs(d, c40, "ref"), "40/KH- UBND");
  assert_string_equal(fs(d, c40, "symbol"), "KH- UBND");
  assert_int_equal(fb(d, c40, "symbol_spacing"), 1);
  assert_string_equal(fsub(d, c40, "spacing_s", "spacing_e"), "- ");
  assert_int_equal(fb(d, c40, "spacing_at_break"), 0);
  /* no "về": the unmarked subject is still recorded */
  assert_null(fs(d, c40, "subject_marker"));
  assert_non_null(fs(d, c40, "subject"));
  assert_true(!strncmp(fs(d, c40, "subject"), "phát triển chính quyền điện tử", strlen("phát triển chính quyền điện tử")));
  int c33 = fact_where(d, "citation", "ref", "33/KH-UBND");
  assert_int_equal(fb(d, c33, "in_list"), 1);
  assert_int_equal(fb(d, c33, "issued"), 1);
  int c24 = fact_where(d, "citation", "ref", "24/QĐ-UBND");
  assert_string_equal(fs(d, c24, "type"), "Quyết định");
  assert_string_equal(fs(d, c24, "type_code"), "QĐ");
  rs_doc_free(d);
}

static void test_decree_61_and_preceding_date(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "Để triển khai tốt công tác cải cách thủ tục hành chính theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của "
      "Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, ngày "
      "14/01/2022, UBND xã đã ban hành Quyết định số 11/QĐ-UBND về kiện toàn Bộ phận Tiếp nhận và Trả kết quả "
      "theo cơ chế một cửa, một cửa liên thông của UBND xã.");
  int n = fact_where(d, "citation", "ref", "61/2018/NĐ-CP");
  assert_true(n >= 0);
  assert_int_equal(fi(d, n, "year"), 2018);
  assert_string_equal(fs(d, n, "symbol"), "NĐ-CP");
  assert_string_equal(fs(d, n, "symbol_code"), "NĐ");
  assert_string_equal(fs(d, n, "type_code"), "NĐ");
  assert_string_equal(fs(d, n, "issuer_code"), "CP");
  assert_string_equal(fs(d, n, "issuer_text"), "Chính phủ");
  assert_string_equal(fs(d, n, "issuer_level"), "trung-uong");
  assert_string_equal(fs(d, n, "relation"), "theo");
  assert_int_equal(fb(d, n, "implements"), 1);
  assert_int_equal(fb(d, n, "issued"), 0);
  assert_string_equal(fs(d, n, "date_iso"), "2018-04-23");
  assert_string_equal(fs(d, n, "subject"),
                      "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính");
  int q = fact_where(d, "citation", "ref", "11/QĐ-UBND");
  assert_string_equal(fs(d, q, "date_source"), "preceding");
  assert_string_equal(fs(d, q, "date_iso"), "2022-01-14");
  assert_int_equal(fb(d, q, "issued"), 1);
  assert_string_equal(fs(d, fr(d, q, "date"), "role"), "issued");
  rs_doc_free(d);

  d = facts_doc1("Ngày 16/01/2023, UBND xã ban hành Kế hoạch số 13/KH-UBND về việc triển khai thực hiện Kế hoạch "
                 "theo dõi tình hình thi hành pháp luật năm 2023 trên địa bàn xã Đình Cao, Kế hoạch số 23 ngày "
                 "27/02/2023 của UBND xã Đình Cao về Công tác quản lý thi hành pháp luật.");
  int k = fact_where(d, "citation", "ref", "13/KH-UBND");
  assert_string_equal(fs(d, k, "date_iso"), "2023-01-16");
  assert_string_equal(fs(d, k, "date_source"), "preceding");
  assert_int_equal(fb(d, k, "issued"), 1);
  /* "Kế hoạch số 23 ngày 27/02/2023": no symbol */
  int k23 = fact_where(d, "citation", "number", "23");
  assert_int_equal(fb(d, k23, "has_symbol"), 0);
  assert_string_equal(ftext(d, k23), "Kế hoạch số 23 ngày 27/02/2023 của UBND xã Đình Cao");
  assert_string_equal(fs(d, k23, "date_iso"), "2023-02-27");
  assert_string_equal(fs(d, k23, "issuer_text"), "UBND xã Đình Cao");
  assert_int_equal(fb(d, k23, "in_list"), 1);
  rs_doc_free(d);
}

static void test_ttg_party_and_bare_symbols(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("Thực hiện Quyết định số 25/QĐ-TTg của Thủ tướng Chính phủ và quy định tại "
                         "25/2021/QĐ-TTg; Nghị quyết số 06-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về Chương trình "
                         "chuyển đổi số; theo Quy định 540-QĐ/TU của Tỉnh uỷ Hưng Yên;");
  int a = fact_where(d, "citation", "ref", "25/QĐ-TTg");
  assert_string_equal(fs(d, a, "issuer_code"), "TTg");
  assert_string_equal(fs(d, a, "issuer_text"), "Thủ tướng Chính phủ");
  assert_string_equal(fs(d, a, "relation"), "thực hiện");
  assert_int_equal(fb(d, a, "implements"), 1);
  int b = fact_where(d, "citation", "ref", "25/2021/QĐ-TTg");
  assert_true(b >= 0);
  assert_string_equal(fs(d, b, "type_source"), "symbol");
  assert_string_equal(fs(d, b, "type"), "Quyết định");
  assert_int_equal(fi(d, b, "year"), 2021);
  assert_string_equal(fs(d, b, "issuer_level"), "trung-uong");
  assert_string_equal(fs(d, b, "issuer_level_source"), "code");
  int p = fact_where(d, "citation", "ref", "06-NQ/TU");
  assert_int_equal(fb(d, p, "party"), 1);
  assert_string_equal(fs(d, p, "symbol_code"), "NQ");
  assert_string_equal(fs(d, p, "issuer_code"), "TU");
  assert_string_equal(fs(d, p, "issuer_level"), "tinh");
  assert_string_equal(fs(d, p, "subject"), "Chương trình chuyển đổi số");
  int q = fact_where(d, "citation", "ref", "540-QĐ/TU");
  assert_string_equal(fs(d, q, "type"), "Quy định");
  assert_string_equal(fs(d, q, "type_code"), "QĐ"); /* Party: Quy định is QĐ */
  assert_int_equal(fb(d, q, "has_so"), 0);
  assert_int_equal(fb(d, q, "informal"), 1);
  assert_string_equal(fs(d, q, "issuer_text"), "Tỉnh uỷ Hưng Yên");
  assert_string_equal(fs(d, q, "relation"), "theo");
  rs_doc_free(d);
}

static void test_cong_van_and_odd_forms(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "- Thực hiện Công văn số 2839/UBND-TH ngày 26/10/2022 của UBND tỉnh Hưng Yên về việc thực hiện cơ chế tự "
      "chủ, tự chịu trách nhiệm và Quyết đinh số 01/QĐ-UBND ngày 03/01/2023 của UBND xã Đình Cao về việc giao dự "
      "toán thu chi ngân sách nhà nước năm 2023; UBND xã đã ban hành Quyết định số 03A/QĐ- UBND ngày 05/01/2023 "
      "về việc ban hành quy chế chi tiêu nội bộ năm 2023 của đơn vị.");
  int cv = fact_where(d, "citation", "ref", "2839/UBND-TH");
  assert_string_equal(fs(d, cv, "type"), "Công văn");
  assert_null(fs(d, cv, "type_code"));
  assert_null(fs(d, cv, "symbol_code"));
  assert_string_equal(fs(d, cv, "issuer_code"), "UBND");
  assert_string_equal(fs(d, cv, "issuers"), "UBND-TH");
  assert_string_equal(fs(d, cv, "issuer_text"), "UBND tỉnh Hưng Yên");
  assert_string_equal(fs(d, cv, "issuer_level"), "tinh");
  assert_string_equal(fs(d, cv, "subject"), "thực hiện cơ chế tự chủ, tự chịu trách nhiệm");
  int q1 = fact_where(d, "citation", "ref", "01/QĐ-UBND");
  assert_int_equal(fb(d, q1, "type_misspelled"), 1);
  assert_string_equal(fs(d, q1, "type_text"), "Quyết đinh");
  assert_string_equal(fs(d, q1, "type"), "Quyết định");
  assert_int_equal(fb(d, q1, "in_list"), 1);
  assert_int_equal(fb(d, q1, "implements"), 1);
  int q3 = fact_where(d, "citation", "ref_norm", "03A/QĐ-UBND");
  assert_string_equal(fs(d, q3, "number"), "03A");
  assert_int_equal(fi(d, q3, "number_value"), 3);
  assert_string_equal(fs(d, q3, "number_suffix"), "A");
  assert_int_equal(fb(d, q3, "symbol_spacing"), 1);
  assert_int_equal(fb(d, q3, "issued"), 1);
  assert_int_equal(fb(d, q3, "implements"), 0);
  rs_doc_free(d);

  d = facts_doc1("- Ban hành Quyết định số: 22/QĐ-UBDN ngày 27 tháng 01 năm 2023 về việc Ban hành quy chế quản lý "
                 "và sử dụng tài sản công của Uỷ ban nhân dân xã Đình Cao năm 2023.");
  int c = fact_nth(d, "citation", 0);
  assert_int_equal(fb(d, c, "so_colon"), 1);
  assert_string_equal(fs(d, c, "issuer_code"), "UBDN");
  assert_string_equal(fs(d, c, "date_iso"), "2023-01-27");
  assert_string_equal(fs(d, fr(d, c, "date"), "form"), "words");
  rs_doc_free(d);

  d = facts_doc1("xử lý theo nghị định 123 của chính phủ về hóa đơn.");
  c = fact_nth(d, "citation", 0);
  assert_true(c >= 0);
  assert_string_equal(fs(d, c, "type"), "Nghị định");
  assert_string_equal(fs(d, c, "type_case"), "lower");
  assert_int_equal(fb(d, c, "informal"), 1);
  assert_int_equal(fb(d, c, "has_symbol"), 0);
  assert_string_equal(fs(d, c, "issuer_level"), "trung-uong");
  rs_doc_free(d);

  /* a type word without a number is not a citation */
  d = facts_doc1("UBND xã không ban hành Quyết định xử phạt vi phạm hành chính; Kế hoạch cải cách hành chính năm "
                 "2023 bảo đảm chất lượng. Báo cáo 6 tháng gửi huyện.");
  assert_int_equal(fact_count(d, "citation"), 0);
  rs_doc_free(d);
}

static void test_shared_issuer_and_district_actor(void **state) {
  (void)state;
  rs_doc *d = facts_doc1("nhằm tổ chức triển khai thực hiện hiệu quả các quy định tại Nghị định số 59/2012/NĐ-CP và "
                         "Nghị định số 32/2020/NĐ-CP của Chính phủ trên địa bàn xã;");
  int a = fact_where(d, "citation", "ref", "59/2012/NĐ-CP");
  assert_string_equal(fs(d, a, "issuer_text"), "Chính phủ");
  assert_int_equal(fb(d, a, "issuer_shared"), 1);
  assert_null(fs(d, a, "subject"));
  assert_null(fs(d, a, "date_iso"));
  assert_string_equal(fs(d, a, "relation"), "quy định tại");
  int b = fact_where(d, "citation", "ref", "32/2020/NĐ-CP");
  assert_string_equal(fs(d, b, "issuer_text"), "Chính phủ");
  assert_int_equal(fb(d, b, "issuer_shared"), 0);
  rs_doc_free(d);

  d = facts_doc1("Ngày 03/01/2023 UBND huyện ra Quyết định số 02/QĐ-UBND về việc phê chuẩn kết quả bầu Phó Chủ "
                 "tịch Uỷ ban nhân dân xã Đình Cao, nhiệm kỳ 2021- 2026.");
  int q = fact_nth(d, "citation", 0);
  assert_int_equal(fb(d, q, "issued"), 0);
  assert_string_equal(fs(d, q, "issued_by"), "UBND huyện");
  assert_string_equal(fs(d, q, "issuer_level"), "huyen");
  assert_string_equal(fs(d, q, "date_source"), "preceding");
  rs_doc_free(d);
}

static void test_laws(void **state) {
  (void)state;
  rs_doc *d = facts_doc1(
      "nội dung tuyên truyền, phổ biến Luật Cư trú, Luật Căn cước công dân, Luật Xử lý vi phạm hành chính, Luật "
      "Bảo vệ môi trường, Luật Quyền con người và các quy định về cải cách hành chính, Luật Hôn nhân và Gia đình, "
      "Luật Đất đai, Luật Tiếp công dân, Luật Nghĩa vụ quân sự, Luật Trẻ em, phòng chống bạo lực học đường, Luật "
      "Phòng chống tham nhũng,…và các quy định của pháp luật về nâng cao chỉ số quản trị;");
  const char *names[] = {"Luật Cư trú", "Luật Căn cước công dân", "Luật Xử lý vi phạm hành chính",
                         "Luật Bảo vệ môi trường", "Luật Quyền con người", "Luật Hôn nhân và Gia đình",
                         "Luật Đất đai", "Luật Tiếp công dân", "Luật Nghĩa vụ quân sự", "Luật Trẻ em",
                         "Luật Phòng chống tham nhũng"};
  assert_int_equal(fact_count(d, "law"), 11);
  for (int i = 0; i < 11; i++) {
    int f = fact_nth(d, "law", i);
    assert_string_equal(fs(d, f, "name"), names[i]);
    assert_string_equal(ftext(d, f), names[i]);
  }
  assert_string_equal(fs(d, fact_nth(d, "law", 5), "title"), "Hôn nhân và Gia đình");
  rs_doc_free(d);

  d = facts_doc1("tuyên truyền, phổ biến giáo dục Luật Giao thông đường bộ và các văn bản hướng dẫn thi hành Luật "
                 "Giao thông đường bộ cho các học sinh; Luật Đất đai năm 2013; theo quy định của pháp luật.");
  assert_int_equal(fact_count(d, "law"), 3);
  assert_string_equal(fs(d, fact_nth(d, "law", 0), "name"), "Luật Giao thông đường bộ");
  assert_string_equal(fs(d, fact_nth(d, "law", 1), "name"), "Luật Giao thông đường bộ");
  int l = fact_nth(d, "law", 2);
  assert_string_equal(fs(d, l, "name"), "Luật Đất đai");
  assert_int_equal(fi(d, l, "year"), 2013);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_list),
      cmocka_unit_test(test_decree_61_and_preceding_date),
      cmocka_unit_test(test_ttg_party_and_bare_symbols),
      cmocka_unit_test(test_cong_van_and_odd_forms),
      cmocka_unit_test(test_shared_issuer_and_district_actor),
      cmocka_unit_test(test_laws),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
