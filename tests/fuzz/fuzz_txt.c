/* libFuzzer target: the text reader and normalizer (both modes) and the
 * document model built on the result. */
#include "fuzz_util.h"

#include "doc.h"
#include "readers.h"

static void one(const uint8_t *data, size_t n, rs_txt_mode mode) {
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = rs_read_txt_buffer("fuzz.txt", (const char *)data, n, mode, NULL, &d, &err);
  if (rc == 0) {
    if (!d || err) abort(); /* success means a document and no message */
    rs_model_build(d);
    rs_doc_free(d);
  } else {
    if (d || !err) abort(); /* failure means a message and no document */
    free(err);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  one(data, n, RS_TXT_AUTO);
  one(data, n, RS_TXT_LINES);
  return 0;
}
