/* .txt reader: decoding, line endings, binary input, limits, NFC with its
 * offset map, and the reader dispatch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "readers.h"

static rs_doc *read_buf(const char *s, size_t n, rs_txt_mode mode) {
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_txt_buffer("t.txt", s, n, mode, NULL, &d, &err);
  if (rc) fprintf(stderr, "read failed: %d %s\n", rc, err ? err : "");
  assert_int_equal(rc, 0);
  assert_null(err);
  assert_non_null(d);
  return d;
}

static void pos_of(const rs_doc *d, size_t para, const char *needle, uint32_t *line, uint32_t *col) {
  const rs_para *p = &d->paras[para];
  const char *at = strstr(p->text, needle);
  assert_non_null(at);
  rs_para_pos(p, (uint32_t)(at - p->text), line, col);
}

static void test_utf8_lines(void **st) {
  (void)st;
  const char *s = "Xin chào\nthế giới  \n";
  rs_doc *d = read_buf(s, strlen(s), RS_TXT_LINES);
  assert_string_equal(d->format, "txt");
  assert_string_equal(d->encoding, "utf-8");
  assert_int_equal(d->npara, 2);
  assert_string_equal(d->paras[0].text, "Xin chào");
  assert_string_equal(d->paras[1].text, "thế giới"); /* trailing spaces dropped */
  uint32_t l, c;
  pos_of(d, 1, "giới", &l, &c);
  assert_int_equal(l, 2);
  assert_int_equal(c, 5);
  assert_int_equal(d->reflowed, 0);
  rs_doc_free(d);
}

static void test_utf8_bom(void **st) {
  (void)st;
  const char s[] = "\xEF\xBB\xBF" "Ân cần\nhai";
  rs_doc *d = read_buf(s, sizeof s - 1, RS_TXT_LINES);
  assert_int_equal(d->npara, 2);
  assert_string_equal(d->paras[0].text, "Ân cần");
  uint32_t l, c;
  pos_of(d, 0, "Ân", &l, &c);
  assert_int_equal(l, 1);
  assert_int_equal(c, 1); /* the BOM is not a column */
  pos_of(d, 0, "cần", &l, &c);
  assert_int_equal(c, 4);
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
}

/* Encode code points as UTF-16 with a BOM. */
static size_t utf16(const uint32_t *cps, size_t n, int be, unsigned char *out) {
  size_t k = 0;
  unsigned units[2];
  out[k++] = be ? 0xFE : 0xFF;
  out[k++] = be ? 0xFF : 0xFE;
  for (size_t i = 0; i < n; i++) {
    size_t nu = 0;
    if (cps[i] >= 0x10000) {
      units[nu++] = 0xD800 + ((cps[i] - 0x10000) >> 10);
      units[nu++] = 0xDC00 + ((cps[i] - 0x10000) & 0x3FF);
    } else {
      units[nu++] = cps[i];
    }
    for (size_t u = 0; u < nu; u++) {
      out[k++] = (unsigned char)(be ? units[u] >> 8 : units[u] & 0xFF);
      out[k++] = (unsigned char)(be ? units[u] & 0xFF : units[u] >> 8);
    }
  }
  return k;
}

/* "Số: 1\r\nĐình 𝐀 Cao" */
static const uint32_t sample16[] = {'S', 0x1ED1, ':', ' ', '1', '\r', '\n', 0x0110, 0x00EC, 'n', 'h',
                                    ' ', 0x1D400, ' ', 'C', 'a', 'o'};

static void check16(rs_doc *d, const char *enc) {
  assert_string_equal(d->encoding, enc);
  assert_int_equal(d->npara, 2);
  assert_string_equal(d->paras[0].text, "Số: 1");
  assert_string_equal(d->paras[1].text, "Đình \xF0\x9D\x90\x80 Cao");
  uint32_t l, c;
  pos_of(d, 1, "Cao", &l, &c);
  assert_int_equal(l, 2);
  assert_int_equal(c, 8); /* the surrogate pair is one column */
  assert_int_equal(d->diags.n, 0);
}

static void test_utf16le(void **st) {
  (void)st;
  unsigned char buf[128];
  size_t n = utf16(sample16, sizeof sample16 / sizeof sample16[0], 0, buf);
  rs_doc *d = read_buf((const char *)buf, n, RS_TXT_LINES);
  check16(d, "utf-16le");
  rs_doc_free(d);
}

static void test_utf16be(void **st) {
  (void)st;
  unsigned char buf[128];
  size_t n = utf16(sample16, sizeof sample16 / sizeof sample16[0], 1, buf);
  rs_doc *d = read_buf((const char *)buf, n, RS_TXT_LINES);
  check16(d, "utf-16be");
  rs_doc_free(d);
}

static void test_utf16_file(void **st) {
  (void)st;
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt(RS_FIXTURES "/text/utf16le-bom.txt", NULL, &d, &err), 0);
  assert_string_equal(d->encoding, "utf-16le");
  assert_int_equal(d->npara, 3);
  assert_string_equal(d->paras[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_string_equal(d->paras[2].text, "Số: 85/BC-UBND");
  uint32_t l, c;
  pos_of(d, 2, "85", &l, &c);
  assert_int_equal(l, 3);
  assert_int_equal(c, 5);
  rs_doc_free(d);
}

static void test_utf16_unpaired_surrogate(void **st) {
  (void)st;
  const unsigned char s[] = {0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0};
  rs_doc *d = read_buf((const char *)s, sizeof s, RS_TXT_LINES);
  assert_string_equal(d->paras[0].text, "a\xEF\xBF\xBD" "b");
  assert_int_equal(d->diags.n, 1);
  assert_string_equal(d->diags.v[0].rule, "encoding/invalid-utf16");
  assert_int_equal(d->diags.v[0].col, 2);
  rs_doc_free(d);
}

static void test_invalid_utf8(void **st) {
  (void)st;
  /* line 2: c d <C3> ' ' x <E1 BA> ' ' y <FF> z */
  const char s[] = "ab\ncd\xC3 x\xE1\xBA y\xFFz\n";
  rs_doc *d = read_buf(s, sizeof s - 1, RS_TXT_LINES);
  assert_int_equal(d->npara, 2);
  assert_string_equal(d->paras[1].text, "cd\xEF\xBF\xBD x\xEF\xBF\xBD y\xEF\xBF\xBDz");
  assert_int_equal(d->diags.n, 3);
  const uint32_t cols[] = {3, 6, 9};
  const char *bytes[] = {"(0xC3)", "(0xE1 0xBA)", "(0xFF)"};
  for (size_t i = 0; i < 3; i++) {
    const rs_diag *g = &d->diags.v[i];
    assert_string_equal(g->rule, "encoding/invalid-utf8");
    assert_int_equal(g->severity, RS_SEV_ERROR);
    assert_int_equal(g->line, 2);
    assert_int_equal(g->col, cols[i]);
    assert_int_equal(g->end_col, cols[i] + 1);
    assert_int_equal(g->para, 2);
    assert_non_null(strstr(g->message, bytes[i]));
    assert_non_null(strstr(g->message, "Byte không hợp lệ trong UTF-8"));
    assert_non_null(g->excerpt);
  }
  /* the map still points later characters at their original column */
  uint32_t l, c;
  pos_of(d, 1, "z", &l, &c);
  assert_int_equal(l, 2);
  assert_int_equal(c, 10);
  rs_doc_free(d);
}

static void test_invalid_utf8_cap(void **st) {
  (void)st;
  char s[400];
  size_t n = 0;
  for (int i = 0; i < 150; i++) {
    s[n++] = 'a';
    s[n++] = (char)0xC0;
  }
  rs_doc *d = read_buf(s, n, RS_TXT_LINES);
  assert_int_equal(d->diags.n, 101);
  const rs_diag *last = &d->diags.v[100];
  assert_non_null(strstr(last->message, "50"));
  assert_int_equal(last->line, 1);
  assert_int_equal(last->col, 2 * 101); /* the 101st bad byte */
  assert_int_equal(d->diags.v[99].col, 200);
  rs_doc_free(d);
}

static void expect_fail(const char *s, size_t n, int code, const char *msg_part) {
  rs_doc *d = (rs_doc *)1;
  char *err = NULL;
  int rc = rs_read_txt_buffer("b.txt", s, n, RS_TXT_AUTO, NULL, &d, &err);
  assert_int_equal(rc, code);
  assert_null(d);
  assert_non_null(err);
  if (msg_part && !strstr(err, msg_part)) fail_msg("message '%s' lacks '%s'", err, msg_part);
  free(err);
}

static void test_binary(void **st) {
  (void)st;
  const char nul[] = "Số: 85\0/BC";
  expect_fail(nul, sizeof nul - 1, RS_EFORMAT, "tệp nhị phân, không phải văn bản (.txt)");
  char ctrl[100];
  for (int i = 0; i < 100; i++) ctrl[i] = (char)(i % 5 == 0 ? 0x01 : 'x');
  expect_fail(ctrl, sizeof ctrl, RS_EFORMAT, "nhị phân");
  /* UTF-16 without BOM looks like binary, with a hint */
  const char u16[] = "S\0o\0:\0 \0" "1\0";
  expect_fail(u16, sizeof u16 - 1, RS_EFORMAT, "UTF-16");
  /* a few control characters are fine (\f page breaks, a stray ESC) */
  const char ok[] = "trang 1\fmột\x1B hai ba bốn năm sáu bảy tám chín mười\n";
  rs_doc *d = read_buf(ok, sizeof ok - 1, RS_TXT_LINES);
  rs_doc_free(d);
}

static void test_empty(void **st) {
  (void)st;
  rs_doc *d = read_buf("", 0, RS_TXT_AUTO);
  assert_int_equal(d->npara, 0);
  rs_doc_free(d);
  d = read_buf("\xEF\xBB\xBF", 3, RS_TXT_AUTO);
  assert_int_equal(d->npara, 0);
  rs_doc_free(d);
  d = read_buf(" \n\n\t\n", 4, RS_TXT_AUTO);
  assert_int_equal(d->npara, 0);
  rs_doc_free(d);
}

static void test_line_endings(void **st) {
  (void)st;
  const char *s = "một\r\nhai\rba\n\r\nbốn\r";
  rs_doc *d = read_buf(s, strlen(s), RS_TXT_LINES);
  assert_int_equal(d->npara, 4);
  const char *want[] = {"một", "hai", "ba", "bốn"};
  const uint32_t lines[] = {1, 2, 3, 5};
  for (size_t i = 0; i < 4; i++) {
    assert_string_equal(d->paras[i].text, want[i]);
    uint32_t l, c;
    rs_para_pos(&d->paras[i], 0, &l, &c);
    assert_int_equal(l, lines[i]);
    assert_int_equal(c, 1);
  }
  rs_doc_free(d);
}

static void test_limits(void **st) {
  (void)st;
  rs_limits lim;
  rs_limits_default(&lim);
  lim.max_file_bytes = 4;
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt_buffer("x.txt", "12345", 5, RS_TXT_AUTO, &lim, &d, &err), RS_ELIMIT);
  assert_null(d);
  assert_non_null(strstr(err, "quá lớn"));
  free(err);
  err = NULL;
  assert_int_equal(rs_read_txt(RS_FIXTURES "/text/header-ok.txt", &lim, &d, &err), RS_ELIMIT);
  assert_null(d);
  free(err);
  err = NULL;
  rs_limits_default(&lim);
  lim.max_paragraphs = 2;
  assert_int_equal(rs_read_txt_buffer("x.txt", "a\nb\nc\n", 6, RS_TXT_LINES, &lim, &d, &err), RS_ELIMIT);
  assert_null(d);
  assert_non_null(strstr(err, "đoạn"));
  free(err);
  err = NULL;
  assert_int_equal(rs_read_txt_buffer("x.txt", "a\nb\n", 4, RS_TXT_LINES, &lim, &d, &err), 0);
  assert_int_equal(d->npara, 2);
  rs_doc_free(d);
}

static void test_eio(void **st) {
  (void)st;
  rs_doc *d = NULL;
  char *err = NULL;
  assert_int_equal(rs_read_txt(RS_FIXTURES "/text/khong-co-tep-nay.txt", NULL, &d, &err), RS_EIO);
  assert_null(d);
  assert_non_null(err);
  assert_non_null(strstr(err, rs_strerror_vi(ENOENT)));
  free(err);
  err = NULL;
  assert_int_equal(rs_read_txt(RS_FIXTURES "/text", NULL, &d, &err), RS_EIO);
  free(err);
}

/* NFD input: "Quyết định số 5" with combining marks (ế = e + U+0302 +
 * U+0301, ị = i + U+0323, ố = o + U+0302 + U+0301). */
static void test_nfc_map(void **st) {
  (void)st;
  const char s[] = "  Quye\xCC\x82\xCC\x81t đi\xCC\xA3nh so\xCC\x82\xCC\x81 5\n";
  rs_doc *d = read_buf(s, sizeof s - 1, RS_TXT_LINES);
  assert_int_equal(d->npara, 1);
  assert_string_equal(d->paras[0].text, "Quyết định số 5");
  uint32_t l, c;
  pos_of(d, 0, "Quyết", &l, &c);
  assert_int_equal(c, 3); /* two leading spaces dropped, columns kept */
  pos_of(d, 0, "ết", &l, &c);
  assert_int_equal(c, 6);
  pos_of(d, 0, "t đ", &l, &c);
  assert_int_equal(c, 9); /* after the 3 code points of ế */
  pos_of(d, 0, "số", &l, &c);
  assert_int_equal(l, 1);
  assert_int_equal(c, 17);
  pos_of(d, 0, "5", &l, &c);
  assert_int_equal(c, 22);
  /* one past the end */
  rs_para_pos(&d->paras[0], (uint32_t)d->paras[0].len, &l, &c);
  assert_int_equal(c, 23);
  /* doc.c records that the paragraph was not NFC */
  int found = 0;
  for (size_t i = 0; i < d->nfacts; i++)
    if (!strcmp(d->facts[i].kind, "non_nfc")) found = 1;
  assert_true(found);
  rs_doc_free(d);
}

static void test_reader_for(void **st) {
  (void)st;
  const char *fmt = "x";
  assert_true(rs_reader_for("a/b/bao-cao.txt", &fmt) == rs_read_txt);
  assert_string_equal(fmt, "txt");
  assert_true(rs_reader_for("BAO-CAO.TXT", &fmt) == rs_read_txt);
  assert_null(rs_reader_for("bao-cao.xyz", &fmt));
  assert_null(fmt);
  /* formats communes send but rasoat cannot read: refused with what to do,
   * without opening the file */
  rs_reader_fn pdf = rs_reader_for("khong-co/bao-cao.PDF", &fmt);
  assert_non_null(pdf);
  assert_string_equal(fmt, "pdf");
  rs_doc *d = (rs_doc *)1;
  char *err = NULL;
  assert_int_equal(pdf("khong-co/bao-cao.PDF", NULL, &d, &err), RS_EFORMAT);
  assert_null(d);
  assert_non_null(strstr(err, ".docx"));
  free(err);
  assert_null(rs_reader_for("thu.muc/bao-cao", &fmt));
  assert_null(rs_reader_for("txt", &fmt));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_lines),
      cmocka_unit_test(test_utf8_bom),
      cmocka_unit_test(test_utf16le),
      cmocka_unit_test(test_utf16be),
      cmocka_unit_test(test_utf16_file),
      cmocka_unit_test(test_utf16_unpaired_surrogate),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_invalid_utf8_cap),
      cmocka_unit_test(test_binary),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_line_endings),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_eio),
      cmocka_unit_test(test_nfc_map),
      cmocka_unit_test(test_reader_for),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
