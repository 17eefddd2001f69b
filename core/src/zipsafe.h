/* Bounded access to ZIP containers (.docx, .xlsx, .odt) with libzip.
 *
 * Every limit of rs_limits that concerns archives is enforced here:
 * - max_file_bytes: size of the archive on disk;
 * - per entry: declared uncompressed size and the size actually inflated
 *   (read with a bounded buffer, stopped as soon as the limit is passed);
 * - max_ratio: inflated : compressed, checked on the declared sizes before
 *   reading and on the running count while inflating (entries smaller than
 *   RS_ZIP_RATIO_GRACE bytes are exempt, small XML parts compress well);
 * - max_total_inflated: sum over all entries read from one archive.
 * An OLE compound file (legacy .doc/.xls or a password-protected OOXML file)
 * is detected before libzip and refused with a message telling the clerk
 * what to do. Messages are Vietnamese and name the file kind from the
 * extension of the path (.docx, .xlsx, .odt). */
#ifndef RS_ZIPSAFE_H
#define RS_ZIPSAFE_H

#include "rasoat.h"

#include <stddef.h>

#define RS_ZIP_RATIO_GRACE ((size_t)1 << 20) /* 1 MiB */

typedef struct rs_zip rs_zip;

/* Opens the archive. Returns 0, or RS_EIO (cannot read), RS_EFORMAT (not a
 * zip, corrupt, OLE file), RS_ELIMIT (file too big), RS_ENOMEM; *err is then
 * a malloc'd Vietnamese message. */
int rs_zip_open(const char *path, const rs_limits *lim, rs_zip **out, char **err);

/* Reads an entry fully into memory (*data is malloc'd and NUL-terminated,
 * *len excludes the NUL). Name lookup is exact, then case-insensitive.
 * RS_EFORMAT when the entry is missing or corrupt, RS_ELIMIT when a size or
 * ratio limit is hit. */
int rs_zip_read(rs_zip *z, const char *name, char **data, size_t *len, char **err);

/* 1 when the entry exists, else 0. */
int rs_zip_has(rs_zip *z, const char *name);

/* Number of entries and the name of entry i (owned by the archive), for
 * readers that enumerate parts. */
size_t rs_zip_count(rs_zip *z);
const char *rs_zip_name(rs_zip *z, size_t i);

/* Total bytes inflated so far by rs_zip_read. */
size_t rs_zip_inflated(const rs_zip *z);

void rs_zip_close(rs_zip *z);

/* The file kind used in messages ("docx", "xlsx", "odt", or "zip"), from
 * the path's extension. */
const char *rs_zip_kind(const char *path);

#endif
