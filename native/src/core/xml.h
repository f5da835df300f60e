/* xml.h — the one way the library parses untrusted XML with libxml2:
 * no entity substitution (only the five predefined entities and character
 * references resolve), no DTD loading, no network, a depth limit, no
 * DOCTYPE at all, and every problem recorded with its original line. */
#ifndef VL_XML_H
#define VL_XML_H

#include "input.h"

#include <libxml/tree.h>

/* Parses text (UTF-8) whose line 1 is original line `line_base`. Problems
 * go to vl_input_add_parse_error() prefixed with `what` (may be NULL).
 * Returns the document, or NULL when it is not well-formed or unsafe. */
xmlDocPtr vl_xml_parse(vl_input *in, const char *text, size_t len, unsigned line_base,
                       unsigned max_depth, const char *what);

/* Trimmed text content of an element's text/CDATA children (not of nested
 * elements): the document's own string when nothing needs trimming, else a
 * copy in the arena; "" when none. Valid as long as the document. */
const char *vl_xml_text(vl_arena *a, xmlNodePtr node);

#endif
