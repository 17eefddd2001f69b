/* .odt reader (reader_odt.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "readers.h"

static const char *fx(const char *rel) {
  static char path[1024];
  snprintf(path, sizeof path, "%s/%s", RS_FIXTURES, rel);
  return path;
}

static rs_doc *read_ok(const char *rel) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_odt(fx(rel), &lim, &d, &err);
  if (rc) fprintf(stderr, "%s: %s\n", rel, err ? err : "?");
  assert_int_equal(rc, 0);
  assert_null(err);
  assert_non_null(d);
  assert_string_equal(d->format, "odt");
  return d;
}

static void near(double got, double want) {
  if (isnan(got) || fabs(got - want) > 0.05) fail_msg("got %f, want %f", got, want);
}

static const rs_para *find(const rs_doc *d, const char *text) {
  for (size_t i = 0; i < d->npara; i++)
    if (!strcmp(d->paras[i].text, text)) return &d->paras[i];
  fail_msg("no paragraph '%s'", text);
  return NULL;
}

static void test_sample_text_and_layout(void **st) {
  (void)st;
  rs_doc *d = read_ok("odt/sample.odt");
  FILE *f = fopen(fx("odt/sample-paragraphs.txt"), "r");
  assert_non_null(f);
  char line[8192];
  size_t i = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    assert_true(i < d->npara);
    /* every defect kept: double spaces (text:s), spacing, markers */
    assert_string_equal(d->paras[i].text, line);
    assert_int_equal(d->paras[i].segs[0].line, i + 1);
    assert_int_equal(d->paras[i].part, RS_PART_BODY);
    i++;
  }
  fclose(f);
  assert_int_equal(i, d->npara);
  /* page: A4, margins 20/20/30/15 mm */
  assert_true(d->page.known);
  near(d->page.width_mm, 210);
  near(d->page.height_mm, 297);
  near(d->page.top_mm, 20);
  near(d->page.bottom_mm, 20);
  near(d->page.left_mm, 30);
  near(d->page.right_mm, 15);
  /* title: centred, bold, Times New Roman 14 through the default style */
  const rs_para *p = &d->paras[0];
  assert_int_equal(p->align, RS_ALIGN_CENTER);
  assert_int_equal(p->nruns, 1);
  assert_string_equal(p->runs[0].font, "Times New Roman");
  near(p->runs[0].size_pt, 14);
  assert_int_equal(p->runs[0].bold, 1);
  assert_int_equal(p->runs[0].italic, 0);
  /* heading */
  p = find(d, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
  assert_int_equal(p->heading_level, 1);
  assert_string_equal(p->style, "Heading 1");
  assert_int_equal(p->runs[0].bold, 1);
  /* body: automatic style P1 -> "Text body" -> Standard -> default style */
  p = &d->paras[3];
  assert_string_equal(p->style, "Text body");
  assert_int_equal(p->heading_level, 0);
  assert_int_equal(p->align, RS_ALIGN_JUSTIFY);
  near(p->indent_first_mm, 10);
  near(p->space_before_pt, 3);
  near(p->space_after_pt, 6);
  near(p->line_spacing, 1.15);
  assert_string_equal(p->runs[0].font, "Times New Roman");
  near(p->runs[0].size_pt, 14);
  assert_int_equal(p->runs[0].bold, 0);
  assert_int_equal(p->runs[0].end, p->len);
  /* the soft page break inside paragraph 11 is not text */
  assert_null(strstr(d->paras[10].text, "  "));
  /* "Nơi nhận:" bold italic 12 pt */
  p = find(d, "Nơi nhận:");
  assert_int_equal(p->runs[0].bold, 1);
  assert_int_equal(p->runs[0].italic, 1);
  near(p->runs[0].size_pt, 12);
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
}

static void test_numbered_labels_tables_fonts(void **st) {
  (void)st;
  rs_doc *d = read_ok("odt/numbered.odt");
  /* header table: agency | Quốc hiệu */
  const rs_para *p = &d->paras[0];
  assert_string_equal(p->text, "UBND HUYỆN PHÙ CỪ");
  assert_int_equal(p->table, 1);
  assert_int_equal(p->row, 1);
  assert_int_equal(p->cell, 1);
  p = &d->paras[1];
  assert_string_equal(p->text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_int_equal(p->cell, 2);
  assert_int_equal(p->segs[0].line, 2);
  assert_string_equal(p->style, "Quoc hieu");
  assert_int_equal(p->runs[0].bold, 1);
  near(p->runs[0].size_pt, 12);
  /* P3 -> Tieu ngu (13 pt) -> Quoc hieu (bold, 12 pt), font Arial */
  p = find(d, "Độc lập - Tự do - Hạnh phúc");
  assert_int_equal(p->row, 2);
  assert_int_equal(p->cell, 2);
  assert_string_equal(p->runs[0].font, "Arial");
  near(p->runs[0].size_pt, 13);
  assert_int_equal(p->runs[0].bold, 1);
  p = find(d, "Đình Cao, ngày 16 tháng 6 năm 2023");
  assert_int_equal(p->row, 3);
  assert_int_equal(p->align, RS_ALIGN_RIGHT);
  assert_int_equal(p->runs[0].italic, 1);
  p = find(d, "BÁO CÁO");
  assert_int_equal(p->table, 0);
  /* generated labels */
  p = find(d, "KẾT QUẢ THỰC HIỆN");
  assert_string_equal(p->label, "I.");
  assert_int_equal(p->heading_level, 1);
  assert_string_equal(find(d, "Cải cách thể chế")->label, "1.");
  assert_string_equal(find(d, "Kết quả xây dựng văn bản quy phạm pháp luật")->label, "a)");
  assert_string_equal(find(d, "Kết quả kiểm tra, rà soát văn bản")->label, "b)");
  assert_string_equal(find(d, "Cải cách thủ tục hành chính")->label, "2.");
  assert_null(find(d, "Tiếp nhận 1.395 hồ sơ, giải quyết đúng hạn 1.394 hồ sơ.")->label);
  assert_string_equal(find(d, "PHƯƠNG HƯỚNG, NHIỆM VỤ")->label, "II.");
  assert_string_equal(find(d, "Tiếp tục cải cách thể chế")->label, "1."); /* restarts under II */
  assert_string_equal(find(d, "Đẩy mạnh chuyển đổi số")->label, "2.");
  assert_string_equal(find(d, "Rà soát thủ tục")->label, "(1)");
  assert_string_equal(find(d, "Công khai thủ tục")->label, "(2)");
  assert_string_equal(find(d, "Như trên;")->label, "-");
  assert_string_equal(find(d, "TỔ CHỨC THỰC HIỆN")->label, "III."); /* continue-numbering */
  /* footnote right after the paragraph that cites it */
  const rs_para *cite = find(d, "Tiếp nhận 1.395 hồ sơ, giải quyết đúng hạn 1.394 hồ sơ.");
  p = cite + 1;
  assert_string_equal(p->text, "Số liệu tính đến ngày 14/6/2023.");
  assert_int_equal(p->part, RS_PART_FOOTNOTE);
  /* spaces, tab, line break; runs through span styles */
  p = find(d, "Các nhiệm vụ trọng tâm gồm:  ba\tnội dung\nsau đây (xem phụ lục).");
  int bold_seen = 0, small_seen = 0, bi_seen = 0;
  for (size_t r = 0; r < p->nruns; r++) {
    const rs_run *run = &p->runs[r];
    size_t n = run->end - run->start;
    if (n == strlen("trọng tâm") && !memcmp(p->text + run->start, "trọng tâm", n)) {
      assert_int_equal(run->bold, 1);
      bold_seen = 1;
    }
    if (n == strlen("đây") && !memcmp(p->text + run->start, "đây", n)) {
      near(run->size_pt, 7); /* 50% of 14 pt */
      small_seen = 1;
    }
    if (n == strlen("(xem phụ lục)") && !memcmp(p->text + run->start, "(xem phụ lục)", n)) {
      assert_int_equal(run->bold, 1);
      assert_int_equal(run->italic, 1); /* from the parent text style "Emphasis" */
      bi_seen = 1;
    }
  }
  assert_true(bold_seen && small_seen && bi_seen);
  /* signature table */
  p = find(d, "Nơi nhận:");
  assert_int_equal(p->table, 2);
  assert_int_equal(p->cell, 1);
  assert_int_equal(p->runs[0].bold, 1);
  assert_int_equal(p->runs[0].italic, 1);
  p = find(d, "CHỦ TỊCH");
  assert_int_equal(p->table, 2);
  assert_int_equal(p->cell, 2);
  /* header and footer come last */
  p = &d->paras[d->npara - 2];
  assert_string_equal(p->text, "UBND xã Đình Cao");
  assert_int_equal(p->part, RS_PART_HEADER);
  p = &d->paras[d->npara - 1];
  assert_string_equal(p->text, "Trang 1");
  assert_int_equal(p->part, RS_PART_FOOTER);
  /* page size and margins given in mm, in and cm */
  near(d->page.width_mm, 210);
  near(d->page.top_mm, 20);
  near(d->page.bottom_mm, 20);
  near(d->page.left_mm, 30);
  near(d->page.right_mm, 15);
  for (size_t i = 0; i < d->npara; i++) assert_int_equal(d->paras[i].segs[0].line, i + 1);
  rs_doc_free(d);
}

static void expect_fail(const char *rel, int want, const char *needle) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_doc *d = NULL;
  char *err = NULL;
  clock_t t0 = clock();
  int rc = rs_read_odt(fx(rel), &lim, &d, &err);
  assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
  assert_int_equal(rc, want);
  assert_null(d);
  assert_non_null(err);
  if (needle && !strstr(err, needle)) fail_msg("message '%s' lacks '%s'", err, needle);
  free(err);
}

/* Text boxes in frames anchored in a paragraph (one inside another) are
 * read as paragraphs after it; pictures are counted. */
static void test_textboxes_and_pictures(void **st) {
  (void)st;
  rs_doc *d = read_ok("odt/textbox.odt");
  static const char *const want[] = {"Số: 125/BC-UBND", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH CAO",
                                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "Độc lập - Tự do - Hạnh phúc",
                                     "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính"};
  assert_int_equal(d->npara, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < d->npara; i++)
    if (strcmp(d->paras[i].text, want[i])) fail_msg("paragraph %zu: \"%s\", want \"%s\"", i, d->paras[i].text, want[i]);
  assert_int_equal(d->images, 0);
  rs_doc_free(d);
  d = read_ok("odt/scan-only.odt");
  assert_int_equal(d->images, 2);
  rs_doc_free(d);
}

/* Hidden text (text:display="none", on a span or a paragraph's style) is
 * left out, as LibreOffice neither shows nor prints it. */
static void test_hidden_text(void **st) {
  (void)st;
  rs_doc *d = read_ok("odt/hidden.odt");
  assert_int_equal(d->npara, 3);
  assert_string_equal(d->paras[0].text, "Báo cáo kết quả cải cách hành chính.");
  assert_string_equal(d->paras[1].text, "");
  assert_string_equal(d->paras[2].text, "Số liệu đã cập nhật.");
  rs_doc_free(d);
}

/* text:table-of-content is its own part; the headings stay in the body. */
static void test_table_of_contents(void **st) {
  (void)st;
  rs_doc *d = read_ok("odt/toc.odt");
  size_t ntoc = 0, first_body = 0;
  for (size_t i = 0; i < d->npara; i++) {
    if (d->paras[i].part == RS_PART_TOC) ntoc++;
    else if (!first_body) first_body = i + 1;
  }
  assert_int_equal(ntoc, 11);
  assert_int_equal(first_body, 12);
  assert_string_equal(d->paras[11].text, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
  rs_doc_free(d);
}

static void test_hostile(void **st) {
  (void)st;
  expect_fail("hostile/malformed.odt", RS_EFORMAT, "content.xml");
  expect_fail("hostile/xxe.odt", RS_EFORMAT, "DOCTYPE");
  expect_fail("hostile/no-content.odt", RS_EFORMAT, "content.xml");
  expect_fail("hostile/deep-nesting.odt", RS_ELIMIT, "sâu");
  expect_fail("odt/khong-co.odt", RS_EIO, NULL);
  expect_fail("hostile/legacy.doc", RS_EFORMAT, NULL);
  expect_fail("hostile/zip-bomb.odt", RS_ELIMIT, NULL);
  expect_fail("hostile/no-main-part.docx", RS_EFORMAT, "content.xml");
  expect_fail("dinh-cao-cchc-6-thang-2023.txt", RS_EFORMAT, NULL);
}

static void test_paragraph_limit(void **st) {
  (void)st;
  rs_limits lim;
  rs_limits_default(&lim);
  lim.max_paragraphs = 5;
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_odt(fx("odt/sample.odt"), &lim, &d, &err);
  assert_int_equal(rc, RS_ELIMIT);
  assert_null(d);
  assert_non_null(strstr(err, "quá nhiều đoạn"));
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_text_and_layout),
      cmocka_unit_test(test_numbered_labels_tables_fonts),
      cmocka_unit_test(test_textboxes_and_pictures),
      cmocka_unit_test(test_hidden_text),
      cmocka_unit_test(test_table_of_contents),
      cmocka_unit_test(test_hostile),
      cmocka_unit_test(test_paragraph_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
