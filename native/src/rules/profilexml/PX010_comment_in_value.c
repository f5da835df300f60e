/* PX010 comment-in-value — an XML comment inside an element's value. */
#include "core/input.h"
#include "core/rule.h"
#include "profilexml/model.h"

#include <libxml/tree.h>
#include <string.h>

static void scan(vl_ctx *c, const vl_el *e)
{
    for (xmlNodePtr n = e->node->children; n; n = n->next) {
        if (n->type != XML_COMMENT_NODE)
            continue;
        long l = xmlGetLineNo(n);
        unsigned line = e->line;
        if (l > 0) { /* libxml2 numbers a comment with its last line */
            unsigned nl = 0;
            for (const char *s = (const char *)n->content; s && *s; s++)
                nl += *s == '\n';
            unsigned end = e->src->line_base + (unsigned)l - 1;
            line = end > nl && end - nl >= e->line ? end - nl : e->line;
        }
        unsigned col = e->src->escaped ? 0 : vl_src_column(c->in, line, "!--");
        vl_report_at(c, VL_SEV_DEFAULT, line, col,
                     "a comment sits inside the value of <%s>; the value is split into the "
                     "text before and after it, and parsers that read only the first text "
                     "piece see a different value: move the comment outside the element",
                     e->name);
        return; /* one per element */
    }
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->type == VL_T_CONTAINER || d->type == VL_T_EAP || d->type == VL_T_ANY)
            continue;
        scan(c, e);
    }
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        bool has_el = false;
        for (xmlNodePtr n = e->node->children; n && !has_el; n = n->next)
            has_el = n->type == XML_ELEMENT_NODE;
        if (!has_el)
            scan(c, e);
    }
}

VL_RULE(PX010) = {
    .id = "PX010",
    .name = "comment-in-value",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An XML comment sits inside an element's value",
    .description =
        "A comment inside a value (<Servers>vpn.example.com<!-- primary --></Servers>) splits "
        "the value into several text pieces. XML libraries that concatenate them see the "
        "intended value, but code that reads only the first text node sees part of it, and "
        "profile generators such as DPC reject comments in values. Comments that contain "
        "'--' are not well-formed XML at all and are reported by PX001.",
    .fix = "Move the comment before or after the element.",
    .since = "0.1.0",
    .check = check,
};
