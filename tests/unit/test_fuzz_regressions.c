/* Every input the fuzzers once crashed on (tests/fuzz/crashes/<target>/)
 * runs again through the same harness code, in the ordinary build: with
 * `make test SANITIZE=1` the sanitizers watch them too. The harnesses abort
 * on a broken reader contract, which fails this test. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* each harness defines LLVMFuzzerTestOneInput and a few static tables: give
 * them distinct names */
#define LLVMFuzzerTestOneInput fz_run_txt
#define one fz_txt_one
#include "../fuzz/fuzz_txt.c"
#undef one
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_docx
#define parts docx_parts
#define extra_names docx_extra_names
#define extra_data docx_extra_data
#include "../fuzz/fuzz_docx.c"
#undef parts
#undef extra_names
#undef extra_data
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_odt
#define parts odt_parts
#define extra_names odt_extra_names
#define extra_data odt_extra_data
#include "../fuzz/fuzz_odt.c"
#undef parts
#undef extra_names
#undef extra_data
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_html
#include "../fuzz/fuzz_html.c"
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_csv
#include "../fuzz/fuzz_csv.c"
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_xlsx
#define parts xlsx_parts
#define extra_names xlsx_extra_names
#define extra_data xlsx_extra_data
#include "../fuzz/fuzz_xlsx.c"
#undef parts
#undef extra_names
#undef extra_data
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerTestOneInput fz_run_facts
#include "../fuzz/fuzz_facts.c"
#undef LLVMFuzzerTestOneInput

typedef int (*fz_fn)(const uint8_t *, size_t);

/* The harnesses share one temporary file per process, named with the
 * extension of the first target that ran: reset it between targets. */
static void fz_reset(void) {
  if (fz_path[0]) unlink(fz_path);
  fz_path[0] = 0;
}

static size_t run_dir(const char *target, fz_fn fn) {
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/../tests/fuzz/crashes/%s", RS_FIXTURES, target);
  DIR *d = opendir(dir);
  if (!d) return 0;
  fz_reset();
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(len > 0 ? (size_t)len : 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    print_message("%s/%s\n", target, de->d_name);
    fn(buf, (size_t)len);
    free(buf);
    n++;
  }
  closedir(d);
  fz_reset();
  return n;
}

static void test_regressions_txt(void **s) { (void)s; run_dir("txt", fz_run_txt); }
static void test_regressions_docx(void **s) { (void)s; run_dir("docx", fz_run_docx); }
static void test_regressions_odt(void **s) { (void)s; run_dir("odt", fz_run_odt); }
static void test_regressions_html(void **s) { (void)s; run_dir("html", fz_run_html); }
static void test_regressions_csv(void **s) { (void)s; run_dir("csv", fz_run_csv); }
static void test_regressions_facts(void **s) { (void)s; run_dir("facts", fz_run_facts); }

/* doc.c normalize() sized its position map by the input's code points, but
 * NFC can yield more (U+0344 -> U+0308 U+0301, U+0A33 -> U+0A32 U+0A3C):
 * heap overflow. Every code point of the text must map to a source place. */
static void test_nfc_expansion(void **s) {
  (void)s;
  const char *text = "a\xcd\x84\xcd\x84\xe0\xa8\xb3" "b"; /* a U+0344 U+0344 U+0A33 b */
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt_buffer("t.txt", text, strlen(text), RS_TXT_LINES, NULL, &d, &err), 0);
  assert_int_equal(d->npara, 1);
  const rs_para *p = &d->paras[0];
  assert_int_equal(p->ncp, 7); /* U+00E4 U+0301 U+0308 U+0301, U+0A32 U+0A3C, b: 5 in, 7 out */
  uint32_t line, col;
  rs_para_pos(p, (uint32_t)p->len - 1, &line, &col); /* the final b */
  assert_int_equal(line, 1);
  assert_int_equal(col, 5); /* the 5th code point of the source line */
  rs_doc_free(d);
  assert_true(run_dir("txt", fz_run_txt) >= 1);
  assert_true(run_dir("facts", fz_run_facts) >= 1);
}

/* table_xlsx.c sorted an empty cell array: qsort(NULL, 0) (UBSan) */
static void test_regressions_xlsx(void **s) {
  (void)s;
  assert_true(run_dir("xlsx", fz_run_xlsx) >= 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_regressions_txt),  cmocka_unit_test(test_regressions_docx),
      cmocka_unit_test(test_regressions_odt),  cmocka_unit_test(test_regressions_html),
      cmocka_unit_test(test_regressions_csv),  cmocka_unit_test(test_regressions_xlsx),
      cmocka_unit_test(test_regressions_facts), cmocka_unit_test(test_nfc_expansion),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
