/* Data tables given with --data (.csv, .xlsx): a header row and string
 * cells. Dates from .xlsx date cells are written as dd/mm/yyyy so that the
 * same register as .csv or .xlsx reads identically. */
#ifndef RS_TABLE_H
#define RS_TABLE_H

#include "rasoat.h"

typedef struct rs_table {
  char *path;       /* as given (without the #Sheet suffix) */
  char *name;       /* file base name without extension, or the sheet name */
  size_t ncols;
  char **headers;   /* ncols strings, trimmed, NFC */
  size_t nrows;
  char ***rows;     /* nrows arrays of ncols strings ("" for empty cells) */
} rs_table;

/* Reads FILE or FILE#Sheet (.csv or .xlsx). On failure returns a negative
 * RS_E* code and a Vietnamese message in *err. */
int rs_table_read(const char *spec, const rs_limits *lim, rs_table **out, char **err);
int rs_table_read_csv(const char *path, const rs_limits *lim, rs_table **out, char **err);
int rs_table_read_xlsx(const char *path, const char *sheet, const rs_limits *lim, rs_table **out,
                       char **err);
void rs_table_free(rs_table *t);

#endif
