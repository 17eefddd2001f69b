/* rasoat — public types of the checker core.
 *
 * Ownership: every pointer inside an rs_doc is owned by the document and freed
 * by rs_doc_free(). Strings are NUL-terminated UTF-8 (NFC for paragraph text).
 * Functions return 0 on success or a negative RS_E* code, outputs first.
 */
#ifndef RASOAT_H
#define RASOAT_H

#include <stddef.h>
#include <stdint.h>

#define RS_VERSION "0.1.0"

enum {
  RS_OK = 0,
  RS_ENOMEM = -1,
  RS_EIO = -2,      /* cannot read the file */
  RS_EFORMAT = -3,  /* not a supported or well-formed file */
  RS_ELIMIT = -4,   /* a size, depth, ratio or count limit was hit */
  RS_EUSAGE = -5,
};

typedef enum {
  RS_SEV_OFF = 0,
  RS_SEV_INFO = 1,
  RS_SEV_WARNING = 2,
  RS_SEV_ERROR = 3,
} rs_severity;

const char *rs_severity_name(rs_severity s);      /* "info", "warning", "error", "off" */
int rs_severity_parse(const char *s, rs_severity *out); /* 0 or -1 */

/* ---- limits (DESIGN.md "Limits and defaults") ---- */
typedef struct rs_limits {
  size_t max_file_bytes;         /* 64 MiB */
  size_t max_total_inflated;     /* 256 MiB, all zip entries of one input */
  unsigned max_ratio;            /* 100 (inflated : compressed) */
  int max_xml_depth;             /* 256 */
  size_t max_paragraphs;         /* 1,000,000 */
} rs_limits;

void rs_limits_default(rs_limits *l);

/* ---- source positions ----
 * A paragraph's text maps back to its source through segments: code point
 * number `cp` (0-based, in the NFC paragraph text) and the code points that
 * follow it, up to the next segment, are at source (line, col + k).
 * Lines and columns are 1-based, columns count code points.
 * For .txt, `line` is the line of the original file. For .docx/.odt/.html,
 * `line` is the paragraph number in document order and `col` the code point. */
typedef struct rs_seg {
  uint32_t cp;
  uint32_t line;
  uint32_t col;
} rs_seg;

/* A run of uniform character formatting, resolved (direct formatting, styles,
 * defaults, theme). Unknown values: font NULL, size_pt 0, bold/italic -1. */
typedef struct rs_run {
  uint32_t start, end; /* byte range in the paragraph text, end exclusive */
  char *font;
  double size_pt;
  int bold;
  int italic;
} rs_run;

typedef enum {
  RS_PART_BODY = 0,
  RS_PART_HEADER = 1,   /* page header (docx header*.xml, odt master page) */
  RS_PART_FOOTER = 2,
  RS_PART_FOOTNOTE = 3,
  RS_PART_TOC = 4,      /* a table of contents in the body: docx "toc N" styles or its content
                           control, odt text:table-of-content; no section is taken from it */
} rs_part;

typedef enum {
  RS_ALIGN_UNKNOWN = 0,
  RS_ALIGN_LEFT,
  RS_ALIGN_CENTER,
  RS_ALIGN_RIGHT,
  RS_ALIGN_JUSTIFY,
} rs_align;

typedef struct rs_para {
  char *text;       /* NFC UTF-8, no trailing newline */
  size_t len;       /* bytes */
  uint32_t ncp;     /* code points */
  rs_seg *segs;
  size_t nsegs;
  rs_part part;
  int table, row, cell; /* 1-based; 0 when not inside a table */
  char *label;      /* generated numbering label as displayed ("I.", "1.", "a)"), or NULL */
  char *style;      /* style name/id, or NULL */
  int heading_level;/* 1..6 from the style or <hN>, else 0 */
  rs_align align;
  double indent_first_mm; /* first-line indent; NAN when unknown */
  double space_before_pt, space_after_pt; /* NAN when unknown */
  double line_spacing;    /* multiple of single (1.0, 1.5); NAN when unknown */
  rs_run *runs;
  size_t nruns;
} rs_para;

typedef struct rs_page {
  int known;
  double width_mm, height_mm;
  double top_mm, bottom_mm, left_mm, right_mm;
} rs_page;

/* ---- facts (filled by core/src/facts*.c) ----
 * A fact is a kind, a span in one paragraph and a list of typed values.
 * REF values point to another fact (index into doc->facts); REFLIST values
 * with the same key form one array in Lua. */
typedef enum {
  RS_FV_STR,
  RS_FV_NUM,
  RS_FV_INT,
  RS_FV_BOOL,
  RS_FV_REF,
  RS_FV_REFLIST,
} rs_fval_type;

typedef struct rs_fval {
  const char *key; /* static string */
  rs_fval_type type;
  union {
    char *s;
    double n;
    long long i;
    int b;
    int ref;
  } v;
} rs_fval;

typedef struct rs_fact {
  const char *kind; /* static string: "citation", "date", "number", "percentage", ... */
  int para;         /* 0-based paragraph index */
  uint32_t start, end; /* byte range in the paragraph text, end exclusive */
  rs_fval *vals;
  size_t nvals, cap;
} rs_fact;

/* ---- diagnostics ---- */
typedef struct rs_diag {
  char *rule;       /* pack/name */
  rs_severity severity;
  char *message;    /* Vietnamese */
  char *suggestion; /* or NULL */
  char *excerpt;    /* the text of the span (or of the line), or NULL */
  uint32_t line, col, end_line, end_col; /* end_col one past the last char */
  int para;         /* 1-based paragraph number, 0 when none */
  int table, row, cell;
} rs_diag;

typedef struct rs_diags {
  rs_diag *v;
  size_t n, cap;
} rs_diags;

/* ---- the document model ---- */
typedef struct rs_section rs_section;
struct rs_section {
  int level;        /* 1 part (I.), 2 item (1.), 3 point (a)) */
  int para;         /* 0-based paragraph index of the heading */
  char *marker;     /* as written: "I.", "1.", "a,", "2." */
  char *label;      /* the bare label: "I", "1", "a" */
  int ordinal;      /* 1-based value of the label (I=1, a=1, đ=5...), 0 if unknown */
  char punct;       /* the punctuation after the label: '.', ')', ',', '-' */
  int space_after;  /* 1 when a space follows the marker */
  uint32_t mstart, mend; /* byte range of the marker in the paragraph text */
  char *title;      /* heading text after the marker */
  int parent;       /* index in doc->sections, -1 for top level */
  int end_para;     /* last paragraph (0-based, inclusive) covered by the section */
};

/* Header and closing blocks: paragraph indexes (0-based), -1 when absent. */
typedef struct rs_blocks {
  int agency_parent;  /* superior body line ("UBND HUYỆN PHÙ CỪ"), or -1 */
  int agency;         /* issuing body ("ỦY BAN NHÂN DÂN XÃ ĐÌNH CAO", or "XÃ ĐÌNH CAO" under agency_head) */
  int agency_head;    /* "ỦY BAN NHÂN DÂN" on its own line above the agency's level and name, or -1 */
  int national_title; /* CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
  int motto;          /* Độc lập - Tự do - Hạnh phúc */
  int number;         /* Số: 85/BC-UBND */
  int place_date;     /* Đình Cao, ngày 05 tháng 01 năm 2023 */
  int doc_type;       /* BÁO CÁO */
  int summary;        /* the trích yếu under the type name, or the title line */
  int body_start;     /* first paragraph of the content */
  int closing;        /* "Trên đây là ..." / the paragraph holding "./." */
  int sig_authority;  /* TM./KT./Q./TL./TUQ. line */
  int sig_title;      /* CHỦ TỊCH */
  int sig_name;       /* signer's name */
  int recipients;     /* "Nơi nhận:" */
  int recipients_end; /* last recipient line */
  int kinh_gui;       /* "Kính gửi:" */
} rs_blocks;

typedef struct rs_doc {
  char *path;
  const char *format;  /* "txt", "docx", "odt", "html" */
  rs_para *paras;
  size_t npara, cappara;
  rs_page page;
  rs_section *sections;
  size_t nsections;
  rs_blocks blocks;
  rs_fact *facts;
  size_t nfacts, capfacts;
  rs_diags diags;      /* findings made while reading (encoding/..., engine/...) */
  int reflowed;        /* 1 when hard-wrapped text was reflowed */
  const char *encoding;/* "utf-8", "utf-16le", "tcvn3", ... */
  int tracked_changes; /* docx: the draft holds tracked changes */
  size_t images;       /* pictures in the body (a scan pasted as images has no text) */
  int facts_capped;    /* more than RS_MAX_FACTS facts: extraction stopped */
  int prepared;        /* model and facts built (rs_prepare_file) */
  double prep_cpu;     /* CPU seconds that took (RASOAT_PROFILE) */
} rs_doc;

/* Facts kept per document: a bound on memory and time for hostile input
 * (a normal report has a few hundred). */
#define RS_MAX_FACTS 200000

#endif
