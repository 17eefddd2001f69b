/* What a run produces, and the output formats that print it. */
#ifndef RS_REPORT_H
#define RS_REPORT_H

#include "rasoat.h"

#include <stdio.h>

typedef enum { RS_FILE_CHECKED = 0, RS_FILE_FAILED = 1 } rs_file_status;

typedef struct rs_file_result {
  char *path;
  const char *format;     /* "txt", "docx", ... or "unknown" */
  rs_file_status status;
  char *error;            /* Vietnamese message when failed */
  rs_diags diags;         /* sorted */
  rs_doc *doc;            /* kept for formats that show text (html), else NULL */
  /* for the bulk summary (from the "report" fact and the findings) */
  char *commune;          /* issuing body, else the file name */
  char *kind;             /* report type and topic ("Báo cáo CCHC") */
  char *period;           /* "6 tháng đầu năm 2023" */
  char *report_date;      /* dd/mm/yyyy from the header, or NULL */
  const char *profile;    /* profile used (static, owned by the engine) */
  char *missing;          /* missing sections, "; "-separated, or NULL */
  size_t nmissing;
  int late;               /* 1 late, 0 on time, -1 unknown */
  /* findings by severity, kept when a streamed run frees the findings */
  size_t nerrors, nwarnings, ninfos;
  int rule_failed;        /* an engine/rule-* finding was made */
  int not_found;          /* failed: listed in the manifest, not among the inputs */
} rs_file_result;

/* Count fr's findings into nerrors/nwarnings/ninfos/rule_failed. */
void rs_file_result_count(rs_file_result *fr);

/* Metadata of a loaded rule, for SARIF rules, explain, docs. */
typedef struct rs_rule_info {
  char *id;               /* pack/name */
  char *description;
  char *basis;
  rs_severity severity;   /* effective (after the profile) */
  rs_severity default_severity;
  char *path;             /* plugin file */
  char **valid;           /* examples (NULL-terminated arrays) */
  char **invalid;
} rs_rule_info;

typedef struct rs_report {
  rs_file_result *files;
  size_t nfiles;
  const rs_rule_info *rules;
  size_t nrules;
  int interrupted;
} rs_report;

typedef struct rs_summary_counts {
  size_t files, checked, failed, errors, warnings, infos;
} rs_summary_counts;
void rs_report_counts(const rs_report *r, rs_summary_counts *c);

typedef struct rs_out_opts {
  int color;              /* text: ANSI colours */
  const char *fail_on;
} rs_out_opts;

int rs_out_text(FILE *f, const rs_report *r, const rs_out_opts *o);
int rs_out_json(FILE *f, const rs_report *r, const rs_out_opts *o);
/* one file object per line (the "files" element of the json format) */
int rs_out_jsonl_file(FILE *f, const rs_file_result *fr);
/* The json format written as the files come (what rs_out_json does in one
 * go): begin, each file in order, then end with the report (its counts and
 * interrupted flag only; files' findings may be freed by then). end frees
 * the stream. */
typedef struct rs_json_stream rs_json_stream;
rs_json_stream *rs_out_json_begin(FILE *f);
int rs_out_json_file(rs_json_stream *s, const rs_file_result *fr);
int rs_out_json_end(rs_json_stream *s, const rs_report *r);
int rs_out_sarif(FILE *f, const rs_report *r, const rs_out_opts *o);
/* The sarif format written as the files come, with memory that does not
 * grow with their number (artifacts and results are spooled to temporary
 * files): begin with the engine's rules, each file in order, then end with
 * the report (its rules and interrupted flag only; files' findings may be
 * freed by then). end writes the document and frees the stream. */
typedef struct rs_sarif_stream rs_sarif_stream;
rs_sarif_stream *rs_out_sarif_begin(FILE *f, const rs_rule_info *rules, size_t nrules);
int rs_out_sarif_file(rs_sarif_stream *s, const rs_file_result *fr);
int rs_out_sarif_end(rs_sarif_stream *s, const rs_report *r);
int rs_out_junit(FILE *f, const rs_report *r, const rs_out_opts *o);
int rs_out_csv(FILE *f, const rs_report *r, const rs_out_opts *o);
int rs_out_html(FILE *f, const rs_report *r, const rs_out_opts *o);
/* The per-submission summary of a bulk run: one row per file. links[i] is
 * the relative path of file i's own HTML report (html summary), or NULL. */
int rs_out_summary_csv(FILE *f, const rs_report *r);
/* The same rows as an Excel workbook (header frozen, filter on), written to
 * path: Excel opens a comma CSV in one column where Windows' list separator
 * is ";" (as in Vietnamese). 0, or -1 when it could not be written. */
int rs_out_summary_xlsx(const char *path, const rs_report *r);
int rs_out_summary_html(FILE *f, const rs_report *r, char *const *links);

#endif
