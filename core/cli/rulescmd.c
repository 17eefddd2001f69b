/* `rasoat rules`, `explain`, `test-rules` and `docs`. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "doc.h"
#include "readers.h"

static const char *sev_vi(rs_severity s) {
  switch (s) {
  case RS_SEV_ERROR: return "lỗi";
  case RS_SEV_WARNING: return "cảnh báo";
  case RS_SEV_INFO: return "thông tin";
  default: return "tắt";
  }
}

static int display_width(const char *s) {
  int w = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) w++;
  return w;
}

void rs_print_rules_table(FILE *f, const rs_engine *e) {
  int idw = 4;
  for (size_t i = 0; i < e->nrules; i++) {
    int w = display_width(e->rules[i].info.id);
    if (w > idw) idw = w;
  }
  fprintf(f, "%-*s  %-9s  %s\n", idw, "MÃ", "MỨC", "MÔ TẢ");
  for (size_t i = 0; i < e->nrules; i++) {
    const rs_rule_info *r = &e->rules[i].info;
    const char *sv = r->severity == RS_SEV_OFF ? "tắt" : rs_severity_name(r->severity);
    fprintf(f, "%s%*s  %-9s  %s\n", r->id, idw - display_width(r->id), "", sv, r->description);
  }
  fprintf(f, "%zu quy tắc\n", e->nrules);
}

void rs_print_rules_json(FILE *f, const rs_engine *e) {
  json_t *a = json_array();
  for (size_t i = 0; i < e->nrules; i++) {
    const rs_rule_info *r = &e->rules[i].info;
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(r->id));
    const char *slash = strchr(r->id, '/');
    json_object_set_new(o, "pack", json_stringn(r->id, slash ? (size_t)(slash - r->id) : strlen(r->id)));
    json_object_set_new(o, "description", json_string(r->description ? r->description : ""));
    json_object_set_new(o, "severity", json_string(rs_severity_name(r->severity)));
    json_object_set_new(o, "default_severity", json_string(rs_severity_name(r->default_severity)));
    json_object_set_new(o, "basis", json_string(r->basis ? r->basis : ""));
    json_object_set_new(o, "path", json_string(r->path ? r->path : ""));
    json_array_append_new(a, o);
  }
  json_dumpf(a, f, JSON_INDENT(2));
  fputc('\n', f);
  json_decref(a);
}

/* an example as a reader sees it: paragraphs on their own lines, layout
 * examples as the fixture they name */
static void print_example(FILE *f, const char *lead, const char *ex) {
  if (!strncmp(ex, "@file:", 6)) {
    const char *path = strchr(ex + 6, ':');
    fprintf(f, "%s(tệp mẫu %s)\n", lead, path ? path + 1 : ex + 6);
    return;
  }
  fputs(lead, f);
  for (const char *c = ex; *c; c++) {
    if (*c == '\n') fprintf(f, "\n%*s", (int)strlen("  ✓ ") - 2, "");
    else fputc(*c, f);
  }
  fputc('\n', f);
}

int rs_explain(FILE *f, const rs_engine *e, const char *id) {
  const rs_rule *rr = rs_engine_find(e, id);
  if (!rr) {
    fprintf(stderr, "rasoat: không có quy tắc \"%s\" (xem `rasoat rules`)\n", id);
    return 2;
  }
  const rs_rule_info *r = &rr->info;
  fprintf(f, "%s\n", r->id);
  fprintf(f, "Kiểm tra: %s\n", r->description);
  fprintf(f, "Mức mặc định: %s (%s)", rs_severity_name(r->default_severity), sev_vi(r->default_severity));
  if (r->severity != r->default_severity)
    fprintf(f, "; theo hồ sơ hiện hành: %s", r->severity == RS_SEV_OFF ? "tắt" : rs_severity_name(r->severity));
  fprintf(f, "\nCăn cứ: %s\n", r->basis);
  if (r->valid && r->valid[0]) {
    fprintf(f, "Ví dụ viết đúng:\n");
    for (char **s = r->valid; *s; s++) print_example(f, "  ✓ ", *s);
  }
  if (r->invalid && r->invalid[0]) {
    fprintf(f, "Ví dụ bị báo (phần trong [[…]] là chỗ được đánh dấu):\n");
    for (char **s = r->invalid; *s; s++) print_example(f, "  ✗ ", *s);
  }
  fprintf(f, "Tệp: %s\n", r->path);
  return 0;
}

/* ---- rule tester ---- */

typedef struct mark {
  uint32_t line, col, end_col;
} mark;

/* Remove [[ and ]] from text, recording the marked spans (line, col in code
 * points, end one past). Returns the clean text (malloc'd). */
static char *strip_marks(const char *t, mark **marks, size_t *nmarks) {
  size_t len = strlen(t);
  char *out = malloc(len + 1);
  size_t o = 0;
  uint32_t line = 1, col = 1;
  *marks = NULL;
  *nmarks = 0;
  mark cur = {0, 0, 0};
  int open = 0;
  for (size_t i = 0; out && i < len;) {
    if (!strncmp(t + i, "[[", 2) && !open) {
      open = 1;
      cur.line = line;
      cur.col = col;
      i += 2;
      continue;
    }
    if (!strncmp(t + i, "]]", 2) && open) {
      open = 0;
      cur.end_col = col;
      mark *nm = realloc(*marks, (*nmarks + 1) * sizeof *nm);
      if (nm) {
        *marks = nm;
        nm[(*nmarks)++] = cur;
      }
      i += 2;
      continue;
    }
    unsigned char c = (unsigned char)t[i];
    out[o++] = t[i++];
    if (c == '\n') {
      line++;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      col++;
    }
  }
  if (out) out[o] = 0;
  return out;
}

/* "@file:N:path" examples name a fixture file (layout rules) */
static int file_example(const char *ex, long long *count, const char **path) {
  if (strncmp(ex, "@file:", 6)) return 0;
  char *end;
  *count = strtoll(ex + 6, &end, 10);
  *path = *end == ':' ? end + 1 : end;
  return 1;
}

static int run_example(const rs_engine *e, rs_worker *w, size_t ri, const char *text, int invalid, size_t idx,
                       rs_doc **out) {
  rs_doc *d = NULL;
  char *err = NULL;
  long long cnt;
  const char *fpath;
  if (file_example(text, &cnt, &fpath)) {
    /* relative to the source tree (the folder holding rules/) */
    char *root = rs_strdup(e->rules_dir ? e->rules_dir : ".");
    char *slash = root ? strrchr(root, '/') : NULL;
    if (slash) *slash = 0;
    char *full = fpath[0] == '/' ? rs_strdup(fpath) : rs_sprintf("%s/%s", slash ? root : ".", fpath);
    free(root);
    const char *fmt;
    rs_reader_fn rd = rs_reader_for(full, &fmt);
    int rc = rd ? rd(full, &e->limits, &d, &err) : RS_EFORMAT;
    free(full);
    free(err);
    if (rc < 0 || !d) return -1;
    rs_diags_free(&d->diags);
    rs_worker_test_rule(w, d, ri, invalid, idx);
    *out = d;
    return 0;
  }
  int rc = rs_read_txt_buffer("example.txt", text, strlen(text), RS_TXT_LINES, &e->limits, &d, &err);
  free(err);
  if (rc < 0 || !d) return -1;
  rs_diags_free(&d->diags);
  rs_worker_test_rule(w, d, ri, invalid, idx);
  *out = d;
  return 0;
}

int rs_test_rules(FILE *f, const rs_engine *e) {
  rs_worker *w = rs_worker_new(e);
  if (!w) return 2;
  size_t nfail = 0, nok = 0;
  for (size_t i = 0; i < e->load_diags.n; i++) {
    fprintf(f, "FAIL %s: %s\n", e->load_diags.v[i].excerpt, e->load_diags.v[i].message);
    nfail++;
  }
  for (size_t ri = 0; ri < e->nrules; ri++) {
    const rs_rule_info *r = &e->rules[ri].info;
    if (!e->rules[ri].source) continue; /* reported above */
    int rule_fail = 0;
    if (!r->invalid || !r->invalid[0]) {
      fprintf(f, "FAIL %s: không có ví dụ sai (examples.invalid) nào\n", r->id);
      rule_fail = 1;
    }
    for (char **v = r->valid; v && *v; v++) {
      rs_doc *d = NULL;
      if (run_example(e, w, ri, *v, 0, (size_t)(v - r->valid), &d)) {
        fprintf(f, "FAIL %s: không đọc được ví dụ đúng: %s\n", r->id, *v);
        rule_fail = 1;
        continue;
      }
      for (size_t k = 0; k < d->diags.n; k++) {
        const rs_diag *g = &d->diags.v[k];
        fprintf(f, "FAIL %s: ví dụ đúng bị báo %u:%u-%u \"%s\": %s [%s]\n    %s\n", r->id, g->line, g->col,
                g->end_col, g->excerpt ? g->excerpt : "", g->message, g->rule, *v);
        rule_fail = 1;
      }
      rs_doc_free(d);
    }
    for (char **v = r->invalid; v && *v; v++) {
      long long want;
      const char *fpath;
      if (file_example(*v, &want, &fpath)) {
        rs_doc *d = NULL;
        if (run_example(e, w, ri, *v, 1, (size_t)(v - r->invalid), &d)) {
          fprintf(f, "FAIL %s: không đọc được tệp ví dụ %s\n", r->id, fpath);
          rule_fail = 1;
          continue;
        }
        long long got = 0;
        for (size_t k = 0; k < d->diags.n; k++) {
          if (!strcmp(d->diags.v[k].rule, r->id)) got++;
          else {
            fprintf(f, "FAIL %s: %s: %s [%s]\n", r->id, fpath, d->diags.v[k].message, d->diags.v[k].rule);
            rule_fail = 1;
          }
        }
        if ((want >= 0 && got != want) || (want < 0 && got == 0)) {
          fprintf(f, "FAIL %s: %s: %lld phát hiện, cần %s%lld\n", r->id, fpath, got, want < 0 ? "ít nhất " : "",
                  want < 0 ? 1LL : want);
          rule_fail = 1;
        }
        rs_doc_free(d);
        continue;
      }
      mark *marks;
      size_t nmarks;
      char *clean = strip_marks(*v, &marks, &nmarks);
      rs_doc *d = NULL;
      if (!clean || run_example(e, w, ri, clean, 1, (size_t)(v - r->invalid), &d)) {
        fprintf(f, "FAIL %s: không đọc được ví dụ sai: %s\n", r->id, *v);
        rule_fail = 1;
        free(clean);
        free(marks);
        continue;
      }
      if (nmarks == 0) {
        fprintf(f, "FAIL %s: ví dụ sai không đánh dấu chỗ lỗi bằng [[…]]: %s\n", r->id, *v);
        rule_fail = 1;
      }
      char *used = calloc(nmarks + 1, 1);
      for (size_t k = 0; k < d->diags.n; k++) {
        const rs_diag *g = &d->diags.v[k];
        int hit = 0;
        for (size_t m = 0; m < nmarks; m++) {
          if (!used[m] && marks[m].line == g->line && marks[m].col == g->col && marks[m].end_col == g->end_col &&
              !strcmp(g->rule, r->id)) {
            used[m] = 1;
            hit = 1;
            break;
          }
        }
        if (!hit) {
          fprintf(f, "FAIL %s: phát hiện ngoài chỗ đánh dấu %u:%u-%u \"%s\": %s [%s]\n    %s\n", r->id, g->line,
                  g->col, g->end_col, g->excerpt ? g->excerpt : "", g->message, g->rule, *v);
          rule_fail = 1;
        }
      }
      for (size_t m = 0; m < nmarks; m++) {
        if (!used[m]) {
          fprintf(f, "FAIL %s: không báo chỗ đánh dấu %u:%u-%u\n    %s\n", r->id, marks[m].line, marks[m].col,
                  marks[m].end_col, *v);
          rule_fail = 1;
        }
      }
      free(used);
      free(marks);
      free(clean);
      rs_doc_free(d);
    }
    if (rule_fail) nfail++;
    else {
      nok++;
      fprintf(f, "ok   %s\n", r->id);
    }
  }
  fprintf(f, "%zu quy tắc đạt, %zu quy tắc lỗi\n", nok, nfail);
  rs_worker_free(w);
  return nfail ? 1 : 0;
}

/* ---- docs/rules generated from the plugins' metadata ---- */

static void md_examples(FILE *f, char **v, const char *mark) {
  for (char **s = v; s && *s; s++) {
    if (!strncmp(*s, "@file:", 6)) {
      const char *path = strchr(*s + 6, ':');
      fprintf(f, "- %s tệp mẫu `%s`\n", mark, path ? path + 1 : *s + 6);
      continue;
    }
    /* one paragraph per line, as the tester reads the example */
    fprintf(f, "- %s ", mark);
    const char *c = *s, *nl;
    int first = 1;
    while (c) {
      nl = strchr(c, '\n');
      fprintf(f, "%s`%.*s`", first ? "" : "<br>", (int)(nl ? nl - c : (long)strlen(c)), c);
      first = 0;
      c = nl ? nl + 1 : NULL;
    }
    fputc('\n', f);
  }
}

int rs_write_docs(const rs_engine *e, const char *dir) {
  mkdir(dir, 0755);
  char *idx = rs_sprintf("%s/README.md", dir);
  FILE *fi = fopen(idx, "w");
  if (!fi) {
    fprintf(stderr, "rasoat: không ghi được %s: %s\n", idx, rs_strerror_vi(errno));
    free(idx);
    return 2;
  }
  fprintf(fi, "# Danh mục quy tắc\n\n<!-- Sinh tự động bởi `make docs` từ siêu dữ liệu của các quy tắc; "
              "đừng sửa tay. -->\n\n| Mã | Mức mặc định | Mô tả |\n|---|---|---|\n");
  for (size_t i = 0; i < e->nrules; i++) {
    const rs_rule_info *r = &e->rules[i].info;
    char *fname = rs_strdup(r->id);
    for (char *c = fname; c && *c; c++)
      if (*c == '/') *c = '-';
    fprintf(fi, "| [`%s`](%s.md) | %s | %s |\n", r->id, fname, rs_severity_name(r->default_severity),
            r->description);
    char *path = rs_sprintf("%s/%s.md", dir, fname);
    FILE *f = fopen(path, "w");
    if (f) {
      fprintf(f, "# `%s`\n\n<!-- Sinh tự động bởi `make docs`; đừng sửa tay. -->\n\n", r->id);
      fprintf(f, "**Kiểm tra:** %s\n\n**Mức mặc định:** %s (%s)\n\n**Căn cứ:** %s\n\n", r->description,
              rs_severity_name(r->default_severity), sev_vi(r->default_severity), r->basis);
      fprintf(f, "## Ví dụ viết đúng\n\n");
      md_examples(f, r->valid, "✓");
      fprintf(f, "\n## Ví dụ bị báo\n\nPhần trong `[[…]]` là chỗ được đánh dấu.\n\n");
      md_examples(f, r->invalid, "✗");
      fclose(f);
    }
    free(path);
    free(fname);
  }
  fclose(fi);
  free(idx);
  return 0;
}
