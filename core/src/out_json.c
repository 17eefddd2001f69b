/* JSON report (DESIGN.md contract) and JSON Lines (one file object per line). */
#include <jansson.h>
#include <string.h>

#include "doc.h"
#include "report.h"

void rs_file_result_count(rs_file_result *f) {
  f->nerrors = f->nwarnings = f->ninfos = 0;
  f->rule_failed = 0;
  for (size_t k = 0; k < f->diags.n; k++) {
    switch (f->diags.v[k].severity) {
    case RS_SEV_ERROR: f->nerrors++; break;
    case RS_SEV_WARNING: f->nwarnings++; break;
    case RS_SEV_INFO: f->ninfos++; break;
    default: break;
    }
    if (!strncmp(f->diags.v[k].rule, "engine/rule-", 12)) f->rule_failed = 1;
  }
}

void rs_report_counts(const rs_report *r, rs_summary_counts *c) {
  memset(c, 0, sizeof *c);
  c->files = r->nfiles;
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *f = &r->files[i];
    if (f->status == RS_FILE_FAILED) c->failed++;
    else c->checked++;
    c->errors += f->nerrors;
    c->warnings += f->nwarnings;
    c->infos += f->ninfos;
  }
}

static json_t *diag_json(const rs_diag *g) {
  json_t *o = json_object();
  json_object_set_new(o, "rule", json_string(g->rule));
  json_object_set_new(o, "severity", json_string(rs_severity_name(g->severity)));
  json_object_set_new(o, "message", json_string(g->message));
  json_object_set_new(o, "line", json_integer(g->line));
  json_object_set_new(o, "column", json_integer(g->col));
  json_object_set_new(o, "end_line", json_integer(g->end_line));
  json_object_set_new(o, "end_column", json_integer(g->end_col));
  if (g->excerpt) json_object_set_new(o, "excerpt", json_string(g->excerpt));
  if (g->suggestion) json_object_set_new(o, "suggestion", json_string(g->suggestion));
  if (g->para) json_object_set_new(o, "paragraph", json_integer(g->para));
  if (g->table) {
    json_object_set_new(o, "table", json_integer(g->table));
    json_object_set_new(o, "row", json_integer(g->row));
    json_object_set_new(o, "cell", json_integer(g->cell));
  }
  return o;
}

static json_t *file_json(const rs_file_result *f) {
  json_t *o = json_object();
  json_object_set_new(o, "path", json_string(f->path));
  json_object_set_new(o, "format", json_string(f->format ? f->format : "unknown"));
  json_object_set_new(o, "status", json_string(f->status == RS_FILE_FAILED ? "failed" : "checked"));
  if (f->status == RS_FILE_FAILED) json_object_set_new(o, "error", json_string(f->error ? f->error : ""));
  json_t *a = json_array();
  for (size_t k = 0; k < f->diags.n; k++) json_array_append_new(a, diag_json(&f->diags.v[k]));
  json_object_set_new(o, "diagnostics", a);
  return o;
}

int rs_out_jsonl_file(FILE *out, const rs_file_result *f) {
  json_t *o = file_json(f);
  int rc = json_dumpf(o, out, JSON_COMPACT);
  fputc('\n', out);
  json_decref(o);
  return rc;
}

int rs_out_json(FILE *out, const rs_report *r, const rs_out_opts *opts) {
  (void)opts;
  json_t *root = json_object();
  json_t *tool = json_object();
  json_object_set_new(tool, "name", json_string("rasoat"));
  json_object_set_new(tool, "version", json_string(RS_VERSION));
  json_object_set_new(root, "tool", tool);
  json_t *files = json_array();
  for (size_t i = 0; i < r->nfiles; i++) json_array_append_new(files, file_json(&r->files[i]));
  json_object_set_new(root, "files", files);
  rs_summary_counts c;
  rs_report_counts(r, &c);
  json_t *s = json_object();
  json_object_set_new(s, "files", json_integer((json_int_t)c.files));
  json_object_set_new(s, "checked", json_integer((json_int_t)c.checked));
  json_object_set_new(s, "failed", json_integer((json_int_t)c.failed));
  json_object_set_new(s, "errors", json_integer((json_int_t)c.errors));
  json_object_set_new(s, "warnings", json_integer((json_int_t)c.warnings));
  json_object_set_new(s, "infos", json_integer((json_int_t)c.infos));
  json_object_set_new(root, "summary", s);
  if (r->interrupted) json_object_set_new(root, "interrupted", json_true());
  int rc = json_dumpf(root, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(root);
  return rc;
}
