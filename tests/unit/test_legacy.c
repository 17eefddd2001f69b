/* Legacy Vietnamese encodings: TCVN3, VNI, Windows-1258 (legacy.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "legacy.h"

static char *slurp(const char *rel, size_t *n) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", RS_FIXTURES, rel);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)len + 1);
  assert_non_null(b);
  assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
  b[len] = 0;
  fclose(f);
  if (n) *n = (size_t)len;
  return b;
}

/* drop CRs in place */
static void no_cr(char *s) {
  char *w = s;
  for (char *r = s; *r; r++)
    if (*r != '\r') *w++ = *r;
  *w = 0;
}

/* one paragraph per non-empty line */
static rs_doc *doc_from_lines(const char *text) {
  rs_doc *d = rs_doc_new("t.odt", "odt");
  const char *s = text;
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    size_t m = n;
    while (m > 0 && s[m - 1] == '\r') m--;
    if (m > 0) assert_non_null(rs_doc_add_para_text(d, s, m));
    s += n + (e ? 1 : 0);
  }
  return d;
}

static void check_bytes(const char *file, const char *want_enc) {
  size_t n;
  char *raw = slurp(file, &n);
  char *want = slurp("legacy/expected-utf8.txt", NULL);
  char *out = NULL;
  size_t outlen = 0;
  const char *enc = rs_legacy_decode_bytes(raw, n, &out, &outlen);
  assert_non_null(enc);
  assert_string_equal(enc, want_enc);
  assert_int_equal(strlen(out), outlen);
  no_cr(out);
  assert_string_equal(out, want);
  free(out);
  free(raw);
  free(want);
}

static void test_tcvn3_bytes(void **st) {
  (void)st;
  check_bytes("legacy/tcvn3.txt", "tcvn3");
}

static void test_vni_bytes(void **st) {
  (void)st;
  check_bytes("legacy/vni.txt", "vni");
}

static void test_cp1258_bytes(void **st) {
  (void)st;
  check_bytes("legacy/cp1258.txt", "windows-1258");
}

static void expect_para(const char *in, const char *want, const char *enc) {
  rs_doc *d = doc_from_lines(in);
  const char *e = rs_legacy_convert_doc(d);
  assert_non_null(e);
  assert_string_equal(e, enc);
  assert_string_equal(d->paras[0].text, want);
  rs_doc_free(d);
}

static void test_tcvn3_phrases(void **st) {
  (void)st;
  /* "TrËt tù ch÷ c¸i", "Céng hoµ x· héi chñ nghÜa ViÖt Nam" as Latin-1 text */
  expect_para("Tr\xc3\x8bt t\xc3\xb9 ch\xc3\xb7 c\xc2\xb8i", "Trật tự chữ cái", "tcvn3");
  expect_para("C\xc3\xa9ng ho\xc2\xb5 x\xc2\xb7 h\xc3\xa9i ch\xc3\xb1 ngh\xc3\x9c"
              "a Vi\xc3\x96t Nam",
              "Cộng hoà xã hội chủ nghĩa Việt Nam", "tcvn3");
  /* .VnTimeH: capitals written with the lower-case codes */
  expect_para("C\xc3\xa9NG HO\xc2\xb5 X\xc2\xb7 H\xc3\xa9I CH\xc3\xb1 NGH\xc3\x9c"
              "A VI\xc3\x96T NAM",
              "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3");
}

static void test_vni_phrases(void **st) {
  (void)st;
  expect_para("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam", "vni");
  expect_para("Tröôøng hoïc, ngöôøi daân ñöôïc höôûng", "Trường học, người dân được hưởng", "vni");
}

static void test_mojibake_doc(void **st) {
  (void)st;
  char *text = slurp("legacy/vntime-unicode.txt", NULL);
  char *want = slurp("legacy/expected-utf8.txt", NULL);
  rs_doc *d = doc_from_lines(text);
  rs_doc *w = doc_from_lines(want);
  assert_int_equal(d->npara, w->npara);
  const char *e = rs_legacy_convert_doc(d);
  assert_non_null(e);
  assert_string_equal(e, "tcvn3");
  assert_string_equal(d->encoding, "tcvn3");
  for (size_t i = 0; i < d->npara; i++) assert_string_equal(d->paras[i].text, w->paras[i].text);
  /* exactly one diagnostic, at the first affected paragraph */
  assert_int_equal(d->diags.n, 1);
  rs_diag *g = &d->diags.v[0];
  assert_string_equal(g->rule, "encoding/legacy-tcvn3");
  assert_int_equal(g->severity, RS_SEV_WARNING);
  assert_int_equal(g->line, 1);
  assert_int_equal(g->col, 1);
  assert_non_null(strstr(g->message, "TCVN3"));
  assert_non_null(strstr(g->message, "TCVN 6909:2001"));
  assert_non_null(strstr(g->message, "Unicode"));
  /* TCVN3 is one byte per letter: columns are unchanged */
  const rs_para *p = &d->paras[4]; /* "Thực hiện Kế hoạch ..." */
  const char *k = strstr(p->text, "Kế hoạch");
  assert_non_null(k);
  uint32_t line, col;
  rs_para_pos(p, (uint32_t)(k - p->text), &line, &col);
  assert_int_equal(line, 5);
  assert_int_equal(col, 11);
  /* a second call finds nothing more */
  assert_null(rs_legacy_convert_doc(d));
  assert_int_equal(d->diags.n, 1);
  rs_doc_free(d);
  rs_doc_free(w);
  free(text);
  free(want);
}

static void test_vni_doc_positions(void **st) {
  (void)st;
  char *text = slurp("legacy/vni-unicode.txt", NULL);
  char *want = slurp("legacy/expected-utf8.txt", NULL);
  rs_doc *d = doc_from_lines(text);
  rs_doc *w = doc_from_lines(want);
  /* a run over the whole of paragraph 2 and one over its last word */
  rs_para *p = &d->paras[1];
  p->runs = calloc(2, sizeof *p->runs);
  p->nruns = 2;
  p->runs[0].start = 0;
  p->runs[0].end = (uint32_t)p->len;
  const char *last = strrchr(p->text, ' ') + 1;
  p->runs[1].start = (uint32_t)(last - p->text);
  p->runs[1].end = (uint32_t)p->len;
  const char *e = rs_legacy_convert_doc(d);
  assert_non_null(e);
  assert_string_equal(e, "vni");
  for (size_t i = 0; i < d->npara; i++) assert_string_equal(d->paras[i].text, w->paras[i].text);
  assert_int_equal(d->diags.n, 1);
  assert_string_equal(d->diags.v[0].rule, "encoding/legacy-vni");
  /* "Ñoäc laäp - Töï do - Haïnh phuùc" -> "Độc lập - Tự do - Hạnh phúc":
   * a two-character VNI letter maps to its first character */
  p = &d->paras[1];
  assert_string_equal(p->text, "Độc lập - Tự do - Hạnh phúc");
  uint32_t line, col;
  const char *c = strstr(p->text, "c l");
  rs_para_pos(p, (uint32_t)(c - p->text), &line, &col);
  assert_int_equal(line, 2);
  assert_int_equal(col, 4); /* Ñ o ä c */
  const char *l = strstr(p->text, "lập");
  rs_para_pos(p, (uint32_t)(l - p->text), &line, &col);
  assert_int_equal(col, 6);
  const char *t = strstr(p->text, "Tự");
  rs_para_pos(p, (uint32_t)(t - p->text), &line, &col);
  assert_int_equal(col, 13); /* "Ñoäc laäp - " is 12 */
  /* runs follow the text */
  assert_int_equal(p->runs[0].start, 0);
  assert_int_equal(p->runs[0].end, p->len);
  assert_string_equal(p->text + p->runs[1].start, "phúc");
  rs_doc_free(d);
  rs_doc_free(w);
  free(text);
  free(want);
}

static void test_no_false_alarm_sample(void **st) {
  (void)st;
  char *text = slurp("dinh-cao-cchc-6-thang-2023.txt", NULL);
  rs_doc *d = doc_from_lines(text);
  rs_doc *w = doc_from_lines(text);
  assert_null(rs_legacy_convert_doc(d));
  assert_int_equal(d->diags.n, 0);
  assert_string_equal(d->encoding, "utf-8");
  for (size_t i = 0; i < d->npara; i++) assert_string_equal(d->paras[i].text, w->paras[i].text);
  rs_doc_free(d);
  rs_doc_free(w);
  free(text);
}

static void test_no_false_alarm_english_french(void **st) {
  (void)st;
  rs_doc *d = doc_from_lines("The committee met in Hanoi on 5 January 2023 to review the plan.\n"
                             "All documents were approved; the report is due on 14 June.\n");
  assert_null(rs_legacy_convert_doc(d));
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
  char *fr = slurp("legacy/french.txt", NULL);
  d = doc_from_lines(fr);
  assert_null(rs_legacy_convert_doc(d));
  assert_int_equal(d->diags.n, 0);
  rs_doc_free(d);
  /* the same French text as Latin-1 bytes is not a legacy Vietnamese file */
  const char *latin1 = "Le comit\xe9 a \xe9t\xe9 r\xe9uni \xe0 Hano\xef o\xf9 les \xe9l\xe8ves ont "
                       "pr\xe9sent\xe9 leurs r\xe9sum\xe9s. \xc7" "a a d\xe9j\xe0 \xe9t\xe9 d\xe9"
                       "cid\xe9.\n";
  char *out = NULL;
  size_t ol = 0;
  assert_null(rs_legacy_decode_bytes(latin1, strlen(latin1), &out, &ol));
  assert_null(out);
  free(fr);
}

static void test_decode_rejects_binary(void **st) {
  (void)st;
  char bin[256];
  for (int i = 0; i < 256; i++) bin[i] = (char)(255 - i);
  char *out = NULL;
  size_t ol = 0;
  assert_null(rs_legacy_decode_bytes(bin, sizeof bin, &out, &ol));
  assert_null(rs_legacy_decode_bytes("", 0, &out, &ol));
  /* too few words to tell */
  assert_null(rs_legacy_decode_bytes("c\xb8" "c", 3, &out, &ol));
}

static void test_mixed_doc_converts_only_legacy_paragraphs(void **st) {
  (void)st;
  rs_doc *d = doc_from_lines("Các cán bộ, công chức đã thực hiện tốt nhiệm vụ được giao.\n"
                             "Th\xc3\xb9" "c hi\xc3\x96n K\xc3\x95 ho\xc2\xb9" "ch c\xc2\xb6i c\xc2\xb8" "ch h\xc2\xb5nh "
                             "ch\xc3\x9dnh n\xc2\xa8m 2023 c\xc3\xb1" "a x\xc2\xb7.\n");
  const char *e = rs_legacy_convert_doc(d);
  assert_non_null(e);
  assert_string_equal(e, "tcvn3");
  assert_string_equal(d->paras[0].text, "Các cán bộ, công chức đã thực hiện tốt nhiệm vụ được giao.");
  assert_string_equal(d->paras[1].text, "Thực hiện Kế hoạch cải cách hành chính năm 2023 của xã.");
  assert_int_equal(d->diags.n, 1);
  assert_int_equal(d->diags.v[0].line, 2);
  rs_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tcvn3_bytes),
      cmocka_unit_test(test_vni_bytes),
      cmocka_unit_test(test_cp1258_bytes),
      cmocka_unit_test(test_tcvn3_phrases),
      cmocka_unit_test(test_vni_phrases),
      cmocka_unit_test(test_mojibake_doc),
      cmocka_unit_test(test_vni_doc_positions),
      cmocka_unit_test(test_no_false_alarm_sample),
      cmocka_unit_test(test_no_false_alarm_english_french),
      cmocka_unit_test(test_decode_rejects_binary),
      cmocka_unit_test(test_mixed_doc_converts_only_legacy_paragraphs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
