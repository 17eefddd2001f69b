/* JSON report (DESIGN.md contract) and JSON Lines (one file object per line). */
#include <stdlib.h>
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

/* ---- direct writer ----
 * The reports are written straight to the stream, byte for byte as jansson's
 * json_dumpf would write the same objects (keys in insertion order, "\uXXXX"
 * for other control characters, UTF-8 as is, no escaped '/'), without
 * building a json_t tree first. As with json_string, a string that is NULL
 * or not valid UTF-8 leaves its key out. */

typedef struct jw {
  FILE *f;
  int indent; /* spaces per level; 0: compact */
  int depth;
  unsigned char first[16]; /* per open level: nothing written yet */
} jw;

static void jw_nl(jw *w, int depth) {
  if (w->indent <= 0) return;
  /* the newline and the indentation in one write */
  static const char sp[] = "\n                                                                ";
  size_t n = (size_t)(depth * w->indent);
  if (n + 1 < sizeof sp) {
    fwrite(sp, 1, n + 1, w->f);
    return;
  }
  fputc('\n', w->f);
  for (size_t i = 0; i < n; i++) fputc(' ', w->f);
}

static void jw_open(jw *w, char c) {
  fputc(c, w->f);
  w->depth++;
  w->first[w->depth] = 1;
}

static void jw_close(jw *w, char c) {
  int empty = w->first[w->depth];
  w->depth--;
  if (!empty) jw_nl(w, w->depth);
  fputc(c, w->f);
}

/* before an array element or an object key */
static void jw_item(jw *w) {
  if (!w->first[w->depth]) fputc(',', w->f);
  jw_nl(w, w->depth);
  w->first[w->depth] = 0;
}

static int jw_valid(const char *s) {
  if (!s) return 0;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l < 0) return 0;
    i += (size_t)l;
  }
  return 1;
}

static void jw_str(jw *w, const char *s) {
  fputc('"', w->f);
  const char *run = s;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    if (s > run) fwrite(run, 1, (size_t)(s - run), w->f);
    run = s + 1;
    switch (c) {
    case '"': fputs("\\\"", w->f); break;
    case '\\': fputs("\\\\", w->f); break;
    case '\b': fputs("\\b", w->f); break;
    case '\f': fputs("\\f", w->f); break;
    case '\n': fputs("\\n", w->f); break;
    case '\r': fputs("\\r", w->f); break;
    case '\t': fputs("\\t", w->f); break;
    default: fprintf(w->f, "\\u%04X", c); break;
    }
  }
  if (s > run) fwrite(run, 1, (size_t)(s - run), w->f);
  fputc('"', w->f);
}

static void jw_key(jw *w, const char *k) {
  jw_item(w);
  jw_str(w, k);
  fputs(w->indent > 0 ? ": " : ":", w->f);
}

static void jw_kstr(jw *w, const char *k, const char *v) {
  if (!jw_valid(v)) return;
  jw_key(w, k);
  jw_str(w, v);
}

static void jw_kint(jw *w, const char *k, long long v) {
  jw_key(w, k);
  /* "%lld" without printf */
  char buf[24];
  size_t i = sizeof buf;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do {
    buf[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) buf[--i] = '-';
  fwrite(buf + i, 1, sizeof buf - i, w->f);
}

static void jw_diag(jw *w, const rs_diag *g) {
  jw_item(w);
  jw_open(w, '{');
  jw_kstr(w, "rule", g->rule);
  jw_kstr(w, "severity", rs_severity_name(g->severity));
  jw_kstr(w, "message", g->message);
  jw_kint(w, "line", g->line);
  jw_kint(w, "column", g->col);
  jw_kint(w, "end_line", g->end_line);
  jw_kint(w, "end_column", g->end_col);
  if (g->excerpt) jw_kstr(w, "excerpt", g->excerpt);
  if (g->suggestion) jw_kstr(w, "suggestion", g->suggestion);
  if (g->para) jw_kint(w, "paragraph", g->para);
  if (g->table) {
    jw_kint(w, "table", g->table);
    jw_kint(w, "row", g->row);
    jw_kint(w, "cell", g->cell);
  }
  jw_close(w, '}');
}

static void jw_file(jw *w, const rs_file_result *f) {
  jw_open(w, '{');
  jw_kstr(w, "path", f->path);
  jw_kstr(w, "format", f->format ? f->format : "unknown");
  jw_kstr(w, "status", f->status == RS_FILE_FAILED ? "failed" : "checked");
  if (f->status == RS_FILE_FAILED) jw_kstr(w, "error", f->error ? f->error : "");
  jw_key(w, "diagnostics");
  jw_open(w, '[');
  for (size_t k = 0; k < f->diags.n; k++) jw_diag(w, &f->diags.v[k]);
  jw_close(w, ']');
  jw_close(w, '}');
}

int rs_out_jsonl_file(FILE *out, const rs_file_result *f) {
  jw w = {.f = out, .indent = 0, .depth = 0, .first = {0}};
  jw_file(&w, f);
  fputc('\n', out);
  return ferror(out) ? -1 : 0;
}

/* The JSON report written file by file (rs_out_json is begin, every file,
 * end), so that a bulk run need not keep every file's findings. */
struct rs_json_stream {
  jw w;
};

rs_json_stream *rs_out_json_begin(FILE *out) {
  rs_json_stream *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->w.f = out;
  s->w.indent = 2;
  jw *w = &s->w;
  jw_open(w, '{');
  jw_key(w, "tool");
  jw_open(w, '{');
  jw_kstr(w, "name", "rasoat");
  jw_kstr(w, "version", RS_VERSION);
  jw_close(w, '}');
  jw_key(w, "files");
  jw_open(w, '[');
  return s;
}

int rs_out_json_file(rs_json_stream *s, const rs_file_result *f) {
  jw_item(&s->w);
  jw_file(&s->w, f);
  return ferror(s->w.f) ? -1 : 0;
}

int rs_out_json_end(rs_json_stream *s, const rs_report *r) {
  jw *w = &s->w;
  FILE *out = w->f;
  jw_close(w, ']');
  rs_summary_counts c;
  rs_report_counts(r, &c);
  jw_key(w, "summary");
  jw_open(w, '{');
  jw_kint(w, "files", (long long)c.files);
  jw_kint(w, "checked", (long long)c.checked);
  jw_kint(w, "failed", (long long)c.failed);
  jw_kint(w, "errors", (long long)c.errors);
  jw_kint(w, "warnings", (long long)c.warnings);
  jw_kint(w, "infos", (long long)c.infos);
  jw_close(w, '}');
  if (r->interrupted) {
    jw_key(w, "interrupted");
    fputs("true", out);
  }
  jw_close(w, '}');
  fputc('\n', out);
  free(s);
  return ferror(out) ? -1 : 0;
}

int rs_out_json(FILE *out, const rs_report *r, const rs_out_opts *opts) {
  (void)opts;
  rs_json_stream *s = rs_out_json_begin(out);
  if (!s) return -1;
  for (size_t i = 0; i < r->nfiles; i++) rs_out_json_file(s, &r->files[i]);
  return rs_out_json_end(s, r);
}
