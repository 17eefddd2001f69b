/* CSV output (RFC 4180): one row per finding, UTF-8 with a byte order mark
 * so spreadsheet programs show Vietnamese correctly. */
#include "out_util.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void num(out_buf *b, uint32_t n) {
  out_buf_add(b, ",", 1);
  if (n) out_buf_printf(b, "%u", n);
}

int rs_out_csv(FILE *f, const rs_report *r, const rs_out_opts *o) {
  (void)o;
  out_buf b = {0};
  out_buf_puts(&b, "\xEF\xBB\xBF"
                   "path,line,column,severity,rule,message,suggestion\r\n");
  for (size_t i = 0; i < r->nfiles; i++) {
    const rs_file_result *fr = &r->files[i];
    if (fr->status == RS_FILE_FAILED) {
      out_csv_field(&b, fr->path, 1);
      out_buf_puts(&b, ",,,error");
      out_csv_field(&b, "engine/input", 0);
      out_csv_field(&b, fr->error ? fr->error : "Không đọc được tệp", 0);
      out_csv_field(&b, NULL, 0);
      out_buf_puts(&b, "\r\n");
    }
    for (size_t k = 0; k < fr->diags.n; k++) {
      const rs_diag *g = &fr->diags.v[k];
      out_csv_field(&b, fr->path, 1);
      num(&b, g->line);
      num(&b, g->line ? g->col : 0);
      out_csv_field(&b, rs_severity_name(g->severity), 0);
      out_csv_field(&b, g->rule, 0);
      out_csv_field(&b, g->message, 0);
      out_csv_field(&b, g->suggestion, 0);
      out_buf_puts(&b, "\r\n");
    }
    /* flush per file to keep memory bounded by one file's rows */
    if (b.oom) break;
    if (b.len && fwrite(b.s, 1, b.len, f) != b.len) {
      out_buf_free(&b);
      return RS_EIO;
    }
    b.len = 0;
  }
  int rc = b.oom ? RS_ENOMEM : 0;
  if (!rc && b.len && fwrite(b.s, 1, b.len, f) != b.len) rc = RS_EIO;
  out_buf_free(&b);
  if (!rc && ferror(f)) rc = RS_EIO;
  return rc;
}
