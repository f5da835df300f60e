/* xml.c — safe libxml2 parsing (see xml.h). */
#include "xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <string.h>

/* libxml2 2.9 asks multithreaded programs to call xmlInitParser once before
 * any parsing; the library's handles may be used on several threads at once
 * (vpnlint.h), so it is called when the library is loaded. (GCC and clang,
 * which build every supported target, mingw-w64 included.) */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((constructor)) static void vl_xml_init(void)
{
    xmlInitParser();
}
#endif

typedef struct parse_state {
    vl_input *in;
    unsigned line_base;
    unsigned max_depth;
    unsigned depth;
    bool too_deep;
    const char *what;
    startElementNsSAX2Func start;
    endElementNsSAX2Func end;
    const vl_xml_sax *h; /* SAX mode: the caller's events, no tree */
} parse_state;

static unsigned cur_line(void *ctx, const parse_state *st)
{
    return st->line_base + (unsigned)xmlSAX2GetLineNumber(ctx) - 1;
}

static void on_error(void *data, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = data;
    parse_state *st = ctxt ? ctxt->_private : NULL;
    if (!st || !err || err->level < XML_ERR_ERROR)
        return;
    if (st->too_deep && err->code == XML_ERR_USER_STOP)
        return;
    char msg[512];
    size_t n = err->message ? strlen(err->message) : 0;
    if (n >= sizeof msg)
        n = sizeof msg - 1;
    memcpy(msg, err->message ? err->message : "", n);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    msg[n] = '\0';
    unsigned line = err->line > 0 ? st->line_base + (unsigned)err->line - 1 : 0;
    unsigned col = err->int2 > 0 ? (unsigned)err->int2 : 0;
    vl_input_add_parse_error(st->in, line, col, "%s%s", st->what ? st->what : "", msg);
}

/* Only the predefined entities exist: no internal or external entity is
 * ever expanded (defeats XXE and billion-laughs alike). */
static xmlEntityPtr get_entity(void *ctx, const xmlChar *name)
{
    (void)ctx;
    return xmlGetPredefinedEntity(name);
}

static void start_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                     int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (++st->depth > st->max_depth) {
        if (!st->too_deep) {
            st->too_deep = true;
            vl_input_add_parse_error(
                st->in, st->line_base + (unsigned)xmlSAX2GetLineNumber(ctx) - 1, 0,
                "%selements are nested deeper than %u levels; the input is refused "
                "(a real profile is less than 20 deep)",
                st->what ? st->what : "", st->max_depth);
        }
        xmlStopParser(ctxt);
        return;
    }
    if (st->h) {
        (void)prefix;
        (void)nb_namespaces;
        (void)namespaces;
        (void)nb_defaulted;
        st->h->start(st->h->user, localname, URI, nb_attributes, attributes, cur_line(ctx, st));
        return;
    }
    st->start(ctx, localname, prefix, URI, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
              attributes);
}

static void end_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (st->depth > 0)
        st->depth--;
    if (st->h) {
        st->h->end(st->h->user, cur_line(ctx, st));
        return;
    }
    st->end(ctx, localname, prefix, URI);
}

static void sax_text(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->h->text(st->h->user, ch, len, cur_line(ctx, st));
}

static void sax_comment(void *ctx, const xmlChar *value)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->h->comment(st->h->user, value, cur_line(ctx, st));
}

static void sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    (void)target;
    (void)data;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->h->pi(st->h->user, cur_line(ctx, st));
}

static void internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
                            const xmlChar *SystemID)
{
    (void)name;
    (void)ExternalID;
    (void)SystemID;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    vl_input_add_parse_error(st->in, st->line_base + (unsigned)xmlSAX2GetLineNumber(ctx) - 1, 0,
                             "%sa document type declaration (<!DOCTYPE>) is not allowed in a VPN "
                             "profile; it was not processed. Remove it",
                             st->what ? st->what : "");
    xmlStopParser(ctxt);
}

typedef struct mem_reader {
    const char *p;
    size_t left;
} mem_reader;

static int mem_read(void *ctx, char *buf, int len)
{
    mem_reader *r = ctx;
    size_t n = len > 0 ? (size_t)len : 0;
    if (n > r->left)
        n = r->left;
    memcpy(buf, r->p, n);
    r->p += n;
    r->left -= n;
    return (int)n;
}

/* libxml2 (2.9) checks each attribute of a start tag against every earlier
 * one (duplicates, namespace declarations): a tag with n attributes costs n²
 * comparisons, so one 2 MB start tag takes seconds and 16 MiB minutes. No
 * VPN profile, EAP configuration or event log has more than a few attributes
 * on an element, so a tag with more than VL_XML_MAX_ATTRS is refused before
 * libxml2 sees it. Every attribute has an '=' outside quotes; a text with
 * fewer '=' than the limit cannot hold such a tag, so the exact scan runs
 * only on texts with many. Returns the 1-based line of the first tag over
 * the limit (counted from the text's start), or 0. */
unsigned vl_xml_attr_flood_line(const char *text, size_t len)
{
    size_t eq = 0;
    for (const char *p = text, *end = text + len; eq <= VL_XML_MAX_ATTRS;) {
        p = memchr(p, '=', (size_t)(end - p));
        if (!p)
            return 0;
        p++;
        eq++;
    }
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p || ++p >= end)
            return 0;
        const char *close = NULL;
        if (*p == '!' && end - p >= 3 && p[1] == '-' && p[2] == '-')
            close = "-->";
        else if (*p == '!' && end - p >= 8 && memcmp(p, "![CDATA[", 8) == 0)
            close = "]]>";
        else if (*p == '?')
            close = "?>";
        if (close) {
            size_t cl = strlen(close);
            const char *q = p;
            while (q && (size_t)(end - q) >= cl && memcmp(q, close, cl) != 0)
                q = memchr(q + 1, close[0], (size_t)(end - q - 1));
            if (!q || (size_t)(end - q) < cl)
                return 0;
            p = q + cl;
            continue;
        }
        /* a start tag (or an end tag, a DOCTYPE): to '>' outside quotes */
        const char *tag = p - 1;
        size_t attrs = 0;
        char quote = 0;
        for (; p < end && (quote || *p != '>'); p++) {
            if (quote) {
                if (*p == quote)
                    quote = 0;
            } else if (*p == '"' || *p == '\'') {
                quote = *p;
            } else if (*p == '=' && ++attrs > VL_XML_MAX_ATTRS) {
                unsigned line = 1;
                for (const char *q = text; (q = memchr(q, '\n', (size_t)(tag - q))) != NULL; q++)
                    line++;
                return line;
            } else if (*p == '<') {
                break; /* not a tag after all; the parser will say why */
            }
        }
    }
    return 0;
}

/* One parse, into a tree (h == NULL) or as events to h. */
static bool parse(vl_input *in, const char *text, size_t len, unsigned line_base,
                  unsigned max_depth, const char *what, const vl_xml_sax *h, xmlDocPtr *doc_out)
{
    if (doc_out)
        *doc_out = NULL;
    if (len > (size_t)0x7FFFFFFF) {
        vl_input_add_parse_error(in, 0, 0, "input too large to parse");
        return false;
    }
    unsigned flood = vl_xml_attr_flood_line(text, len);
    if (flood) {
        vl_input_add_parse_error(in, (line_base ? line_base : 1) + flood - 1, 0,
                                 "%san element has more than %d attributes; the input is refused "
                                 "(no real profile has more than a few on any element, and "
                                 "checking so many for duplicates takes the XML parser minutes)",
                                 what ? what : "", VL_XML_MAX_ATTRS);
        return false;
    }
    /* A large text in SAX mode is read through a callback, in pieces that
     * the parser discards once consumed, instead of as a whole copy
     * (libxml2 2.9's static, no-copy buffers mis-handle shrinking); a small
     * one is copied, which costs fewer instructions. */
    mem_reader rd = {text, len};
    xmlParserCtxtPtr ctxt =
        h && len > ((size_t)1 << 20)
            ? xmlCreateIOParserCtxt(NULL, NULL, mem_read, NULL, &rd, XML_CHAR_ENCODING_NONE)
            : xmlCreateMemoryParserCtxt(text, (int)len);
    if (!ctxt) {
        vl_input_add_parse_error(in, 0, 0, "%scannot create an XML parser (out of memory?)",
                                 what ? what : "");
        return false;
    }
    parse_state st = {
        in, line_base ? line_base : 1, max_depth ? max_depth : 256, 0, false, what, NULL, NULL, h};
    ctxt->_private = &st;
    xmlSAXHandlerPtr sax = ctxt->sax;
    if (h) {
        /* our events only: no tree, no DTD handling at all */
        memset(sax, 0, sizeof *sax);
        sax->initialized = XML_SAX2_MAGIC;
        sax->characters = sax_text;
        sax->ignorableWhitespace = sax_text;
        sax->comment = sax_comment;
        sax->processingInstruction = sax_pi;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA |
                                XML_PARSE_IGNORE_ENC | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    sax->serror = on_error;
    sax->getEntity = get_entity;
    sax->getParameterEntity = get_entity;
    sax->resolveEntity = NULL;
    sax->externalSubset = NULL;
    sax->internalSubset = internal_subset;
    st.start = sax->startElementNs;
    st.end = sax->endElementNs;
    sax->startElementNs = start_ns;
    sax->endElementNs = end_ns;
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;

    size_t errors_before = in->n_parse_errors;
    xmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    /* Namespace errors (an undeclared prefix) count: Intune rejects them. */
    bool ok = (h || doc) && ctxt->wellFormed && ctxt->nsWellFormed && !st.too_deep &&
              in->n_parse_errors == errors_before;
    if (!ok && in->n_parse_errors == errors_before)
        vl_input_add_parse_error(in, line_base, 0, "%sthe XML is not well-formed",
                                 what ? what : "");
    ctxt->myDoc = NULL;
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    if (!ok || !doc_out) {
        xmlFreeDoc(doc);
        return ok;
    }
    *doc_out = doc;
    return true;
}

xmlDocPtr vl_xml_parse(vl_input *in, const char *text, size_t len, unsigned line_base,
                       unsigned max_depth, const char *what)
{
    xmlDocPtr doc;
    return parse(in, text, len, line_base, max_depth, what, NULL, &doc) ? doc : NULL;
}

bool vl_xml_sax_parse(vl_input *in, const char *text, size_t len, unsigned line_base,
                      unsigned max_depth, const char *what, const vl_xml_sax *h)
{
    return parse(in, text, len, line_base, max_depth, what, h, NULL);
}

const char *vl_xml_text(vl_arena *a, xmlNodePtr node)
{
    xmlNodePtr c = node->children;
    /* common case: exactly one text child */
    if (c && !c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
        const char *s = (const char *)c->content;
        size_t len = strlen(s), n;
        const char *t = vl_trim(s, len, &n);
        if (n == len)
            return s; /* no white space to trim: the document's own string */
        return vl_arena_strndup(a, t, n);
    }
    vl_buf b = VL_BUF_INIT;
    for (; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            vl_buf_puts(&b, (const char *)c->content);
    if (!b.data)
        return "";
    size_t n;
    const char *t = vl_trim(b.data, b.len, &n);
    const char *r = vl_arena_strndup(a, t, n);
    vl_buf_free(&b);
    return r ? r : "";
}
