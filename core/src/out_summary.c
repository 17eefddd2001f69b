/* The bulk summary: one row per submission (CSV for spreadsheets, HTML for
 * reading, linking each row to that file's own HTML report). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "out_util.h"
#include "report.h"

typedef struct counts {
  size_t errors, warnings, infos;
} counts;

static counts count_file(const rs_file_result *f) {
  counts c = {f->nerrors, f->nwarnings, f->ninfos};
  return c;
}

static const char *late_vi(const rs_file_result *f) {
  if (f->status == RS_FILE_FAILED) return "";
  return f->late == 1 ? "trễ hạn" : f->late == 0 ? "đúng hạn" : "chưa rõ";
}

/* Submissions of one unit for one period (a resubmission, a corrected
 * copy): for each file, the index of the first other file of its group, or
 * -1. Only checked files whose unit and period are known are grouped. */
static const rs_report *cmp_report;

static int cmp_unit(const void *a, const void *b) {
  const rs_file_result *x = &cmp_report->files[*(const size_t *)a], *y = &cmp_report->files[*(const size_t *)b];
  int c = strcmp(x->commune, y->commune);
  if (!c) c = strcmp(x->period, y->period);
  if (!c) c = *(const size_t *)a < *(const size_t *)b ? -1 : 1;
  return c;
}

static int groupable(const rs_file_result *f) {
  return f->status != RS_FILE_FAILED && f->commune && *f->commune && f->period && *f->period;
}

static long *same_unit_period(const rs_report *r, size_t *ngroups) {
  *ngroups = 0;
  long *first = malloc((r->nfiles ? r->nfiles : 1) * sizeof *first);
  size_t *ix = malloc((r->nfiles ? r->nfiles : 1) * sizeof *ix);
  if (!first || !ix) {
    free(first);
    free(ix);
    return NULL;
  }
  size_t n = 0;
  for (size_t i = 0; i < r->nfiles; i++) {
    first[i] = -1;
    if (groupable(&r->files[i])) ix[n++] = i;
  }
  cmp_report = r; /* qsort has no context argument; the summary is written by one thread */
  qsort(ix, n, sizeof *ix, cmp_unit);
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && !strcmp(r->files[ix[a]].commune, r->files[ix[b]].commune) &&
           !strcmp(r->files[ix[a]].period, r->files[ix[b]].period))
      b++;
    if (b - a > 1) {
      (*ngroups)++;
      /* each points at the first of the others (in input order) */
      for (size_t k = a; k < b; k++) first[ix[k]] = (long)(k == a ? ix[a + 1] : ix[a]);
    }
    a = b;
  }
  free(ix);
  return first;
}

int rs_out_summary_csv(FILE *out, const rs_report *r) {
  fputs("\xEF\xBB\xBF", out); /* BOM: Excel reads UTF-8 */
  fputs("tep,don_vi,loai_bao_cao,ky_bao_cao,ngay_bao_cao,trang_thai,loi,canh_bao,thong_tin,so_phan_thieu,"
        "phan_thieu,han_nop,ghi_chu\r\n",
        out);
  size_t ngroups;
  long *dup = same_unit_period(r, &ngroups);
  out_buf row = {0};
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *f = &r->files[i];
    counts c = count_file(f);
    char n[4][24];
    snprintf(n[0], sizeof n[0], "%zu", c.errors);
    snprintf(n[1], sizeof n[1], "%zu", c.warnings);
    snprintf(n[2], sizeof n[2], "%zu", c.infos);
    snprintf(n[3], sizeof n[3], "%zu", f->nmissing);
    row.len = 0;
    out_csv_field(&row, f->path, 1);
    out_csv_field(&row, f->commune, 0);
    out_csv_field(&row, f->kind, 0);
    out_csv_field(&row, f->period, 0);
    out_csv_field(&row, f->report_date, 0);
    out_csv_field(&row, f->not_found ? "không tìm thấy tệp" : f->status == RS_FILE_FAILED ? "không đọc được" : "đã kiểm tra",
                  0);
    for (int k = 0; k < 4; k++) out_csv_field(&row, n[k], 0);
    out_csv_field(&row, f->status == RS_FILE_FAILED ? f->error : f->missing, 0);
    out_csv_field(&row, late_vi(f), 0);
    char *note = dup && dup[i] >= 0 ? rs_sprintf("cùng đơn vị và kỳ với %s", r->files[dup[i]].path) : NULL;
    out_csv_field(&row, note ? note : "", 0);
    free(note);
    out_buf_add(&row, "\r\n", 2);
    if (row.oom) break;
    fwrite(row.s, 1, row.len, out);
  }
  int oom = row.oom || !dup;
  free(dup);
  out_buf_free(&row);
  if (oom) return -1;
  return ferror(out) ? -1 : 0;
}

static void html_text(FILE *out, const char *s) {
  char *clean = out_xml_clean(s ? s : "");
  for (const char *p = clean ? clean : ""; *p; p++) {
    switch (*p) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    default: fputc(*p, out);
    }
  }
  free(clean);
}

int rs_out_summary_html(FILE *out, const rs_report *r, char *const *links) {
  size_t late = 0, failed = 0, with_errors = 0, missing = 0, not_found = 0;
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *f = &r->files[i];
    if (f->not_found) not_found++;
    else if (f->status == RS_FILE_FAILED) failed++;
    if (f->late == 1) late++;
    if (count_file(f).errors) with_errors++;
    if (f->nmissing) missing++;
  }
  fputs("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"rasoat " RS_VERSION "\">\n"
        "<title>Tổng hợp rà soát báo cáo</title>\n<style>\n"
        "body{font-family:'Times New Roman',Georgia,serif;margin:2rem;color:#1a1a1a;background:#fafafa}\n"
        "h1{font-size:1.6rem;margin:0 0 .5rem}p.lead{margin:.2rem 0 1.2rem;color:#444}\n"
        ".cards{display:flex;gap:1rem;flex-wrap:wrap;margin-bottom:1.2rem}\n"
        ".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}\n"
        ".card b{display:block;font-size:1.5rem}\n"
        "table{border-collapse:collapse;width:100%;background:#fff}\n"
        "th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.95rem}\n"
        "th{background:#eef2f7}td.n{text-align:right}\n"
        ".late{color:#b00020;font-weight:bold}.ok{color:#1b5e20}.failed{background:#fdecea}\n"
        ".err{color:#b00020;font-weight:bold}.dup{color:#8a4b00}\n"
        "@media print{body{margin:0;background:#fff}a{color:inherit;text-decoration:none}}\n"
        "</style></head><body>\n<h1>Tổng hợp rà soát báo cáo</h1>\n",
        out);
  size_t ngroups;
  long *dup = same_unit_period(r, &ngroups);
  if (!dup) return -1;
  char nf[160] = "";
  if (not_found) snprintf(nf, sizeof nf, "; %zu không tìm thấy tệp", not_found);
  if (ngroups)
    snprintf(nf + strlen(nf), sizeof nf - strlen(nf), "; %zu đơn vị có nhiều bản cùng kỳ", ngroups);
  fprintf(out,
          "<p class=\"lead\">%zu báo cáo; %zu có lỗi; %zu thiếu phần bắt buộc; %zu trễ hạn; %zu không đọc được%s%s.</p>\n",
          r->nfiles - not_found, with_errors, missing, late, failed, nf,
          r->interrupted ? " (lần chạy bị ngắt giữa chừng)" : "");
  fprintf(out,
          "<div class=\"cards\"><div class=\"card\"><b>%zu</b>báo cáo</div><div class=\"card\"><b>%zu</b>có lỗi</div>"
          "<div class=\"card\"><b>%zu</b>thiếu phần</div><div class=\"card\"><b>%zu</b>trễ hạn</div>"
          "<div class=\"card\"><b>%zu</b>không đọc được</div>",
          r->nfiles - not_found, with_errors, missing, late, failed);
  if (not_found) fprintf(out, "<div class=\"card\"><b>%zu</b>không tìm thấy tệp</div>", not_found);
  fputs("</div>\n", out);
  fputs("<table><thead><tr><th>#</th><th>Đơn vị</th><th>Tệp</th><th>Loại báo cáo</th><th>Kỳ</th><th>Ngày báo cáo</th>"
        "<th>Lỗi</th><th>Cảnh báo</th><th>Thông tin</th><th>Phần còn thiếu</th><th>Hạn nộp</th></tr></thead><tbody>\n",
        out);
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *f = &r->files[i];
    counts c = count_file(f);
    fprintf(out, "<tr%s><td class=\"n\">%zu</td><td>", f->status == RS_FILE_FAILED ? " class=\"failed\"" : "", i + 1);
    html_text(out, f->commune);
    if (dup[i] >= 0) fprintf(out, "<br><small class=\"dup\">cùng kỳ với dòng %ld</small>", dup[i] + 1);
    fputs("</td><td>", out);
    if (links && links[i]) {
      fputs("<a href=\"", out);
      html_text(out, links[i]);
      fputs("\">", out);
      html_text(out, f->path);
      fputs("</a>", out);
    } else {
      html_text(out, f->path);
    }
    fputs("</td><td>", out);
    html_text(out, f->kind);
    fputs("</td><td>", out);
    html_text(out, f->period);
    fputs("</td><td>", out);
    html_text(out, f->report_date);
    if (f->not_found) {
      /* the message starts "không tìm thấy tệp: …" */
      fputs("</td><td colspan=\"5\" class=\"err\">K", out);
      html_text(out, f->error && f->error[0] == 'k' ? f->error + 1 : f->error);
      fputs("</td></tr>\n", out);
      continue;
    }
    if (f->status == RS_FILE_FAILED) {
      fputs("</td><td colspan=\"5\" class=\"err\">Không đọc được: ", out);
      html_text(out, f->error);
      fputs("</td></tr>\n", out);
      continue;
    }
    fprintf(out, "</td><td class=\"n%s\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>",
            c.errors ? " err" : "", c.errors, c.warnings, c.infos);
    html_text(out, f->missing);
    fprintf(out, "</td><td class=\"%s\">%s</td></tr>\n", f->late == 1 ? "late" : f->late == 0 ? "ok" : "",
            late_vi(f));
  }
  fputs("</tbody></table>\n</body></html>\n", out);
  free(dup);
  return ferror(out) ? -1 : 0;
}
