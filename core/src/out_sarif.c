/* SARIF 2.1.0 output (OASIS schema, GitHub code scanning). */
#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* Builder state: the first failure (out of memory) sticks. */
typedef struct sarif_ctx {
  int err;
  const rs_report *r;
  /* rule ids in descriptor order: the engine's rules first, then ids met
   * in results (owned copies) */
  char **ids;
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
    char **ni = realloc(c->ids, nc * sizeof *ni);
    if (!ni) {
      c->err = RS_ENOMEM;
      return -1;
    }
    c->ids = ni;
    c->capids = nc;
  }
  c->ids[c->nids] = rs_strdup(id);
  if (!c->ids[c->nids]) {
    c->err = RS_ENOMEM;
    return -1;
  }
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

/* ---- the writer: streamed ----
 * The run's driver (its rules include ids first met in results) and its
 * invocation (whether every file was checked, and a note per file that was
 * not) come before the artifacts and results in the document, but are
 * known only at the end. Artifacts, results and notes are therefore
 * spooled to temporary files as the files come, and the document is
 * written at the end, each element dumped by Jansson at its depth: the
 * same bytes as one dump of the whole tree, with memory that does not grow
 * with the number of files. */

#define SARIF_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

typedef struct spool {
  FILE *f;
  char *mem; /* open_memstream's buffer when no temporary file could be made */
  size_t memlen;
  size_t n;  /* elements written */
} spool;

struct rs_sarif_stream {
  FILE *out;
  sarif_ctx c;
  spool art, res, notes;
  size_t fi; /* index of the next file */
  int ok;    /* every file checked */
};

/* A temporary file in $TMPDIR (else /tmp), removed at once: it lives as long
 * as it is open. In memory when no such file can be made. */
static int spool_open(spool *sp) {
  memset(sp, 0, sizeof *sp);
  const char *dir = getenv("TMPDIR");
  char *tmpl = rs_sprintf("%s/rasoat-sarif-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = tmpl ? mkstemp(tmpl) : -1;
  if (fd >= 0) {
    unlink(tmpl);
    sp->f = fdopen(fd, "w+");
    if (!sp->f) close(fd);
  }
  free(tmpl);
  if (!sp->f) sp->f = open_memstream(&sp->mem, &sp->memlen);
  return sp->f ? 0 : -1;
}

static void spool_close(spool *sp) {
  if (sp->f) fclose(sp->f);
  free(sp->mem);
  memset(sp, 0, sizeof *sp);
}

/* v as Jansson writes it at nesting depth `depth` (its first line is not
 * indented: the caller has written the indentation). Takes v. */
static int dump_at(FILE *f, json_t *v, int depth) {
  char *s = v ? json_dumps(v, SARIF_FLAGS) : NULL;
  json_decref(v);
  if (!s) return RS_ENOMEM;
  /* a newline and the indentation of depth 0..31 */
  static const char nl_ind[] = "\n                                                                ";
  size_t ind = (size_t)depth * 2;
  if (ind > sizeof nl_ind - 2) ind = sizeof nl_ind - 2;
  for (const char *p = s;;) {
    const char *nl = strchr(p, '\n');
    if (!nl) {
      fputs(p, f);
      break;
    }
    fwrite(p, 1, (size_t)(nl - p), f);
    fwrite(nl_ind, 1, ind + 1, f);
    p = nl + 1;
  }
  free(s);
  return ferror(f) ? RS_EIO : 0;
}

/* One element of an array whose elements are at `depth`. */
static int spool_add(sarif_ctx *c, spool *sp, json_t *v, int depth) {
  if (c->err) {
    json_decref(v);
    return c->err;
  }
  fprintf(sp->f, "%s%*s", sp->n ? ",\n" : "", depth * 2, ""); /* depth <= 6 here */
  sp->n++;
  int rc = dump_at(sp->f, v, depth);
  if (rc) c->err = rc;
  return rc;
}

/* The spooled elements as an array value, the key already written. */
static int spool_emit(FILE *out, spool *sp, int depth) {
  if (!sp->n) {
    fputs("[]", out);
    return ferror(out) ? RS_EIO : 0;
  }
  fputs("[\n", out);
  if (fflush(sp->f) != 0 || ferror(sp->f)) return RS_EIO;
  if (sp->mem) {
    fwrite(sp->mem, 1, sp->memlen, out);
  } else {
    rewind(sp->f);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, sp->f)) > 0)
      if (fwrite(buf, 1, n, out) != n) return RS_EIO;
    if (ferror(sp->f)) return RS_EIO;
  }
  fprintf(out, "\n%*s]", (depth - 1) * 2, "");
  return ferror(out) ? RS_EIO : 0;
}

rs_sarif_stream *rs_out_sarif_begin(FILE *out, const rs_rule_info *rules, size_t nrules) {
  rs_sarif_stream *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->out = out;
  s->ok = 1;
  if (spool_open(&s->art) || spool_open(&s->res) || spool_open(&s->notes)) {
    rs_out_sarif_end(s, NULL);
    return NULL;
  }
  for (size_t i = 0; i < nrules; i++) rule_index(&s->c, rules[i].id);
  return s;
}

int rs_out_sarif_file(rs_sarif_stream *s, const rs_file_result *fr) {
  sarif_ctx *c = &s->c;
  size_t fi = s->fi++;
  json_t *art = obj(c);
  json_t *al = obj(c);
  char *uri = out_path_uri(fr->path);
  if (!uri) c->err = RS_ENOMEM;
  set(c, al, "uri", jstr(c, uri));
  set(c, art, "location", al);
  const char *mime = mime_of(fr->format);
  if (mime) set(c, art, "mimeType", jstr(c, mime));
  spool_add(c, &s->art, art, 4);

  if (fr->status == RS_FILE_FAILED) {
    s->ok = 0;
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
    spool_add(c, &s->notes, n, 6);
  }
  free(uri);

  if (fr->diags.n) {
    char(*fps)[33] = malloc(fr->diags.n * sizeof *fps);
    if (!fps || out_fingerprints(fr, fps)) {
      free(fps);
      c->err = RS_ENOMEM;
      return c->err;
    }
    for (size_t k = 0; k < fr->diags.n; k++) spool_add(c, &s->res, result(c, fr, fi, &fr->diags.v[k], fps[k]), 4);
    free(fps);
  }
  return c->err;
}

int rs_out_sarif_end(rs_sarif_stream *s, const rs_report *r) {
  sarif_ctx *c = &s->c;
  int rc = c->err;
  if (r && !rc) {
    c->r = r;
    int ok = s->ok && !r->interrupted;
    if (r->interrupted) {
      json_t *n = obj(c);
      set(c, n, "level", jstr(c, "error"));
      set(c, n, "message", message(c, "Quá trình kiểm tra bị ngắt giữa chừng; kết quả chưa đầy đủ."));
      spool_add(c, &s->notes, n, 6);
    }
    /* the driver: its rules include ids first met in the results */
    json_t *tool = obj(c), *driver = obj(c);
    set(c, driver, "name", jstr(c, "rasoat"));
    set(c, driver, "version", jstr(c, RS_VERSION));
    set(c, driver, "semanticVersion", jstr(c, RS_VERSION));
    set(c, driver, "language", jstr(c, "vi-VN"));
    json_t *rules = arr(c);
    for (size_t i = 0; i < c->nids; i++) push(c, rules, rule_descriptor(c, c->ids[i], out_find_rule(r, c->ids[i])));
    set(c, driver, "rules", rules);
    set(c, tool, "driver", driver);
    FILE *f = s->out;
    json_t *schema = jstr(c, SARIF_SCHEMA);
    rc = c->err;
    if (!rc) {
      fputs("{\n  \"$schema\": ", f);
      rc = dump_at(f, schema, 1);
      schema = NULL;
    }
    if (!rc) {
      fputs(",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ", f);
      rc = dump_at(f, tool, 3);
      tool = NULL;
    }
    if (!rc) {
      fprintf(f, ",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": %s,\n"
                 "          \"toolExecutionNotifications\": ",
              ok ? "true" : "false");
      rc = spool_emit(f, &s->notes, 6);
    }
    if (!rc) {
      fputs("\n        }\n      ],\n      \"language\": \"vi-VN\",\n      \"columnKind\": \"unicodeCodePoints\",\n"
            "      \"artifacts\": ",
            f);
      rc = spool_emit(f, &s->art, 4);
    }
    if (!rc) {
      fputs(",\n      \"results\": ", f);
      rc = spool_emit(f, &s->res, 4);
    }
    if (!rc) {
      fputs("\n    }\n  ]\n}\n", f);
      if (ferror(f)) rc = RS_EIO;
    }
    json_decref(schema);
    json_decref(tool);
  }
  spool_close(&s->art);
  spool_close(&s->res);
  spool_close(&s->notes);
  for (size_t i = 0; i < c->nids; i++) free(c->ids[i]);
  free(c->ids);
  free(s);
  return rc;
}

int rs_out_sarif(FILE *f, const rs_report *r, const rs_out_opts *o) {
  (void)o;
  rs_sarif_stream *s = rs_out_sarif_begin(f, r->rules, r->nrules);
  if (!s) return RS_ENOMEM;
  for (size_t i = 0; i < r->nfiles; i++) rs_out_sarif_file(s, &r->files[i]);
  return rs_out_sarif_end(s, r);
}
