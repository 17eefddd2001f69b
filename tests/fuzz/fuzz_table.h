/* Shared body of the data-table targets. */
#ifndef RS_FUZZ_TABLE_H
#define RS_FUZZ_TABLE_H

#include "table.h"

static inline void fz_check_table(int rc, rs_table *t, char *err) {
  if (rc == 0) {
    if (!t || err) abort();
    for (size_t r = 0; r < t->nrows; r++)
      for (size_t c = 0; c < t->ncols; c++)
        if (!t->rows[r][c]) abort(); /* every cell is a string */
    for (size_t c = 0; c < t->ncols; c++)
      if (!t->headers[c]) abort();
    rs_table_free(t);
  } else {
    if (t || !err) abort();
    free(err);
  }
}

#endif
