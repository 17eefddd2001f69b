/* libFuzzer target: the .odt reader (raw archives, or content.xml and
 * styles.xml packed into a valid archive). */
#include "fuzz_util.h"
#include "fuzz_reader.h"

static const char *const parts[] = {"content.xml", "styles.xml"};
static const char *const extra_names[] = {"mimetype"};
static const char *const extra_data[] = {"application/vnd.oasis.opendocument.text"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  const char *path = fz_container(".odt", data, n, parts, sizeof parts / sizeof *parts, extra_names, extra_data,
                                  sizeof extra_names / sizeof *extra_names);
  fz_read_doc(rs_read_odt, path);
  return 0;
}
