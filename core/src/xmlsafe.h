/* Safe XML parsing with libxml2 for OOXML and ODF parts.
 *
 * No network, no entity substitution, no DTD loading; a document that
 * declares a DOCTYPE or an entity (billion laughs, external entities) is
 * refused before parsing, whatever its encoding. The element depth is
 * limited by rs_limits.max_xml_depth (libxml2 itself stops at 256 without
 * XML_PARSE_HUGE, which is never set). Errors are captured, never printed. */
#ifndef RS_XMLSAFE_H
#define RS_XMLSAFE_H

#include "rasoat.h"

#include <libxml/tree.h>

/* Parses buf[0..len). part_name (e.g. "word/document.xml") is used in
 * messages. Returns 0 and the document in *out (free with xmlFreeDoc), or
 * RS_EFORMAT (malformed, DOCTYPE/ENTITY declared), RS_ELIMIT (too deep),
 * RS_ENOMEM, with a malloc'd Vietnamese message in *err. */
int rs_xml_parse(const char *buf, size_t len, const char *part_name, const rs_limits *lim,
                 xmlDocPtr *out, char **err);

/* Calls xmlInitParser once per process (thread-safe, idempotent). */
void rs_xml_init(void);

/* Namespace-aware helpers. ns is the namespace URI (NULL: no namespace). */
int rs_xml_is(const xmlNode *n, const char *ns, const char *name);
/* First element child with that name, or NULL. */
xmlNode *rs_xml_child(const xmlNode *n, const char *ns, const char *name);
/* Attribute value (malloc'd, free with free()), or NULL when absent. */
char *rs_xml_attr(const xmlNode *n, const char *ns, const char *name);
/* Concatenated text content (malloc'd), never NULL unless out of memory. */
char *rs_xml_text(const xmlNode *n);

#endif
