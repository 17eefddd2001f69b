/* zipsafe + xmlsafe: bounded zip reading, OLE detection, safe XML parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "xmlsafe.h"
#include "zipsafe.h"

#define FX(p) RS_FIXTURES "/" p

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_open_and_read(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_zip *z = NULL;
  char *err = NULL;
  assert_int_equal(rs_zip_open(FX("docx/sample.docx"), &lim, &z, &err), RS_OK);
  assert_null(err);
  assert_true(rs_zip_has(z, "word/document.xml"));
  assert_true(rs_zip_has(z, "WORD/Document.XML")); /* case-insensitive fallback */
  assert_false(rs_zip_has(z, "word/nothing.xml"));
  assert_true(rs_zip_count(z) >= 4);
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &len, &err), RS_OK);
  assert_true(len > 1000);
  assert_int_equal(data[len], 0);
  assert_non_null(strstr(data, "<w:document"));
  assert_int_equal(rs_zip_inflated(z), len);
  free(data);
  /* a missing entry */
  assert_int_equal(rs_zip_read(z, "word/missing.xml", &data, &len, &err), RS_EFORMAT);
  assert_null(data);
  assert_non_null(strstr(err, "word/missing.xml"));
  free(err);
  rs_zip_close(z);
}

static void expect_open_fails(const char *path, int code, const char *needle) {
  rs_limits lim;
  rs_limits_default(&lim);
  rs_zip *z = NULL;
  char *err = NULL;
  double t0 = now_s();
  int rc = rs_zip_open(path, &lim, &z, &err);
  assert_true(now_s() - t0 < 1.0);
  assert_int_equal(rc, code);
  assert_null(z);
  assert_non_null(err);
  if (!strstr(err, needle)) fail_msg("message \"%s\" lacks \"%s\"", err, needle);
  free(err);
}

static void test_ole_refused(void **state) {
  (void)state;
  const char *msg = "Tệp là tài liệu Word cũ (.doc) hoặc .docx có mật khẩu: hãy mở bằng Word và lưu "
                    "lại dưới dạng .docx không đặt mật khẩu";
  expect_open_fails(FX("hostile/encrypted.docx"), RS_EFORMAT, msg);
  expect_open_fails(FX("hostile/legacy.doc"), RS_EFORMAT, msg);
  /* the same bytes named .xlsx speak of Excel */
  char tmpl[] = "/tmp/rs-zipsafe-XXXXXX";
  int fd = mkstemp(tmpl);
  assert_true(fd >= 0);
  close(fd);
  char *path = rs_sprintf("%s.xlsx", tmpl);
  FILE *in = fopen(FX("hostile/encrypted.docx"), "rb"), *out = fopen(path, "wb");
  assert_non_null(in);
  assert_non_null(out);
  char buf[2048];
  size_t n = fread(buf, 1, sizeof buf, in);
  fwrite(buf, 1, n, out);
  fclose(in);
  fclose(out);
  expect_open_fails(path, RS_EFORMAT, "lưu lại dưới dạng .xlsx không đặt mật khẩu");
  unlink(path);
  unlink(tmpl);
  free(path);
}

static void test_not_a_zip(void **state) {
  (void)state;
  expect_open_fails(FX("hostile/random.docx"), RS_EFORMAT, "bị hỏng hoặc không phải tệp nén ZIP");
  expect_open_fails(FX("hostile/truncated.docx"), RS_EFORMAT, "bị hỏng hoặc không phải tệp nén ZIP");
  expect_open_fails(FX("dinh-cao-cchc-6-thang-2023.txt"), RS_EFORMAT, "không phải tệp nén ZIP");
  expect_open_fails(FX("docx/does-not-exist.docx"), RS_EIO, "does-not-exist.docx");
}

static void test_file_size_limit(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  lim.max_file_bytes = 1000;
  rs_zip *z = NULL;
  char *err = NULL;
  assert_int_equal(rs_zip_open(FX("docx/sample.docx"), &lim, &z, &err), RS_ELIMIT);
  assert_non_null(strstr(err, "quá lớn"));
  free(err);
}

/* zip-bomb.docx: a ~1 MB archive whose document.xml inflates to 1 GiB.
 * Refused from the declared sizes, before anything is inflated. */
static void test_bomb_declared(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_zip *z = NULL;
  char *err = NULL;
  double t0 = now_s();
  assert_int_equal(rs_zip_open(FX("hostile/zip-bomb.docx"), &lim, &z, &err), RS_OK);
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &len, &err), RS_ELIMIT);
  assert_true(now_s() - t0 < 1.0);
  assert_null(data);
  assert_non_null(strstr(err, "zip bomb"));
  assert_int_equal(rs_zip_inflated(z), 0);
  free(err);
  /* even with the ratio check off, the total limit refuses it at once */
  rs_zip_close(z);
  lim.max_ratio = 0;
  assert_int_equal(rs_zip_open(FX("hostile/zip-bomb.docx"), &lim, &z, &err), RS_OK);
  t0 = now_s();
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &len, &err), RS_ELIMIT);
  assert_true(now_s() - t0 < 0.2);
  free(err);
  rs_zip_close(z);
}

/* zip-bomb-lying.docx declares 4 KiB for an entry that inflates to 64 MiB:
 * the running count stops the inflation. */
static void test_bomb_lying(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_zip *z = NULL;
  char *err = NULL;
  char *data = NULL;
  size_t len = 0;
  assert_int_equal(rs_zip_open(FX("hostile/zip-bomb-lying.docx"), &lim, &z, &err), RS_OK);
  double t0 = now_s();
  int rc = rs_zip_read(z, "word/document.xml", &data, &len, &err);
  assert_true(now_s() - t0 < 1.0);
  assert_true(rc == RS_ELIMIT || rc == RS_EFORMAT);
  assert_null(data);
  free(err);
  rs_zip_close(z);
  /* ratio check off, total limit 2 MiB: the actual inflated size decides */
  lim.max_ratio = 0;
  lim.max_total_inflated = (size_t)2 << 20;
  assert_int_equal(rs_zip_open(FX("hostile/zip-bomb-lying.docx"), &lim, &z, &err), RS_OK);
  t0 = now_s();
  rc = rs_zip_read(z, "word/document.xml", &data, &len, &err);
  assert_true(now_s() - t0 < 1.0);
  assert_true(rc == RS_ELIMIT || rc == RS_EFORMAT);
  assert_null(data);
  free(err);
  rs_zip_close(z);
}

static void test_total_inflated(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  rs_zip *z = NULL;
  char *err = NULL, *data = NULL;
  size_t len = 0, doclen = 0;
  assert_int_equal(rs_zip_open(FX("docx/sample.docx"), &lim, &z, &err), RS_OK);
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &doclen, &err), RS_OK);
  free(data);
  rs_zip_close(z);
  /* room for document.xml once, not twice */
  lim.max_total_inflated = doclen + doclen / 2;
  assert_int_equal(rs_zip_open(FX("docx/sample.docx"), &lim, &z, &err), RS_OK);
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &len, &err), RS_OK);
  free(data);
  assert_int_equal(rs_zip_read(z, "word/document.xml", &data, &len, &err), RS_ELIMIT);
  assert_null(data);
  free(err);
  rs_zip_close(z);
}

static void test_kind(void **state) {
  (void)state;
  assert_string_equal(rs_zip_kind("a/b.DOCX"), "docx");
  assert_string_equal(rs_zip_kind("bang.xlsx"), "xlsx");
  assert_string_equal(rs_zip_kind("x.odt"), "odt");
  assert_string_equal(rs_zip_kind("dir.d/noext"), "zip");
}

/* ---- xmlsafe ---- */

static int parse(const char *xml, const rs_limits *lim, char **err) {
  xmlDocPtr d = NULL;
  int rc = rs_xml_parse(xml, strlen(xml), "word/document.xml", lim, &d, err);
  if (d) xmlFreeDoc(d);
  return rc;
}

static void test_xml_ok(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  const char *xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:t a=\"1\">Đình Cao &amp; "
                    "x</w:t></w:document>";
  xmlDocPtr d = NULL;
  char *err = NULL;
  assert_int_equal(rs_xml_parse(xml, strlen(xml), "p.xml", &lim, &d, &err), RS_OK);
  xmlNode *root = xmlDocGetRootElement(d);
  assert_true(rs_xml_is(root, "urn:w", "document"));
  xmlNode *t = rs_xml_child(root, "urn:w", "t");
  assert_non_null(t);
  char *a = rs_xml_attr(t, NULL, "a"), *txt = rs_xml_text(t);
  assert_string_equal(a, "1");
  assert_string_equal(txt, "Đình Cao & x");
  free(a);
  free(txt);
  xmlFreeDoc(d);
}

static void test_xml_doctype_refused(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  char *err = NULL;
  const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b "
                       "\"&a;&a;&a;&a;\">]><r>&b;</r>";
  assert_int_equal(parse(laughs, &lim, &err), RS_EFORMAT);
  assert_non_null(strstr(err, "DOCTYPE"));
  assert_non_null(strstr(err, "word/document.xml"));
  free(err);
  /* UTF-16 text cannot hide a DOCTYPE */
  const char u16[] = "<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0r\0>\0<\0r\0/\0>\0";
  xmlDocPtr d = NULL;
  assert_int_equal(rs_xml_parse(u16, sizeof u16 - 1, "x.xml", &lim, &d, &err), RS_EFORMAT);
  assert_null(d);
  free(err);
}

/* An external entity pointing to a local file: refused, and the file's
 * content never appears anywhere. */
static void test_xml_xxe_not_read(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  char tmpl[] = "/tmp/rs-xxe-XXXXXX";
  int fd = mkstemp(tmpl);
  assert_true(fd >= 0);
  const char *secret = "BI-MAT-KHONG-DUOC-DOC";
  assert_int_equal(write(fd, secret, strlen(secret)), (ssize_t)strlen(secret));
  close(fd);
  char *xml = rs_sprintf("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://%s\">]><r>&x;</r>",
                         tmpl);
  char *err = NULL;
  assert_int_equal(parse(xml, &lim, &err), RS_EFORMAT);
  assert_null(strstr(err, secret));
  free(err);
  free(xml);
  unlink(tmpl);
}

static void test_xml_depth(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  char *err = NULL;
  /* 100,000 nested elements: refused quickly */
  size_t n = 100000;
  char *deep = malloc(n * 7 + 16);
  size_t len = 0;
  for (size_t i = 0; i < n; i++) len += (size_t)sprintf(deep + len, "<a>");
  for (size_t i = 0; i < n; i++) len += (size_t)sprintf(deep + len, "</a>");
  double t0 = now_s();
  assert_int_equal(parse(deep, &lim, &err), RS_ELIMIT);
  assert_true(now_s() - t0 < 1.0);
  assert_non_null(strstr(err, "quá sâu"));
  free(err);
  free(deep);
  /* our own limit below libxml2's */
  lim.max_xml_depth = 10;
  assert_int_equal(parse("<a><b><c><d><e><f><g><h><i><j><k/></j></i></h></g></f></e></d></c></b></a>",
                         &lim, &err),
                   RS_ELIMIT);
  free(err);
  assert_int_equal(parse("<a><b><c><d><e><f><g><h><i><j/></i></h></g></f></e></d></c></b></a>", &lim,
                         &err),
                   RS_OK);
}

static void test_xml_malformed(void **state) {
  (void)state;
  rs_limits lim;
  rs_limits_default(&lim);
  char *err = NULL;
  assert_int_equal(parse("<a><b></a>", &lim, &err), RS_EFORMAT);
  assert_non_null(strstr(err, "word/document.xml"));
  assert_non_null(strstr(err, "không phải XML hợp lệ"));
  free(err);
  assert_int_equal(parse("", &lim, &err), RS_EFORMAT);
  free(err);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_open_and_read),    cmocka_unit_test(test_ole_refused),
      cmocka_unit_test(test_not_a_zip),        cmocka_unit_test(test_file_size_limit),
      cmocka_unit_test(test_bomb_declared),    cmocka_unit_test(test_bomb_lying),
      cmocka_unit_test(test_total_inflated),   cmocka_unit_test(test_kind),
      cmocka_unit_test(test_xml_ok),           cmocka_unit_test(test_xml_doctype_refused),
      cmocka_unit_test(test_xml_xxe_not_read), cmocka_unit_test(test_xml_depth),
      cmocka_unit_test(test_xml_malformed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
