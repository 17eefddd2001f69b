/* libFuzzer target: the .html reader. */
#include "fuzz_util.h"
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  const char *path = fz_tmp(".html");
  fz_write(path, data, n);
  fz_read_doc(rs_read_html, path);
  return 0;
}
