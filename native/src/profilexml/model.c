/* model.c — builds the ProfileXML model (model.h) from a decoded input:
 * finds the profile in its envelope (raw, entity-escaped, SyncML), parses
 * it safely with libxml2's SAX2 interface (no tree), and records every
 * element once, in document order, as the parser reports it. */
#include "model.h"

#include "core/multifind.h"
#include "core/xml.h"

#include <libxml/dict.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* What an open element is to the model. */
enum {
    F_DOC,     /* the document (or the SyncML <Data> around an inline profile) */
    F_PX_CONT, /* ProfileXML container or root: children modelled, text is stray */
    F_PX_LEAF, /* ProfileXML value or unknown element: text is its value */
    F_PX_CFG,  /* Eap/Configuration: inline EapHostConfig or escaped text */
    F_PX_ANY,  /* opaque (CustomConfiguration, a second Configuration) */
    F_EAP,     /* element of the EAP configuration */
    F_SKIP     /* not modelled (inside a value, an unknown or opaque element) */
};

enum { MODE_PROFILE, MODE_EAP, MODE_TEXT };

typedef struct frame {
    uint8_t kind;
    bool has_el;         /* a child element was seen */
    bool in_run;         /* the last child node is a text node still growing */
    bool run_text;       /* the current text node has non-space text */
    bool comment_seen;   /* a comment was seen (PX010: the first counts) */
    bool lead;           /* only white space in the collected text so far */
    bool value_comments; /* PX010 looks at comments in it */
    bool has_el_first;   /* F_PX_CFG: the inline EapHostConfig was seen */
    int el;              /* index in its list, -1 if not modelled */
    unsigned line;       /* start line */
    unsigned last;       /* line of the last node of the subtree so far */
    unsigned prev_line;  /* line of the previous child node, 0 if none */
    unsigned prev_last;  /* last line of the previous child node's subtree */
    unsigned run_line, run_prev_line, run_prev_last;
    unsigned lead_nl, text_nl;
    unsigned comment_line; /* start line of the first comment */
    size_t tstart;         /* this element's text in b->tb */
    size_t stray_from;     /* strays still waiting for a next sibling element */
    size_t stray_own;      /* first stray that may belong to this element */
    size_t dir_from;       /* directives that may still end at a child */
} frame;

typedef struct directive {
    const char *rules;
    size_t n;
    unsigned first, last;
    unsigned depth; /* frame that holds the comment */
    bool open;      /* waiting for the next sibling element */
} directive;

typedef struct builder {
    /* schema children by parent: first_child[parent + 1], next_sibling[def] */
    int first_child[VL_PX__COUNT + 1];
    int next_sibling[VL_PX__COUNT];
    vl_profile *p;
    vl_input *in;
    unsigned max_depth;
    int mode;
    bool failed;         /* out of memory */
    bool doc_is_element; /* F_DOC is the SyncML <Data> element */
    bool root_seen;
    bool cfg_seen;
    const vl_src *src;
    size_t cap_els, cap_eap, cap_stray, cap_eap_stray, cap_comments, cap_attrs, cap_opaque;
    size_t cap_dirs, n_dirs;
    directive *dirs;
    vl_buf tb;  /* text of the open elements that collect it */
    vl_buf run; /* the current stray text node, from its first non-space byte */
    /* strays whose next_element is still 0, ascending: [0] in p->stray,
     * [1] in p->eap_stray (an element start fills in the ones at or after
     * its frame's stray_from: they sit on top) */
    size_t *holes[2];
    size_t n_holes[2], cap_holes[2];
    /* ProfileXML strays whose line is looked up in the original text once
     * the profile is parsed, all together (stray_lines) */
    vl_mf_query *sq;
    size_t *sq_stray; /* index into p->stray of each */
    size_t n_sq, cap_sq, cap_sq_stray;
    /* the escaped EAP configuration, parsed after the profile */
    const char *eap_text;
    /* MODE_TEXT: all text content below the document element */
    unsigned depth;
    unsigned max_frames;
    frame *f; /* max_depth + 2, not zeroed: each is set when pushed */
} builder;

#define TOP(b) (&(b)->f[(b)->depth])

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

/* Grows *list (of `size`-byte items) so that one more fits; NULL on OOM. */
static void *grow(builder *b, void *list_ptr, size_t n, size_t *cap, size_t size)
{
    void **list = list_ptr;
    void *l = vl_grow(*list, n, cap, size, 16);
    if (!l) {
        b->failed = true;
        return NULL;
    }
    *list = l;
    return (char *)l + n * size;
}

static const char *intern(builder *b, const xmlChar *s)
{
    if (!s)
        return NULL;
    const xmlChar *r = xmlDictLookup(b->p->dict, s, -1);
    if (!r)
        b->failed = true;
    return (const char *)r;
}

static inline bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool kind_walked(const builder *b, const frame *f)
{
    return f->kind == F_PX_CONT || f->kind == F_EAP || (f->kind == F_DOC && b->doc_is_element);
}

/* ------------------------------------------------------- text nodes */

/* libxml2 gives a text node the line where the parser was when it flushed
 * the text, not where the text starts: the stray's line becomes the line of
 * the first occurrence of (the first 32 bytes of) its container's text in
 * the original file, searching from the previous sibling (or the parent);
 * it keeps libxml2's line when there is none. The searches are queued here
 * and answered together by stray_lines(): one at a time, thousands of
 * strays whose text is far away or absent (entities) would each scan to the
 * end of the file. */
static void queue_stray_line(builder *b, size_t stray, const char *text)
{
    const vl_input *in = b->in;
    unsigned from = b->p->stray[stray].anchor;
    size_t tl = strlen(text);
    if (b->src->escaped || !in->line_starts || from == 0 || from > in->n_lines || tl == 0)
        return;
    vl_mf_query *q = grow(b, &b->sq, b->n_sq, &b->cap_sq, sizeof *q);
    size_t *at = grow(b, &b->sq_stray, b->n_sq, &b->cap_sq_stray, sizeof *at);
    if (!q || !at)
        return;
    b->n_sq++;
    *q = (vl_mf_query){text, tl > 32 ? 32 : tl, in->line_starts[from - 1], in->text_len, 0};
    *at = stray;
}

static void stray_lines(builder *b)
{
    const vl_input *in = b->in;
    vl_multifind(in->text, in->text_len, b->sq, b->n_sq, NULL, NULL);
    for (size_t i = 0; i < b->n_sq; i++) {
        size_t off = b->sq[i].at;
        if (off == VL_MULTIFIND_NONE)
            continue;
        size_t lo = 0, hi = in->n_lines;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (in->line_starts[mid] <= off)
                lo = mid;
            else
                hi = mid;
        }
        b->p->stray[b->sq_stray[i]].line = (unsigned)lo + 1;
    }
}

/* Stray `stray` of list `li` (0 p->stray, 1 p->eap_stray) has no next element yet. */
static void push_hole(builder *b, int li, size_t stray)
{
    size_t *h = grow(b, &b->holes[li], b->n_holes[li], &b->cap_holes[li], sizeof *h);
    if (h) {
        *h = stray;
        b->n_holes[li]++;
    }
}

/* The list was cut back to n strays. */
static void drop_holes(builder *b, int li, size_t n)
{
    while (b->n_holes[li] > 0 && b->holes[li][b->n_holes[li] - 1] >= n)
        b->n_holes[li]--;
}

/* The text node that was growing in f ends (another node follows, or f
 * ends): it becomes the previous sibling, and maybe a stray. */
static void close_run(builder *b, frame *f)
{
    if (!f->in_run)
        return;
    f->in_run = false;
    f->prev_line = f->run_line;
    f->prev_last = f->run_line;
    if (!f->run_text)
        return;
    f->run_text = false;
    vl_profile *p = b->p;
    /* its own text: trimmed, first line, at most 40 bytes */
    size_t n = b->run.len;
    while (n > 0 && is_ws((unsigned char)b->run.data[n - 1]))
        n--;
    size_t len = 0;
    while (len < n && len < 40 && b->run.data[len] != '\n' && b->run.data[len] != '\r')
        len++;
    const char *own = vl_arena_strndup(p->arena, b->run.data, len);
    b->run.len = 0;
    vl_stray *s;
    if (f->kind == F_EAP)
        s = grow(b, &p->eap_stray, p->n_eap_stray, &b->cap_eap_stray, sizeof *s);
    else
        s = grow(b, &p->stray, p->n_stray, &b->cap_stray, sizeof *s);
    if (!s || !own) {
        b->failed = true;
        return;
    }
    if (f->kind == F_EAP)
        p->n_eap_stray++;
    else
        p->n_stray++;
    push_hole(b, f->kind == F_EAP, (f->kind == F_EAP ? p->n_eap_stray : p->n_stray) - 1);
    s->parent = f->el;
    s->line = f->run_line; /* refined once the profile is parsed (stray_lines) */
    s->anchor = f->run_prev_line ? f->run_prev_line : f->line;
    s->text = own;
    s->all = "";
    s->prev_last = f->run_prev_last;
    s->next_element = 0;
}

static void on_text(void *user, const xmlChar *ch, int len, unsigned line)
{
    builder *b = user;
    frame *f = TOP(b);
    const char *s = (const char *)ch;
    size_t n = (size_t)len;
    if (b->mode == MODE_TEXT) {
        if (b->depth >= 1)
            vl_buf_put(&b->tb, s, n);
        return;
    }
    if (!f->in_run) {
        f->in_run = true;
        f->run_line = line;
        f->run_prev_line = f->prev_line;
        f->run_prev_last = f->prev_last;
        f->last = line;
    }
    switch (f->kind) {
    case F_PX_CONT:
    case F_EAP:
    case F_PX_LEAF:
    case F_PX_CFG:
        break;
    case F_PX_ANY:
        for (const char *q = memchr(s, '\n', n); q;
             q = memchr(q + 1, '\n', n - (size_t)(q + 1 - s)))
            f->text_nl++;
        return;
    default:
        return;
    }
    if (f->kind == F_PX_CFG)
        for (const char *q = memchr(s, '\n', n); q;
             q = memchr(q + 1, '\n', n - (size_t)(q + 1 - s)))
            f->text_nl++;
    /* leading white space is trimmed away: do not keep it */
    if (f->lead) {
        while (n > 0 && is_ws((unsigned char)*s)) {
            f->lead_nl += *s == '\n';
            s++;
            n--;
        }
        if (n == 0)
            return;
        f->lead = false;
    }
    if (f->kind == F_PX_CONT || f->kind == F_EAP) {
        /* a stray text node (EAP: unless the element turns out to be a value) */
        size_t k = 0;
        if (!f->run_text) {
            while (k < n && is_ws((unsigned char)s[k]))
                k++;
            if (k < n)
                f->run_text = true;
        }
        if (f->run_text && b->run.len < 4096)
            vl_buf_put(&b->run, s + k, n - k);
        if (f->kind == F_EAP && f->has_el)
            return; /* text of an element with elements is not its value */
    }
    vl_buf_put(&b->tb, s, n);
}

/* The trimmed text f collected, in the arena ("" if none). */
static const char *take_text(builder *b, frame *f)
{
    size_t n = b->tb.len - f->tstart;
    const char *t = b->tb.data ? b->tb.data + f->tstart : "";
    while (n > 0 && is_ws((unsigned char)t[n - 1]))
        n--;
    if (n == 0)
        return "";
    const char *r = vl_arena_strndup(b->p->arena, t, n);
    if (!r)
        b->failed = true;
    return r ? r : "";
}

/* ------------------------------------------------------- comments */

static void add_directive(builder *b, const char *comment, unsigned line, frame *f)
{
    const char *rules;
    size_t n;
    bool file_wide;
    if (!vl_directive_parse(comment, &rules, &n, &file_wide))
        return;
    directive *d = grow(b, &b->dirs, b->n_dirs, &b->cap_dirs, sizeof *d);
    const char *r = vl_arena_strndup(b->p->arena, rules, n);
    if (!d || !r) {
        b->failed = true;
        return;
    }
    b->n_dirs++;
    d->rules = r;
    d->n = n;
    d->depth = b->depth;
    d->first = line;
    d->last = UINT_MAX;
    d->open = false;
    if (file_wide || (f->kind == F_DOC && !b->doc_is_element))
        d->first = 1;
    else
        d->open = true; /* ends with the next sibling element's subtree */
}

/* A comment or processing instruction at `line` ends the current text run;
 * NULL in text mode (nothing is recorded). */
static frame *other_node(builder *b, unsigned line)
{
    if (b->mode == MODE_TEXT)
        return NULL;
    frame *f = TOP(b);
    close_run(b, f);
    f->prev_line = f->prev_last = line;
    f->last = line;
    return f;
}

static void on_comment(void *user, const xmlChar *value, unsigned line)
{
    builder *b = user;
    frame *f = other_node(b, line);
    if (!f)
        return;
    const char *c = (const char *)value;
    if (f->kind == F_DOC ? !b->root_seen && b->mode == MODE_PROFILE : kind_walked(b, f))
        add_directive(b, c, line, f);
    if (f->value_comments && !f->comment_seen) {
        f->comment_seen = true;
        /* libxml2 reports a comment with its last line: count back */
        unsigned nl = 0;
        for (const char *q = strchr(c, '\n'); q; q = strchr(q + 1, '\n'))
            nl++;
        f->comment_line = line > nl && line - nl >= f->line ? line - nl : f->line;
    }
}

static void on_pi(void *user, unsigned line)
{
    (void)other_node(user, line);
}

/* ------------------------------------------------------- elements */

/* "&#38;" is how libxml2 hands over an '&' in an attribute value when it
 * does not substitute entities. */
static const char *attr_value(builder *b, const char *v, size_t n)
{
    char *r = vl_arena_strndup(b->p->arena, v, n);
    if (!r) {
        b->failed = true;
        return NULL;
    }
    char *w = r;
    for (const char *q = r; *q;) {
        if (strncmp(q, "&#38;", 5) == 0) {
            *w++ = '&';
            q += 5;
        } else {
            *w++ = *q++;
        }
    }
    *w = '\0';
    return r;
}

static void add_attrs(builder *b, int el, bool eap, int nb, const xmlChar **a)
{
    for (int i = 0; i < nb; i++, a += 5) {
        vl_attr *at = grow(b, &b->p->attrs, b->p->n_attrs, &b->cap_attrs, sizeof *at);
        if (!at)
            return;
        at->el = el;
        at->eap = eap;
        at->name = intern(b, a[0]);
        at->value = attr_value(b, (const char *)a[3], (size_t)(a[4] - a[3]));
        if (at->name && at->value)
            b->p->n_attrs++;
    }
}

static vl_el *new_el(builder *b, bool eap, int parent, unsigned line)
{
    vl_profile *p = b->p;
    vl_el *e = eap ? grow(b, &p->eap, p->n_eap, &b->cap_eap, sizeof *e)
                   : grow(b, &p->els, p->n_els, &b->cap_els, sizeof *e);
    if (!e)
        return NULL;
    size_t *n = eap ? &p->n_eap : &p->n_els;
    const vl_el *list = eap ? p->eap : p->els;
    (*n)++;
    e->parent = parent;
    e->depth = parent < 0 ? 0 : (uint8_t)(list[parent].depth + 1);
    e->next_same = -1;
    e->line = line;
    e->text = "";
    e->ns = NULL;
    e->flags = eap ? VL_ELF_EAP : 0;
    return e;
}

static void on_start(void *user, const xmlChar *localname, const xmlChar *uri, int nb_attributes,
                     const xmlChar **attributes, unsigned line)
{
    builder *b = user;
    frame *f = TOP(b);
    if (b->depth + 1 >= b->max_frames || b->failed) {
        b->failed = true;
        return;
    }
    if (f->kind == F_EAP && b->mode != MODE_TEXT)
        b->tb.len = f->tstart; /* an element with elements has no value */
    frame *c = f + 1;
    b->depth++;
    memset(c, 0, sizeof *c);
    c->kind = F_SKIP;
    c->el = -1;
    c->line = c->last = line;
    c->lead = true;
    c->tstart = b->tb.len;
    c->dir_from = b->n_dirs;
    if (b->mode == MODE_TEXT)
        return;
    close_run(b, f);
    f->has_el = true;
    vl_profile *p = b->p;
    /* strays before this element learn where the next element is: every
     * one from f->stray_from on that has no next element yet (in the list
     * of f's kind; a new frame's stray_from is 0) */
    int li = f->kind == F_EAP;
    vl_stray *strays = li ? p->eap_stray : p->stray;
    if (line) /* setting 0 would change nothing */
        while (b->n_holes[li] > 0 && b->holes[li][b->n_holes[li] - 1] >= f->stray_from)
            strays[b->holes[li][--b->n_holes[li]]].next_element = line;
    f->stray_from = li ? p->n_eap_stray : p->n_stray;

    const char *name = (const char *)localname;
    bool eap_el = false;
    int parent = -1;
    if (f->kind == F_DOC) {
        if (b->root_seen)
            return;
        b->root_seen = true;
        eap_el = b->mode == MODE_EAP;
    } else if (f->kind == F_PX_CONT) {
        parent = f->el;
    } else if (f->kind == F_EAP) {
        eap_el = true;
        parent = f->el;
    } else if (f->kind == F_PX_CFG && !f->has_el_first) {
        f->has_el_first = true;
        eap_el = true;
        p->eap_form = VL_EAP_INLINE;
        p->eap_src = p->src;
    } else {
        return; /* F_SKIP, or inside a value or opaque element */
    }

    vl_el *e = new_el(b, eap_el, parent, line);
    if (!e)
        return;
    c->el = (int)((eap_el ? p->n_eap : p->n_els) - 1);
    c->stray_own = eap_el ? p->n_eap_stray : p->n_stray;
    e->ns = intern(b, uri);
    if (eap_el) {
        e->def = VL_PX_NONE;
        e->name = intern(b, localname);
        c->kind = F_EAP;
        c->value_comments = true;
    } else {
        int def = parent < 0 ? VL_PX_ROOT : lookup_def(b, p->els[parent].def, name);
        const vl_px_def *d = vl_px_def_get(def);
        e->def = (int16_t)def;
        e->name = d && def != VL_PX_ROOT ? d->name : intern(b, localname);
        if (!d) {
            c->kind = F_PX_LEAF;
        } else if (d->type == VL_T_CONTAINER) {
            c->kind = F_PX_CONT;
        } else if (d->type == VL_T_EAP && !b->cfg_seen) {
            b->cfg_seen = true;
            c->kind = F_PX_CFG;
            p->eap_form = VL_EAP_EMPTY;
        } else if (d->type == VL_T_EAP || d->type == VL_T_ANY) {
            c->kind = F_PX_ANY;
        } else {
            c->kind = F_PX_LEAF;
            c->value_comments = true;
        }
    }
    if (nb_attributes > 0)
        add_attrs(b, c->el, eap_el, nb_attributes, attributes);
}

static void add_opaque(builder *b, int el, unsigned nl)
{
    vl_opaque *o = grow(b, &b->p->opaque, b->p->n_opaque, &b->cap_opaque, sizeof *o);
    if (!o)
        return;
    b->p->n_opaque++;
    o->el = el;
    o->text_nl = nl;
}

static void add_value_comment(builder *b, const frame *c)
{
    vl_value_comment *vc = grow(b, &b->p->comments, b->p->n_comments, &b->cap_comments, sizeof *vc);
    if (!vc)
        return;
    b->p->n_comments++;
    vc->el = c->el;
    vc->eap = c->kind == F_EAP;
    vc->line = c->comment_line;
}

/* An element ends: what it collected becomes part of the model. */
static void finish(builder *b, frame *c)
{
    vl_profile *p = b->p;
    if (c->el < 0 || c->kind == F_SKIP)
        return;
    vl_el *e = c->kind == F_EAP ? &p->eap[c->el] : &p->els[c->el];
    if (c->has_el)
        e->flags |= VL_ELF_HAS_ELEMENTS;
    switch (c->kind) {
    case F_PX_LEAF:
        e->text = take_text(b, c);
        if (c->value_comments && c->comment_seen)
            add_value_comment(b, c);
        break;
    case F_EAP:
        if (!c->has_el) {
            e->text = take_text(b, c);
            if (c->comment_seen)
                add_value_comment(b, c);
            /* text and comments of a value: not strays, not directives */
            p->n_eap_stray = c->stray_own;
            drop_holes(b, 1, p->n_eap_stray);
            b->n_dirs = c->dir_from;
        }
        break;
    case F_PX_CONT:
        /* its strays and those of the containers inside it: each stray is
         * passed over once per container around it, at most 4 (the schema's
         * container depth) */
        if (p->n_stray > c->stray_own) {
            const char *all = take_text(b, c);
            for (size_t i = c->stray_own; i < p->n_stray; i++) {
                vl_stray *s = &p->stray[i];
                if (s->parent != c->el)
                    continue;
                s->all = all;
                queue_stray_line(b, i, all);
            }
        }
        break;
    case F_PX_ANY:
        add_opaque(b, c->el, c->text_nl);
        break;
    case F_PX_CFG:
        add_opaque(b, c->el, c->text_nl);
        if (c->has_el_first)
            break; /* inline */
        if (b->tb.len == c->tstart) {
            p->eap_form = VL_EAP_EMPTY; /* nothing, or only comments */
            break;
        }
        {
            const char *text = take_text(b, c);
            if (text[0] != '<') {
                p->eap_form = VL_EAP_MALFORMED;
                p->eap_not_xml = true;
                break;
            }
            /* entity-escaped EapHostConfig, decoded by the parser: parsed as
             * its own document once the profile is done, lines counted from
             * the Configuration start tag */
            b->eap_text = text;
            p->eap_src = p->src;
            p->eap_src.line_base = e->line + c->lead_nl;
            p->eap_src.escaped = true;
        }
        break;
    default:
        break;
    }
}

static void on_end(void *user, unsigned line)
{
    (void)line;
    builder *b = user;
    if (b->depth == 0)
        return;
    frame *c = TOP(b);
    frame *f = c - 1;
    if (b->mode != MODE_TEXT) {
        close_run(b, c);
        finish(b, c);
        /* directives with no element after them in c end where they are */
        for (size_t i = c->dir_from; i < b->n_dirs; i++)
            if (b->dirs[i].open && b->dirs[i].depth == b->depth) {
                b->dirs[i].open = false;
                b->dirs[i].last = b->dirs[i].first;
            }
    }
    b->depth--;
    if (b->mode == MODE_TEXT)
        return;
    b->tb.len = c->tstart;
    f->prev_line = c->line;
    f->prev_last = c->last;
    f->last = c->last;
    for (size_t i = f->dir_from; i < b->n_dirs; i++)
        if (b->dirs[i].open && b->dirs[i].depth == b->depth) {
            b->dirs[i].open = false;
            b->dirs[i].last = c->last;
        }
    f->dir_from = b->n_dirs;
    f->stray_from = f->kind == F_EAP ? b->p->n_eap_stray : b->p->n_stray;
}

static void reset_doc(builder *b, int mode)
{
    b->mode = mode;
    b->depth = 0;
    b->root_seen = false;
    b->tb.len = 0;
    b->run.len = 0;
    frame *f = &b->f[0];
    memset(f, 0, sizeof *f);
    f->kind = F_DOC;
    f->el = -1;
    f->lead = true;
    f->dir_from = b->n_dirs;
    f->stray_from = mode == MODE_EAP ? b->p->n_eap_stray : b->p->n_stray;
}

/* Parses text into the model; false when it is not well-formed or unsafe
 * (problems recorded) or memory ran out (b->failed). */
static bool parse_into(builder *b, const char *text, size_t len, unsigned line_base,
                       const char *what, int mode)
{
    reset_doc(b, mode);
    vl_xml_sax h = {b, on_start, on_end, on_text, on_comment, on_pi};
    bool ok = vl_xml_sax_parse(b->in, text, len, line_base, b->max_depth, what, &h);
    if (!vl_buf_ok(&b->tb) || !vl_buf_ok(&b->run))
        b->failed = true;
    return ok && !b->failed;
}

/* ------------------------------------------------------- envelopes */

static unsigned node_line(xmlNodePtr n)
{
    long l = xmlGetLineNo(n);
    return l > 0 ? (unsigned)l : 0;
}

/* Feeds a subtree of the SyncML document (an inline profile) to the
 * builder as if the parser reported it. */
static void replay(builder *b, xmlNodePtr n)
{
    if (b->failed)
        return;
    switch (n->type) {
    case XML_ELEMENT_NODE: {
        const xmlChar *attrs[5 * 32];
        xmlChar *values[32];
        int na = 0;
        for (xmlAttrPtr a = n->properties; a && na < 32; a = a->next) {
            xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
            values[na] = v;
            attrs[5 * na] = a->name;
            attrs[5 * na + 1] = NULL;
            attrs[5 * na + 2] = NULL;
            attrs[5 * na + 3] = v ? v : (const xmlChar *)"";
            attrs[5 * na + 4] = attrs[5 * na + 3] + strlen((const char *)attrs[5 * na + 3]);
            na++;
        }
        on_start(b, n->name, n->ns ? n->ns->href : NULL, na, attrs, node_line(n));
        for (int i = 0; i < na; i++)
            xmlFree(values[i]);
        for (xmlNodePtr c = n->children; c; c = c->next)
            replay(b, c);
        on_end(b, 0);
        break;
    }
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (n->content)
            on_text(b, n->content, (int)strlen((const char *)n->content), node_line(n));
        break;
    case XML_COMMENT_NODE:
        on_comment(b, n->content ? n->content : (const xmlChar *)"", node_line(n));
        break;
    case XML_PI_NODE:
        on_pi(b, node_line(n));
        break;
    default:
        break;
    }
}

/* Text of a node's children as the file has it, trimmed, in the arena;
 * *skipped_lines counts the line breaks in leading white space. */
static const char *raw_text(vl_arena *a, xmlNodePtr node, unsigned *skipped_lines)
{
    xmlChar *c = xmlNodeGetContent(node);
    if (!c)
        return NULL;
    const char *s = (const char *)c;
    unsigned nl = 0;
    while (*s && is_ws((unsigned char)*s)) {
        if (*s == '\n')
            nl++;
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && is_ws((unsigned char)s[n - 1]))
        n--;
    const char *r = vl_arena_strndup(a, s, n);
    xmlFree(c);
    *skipped_lines = nl;
    return r;
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

/* The SyncML envelope (small) is parsed into a tree to find the payload;
 * an inline profile is replayed from it, an escaped one parsed again. */
static bool model_syncml(builder *b)
{
    vl_input *in = b->in;
    vl_profile *p = b->p;
    xmlDocPtr doc = vl_xml_parse(in, in->text, in->text_len, 1, b->max_depth, NULL);
    if (!doc)
        return false;
    bool ok = false;
    xmlNodePtr data = syncml_data(xmlDocGetRootElement(doc));
    if (!data) {
        vl_input_add_parse_error(in, 1, 1,
                                 "the SyncML document has no Item whose Target/LocURI ends "
                                 "in /ProfileXML; nothing to lint");
    } else {
        xmlNodePtr el = NULL;
        for (xmlNodePtr c = data->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                el = c;
                break;
            }
        if (el) {
            /* inline in the SyncML document itself */
            reset_doc(b, MODE_PROFILE);
            b->doc_is_element = true;
            for (xmlNodePtr c = data->children; c != el; c = c->next)
                if (c->type == XML_COMMENT_NODE)
                    replay(b, c);
            replay(b, el);
            ok = !b->failed;
        } else {
            unsigned skipped;
            const char *text = raw_text(p->arena, data, &skipped);
            if (!text) {
                b->failed = true;
            } else {
                p->src.line_base = node_line(data) + skipped;
                p->src.escaped = true;
                ok = parse_into(b, text, strlen(text), p->src.line_base,
                                "in the SyncML <Data> payload: ", MODE_PROFILE);
            }
        }
    }
    xmlFreeDoc(doc);
    return ok;
}

/* Models the profile wherever it sits; false when there is none (problems
 * recorded) or memory ran out (b->failed). */
static bool model_profile(builder *b)
{
    vl_input *in = b->in;
    vl_profile *p = b->p;
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
            b->failed = true;
            return false;
        }
        bool ok = parse_into(b, w.data, w.len, 1, "in the escaped profile: ", MODE_TEXT);
        vl_buf_free(&w);
        if (!ok)
            return false;
        const char *s = b->tb.data ? b->tb.data : "";
        size_t n = b->tb.len;
        unsigned skipped = 0;
        while (n > 0 && is_ws((unsigned char)*s)) {
            skipped += *s == '\n';
            s++;
            n--;
        }
        while (n > 0 && is_ws((unsigned char)s[n - 1]))
            n--;
        const char *text = vl_arena_strndup(p->arena, s, n);
        if (!text) {
            b->failed = true;
            return false;
        }
        p->src.escaped = true;
        p->src.line_base = 1 + skipped;
        return parse_into(b, text, n, p->src.line_base, "in the unescaped profile: ", MODE_PROFILE);
    }
    if (strcmp(in->envelope, "syncml") == 0)
        return model_syncml(b);
    return parse_into(b, in->text, in->text_len, 1, NULL, MODE_PROFILE);
}

/* ProfileXML entries first, then EAP ones, each in document order. */
static void partition(void *list, size_t n, size_t size, size_t eap_off, size_t *n_px)
{
    *n_px = 0;
    if (n < 2) {
        if (n == 1 && !*((bool *)((char *)list + eap_off)))
            *n_px = 1;
        return;
    }
    char *tmp = vl_malloc(n * size);
    if (!tmp)
        return;
    size_t k = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            char *it = (char *)list + i * size;
            if (*(bool *)(it + eap_off) == (pass == 1)) {
                memcpy(tmp + k * size, it, size);
                k++;
            }
        }
    memcpy(list, tmp, n * size);
    free(tmp);
    for (size_t i = 0; i < n && !*(bool *)((char *)list + i * size + eap_off); i++)
        (*n_px)++;
}

typedef struct stray_at {
    vl_stray s;
    size_t at;
} stray_at;

/* Strays by parent element, then by position: both sorts below. */
static int cmp_parent_at(int pa, size_t at_a, int pb, size_t at_b)
{
    if (pa != pb)
        return pa < pb ? -1 : 1;
    return at_a < at_b ? -1 : at_a > at_b;
}

static int cmp_stray(const void *a, const void *b)
{
    const stray_at *x = a, *y = b;
    return cmp_parent_at(x->s.parent, x->at, y->s.parent, y->at);
}

typedef struct stray_key {
    int parent;
    size_t at;
} stray_key;

static int cmp_stray_key(const void *a, const void *b)
{
    const stray_key *x = a, *y = b;
    return cmp_parent_at(x->parent, x->at, y->parent, y->at);
}

/* p->stray_order, for vl_px_container_text (asked for every <App>). */
static void index_strays(vl_profile *p)
{
    size_t n = p->n_stray;
    if (n < 2)
        return;
    stray_key *k = vl_malloc(n * sizeof *k);
    p->stray_order = vl_malloc(n * sizeof *p->stray_order);
    if (!k || !p->stray_order) {
        free(k);
        free(p->stray_order);
        p->stray_order = NULL;
        return;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (stray_key){p->stray[i].parent, i};
    qsort(k, n, sizeof *k, cmp_stray_key);
    for (size_t i = 0; i < n; i++)
        p->stray_order[i] = k[i].at;
    free(k);
}

/* EAP strays by parent element, document order within one (PX009 reports
 * them element by element). */
static void sort_eap_strays(vl_profile *p)
{
    size_t n = p->n_eap_stray;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = p->eap_stray[i - 1].parent <= p->eap_stray[i].parent;
    if (sorted)
        return;
    stray_at *t = vl_malloc(n * sizeof *t);
    if (!t)
        return;
    for (size_t i = 0; i < n; i++) {
        t[i].s = p->eap_stray[i];
        t[i].at = i;
    }
    qsort(t, n, sizeof *t, cmp_stray);
    for (size_t i = 0; i < n; i++)
        p->eap_stray[i] = t[i].s;
    free(t);
}

static unsigned compute_protocols(const vl_profile *p);
static vl_routing compute_routing(const vl_profile *p);

static void builder_free(builder *b)
{
    free(b->dirs);
    free(b->holes[0]);
    free(b->holes[1]);
    free(b->sq);
    free(b->sq_stray);
    vl_buf_free(&b->tb);
    vl_buf_free(&b->run);
    free(b->f);
    free(b);
}

int vl_profile_build(vl_profile **out, vl_input *in, const vpnlint_options *opt)
{
    *out = NULL;
    vl_profile *p = vl_calloc(1, sizeof *p);
    if (!p || !(p->arena = vl_arena_new()) || !(p->dict = xmlDictCreate())) {
        if (p)
            vl_arena_free(p->arena);
        free(p);
        return vl_error_oom();
    }
    builder *b = vl_calloc(1, sizeof *b);
    if (!b) {
        vl_profile_free(p);
        return vl_error_oom();
    }
    b->p = p;
    b->in = in;
    b->src = &p->src;
    b->max_depth = opt->max_depth ? opt->max_depth : VPNLINT_DEFAULT_MAX_DEPTH;
    if (b->max_depth > 256)
        b->max_depth = 256;
    b->max_frames = b->max_depth + 2;
    b->f = vl_malloc(b->max_frames * sizeof *b->f);
    if (!b->f) {
        free(b);
        vl_profile_free(p);
        return vl_error_oom();
    }
    index_schema(b);
    memcpy(p->schema_first_child, b->first_child, sizeof b->first_child);
    memcpy(p->schema_next_sibling, b->next_sibling, sizeof b->next_sibling);
    for (int i = 0; i < VL_PX__COUNT; i++)
        p->first[i] = -1;

    int rc = VPNLINT_OK;
    if (!model_profile(b) || p->n_els == 0) {
        rc = b->failed ? vl_error_oom() : VPNLINT_OK;
        goto fail;
    }
    stray_lines(b);
    index_strays(p);
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
    if (p->first[VL_PX_EAP_Configuration] >= 0)
        p->eap_config = &p->els[p->first[VL_PX_EAP_Configuration]];
    if (b->eap_text) {
        size_t dirs = b->n_dirs, comments = p->n_comments, attrs = p->n_attrs;
        b->src = &p->eap_src;
        if (parse_into(b, b->eap_text, strlen(b->eap_text), p->eap_src.line_base,
                       "in the escaped EAP configuration: ", MODE_EAP)) {
            p->eap_form = VL_EAP_ESCAPED;
        } else {
            if (b->failed) {
                rc = vl_error_oom();
                goto fail;
            }
            p->eap_form = VL_EAP_MALFORMED;
            p->n_eap = 0;
            p->n_eap_stray = 0;
            b->n_dirs = dirs;
            p->n_comments = comments;
            p->n_attrs = attrs;
        }
    }
    partition(p->comments, p->n_comments, sizeof *p->comments, offsetof(vl_value_comment, eap),
              &(size_t){0});
    partition(p->attrs, p->n_attrs, sizeof *p->attrs, offsetof(vl_attr, eap), &p->n_px_attrs);
    sort_eap_strays(p);
    for (size_t i = 0; i < b->n_dirs; i++) {
        directive *d = &b->dirs[i];
        vl_input_add_suppress(in, d->rules, d->n, d->first, d->open ? d->first : d->last);
    }
    vl_input_index_suppress(in);
    builder_free(b);
    *out = p;
    return VPNLINT_OK;
fail:
    builder_free(b);
    vl_profile_free(p);
    return rc;
}

void vl_profile_free(vl_profile *p)
{
    if (!p)
        return;
    vl_px_cache_free(p->cache);
    free(p->els);
    free(p->eap);
    free(p->stray);
    free(p->stray_order);
    free(p->eap_stray);
    free(p->comments);
    free(p->attrs);
    free(p->opaque);
    if (p->dict)
        xmlDictFree(p->dict);
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
    for (size_t i = (size_t)vl_el_index(p, parent) + 1;
         i < p->n_els && p->els[i].depth > parent->depth; i++)
        if (p->els[i].def == def && p->els[i].parent == vl_el_index(p, parent))
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
    size_t i = from ? (size_t)vl_el_index(p, from) + 1 : 0;
    for (; i < p->n_eap; i++)
        if (strcmp(p->eap[i].name, name) == 0)
            return &p->eap[i];
    return NULL;
}

const vl_el *vl_eap_child(const vl_profile *p, const vl_el *parent, const char *name)
{
    if (!parent)
        return NULL;
    for (size_t i = (size_t)vl_el_index(p, parent) + 1;
         i < p->n_eap && p->eap[i].depth > parent->depth; i++)
        if (p->eap[i].parent == vl_el_index(p, parent) && strcmp(p->eap[i].name, name) == 0)
            return &p->eap[i];
    return NULL;
}

const char *vl_el_attr(const vl_profile *p, const vl_el *e, const char *attr)
{
    if (!e || !p->attrs)
        return NULL;
    bool eap = (e->flags & VL_ELF_EAP) != 0;
    size_t lo = eap ? p->n_px_attrs : 0, hi = eap ? p->n_attrs : p->n_px_attrs;
    while (lo < hi) { /* first attribute of e */
        size_t mid = (lo + hi) / 2;
        if (p->attrs[mid].el < vl_el_index(p, e))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = eap ? p->n_attrs : p->n_px_attrs;
    for (size_t i = lo; i < end && p->attrs[i].el == vl_el_index(p, e); i++)
        if (strcmp(p->attrs[i].name, attr) == 0)
            return p->attrs[i].value;
    return NULL;
}

const vl_src *vl_el_src(const vl_profile *p, const vl_el *e)
{
    return e && (e->flags & VL_ELF_EAP) ? &p->eap_src : &p->src;
}

bool vl_px_text_lines(const vl_profile *p, const vl_el *e, unsigned *nl)
{
    if (!e || (e->flags & (VL_ELF_HAS_ELEMENTS | VL_ELF_EAP)))
        return false;
    for (size_t i = 0; i < p->n_opaque; i++)
        if (p->opaque[i].el == vl_el_index(p, e)) {
            *nl = p->opaque[i].text_nl;
            return true;
        }
    return false;
}

const char *vl_px_container_text(const vl_profile *p, const vl_el *e)
{
    if (!e || (e->flags & VL_ELF_EAP))
        return NULL;
    int el = vl_el_index(p, e);
    if (!p->stray_order) {
        for (size_t i = 0; i < p->n_stray; i++)
            if (p->stray[i].parent == el)
                return p->stray[i].all;
        return NULL;
    }
    size_t lo = 0, hi = p->n_stray; /* its first stray in document order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->stray[p->stray_order[mid]].parent < el)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < p->n_stray && p->stray[p->stray_order[lo]].parent == el)
        return p->stray[p->stray_order[lo]].all;
    return NULL;
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
