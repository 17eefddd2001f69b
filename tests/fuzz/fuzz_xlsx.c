/* libFuzzer target: the .xlsx data-table reader (raw archives, or the sheet,
 * shared strings, styles and workbook packed into a valid archive). */
#include "fuzz_util.h"
#include "fuzz_table.h"

static const char *const parts[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
                                    "xl/workbook.xml"};
static const char *const extra_names[] = {"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels",
                                          "xl/workbook.xml"};
static const char *const extra_data[] = {
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>",
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>",
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  /* the fixed workbook is added only when the input has no fourth part */
  size_t seps = 0;
  for (size_t i = 0; i + sizeof FZ_SEP - 1 <= n; i++)
    if (!memcmp(data + i, FZ_SEP, sizeof FZ_SEP - 1)) seps++;
  size_t nextra = sizeof extra_names / sizeof *extra_names - (seps >= 3 ? 1 : 0);
  const char *path =
      fz_container(".xlsx", data, n, parts, sizeof parts / sizeof *parts, extra_names, extra_data, nextra);
  rs_table *t = NULL;
  char *err = NULL;
  int rc = rs_table_read_xlsx(path, NULL, NULL, &t, &err);
  fz_check_table(rc, t, err);
  return 0;
}
