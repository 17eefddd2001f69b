/* Shared body of the path-based reader targets: read, check the contract
 * (a document and no message, or a message and no document), build the
 * model, free. */
#ifndef RS_FUZZ_READER_H
#define RS_FUZZ_READER_H

#include "doc.h"
#include "readers.h"

static inline void fz_read_doc(rs_reader_fn fn, const char *path) {
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = fn(path, NULL, &d, &err);
  if (rc == 0) {
    if (!d || err) abort();
    rs_model_build(d);
    rs_doc_free(d);
  } else {
    if (d || !err) abort();
    free(err);
  }
}

#endif
