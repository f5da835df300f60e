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

/* SAX events of vl_xml_sax_parse; lines are original lines (line_base
 * applied). Names and URIs are libxml2's strings, valid during the call. */
typedef struct vl_xml_sax {
    void *user;
    /* attributes: nb_attributes times (localname, prefix, URI, value, valueend);
     * a value may hold "&#38;" for an '&' (libxml2 keeps it for a second pass) */
    void (*start)(void *user, const xmlChar *localname, const xmlChar *uri, int nb_attributes,
                  const xmlChar **attributes, unsigned line);
    void (*end)(void *user, unsigned line);
    /* character data (text, CDATA, decoded character and predefined entity
     * references), in pieces */
    void (*text)(void *user, const xmlChar *s, int len, unsigned line);
    void (*comment)(void *user, const xmlChar *s, unsigned line);
    void (*pi)(void *user, unsigned line);
} vl_xml_sax;

/* Parses text (UTF-8) with the same safety as vl_xml_parse, calling `h` for each event
 * and building no tree. Returns true when the text is well-formed and safe;
 * false after recording the problems (events delivered so far are then
 * meaningless). */
bool vl_xml_sax_parse(vl_input *in, const char *text, size_t len, unsigned line_base,
                      unsigned max_depth, const char *what, const vl_xml_sax *h);

/* Most attributes (namespace declarations included) a start tag may have. */
#define VL_XML_MAX_ATTRS 256

/* The 1-based line (from the text's start) of the first start tag with more
 * than VL_XML_MAX_ATTRS attributes, or 0 when there is none. vl_xml_parse
 * and vl_xml_sax_parse refuse such texts; other libxml2 readers call it. */
unsigned vl_xml_attr_flood_line(const char *text, size_t len);

/* Trimmed text content of an element's text/CDATA children (not of nested
 * elements): the document's own string when nothing needs trimming, else a
 * copy in the arena; "" when none. Valid as long as the document. */
const char *vl_xml_text(vl_arena *a, xmlNodePtr node);

#endif
