/* .docx reader: text, tables, numbering labels, tracked changes, fields,
 * parts, layout and fonts, locations, limits and hostile packages. */
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

#define FX(p) RS_FIXTURES "/" p

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static rs_doc *read_ok(const char *path) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_docx(path, &lim, &d, &err);
  if (rc) fail_msg("%s: rc %d: %s", path, rc, err ? err : "");
  assert_non_null(d);
  assert_string_equal(d->format, "docx");
  return d;
}

/* index of the first paragraph whose text equals s, or -1 */
static int find_para(const rs_doc *d, const char *s) {
  for (size_t i = 0; i < d->npara; i++)
    if (!strcmp(d->paras[i].text, s)) return (int)i;
  return -1;
}

static const rs_para *para_eq(const rs_doc *d, const char *s) {
  int i = find_para(d, s);
  if (i < 0) fail_msg("no paragraph \"%s\"", s);
  return &d->paras[i];
}

static void assert_label(const rs_doc *d, const char *text, const char *label) {
  const rs_para *p = para_eq(d, text);
  if (!label) {
    if (p->label) fail_msg("\"%s\": unexpected label \"%s\"", text, p->label);
    return;
  }
  if (!p->label) fail_msg("\"%s\": no label, expected \"%s\"", text, label);
  if (strcmp(p->label, label)) fail_msg("\"%s\": label \"%s\", expected \"%s\"", text, p->label, label);
}

static void test_numbering_labels(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/numbered.docx"));
  assert_label(d, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "I.");
  assert_label(d, "Về tổ chức chỉ đạo, điều hành cải cách hành chính", "1.");
  assert_label(d, "Đã tổ chức triển khai thực hiện các nhiệm vụ.", NULL);
  assert_label(d, "Về Kế hoạch cải cách hành chính", "2.");
  assert_label(d, "Kết quả tổ chức thi hành pháp luật", "a)");
  assert_label(d, "Kết quả kiểm tra, rà soát văn bản", "b)");
  assert_label(d, "Chi tiết thứ nhất", "2.1."); /* "%2.%4." */
  assert_label(d, "Chi tiết thứ hai", "2.2.");
  assert_label(d, "Kết quả tiếp nhận hồ sơ", "-"); /* bullets */
  assert_label(d, "Đúng hạn", "+");
  /* numPr inherited from the paragraph style; the lower level restarts */
  assert_label(d, "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "II.");
  assert_label(d, "Cải cách thể chế", "1.");
  /* a hand-written Vietnamese letter stays in the text */
  assert_label(d, "đ) Mục viết tay theo bảng chữ cái tiếng Việt", NULL);
  /* startOverride */
  assert_label(d, "Mục bắt đầu từ năm", "5.");
  assert_label(d, "Mục tiếp theo", "6.");
  assert_label(d, "Phụ lục chữ", "A.");
  assert_label(d, "Ý thứ nhất", "(i)");
  assert_label(d, "Ý thứ hai", "(ii)");
  assert_label(d, "Ý thứ ba", "(iii)");
  assert_label(d, "Không đánh số", NULL); /* numId 0 */
  /* headings and style names */
  const rs_para *h = para_eq(d, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH");
  assert_int_equal(h->heading_level, 1);
  assert_string_equal(h->style, "heading 1");
  assert_int_equal(para_eq(d, "Kết quả tổ chức thi hành pháp luật")->heading_level, 3);
  assert_int_equal(para_eq(d, "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")->heading_level, 1);
  assert_int_equal(para_eq(d, "Mục tiếp theo")->heading_level, 0);
  rs_doc_free(d);
}

static void test_tables(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/numbered.docx"));
  /* the header table: agency | national title, in document order */
  assert_string_equal(d->paras[0].text, "UBND HUYỆN PHÙ CỪ");
  const char *left[] = {"UBND HUYỆN PHÙ CỪ", "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO", "Số: 85/BC-UBND"};
  const char *right[] = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Đình Cao, ngày 16 tháng 6 năm 2023"};
  for (int i = 0; i < 3; i++) {
    const rs_para *l = &d->paras[i], *r = &d->paras[3 + i];
    assert_string_equal(l->text, left[i]);
    assert_string_equal(r->text, right[i]);
    assert_int_equal(l->table, 1);
    assert_int_equal(l->row, 1);
    assert_int_equal(l->cell, 1);
    assert_int_equal(r->table, 1);
    assert_int_equal(r->row, 1);
    assert_int_equal(r->cell, 2);
  }
  const rs_para *p = para_eq(d, "BÁO CÁO");
  assert_int_equal(p->table, 0);
  assert_int_equal(p->row, 0);
  /* second table, second row; a nested table is table 3 */
  p = para_eq(d, "CHỦ TỊCH");
  assert_int_equal(p->table, 2);
  assert_int_equal(p->row, 1);
  assert_int_equal(p->cell, 2);
  p = para_eq(d, "Dòng 2 ô 1");
  assert_int_equal(p->table, 2);
  assert_int_equal(p->row, 2);
  assert_int_equal(p->cell, 1);
  p = para_eq(d, "Ô lồng 2");
  assert_int_equal(p->table, 3);
  assert_int_equal(p->row, 1);
  assert_int_equal(p->cell, 2);
  /* back in the outer cell after the nested table */
  p = para_eq(d, "Dòng 2 ô 2");
  assert_int_equal(p->table, 2);
  assert_int_equal(p->row, 2);
  assert_int_equal(p->cell, 2);
  assert_int_equal(para_eq(d, "Đoạn sau bảng")->table, 0);
  /* locations: line = paragraph number (table cells count), col = code point */
  for (size_t i = 0; i < d->npara; i++) {
    uint32_t line, col;
    rs_para_pos(&d->paras[i], 0, &line, &col);
    if (d->paras[i].len) {
      assert_int_equal(line, i + 1);
      assert_int_equal(col, 1);
    }
  }
  p = para_eq(d, "Đình Cao, ngày 16 tháng 6 năm 2023");
  uint32_t line, col;
  const char *at = strstr(p->text, "16");
  rs_para_pos(p, (uint32_t)(at - p->text), &line, &col);
  assert_int_equal(line, 6);
  assert_int_equal(col, 16); /* code points, not bytes */
  rs_doc_free(d);
}

static void test_tracked_changes(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/tracked.docx"));
  assert_int_equal(d->tracked_changes, 1);
  assert_int_equal(d->npara, 3);
  /* insertions kept, deletions dropped */
  assert_string_equal(d->paras[1].text, "Trong kỳ đã ban hành mười hai kế hoạch.");
  assert_string_equal(d->paras[2].text, "Đoạn còn lại.");
  assert_null(strstr(d->paras[1].text, "mười một"));
  /* exactly one diagnostic, at the first changed paragraph */
  assert_int_equal(d->diags.n, 1);
  const rs_diag *g = &d->diags.v[0];
  assert_string_equal(g->rule, "format/tracked-changes");
  assert_int_equal(g->severity, RS_SEV_WARNING);
  assert_non_null(strstr(g->message, "Track Changes"));
  assert_int_equal(g->line, 2);
  assert_int_equal(g->para, 2);
  assert_string_equal(g->excerpt, "mười hai ");
  rs_doc_free(d);
  /* a document without changes has none */
  d = read_ok(FX("docx/numbered.docx"));
  assert_int_equal(d->tracked_changes, 0);
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
}

static void test_fields_breaks_parts(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/fields.docx"));
  assert_string_equal(d->paras[0].text, "Cột 1\tCột 2 dòng mới hết"); /* tab, br, cr */
  assert_string_equal(d->paras[1].text, "Trang 3 của báo cáo");        /* fldSimple */
  assert_string_equal(d->paras[2].text, "Ngày lập: 16/06/2023 xong."); /* complex field */
  assert_string_equal(d->paras[3].text, "Có chú thích ở cuối trang.");
  assert_string_equal(d->paras[4].text, "Chữ dính liền liên kết thẻ"); /* hyperlink, smartTag */
  for (int i = 0; i < 5; i++) assert_int_equal(d->paras[i].part, RS_PART_BODY);
  /* footnotes, headers, footers after the body, as their own parts */
  const rs_para *fn = para_eq(d, "Theo Kế hoạch số 09/KH-UBND ngày 09/01/2023.");
  assert_int_equal(fn->part, RS_PART_FOOTNOTE);
  assert_int_equal(para_eq(d, "UBND XÃ ĐÌNH CAO - đầu trang")->part, RS_PART_HEADER);
  assert_int_equal(para_eq(d, "Trang chân")->part, RS_PART_FOOTER);
  assert_int_equal(d->npara, 8);
  rs_doc_free(d);
}

/* Text boxes (DrawingML with a VML fallback, one inside another) are read
 * once each, as paragraphs after the paragraph anchoring them; pictures are
 * counted, shapes without a picture are not. */
static void test_textboxes_and_pictures(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/textbox.docx"));
  static const char *const want[] = {"Số: 125/BC-UBND", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH CAO",
                                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "Độc lập - Tự do - Hạnh phúc",
                                     "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính"};
  assert_int_equal(d->npara, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < d->npara; i++) {
    if (strcmp(d->paras[i].text, want[i])) fail_msg("paragraph %zu: \"%s\", want \"%s\"", i, d->paras[i].text, want[i]);
    assert_int_equal(d->paras[i].part, RS_PART_BODY);
  }
  assert_int_equal(d->images, 0);
  rs_doc_free(d);
  d = read_ok(FX("docx/textbox-only.docx"));
  assert_true(find_para(d, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023") >= 0);
  rs_doc_free(d);
  d = read_ok(FX("docx/scan-only.docx"));
  assert_int_equal(d->images, 2);
  for (size_t i = 0; i < d->npara; i++) assert_string_equal(d->paras[i].text, "");
  rs_doc_free(d);
  d = read_ok(FX("docx/picture-and-text.docx"));
  assert_int_equal(d->images, 1);
  rs_doc_free(d);
  d = read_ok(FX("docx/sample.docx"));
  assert_int_equal(d->images, 0);
  rs_doc_free(d);
}

/* Hidden text (w:vanish, direct or from a style, and turned off again) is
 * left out, as Word neither shows nor prints it. */
static void test_hidden_text(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/hidden.docx"));
  assert_int_equal(d->npara, 3);
  assert_string_equal(d->paras[0].text, "Báo cáo kết quả cải cách hành chính.");
  assert_string_equal(d->paras[1].text, "");
  assert_string_equal(d->paras[2].text, "Số liệu đã cập nhật.");
  rs_doc_free(d);
}

/* A table of contents (Word's "toc N" styles, or its content control with
 * entries in any style) is its own part; the headings stay in the body. */
static void test_table_of_contents(void **state) {
  (void)state;
  static const char *const files[] = {"docx/toc.docx", "docx/toc-sdt.docx"};
  for (size_t f = 0; f < 2; f++) {
    rs_doc *d = read_ok(f ? FX("docx/toc-sdt.docx") : FX("docx/toc.docx"));
    size_t ntoc = 0;
    for (size_t i = 0; i < d->npara; i++)
      if (d->paras[i].part == RS_PART_TOC) ntoc++;
    if (ntoc != 11) fail_msg("%s: %zu paragraphs in the table of contents, want 11", files[f], ntoc);
    assert_int_equal(d->paras[0].part, RS_PART_TOC); /* "MỤC LỤC" */
    assert_string_equal(d->paras[3].text, "1. Cải cách thể chế\t2");
    assert_int_equal(para_eq(d, "III. ĐÁNH GIÁ CHUNG")->part, RS_PART_BODY);
    rs_doc_free(d);
  }
}

static void assert_near(double a, double b, double eps) {
  if (isnan(a) || fabs(a - b) > eps) fail_msg("%f != %f", a, b);
}

static void test_theme_fonts_and_styles(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/theme-fonts.docx"));
  /* every run is Times New Roman, set only through the theme (minor/major) */
  for (size_t i = 0; i < d->npara; i++)
    for (size_t r = 0; r < d->paras[i].nruns; r++) {
      assert_non_null(d->paras[i].runs[r].font);
      assert_string_equal(d->paras[i].runs[r].font, "Times New Roman");
    }
  /* Title: major theme font, 16 pt bold from the style */
  const rs_para *t = para_eq(d, "BÁO CÁO TIÊU ĐỀ");
  assert_int_equal(t->nruns, 1);
  assert_near(t->runs[0].size_pt, 16, 1e-9);
  assert_int_equal(t->runs[0].bold, 1);
  assert_int_equal(t->align, RS_ALIGN_CENTER);
  /* basedOn chain: BodyIndent <- BodyText (14 pt) <- Normal; layout from the style */
  const rs_para *b = para_eq(d, "Đoạn văn thân bài ");
  assert_string_equal(b->style, "Body Text Indent");
  assert_near(b->runs[0].size_pt, 14, 1e-9);
  assert_int_equal(b->align, RS_ALIGN_JUSTIFY);
  assert_near(b->indent_first_mm, 12.7, 0.01);
  assert_near(b->space_before_pt, 6, 1e-9);
  assert_near(b->space_after_pt, 3, 1e-9);
  assert_near(b->line_spacing, 1.5, 1e-9);
  /* runs: character style, direct italic and size, adjacent equal runs merged */
  const rs_para *p = para_eq(d, "Thường đậm nghiêng cỡ tiếp");
  assert_int_equal(p->nruns, 4);
  const char *words[] = {"Thường ", "đậm", " nghiêng", " cỡ tiếp"};
  for (int i = 0; i < 4; i++) {
    size_t n = p->runs[i].end - p->runs[i].start;
    assert_int_equal(n, strlen(words[i]));
    assert_memory_equal(p->text + p->runs[i].start, words[i], n);
  }
  assert_int_equal(p->runs[0].bold, 0);
  assert_int_equal(p->runs[1].bold, 1);  /* rStyle Strong */
  assert_int_equal(p->runs[2].italic, 1);
  assert_near(p->runs[3].size_pt, 12, 1e-9);
  assert_near(p->runs[0].size_pt, 14, 1e-9);
  /* docDefaults: 13 pt */
  assert_near(para_eq(d, "Mặc định")->runs[0].size_pt, 13, 1e-9);
  rs_doc_free(d);
}

static void check_layout(const char *path, const char *font, double size, double t, double b,
                         double l, double r) {
  rs_doc *d = read_ok(path);
  assert_int_equal(d->page.known, 1);
  assert_near(d->page.width_mm, 210, 0.05);
  assert_near(d->page.height_mm, 297, 0.05);
  assert_near(d->page.top_mm, t, 0.05);
  assert_near(d->page.bottom_mm, b, 0.05);
  assert_near(d->page.left_mm, l, 0.05);
  assert_near(d->page.right_mm, r, 0.05);
  size_t runs = 0;
  for (size_t i = 0; i < d->npara; i++)
    for (size_t k = 0; k < d->paras[i].nruns; k++, runs++) {
      assert_string_equal(d->paras[i].runs[k].font, font);
      assert_near(d->paras[i].runs[k].size_pt, size, 1e-9);
    }
  assert_true(runs >= 20);
  rs_doc_free(d);
}

static void test_layout_pair(void **state) {
  (void)state;
  check_layout(FX("docx/arial-11-10mm.docx"), "Arial", 11, 10, 10, 10, 10);
  check_layout(FX("docx/tnr-14-ok.docx"), "Times New Roman", 14, 20, 20, 30, 15);
}

static void test_sample(void **state) {
  (void)state;
  rs_doc *d = read_ok(FX("docx/sample.docx"));
  assert_true(d->npara > 80);
  assert_string_equal(d->paras[0].text,
                      "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023");
  /* reflowed: a cited plan joined across the hard-wrapped lines */
  int found = 0;
  for (size_t i = 0; i < d->npara; i++)
    if (strstr(d->paras[i].text, "Quyết định số 11/QĐ-UBND về kiện toàn Bộ phận Tiếp nhận")) found = 1;
  assert_true(found);
  assert_int_equal(para_eq(d, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")->heading_level, 1);
  assert_string_equal(d->paras[d->npara - 1].text, "CHỦ TỊCH");
  assert_string_equal(d->paras[1].runs[0].font, "Times New Roman");
  rs_doc_free(d);
}

static void expect_fail(const char *path, int code, const char *needle) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_doc *d = NULL;
  char *err = NULL;
  double t0 = now_s();
  int rc = rs_read_docx(path, &lim, &d, &err);
  double dt = now_s() - t0;
  if (rc != code) fail_msg("%s: rc %d, expected %d (%s)", path, rc, code, err ? err : "");
  if (dt >= 1.0) fail_msg("%s: %.2f s", path, dt);
  assert_null(d);
  assert_non_null(err);
  if (needle && !strstr(err, needle)) fail_msg("%s: \"%s\" lacks \"%s\"", path, err, needle);
  free(err);
}

static void test_hostile(void **state) {
  (void)state;
  expect_fail(FX("hostile/zip-bomb.docx"), RS_ELIMIT, "zip bomb");
  expect_fail(FX("hostile/zip-bomb-lying.docx"), RS_ELIMIT, NULL);
  expect_fail(FX("hostile/billion-laughs.docx"), RS_EFORMAT, "DOCTYPE");
  expect_fail(FX("hostile/xxe.docx"), RS_EFORMAT, "DOCTYPE");
  expect_fail(FX("hostile/deep-nesting.docx"), RS_ELIMIT, NULL);
  expect_fail(FX("hostile/deep-nesting-1k.docx"), RS_ELIMIT, "quá sâu");
  expect_fail(FX("hostile/malformed.docx"), RS_EFORMAT, "không phải XML hợp lệ");
  expect_fail(FX("hostile/truncated.docx"), RS_EFORMAT, "không phải tệp nén ZIP");
  expect_fail(FX("hostile/no-main-part.docx"), RS_EFORMAT,
              "tệp .docx thiếu phần nội dung chính (word/document.xml)");
  expect_fail(FX("hostile/random.docx"), RS_EFORMAT, "không phải tệp nén ZIP");
  const char *ole = "hãy mở bằng Word và lưu lại dưới dạng .docx không đặt mật khẩu";
  expect_fail(FX("hostile/encrypted.docx"), RS_EFORMAT, ole);
  expect_fail(FX("hostile/legacy.doc"), RS_EFORMAT, ole);
}

static void test_paragraph_limit(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  lim.max_paragraphs = 10;
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_docx(FX("docx/sample.docx"), &lim, &d, &err), RS_ELIMIT);
  assert_null(d);
  assert_non_null(strstr(err, "quá nhiều đoạn"));
  free(err);
}

static void test_huge(void **state) {
  (void)state;
  double t0 = now_s();
  rs_doc *d = read_ok(FX("hostile/huge-200k.docx"));
  double dt = now_s() - t0;
  assert_int_equal(d->npara, 200000);
  assert_true(!strncmp(d->paras[199999].text, "200000 ", 7));
  uint32_t line, col;
  rs_para_pos(&d->paras[199999], 0, &line, &col);
  assert_int_equal(line, 200000);
  rs_doc_free(d);
  if (dt > 5.0) fail_msg("200,000 paragraphs read in %.2f s", dt);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numbering_labels),
      cmocka_unit_test(test_tables),
      cmocka_unit_test(test_tracked_changes),
      cmocka_unit_test(test_fields_breaks_parts),
      cmocka_unit_test(test_textboxes_and_pictures),
      cmocka_unit_test(test_hidden_text),
      cmocka_unit_test(test_table_of_contents),
      cmocka_unit_test(test_theme_fonts_and_styles),
      cmocka_unit_test(test_layout_pair),
      cmocka_unit_test(test_sample),
      cmocka_unit_test(test_hostile),
      cmocka_unit_test(test_paragraph_limit),
      cmocka_unit_test(test_huge),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
