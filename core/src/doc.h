/* Document model: construction helpers shared by every reader and by the
 * fact extractors. Internal to the core. */
#ifndef RS_DOC_H
#define RS_DOC_H

#include "rasoat.h"

#include <stdarg.h>
#include <stdbool.h>

rs_doc *rs_doc_new(const char *path, const char *format);
void rs_doc_free(rs_doc *d);

/* Paragraph builder: collects text and its source map, then NFC-normalizes
 * it (keeping the map) when finished. */
typedef struct rs_pbuild {
  char *buf;
  size_t len, cap;
  /* one source position per code point appended (before NFC) */
  uint32_t *line, *col;
  size_t ncp, capcp;
} rs_pbuild;

void rs_pbuild_init(rs_pbuild *b);
void rs_pbuild_free(rs_pbuild *b);
void rs_pbuild_reset(rs_pbuild *b);
/* Append UTF-8 text (must be valid UTF-8) whose first code point is at
 * source (line, col); following code points advance col by one each. */
int rs_pbuild_append(rs_pbuild *b, const char *s, size_t n, uint32_t line, uint32_t col);
/* Append UTF-8 text where every code point maps to the same position. */
int rs_pbuild_append_at(rs_pbuild *b, const char *s, size_t n, uint32_t line, uint32_t col);

/* Finish the builder into a new paragraph of the document (NFC with the
 * offset map kept). Returns the new paragraph or NULL (out of memory or the
 * paragraph limit hit: check rs_doc_para_limit_hit). The builder is reset. */
rs_para *rs_doc_add_para(rs_doc *d, rs_pbuild *b);

/* Convenience for readers whose locations are (paragraph number, code
 * point): adds a paragraph from UTF-8 text, line = paragraph number
 * (1-based, document order), col = 1 + code point index. */
rs_para *rs_doc_add_para_text(rs_doc *d, const char *s, size_t n);

/* Byte offset in a paragraph -> source position (line, col); a byte offset
 * equal to len maps to one past the last code point. */
void rs_para_pos(const rs_para *p, uint32_t byte_off, uint32_t *line, uint32_t *col);
/* True when NFC cannot change the text: valid UTF-8 whose code points all
 * lie where no character composes, decomposes or reorders (below U+0300,
 * U+1E00..U+1EFF, U+2002..U+20CF). False means "maybe": run the real NFC. */
int rs_nfc_trivial(const char *buf, size_t len);
/* Byte offset -> code point index. */
uint32_t rs_para_cp_index(const rs_para *p, uint32_t byte_off);

/* Diagnostics */
rs_diag *rs_diags_add(rs_diags *ds, const char *rule, rs_severity sev, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Locate a diagnostic at a byte range of a paragraph (fills line/col/end,
 * para, table/row/cell and the excerpt). */
void rs_diag_locate(rs_diag *g, const rs_doc *d, int para, uint32_t start, uint32_t end);
void rs_diag_set_suggestion(rs_diag *g, const char *s);
void rs_diags_free(rs_diags *ds);
void rs_diag_free(rs_diag *g);
/* Sort by (line, col, rule, message) and drop exact duplicates. */
void rs_diags_sort(rs_diags *ds);

/* Facts */
rs_fact *rs_fact_add(rs_doc *d, const char *kind, int para, uint32_t start, uint32_t end);
int rs_fact_str(rs_fact *f, const char *key, const char *s);
int rs_fact_strn(rs_fact *f, const char *key, const char *s, size_t n);
int rs_fact_num(rs_fact *f, const char *key, double n);
int rs_fact_int(rs_fact *f, const char *key, long long i);
int rs_fact_bool(rs_fact *f, const char *key, int b);
int rs_fact_ref(rs_fact *f, const char *key, int fact_index);
int rs_fact_reflist(rs_fact *f, const char *key, int fact_index);
const rs_fval *rs_fact_get(const rs_fact *f, const char *key);

/* utf8proc_map(s, DECOMPOSE | STRIPMARK | CASEFOLD [| STABLE]) with a table
 * fast path for Latin text; the result is malloc'd into *out. */
#include <utf8proc.h>
utf8proc_ssize_t rs_fold_map(const char *s, size_t n, utf8proc_uint8_t **out, int stable);

/* Open an input file for reading without blocking on a FIFO (which then
 * reads as empty); NULL with errno set on failure. Never opens for writing. */
#include <stdio.h>
FILE *rs_fopen_input(const char *path);

/* Small utilities */
/* A Vietnamese description of an errno value (strerror's text for rare ones). */
const char *rs_strerror_vi(int e);
char *rs_strdup(const char *s);
char *rs_strndup(const char *s, size_t n);
char *rs_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of code points in valid UTF-8. */
size_t rs_utf8_count(const char *s, size_t n);
/* Decode one code point at s (n bytes left); returns its length (>=1) and
 * the code point in *cp, or -1 for an invalid sequence (length 1 consumed). */
int rs_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
int rs_utf8_encode(int32_t cp, char out[4]);

#endif
