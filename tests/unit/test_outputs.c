/* Report formats (sarif, junit, csv, html) on a synthetic report: Vietnamese
 * text with quotes, <, & and newlines in paths and messages, a reflowed
 * .txt whose source has a decomposed letter, a table cell, overlapping
 * spans, an empty span, a finding about the whole document, a clean file
 * and a file that could not be read. The outputs are also written to
 * test_outputs.out/ in the working directory (the build dir under ctest). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <csv.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define OUT_DIR "test_outputs.out"

#define P1 "thư mục/bản nháp \"số 1\" <A&B>.txt"
#define P2 "báo cáo\nquý 2.docx"
#define P3 "sạch.docx"
#define P4 "hỏng & <lỗi>.docx"
#define FAIL_MSG "Tệp không phải là tệp nén ZIP (\"docx\" hỏng) & <không mở được>"
#define C1_MSG "Tỷ lệ \"95%\" < 100% & sai\ndòng hai"

/* a located finding and the byte range it was made from */
typedef struct expect {
  size_t file, para; /* para 0-based */
  size_t s, e;
} expect;

typedef struct fixture {
  rs_file_result files[4];
  rs_rule_info rules[6];
  rs_report r;
  expect ex[16];
  size_t nex;
} fixture;

static char *valid1[] = {"Kết quả thực hiện", NULL};
static char *invalid1[] = {"Kết quả [[thực hiên]] *năm*", NULL};

/* first occurrence (after `from`) of needle in paragraph text */
static size_t find(const rs_para *p, const char *needle, size_t from) {
  const char *hit = strstr(p->text + from, needle);
  assert_non_null(hit);
  return (size_t)(hit - p->text);
}

static rs_diag *add_at(fixture *fx, size_t fi, int para, size_t s, size_t e, const char *rule, rs_severity sev,
                       const char *msg) {
  rs_file_result *fr = &fx->files[fi];
  rs_diag *g = rs_diags_add(&fr->diags, rule, sev, "%s", msg);
  assert_non_null(g);
  rs_diag_locate(g, fr->doc, para, (uint32_t)s, (uint32_t)e);
  return g;
}

/* .txt draft, hard-wrapped lines reflowed into one paragraph; `shift`
 * blank-free lines are inserted on top (an edit elsewhere). */
static rs_doc *make_txt(int shift) {
  rs_doc *d = rs_doc_new(P1, "txt");
  rs_pbuild b;
  rs_pbuild_init(&b);
  uint32_t L = 1;
  for (int i = 0; i < shift; i++, L += 2) {
    const char *t = "Dòng thêm vào đầu văn bản.";
    rs_pbuild_append(&b, t, strlen(t), L, 1);
    assert_non_null(rs_doc_add_para(d, &b));
  }
  /* "Kết" written decomposed: K e U+0302 U+0301 t */
  const char *l1 = "Ke\xCC\x82\xCC\x81t quả  thực hiện <công tác> & \"cải cách\"";
  const char *l2 = "hành chính, thực hiện năm 2023";
  rs_pbuild_append(&b, l1, strlen(l1), L, 1);
  rs_pbuild_append_at(&b, " ", 1, L, (uint32_t)rs_utf8_count(l1, strlen(l1)) + 1);
  rs_pbuild_append(&b, l2, strlen(l2), L + 1, 1);
  assert_non_null(rs_doc_add_para(d, &b));
  const char *l4 = "Trên đây là báo cáo kết quả";
  rs_pbuild_append(&b, l4, strlen(l4), L + 3, 1);
  assert_non_null(rs_doc_add_para(d, &b));
  rs_pbuild_free(&b);
  return d;
}

static void add_txt_findings(fixture *fx, size_t fi, int first_para, int record) {
  rs_file_result *fr = &fx->files[fi];
  const rs_para *pa = &fr->doc->paras[first_para];
  const rs_para *pb = &fr->doc->paras[first_para + 1];
  size_t s1 = find(pa, "thực hiện", 0), e1 = s1 + strlen("thực hiện");
  size_t s2 = find(pa, "  thực", 0), e2 = s2 + strlen("  thực");
  size_t s3 = find(pa, "hiện <công", 0), e3 = find(pa, "hành chính", 0) + strlen("hành");
  size_t s4 = find(pa, "thực hiện", e1), e4 = s4 + strlen("thực hiện");
  size_t s5 = pb->len, e5 = pb->len;
  size_t s6 = 0, e6 = strlen("Kết");
  struct {
    size_t para, s, e;
    const char *rule;
    rs_severity sev;
    const char *msg;
  } f[] = {
      {0, s1, e1, "spelling/sai-chinh-ta", RS_SEV_ERROR, "Từ «thực hiện» có thể viết sai"},
      {0, s2, e2, "typography/khoang-trang", RS_SEV_WARNING, "Hai dấu cách liền nhau"},
      {0, s3, e3, "terminology/thuat-ngu", RS_SEV_INFO, "Cụm từ <công tác> & \"cải cách\" nên viết lại"},
      {0, s4, e4, "spelling/sai-chinh-ta", RS_SEV_ERROR, "Từ «thực hiện» có thể viết sai"},
      {1, s5, e5, "structure/ket-thuc", RS_SEV_WARNING, "Thiếu dấu kết thúc «./.»"},
      {0, s6, e6, "encoding/non-nfc", RS_SEV_INFO, "Chữ viết ở dạng tổ hợp (không phải NFC)"},
  };
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
    rs_diag *g = add_at(fx, fi, first_para + (int)f[i].para, f[i].s, f[i].e, f[i].rule, f[i].sev, f[i].msg);
    if (i == 0) rs_diag_set_suggestion(g, "thực hiện");
    if (i == 4) rs_diag_set_suggestion(g, "./.");
    if (record) fx->ex[fx->nex++] = (expect){fi, (size_t)first_para + f[i].para, f[i].s, f[i].e};
  }
  rs_diag *g = rs_diags_add(&fr->diags, "structure/thieu-quoc-hieu", RS_SEV_ERROR, "%s",
                            "Thiếu Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»");
  assert_non_null(g);
  rs_diags_sort(&fr->diags);
}

static int setup(void **state) {
  fixture *fx = calloc(1, sizeof *fx);
  assert_non_null(fx);
  const char *ids[] = {"spelling/sai-chinh-ta", "typography/khoang-trang", "terminology/thuat-ngu",
                       "structure/ket-thuc",    "arithmetic/ty-le",        "structure/thieu-quoc-hieu"};
  for (size_t i = 0; i < 6; i++) {
    fx->rules[i].id = (char *)ids[i];
    fx->rules[i].description = (char *)"Mô tả quy tắc <kiểm tra> & \"ví dụ\"";
    fx->rules[i].basis = (char *)"Nghị định 30/2020/NĐ-CP, Phụ lục I";
    fx->rules[i].severity = RS_SEV_WARNING;
    fx->rules[i].default_severity = RS_SEV_WARNING;
  }
  fx->rules[0].valid = valid1;
  fx->rules[0].invalid = invalid1;

  /* 1: the .txt draft */
  fx->files[0].path = rs_strdup(P1);
  fx->files[0].format = "txt";
  fx->files[0].doc = make_txt(0);
  add_txt_findings(fx, 0, 0, 1);

  /* 2: a .docx with a table cell */
  rs_doc *d = rs_doc_new(P2, "docx");
  const char *paras[] = {"BÁO CÁO", "Tỷ lệ hoàn thành 95% kế hoạch", "Đoạn thứ ba."};
  for (size_t i = 0; i < 3; i++) assert_non_null(rs_doc_add_para_text(d, paras[i], strlen(paras[i])));
  d->paras[1].table = 1;
  d->paras[1].row = 2;
  d->paras[1].cell = 3;
  fx->files[1].path = rs_strdup(P2);
  fx->files[1].format = "docx";
  fx->files[1].doc = d;
  size_t s = find(&d->paras[1], "95%", 0);
  rs_diag *g = add_at(fx, 1, 1, s, s + 3, "arithmetic/ty-le", RS_SEV_ERROR, C1_MSG);
  rs_diag_set_suggestion(g, "90%");
  fx->ex[fx->nex++] = (expect){1, 1, s, s + 3};

  /* 3: clean */
  d = rs_doc_new(P3, "docx");
  assert_non_null(rs_doc_add_para_text(d, "Không có lỗi.", strlen("Không có lỗi.")));
  fx->files[2].path = rs_strdup(P3);
  fx->files[2].format = "docx";
  fx->files[2].doc = d;

  /* 4: unreadable */
  fx->files[3].path = rs_strdup(P4);
  fx->files[3].format = "docx";
  fx->files[3].status = RS_FILE_FAILED;
  fx->files[3].error = rs_strdup(FAIL_MSG);

  fx->r.files = fx->files;
  fx->r.nfiles = 4;
  fx->r.rules = fx->rules;
  fx->r.nrules = 6;
  mkdir(OUT_DIR, 0755);
  *state = fx;
  return 0;
}

static void free_file(rs_file_result *fr) {
  free(fr->path);
  free(fr->error);
  rs_diags_free(&fr->diags);
  rs_doc_free(fr->doc);
}

static int teardown(void **state) {
  fixture *fx = *state;
  for (size_t i = 0; i < 4; i++) free_file(&fx->files[i]);
  free(fx);
  return 0;
}

static size_t total_diags(const rs_report *r) {
  size_t n = 0;
  for (size_t i = 0; i < r->nfiles; i++) n += r->files[i].diags.n;
  return n;
}

typedef int (*out_fn)(FILE *, const rs_report *, const rs_out_opts *);

/* Runs a format into memory and into OUT_DIR/name. */
static char *render(out_fn fn, const rs_report *r, const char *name, size_t *len) {
  char *buf = NULL;
  size_t n = 0;
  FILE *m = open_memstream(&buf, &n);
  assert_non_null(m);
  rs_out_opts o = {0, "error"};
  assert_int_equal(fn(m, r, &o), 0);
  fclose(m);
  char path[256];
  snprintf(path, sizeof path, "%s/%s", OUT_DIR, name);
  FILE *f = fopen(path, "wb");
  if (f) {
    fwrite(buf, 1, n, f);
    fclose(f);
  }
  if (len) *len = n;
  return buf;
}

/* ---- helpers ---- */

static void test_span_roundtrip(void **state) {
  fixture *fx = *state;
  /* the decomposed letter shifts source columns: "quả" starts at column 7 */
  const rs_diag *g = NULL;
  for (size_t k = 0; k < fx->files[0].diags.n; k++)
    if (!strcmp(fx->files[0].diags.v[k].rule, "typography/khoang-trang")) g = &fx->files[0].diags.v[k];
  assert_non_null(g);
  assert_int_equal(g->line, 1);
  assert_int_equal(g->col, 10);
  for (size_t i = 0; i < fx->nex; i++) {
    const expect *x = &fx->ex[i];
    const rs_file_result *fr = &fx->files[x->file];
    int found = 0;
    for (size_t k = 0; k < fr->diags.n; k++) {
      const rs_diag *d = &fr->diags.v[k];
      if (d->para != (int)x->para + 1) continue;
      size_t s, e, para;
      assert_int_equal(out_diag_span(fr->doc, d, &para, &s, &e), 0);
      assert_int_equal(para, x->para);
      if (s == x->s && e == x->e) found = 1;
    }
    assert_true(found);
  }
  /* a finding about the whole document has no span */
  rs_diag none = {0};
  none.line = none.col = none.end_line = none.end_col = 1;
  size_t s, e, para;
  assert_int_equal(out_diag_span(fx->files[0].doc, &none, &para, &s, &e), -1);
  /* a finding with a position but no paragraph (a reader's) finds its own:
   * line 2, column 13 is the second "thực hiện" of paragraph 1 */
  rs_diag reader = {0};
  reader.line = reader.end_line = 2;
  reader.col = 13;
  reader.end_col = 22;
  assert_int_equal(out_diag_span(fx->files[0].doc, &reader, &para, &s, &e), 0);
  assert_int_equal(para, 0);
  const char *t = fx->files[0].doc->paras[0].text;
  assert_int_equal(e - s, strlen("thực hiện"));
  assert_memory_equal(t + s, "thực hiện", e - s);
  assert_int_equal(s, (size_t)(strstr(strstr(t, "thực hiện") + 1, "thực hiện") - t));
  /* and a position on a line the document does not have finds nothing */
  reader.line = reader.end_line = 40;
  assert_int_equal(out_diag_span(fx->files[0].doc, &reader, &para, &s, &e), -1);
}

static void test_path_uri(void **state) {
  (void)state;
  char *u = out_path_uri("thư mục/a b\\c#?.txt");
  assert_string_equal(u, "th%C6%B0%20m%E1%BB%A5c/a%20b/c%23%3F.txt");
  free(u);
  u = out_path_uri("/tmp/x y.txt");
  assert_string_equal(u, "file:///tmp/x%20y.txt");
  free(u);
}

static int str_cmp(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

/* Fingerprints survive an edit elsewhere (lines shift) and tell apart two
 * findings of one rule on the same words. */
static void test_fingerprints_stable(void **state) {
  fixture *fx = *state;
  rs_file_result shifted = {0};
  shifted.path = rs_strdup(P1);
  shifted.format = "txt";
  shifted.doc = make_txt(3);
  fixture tmp = {0};
  tmp.files[0] = shifted;
  add_txt_findings(&tmp, 0, 3, 0);
  shifted = tmp.files[0];
  const rs_file_result *a = &fx->files[0];
  assert_int_equal(a->diags.n, shifted.diags.n);
  assert_int_not_equal(a->diags.v[1].line, shifted.diags.v[1].line);
  char(*fa)[33] = calloc(a->diags.n, 33), (*fb)[33] = calloc(a->diags.n, 33);
  assert_int_equal(out_fingerprints(a, fa), 0);
  assert_int_equal(out_fingerprints(&shifted, fb), 0);
  qsort(fa, a->diags.n, 33, str_cmp);
  qsort(fb, a->diags.n, 33, str_cmp);
  for (size_t i = 0; i < a->diags.n; i++) {
    assert_int_equal(strlen(fa[i]), 32);
    assert_string_equal(fa[i], fb[i]);
    if (i) assert_string_not_equal(fa[i], fa[i - 1]);
  }
  free(fa);
  free(fb);
  free_file(&shifted);
}

/* ---- SARIF ---- */

static json_t *sarif_result_for(json_t *results, const char *rule, const char *uri) {
  size_t i;
  json_t *res;
  json_array_foreach(results, i, res) {
    json_t *al = json_object_get(
        json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation"),
        "artifactLocation");
    if (!strcmp(json_string_value(json_object_get(res, "ruleId")), rule) &&
        !strcmp(json_string_value(json_object_get(al, "uri")), uri))
      return res;
  }
  return NULL;
}

static void test_sarif(void **state) {
  fixture *fx = *state;
  size_t n;
  char *s = render(rs_out_sarif, &fx->r, "report.sarif", &n);
  json_error_t err;
  json_t *root = json_loadb(s, n, 0, &err);
  assert_non_null(root);
  assert_string_equal(json_string_value(json_object_get(root, "version")), "2.1.0");
  assert_non_null(json_object_get(root, "$schema"));
  json_t *run = json_array_get(json_object_get(root, "runs"), 0);
  assert_string_equal(json_string_value(json_object_get(run, "columnKind")), "unicodeCodePoints");
  json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
  assert_string_equal(json_string_value(json_object_get(driver, "name")), "rasoat");
  assert_string_equal(json_string_value(json_object_get(driver, "version")), RS_VERSION);
  json_t *rules = json_object_get(driver, "rules");
  /* six loaded rules plus encoding/non-nfc met in the results */
  assert_int_equal(json_array_size(rules), 7);
  json_t *r0 = json_array_get(rules, 0);
  assert_string_equal(json_string_value(json_object_get(r0, "id")), "spelling/sai-chinh-ta");
  assert_string_equal(json_string_value(json_object_get(r0, "name")), "SpellingSaiChinhTa");
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(r0, "fullDescription"), "text")),
                         "Nghị định 30/2020/NĐ-CP"));
  /* examples: the [[span]] markers become bold, markdown is escaped */
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(r0, "help"), "markdown")),
                         "- Kết quả **thực hiên** \\*năm\\*"));
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(r0, "help"), "text")),
                         "- Kết quả thực hiên *năm*"));
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(r0, "fullDescription"), "text")),
                         "\"ví dụ\". Cơ sở: Nghị định"));
  assert_string_equal(
      json_string_value(json_object_get(json_object_get(r0, "defaultConfiguration"), "level")), "warning");
  assert_string_equal(
      json_string_value(json_array_get(json_object_get(json_object_get(r0, "properties"), "tags"), 0)), "spelling");

  json_t *results = json_object_get(run, "results");
  assert_int_equal(json_array_size(results), total_diags(&fx->r));
  size_t i;
  json_t *res;
  json_array_foreach(results, i, res) {
    json_int_t ri = json_integer_value(json_object_get(res, "ruleIndex"));
    assert_true(ri >= 0 && (size_t)ri < json_array_size(rules));
    assert_string_equal(json_string_value(json_object_get(json_array_get(rules, (size_t)ri), "id")),
                        json_string_value(json_object_get(res, "ruleId")));
    json_t *loc = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
    assert_true(json_integer_value(json_object_get(json_object_get(loc, "region"), "startLine")) >= 1);
    const char *fp = json_string_value(json_object_get(json_object_get(res, "partialFingerprints"), "rasoat/v1"));
    assert_non_null(fp);
    assert_int_equal(strlen(fp), 32);
    const char *lvl = json_string_value(json_object_get(res, "level"));
    assert_true(!strcmp(lvl, "error") || !strcmp(lvl, "warning") || !strcmp(lvl, "note"));
  }
  const char *u1 = "th%C6%B0%20m%E1%BB%A5c/b%E1%BA%A3n%20nh%C3%A1p%20%22s%E1%BB%91%201%22%20%3CA%26B%3E.txt";
  json_t *sp = sarif_result_for(results, "typography/khoang-trang", u1);
  assert_non_null(sp);
  json_t *reg = json_object_get(
      json_object_get(json_array_get(json_object_get(sp, "locations"), 0), "physicalLocation"), "region");
  assert_int_equal(json_integer_value(json_object_get(reg, "startLine")), 1);
  assert_int_equal(json_integer_value(json_object_get(reg, "startColumn")), 10);
  assert_int_equal(json_integer_value(json_object_get(reg, "endColumn")), 16);
  assert_string_equal(json_string_value(json_object_get(json_object_get(reg, "snippet"), "text")), "  thực");
  assert_string_equal(json_string_value(json_object_get(sp, "level")), "warning");

  json_t *tc = sarif_result_for(results, "arithmetic/ty-le", "b%C3%A1o%20c%C3%A1o%0Aqu%C3%BD%202.docx");
  assert_non_null(tc);
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(tc, "message"), "text")), C1_MSG));
  assert_string_equal(json_string_value(json_object_get(json_object_get(tc, "properties"), "suggestion")), "90%");
  json_t *ll = json_array_get(
      json_object_get(json_array_get(json_object_get(tc, "locations"), 0), "logicalLocations"), 0);
  assert_string_equal(json_string_value(json_object_get(ll, "name")), "bảng 1, hàng 2, ô 3");
  assert_string_equal(json_string_value(json_object_get(ll, "kind")), "element");

  json_t *arts = json_object_get(run, "artifacts");
  assert_int_equal(json_array_size(arts), 4);
  assert_string_equal(json_string_value(json_object_get(json_object_get(json_array_get(arts, 0), "location"), "uri")),
                      u1);
  json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
  assert_true(json_is_false(json_object_get(inv, "executionSuccessful")));
  json_t *notes = json_object_get(inv, "toolExecutionNotifications");
  assert_int_equal(json_array_size(notes), 1);
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(json_array_get(notes, 0), "message"), "text")),
                         FAIL_MSG));
  json_decref(root);
  free(s);
}

/* Validates the SARIF file against the OASIS schema when python3 has
 * jsonschema (tests/cli/outputs_schema.sh does the same on the CLI). */
static void test_sarif_schema(void **state) {
  fixture *fx = *state;
  free(render(rs_out_sarif, &fx->r, "report.sarif", NULL));
  const char *pys[] = {"/usr/bin/python3", "python3"};
  const char *py = NULL;
  char cmd[1024];
  for (size_t i = 0; i < 2 && !py; i++) {
    snprintf(cmd, sizeof cmd, "%s -c 'import jsonschema' >/dev/null 2>&1", pys[i]);
    if (system(cmd) == 0) py = pys[i];
  }
  if (!py) {
    fprintf(stderr, "python3 with jsonschema not found: schema check skipped\n");
    skip();
  }
  snprintf(cmd, sizeof cmd,
           "%s -c 'import json,sys,jsonschema; s=json.load(open(sys.argv[1])); d=json.load(open(sys.argv[2])); "
           "jsonschema.Draft4Validator.check_schema(s); jsonschema.Draft4Validator(s).validate(d)' "
           "%s/tests/schemas/sarif-schema-2.1.0.json " OUT_DIR "/report.sarif",
           py, RS_SOURCE_DIR);
  assert_int_equal(system(cmd), 0);
}

/* ---- JUnit ---- */

static double xnum(xmlXPathContextPtr x, const char *expr) {
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
  assert_non_null(o);
  double v = o->type == XPATH_NUMBER ? o->floatval : -1;
  xmlXPathFreeObject(o);
  return v;
}

static char *xstr(xmlXPathContextPtr x, const char *expr) {
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
  assert_non_null(o);
  xmlChar *s = xmlXPathCastToString(o);
  xmlXPathFreeObject(o);
  char *r = strdup((const char *)s);
  xmlFree(s);
  return r;
}

static void test_junit(void **state) {
  fixture *fx = *state;
  size_t n;
  char *s = render(rs_out_junit, &fx->r, "report.junit.xml", &n);
  xmlDocPtr doc = xmlReadMemory(s, (int)n, "junit.xml", "UTF-8", XML_PARSE_NONET);
  assert_non_null(doc);
  xmlXPathContextPtr x = xmlXPathNewContext(doc);
  assert_int_equal((int)xnum(x, "count(/testsuites/testsuite)"), 4);
  /* file 1: six rules with findings, one of them twice */
  assert_int_equal((int)xnum(x, "count(/testsuites/testsuite[1]/testcase[failure])"), 6);
  assert_int_equal((int)xnum(x, "number(/testsuites/testsuite[1]/@failures)"), 6);
  char *msg = xstr(x, "/testsuites/testsuite[1]/testcase[@name='spelling/sai-chinh-ta']/failure/@message");
  assert_string_equal(msg, "2 phát hiện");
  free(msg);
  char *cls = xstr(x, "/testsuites/testsuite[1]/testcase[@name='spelling/sai-chinh-ta']/@classname");
  assert_string_equal(cls, "spelling");
  free(cls);
  char *body = xstr(x, "/testsuites/testsuite[1]/testcase[@name='spelling/sai-chinh-ta']/failure");
  assert_non_null(strstr(body, "1:12: Từ «thực hiện» có thể viết sai"));
  assert_non_null(strstr(body, "2:13: Từ «thực hiện» có thể viết sai"));
  free(body);
  char *name = xstr(x, "/testsuites/testsuite[1]/@name");
  assert_string_equal(name, P1);
  free(name);
  /* file 2: the message with quotes, <, & and a newline survives */
  name = xstr(x, "/testsuites/testsuite[2]/@name");
  assert_string_equal(name, P2);
  free(name);
  body = xstr(x, "/testsuites/testsuite[2]/testcase/failure");
  assert_non_null(strstr(body, C1_MSG));
  free(body);
  char *type = xstr(x, "/testsuites/testsuite[2]/testcase/failure/@type");
  assert_string_equal(type, "error");
  free(type);
  /* file 3 passes, file 4 errors */
  assert_int_equal((int)xnum(x, "count(/testsuites/testsuite[3]/testcase)"), 1);
  assert_int_equal((int)xnum(x, "count(/testsuites/testsuite[3]/testcase/*)"), 0);
  assert_int_equal((int)xnum(x, "number(/testsuites/testsuite[4]/@errors)"), 1);
  char *em = xstr(x, "/testsuites/testsuite[4]/testcase/error/@message");
  assert_string_equal(em, FAIL_MSG);
  free(em);
  assert_int_equal((int)xnum(x, "number(/testsuites/@tests)"), 6 + 1 + 1 + 1);
  assert_int_equal((int)xnum(x, "number(/testsuites/@failures)"), 7);
  assert_int_equal((int)xnum(x, "number(/testsuites/@errors)"), 1);
  xmlXPathFreeContext(x);
  xmlFreeDoc(doc);
  free(s);
}

/* ---- CSV ---- */

typedef struct csv_rows {
  char *cells[32][7];
  size_t nrows, ncol;
  int bad_width;
} csv_rows;

static void csv_cell(void *s, size_t len, void *data) {
  csv_rows *c = data;
  if (c->nrows < 32 && c->ncol < 7) c->cells[c->nrows][c->ncol] = strndup(s ? s : "", len);
  c->ncol++;
}

static void csv_row(int ch, void *data) {
  (void)ch;
  csv_rows *c = data;
  if (c->ncol != 7) c->bad_width = 1;
  c->nrows++;
  c->ncol = 0;
}

static void test_csv(void **state) {
  fixture *fx = *state;
  size_t n;
  char *s = render(rs_out_csv, &fx->r, "report.csv", &n);
  assert_true(n > 3);
  assert_memory_equal(s, "\xEF\xBB\xBF", 3);
  assert_memory_equal(s + 3, "path,line,column,severity,rule,message,suggestion\r\n", 51);
  struct csv_parser p;
  assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
  csv_rows *rows = calloc(1, sizeof *rows);
  assert_int_equal(csv_parse(&p, s + 3, n - 3, csv_cell, csv_row, rows), n - 3);
  assert_int_equal(csv_fini(&p, csv_cell, csv_row, rows), 0);
  csv_free(&p);
  assert_false(rows->bad_width);
  assert_int_equal(rows->nrows, 1 + total_diags(&fx->r) + 1);
  int seen_c1 = 0, seen_fail = 0, seen_doc = 0;
  for (size_t i = 1; i < rows->nrows; i++) {
    char **c = rows->cells[i];
    if (!strcmp(c[4], "arithmetic/ty-le")) {
      seen_c1 = 1;
      assert_string_equal(c[0], P2);
      assert_string_equal(c[1], "2");
      assert_string_equal(c[2], "18");
      assert_string_equal(c[3], "error");
      assert_string_equal(c[5], C1_MSG);
      assert_string_equal(c[6], "90%");
    }
    if (!strcmp(c[4], "engine/input")) {
      seen_fail = 1;
      assert_string_equal(c[0], P4);
      assert_string_equal(c[5], FAIL_MSG);
    }
    if (!strcmp(c[4], "structure/thieu-quoc-hieu")) {
      seen_doc = 1; /* a finding about the whole document sits at 1:1 */
      assert_string_equal(c[1], "1");
    }
  }
  assert_true(seen_c1 && seen_fail && seen_doc);
  for (size_t i = 0; i < 32; i++)
    for (size_t k = 0; k < 7; k++) free(rows->cells[i][k]);
  free(rows);
  free(s);
}

/* ---- HTML ---- */

/* Text of a finding's highlight: every piece (the first has the id, the
 * next ones data-f), without the numbers of nested findings. */
static void text_no_sup(xmlNodePtr n, char *buf, size_t size) {
  for (xmlNodePtr c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) strncat(buf, (const char *)c->content, size - strlen(buf) - 1);
    else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "sup")) text_no_sup(c, buf, size);
  }
}

static void test_html(void **state) {
  fixture *fx = *state;
  size_t n;
  char *s = render(rs_out_html, &fx->r, "report.html", &n);
  /* well-formed XML: the overlapping highlights nest properly */
  xmlDocPtr doc = xmlReadMemory(s, (int)n, "report.html", "UTF-8", XML_PARSE_NONET);
  assert_non_null(doc);
  xmlXPathContextPtr x = xmlXPathNewContext(doc);
  char *lang = xstr(x, "/html/@lang");
  assert_string_equal(lang, "vi");
  free(lang);
  /* self-contained: no script, no external resource */
  assert_int_equal((int)xnum(x, "count(//script|//link|//img|//iframe|//*[@src])"), 0);
  assert_int_equal((int)xnum(x, "count(//a[not(starts-with(@href, '#'))])"), 0);
  /* one highlight per located finding, one list item per finding */
  assert_int_equal((int)xnum(x, "count(//mark[@id])"), (int)fx->nex);
  assert_int_equal((int)xnum(x, "count(//li[starts-with(@id, 'd-')])"), (int)total_diags(&fx->r));
  /* every highlight covers exactly the finding's excerpt */
  size_t num = 0;
  for (size_t fi = 0; fi < fx->r.nfiles; fi++) {
    const rs_file_result *fr = &fx->r.files[fi];
    for (size_t k = 0; k < fr->diags.n; k++) {
      const rs_diag *g = &fr->diags.v[k];
      num++;
      if (g->para == 0) continue;
      char expr[128];
      snprintf(expr, sizeof expr, "//mark[@id='f-%zu' or @data-f='%zu']", num, num);
      xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
      assert_non_null(o);
      assert_true(o->nodesetval && o->nodesetval->nodeNr >= 1);
      char text[512] = "";
      for (int i = 0; i < o->nodesetval->nodeNr; i++) text_no_sup(o->nodesetval->nodeTab[i], text, sizeof text);
      assert_string_equal(text, g->excerpt ? g->excerpt : "");
      xmlXPathFreeObject(o);
      snprintf(expr, sizeof expr, "count(//a[@href='#f-%zu'])", num);
      assert_int_equal((int)xnum(x, expr), 1);
      snprintf(expr, sizeof expr, "count(//sup/a[@href='#d-%zu'])", num);
      assert_int_equal((int)xnum(x, expr), 1);
    }
  }
  /* the crossing spans of file 1 needed continuation pieces */
  assert_true(xnum(x, "count(//mark[@data-f])") >= 1);
  /* the summary counts and Vietnamese labels */
  char *counts = xstr(x, "normalize-space(//ul[@class='counts'])");
  assert_non_null(strstr(counts, "4lỗi"));
  assert_non_null(strstr(counts, "2cảnh báo"));
  assert_non_null(strstr(counts, "2thông tin"));
  assert_non_null(strstr(counts, "1tệp không đọc được"));
  free(counts);
  char *alert = xstr(x, "string(//section[@id='file-4']//div[@class='alert'])");
  assert_non_null(strstr(alert, FAIL_MSG));
  free(alert);
  char *packs = xstr(x, "string(//section[@id='file-1'])");
  assert_non_null(strstr(packs, "Chính tả"));
  assert_non_null(strstr(packs, "Dấu câu, khoảng trắng"));
  assert_non_null(strstr(packs, "Mã hóa ký tự"));
  assert_non_null(strstr(packs, "cả văn bản"));
  assert_non_null(strstr(packs, "Cơ sở: Nghị định 30/2020/NĐ-CP"));
  assert_non_null(strstr(packs, "Mô tả quy tắc <kiểm tra> & \"ví dụ\""));
  free(packs);
  char *cell = xstr(x, "string(//table[@class='doc-table']//mark[@id])");
  assert_string_equal(cell, "95%");
  free(cell);
  xmlXPathFreeContext(x);
  xmlFreeDoc(doc);
  /* and the HTML parser reads it without errors */
  htmlDocPtr h = htmlReadMemory(s, (int)n, "report.html", "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOWARNING | HTML_PARSE_NOERROR);
  assert_non_null(h);
  xmlFreeDoc(h);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_span_roundtrip), cmocka_unit_test(test_path_uri),
      cmocka_unit_test(test_fingerprints_stable), cmocka_unit_test(test_sarif),
      cmocka_unit_test(test_sarif_schema),   cmocka_unit_test(test_junit),
      cmocka_unit_test(test_csv),            cmocka_unit_test(test_html),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
