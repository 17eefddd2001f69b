/* Reflow of hard-wrapped text: the sample report (text extracted from a
 * signed PDF) rebuilt into paragraphs with true source positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "readers.h"
#include "reflow.h"

#define SAMPLE RS_FIXTURES "/dinh-cao-cchc-6-thang-2023.txt"

static rs_doc *sample;

static int setup(void **st) {
  (void)st;
  char *err = NULL;
  int rc = rs_read_txt(SAMPLE, NULL, &sample, &err);
  if (rc) {
    fprintf(stderr, "cannot read the sample: %s\n", err ? err : "?");
    free(err);
    return -1;
  }
  return 0;
}

static int teardown(void **st) {
  (void)st;
  rs_doc_free(sample);
  return 0;
}

/* Index of the paragraph containing needle (the first one), or -1. */
static int find_para(const rs_doc *d, const char *needle) {
  for (size_t i = 0; i < d->npara; i++)
    if (strstr(d->paras[i].text, needle)) return (int)i;
  return -1;
}

static int find_exact(const rs_doc *d, const char *text) {
  for (size_t i = 0; i < d->npara; i++)
    if (!strcmp(d->paras[i].text, text)) return (int)i;
  return -1;
}

static void pos_of(const rs_doc *d, int para, const char *needle, uint32_t *line, uint32_t *col) {
  assert_true(para >= 0);
  const rs_para *p = &d->paras[para];
  const char *at = strstr(p->text, needle);
  if (!at) fail_msg("'%s' not in paragraph %d", needle, para);
  rs_para_pos(p, (uint32_t)(at - p->text), line, col);
}

static void test_sample_is_reflowed(void **st) {
  (void)st;
  assert_int_equal(sample->reflowed, 1);
  assert_int_equal(sample->diags.n, 0);
  /* 343 non-blank lines make about a hundred paragraphs */
  assert_true(sample->npara >= 95 && sample->npara <= 125);
  for (size_t i = 0; i < sample->npara; i++) assert_true(sample->paras[i].len > 0);
}

static void test_citation_across_lines(void **st) {
  (void)st;
  int p = find_para(sample, "Kế hoạch số 10/KH-UBND ngày 10/01/2023 về tuyên truyền cải cách hành chính xã Đình Cao");
  assert_true(p >= 0);
  uint32_t l, c;
  pos_of(sample, p, "10/KH-UBND", &l, &c);
  assert_int_equal(l, 18);
  assert_int_equal(c, 1);
  pos_of(sample, p, "Kế hoạch số 10/KH", &l, &c);
  assert_int_equal(l, 16);
  /* the first line of the paragraph */
  rs_para_pos(&sample->paras[p], 0, &l, &c);
  assert_int_equal(l, 10);
  assert_int_equal(c, 1);
}

static void test_hyphen_join(void **st) {
  (void)st;
  int p = find_para(sample, "Kế hoạch số 205/KH-UBND ngày 23/12/2022");
  assert_true(p >= 0);
  uint32_t l, c;
  pos_of(sample, p, "205/KH-UBND", &l, &c);
  assert_int_equal(l, 98);
  pos_of(sample, p, "UBND ngày 23/12/2022 của Ủy ban nhân dân tỉnh về tuyên truyền", &l, &c);
  assert_int_equal(l, 100);
  assert_int_equal(c, 1);
  assert_true(find_para(sample, "Kế hoạch số 05/KH-UBND ngày 06/01/2023") >= 0);
  assert_true(find_para(sample, "nhiệm kỳ 2021-2026. Cán bộ") >= 0);
  assert_true(find_para(sample, "Quyết định số 03A/QĐ-UBND ngày 05/01/2023") >= 0);
  assert_true(find_para(sample, "giai đoạn 2021-2030; Chỉ thị số 23/CT-TTg") >= 0);
  /* a space typed inside the symbol on one line stays (a finding for rules) */
  assert_true(find_para(sample, "Kế hoạch số 40/KH- UBND ngày 24/3/2023") >= 0);
  /* a spaced dash at the end of a line is joined with a space */
  assert_true(find_para(sample, "Tư pháp- Hộ tịch xã phối hợp") >= 0);
}

static void test_join_space_position(void **st) {
  (void)st;
  int p = find_para(sample, "Để tổ chức triển khai");
  assert_true(p >= 0);
  const char *first = "Để tổ chức triển khai thực hiện các nhiệm vụ do Ủy ban nhân dân huyện";
  const rs_para *pa = &sample->paras[p];
  assert_memory_equal(pa->text, first, strlen(first));
  assert_int_equal(pa->text[strlen(first)], ' ');
  uint32_t l, c;
  rs_para_pos(pa, (uint32_t)strlen(first), &l, &c);
  assert_int_equal(l, 10);
  assert_int_equal(c, rs_utf8_count(first, strlen(first)) + 1);
  pos_of(sample, p, "giao, Ủy ban", &l, &c);
  assert_int_equal(l, 12);
  assert_int_equal(c, 1);
}

static void test_page_break(void **st) {
  (void)st;
  /* lines 76 and 80 with three blank lines between them (a page break) */
  int p = find_para(sample, "bảo đảm đúng người đúng việc, giảm số lượng");
  assert_true(p >= 0);
  uint32_t l, c;
  pos_of(sample, p, "việc, giảm số lượng", &l, &c);
  assert_int_equal(l, 80);
  assert_int_equal(c, 1);
  assert_true(find_para(sample, "Nghị quyết số 06-NQ/TU") >= 0);
}

static void test_headings_separate(void **st) {
  (void)st;
  const char *exact[] = {
      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023",
      "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
      "1. Về tổ chức chỉ đạo, điều hành cải cách hành chính",
      "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
      "1. Cải cách thể chế",
      "a,Kết quả tham mưu, xây dựng và ban hành văn bản quy phạm pháp luật",
      "a) Kết quả tổ chức thi hành pháp luật và theo dõi, thi hành pháp luật",
      "d,Kết quả kiểm tra, rà soát và hệ thống hóa văn bản quy phạm pháp luật",
      "b,Thực hiện các thủ tục hành chính trên các lĩnh vực quản lý nhà nước theo quy định của Chính phủ, các "
      "bộ, ngành trung ương, UBND tỉnh",
      "c,Kết quả thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC",
      "Tính từ ngày 15/12/2022 đến ngày 11/6/2023:",
      "6.  Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
      "a) Chỉ đạo, triển khai xây dựng, phát triển Chính quyền điện tử, Chính quyền số",
      "b) Kết quả xây dựng, phát triển hạ tầng kỹ thuật; cung cấp dịch vụ công trực tuyến mức độ 3 và 4",
      "+ Phù hợp với đặc thù hoạt động của UBND xã",
      "+ Đảm bảo cho UBND xã và cán bộ, công chức hoàn thành tốt nhiệm vụ được giao.",
      "III. ĐÁNH GIÁ CHUNG",
      "2.Những tồn tại, hạn chế",
      "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC 6 THÁNG CUỐI NĂM 2023",
      "Nơi nhận:",
      "- Phòng Nội vụ huyện;",
      "- Lãnh đạo UBND xã;",
      "- Công chức xã;",
      "- Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
  };
  for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
    if (find_exact(sample, exact[i]) < 0) fail_msg("no paragraph '%s'", exact[i]);
  /* the closing sentence is one paragraph ending with ./. */
  int p = find_para(sample, "Trên đây là Báo cáo");
  assert_true(p >= 0);
  const rs_para *pa = &sample->paras[p];
  assert_string_equal(pa->text + pa->len - 3, "./.");
  assert_non_null(strstr(pa->text, "Ủy ban nhân dân xã Đình Cao trân trọng báo cáo./."));
  /* the last paragraph is the signer's title */
  assert_string_equal(sample->paras[sample->npara - 1].text, "CHỦ TỊCH");
  /* a sentence cut by a bare number is not glued to it */
  assert_true(find_para(sample, "nhiệm kỳ 2019-2023 06 tháng") < 0);
}

static void test_spacing_kept(void **st) {
  (void)st;
  assert_true(find_para(sample, "Chương trình tổng thể CCHC  nhà nước") >= 0);
  assert_true(find_para(sample, "chính sách,pháp luật") >= 0);
  /* leading blanks of a line are dropped, its columns kept */
  int p = find_exact(sample, "a,Kết quả tham mưu, xây dựng và ban hành văn bản quy phạm pháp luật");
  uint32_t l, c;
  rs_para_pos(&sample->paras[p], 0, &l, &c);
  assert_int_equal(l, 128);
  assert_int_equal(c, 2);
  p = find_para(sample, "c,Kết quả thực hiện cơ chế");
  rs_para_pos(&sample->paras[p], 0, &l, &c);
  assert_int_equal(l, 254);
  assert_int_equal(c, 10);
}

static void test_lines_mode(void **st) {
  (void)st;
  FILE *f = fopen(SAMPLE, "rb");
  assert_non_null(f);
  char *buf = malloc(1 << 20);
  size_t n = fread(buf, 1, 1 << 20, f);
  fclose(f);
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt_buffer(SAMPLE, buf, n, RS_TXT_LINES, NULL, &d, &err), 0);
  assert_int_equal(d->reflowed, 0);
  assert_int_equal(d->npara, 343);
  rs_doc_free(d);

  /* detection on the raw lines */
  size_t cap = 1024, nl = 0;
  rs_line *lines = malloc(cap * sizeof *lines);
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || buf[i] == '\n') {
      lines[nl].s = buf + start;
      lines[nl].len = i - start;
      lines[nl].lineno = (uint32_t)nl + 1;
      nl++;
      start = i + 1;
    }
  }
  rs_reflow_shape sh;
  rs_reflow_detect(lines, nl, &sh);
  assert_int_equal(sh.hard_wrapped, 1);
  assert_int_equal(sh.width, 80);
  assert_int_equal(sh.nonblank, 343);
  assert_int_equal(sh.blank_is_noise, 1);
  assert_true(sh.wrapped > 150);
  free(lines);
  free(buf);
}

static void test_not_wrapped(void **st) {
  (void)st;
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt(RS_FIXTURES "/text/header-ok.txt", NULL, &d, &err), 0);
  assert_int_equal(d->reflowed, 0);
  assert_int_equal(d->npara, 32);
  rs_doc_free(d);
  /* one paragraph per (long) line */
  const char *s =
      "Ủy ban nhân dân xã đã ban hành kế hoạch cải cách hành chính năm 2023 và triển khai đến toàn thể cán bộ, "
      "công chức trong cơ quan để thực hiện nghiêm túc, đúng tiến độ và bảo đảm chất lượng công việc được giao\n"
      "công tác tuyên truyền được thực hiện thường xuyên trên hệ thống loa truyền thanh của xã và tại các buổi "
      "họp thôn, giúp người dân hiểu rõ hơn về thủ tục hành chính của xã Đình Cao\n"
      "bộ phận một cửa tiếp nhận hồ sơ đúng quy định, không để tồn đọng hồ sơ quá hạn trong suốt kỳ báo cáo vừa "
      "qua, được người dân và doanh nghiệp đánh giá cao về thái độ phục vụ tận tình\n"
      "công chức văn phòng thống kê đã cập nhật đầy đủ dữ liệu về hồ sơ, thủ tục lên hệ thống thông tin giải "
      "quyết thủ tục hành chính của tỉnh theo đúng quy định hiện hành của pháp luật\n";
  assert_int_equal(rs_read_txt_buffer("x.txt", s, strlen(s), RS_TXT_AUTO, NULL, &d, &err), 0);
  assert_int_equal(d->reflowed, 0);
  assert_int_equal(d->npara, 4);
  rs_doc_free(d);
}

/* Hard-wrapped text whose paragraphs are separated by blank lines: there
 * the blank lines do separate paragraphs. */
static void test_blank_separated(void **st) {
  (void)st;
  const char *s =
      "Ủy ban nhân dân xã đã ban hành kế hoạch cải cách hành chính năm\n"
      "2023 và triển khai đến toàn thể cán bộ, công chức trong cơ quan để\n"
      "thực hiện nghiêm túc, đúng tiến độ và bảo đảm chất lượng công việc.\n"
      "\n"
      "Công tác tuyên truyền được thực hiện thường xuyên trên hệ thống loa\n"
      "truyền thanh của xã và tại các buổi họp thôn, giúp người dân hiểu rõ\n"
      "hơn về thủ tục hành chính của Ủy ban nhân dân xã Đình Cao tỉnh Hưng Yên\n"
      "\n"
      "Bộ phận một cửa tiếp nhận hồ sơ đúng quy định, không để tồn đọng hồ\n"
      "sơ quá hạn.\n";
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt_buffer("x.txt", s, strlen(s), RS_TXT_AUTO, NULL, &d, &err), 0);
  assert_int_equal(d->reflowed, 1);
  assert_int_equal(d->npara, 3);
  assert_non_null(strstr(d->paras[0].text, "cải cách hành chính năm 2023 và triển khai"));
  assert_string_equal(d->paras[2].text,
                      "Bộ phận một cửa tiếp nhận hồ sơ đúng quy định, không để tồn đọng hồ sơ quá hạn.");
  uint32_t l, c;
  rs_para_pos(&d->paras[2], 0, &l, &c);
  assert_int_equal(l, 9);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_is_reflowed),
      cmocka_unit_test(test_citation_across_lines),
      cmocka_unit_test(test_hyphen_join),
      cmocka_unit_test(test_join_space_position),
      cmocka_unit_test(test_page_break),
      cmocka_unit_test(test_headings_separate),
      cmocka_unit_test(test_spacing_kept),
      cmocka_unit_test(test_lines_mode),
      cmocka_unit_test(test_not_wrapped),
      cmocka_unit_test(test_blank_separated),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
