/* Data tables: rs_table_read dispatch and the CSV reader (table.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "table.h"

static char *fx(const char *rel) {
  static char path[1024];
  snprintf(path, sizeof path, "%s/%s", RS_FIXTURES, rel);
  return path;
}

static rs_table *read_ok(const char *rel) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *t = NULL;
  char *err = NULL;
  int rc = rs_table_read(fx(rel), &lim, &t, &err);
  if (rc) fprintf(stderr, "%s: %s\n", rel, err ? err : "?");
  assert_int_equal(rc, 0);
  assert_null(err);
  assert_non_null(t);
  return t;
}

static void test_register_comma(void **st) {
  (void)st;
  rs_table *t = read_ok("data/register.csv");
  assert_string_equal(t->name, "register");
  assert_int_equal(t->ncols, 4);
  assert_string_equal(t->headers[0], "so_ky_hieu");
  assert_string_equal(t->headers[3], "co_quan_ban_hanh");
  assert_true(t->nrows >= 9);
  assert_string_equal(t->rows[0][0], "09/KH-UBND");
  assert_string_equal(t->rows[0][1], "09/01/2023");
  /* a quoted field holding commas */
  assert_string_equal(t->rows[3][2],
                      "Kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2023");
  rs_table_free(t);
}

static void test_semicolon_bom_quotes_padding(void **st) {
  (void)st;
  rs_table *t = read_ok("data/register-semicolon.csv");
  assert_int_equal(t->ncols, 4);
  /* BOM gone; the header's comma is not a delimiter */
  assert_string_equal(t->headers[0], "Số, ký hiệu");
  assert_string_equal(t->headers[3], "Cơ quan ban hành");
  assert_int_equal(t->nrows, 3); /* the blank line is skipped */
  assert_string_equal(t->rows[0][2], "Kế hoạch cải cách hành chính; năm 2023");
  /* trimmed, NFC, embedded newline kept, short row padded */
  assert_string_equal(t->rows[1][0], "10/KH-UBND");
  assert_string_equal(t->rows[1][1], "10/01/2023");
  assert_string_equal(t->rows[1][2], "Kế hoạch tuyên truyền\nxã Đình Cao");
  assert_string_equal(t->rows[1][3], "");
  assert_string_equal(t->rows[2][0], "13/KH-UBND");
  assert_string_equal(t->rows[2][2], "");
  assert_string_equal(t->rows[2][3], "");
  rs_table_free(t);
}

static void test_ragged_rows(void **st) {
  (void)st;
  rs_table *t = read_ok("data/ragged.csv");
  assert_int_equal(t->ncols, 3);
  assert_string_equal(t->headers[0], "a");
  assert_string_equal(t->headers[2], "cot_3");
  assert_int_equal(t->nrows, 3);
  assert_string_equal(t->rows[0][2], "3");
  assert_string_equal(t->rows[1][0], "4");
  assert_string_equal(t->rows[1][1], "");
  assert_string_equal(t->rows[2][0], "x \"quoted\"");
  assert_string_equal(t->rows[2][1], "y");
  rs_table_free(t);
}

static void test_header_only(void **st) {
  (void)st;
  rs_table *t = read_ok("data/header-only.csv");
  assert_int_equal(t->ncols, 3);
  assert_int_equal(t->nrows, 0);
  rs_table_free(t);
}

static void test_legacy_csv(void **st) {
  (void)st;
  rs_table *t = read_ok("data/register-cp1258.csv");
  assert_int_equal(t->nrows, 2);
  assert_string_equal(t->rows[0][2], "Kế hoạch cải cách hành chính nhà nước xã Đình Cao năm 2023");
  rs_table_free(t);
}

static void expect_fail(const char *spec, int want, const char *needle, const rs_limits *lim) {
  rs_table *t = NULL;
  char *err = NULL;
  int rc = rs_table_read(spec, lim, &t, &err);
  assert_int_equal(rc, want);
  assert_null(t);
  assert_non_null(err);
  if (needle && !strstr(err, needle)) fail_msg("message '%s' lacks '%s'", err, needle);
  free(err);
}

static void test_errors(void **st) {
  (void)st;
  rs_limits lim;
  rs_limits_default(&lim);
  char path[1200];
  snprintf(path, sizeof path, "%s", fx("data/empty.csv"));
  expect_fail(path, RS_EFORMAT, "trống", &lim);
  snprintf(path, sizeof path, "%s", fx("data/blank-lines.csv"));
  expect_fail(path, RS_EFORMAT, "trống", &lim);
  snprintf(path, sizeof path, "%s", fx("data/khong-co.csv"));
  expect_fail(path, RS_EIO, "Không tìm thấy", &lim);
  snprintf(path, sizeof path, "%s#Trang1", fx("data/register.csv"));
  expect_fail(path, RS_EUSAGE, "#Trang1", &lim);
  snprintf(path, sizeof path, "%s", fx("dinh-cao-cchc-6-thang-2023.txt"));
  expect_fail(path, RS_EUSAGE, ".xlsx", &lim);
  expect_fail("", RS_EUSAGE, NULL, &lim);
}

static void test_limits(void **st) {
  (void)st;
  rs_limits lim;
  rs_limits_default(&lim);
  char path[1200];
  snprintf(path, sizeof path, "%s", fx("data/register.csv"));
  lim.max_file_bytes = 100;
  expect_fail(path, RS_ELIMIT, "quá lớn", &lim);
  rs_limits_default(&lim);
  lim.max_paragraphs = 3;
  expect_fail(path, RS_ELIMIT, "quá nhiều dòng", &lim);
}

static void test_xlsx_dispatch(void **st) {
  (void)st;
  /* FILE#Sheet reaches the .xlsx reader with the sheet name */
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *t = NULL;
  char *err = NULL;
  char path[1200];
  snprintf(path, sizeof path, "%s", fx("data/register.xlsx"));
  int rc = rs_table_read(path, &lim, &t, &err);
  assert_int_equal(rc, 0);
  assert_non_null(t);
  rs_table *c = read_ok("data/register.csv");
  assert_int_equal(t->nrows, c->nrows);
  rs_table_free(t);
  rs_table_free(c);
  free(err);
  t = NULL;
  err = NULL;
  snprintf(path, sizeof path, "%s#Không có trang này", fx("data/register.xlsx"));
  rc = rs_table_read(path, &lim, &t, &err);
  assert_true(rc < 0);
  assert_null(t);
  assert_non_null(err);
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_register_comma),
      cmocka_unit_test(test_semicolon_bom_quotes_padding),
      cmocka_unit_test(test_ragged_rows),
      cmocka_unit_test(test_header_only),
      cmocka_unit_test(test_legacy_csv),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_xlsx_dispatch),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
