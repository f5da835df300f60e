/* model.c — builds the ProfileXML model (model.h) from a decoded input:
 * finds the profile in its envelope (raw, entity-escaped, SyncML), parses
 * it safely, and records every element once, in document order. */
#include "model.h"

#include "core/xml.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct builder {
    /* schema children by parent: first_child[parent + 1], next_sibling[def] */
    int first_child[VL_PX__COUNT + 1];
    int next_sibling[VL_PX__COUNT];
    vl_profile *p;
    vl_input *in;
    unsigned max_depth;
    size_t cap_els, cap_eap, cap_stray;
    xmlDocPtr envelope_doc; /* SyncML or escaping wrapper, freed after build */
} builder;

static unsigned orig_line(const vl_src *src, xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    if (l <= 0)
        return 0;
    return src->line_base + (unsigned)l - 1;
}

static void index_schema(builder *b)
{
    for (int i = 0; i <= VL_PX__COUNT; i++)
        b->first_child[i] = -1;
    for (int i = VL_PX__COUNT - 1; i >= 0; i--) {
        int parent = vl_px_def_get(i)->parent;
        b->next_sibling[i] = b->first_child[parent + 1];
        b->first_child[parent + 1] = i;
    }
}

static int lookup_def(const builder *b, int parent, const char *name)
{
    if (parent < 0 || parent >= VL_PX__COUNT)
        return VL_PX_UNKNOWN;
    for (int i = b->first_child[parent + 1]; i >= 0; i = b->next_sibling[i]) {
        const char *n = vl_px_def_get(i)->name;
        if (n[0] == name[0] && strcmp(n, name) == 0)
            return i;
    }
    return VL_PX_UNKNOWN;
}

static vl_el *push_el(vl_el **list, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        vl_el *l = vl_realloc(*list, nc * sizeof *l);
        if (!l)
            return NULL;
        *list = l;
        *cap = nc;
    }
    vl_el *e = &(*list)[(*n)++];
    memset(e, 0, sizeof *e);
    return e;
}

/* Line of the last descendant of n: where a suppression range ends. */
static unsigned last_line(const vl_src *src, xmlNodePtr n)
{
    while (n->last)
        n = n->last;
    return orig_line(src, n);
}

static void directive(builder *b, const vl_src *src, xmlNodePtr comment)
{
    if (b->in == NULL || !comment->content)
        return;
    const char *rules;
    size_t n;
    bool file_wide;
    if (!vl_directive_parse((const char *)comment->content, &rules, &n, &file_wide))
        return;
    unsigned first = orig_line(src, comment), last = UINT_MAX;
    if (!file_wide && comment->parent && comment->parent->type == XML_ELEMENT_NODE) {
        xmlNodePtr sib = comment->next;
        while (sib && sib->type != XML_ELEMENT_NODE)
            sib = sib->next;
        last = sib ? last_line(src, sib) : first;
    } else {
        first = 1;
    }
    vl_input_add_suppress(b->in, rules, n, first, last);
}

/* libxml2 gives a text node the line where the parser was when it flushed
 * the text, not where the text starts: find the text in the original lines,
 * searching from the previous sibling (or the parent). */
static unsigned stray_line(builder *b, const vl_src *src, xmlNodePtr node, const char *text)
{
    unsigned fallback = orig_line(src, node);
    const vl_input *in = b->in;
    xmlNodePtr anchor = node->prev ? node->prev : node->parent;
    unsigned from = anchor ? orig_line(src, anchor) : 0;
    size_t tl = strlen(text);
    if (src->escaped || !in->line_starts || from == 0 || from > in->n_lines || tl == 0)
        return fallback;
    if (tl > 32)
        tl = 32;
    const char *p = in->text + in->line_starts[from - 1];
    const char *end = in->text + in->text_len;
    for (; p + tl <= end; p++) {
        if (memcmp(p, text, tl) != 0)
            continue;
        size_t off = (size_t)(p - in->text);
        size_t lo = 0, hi = in->n_lines;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (in->line_starts[mid] <= off)
                lo = mid;
            else
                hi = mid;
        }
        return (unsigned)lo + 1;
    }
    return fallback;
}

/* Text of a node's children as the file has it (untrimmed); *skipped_lines
 * counts the line breaks in leading white space that was dropped. */
static const char *raw_text(vl_arena *a, xmlNodePtr node, unsigned *skipped_lines)
{
    xmlChar *c = xmlNodeGetContent(node);
    if (!c)
        return NULL;
    const char *s = (const char *)c;
    unsigned nl = 0;
    while (*s && vl_is_space((unsigned char)*s)) {
        if (*s == '\n')
            nl++;
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && vl_is_space((unsigned char)s[n - 1]))
        n--;
    const char *r = vl_arena_strndup(a, s, n);
    xmlFree(c);
    *skipped_lines = nl;
    return r;
}

/* Walks the subtree under `root` into a list. For the ProfileXML list
 * (eap == false) elements get schema ids; the EAP configuration and opaque
 * plug-in configuration are not descended into. */
static int walk(builder *b, xmlNodePtr root, const vl_src *src, bool eap)
{
    vl_profile *p = b->p;
    vl_el **list = eap ? &p->eap : &p->els;
    size_t *n = eap ? &p->n_eap : &p->n_els;
    size_t *cap = eap ? &b->cap_eap : &b->cap_els;
    int stack[300];
    int depth = 0;
    xmlNodePtr node = root;
    int parent = -1;

    while (node) {
        bool descend = false;
        if (node->type == XML_ELEMENT_NODE) {
            vl_el *e = push_el(list, n, cap);
            if (!e)
                return vl_error_oom();
            e->node = node;
            e->src = src;
            e->name = (const char *)node->name;
            e->ns = node->ns ? (const char *)node->ns->href : NULL;
            e->index = (int)(*n - 1);
            e->parent = parent;
            e->depth = depth;
            e->next_same = -1;
            e->line = orig_line(src, node);
            e->text = "";
            if (eap) {
                e->def = VL_PX_NONE;
                bool has_child_el = false;
                for (xmlNodePtr c = node->children; c; c = c->next)
                    if (c->type == XML_ELEMENT_NODE)
                        has_child_el = true;
                if (!has_child_el)
                    e->text = vl_xml_text(p->arena, node);
                descend = has_child_el;
            } else {
                int pd = parent < 0 ? VL_PX_NONE : (*list)[parent].def;
                e->def = parent < 0 ? VL_PX_ROOT : lookup_def(b, pd, e->name);
                const vl_px_def *d = vl_px_def_get(e->def);
                if (!d) {
                    e->text = vl_xml_text(p->arena, node);
                } else if (d->type == VL_T_CONTAINER) {
                    descend = true;
                } else if (d->type == VL_T_EAP) {
                    p->eap_config = NULL; /* set after the walk (list may move) */
                    p->eap_form = VL_EAP_EMPTY;
                } else if (d->type != VL_T_ANY) {
                    e->text = vl_xml_text(p->arena, node);
                }
            }
            if (!e->text)
                return vl_error_oom();
        } else if (node->type == XML_COMMENT_NODE) {
            directive(b, src, node);
        } else if (!eap && (node->type == XML_TEXT_NODE) && parent >= 0 &&
                   ((*list)[parent].def == VL_PX_UNKNOWN ||
                    vl_px_def_get((*list)[parent].def)->type == VL_T_CONTAINER)) {
            const char *c = (const char *)node->content;
            while (*c && vl_is_space((unsigned char)*c))
                c++;
            if (*c && (*list)[parent].def != VL_PX_UNKNOWN) {
                if (p->n_stray == b->cap_stray) {
                    size_t nc = b->cap_stray ? b->cap_stray * 2 : 8;
                    vl_el *s = vl_realloc(p->stray, nc * sizeof *s);
                    if (!s)
                        return vl_error_oom();
                    p->stray = s;
                    b->cap_stray = nc;
                }
                vl_el *s = &p->stray[p->n_stray++];
                memset(s, 0, sizeof *s);
                s->node = node;
                s->src = src;
                s->name = "";
                s->text = vl_xml_text(p->arena, node->parent);
                s->def = VL_PX_NONE;
                s->parent = parent;
                s->index = (int)p->n_stray - 1;
                s->next_same = -1;
                s->line = stray_line(b, src, node, s->text);
                if (!s->text)
                    return vl_error_oom();
            }
        }

        if (descend && node->children && depth < 256) {
            stack[depth++] = parent;
            parent = (int)(*n - 1);
            node = node->children;
            continue;
        }
        while (node && !node->next && node != root) {
            node = node->parent;
            if (depth > 0)
                parent = stack[--depth];
            if (node == root)
                node = NULL;
        }
        if (!node || node == root)
            break;
        node = node->next;
    }
    return VPNLINT_OK;
}

static int build_eap(builder *b)
{
    vl_profile *p = b->p;
    const vl_el *cfg = p->eap_config;
    if (!cfg)
        return VPNLINT_OK;
    xmlNodePtr el = NULL;
    bool only_comments = true;
    for (xmlNodePtr c = cfg->node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !el)
            el = c;
        if (c->type == XML_TEXT_NODE) {
            size_t tl;
            vl_trim((const char *)c->content, strlen((const char *)c->content), &tl);
            if (tl)
                only_comments = false;
        }
    }
    p->eap_src = p->src;
    if (el) {
        p->eap_form = VL_EAP_INLINE;
        return walk(b, el, &p->eap_src, true);
    }
    if (only_comments) {
        p->eap_form = VL_EAP_EMPTY;
        return VPNLINT_OK;
    }
    /* Entity-escaped EapHostConfig: libxml2 already decoded the entities in
     * the text; parse it as its own document, lines counted from the
     * Configuration start tag. */
    unsigned skipped;
    const char *text = raw_text(p->arena, cfg->node, &skipped);
    if (!text)
        return vl_error_oom();
    if (text[0] != '<') {
        p->eap_form = VL_EAP_MALFORMED;
        return VPNLINT_OK;
    }
    p->eap_src.line_base = cfg->line + skipped;
    p->eap_src.escaped = true;
    p->eap_doc = vl_xml_parse(b->in, text, strlen(text), p->eap_src.line_base, b->max_depth,
                              "in the escaped EAP configuration: ");
    if (!p->eap_doc) {
        p->eap_form = VL_EAP_MALFORMED;
        return VPNLINT_OK;
    }
    p->eap_form = VL_EAP_ESCAPED;
    return walk(b, xmlDocGetRootElement(p->eap_doc), &p->eap_src, true);
}

static bool ends_with_ci(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && vl_strcasecmp(s + a - b, suffix) == 0;
}

static xmlNodePtr child_named(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

/* SyncML: the first Item whose Target/LocURI ends in /ProfileXML. */
static xmlNodePtr syncml_data(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, "Item") == 0) {
            xmlNodePtr uri = child_named(child_named(n, "Target"), "LocURI");
            xmlNodePtr data = child_named(n, "Data");
            if (uri && data) {
                xmlChar *u = xmlNodeGetContent(uri);
                size_t ul = 0;
                const char *t = u ? vl_trim((const char *)u, strlen((const char *)u), &ul) : "";
                char tmp[1024];
                snprintf(tmp, sizeof tmp, "%.*s", (int)(ul < 1000 ? ul : 1000), t);
                bool match = ends_with_ci(tmp, "/ProfileXML");
                xmlFree(u);
                if (match)
                    return data;
            }
        }
        xmlNodePtr found = syncml_data(n->children);
        if (found)
            return found;
    }
    return NULL;
}

/* Returns the root element to model, or NULL (problems recorded). */
static xmlNodePtr locate_profile(builder *b, xmlDocPtr *doc_out)
{
    vl_input *in = b->in;
    vl_profile *p = b->p;
    *doc_out = NULL;
    p->src.text = in->text;
    p->src.text_len = in->text_len;
    p->src.line_base = 1;

    if (strcmp(in->envelope, "escaped") == 0) {
        /* Let libxml2 undo the escaping: wrap the text in an element. */
        vl_buf w = VL_BUF_INIT;
        vl_buf_puts(&w, "<x>");
        vl_buf_put(&w, in->text, in->text_len);
        vl_buf_puts(&w, "</x>");
        if (!vl_buf_ok(&w)) {
            vl_buf_free(&w);
            return NULL;
        }
        b->envelope_doc =
            vl_xml_parse(in, w.data, w.len, 1, b->max_depth, "in the escaped profile: ");
        vl_buf_free(&w);
        if (!b->envelope_doc)
            return NULL;
        unsigned skipped;
        const char *text = raw_text(p->arena, xmlDocGetRootElement(b->envelope_doc), &skipped);
        if (!text)
            return NULL;
        p->src.escaped = true;
        p->src.line_base = 1 + skipped;
        *doc_out = vl_xml_parse(in, text, strlen(text), p->src.line_base, b->max_depth,
                                "in the unescaped profile: ");
        return *doc_out ? xmlDocGetRootElement(*doc_out) : NULL;
    }
    if (strcmp(in->envelope, "syncml") == 0) {
        b->envelope_doc = vl_xml_parse(in, in->text, in->text_len, 1, b->max_depth, NULL);
        if (!b->envelope_doc)
            return NULL;
        xmlNodePtr data = syncml_data(xmlDocGetRootElement(b->envelope_doc));
        if (!data) {
            vl_input_add_parse_error(in, 1, 1,
                                     "the SyncML document has no Item whose Target/LocURI ends "
                                     "in /ProfileXML; nothing to lint");
            return NULL;
        }
        xmlNodePtr el = NULL;
        for (xmlNodePtr c = data->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                el = c;
                break;
            }
        if (el)
            return el; /* inline in the SyncML document itself */
        unsigned skipped;
        const char *text = raw_text(p->arena, data, &skipped);
        if (!text)
            return NULL;
        p->src.line_base = orig_line(&p->src, data) + skipped;
        p->src.escaped = true;
        *doc_out = vl_xml_parse(in, text, strlen(text), p->src.line_base, b->max_depth,
                                "in the SyncML <Data> payload: ");
        return *doc_out ? xmlDocGetRootElement(*doc_out) : NULL;
    }
    *doc_out = vl_xml_parse(in, in->text, in->text_len, 1, b->max_depth, NULL);
    return *doc_out ? xmlDocGetRootElement(*doc_out) : NULL;
}

static unsigned compute_protocols(const vl_profile *p);
static vl_routing compute_routing(const vl_profile *p);

int vl_profile_build(vl_profile **out, vl_input *in, const vpnlint_options *opt)
{
    *out = NULL;
    vl_profile *p = vl_calloc(1, sizeof *p);
    if (!p || !(p->arena = vl_arena_new())) {
        free(p);
        return vl_error_oom();
    }
    builder b;
    memset(&b, 0, sizeof b);
    b.p = p;
    b.in = in;
    b.max_depth = opt->max_depth ? opt->max_depth : VPNLINT_DEFAULT_MAX_DEPTH;
    index_schema(&b);
    memcpy(p->schema_first_child, b.first_child, sizeof b.first_child);
    memcpy(p->schema_next_sibling, b.next_sibling, sizeof b.next_sibling);
    if (b.max_depth > 256)
        b.max_depth = 256;
    for (int i = 0; i < VL_PX__COUNT; i++)
        p->first[i] = -1;

    xmlNodePtr root = locate_profile(&b, &p->doc);
    int rc = VPNLINT_OK;
    if (root) {
        /* Comments before the root (file-level suppressions) */
        for (xmlNodePtr c = root->prev; c; c = c->prev)
            if (c->type == XML_COMMENT_NODE)
                directive(&b, &p->src, c);
        rc = walk(&b, root, &p->src, false);
        if (rc == VPNLINT_OK) {
            int last[VL_PX__COUNT];
            for (int i = 0; i < VL_PX__COUNT; i++)
                last[i] = -1;
            for (size_t i = 0; i < p->n_els; i++) {
                int d = p->els[i].def;
                if (d < 0 || d >= VL_PX__COUNT)
                    continue;
                if (last[d] < 0)
                    p->first[d] = (int)i;
                else
                    p->els[last[d]].next_same = (int)i;
                last[d] = (int)i;
                p->count[d]++;
            }
            p->protocols = compute_protocols(p);
            p->routing = compute_routing(p);
            if (p->first[VL_PX_EAP_Configuration] >= 0) {
                p->eap_config = &p->els[p->first[VL_PX_EAP_Configuration]];
                rc = build_eap(&b);
            }
        }
    }
    /* the escaped/SyncML wrapper is not needed once the profile is modelled,
     * unless the profile lives inside it (SyncML inline) */
    if (b.envelope_doc) {
        if (root && root->doc == b.envelope_doc)
            p->doc = b.envelope_doc;
        else
            xmlFreeDoc(b.envelope_doc);
    }
    if (rc != VPNLINT_OK || !root) {
        vl_profile_free(p);
        return rc;
    }
    *out = p;
    return VPNLINT_OK;
}

void vl_profile_free(vl_profile *p)
{
    if (!p)
        return;
    vl_px_cache_free(p->cache);
    xmlFreeDoc(p->doc);
    xmlFreeDoc(p->eap_doc);
    free(p->els);
    free(p->eap);
    free(p->stray);
    vl_arena_free(p->arena);
    free(p);
}

/* ------------------------------------------------------------- lookups */

int vl_px_schema_child(const vl_profile *p, int def)
{
    return def >= -1 && def < VL_PX__COUNT ? p->schema_first_child[def + 1] : -1;
}

int vl_px_schema_sibling(const vl_profile *p, int def)
{
    return def >= 0 && def < VL_PX__COUNT ? p->schema_next_sibling[def] : -1;
}

const vl_el *vl_px_first(const vl_profile *p, int def)
{
    if (def < 0 || def >= VL_PX__COUNT || p->first[def] < 0)
        return NULL;
    return &p->els[p->first[def]];
}

const vl_el *vl_px_next(const vl_profile *p, const vl_el *e)
{
    return e && e->next_same >= 0 ? &p->els[e->next_same] : NULL;
}

size_t vl_px_count(const vl_profile *p, int def)
{
    return def >= 0 && def < VL_PX__COUNT ? (size_t)p->count[def] : 0;
}

const vl_el *vl_px_parent(const vl_profile *p, const vl_el *e)
{
    if (!e || e->parent < 0)
        return NULL;
    if (e >= p->els && e < p->els + p->n_els)
        return &p->els[e->parent];
    if (p->eap && e >= p->eap && e < p->eap + p->n_eap) /* no NULL + 0 (UBSan) */
        return &p->eap[e->parent];
    if (p->stray && e >= p->stray && e < p->stray + p->n_stray)
        return &p->els[e->parent];
    return NULL;
}

bool vl_el_within(const vl_el *list, const vl_el *parent, const vl_el *e)
{
    for (const vl_el *x = e; x; x = x->parent >= 0 ? &list[x->parent] : NULL)
        if (x == parent)
            return true;
    return false;
}

const vl_el *vl_px_child(const vl_profile *p, const vl_el *parent, int def)
{
    if (!parent)
        return vl_px_first(p, def);
    /* children follow their parent in document order, one level deeper */
    for (size_t i = (size_t)parent->index + 1; i < p->n_els && p->els[i].depth > parent->depth; i++)
        if (p->els[i].def == def && p->els[i].parent == parent->index)
            return &p->els[i];
    return NULL;
}

const char *vl_px_value(const vl_profile *p, int def)
{
    const vl_el *e = vl_px_first(p, def);
    return e ? e->text : NULL;
}

bool vl_text_bool(const char *text, bool *value)
{
    if (strcmp(text, "true") == 0) {
        *value = true;
        return true;
    }
    if (strcmp(text, "false") == 0) {
        *value = false;
        return true;
    }
    return false;
}

bool vl_text_uint(const char *text, uint64_t *value)
{
    if (!*text)
        return false;
    uint64_t v = 0;
    for (const char *s = text; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        if (v > (UINT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *value = v;
    return true;
}

bool vl_px_bool(const vl_profile *p, int def, bool dflt)
{
    const char *t = vl_px_value(p, def);
    bool v;
    if (t && vl_text_bool(t, &v))
        return v;
    return dflt;
}

const vl_el *vl_eap_find(const vl_profile *p, const vl_el *from, const char *name)
{
    size_t i = from ? (size_t)from->index + 1 : 0;
    for (; i < p->n_eap; i++)
        if (strcmp(p->eap[i].name, name) == 0)
            return &p->eap[i];
    return NULL;
}

const vl_el *vl_eap_child(const vl_profile *p, const vl_el *parent, const char *name)
{
    if (!parent)
        return NULL;
    for (size_t i = (size_t)parent->index + 1; i < p->n_eap && p->eap[i].depth > parent->depth; i++)
        if (p->eap[i].parent == parent->index && strcmp(p->eap[i].name, name) == 0)
            return &p->eap[i];
    return NULL;
}

const char *vl_el_attr(const vl_profile *p, const vl_el *e, const char *attr)
{
    xmlChar *v = xmlGetProp(e->node, (const xmlChar *)attr);
    if (!v)
        return NULL;
    const char *r = vl_arena_strndup(p->arena, (const char *)v, strlen((const char *)v));
    xmlFree(v);
    return r;
}

/* ------------------------------------------------------- derived facts */

static unsigned proto_bit(const char *v)
{
    if (vl_strcasecmp(v, "PPTP") == 0)
        return VL_PROTO_PPTP;
    if (vl_strcasecmp(v, "L2TP") == 0)
        return VL_PROTO_L2TP;
    if (vl_strcasecmp(v, "IKEv2") == 0)
        return VL_PROTO_IKEV2;
    if (vl_strcasecmp(v, "SSTP") == 0)
        return VL_PROTO_SSTP;
    if (vl_strcasecmp(v, "Automatic") == 0)
        return VL_PROTO_ALL;
    return 0;
}

static unsigned compute_protocols(const vl_profile *p)
{
    const char *t = vl_px_value(p, VL_PX_NP_NativeProtocolType);
    if (t && vl_strcasecmp(t, "ProtocolList") != 0)
        return proto_bit(t);
    unsigned bits = 0;
    for (const vl_el *e = vl_px_first(p, VL_PX_PL_NativeProtocol_Type); e; e = vl_px_next(p, e))
        bits |= proto_bit(e->text);
    return bits;
}

unsigned vl_px_protocols(const vl_profile *p)
{
    return p->protocols;
}

vl_routing vl_px_routing(const vl_profile *p)
{
    return (vl_routing)p->routing;
}

static vl_routing compute_routing(const vl_profile *p)
{
    const char *t = vl_px_value(p, VL_PX_NP_RoutingPolicyType);
    if (!t)
        return VL_ROUTE_DEFAULT_FORCE;
    if (vl_strcasecmp(t, "SplitTunnel") == 0)
        return VL_ROUTE_SPLIT;
    return VL_ROUTE_FORCE;
}

int vl_px_eap_type(const vl_profile *p)
{
    const vl_el *m = vl_eap_find(p, NULL, "EapMethod");
    const vl_el *t = vl_eap_child(p, m, "Type");
    uint64_t v;
    if (t && vl_text_uint(t->text, &v) && v < 256)
        return (int)v;
    /* fall back to the first Config/Eap/Type */
    const vl_el *eap = vl_eap_find(p, NULL, "Eap");
    t = vl_eap_child(p, eap, "Type");
    if (t && vl_text_uint(t->text, &v) && v < 256)
        return (int)v;
    return 0;
}
