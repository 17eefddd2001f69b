/* JUnit XML output: one test suite per file, one test case per rule that
 * found something in it (failing), a passing case for a clean file and an
 * erroring case for a file that could not be checked. */
#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

typedef struct junit_ctx {
  xmlTextWriterPtr w;
  int err;
} junit_ctx;

static void start(junit_ctx *c, const char *name) {
  if (!c->err && xmlTextWriterStartElement(c->w, BAD_CAST name) < 0) c->err = RS_ENOMEM;
}

static void end(junit_ctx *c) {
  if (!c->err && xmlTextWriterEndElement(c->w) < 0) c->err = RS_ENOMEM;
}

static void attr(junit_ctx *c, const char *name, const char *value) {
  if (c->err) return;
  char *v = out_xml_clean(value);
  if (!v || xmlTextWriterWriteAttribute(c->w, BAD_CAST name, BAD_CAST v) < 0) c->err = RS_ENOMEM;
  free(v);
}

static void attr_num(junit_ctx *c, const char *name, size_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  attr(c, name, buf);
}

static void text(junit_ctx *c, const char *s) {
  if (c->err) return;
  char *v = out_xml_clean(s);
  if (!v || xmlTextWriterWriteString(c->w, BAD_CAST v) < 0) c->err = RS_ENOMEM;
  free(v);
}

/* Number of rule groups (distinct rule ids) among a file's findings, and
 * for each finding whether it is the first of its rule. */
static size_t groups(const rs_file_result *fr, char *first) {
  size_t n = 0;
  for (size_t i = 0; i < fr->diags.n; i++) {
    first[i] = 1;
    for (size_t j = 0; j < i; j++)
      if (first[j] && !strcmp(fr->diags.v[j].rule, fr->diags.v[i].rule)) {
        first[i] = 0;
        break;
      }
    n += first[i];
  }
  return n;
}

static void line_of(out_buf *b, const rs_diag *g) {
  if (out_diag_is_global(g)) out_buf_puts(b, "(cả văn bản) ");
  else if (g->line > 0) out_buf_printf(b, "%u:%u: ", g->line, g->col);
  out_buf_puts(b, g->message ? g->message : "");
  if (g->table > 0) out_buf_printf(b, " (bảng %d, hàng %d, ô %d)", g->table, g->row, g->cell);
  else if (g->para > 0 && g->line > 0) out_buf_printf(b, " (đoạn %d)", g->para);
  out_buf_puts(b, "\n");
  if (g->excerpt && *g->excerpt) out_buf_printf(b, "    trích: «%s»\n", g->excerpt);
  if (g->suggestion && *g->suggestion) out_buf_printf(b, "    đề xuất: %s\n", g->suggestion);
}

static void file_suite(junit_ctx *c, const rs_file_result *fr, size_t *tests, size_t *failures, size_t *errors) {
  const char *path = fr->path ? fr->path : "";
  size_t n = fr->diags.n;
  char *first = n ? malloc(n) : NULL;
  if (n && !first) {
    c->err = RS_ENOMEM;
    return;
  }
  size_t ngroups = n ? groups(fr, first) : 0;
  int failed = fr->status == RS_FILE_FAILED;
  size_t ntests = ngroups + (failed || ngroups == 0 ? 1 : 0);
  *tests += ntests;
  *failures += ngroups;
  *errors += failed ? 1 : 0;

  start(c, "testsuite");
  attr(c, "name", path);
  attr_num(c, "tests", ntests);
  attr_num(c, "failures", ngroups);
  attr_num(c, "errors", failed ? 1 : 0);
  attr_num(c, "skipped", 0);
  attr(c, "time", "0");
  start(c, "properties");
  start(c, "property");
  attr(c, "name", "format");
  attr(c, "value", fr->format ? fr->format : "unknown");
  end(c);
  end(c);

  if (failed) {
    start(c, "testcase");
    attr(c, "classname", "engine");
    attr(c, "name", "engine/input");
    attr(c, "file", path);
    start(c, "error");
    attr(c, "message", fr->error ? fr->error : "Không đọc được tệp");
    attr(c, "type", "engine/input");
    text(c, fr->error ? fr->error : "Không đọc được tệp");
    end(c);
    end(c);
  } else if (ngroups == 0) {
    start(c, "testcase");
    attr(c, "classname", "rasoat");
    attr(c, "name", "Không có phát hiện");
    attr(c, "file", path);
    end(c);
  }

  for (size_t i = 0; i < n && !c->err; i++) {
    if (!first[i]) continue;
    const rs_diag *g0 = &fr->diags.v[i];
    size_t count = 0;
    rs_severity worst = RS_SEV_OFF;
    out_buf body = {0};
    uint32_t line0 = 0;
    for (size_t j = i; j < n; j++) {
      const rs_diag *g = &fr->diags.v[j];
      if (strcmp(g->rule, g0->rule)) continue;
      count++;
      if (g->severity > worst) worst = g->severity;
      if (!line0 && g->line && !out_diag_is_global(g)) line0 = g->line;
      line_of(&body, g);
    }
    if (body.oom) c->err = RS_ENOMEM;
    char pack[64], msg[64];
    out_rule_pack(g0->rule, pack, sizeof pack);
    snprintf(msg, sizeof msg, "%zu phát hiện", count);
    start(c, "testcase");
    attr(c, "classname", pack);
    attr(c, "name", g0->rule);
    attr(c, "file", path);
    if (line0) attr_num(c, "line", line0);
    start(c, "failure");
    attr(c, "message", msg);
    attr(c, "type", rs_severity_name(worst));
    text(c, body.s ? body.s : "");
    end(c);
    end(c);
    out_buf_free(&body);
  }
  end(c);
  free(first);
}

int rs_out_junit(FILE *f, const rs_report *r, const rs_out_opts *o) {
  (void)o;
  xmlBufferPtr buf = xmlBufferCreate();
  if (!buf) return RS_ENOMEM;
  junit_ctx c = {0};
  c.w = xmlNewTextWriterMemory(buf, 0);
  if (!c.w) {
    xmlBufferFree(buf);
    return RS_ENOMEM;
  }
  xmlTextWriterSetIndent(c.w, 1);
  xmlTextWriterSetIndentString(c.w, BAD_CAST "  ");
  if (xmlTextWriterStartDocument(c.w, "1.0", "UTF-8", NULL) < 0) c.err = RS_ENOMEM;

  /* the totals go on the root element, so count before writing */
  size_t tests = 0, failures = 0, errors = 0;
  for (size_t i = 0; i < r->nfiles && !c.err; i++) {
    const rs_file_result *fr = &r->files[i];
    size_t n = fr->diags.n;
    char *first = n ? malloc(n) : NULL;
    if (n && !first) {
      c.err = RS_ENOMEM;
      break;
    }
    size_t ng = n ? groups(fr, first) : 0;
    free(first);
    int failed = fr->status == RS_FILE_FAILED;
    tests += ng + (failed || ng == 0 ? 1 : 0);
    failures += ng;
    errors += failed ? 1 : 0;
  }
  start(&c, "testsuites");
  attr(&c, "name", "rasoat");
  attr_num(&c, "tests", tests);
  attr_num(&c, "failures", failures);
  attr_num(&c, "errors", errors);
  attr(&c, "time", "0");
  size_t t2 = 0, f2 = 0, e2 = 0;
  for (size_t i = 0; i < r->nfiles && !c.err; i++) file_suite(&c, &r->files[i], &t2, &f2, &e2);
  end(&c);
  if (!c.err && xmlTextWriterEndDocument(c.w) < 0) c.err = RS_ENOMEM;
  xmlFreeTextWriter(c.w);
  int rc = c.err;
  if (!rc) {
    size_t len = (size_t)xmlBufferLength(buf);
    if (fwrite(xmlBufferContent(buf), 1, len, f) != len || ferror(f)) rc = RS_EIO;
  }
  xmlBufferFree(buf);
  return rc;
}
