/* libFuzzer target: the .docx reader (raw archives, or parts packed into a
 * valid archive: document, styles, numbering, footnotes, header). */
#include "fuzz_util.h"
#include "fuzz_reader.h"

static const char *const parts[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                                    "word/footnotes.xml", "word/header1.xml", "word/theme/theme1.xml"};
static const char *const extra_names[] = {"[Content_Types].xml", "word/_rels/document.xml.rels"};
static const char *const extra_data[] = {
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
    "Target=\"numbering.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" "
    "Target=\"footnotes.xml\"/>"
    "<Relationship Id=\"rId4\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId5\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" "
    "Target=\"theme/theme1.xml\"/>"
    "</Relationships>",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n) {
  const char *path = fz_container(".docx", data, n, parts, sizeof parts / sizeof *parts, extra_names, extra_data,
                                  sizeof extra_names / sizeof *extra_names);
  fz_read_doc(rs_read_docx, path);
  return 0;
}
