/* .html reader (reader_html.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
  int rc = rs_read_html(fx(rel), &lim, &d, &err);
  if (rc) fprintf(stderr, "%s: %s\n", rel, err ? err : "?");
  assert_int_equal(rc, 0);
  assert_null(err);
  assert_non_null(d);
  assert_string_equal(d->format, "html");
  return d;
}

/* collapse runs of spaces, as a browser shows them */
static void collapse(char *s) {
  char *w = s;
  for (char *r = s; *r; r++) {
    if (*r == ' ' && w > s && w[-1] == ' ') continue;
    *w++ = *r;
  }
  *w = 0;
}

static void test_sample_matches_reflowed_text(void **st) {
  (void)st;
  rs_doc *d = read_ok("html/sample.html");
  FILE *f = fopen(fx("odt/sample-paragraphs.txt"), "r");
  assert_non_null(f);
  char line[8192];
  size_t i = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    collapse(line);
    assert_true(i < d->npara);
    assert_string_equal(d->paras[i].text, line);
    /* line = paragraph number, column = code point */
    assert_int_equal(d->paras[i].segs[0].line, i + 1);
    assert_int_equal(d->paras[i].segs[0].col, 1);
    int roman = strncmp(line, "I. ", 3) == 0 || strncmp(line, "II. ", 4) == 0 || strncmp(line, "III. ", 5) == 0 ||
                strncmp(line, "IV. ", 4) == 0;
    assert_int_equal(d->paras[i].heading_level, roman ? 2 : 0);
    assert_int_equal(d->paras[i].table, 0);
    i++;
  }
  fclose(f);
  assert_int_equal(i, d->npara);
  /* script, style, noscript, title and img never become text */
  for (size_t k = 0; k < d->npara; k++) {
    assert_null(strstr(d->paras[k].text, "script"));
    assert_null(strstr(d->paras[k].text, "KHÔNG HIỆN"));
    assert_null(strstr(d->paras[k].text, "Logo"));
    assert_null(strstr(d->paras[k].text, "Báo cáo CCHC"));
  }
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
}

static const rs_para *find(const rs_doc *d, const char *text) {
  for (size_t i = 0; i < d->npara; i++)
    if (!strcmp(d->paras[i].text, text)) return &d->paras[i];
  fail_msg("no paragraph '%s'", text);
  return NULL;
}

static void test_tables_lists_whitespace(void **st) {
  (void)st;
  rs_doc *d = read_ok("html/table.html");
  const rs_para *p = find(d, "UBND HUYỆN PHÙ CỪ");
  assert_int_equal(p->table, 1);
  assert_int_equal(p->row, 1);
  assert_int_equal(p->cell, 1);
  assert_int_equal(p->segs[0].line, 1);
  p = find(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_int_equal(p->row, 1);
  assert_int_equal(p->cell, 2);
  p = find(d, "ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO"); /* <br> is a space */
  assert_int_equal(p->row, 2);
  assert_int_equal(p->cell, 1);
  p = find(d, "Độc lập - Tự do - Hạnh phúc");
  assert_int_equal(p->row, 2);
  assert_int_equal(p->cell, 2);
  p = find(d, "Số: 85/BC-UBND");
  assert_int_equal(p->row, 3);
  assert_int_equal(p->cell, 1);
  p = find(d, "BÁO CÁO"); /* white space collapsed */
  assert_int_equal(p->heading_level, 1);
  assert_int_equal(p->table, 0);
  find(d, "Kết quả thực hiện & phương hướng nhiệm vụ năm 2023");
  find(d, "Đoạn lồng trong div");
  find(d, "phần sau");
  assert_string_equal(find(d, "KẾT QUẢ")->label, "I.");
  assert_string_equal(find(d, "PHƯƠNG HƯỚNG")->label, "II.");
  assert_string_equal(find(d, "Thể chế")->label, "1.");
  assert_string_equal(find(d, "Thủ tục")->label, "2.");
  assert_string_equal(find(d, "Điểm c")->label, "c.");
  assert_string_equal(find(d, "Điểm e")->label, "e.");
  assert_null(find(d, "Gạch đầu dòng")->label);
  find(d, "Giá trị <100> \"đạt\" ế \xc2\xa0xong");
  for (size_t i = 0; i < d->npara; i++) {
    assert_null(strstr(d->paras[i].text, "Mẫu ẩn"));
    assert_null(strstr(d->paras[i].text, "comment"));
    assert_null(strstr(d->paras[i].text, "Tiêu đề"));
    assert_int_equal(d->paras[i].segs[0].line, i + 1);
  }
  rs_doc_free(d);
}

static void test_legacy_html(void **st) {
  (void)st;
  rs_doc *d = read_ok("html/tcvn3.html");
  assert_string_equal(d->encoding, "tcvn3");
  assert_string_equal(d->paras[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_string_equal(d->paras[1].text, "Độc lập - Tự do - Hạnh phúc");
  assert_int_equal(d->diags.n, 1);
  assert_string_equal(d->diags.v[0].rule, "encoding/legacy-tcvn3");
  rs_doc_free(d);
}

/* Word's "Save as Web Page": list numbers become labels, the markers of
 * its conditional comments are not text, the picture is counted once. */
static void test_word_export(void **st) {
  (void)st;
  rs_doc *d = read_ok("html/word-export.htm");
  static const char *const want[] = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cải cách thể chế",
                                     "Cải cách thủ tục hành chính", "\xc2\xa0",
                                     "Tỷ lệ hồ sơ đúng hạn đạt 18/20 = 90%."};
  assert_int_equal(d->npara, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < d->npara; i++) {
    if (strcmp(d->paras[i].text, want[i])) fail_msg("paragraph %zu: \"%s\", want \"%s\"", i, d->paras[i].text, want[i]);
    assert_null(strstr(d->paras[i].text, "<!["));
  }
  assert_string_equal(d->paras[1].label, "1.");
  assert_string_equal(d->paras[2].label, "2.");
  assert_null(d->paras[4].label);
  assert_int_equal(d->images, 1);
  rs_doc_free(d);
}

static void test_hostile(void **st) {
  (void)st;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_doc *d = NULL;
  char *err = NULL;
  clock_t t0 = clock();
  /* an external entity is never loaded; img/iframe/link never fetched */
  int rc = rs_read_html(fx("hostile/xxe.html"), &lim, &d, &err);
  assert_int_equal(rc, 0);
  int seen = 0;
  for (size_t i = 0; i < d->npara; i++) {
    assert_null(strstr(d->paras[i].text, "root:"));
    if (strstr(d->paras[i].text, "Trước")) seen = 1;
  }
  assert_true(seen);
  rs_doc_free(d);
  d = NULL;
  /* nesting deeper than the limit: refused with a message */
  rc = rs_read_html(fx("hostile/deep-nesting.html"), &lim, &d, &err);
  if (rc == 0) {
    rs_doc_free(d);
  } else {
    assert_int_equal(rc, RS_ELIMIT);
    assert_non_null(err);
    assert_non_null(strstr(err, "sâu"));
    free(err);
    err = NULL;
  }
  assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
  d = NULL;
  rc = rs_read_html(fx("html/khong-co.html"), &lim, &d, &err);
  assert_int_equal(rc, RS_EIO);
  assert_null(d);
  assert_non_null(strstr(err, "Không tìm thấy"));
  free(err);
  err = NULL;
  lim.max_file_bytes = 1000;
  rc = rs_read_html(fx("html/sample.html"), &lim, &d, &err);
  assert_int_equal(rc, RS_ELIMIT);
  free(err);
  err = NULL;
  rs_limits_default(&lim);
  lim.max_paragraphs = 10;
  rc = rs_read_html(fx("html/sample.html"), &lim, &d, &err);
  assert_int_equal(rc, RS_ELIMIT);
  assert_null(d);
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sample_matches_reflowed_text),
      cmocka_unit_test(test_tables_lists_whitespace),
      cmocka_unit_test(test_legacy_html),
      cmocka_unit_test(test_word_export),
      cmocka_unit_test(test_hostile),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
