/* Safe XML parsing: see xmlsafe.h. */
#include "xmlsafe.h"

#include "doc.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init_once(void) { xmlInitParser(); }
void rs_xml_init(void) { pthread_once(&xml_once, xml_init_once); }

/* Case-insensitive search for an ASCII pattern, skipping NUL bytes so that
 * UTF-16 text is caught too. */
static int contains_decl(const char *buf, size_t len, const char *pat) {
  size_t plen = strlen(pat), k = 0;
  for (size_t i = 0; i < len; i++) {
    if (k == 0) {
      /* no partial match: only pat[0] ('<', which no other byte upper-cases
       * to) can start one, so jump to the next one */
      const char *lt = memchr(buf + i, pat[0], len - i);
      if (!lt) return 0;
      i = (size_t)(lt - buf);
    }
    unsigned char c = (unsigned char)buf[i];
    if (c == 0) continue;
    if (toupper(c) == (unsigned char)pat[k]) {
      if (++k == plen) return 1;
    } else {
      k = (c == (unsigned char)pat[0]) ? 1 : 0;
    }
  }
  return 0;
}

static int too_deep(xmlNode *root, int max) {
  int depth = 0;
  xmlNode *n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && depth + 1 > max) return 1;
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      depth++;
      continue;
    }
    while (n && !n->next) {
      n = n->parent;
      depth--;
      if (depth <= 0) return 0;
    }
    if (n) n = n->next;
  }
  return 0;
}

int rs_xml_parse(const char *buf, size_t len, const char *part_name, const rs_limits *lim,
                 xmlDocPtr *out, char **err) {
  *out = NULL;
  *err = NULL;
  if (!part_name) part_name = "XML";
  rs_xml_init();
  if (contains_decl(buf, len, "<!DOCTYPE") || contains_decl(buf, len, "<!ENTITY")) {
    *err = rs_sprintf("Phần %s khai báo DOCTYPE hoặc thực thể (ENTITY), điều không có trong tệp "
                      "văn bản bình thường và có thể là tệp độc hại: đã từ chối đọc. Hãy mở bằng "
                      "Word hoặc LibreOffice và lưu lại",
                      part_name);
    return RS_EFORMAT;
  }
  if (len > (size_t)0x7fffffff) {
    *err = rs_sprintf("Phần %s quá lớn", part_name);
    return RS_ELIMIT;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    *err = rs_strdup("Hết bộ nhớ khi đọc XML");
    return RS_ENOMEM;
  }
  int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, part_name, NULL, opts);
  if (!doc || !ctxt->wellFormed) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    int deep = e && e->message && strstr(e->message, "depth");
    if (deep) {
      *err = rs_sprintf("Phần %s lồng nhau quá sâu (giới hạn %d cấp): có thể là tệp độc hại, đã "
                        "từ chối đọc",
                        part_name, lim->max_xml_depth < 256 ? lim->max_xml_depth : 256);
    } else if (e && e->message) {
      char *m = rs_strdup(e->message);
      if (m) {
        size_t ml = strlen(m);
        while (ml > 0 && (m[ml - 1] == '\n' || m[ml - 1] == ' ')) m[--ml] = 0;
      }
      *err = rs_sprintf("Phần %s không phải XML hợp lệ (dòng %d: %s): tệp bị hỏng, hãy mở bằng Word "
                        "hoặc LibreOffice và lưu lại",
                        part_name, e->line, m ? m : "");
      free(m);
    } else {
      *err = rs_sprintf("Phần %s không phải XML hợp lệ: tệp bị hỏng, hãy mở bằng Word hoặc "
                        "LibreOffice và lưu lại",
                        part_name);
    }
    if (doc) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return deep ? RS_ELIMIT : RS_EFORMAT;
  }
  xmlFreeParserCtxt(ctxt);
  if (doc->intSubset || doc->extSubset) {
    xmlFreeDoc(doc);
    *err = rs_sprintf("Phần %s khai báo DOCTYPE: đã từ chối đọc", part_name);
    return RS_EFORMAT;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root) {
    xmlFreeDoc(doc);
    *err = rs_sprintf("Phần %s rỗng: tệp bị hỏng, hãy mở bằng Word hoặc LibreOffice và lưu lại",
                      part_name);
    return RS_EFORMAT;
  }
  if (lim->max_xml_depth > 0 && too_deep(root, lim->max_xml_depth)) {
    xmlFreeDoc(doc);
    *err = rs_sprintf("Phần %s lồng nhau quá sâu (giới hạn %d cấp): có thể là tệp độc hại, đã từ "
                      "chối đọc",
                      part_name, lim->max_xml_depth);
    return RS_ELIMIT;
  }
  *out = doc;
  return RS_OK;
}

int rs_xml_is(const xmlNode *n, const char *ns, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE) return 0;
  if (strcmp((const char *)n->name, name) != 0) return 0;
  if (!ns) return n->ns == NULL;
  return n->ns && n->ns->href && !strcmp((const char *)n->ns->href, ns);
}

xmlNode *rs_xml_child(const xmlNode *n, const char *ns, const char *name) {
  if (!n) return NULL;
  for (xmlNode *c = n->children; c; c = c->next)
    if (rs_xml_is(c, ns, name)) return c;
  return NULL;
}

char *rs_xml_attr(const xmlNode *n, const char *ns, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE) return NULL;
  for (xmlAttr *a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, name) != 0) continue;
    if (ns ? !(a->ns && a->ns->href && !strcmp((const char *)a->ns->href, ns)) : a->ns != NULL)
      continue;
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    char *r = rs_strdup(v ? (const char *)v : "");
    xmlFree(v);
    return r;
  }
  return NULL;
}

char *rs_xml_text(const xmlNode *n) {
  xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
  char *r = rs_strdup(v ? (const char *)v : "");
  xmlFree(v);
  return r;
}
