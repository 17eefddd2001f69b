/* Plain-text lines into paragraphs: either one paragraph per non-blank line,
 * or, for hard-wrapped text (text extracted from a PDF, with a line break
 * at every visual line), paragraphs rebuilt from the wrapped lines.
 * Internal to the core (used by reader_txt.c). */
#ifndef RS_REFLOW_H
#define RS_REFLOW_H

#include "rasoat.h"
#include "readers.h"

/* One line of decoded text: valid UTF-8, no line terminator. Code point k
 * (0-based) of the line is at source column k + 1. */
typedef struct rs_line {
  const char *s;
  size_t len;
  uint32_t lineno; /* 1-based line of the original file */
} rs_line;

/* What rs_reflow_detect found. */
typedef struct rs_reflow_shape {
  int hard_wrapped;   /* 1 when the lines look like wrapped paragraphs */
  unsigned width;     /* W: 90th percentile of non-blank line lengths (code points, trimmed) */
  unsigned nonblank;  /* number of non-blank lines */
  unsigned wrapped;   /* lines that look cut mid-sentence */
  int blank_is_noise; /* 1 when (almost) every line is followed by a blank line:
                         blank lines then do not separate paragraphs */
} rs_reflow_shape;

void rs_reflow_detect(const rs_line *lines, size_t n, rs_reflow_shape *shape);

/* Add the paragraphs of `lines` to d (through rs_doc_add_para, so the text is
 * NFC with its source map). RS_TXT_AUTO reflows hard-wrapped text (and sets
 * d->reflowed); RS_TXT_LINES makes every non-blank line one paragraph.
 * Leading and trailing white space of each line is dropped (columns stay
 * true). Returns 0, RS_ENOMEM, or RS_ELIMIT when the document would get more
 * than max_paragraphs paragraphs (0 = no limit). */
int rs_reflow_build(rs_doc *d, const rs_line *lines, size_t n, rs_txt_mode mode, size_t max_paragraphs);

/* Helpers shared with model.c. */
/* 1 when cp is white space for layout purposes (space, tab, NBSP, ...). */
int rs_is_space_cp(int32_t cp);

/* A numbering marker at the start of a paragraph or line. */
typedef struct rs_marker {
  int level;        /* 1 part ("I."), 2 item ("1."), 3 point ("a)"), 4 bullet ("-", "+") */
  size_t len;       /* bytes of the marker (label + punctuation) */
  size_t label_len; /* bytes of the label ("IV", "12", "đ"); 0 for a bullet */
  int ordinal;      /* value of the label (IV = 4, đ = 5); 0 when unknown or a bullet */
  char punct;       /* '.', ')', ',', '-' after the label; the bullet char for bullets
                       ('-', '+', or '*' for other bullet signs) */
  int space_after;  /* 1 when white space follows the marker */
} rs_marker;

/* Parse a marker at s (no leading white space). Tolerates the wrong markers
 * people type ("a," "a." "a-", "2.Những"), but rejects numbers, dates and
 * amounts ("1.395 hồ sơ", "06 tháng", "15/6/2023", "2026. Cán bộ").
 * Returns 1 and fills *m when s starts with a marker, else 0. */
int rs_marker_parse(const char *s, size_t n, rs_marker *m);

/* Ordinal of a Vietnamese point letter (a=1 ... đ=5, e=6, g=7 ... y=23), 0
 * when cp is not one (f, j, w, z or anything else). */
int rs_viet_letter_ordinal(int32_t cp);

#endif
