/* Reader dispatch by file extension. */
#include "readers.h"

#include "doc.h"

#include <string.h>
#include <strings.h>

typedef struct reader_entry {
  const char *ext; /* with the dot, lower case */
  const char *format;
  rs_reader_fn fn;
} reader_entry;

/* Formats rasoat cannot read but that communes do send: a folder walk lists
 * them and this "reader" says what to do, so that the submission is
 * reported (with the reason) instead of silently skipped. The file is not
 * opened. */
static int read_refused(const char *path, const rs_limits *lim, rs_doc **out, char **err) {
  (void)lim;
  *out = NULL;
  const char *dot = strrchr(path, '.');
  const char *what;
  if (dot && !strcasecmp(dot, ".pdf"))
    what = "Tệp PDF không còn cấu trúc văn bản để kiểm tra: cần bản gốc .docx hoặc .odt của báo cáo";
  else if (dot && (!strcasecmp(dot, ".zip") || !strcasecmp(dot, ".rar") || !strcasecmp(dot, ".7z")))
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
