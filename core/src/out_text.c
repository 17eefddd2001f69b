/* Text output: `path:line:col: severity: message [pack/name]`, then the
 * source excerpt with the span underlined and the suggestion; a closing
 * summary line. */
#include <string.h>
#include <utf8proc.h>

#include "doc.h"
#include "out_util.h"
#include "report.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_CYAN "\033[36m"
#define C_GREEN "\033[32m"

static const char *sev_color(rs_severity s) {
  return s == RS_SEV_ERROR ? C_RED : s == RS_SEV_WARNING ? C_YELLOW : C_CYAN;
}

/* Writes n bytes of s with control characters shown as \n, \xHH or \u00HH
 * (C1): a path may hold a newline that would split the line, and a hostile
 * document may hold terminal escape sequences. Tabs are kept. */
static void put_clean(FILE *f, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
      fprintf(f, "\\u%04X", (unsigned char)s[++i]);
    } else if (c >= 0x20 && c != 0x7F) {
      fputc(c, f);
    } else if (c == '\t') {
      fputc(c, f);
    } else if (c == '\n') {
      fputs("\\n", f);
    } else {
      fprintf(f, "\\x%02X", c);
    }
  }
}

static void put_str(FILE *f, const char *s) {
  if (s) put_clean(f, s, strlen(s));
}

/* display width of UTF-8 text (code points with East Asian width) */
static int width(const char *s, size_t n) {
  int w = 0;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (l < 0) {
      i++;
      w++;
      continue;
    }
    i += (size_t)l;
    int cw = utf8proc_charwidth(cp);
    w += cw < 0 ? 0 : cw;
  }
  return w;
}

static void print_excerpt(FILE *f, const rs_doc *d, const rs_diag *g, int color) {
  size_t para, b, span_end;
  if (out_diag_span(d, g, &para, &b, &span_end) < 0) return;
  const rs_para *p = &d->paras[para];
  size_t elen = span_end - b;
  /* a window of context around the span */
  size_t ctx = 40;
  size_t s = b > ctx ? b - ctx : 0;
  while (s > 0 && ((unsigned char)p->text[s] & 0xC0) == 0x80) s--;
  size_t e = b + elen + ctx < p->len ? b + elen + ctx : p->len;
  while (e < p->len && ((unsigned char)p->text[e] & 0xC0) == 0x80) e++;
  const char *pre = s > 0 ? "…" : "";
  fprintf(f, "    %s", pre);
  put_clean(f, p->text + s, b - s);
  if (color) fprintf(f, C_BOLD "%s", sev_color(g->severity));
  put_clean(f, p->text + b, elen);
  if (color) fputs(C_RESET, f);
  put_clean(f, p->text + b + elen, e - b - elen);
  fprintf(f, "%s\n", e < p->len ? "…" : "");
  int lead = width(pre, strlen(pre)) + width(p->text + s, b - s);
  int w = width(p->text + b, elen);
  fprintf(f, "    %*s", lead, "");
  if (color) fputs(sev_color(g->severity), f);
  fputc('^', f);
  for (int i = 1; i < w; i++) fputc('~', f);
  if (color) fputs(C_RESET, f);
  fputc('\n', f);
}

static const char *sev_vi(rs_severity s) {
  return s == RS_SEV_ERROR ? "lỗi" : s == RS_SEV_WARNING ? "cảnh báo" : "thông tin";
}

int rs_out_text(FILE *f, const rs_report *r, const rs_out_opts *o) {
  int color = o && o->color;
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *fr = &r->files[i];
    if (fr->status == RS_FILE_FAILED) {
      fputs(color ? C_BOLD : "", f);
      put_str(f, fr->path);
      fprintf(f, ":%s %serror%s: không kiểm tra được tệp: ", color ? C_RESET : "", color ? C_RED : "",
              color ? C_RESET : "");
      put_str(f, fr->error);
      fputs(" [engine/input]\n", f);
      continue;
    }
    for (size_t k = 0; k < fr->diags.n; k++) {
      const rs_diag *g = &fr->diags.v[k];
      fputs(color ? C_BOLD : "", f);
      put_str(f, fr->path);
      fprintf(f, ":%u:%u:%s %s%s%s: ", g->line, g->col, color ? C_RESET : "", color ? sev_color(g->severity) : "",
              rs_severity_name(g->severity), color ? C_RESET : "");
      put_str(f, g->message);
      fprintf(f, " %s[%s]%s\n", color ? C_DIM : "", g->rule, color ? C_RESET : "");
      const rs_doc *d = fr->doc;
      if (d && g->excerpt && *g->excerpt) print_excerpt(f, d, g, color);
      if (d && strcmp(d->format, "txt") != 0 && g->para) {
        if (g->table)
          fprintf(f, "    vị trí: bảng %d, hàng %d, ô %d (đoạn %d)\n", g->table, g->row, g->cell, g->para);
        else
          fprintf(f, "    vị trí: đoạn %d\n", g->para);
      }
      if (g->suggestion) {
        fprintf(f, "    %sgợi ý:%s ", color ? C_GREEN : "", color ? C_RESET : "");
        put_str(f, g->suggestion);
        fputc('\n', f);
      }
    }
  }
  rs_summary_counts c;
  rs_report_counts(r, &c);
  fprintf(f, "%s%zu tệp (%zu đã kiểm tra, %zu không đọc được): %zu %s, %zu %s, %zu %s%s%s\n",
          color ? C_BOLD : "", c.files, c.checked, c.failed, c.errors, sev_vi(RS_SEV_ERROR), c.warnings,
          sev_vi(RS_SEV_WARNING), c.infos, sev_vi(RS_SEV_INFO), r->interrupted ? " (bị ngắt giữa chừng)" : "",
          color ? C_RESET : "");
  return 0;
}
