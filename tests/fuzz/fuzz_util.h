/* Shared helpers for the libFuzzer targets (tests/fuzz/fuzz_*.c).
 *
 * The readers for .docx/.odt/.html/.csv/.xlsx take a path: every run writes
 * the input to one temporary file per process (created on first use, with
 * the right extension, removed at exit) and passes its path.
 *
 * Container formats (.docx .odt .xlsx) are fuzzed two ways, chosen by the
 * input itself:
 * - input that starts with "PK\3\4" (a zip local header) is written as is,
 *   so the zip layer (zipsafe.c, libzip) sees raw mutated archives;
 * - any other input is split at FZ_SEP into parts, and the parts are packed
 *   into a fresh, valid archive under fixed names (document.xml, styles.xml,
 *   ...), so that mutations reach the XML walkers instead of dying on a bad
 *   CRC. tests/fuzz/seeds.py builds both kinds of seeds from fixtures/. */
#ifndef RS_FUZZ_UTIL_H
#define RS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#define FZ_SEP "\n--8<--\n"

static char fz_path[64];

static inline void fz_cleanup(void) {
  if (fz_path[0]) unlink(fz_path);
}

/* The per-process temporary file, named with the given extension (".docx"). */
static inline const char *fz_tmp(const char *ext) {
  if (!fz_path[0]) {
    const char *dir = getenv("TMPDIR");
    snprintf(fz_path, sizeof fz_path, "%s/rsfuzz-XXXXXX%s", dir && strlen(dir) < 20 ? dir : "/tmp", ext);
    int fd = mkstemps(fz_path, (int)strlen(ext));
    if (fd < 0) abort();
    close(fd);
    atexit(fz_cleanup);
  }
  return fz_path;
}

static inline void fz_write(const char *path, const uint8_t *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  if (n && fwrite(data, 1, n, f) != n) abort();
  if (fclose(f)) abort();
}

/* Writes data to the temporary file, as is or packed into an archive whose
 * parts are named by names[0..nnames) (see the header comment). extra_names
 * and extra_data are parts added to every packed archive (content types,
 * relationships), not fuzzed. */
static inline const char *fz_container(const char *ext, const uint8_t *data, size_t n, const char *const *names,
                                size_t nnames, const char *const *extra_names, const char *const *extra_data,
                                size_t nextra) {
  const char *path = fz_tmp(ext);
  if (n >= 4 && !memcmp(data, "PK\3\4", 4)) {
    fz_write(path, data, n);
    return path;
  }
  int zerr = 0;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  if (!z) abort();
  /* copies: the sources must live until zip_close */
  char *copy = malloc(n + 1);
  if (!copy) abort();
  if (n) memcpy(copy, data, n);
  copy[n] = 0;
  const char *p = copy, *end = copy + n;
  size_t seplen = strlen(FZ_SEP);
  for (size_t i = 0; i < nnames && p <= end; i++) {
    const char *q = NULL;
    for (const char *s = p; s + seplen <= end; s++)
      if (!memcmp(s, FZ_SEP, seplen)) {
        q = s;
        break;
      }
    size_t len = (size_t)((q ? q : end) - p);
    zip_source_t *src = zip_source_buffer(z, p, len, 0);
    if (!src) abort();
    zip_int64_t idx = zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE);
    if (idx < 0) abort();
    zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    if (!q) break;
    p = q + seplen;
  }
  for (size_t i = 0; i < nextra; i++) {
    zip_source_t *src = zip_source_buffer(z, extra_data[i], strlen(extra_data[i]), 0);
    if (!src) abort();
    zip_int64_t idx = zip_file_add(z, extra_names[i], src, ZIP_FL_OVERWRITE);
    if (idx < 0) abort();
    zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
  }
  if (zip_close(z) < 0) abort();
  free(copy);
  return path;
}

#endif
