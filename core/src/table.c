/* Data tables given with --data: dispatch on the extension (and the optional
 * "#Sheet" suffix of .xlsx), and the CSV reader (libcsv).
 *
 * CSV: UTF-8 with or without a BOM (a legacy Vietnamese 8-bit file is
 * converted, see legacy.h); the delimiter (comma, semicolon or tab) is taken
 * from the header line; quoted fields may hold delimiters, quotes and
 * newlines. Every cell is trimmed and NFC-normalized. Blank lines are
 * skipped; short rows are padded with empty cells; cells past the header
 * get generated headers ("cot_N"). */
#include "table.h"

#include "doc.h"
#include "legacy.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

void rs_table_free(rs_table *t) {
  if (!t) return;
  for (size_t r = 0; r < t->nrows; r++) {
    if (!t->rows[r]) continue;
    for (size_t c = 0; c < t->ncols; c++) free(t->rows[r][c]);
    free(t->rows[r]);
  }
  free(t->rows);
  for (size_t c = 0; c < t->ncols; c++) free(t->headers[c]);
  free(t->headers);
  free(t->path);
  free(t->name);
  free(t);
}

static const char *ext_of(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(path, '.');
  if (!dot || (slash && dot < slash)) return "";
  return dot + 1;
}

/* base name without extension */
static char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  s = s ? s + 1 : path;
  const char *dot = strrchr(s, '.');
  return rs_strndup(s, dot && dot > s ? (size_t)(dot - s) : strlen(s));
}

static int file_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

int rs_table_read(const char *spec, const rs_limits *lim, rs_table **out, char **err) {
  *out = NULL;
  *err = NULL;
  if (!spec || !*spec) {
    *err = rs_strdup("Thiếu tên tệp dữ liệu.");
    return RS_EUSAGE;
  }
  /* FILE#Sheet, unless a file of that exact name exists */
  char *path = rs_strdup(spec);
  const char *sheet = NULL;
  if (!path) return RS_ENOMEM;
  char *hash = strrchr(path, '#');
  if (hash && hash != path && !file_exists(spec)) {
    *hash = 0;
    sheet = hash + 1;
  }
  const char *ext = ext_of(path);
  int rc;
  if (!strcasecmp(ext, "csv")) {
    if (sheet && *sheet) {
      *err = rs_sprintf("Tệp CSV %s chỉ có một bảng: bỏ phần \"#%s\" sau tên tệp.", path, sheet);
      rc = RS_EUSAGE;
    } else {
      rc = rs_table_read_csv(path, lim, out, err);
    }
  } else if (!strcasecmp(ext, "xlsx") || !strcasecmp(ext, "xlsm")) {
    rc = rs_table_read_xlsx(path, sheet && *sheet ? sheet : NULL, lim, out, err);
  } else if (!strcasecmp(ext, "xls") || !strcasecmp(ext, "ods")) {
    *err = rs_sprintf("Không đọc được tệp dữ liệu %s: định dạng .%s chưa được hỗ trợ. "
                      "Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx hoặc .csv (UTF-8).",
                      path, ext);
    rc = RS_EFORMAT;
  } else {
    *err = rs_sprintf("Không đọc được tệp dữ liệu %s: chỉ hỗ trợ tệp .csv và .xlsx.", path);
    rc = RS_EUSAGE;
  }
  free(path);
  if (rc == RS_ENOMEM && !*err) *err = rs_strdup("Không đủ bộ nhớ để đọc tệp dữ liệu.");
  return rc;
}

/* ---- CSV ---- */

typedef struct csv_ctx {
  rs_table *t;
  const rs_limits *lim;
  /* the row being read */
  char **cells;
  size_t ncells, capcells;
  size_t caprows;
  int have_header;
  int err; /* RS_ENOMEM or RS_ELIMIT */
} csv_ctx;

/* Trimmed, NFC copy of a field. */
static char *clean_cell(const char *s, size_t n) {
  /* trim ASCII white space and U+00A0 / U+FEFF at both ends */
  for (;;) {
    if (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) {
      s++;
      n--;
    } else if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
      s += 2;
      n -= 2;
    } else if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
      s += 3;
      n -= 3;
    } else {
      break;
    }
  }
  for (;;) {
    if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
    else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0) n -= 2;
    else break;
  }
  if (n == 0) return rs_strdup("");
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (r < 0) return rs_strndup(s, n);
  return (char *)nfc;
}

static void on_field(void *s, size_t n, void *data) {
  csv_ctx *c = data;
  if (c->err) return;
  if (c->ncells == c->capcells) {
    size_t nc = c->capcells ? c->capcells * 2 : 16;
    char **ncl = realloc(c->cells, nc * sizeof *ncl);
    if (!ncl) {
      c->err = RS_ENOMEM;
      return;
    }
    c->cells = ncl;
    c->capcells = nc;
  }
  char *v = clean_cell(s ? s : "", s ? n : 0);
  if (!v) {
    c->err = RS_ENOMEM;
    return;
  }
  c->cells[c->ncells++] = v;
}

static void drop_cells(csv_ctx *c) {
  for (size_t i = 0; i < c->ncells; i++) free(c->cells[i]);
  c->ncells = 0;
}

/* Widen the table to n columns (generated headers, empty cells). */
static int widen(rs_table *t, size_t n) {
  if (n <= t->ncols) return 0;
  char **nh = realloc(t->headers, n * sizeof *nh);
  if (!nh) return RS_ENOMEM;
  t->headers = nh;
  for (size_t c = t->ncols; c < n; c++) t->headers[c] = NULL;
  for (size_t r = 0; r < t->nrows; r++) {
    char **nr = realloc(t->rows[r], n * sizeof *nr);
    if (!nr) return RS_ENOMEM;
    t->rows[r] = nr;
    for (size_t c = t->ncols; c < n; c++) t->rows[r][c] = NULL;
  }
  size_t old = t->ncols;
  t->ncols = n;
  for (size_t c = old; c < n; c++) {
    t->headers[c] = rs_sprintf("cot_%zu", c + 1);
    if (!t->headers[c]) return RS_ENOMEM;
    for (size_t r = 0; r < t->nrows; r++) {
      t->rows[r][c] = rs_strdup("");
      if (!t->rows[r][c]) return RS_ENOMEM;
    }
  }
  return 0;
}

static void on_row(int term, void *data) {
  (void)term;
  csv_ctx *c = data;
  rs_table *t = c->t;
  if (c->err) {
    drop_cells(c);
    return;
  }
  size_t used = c->ncells;
  while (used > 0 && c->cells[used - 1][0] == 0) used--;
  if (used == 0) { /* blank line */
    drop_cells(c);
    return;
  }
  if (!c->have_header) {
    t->headers = calloc(c->ncells, sizeof *t->headers);
    if (!t->headers) {
      c->err = RS_ENOMEM;
      drop_cells(c);
      return;
    }
    /* trailing empty header cells are dropped */
    t->ncols = used;
    for (size_t i = 0; i < c->ncells; i++) {
      if (i < used) t->headers[i] = c->cells[i];
      else free(c->cells[i]);
    }
    c->ncells = 0;
    c->have_header = 1;
    return;
  }
  if (t->nrows >= c->lim->max_paragraphs) {
    c->err = RS_ELIMIT;
    drop_cells(c);
    return;
  }
  if (used > t->ncols && widen(t, used)) {
    c->err = RS_ENOMEM;
    drop_cells(c);
    return;
  }
  if (t->nrows == c->caprows) {
    size_t nc = c->caprows ? c->caprows * 2 : 64;
    char ***nr = realloc(t->rows, nc * sizeof *nr);
    if (!nr) {
      c->err = RS_ENOMEM;
      drop_cells(c);
      return;
    }
    t->rows = nr;
    c->caprows = nc;
  }
  char **row = calloc(t->ncols, sizeof *row);
  if (!row) {
    c->err = RS_ENOMEM;
    drop_cells(c);
    return;
  }
  t->rows[t->nrows++] = row;
  for (size_t i = 0; i < t->ncols; i++) {
    if (i < c->ncells) {
      row[i] = c->cells[i];
      c->cells[i] = NULL;
    } else {
      row[i] = rs_strdup("");
      if (!row[i]) c->err = RS_ENOMEM;
    }
  }
  for (size_t i = t->ncols; i < c->ncells; i++) free(c->cells[i]); /* empty extras */
  c->ncells = 0;
}

/* Delimiter from the header line: the most frequent of , ; TAB outside
 * quotes (comma on a tie or when none is present). */
static unsigned char detect_delim(const char *s, size_t n) {
  size_t comma = 0, semi = 0, tab = 0;
  int q = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (ch == '"') q = !q;
    else if (!q && (ch == '\n' || ch == '\r')) break;
    else if (!q && ch == ',') comma++;
    else if (!q && ch == ';') semi++;
    else if (!q && ch == '\t') tab++;
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

static int valid_utf8(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    int32_t c;
    int l = rs_utf8_decode((const unsigned char *)s + i, n - i, &c);
    if (l < 0) return 0;
    i += (size_t)l;
  }
  return 1;
}


int rs_table_read_csv(const char *path, const rs_limits *lim, rs_table **out, char **err) {
  rs_limits dl;
  if (!lim) {
    rs_limits_default(&dl);
    lim = &dl;
  }
  *out = NULL;
  *err = NULL;
  FILE *f = rs_fopen_input(path);
  if (!f) {
    if (errno == ENOENT)
      *err = rs_sprintf("Không tìm thấy tệp dữ liệu %s: hãy kiểm tra lại đường dẫn.", path);
    else
      *err = rs_sprintf("Không mở được tệp dữ liệu %s (%s).", path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(f);
    *err = rs_sprintf("%s là một thư mục, không phải tệp dữ liệu .csv.", path);
    return RS_EIO;
  }
  if (fstat(fileno(f), &st) == 0 && (size_t)st.st_size > lim->max_file_bytes) {
    fclose(f);
    *err = rs_sprintf("Tệp dữ liệu %s quá lớn (%lld byte, giới hạn %zu byte).", path, (long long)st.st_size,
                      lim->max_file_bytes);
    return RS_ELIMIT;
  }
  size_t cap = 65536, len = 0;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    return RS_ENOMEM;
  }
  for (;;) {
    if (len == cap) {
      if (cap > lim->max_file_bytes) {
        free(buf);
        fclose(f);
        *err = rs_sprintf("Tệp dữ liệu %s quá lớn (giới hạn %zu byte).", path, lim->max_file_bytes);
        return RS_ELIMIT;
      }
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        fclose(f);
        return RS_ENOMEM;
      }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + len, 1, cap - len, f);
    len += r;
    if (r == 0) break;
  }
  int ioerr = ferror(f);
  fclose(f);
  if (ioerr) {
    free(buf);
    *err = rs_sprintf("Lỗi khi đọc tệp dữ liệu %s.", path);
    return RS_EIO;
  }
  if (len > lim->max_file_bytes) {
    free(buf);
    *err = rs_sprintf("Tệp dữ liệu %s quá lớn (giới hạn %zu byte).", path, lim->max_file_bytes);
    return RS_ELIMIT;
  }
  const char *text = buf;
  size_t tlen = len;
  if (tlen >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
    text += 3;
    tlen -= 3;
  }
  char *conv = NULL;
  if (memchr(text, 0, tlen)) {
    free(buf);
    *err = rs_sprintf("Tệp dữ liệu %s không phải văn bản CSV (có byte 0; có thể là UTF-16 hoặc tệp nhị phân). "
                      "Hãy lưu lại dưới dạng \"CSV UTF-8\".",
                      path);
    return RS_EFORMAT;
  }
  if (!valid_utf8(text, tlen)) {
    size_t clen = 0;
    if (!rs_legacy_decode_bytes(text, tlen, &conv, &clen)) {
      free(buf);
      *err = rs_sprintf("Tệp dữ liệu %s không được mã hóa UTF-8. Hãy mở bằng Excel và lưu lại dưới dạng "
                        "\"CSV UTF-8 (Comma delimited)\".",
                        path);
      return RS_EFORMAT;
    }
    text = conv;
    tlen = clen;
  }
  /* nothing but white space */
  size_t k = 0;
  while (k < tlen && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n' ||
                      text[k] == ',' || text[k] == ';'))
    k++;
  if (k == tlen) {
    free(buf);
    free(conv);
    *err = rs_sprintf("Tệp dữ liệu %s trống: cần một dòng tiêu đề và các dòng số liệu.", path);
    return RS_EFORMAT;
  }

  rs_table *t = calloc(1, sizeof *t);
  csv_ctx c = {0};
  struct csv_parser p;
  int rc = 0;
  if (!t || csv_init(&p, CSV_APPEND_NULL) != 0) {
    free(t);
    free(buf);
    free(conv);
    return RS_ENOMEM;
  }
  c.t = t;
  c.lim = lim;
  csv_set_delim(&p, detect_delim(text, tlen));
  if (csv_parse(&p, text, tlen, on_field, on_row, &c) != tlen) rc = RS_EFORMAT;
  if (!rc) csv_fini(&p, on_field, on_row, &c);
  csv_free(&p);
  drop_cells(&c);
  free(c.cells);
  free(buf);
  free(conv);
  if (!rc && c.err) rc = c.err;
  if (!rc && !c.have_header) rc = RS_EFORMAT;
  if (rc) {
    if (rc == RS_ELIMIT)
      *err = rs_sprintf("Tệp dữ liệu %s có quá nhiều dòng (giới hạn %zu).", path, lim->max_paragraphs);
    else if (rc == RS_EFORMAT)
      *err = rs_sprintf("Không đọc được tệp CSV %s: cấu trúc không hợp lệ. Hãy lưu lại dưới dạng \"CSV UTF-8\".",
                        path);
    else
      *err = rs_strdup("Không đủ bộ nhớ để đọc tệp dữ liệu.");
    rs_table_free(t);
    return rc;
  }
  t->path = rs_strdup(path);
  t->name = base_name(path);
  if (!t->path || !t->name) {
    rs_table_free(t);
    return RS_ENOMEM;
  }
  *out = t;
  return 0;
}
