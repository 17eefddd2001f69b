/* Readers: one per input format. Each turns a file into an rs_doc of NFC
 * paragraphs with their source map. On failure they return a negative RS_E*
 * code and a Vietnamese message in *err (malloc'd) that names the problem and
 * says what to do; *out is then NULL. A reader never writes to its input. */
#ifndef RS_READERS_H
#define RS_READERS_H

#include "rasoat.h"

typedef enum {
  RS_TXT_AUTO = 0,  /* detect hard-wrapped text and reflow it */
  RS_TXT_LINES = 1, /* every non-empty line is one paragraph (rule examples) */
} rs_txt_mode;

/* .txt: UTF-8 (BOM optional), UTF-16 with BOM; invalid UTF-8 decoded as
 * U+FFFD with one encoding/invalid-utf8 diagnostic per bad sequence (capped);
 * binary input fails. */
int rs_read_txt(const char *path, const rs_limits *lim, rs_doc **out, char **err);
int rs_read_txt_buffer(const char *path, const char *bytes, size_t n, rs_txt_mode mode,
                       const rs_limits *lim, rs_doc **out, char **err);

int rs_read_docx(const char *path, const rs_limits *lim, rs_doc **out, char **err);
int rs_read_odt(const char *path, const rs_limits *lim, rs_doc **out, char **err);
int rs_read_html(const char *path, const rs_limits *lim, rs_doc **out, char **err);

/* Pick the reader from the extension (.txt .docx .odt .html .htm); returns
 * NULL for an unsupported extension. */
typedef int (*rs_reader_fn)(const char *path, const rs_limits *lim, rs_doc **out, char **err);
rs_reader_fn rs_reader_for(const char *path, const char **format);

/* 1 for an archive (.zip, .rar, .7z): listed as a submission to unpack. */
int rs_is_archive(const char *path);

/* A file its reader refused as malformed (RS_EFORMAT) may carry the wrong
 * extension: a .docx saved as .odt or .txt, a PDF renamed .docx. By its
 * first bytes: a ZIP package is read with the other package reader (0, the
 * document in *out, its format in *actual); a PDF or an RTF file gets a
 * message saying what it is (*err replaced, RS_EFORMAT). Otherwise
 * RS_EFORMAT and *err untouched. */
int rs_read_by_content(const char *path, const char *format, const rs_limits *lim, rs_doc **out, char **err,
                       const char **actual);

/* Build the section tree and the header/closing blocks (model.c). Called by
 * the engine after reading, before fact extraction. */
int rs_model_build(rs_doc *d);

/* Extract facts (facts*.c). Called once per document after rs_model_build. */
int rs_facts_extract(rs_doc *d);

#endif
