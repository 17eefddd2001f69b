/* SARIF 2.1.0 output (OASIS schema, GitHub code scanning). */
#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* Builder state: the first failure (out of memory) sticks. */
typedef struct sarif_ctx {
  int err;
  const rs_report *r;
  /* rule ids in descriptor order: r->rules first, then ids met in results */
  const char **ids;
  size_t nids, capids;
} sarif_ctx;

static json_t *jstr(sarif_ctx *c, const char *s) {
  json_t *v = json_string(s ? s : "");
  if (!v) {
    char *clean = out_utf8_clean(s);
    v = clean ? json_string(clean) : NULL;
    free(clean);
  }
  if (!v) c->err = RS_ENOMEM;
  return v;
}

static void set(sarif_ctx *c, json_t *obj, const char *key, json_t *v) {
  if (!obj || !v || json_object_set_new(obj, key, v)) {
    if (v && !obj) json_decref(v);
    c->err = RS_ENOMEM;
  }
}

static void push(sarif_ctx *c, json_t *arr, json_t *v) {
  if (!arr || !v || json_array_append_new(arr, v)) {
    if (v && !arr) json_decref(v);
    c->err = RS_ENOMEM;
  }
}

static json_t *obj(sarif_ctx *c) {
  json_t *o = json_object();
  if (!o) c->err = RS_ENOMEM;
  return o;
}

static json_t *arr(sarif_ctx *c) {
  json_t *a = json_array();
  if (!a) c->err = RS_ENOMEM;
  return a;
}

static json_t *message(sarif_ctx *c, const char *text) {
  json_t *m = obj(c);
  set(c, m, "text", jstr(c, text));
  return m;
}

static json_t *jint(sarif_ctx *c, long long v) {
  json_t *j = json_integer(v);
  if (!j) c->err = RS_ENOMEM;
  return j;
}

static const char *level_of(rs_severity s) {
  switch (s) {
  case RS_SEV_ERROR: return "error";
  case RS_SEV_WARNING: return "warning";
  case RS_SEV_INFO: return "note";
  default: return "none";
  }
}

static const char *mime_of(const char *format) {
  if (!format) return NULL;
  if (!strcmp(format, "txt")) return "text/plain";
  if (!strcmp(format, "html")) return "text/html";
  if (!strcmp(format, "docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (!strcmp(format, "odt")) return "application/vnd.oasis.opendocument.text";
  return NULL;
}

static long rule_index(sarif_ctx *c, const char *id) {
  if (!id) id = "";
  for (size_t i = 0; i < c->nids; i++)
    if (!strcmp(c->ids[i], id)) return (long)i;
  if (c->nids == c->capids) {
    size_t nc = c->capids ? c->capids * 2 : 32;
    const char **ni = realloc(c->ids, nc * sizeof *ni);
    if (!ni) {
      c->err = RS_ENOMEM;
      return -1;
    }
    c->ids = ni;
    c->capids = nc;
  }
  c->ids[c->nids] = id;
  return (long)c->nids++;
}

/* "arithmetic/percent" -> "ArithmeticPercent" (the SARIF rule name is a
 * non-localized identifier). */
static char *pascal_name(const char *id) {
  size_t n = strlen(id);
  char *s = malloc(n + 1);
  if (!s) return NULL;
  size_t k = 0;
  int up = 1;
  for (size_t i = 0; i < n; i++) {
    char ch = id[i];
    if (ch == '/' || ch == '-' || ch == '_' || ch == '.') {
      up = 1;
      continue;
    }
    s[k++] = (up && ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch;
    up = 0;
  }
  s[k] = 0;
  return s;
}

/* A rule example for help text: the [[span]] markers of the plugin format
 * are dropped in text and become bold in markdown, whose special
 * characters are escaped. */
static void example_text(out_buf *t, const char *ex) {
  for (const char *p = ex; *p; p++) {
    if ((p[0] == '[' && p[1] == '[') || (p[0] == ']' && p[1] == ']')) {
      p++;
      continue;
    }
    out_buf_add(t, p, 1);
  }
}

static void example_md(out_buf *m, const char *ex) {
  for (const char *p = ex; *p; p++) {
    if ((p[0] == '[' && p[1] == '[') || (p[0] == ']' && p[1] == ']')) {
      out_buf_puts(m, "**");
      p++;
      continue;
    }
    if (strchr("\\`*_[]<>#|~", *p)) out_buf_add(m, "\\", 1);
    out_buf_add(m, p, 1);
  }
}

static void md_examples(out_buf *t, out_buf *m, const char *title, char **ex) {
  if (!ex || !ex[0]) return;
  out_buf_printf(t, "\n\n%s:", title);
  out_buf_printf(m, "\n\n**%s:**\n", title);
  for (size_t i = 0; ex[i]; i++) {
    out_buf_puts(t, "\n- ");
    example_text(t, ex[i]);
    out_buf_puts(m, "\n- ");
    example_md(m, ex[i]);
  }
}

/* "desc" + ". " unless desc already ends a sentence */
static void sentence(out_buf *b, const char *desc) {
  out_buf_puts(b, desc);
  size_t n = strlen(desc);
  if (n && !strchr(".!?:;", desc[n - 1]) && !(n >= 3 && !strcmp(desc + n - 3, "\xE2\x80\xA6"))) out_buf_add(b, ".", 1);
}

static json_t *rule_descriptor(sarif_ctx *c, const char *id, const rs_rule_info *ri) {
  json_t *d = obj(c);
  char pack[64];
  out_rule_pack(id, pack, sizeof pack);
  set(c, d, "id", jstr(c, id));
  char *name = pascal_name(id);
  if (!name) c->err = RS_ENOMEM;
  set(c, d, "name", jstr(c, name ? name : id));
  free(name);

  out_buf full = {0}, text = {0}, md = {0};
  const char *desc = ri && ri->description && *ri->description ? ri->description : NULL;
  char *fallback = NULL;
  if (!desc) {
    fallback = rs_sprintf("Phát hiện của nhóm «%s» trong quá trình đọc hoặc xử lý tệp (%s)",
                          out_pack_label(pack), id);
    desc = fallback ? fallback : id;
  }
  sentence(&full, desc);
  out_buf_puts(&text, desc);
  out_buf_puts(&md, desc);
  if (ri && ri->basis && *ri->basis) {
    out_buf_printf(&full, " Cơ sở: %s", ri->basis);
    out_buf_printf(&text, "\n\nCơ sở: %s", ri->basis);
    out_buf_printf(&md, "\n\n**Cơ sở:** %s", ri->basis);
  }
  if (ri) {
    md_examples(&text, &md, "Ví dụ đúng", ri->valid);
    md_examples(&text, &md, "Ví dụ sai", ri->invalid);
  }
  out_buf_printf(&text, "\n\nNhóm: %s. Xem thêm: rasoat explain %s", out_pack_label(pack), id);
  out_buf_printf(&md, "\n\nNhóm: %s. Xem thêm: `rasoat explain %s`", out_pack_label(pack), id);
  if (full.oom || text.oom || md.oom) c->err = RS_ENOMEM;
  set(c, d, "shortDescription", message(c, desc));
  set(c, d, "fullDescription", message(c, full.s ? full.s : desc));
  json_t *help = obj(c);
  set(c, help, "text", jstr(c, text.s));
  set(c, help, "markdown", jstr(c, md.s));
  set(c, d, "help", help);
  free(fallback);
  out_buf_free(&full);
  out_buf_free(&text);
  out_buf_free(&md);

  json_t *cfg = obj(c);
  rs_severity sev = ri ? ri->severity : RS_SEV_ERROR;
  if (sev == RS_SEV_OFF) set(c, cfg, "enabled", json_false());
  set(c, cfg, "level", jstr(c, level_of(sev == RS_SEV_OFF && ri ? ri->default_severity : sev)));
  set(c, d, "defaultConfiguration", cfg);

  json_t *props = obj(c);
  json_t *tags = arr(c);
  push(c, tags, jstr(c, pack));
  set(c, props, "tags", tags);
  set(c, props, "pack", jstr(c, out_pack_label(pack)));
  if (ri && ri->basis && *ri->basis) set(c, props, "basis", jstr(c, ri->basis));
  set(c, d, "properties", props);
  return d;
}

static char *location_name(const rs_diag *g) {
  if (g->table > 0) return rs_sprintf("bảng %d, hàng %d, ô %d", g->table, g->row, g->cell);
  if (g->para > 0) return rs_sprintf("đoạn %d", g->para);
  return NULL;
}

static json_t *result(sarif_ctx *c, const rs_file_result *fr, size_t fi, const rs_diag *g, const char *fp) {
  json_t *res = obj(c);
  long ri = rule_index(c, g->rule);
  set(c, res, "ruleId", jstr(c, g->rule));
  if (ri >= 0) set(c, res, "ruleIndex", jint(c, ri));
  set(c, res, "level", jstr(c, level_of(g->severity)));
  char *text = g->suggestion && *g->suggestion ? rs_sprintf("%s (đề xuất: %s)", g->message ? g->message : "",
                                                            g->suggestion)
                                               : NULL;
  set(c, res, "message", message(c, text ? text : g->message));
  free(text);

  json_t *loc = obj(c);
  json_t *phys = obj(c);
  json_t *al = obj(c);
  char *uri = out_path_uri(fr->path);
  if (!uri) c->err = RS_ENOMEM;
  set(c, al, "uri", jstr(c, uri));
  free(uri);
  set(c, al, "index", jint(c, (long long)fi));
  set(c, phys, "artifactLocation", al);
  json_t *reg = obj(c);
  if (g->line > 0) {
    set(c, reg, "startLine", jint(c, g->line));
    uint32_t sc = g->col > 0 ? g->col : 1;
    set(c, reg, "startColumn", jint(c, sc));
    uint32_t el = g->end_line >= g->line ? g->end_line : g->line;
    uint32_t ec = g->end_col > 0 ? g->end_col : sc;
    if (el == g->line && ec < sc) ec = sc;
    set(c, reg, "endLine", jint(c, el));
    set(c, reg, "endColumn", jint(c, ec));
  } else {
    /* a finding about the whole document: GitHub needs a start line */
    set(c, reg, "startLine", jint(c, 1));
  }
  if (g->excerpt && *g->excerpt) {
    json_t *snip = obj(c);
    set(c, snip, "text", jstr(c, g->excerpt));
    set(c, reg, "snippet", snip);
  }
  set(c, phys, "region", reg);
  set(c, loc, "physicalLocation", phys);
  char *lname = location_name(g);
  if (lname) {
    json_t *lls = arr(c);
    json_t *ll = obj(c);
    set(c, ll, "name", jstr(c, lname));
    set(c, ll, "kind", jstr(c, "element"));
    char *fq = rs_sprintf("%s: %s", fr->path ? fr->path : "", lname);
    set(c, ll, "fullyQualifiedName", jstr(c, fq ? fq : lname));
    free(fq);
    push(c, lls, ll);
    set(c, loc, "logicalLocations", lls);
  }
  free(lname);
  json_t *locs = arr(c);
  push(c, locs, loc);
  set(c, res, "locations", locs);

  json_t *pf = obj(c);
  set(c, pf, "rasoat/v1", jstr(c, fp));
  set(c, res, "partialFingerprints", pf);

  json_t *props = obj(c);
  char pack[64];
  out_rule_pack(g->rule, pack, sizeof pack);
  set(c, props, "pack", jstr(c, pack));
  if (g->suggestion) set(c, props, "suggestion", jstr(c, g->suggestion));
  if (g->para > 0) set(c, props, "paragraph", jint(c, g->para));
  if (g->table > 0) {
    set(c, props, "table", jint(c, g->table));
    set(c, props, "row", jint(c, g->row));
    set(c, props, "cell", jint(c, g->cell));
  }
  set(c, res, "properties", props);
  return res;
}

static json_t *build(sarif_ctx *c) {
  const rs_report *r = c->r;
  json_t *root = obj(c);
  set(c, root, "$schema", jstr(c, SARIF_SCHEMA));
  set(c, root, "version", jstr(c, "2.1.0"));
  json_t *run = obj(c);

  for (size_t i = 0; i < r->nrules; i++) rule_index(c, r->rules[i].id);

  json_t *artifacts = arr(c);
  json_t *results = arr(c);
  json_t *notes = arr(c);
  int ok = !r->interrupted;
  for (size_t fi = 0; fi < r->nfiles; fi++) {
    const rs_file_result *fr = &r->files[fi];
    json_t *art = obj(c);
    json_t *al = obj(c);
    char *uri = out_path_uri(fr->path);
    if (!uri) c->err = RS_ENOMEM;
    set(c, al, "uri", jstr(c, uri));
    set(c, art, "location", al);
    const char *mime = mime_of(fr->format);
    if (mime) set(c, art, "mimeType", jstr(c, mime));
    push(c, artifacts, art);

    if (fr->status == RS_FILE_FAILED) {
      ok = 0;
      json_t *n = obj(c);
      set(c, n, "level", jstr(c, "error"));
      char *text = rs_sprintf("Không kiểm tra được tệp %s: %s", fr->path ? fr->path : "",
                              fr->error ? fr->error : "lỗi không rõ");
      set(c, n, "message", message(c, text ? text : fr->error));
      free(text);
      json_t *desc = obj(c);
      set(c, desc, "id", jstr(c, "engine/input"));
      set(c, n, "descriptor", desc);
      json_t *loc = obj(c), *phys = obj(c), *nal = obj(c);
      set(c, nal, "uri", jstr(c, uri));
      set(c, nal, "index", jint(c, (long long)fi));
      set(c, phys, "artifactLocation", nal);
      set(c, loc, "physicalLocation", phys);
      json_t *locs = arr(c);
      push(c, locs, loc);
      set(c, n, "locations", locs);
      push(c, notes, n);
    }
    free(uri);

    if (fr->diags.n) {
      char(*fps)[33] = malloc(fr->diags.n * sizeof *fps);
      if (!fps || out_fingerprints(fr, fps)) {
        free(fps);
        c->err = RS_ENOMEM;
        continue;
      }
      for (size_t k = 0; k < fr->diags.n; k++) push(c, results, result(c, fr, fi, &fr->diags.v[k], fps[k]));
      free(fps);
    }
  }
  if (r->interrupted) {
    json_t *n = obj(c);
    set(c, n, "level", jstr(c, "error"));
    set(c, n, "message", message(c, "Quá trình kiểm tra bị ngắt giữa chừng; kết quả chưa đầy đủ."));
    push(c, notes, n);
  }

  /* the driver last: its rules include ids first met in the results */
  json_t *tool = obj(c), *driver = obj(c);
  set(c, driver, "name", jstr(c, "rasoat"));
  set(c, driver, "version", jstr(c, RS_VERSION));
  set(c, driver, "semanticVersion", jstr(c, RS_VERSION));
  set(c, driver, "language", jstr(c, "vi-VN"));
  json_t *rules = arr(c);
  for (size_t i = 0; i < c->nids; i++) push(c, rules, rule_descriptor(c, c->ids[i], out_find_rule(r, c->ids[i])));
  set(c, driver, "rules", rules);
  set(c, tool, "driver", driver);
  set(c, run, "tool", tool);

  json_t *inv = obj(c);
  set(c, inv, "executionSuccessful", json_boolean(ok));
  set(c, inv, "toolExecutionNotifications", notes);
  json_t *invs = arr(c);
  push(c, invs, inv);
  set(c, run, "invocations", invs);
  set(c, run, "language", jstr(c, "vi-VN"));
  set(c, run, "columnKind", jstr(c, "unicodeCodePoints"));
  set(c, run, "artifacts", artifacts);
  set(c, run, "results", results);
  json_t *runs = arr(c);
  push(c, runs, run);
  set(c, root, "runs", runs);
  return root;
}

int rs_out_sarif(FILE *f, const rs_report *r, const rs_out_opts *o) {
  (void)o;
  sarif_ctx c = {0};
  c.r = r;
  json_t *root = build(&c);
  int rc = c.err;
  if (!rc) {
    if (json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) || fputc('\n', f) == EOF) rc = RS_EIO;
  }
  json_decref(root);
  free(c.ids);
  if (!rc && ferror(f)) rc = RS_EIO;
  return rc;
}
