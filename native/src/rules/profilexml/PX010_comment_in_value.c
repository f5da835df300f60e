/* PX010 comment-in-value — an XML comment inside an element's value. */
#include "core/input.h"
#include "core/rule.h"
#include "profilexml/model.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    /* the first comment inside each value element, ProfileXML then EAP */
    for (size_t i = 0; i < p->n_comments; i++) {
        const vl_value_comment *vc = &p->comments[i];
        const vl_el *e = vc->eap ? &p->eap[vc->el] : &p->els[vc->el];
        unsigned col = vl_el_src(p, e)->escaped ? 0 : vl_src_column(c->in, vc->line, "!--");
        vl_report_at(c, VL_SEV_DEFAULT, vc->line, col,
                     "a comment sits inside the value of <%s>; the value is split into the "
                     "text before and after it, and parsers that read only the first text "
                     "piece see a different value: move the comment outside the element",
                     e->name);
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
