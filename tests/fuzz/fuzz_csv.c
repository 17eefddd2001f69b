/* libFuzzer target: the .csv data-table reader. */
#include "fuzz_util.h"
#include "fuzz_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  const char *path = fz_tmp(".csv");
  fz_write(path, data, n);
  rs_table *t = NULL;
  char *err = NULL;
  int rc = rs_table_read_csv(path, NULL, &t, &err);
  fz_check_table(rc, t, err);
  return 0;
}
