/* The bulk summary: one row per submission (CSV for spreadsheets, HTML for
 * reading, linking each row to that file's own HTML report). */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <zip.h>

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

/* The columns of the CSV and XLSX summaries, and which hold numbers. */
#define NCOLS 13
static const char *const col_names[NCOLS] = {"tep",  "don_vi",    "loai_bao_cao", "ky_bao_cao",   "ngay_bao_cao",
                                             "trang_thai", "loi", "canh_bao", "thong_tin", "so_phan_thieu",
                                             "phan_thieu", "han_nop", "ghi_chu"};
static const char col_numeric[NCOLS] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0};

/* One row's cells (owned strings; NULL for an empty cell). */
static void row_cells(const rs_report *r, size_t i, const long *dup, char *cells[NCOLS]) {
  const rs_file_result *f = &r->files[i];
  counts c = count_file(f);
  cells[0] = rs_strdup(f->path);
  cells[1] = f->commune ? rs_strdup(f->commune) : NULL;
  cells[2] = f->kind ? rs_strdup(f->kind) : NULL;
  cells[3] = f->period ? rs_strdup(f->period) : NULL;
  cells[4] = f->report_date ? rs_strdup(f->report_date) : NULL;
  cells[5] = rs_strdup(f->not_found ? "không tìm thấy tệp" : f->status == RS_FILE_FAILED ? "không đọc được" : "đã kiểm tra");
  cells[6] = rs_sprintf("%zu", c.errors);
  cells[7] = rs_sprintf("%zu", c.warnings);
  cells[8] = rs_sprintf("%zu", c.infos);
  cells[9] = rs_sprintf("%zu", f->nmissing);
  const char *miss = f->status == RS_FILE_FAILED ? f->error : f->missing;
  cells[10] = miss ? rs_strdup(miss) : NULL;
  cells[11] = rs_strdup(late_vi(f));
  cells[12] = dup && dup[i] >= 0 ? rs_sprintf("cùng đơn vị và kỳ với %s", r->files[dup[i]].path) : NULL;
}

static void free_cells(char *cells[NCOLS]) {
  for (int k = 0; k < NCOLS; k++) free(cells[k]);
}

int rs_out_summary_csv(FILE *out, const rs_report *r) {
  fputs("\xEF\xBB\xBF", out); /* BOM: Excel reads UTF-8 */
  for (int k = 0; k < NCOLS; k++) {
    fputs(col_names[k], out);
    fputs(k + 1 < NCOLS ? "," : "\r\n", out);
  }
  size_t ngroups;
  long *dup = same_unit_period(r, &ngroups);
  out_buf row = {0};
  for (size_t i = 0; dup && i < r->nfiles; i++) {
    char *cells[NCOLS];
    row_cells(r, i, dup, cells);
    row.len = 0;
    for (int k = 0; k < NCOLS; k++) out_csv_field(&row, cells[k] ? cells[k] : "", k == 0);
    free_cells(cells);
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

/* ---- XLSX: what Excel opens whatever the list separator of Windows
 * (a Vietnamese Windows uses ";", so a comma CSV opens in one column) ---- */

static void xml_esc(out_buf *b, const char *s) {
  char *clean = out_xml_clean(s ? s : "");
  for (const char *p = clean ? clean : ""; *p; p++) {
    switch (*p) {
    case '<': out_buf_add(b, "&lt;", 4); break;
    case '>': out_buf_add(b, "&gt;", 4); break;
    case '&': out_buf_add(b, "&amp;", 5); break;
    case '"': out_buf_add(b, "&quot;", 6); break;
    default: out_buf_add(b, p, 1);
    }
  }
  free(clean);
}

static void col_ref(int col, size_t row, char *out) { snprintf(out, 16, "%c%zu", 'A' + col, row); }

static int zip_add_buf(zip_t *z, const char *name, const out_buf *b) {
  void *copy = malloc(b->len ? b->len : 1);
  if (!copy) return -1;
  memcpy(copy, b->s, b->len);
  zip_source_t *src = zip_source_buffer(z, copy, b->len, 1); /* the source frees the copy */
  if (!src) {
    free(copy);
    return -1;
  }
  if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
    zip_source_free(src);
    return -1;
  }
  return 0;
}

int rs_out_summary_xlsx(const char *path, const rs_report *r) {
  size_t ngroups;
  long *dup = same_unit_period(r, &ngroups);
  if (!dup) return -1;
  out_buf sh = {0};
  out_buf_printf(&sh,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                 "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
                 "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
                 "<cols><col min=\"1\" max=\"1\" width=\"40\" customWidth=\"1\"/>"
                 "<col min=\"2\" max=\"4\" width=\"22\" customWidth=\"1\"/>"
                 "<col min=\"5\" max=\"10\" width=\"12\" customWidth=\"1\"/>"
                 "<col min=\"11\" max=\"11\" width=\"50\" customWidth=\"1\"/>"
                 "<col min=\"12\" max=\"13\" width=\"16\" customWidth=\"1\"/></cols><sheetData>");
  char ref[16];
  out_buf_add(&sh, "<row r=\"1\">", 11);
  for (int k = 0; k < NCOLS; k++) {
    col_ref(k, 1, ref);
    out_buf_printf(&sh, "<c r=\"%s\" t=\"inlineStr\" s=\"1\"><is><t>%s</t></is></c>", ref, col_names[k]);
  }
  out_buf_add(&sh, "</row>", 6);
  for (size_t i = 0; i < r->nfiles; i++) {
    char *cells[NCOLS];
    row_cells(r, i, dup, cells);
    out_buf_printf(&sh, "<row r=\"%zu\">", i + 2);
    for (int k = 0; k < NCOLS; k++) {
      if (!cells[k] || !*cells[k]) continue;
      col_ref(k, i + 2, ref);
      if (col_numeric[k]) {
        out_buf_printf(&sh, "<c r=\"%s\"><v>%s</v></c>", ref, cells[k]);
      } else {
        out_buf_printf(&sh, "<c r=\"%s\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref);
        xml_esc(&sh, cells[k]);
        out_buf_add(&sh, "</t></is></c>", 13);
      }
    }
    out_buf_add(&sh, "</row>", 6);
    free_cells(cells);
  }
  out_buf_printf(&sh, "</sheetData><autoFilter ref=\"A1:M%zu\"/></worksheet>", r->nfiles + 1);
  free(dup);

  static const char ct[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>";
  static const char rels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>";
  static const char wb[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"Tổng hợp\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
      "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
      "'Tổng hợp'!$A$1:$M$1</definedName></definedNames></workbook>";
  static const char wbrels[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/></Relationships>";
  static const char styles[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Times New Roman\"/></font>"
      "<font><b/><sz val=\"11\"/><name val=\"Times New Roman\"/></font></fonts>"
      "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
      "</styleSheet>";
  int rc = sh.oom ? -1 : 0;
  int zerr = 0;
  zip_t *z = rc ? NULL : zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  if (!z) rc = -1;
  const struct {
    const char *name, *text;
  } parts[] = {{"[Content_Types].xml", ct}, {"_rels/.rels", rels}, {"xl/workbook.xml", wb},
               {"xl/_rels/workbook.xml.rels", wbrels}, {"xl/styles.xml", styles}};
  for (size_t k = 0; !rc && k < sizeof parts / sizeof parts[0]; k++) {
    out_buf b = {0};
    out_buf_add(&b, parts[k].text, strlen(parts[k].text));
    rc = b.oom ? -1 : zip_add_buf(z, parts[k].name, &b);
    out_buf_free(&b);
  }
  if (!rc) rc = zip_add_buf(z, "xl/worksheets/sheet1.xml", &sh);
  out_buf_free(&sh);
  if (z) {
    if (rc) zip_discard(z);
    else if (zip_close(z) != 0) {
      rc = -1;
      zip_discard(z);
    }
  }
  return rc;
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
