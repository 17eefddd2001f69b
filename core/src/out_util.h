/* Helpers shared by the report formats (sarif, junit, csv, html): rule
 * lookup, pack names, totals, fingerprints, URIs and mapping a finding's
 * source span back into its paragraph. Internal to the core. */
#ifndef RS_OUT_UTIL_H
#define RS_OUT_UTIL_H

#include "report.h"

#include <stddef.h>
#include <stdint.h>

/* Totals over a report, counted from the diagnostics themselves. */
typedef struct out_totals {
  size_t files, checked, failed, errors, warnings, infos, findings;
} out_totals;

void out_count(const rs_report *r, out_totals *t);

/* The pack of a rule id ("arithmetic/percent" -> "arithmetic"), written to
 * buf (always NUL-terminated). */
void out_rule_pack(const char *rule, char *buf, size_t size);

/* Vietnamese name of a pack ("citation" -> "Trích dẫn văn bản"); the pack
 * itself when unknown. */
const char *out_pack_label(const char *pack);

/* Vietnamese name of a severity: "lỗi", "cảnh báo", "thông tin". */
const char *out_severity_label(rs_severity s);

/* The loaded rule with this id, or NULL. */
const rs_rule_info *out_find_rule(const rs_report *r, const char *id);

/* 64-bit FNV-1a over bytes, chained through h (start with OUT_FNV_INIT). */
#define OUT_FNV_INIT 0xcbf29ce484222325ULL
uint64_t out_fnv1a(uint64_t h, const void *data, size_t n);

/* The excerpt with runs of white space collapsed to one space and trimmed,
 * as a new string (NULL only when out of memory; "" for NULL input). */
char *out_normalize_space(const char *s);

/* A stable fingerprint for every finding of a file, written as 32 hex
 * digits into fps[i] (fps has fr->diags.n elements of 33 bytes): a hash of
 * the rule, the path, the normalized excerpt (the message when there is no
 * excerpt) and how many earlier findings of the same rule had the same
 * excerpt. Line numbers play no part, so edits elsewhere keep it. */
int out_fingerprints(const rs_file_result *fr, char (*fps)[33]);

/* A relative URI reference for a path (RFC 3986): '\\' becomes '/',
 * unreserved characters and '/' kept, everything else percent-encoded
 * (UTF-8 bytes). Absolute paths become file:// URIs. New string or NULL. */
char *out_path_uri(const char *path);

/* Where a finding lies in the text: the paragraph (0-based *para: the
 * finding's own, or when it names none the first paragraph holding its
 * start) and the byte range [*start, *end) of that paragraph's text
 * covering source positions (line, col) up to (end_line, end_col).
 * Returns 0, or -1 when the finding is about the whole document or its
 * positions fall outside the paragraph. */
int out_diag_span(const rs_doc *d, const rs_diag *g, size_t *para, size_t *start, size_t *end);

/* A copy of s where every invalid UTF-8 sequence is replaced by U+FFFD
 * (NULL input gives ""); NULL only when out of memory. */
char *out_utf8_clean(const char *s);

/* A copy of s fit for XML 1.0 text and attributes: invalid UTF-8 and the
 * characters XML forbids (C0 controls other than tab, LF, CR; U+FFFE,
 * U+FFFF) become U+FFFD. Not escaped. NULL only when out of memory. */
char *out_xml_clean(const char *s);

/* 1 when a finding is about the whole document: no paragraph and the
 * default position 1:1 (rs_diags_add's) or none. */
int out_diag_is_global(const rs_diag *g);

/* Growable string buffer. */
typedef struct out_buf {
  char *s;
  size_t len, cap;
  int oom;
} out_buf;

void out_buf_add(out_buf *b, const char *s, size_t n);
void out_buf_puts(out_buf *b, const char *s);
void out_buf_printf(out_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_buf_free(out_buf *b);

/* One CSV field (RFC 4180, UTF-8 cleaned, formula characters defused),
 * preceded by a comma unless first. */
void out_csv_field(out_buf *b, const char *s, int first);

#endif
