/* .xlsx data tables: registers with real and text dates (identical to the
 * CSV), every cell kind, sparse references, sheets by name, date systems,
 * hostile inputs. */
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
#include "table.h"

#define FX(p) RS_FIXTURES "/" p

static rs_table *xlsx_ok(const char *path, const char *sheet) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *t = NULL;
  char *err = NULL;
  int rc = rs_table_read_xlsx(path, sheet, &lim, &t, &err);
  if (rc) fail_msg("%s: rc %d: %s", path, rc, err ? err : "");
  assert_non_null(t);
  return t;
}

static const char *cell(const rs_table *t, size_t row, const char *header) {
  for (size_t c = 0; c < t->ncols; c++)
    if (!strcmp(t->headers[c], header)) return t->rows[row][c];
  fail_msg("no column %s", header);
  return NULL;
}

static void assert_same_table(const rs_table *a, const rs_table *b) {
  assert_int_equal(a->ncols, b->ncols);
  assert_int_equal(a->nrows, b->nrows);
  for (size_t c = 0; c < a->ncols; c++) assert_string_equal(a->headers[c], b->headers[c]);
  for (size_t r = 0; r < a->nrows; r++)
    for (size_t c = 0; c < a->ncols; c++)
      if (strcmp(a->rows[r][c], b->rows[r][c]))
        fail_msg("row %zu col %zu: \"%s\" != \"%s\"", r + 1, c + 1, a->rows[r][c], b->rows[r][c]);
}

static void test_register_dates(void **state) {
  (void)state;
  rs_table *t = xlsx_ok(FX("data/register.xlsx"), NULL);
  assert_string_equal(t->name, "register");
  assert_int_equal(t->ncols, 4);
  assert_string_equal(t->headers[0], "so_ky_hieu");
  assert_string_equal(t->headers[1], "ngay");
  assert_string_equal(t->headers[3], "co_quan_ban_hanh");
  assert_int_equal(t->nrows, 13);
  assert_string_equal(cell(t, 0, "so_ky_hieu"), "09/KH-UBND");
  /* serial numbers with format 14 and a custom dd/mm/yyyy */
  assert_string_equal(cell(t, 0, "ngay"), "09/01/2023");
  assert_string_equal(cell(t, 1, "ngay"), "10/01/2023");
  int seen = 0;
  for (size_t r = 0; r < t->nrows; r++)
    if (!strcmp(cell(t, r, "so_ky_hieu"), "11/QĐ-UBND")) {
      assert_string_equal(cell(t, r, "ngay"), "15/01/2022"); /* the deliberate difference */
      seen = 1;
    }
  assert_true(seen);
  assert_string_equal(cell(t, 0, "co_quan_ban_hanh"), "UBND xã Đình Cao");
  rs_table_free(t);
}

static void test_register_parity(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *real = xlsx_ok(FX("data/register.xlsx"), NULL);
  rs_table *text = xlsx_ok(FX("data/register-text.xlsx"), NULL);
  assert_same_table(real, text);
  rs_table *csv = NULL;
  char *err = NULL;
  int rc = rs_table_read_csv(FX("data/register.csv"), &lim, &csv, &err);
  if (rc) fail_msg("register.csv: %s", err ? err : "");
  assert_same_table(real, csv);
  rs_table_free(real);
  rs_table_free(text);
  rs_table_free(csv);
}

static void test_cell_kinds(void **state) {
  (void)state;
  rs_table *t = xlsx_ok(FX("data/cells.xlsx"), "Cells");
  assert_string_equal(t->name, "Cells");
  assert_int_equal(t->ncols, 28); /* A..AB */
  assert_string_equal(t->headers[27], "ab");
  assert_string_equal(t->headers[8], ""); /* a gap in the header row */
  assert_int_equal(t->nrows, 3);
  assert_string_equal(cell(t, 0, "text"), "chữ"); /* trimmed */
  assert_string_equal(cell(t, 0, "inline"), "nội tuyến");
  assert_string_equal(cell(t, 0, "int"), "42");
  assert_string_equal(cell(t, 0, "real"), "3.25");
  assert_string_equal(cell(t, 0, "bool"), "TRUE");
  assert_string_equal(cell(t, 0, "date"), "29/02/1900"); /* Excel's leap-year bug */
  assert_string_equal(cell(t, 0, "time"), "0.5");        /* [h]:mm:ss is not a date */
  assert_string_equal(cell(t, 0, "rich"), "Ủy ban nhân dân"); /* runs joined, phonetic skipped */
  assert_string_equal(cell(t, 0, "ab"), "1234567");
  /* sparse row: C3, E3, F3 only */
  assert_string_equal(cell(t, 1, "text"), "");
  assert_string_equal(cell(t, 1, "int"), "-7");
  assert_string_equal(cell(t, 1, "bool"), "FALSE");
  assert_string_equal(cell(t, 1, "date"), "15/06/2023");
  assert_string_equal(cell(t, 1, "ab"), "");
  assert_string_equal(cell(t, 2, "date"), "28/02/1900");
  assert_string_equal(cell(t, 2, "real"), "1e-07");
  rs_table_free(t);
  /* without a sheet name: the first sheet, named after the file */
  t = xlsx_ok(FX("data/cells.xlsx"), NULL);
  assert_string_equal(t->name, "cells");
  assert_string_equal(t->headers[0], "x");
  assert_string_equal(t->rows[0][0], "đầu");
  rs_table_free(t);
  /* sheet names ignore case as a fallback */
  t = xlsx_ok(FX("data/cells.xlsx"), "cells");
  assert_string_equal(t->headers[0], "text");
  rs_table_free(t);
}

static void test_date1904(void **state) {
  (void)state;
  rs_table *t = xlsx_ok(FX("data/date1904.xlsx"), NULL);
  assert_string_equal(cell(t, 0, "ngay"), "09/01/2023");
  rs_table_free(t);
}

static void test_missing_sheet(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *t = NULL;
  char *err = NULL;
  assert_int_equal(rs_table_read_xlsx(FX("data/register.xlsx"), "Không có", &lim, &t, &err), RS_EUSAGE);
  assert_null(t);
  assert_non_null(strstr(err, "Không có"));
  assert_non_null(strstr(err, "Sổ văn bản")); /* lists the sheets */
  free(err);
}

static void test_hostile(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_table *t = NULL;
  char *err = NULL;
  /* a .docx is a zip but not a workbook */
  assert_int_equal(rs_table_read_xlsx(FX("docx/sample.docx"), NULL, &lim, &t, &err), RS_EFORMAT);
  assert_non_null(strstr(err, "xl/workbook.xml"));
  free(err);
  assert_int_equal(rs_table_read_xlsx(FX("hostile/random.docx"), NULL, &lim, &t, &err), RS_EFORMAT);
  free(err);
  assert_int_equal(rs_table_read_xlsx(FX("hostile/zip-bomb.docx"), NULL, &lim, &t, &err), RS_EFORMAT);
  free(err);
  assert_null(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_register_dates), cmocka_unit_test(test_register_parity),
      cmocka_unit_test(test_cell_kinds),     cmocka_unit_test(test_date1904),
      cmocka_unit_test(test_missing_sheet),  cmocka_unit_test(test_hostile),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
