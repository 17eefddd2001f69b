/* Reader dispatch by file extension. */
#include "readers.h"

#include <string.h>
#include <strings.h>

typedef struct reader_entry {
  const char *ext; /* with the dot, lower case */
  const char *format;
  rs_reader_fn fn;
} reader_entry;

static const reader_entry readers[] = {
    {".txt", "txt", rs_read_txt},
    {".docx", "docx", rs_read_docx},
    /* a legacy .doc is an OLE file: the .docx reader refuses it with a clear
     * message telling the clerk to save it as .docx */
    {".doc", "docx", rs_read_docx},
    {".odt", "odt", rs_read_odt},
    {".html", "html", rs_read_html},
    {".htm", "html", rs_read_html},
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
