/* Reader dispatch by file extension. */
#include "readers.h"

#include "doc.h"

#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct reader_entry {
  const char *ext; /* with the dot, lower case */
  const char *format;
  rs_reader_fn fn;
} reader_entry;

/* Formats rasoat cannot read but that communes do send: a folder walk lists
 * them and this "reader" says what to do, so that the submission is
 * reported (with the reason) instead of silently skipped. The file is not
 * opened. */
int rs_is_archive(const char *path) {
  const char *dot = strrchr(path, '.'), *sl = strrchr(path, '/');
  if (!dot || (sl && dot < sl)) return 0;
  return !strcasecmp(dot, ".zip") || !strcasecmp(dot, ".rar") || !strcasecmp(dot, ".7z");
}

static int read_refused(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  (void)lim;
  *out = NULL;
  const char *dot = strrchr(path, '.');
  const char *what;
  if (dot && !strcasecmp(dot, ".pdf"))
    what = "Tệp PDF không còn cấu trúc văn bản để kiểm tra: cần bản gốc .docx hoặc .odt của báo cáo";
  else if (rs_is_archive(path))
    what = "Tệp nén: rasoat không mở tệp nén; hãy giải nén rồi kiểm tra thư mục đã giải nén (báo cáo có thể nằm "
           "trong đó)";
  else if (dot && !strcasecmp(dot, ".rtf"))
    what = "Tệp RTF chưa được hỗ trợ: hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx hoặc .odt";
  else
    what = "Tệp WPS Writer (.wps) chưa được hỗ trợ: hãy mở bằng WPS Office và lưu lại dưới dạng .docx";
  *err = rs_sprintf("%s", what);
  return RS_EFORMAT;
}

static const reader_entry readers[] = {
    {".txt", "txt", rs_read_txt},
    {".docx", "docx", rs_read_docx},
    /* a legacy .doc is an OLE file: the .docx reader refuses it with a clear
     * message telling the clerk to save it as .docx */
    {".doc", "docx", rs_read_docx},
    {".odt", "odt", rs_read_odt},
    {".html", "html", rs_read_html},
    {".htm", "html", rs_read_html},
    {".pdf", "pdf", read_refused},
    {".rtf", "rtf", read_refused},
    {".wps", "wps", read_refused},
    /* a submission sent as an archive: listed, so that it is unpacked */
    {".zip", "zip", read_refused},
    {".rar", "rar", read_refused},
    {".7z", "7z", read_refused},
};

int rs_read_by_content(const char *path, const char *format, const rs_limits *lim, rs_doc **out, char **err,
                       const char **actual) {
  *out = NULL;
  *actual = NULL;
  if (!format || (strcmp(format, "docx") && strcmp(format, "odt") && strcmp(format, "txt") && strcmp(format, "html")))
    return RS_EFORMAT;
  unsigned char m[8] = {0};
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return RS_EFORMAT;
  struct stat st;
  ssize_t n = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, m, sizeof m) : -1;
  close(fd);
  if (n < 4) return RS_EFORMAT;
  const char *ext = strrchr(path, '.');
  if (!memcmp(m, "%PDF", 4) || !memcmp(m, "{\\rtf", 5)) {
    int pdf = m[0] == '%';
    free(*err);
    *err = rs_sprintf("Tệp có đuôi %s nhưng thực ra là tệp %s: %s", ext ? ext : "", pdf ? "PDF" : "RTF",
                      pdf ? "cần bản gốc .docx hoặc .odt của báo cáo"
                          : "hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx hoặc .odt");
    return RS_EFORMAT;
  }
  if (memcmp(m, "PK\x03\x04", 4)) return RS_EFORMAT;
  static const struct { const char *format; rs_reader_fn fn; } zips[] = {{"docx", rs_read_docx}, {"odt", rs_read_odt}};
  for (size_t i = 0; i < 2; i++) {
    if (!strcmp(format, zips[i].format)) continue;
    rs_doc *d = NULL;
    char *e2 = NULL;
    int rc = zips[i].fn(path, lim, &d, &e2);
    free(e2);
    if (rc >= 0 && d) {
      *out = d;
      *actual = zips[i].format;
      return 0;
    }
    rs_doc_free(d);
  }
  return RS_EFORMAT;
}

rs_reader_fn rs_reader_for(const char *path, const char **format) {
  if (format) *format = NULL;
  if (!path) return NULL;
  const char *dot = strrchr(path, '.');
  const char *slash = strrchr(path, '/');
  if (!dot || (slash && dot < slash)) return NULL;
  for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
    if (strcasecmp(dot, readers[i].ext) == 0) {
      if (format) *format = readers[i].format;
      return readers[i].fn;
    }
  }
  return NULL;
}
