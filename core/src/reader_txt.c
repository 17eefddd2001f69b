/* .txt reader: decoding (UTF-8 with or without BOM, UTF-16 with BOM), line
 * splitting (LF, CRLF, CR), binary detection, then paragraphs via reflow.c.
 *
 * Columns count the code points of the original file: a bad UTF-8 sequence
 * (a maximal ill-formed subpart, as in Unicode ch. 3 "U+FFFD substitution")
 * becomes one U+FFFD and counts as one column; a UTF-16 surrogate pair is one
 * column; a BOM is not a column. */
#include "doc.h"
#include "legacy.h"
#include "readers.h"
#include "reflow.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RS_TXT_MAX_BAD_DIAGS 100

typedef struct lspan {
  size_t off, len;
  uint32_t lineno;
} lspan;

typedef struct dec {
  char *u;
  size_t len, cap;
  lspan *lines;
  size_t nlines, caplines;
  size_t line_start;
  uint32_t lineno, col;
  int pending_cr;
  int oom;
  rs_doc *d;
  const char *rule;     /* encoding/invalid-utf8 or encoding/invalid-utf16 */
  size_t nbad;
  uint32_t omit_line, omit_col; /* first bad sequence without its own diagnostic */
} dec;

static int dec_put(dec *x, const char *s, size_t n) {
  if (x->len + n + 1 > x->cap) {
    size_t nc = x->cap ? x->cap : 4096;
    while (nc < x->len + n + 1) nc *= 2;
    char *nu = realloc(x->u, nc);
    if (!nu) {
      x->oom = 1;
      return -1;
    }
    x->u = nu;
    x->cap = nc;
  }
  memcpy(x->u + x->len, s, n);
  x->len += n;
  x->u[x->len] = 0;
  return 0;
}

static void end_line(dec *x) {
  if (x->nlines == x->caplines) {
    size_t nc = x->caplines ? x->caplines * 2 : 256;
    lspan *nl = realloc(x->lines, nc * sizeof *nl);
    if (!nl) {
      x->oom = 1;
      return;
    }
    x->lines = nl;
    x->caplines = nc;
  }
  x->lines[x->nlines].off = x->line_start;
  x->lines[x->nlines].len = x->len - x->line_start;
  x->lines[x->nlines].lineno = x->lineno;
  x->nlines++;
  x->lineno++;
  x->col = 1;
  x->line_start = x->len;
}

static void emit(dec *x, int32_t cp) {
  if (cp == '\r') {
    end_line(x);
    x->pending_cr = 1;
    return;
  }
  if (cp == '\n') {
    if (x->pending_cr) x->pending_cr = 0;
    else end_line(x);
    return;
  }
  x->pending_cr = 0;
  char buf[4];
  int l = rs_utf8_encode(cp, buf);
  dec_put(x, buf, (size_t)l);
  x->col++;
}

/* One bad sequence: U+FFFD and (up to the cap) a diagnostic at its place. */
static void bad(dec *x, const unsigned char *b, size_t k, int utf16) {
  x->pending_cr = 0;
  x->nbad++;
  if (x->nbad <= RS_TXT_MAX_BAD_DIAGS) {
    char hex[64];
    size_t h = 0;
    for (size_t i = 0; i < k && i < 4; i++)
      h += (size_t)snprintf(hex + h, sizeof hex - h, i ? " 0x%02X" : "0x%02X", b[i]);
    rs_diag *g;
    if (utf16)
      g = rs_diags_add(&x->d->diags, x->rule, RS_SEV_ERROR,
                       "Đơn vị mã UTF-16 không hợp lệ (%s) — tệp có thể bị hỏng; hãy lưu lại tệp dưới dạng UTF-8",
                       hex);
    else
      g = rs_diags_add(&x->d->diags, x->rule, RS_SEV_ERROR,
                       "Byte không hợp lệ trong UTF-8 (%s) — tệp có thể bị lỗi mã hóa; hãy lưu lại tệp "
                       "dưới dạng UTF-8",
                       hex);
    if (g) {
      g->line = g->end_line = x->lineno;
      g->col = x->col;
      g->end_col = x->col + 1;
    } else {
      x->oom = 1;
    }
  } else if (x->nbad == RS_TXT_MAX_BAD_DIAGS + 1) {
    x->omit_line = x->lineno;
    x->omit_col = x->col;
  }
  emit(x, 0xFFFD);
}

/* The length of the well-formed (shortest form, no surrogate, at most
 * U+10FFFF) UTF-8 sequence at s[0] >= 0x80, or 0; *k: how many of its bytes
 * are well-formed (the maximal subpart) when it is not. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *k) {
  unsigned c = s[0];
  size_t need;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c == 0xE0) { need = 3; lo = 0xA0; }
  else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 3;
  else if (c == 0xED) { need = 3; hi = 0x9F; }
  else if (c == 0xF0) { need = 4; lo = 0x90; }
  else if (c >= 0xF1 && c <= 0xF3) need = 4;
  else if (c == 0xF4) { need = 4; hi = 0x8F; }
  else {
    *k = 1;
    return 0;
  }
  size_t j = 1;
  while (j < need && j < n) {
    unsigned t = s[j];
    unsigned l2 = j == 1 ? lo : 0x80, h2 = j == 1 ? hi : 0xBF;
    if (t < l2 || t > h2) break;
    j++;
  }
  *k = j;
  return j < need ? 0 : need;
}

/* utf8_seq with the two- and three-byte forms of Vietnamese text first */
static inline size_t utf8_seq_fast(const unsigned char *s, size_t n, size_t *k) {
  unsigned c = s[0];
  if (c >= 0xE1 && c <= 0xEC && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) return 3;
  if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) return 2;
  return utf8_seq(s, n, k);
}

/* UTF-8 (the sequences rs_utf8_decode accepts), bad sequences replaced by
 * maximal subparts. */
static int valid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0, k;
  while (i < n) {
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    size_t l = utf8_seq_fast(s + i, n - i, &k);
    if (!l) return 0;
    i += l;
  }
  return 1;
}

static void decode_utf8(dec *x, const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n && !x->oom) {
    unsigned c = s[i];
    if (c < 0x80) {
      if (c == '\r' || c == '\n') {
        emit(x, (int32_t)c);
        i++;
        continue;
      }
    }
    size_t k;
    if (c >= 0x80 && !utf8_seq_fast(s + i, n - i, &k)) {
      bad(x, s + i, k, 0);
      i += k;
      continue;
    }
    /* a run of code points other than CR and LF, all well-formed: what emit
     * does for each, at once (decoding a valid shortest-form sequence and
     * encoding it again gives the same bytes) */
    size_t j = i;
    uint32_t ncp = 0;
    while (j < n) {
      unsigned b = s[j];
      if (b < 0x80) {
        if (b == '\r' || b == '\n') break;
        j++;
      } else {
        size_t l = utf8_seq_fast(s + j, n - j, &k);
        if (!l) break;
        j += l;
      }
      ncp++;
    }
    x->pending_cr = 0;
    dec_put(x, (const char *)s + i, j - i);
    x->col += ncp;
    i = j;
  }
}

static void decode_utf16(dec *x, const unsigned char *s, size_t n, int be) {
  size_t i = 0;
  while (i + 1 < n && !x->oom) {
    unsigned u = be ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
      unsigned v = be ? (unsigned)(s[i + 2] << 8 | s[i + 3]) : (unsigned)(s[i + 3] << 8 | s[i + 2]);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        emit(x, (int32_t)(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00)));
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      unsigned char b[2] = {(unsigned char)(u >> 8), (unsigned char)(u & 0xFF)};
      bad(x, b, 2, 1);
    } else {
      emit(x, (int32_t)u);
    }
    i += 2;
  }
  if (i < n && !x->oom) bad(x, s + i, 1, 1); /* odd trailing byte */
}

#define TXT_ONES UINT64_C(0x0101010101010101)
#define TXT_HIGHS UINT64_C(0x8080808080808080)

static int is_ctrl(unsigned c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F; }

/* Binary input: NUL, or more than 10% control characters. */
static char *binary_check(const unsigned char *s, size_t n, int utf16, int be) {
  size_t ctrl = 0, nul = 0, nul_even = 0, first_nul = 0, units = 0;
  if (utf16) {
    for (size_t i = 0; i + 1 < n; i += 2, units++) {
      unsigned u = be ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
      if (u == 0 && nul++ == 0) first_nul = i;
      if (u < 0x80 && is_ctrl(u)) ctrl++;
    }
  } else {
    units = n;
    for (size_t i = 0; i < n;) {
      /* eight bytes with none below 0x20 and no 0x7F (most of a text) hold
       * no NUL and no control character: skipped at once. The two tests
       * are exact for "some byte": the lowest such byte always sets its
       * high bit, and nothing does when there is none. */
      size_t m = n - i < 8 ? n - i : 8;
      if (m == 8) {
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        y = x ^ (TXT_ONES * 0x7F);
        if (!((((x - TXT_ONES * 0x20) & ~x) | ((y - TXT_ONES) & ~y)) & TXT_HIGHS)) {
          i += 8;
          continue;
        }
      }
      for (size_t e = i + m; i < e; i++) {
        if (s[i] == 0) {
          if (nul++ == 0) first_nul = i;
          if (i % 2 == 0) nul_even++;
        }
        if (s[i] < 0x20 || s[i] == 0x7F) ctrl += (size_t)is_ctrl(s[i]);
      }
    }
  }
  if (nul) {
    if (!utf16 && nul * 4 >= n && (nul_even * 10 >= nul * 9 || nul_even * 10 <= nul))
      return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): có %zu byte NUL, có thể là UTF-16 không có "
                        "BOM; hãy lưu lại tệp dưới dạng UTF-8",
                        nul);
    return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): có byte NUL ở vị trí %zu; hãy kiểm tra lại tệp "
                      "hoặc lưu lại dưới dạng văn bản thuần UTF-8",
                      first_nul);
  }
  if (units > 0 && ctrl * 10 > units)
    return rs_sprintf("tệp nhị phân, không phải văn bản (.txt): %zu%% số ký tự là ký tự điều khiển; hãy kiểm "
                      "tra lại tệp hoặc lưu lại dưới dạng văn bản thuần UTF-8",
                      ctrl * 100 / units);
  return NULL;
}

static char *limit_msg(size_t n, size_t max) {
  return rs_sprintf("tệp quá lớn (%zu byte, giới hạn %zu byte); hãy tách tệp hoặc tăng giới hạn", n, max);
}

/* Find the paragraph and byte offset holding source (line, col). */
static int find_pos(const rs_doc *d, size_t *pi, uint32_t line, uint32_t col, uint32_t *off) {
  for (size_t p = *pi; p < d->npara; p++) {
    const rs_para *pa = &d->paras[p];
    if (pa->nsegs == 0) continue;
    const rs_seg *first = &pa->segs[0];
    if (first->line > line) return 0; /* past it: the position was dropped (white space) */
    for (size_t k = 0; k < pa->nsegs; k++) {
      const rs_seg *sg = &pa->segs[k];
      uint32_t endcp = k + 1 < pa->nsegs ? pa->segs[k + 1].cp : pa->ncp;
      if (sg->line == line && col >= sg->col && col < sg->col + (endcp - sg->cp)) {
        uint32_t cp = sg->cp + (col - sg->col), c = 0;
        size_t b = 0;
        while (b < pa->len && c < cp) {
          b++;
          while (b < pa->len && ((unsigned char)pa->text[b] & 0xC0) == 0x80) b++;
          c++;
        }
        *pi = p;
        *off = (uint32_t)b;
        return 1;
      }
    }
  }
  return 0;
}

/* Tie reading diagnostics to their paragraph, with some context as excerpt. */
static void locate_diags(rs_doc *d) {
  size_t pi = 0;
  for (size_t i = 0; i < d->diags.n; i++) {
    rs_diag *g = &d->diags.v[i];
    uint32_t off;
    size_t p = pi;
    if (!find_pos(d, &p, g->line, g->col, &off)) continue;
    pi = p;
    const rs_para *pa = &d->paras[p];
    uint32_t end = off + 1;
    while (end < pa->len && ((unsigned char)pa->text[end] & 0xC0) == 0x80) end++;
    uint32_t line = g->line, col = g->col;
    rs_diag_locate(g, d, (int)p, off, end);
    g->line = g->end_line = line; /* keep the exact place even if NFC merged it */
    g->col = col;
    g->end_col = col + 1;
    /* excerpt: up to 20 code points each side */
    size_t a = off, z = end;
    for (int k = 0; k < 20 && a > 0; k++) {
      a--;
      while (a > 0 && ((unsigned char)pa->text[a] & 0xC0) == 0x80) a--;
    }
    for (int k = 0; k < 20 && z < pa->len; k++) {
      z++;
      while (z < pa->len && ((unsigned char)pa->text[z] & 0xC0) == 0x80) z++;
    }
    char *ex = rs_strndup(pa->text + a, z - a);
    if (ex) {
      free(g->excerpt);
      g->excerpt = ex;
    }
  }
}

int rs_read_txt_buffer(const char *path, const char *bytes, size_t n, rs_txt_mode mode, const rs_limits *lim,
                       rs_doc **out, char **err) {
  rs_limits deflim;
  if (!lim) {
    rs_limits_default(&deflim);
    lim = &deflim;
  }
  *out = NULL;
  if (err) *err = NULL;
  if (n > lim->max_file_bytes) {
    if (err) *err = limit_msg(n, lim->max_file_bytes);
    return RS_ELIMIT;
  }
  const unsigned char *s = (const unsigned char *)bytes;
  const char *encoding = "utf-8";
  int utf16 = 0, be = 0;
  size_t skip = 0;
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    skip = 3;
  } else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    skip = 2;
    utf16 = 1;
    encoding = "utf-16le";
  } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    skip = 2;
    utf16 = be = 1;
    encoding = "utf-16be";
  }
  char *msg = binary_check(s + skip, n - skip, utf16, be);
  if (msg) {
    if (err) *err = msg;
    else free(msg);
    return RS_EFORMAT;
  }
  /* bytes that are not UTF-8 may be a legacy Vietnamese encoding (TCVN3,
   * VNI, Windows-1258): convert them and say so once */
  char *legacy = NULL;
  size_t legacy_len = 0;
  const char *legacy_name = NULL;
  if (!utf16 && !valid_utf8(s + skip, n - skip)) {
    legacy_name = rs_legacy_decode_bytes((const char *)s + skip, n - skip, &legacy, &legacy_len);
    if (legacy_name) {
      s = (const unsigned char *)legacy;
      n = legacy_len;
      skip = 0;
      encoding = legacy_name;
    }
  }
  rs_doc *d = rs_doc_new(path, "txt");
  if (!d) {
    free(legacy);
    goto oom;
  }
  d->encoding = encoding;
  if (legacy_name) {
    char rule[64];
    snprintf(rule, sizeof rule, "encoding/legacy-%s", legacy_name);
    rs_diag *g = rs_diags_add(&d->diags, rule, RS_SEV_WARNING,
                              "Tệp dùng bảng mã cũ %s, không phải Unicode: nội dung đã được chuyển sang Unicode "
                              "để kiểm tra. Hãy chuyển mã và lưu lại tệp bằng bảng mã Unicode theo TCVN "
                              "6909:2001 (UTF-8)",
                              !strcmp(legacy_name, "tcvn3")  ? "TCVN3 (ABC, phông chữ .VnTime)"
                              : !strcmp(legacy_name, "vni") ? "VNI (phông chữ VNI-Times)"
                                                            : "Windows-1258");
    if (g) g->end_col = 2;
  }
  dec x;
  memset(&x, 0, sizeof x);
  x.lineno = 1;
  x.col = 1;
  x.d = d;
  x.rule = utf16 ? "encoding/invalid-utf16" : "encoding/invalid-utf8";
  if (utf16) decode_utf16(&x, s + skip, n - skip, be);
  else decode_utf8(&x, s + skip, n - skip);
  if (!x.oom && x.len > x.line_start) end_line(&x); /* last line without a terminator */
  if (!x.oom && x.nbad > RS_TXT_MAX_BAD_DIAGS) {
    size_t more = x.nbad - RS_TXT_MAX_BAD_DIAGS;
    rs_diag *g = rs_diags_add(&d->diags, x.rule, RS_SEV_ERROR,
                              "Còn %zu chỗ mã hóa không hợp lệ khác trong tệp không được liệt kê (chỉ báo %d chỗ "
                              "đầu) — hãy lưu lại tệp dưới dạng UTF-8",
                              more, RS_TXT_MAX_BAD_DIAGS);
    if (g) {
      g->line = g->end_line = x.omit_line;
      g->col = x.omit_col;
      g->end_col = x.omit_col + 1;
    } else {
      x.oom = 1;
    }
  }
  if (x.oom) {
    free(x.u);
    free(x.lines);
    rs_doc_free(d);
    goto oom;
  }
  rs_line *lines = x.nlines ? malloc(x.nlines * sizeof *lines) : NULL;
  if (x.nlines && !lines) {
    free(x.u);
    free(x.lines);
    rs_doc_free(d);
    goto oom;
  }
  for (size_t i = 0; i < x.nlines; i++) {
    lines[i].s = x.u + x.lines[i].off;
    lines[i].len = x.lines[i].len;
    lines[i].lineno = x.lines[i].lineno;
  }
  int rc = rs_reflow_build(d, lines, x.nlines, mode, lim->max_paragraphs);
  free(lines);
  free(legacy);
  free(x.u);
  free(x.lines);
  if (rc == RS_ELIMIT) {
    if (err)
      *err = rs_sprintf("văn bản có quá nhiều đoạn (giới hạn %zu đoạn); hãy tách tệp hoặc tăng giới hạn",
                        lim->max_paragraphs);
    rs_doc_free(d);
    return RS_ELIMIT;
  }
  if (rc) {
    rs_doc_free(d);
    goto oom;
  }
  locate_diags(d);
  *out = d;
  return 0;
oom:
  if (err) *err = rs_strdup("không đủ bộ nhớ để đọc tệp");
  return RS_ENOMEM;
}


int rs_read_txt(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  rs_limits deflim;
  if (!lim) {
    rs_limits_default(&deflim);
    lim = &deflim;
  }
  *out = NULL;
  if (err) *err = NULL;
  FILE *f = rs_fopen_input(path);
  if (!f) {
    if (err) *err = rs_sprintf("không đọc được tệp: %s", rs_strerror_vi(errno));
    return RS_EIO;
  }
  struct stat st;
  memset(&st, 0, sizeof st);
  if (fstat(fileno(f), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      fclose(f);
      if (err) *err = rs_sprintf("không đọc được tệp: %s", rs_strerror_vi(EISDIR));
      return RS_EIO;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > (unsigned long long)lim->max_file_bytes) {
      fclose(f);
      if (err) *err = limit_msg((size_t)st.st_size, lim->max_file_bytes);
      return RS_ELIMIT;
    }
  }
  size_t cap = 65536, len = 0;
  if (S_ISREG(st.st_mode) && st.st_size > 0) cap = (size_t)st.st_size + 1;
  char *buf = malloc(cap);
  if (!buf) {
    fclose(f);
    if (err) *err = rs_strdup("không đủ bộ nhớ để đọc tệp");
    return RS_ENOMEM;
  }
  for (;;) {
    if (len == cap) {
      if (len > lim->max_file_bytes) break;
      size_t nc = cap * 2;
      char *nb = realloc(buf, nc);
      if (!nb) {
        free(buf);
        fclose(f);
        if (err) *err = rs_strdup("không đủ bộ nhớ để đọc tệp");
        return RS_ENOMEM;
      }
      buf = nb;
      cap = nc;
    }
    size_t r = fread(buf + len, 1, cap - len, f);
    len += r;
    if (r == 0) break;
  }
  int rerr = ferror(f) ? errno : 0;
  fclose(f);
  if (rerr) {
    free(buf);
    if (err) *err = rs_sprintf("không đọc được tệp: %s", rs_strerror_vi(rerr));
    return RS_EIO;
  }
  if (len > lim->max_file_bytes) {
    free(buf);
    if (err) *err = limit_msg(len, lim->max_file_bytes);
    return RS_ELIMIT;
  }
  int rc = rs_read_txt_buffer(path, buf, len, RS_TXT_AUTO, lim, out, err);
  free(buf);
  return rc;
}
