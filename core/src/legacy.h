/* Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258). */
#ifndef RS_LEGACY_H
#define RS_LEGACY_H

#include "rasoat.h"

/* Bytes that are not valid UTF-8: if they read as a legacy 8-bit Vietnamese
 * encoding, convert them to UTF-8 (malloc'd, *outlen bytes) and return its
 * name ("tcvn3", "vni", "windows-1258"); else return NULL. */
const char *rs_legacy_decode_bytes(const char *bytes, size_t n, char **out, size_t *outlen);

/* Paragraph text that is valid Unicode but is really legacy-encoded text read
 * through a Latin-1 font (docx/odt runs in .VnTime or VNI-Times, or mojibake
 * left in a Unicode file): detect it over the whole document, convert the
 * affected paragraphs in place (keeping their source map) and add one
 * encoding/legacy-<name> diagnostic. Returns the encoding name or NULL. */
const char *rs_legacy_convert_doc(rs_doc *d);

#endif
