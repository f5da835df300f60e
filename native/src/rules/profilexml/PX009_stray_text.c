/* PX009 stray-text — non-whitespace text where only elements belong, such
 * as the '>' left after a comment ("-->>"). */
#include "core/input.h"
#include "core/rule.h"
#include "profilexml/model.h"

#include <string.h>

/* Column of `txt` on `line` where it stands as text: after a '>' (the end of
 * a tag or comment) or at the start of the line; 0 if not there. */
static unsigned text_column(const vl_input *in, unsigned line, const char *txt, size_t len)
{
    if (!in->line_starts || line == 0 || line > in->n_lines || len == 0)
        return 0;
    const char *ls = in->text + in->line_starts[line - 1];
    const char *le =
        line < in->n_lines ? in->text + in->line_starts[line] : in->text + in->text_len;
    for (const char *p = ls; p + len <= le; p++) {
        if (memcmp(p, txt, len) != 0)
            continue;
        const char *q = p;
        while (q > ls && vl_is_space((unsigned char)q[-1]))
            q--;
        if (q == ls || q[-1] == '>')
            return (unsigned)(p - ls) + 1;
    }
    return 0;
}

/* Finds the stray text in the original file: after the previous sibling's
 * last line, up to the next sibling element. libxml2's line numbers for text
 * nodes are not reliable enough on their own. */
static void locate(const vl_input *in, const vl_src *src, const vl_el *parent, const vl_stray *s,
                   const char *txt, size_t len, unsigned *line, unsigned *col)
{
    unsigned lo = parent->line, hi = s->next_element;
    if (s->prev_last > lo)
        lo = s->prev_last;
    if (!hi || hi < lo)
        hi = lo + 200;
    *line = lo;
    *col = 1;
    if (src->escaped)
        return;
    for (unsigned l = lo; l <= hi && l <= in->n_lines; l++) {
        unsigned c = text_column(in, l, txt, len);
        if (c) {
            *line = l;
            *col = c;
            return;
        }
    }
}

static bool app_with_text(const vl_el *e)
{
    if (e->def != VL_PX_TF_App && e->def != VL_PX_AT_App)
        return false;
    return !(e->flags & VL_ELF_HAS_ELEMENTS); /* PX020 reports <App>path</App> */
}

static void report(vl_ctx *c, const vl_el *parent, const vl_stray *s, const char *where)
{
    const char *txt = s->text; /* trimmed, first line, at most 40 bytes */
    size_t len = strlen(txt);
    unsigned line, col;
    locate(c->in, vl_el_src(c->px, parent), parent, s, txt, len, &line, &col);
    bool gt = txt[0] == '>';
    vl_report_at(c, VL_SEV_DEFAULT, line, col,
                 "stray text '%.*s' between the child elements of <%s>%s, where only elements "
                 "belong; %s: delete it",
                 (int)len, txt, parent->name, where,
                 gt ? "it is usually a '>' left over after a comment ('-->>')"
                    : "strict parsers (Intune on Windows 11, XSD validators) reject it");
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_stray; i++) {
        int pi = p->stray[i].parent; /* an index into p->els */
        if (pi < 0 || (size_t)pi >= p->n_els)
            continue;
        const vl_el *parent = &p->els[pi];
        if (app_with_text(parent))
            continue;
        report(c, parent, &p->stray[i], "");
    }
    /* the inline or escaped EAP configuration: elements with element children */
    for (size_t i = 0; i < p->n_eap_stray; i++) {
        int pi = p->eap_stray[i].parent; /* an index into p->eap */
        if (pi < 0 || (size_t)pi >= p->n_eap)
            continue;
        report(c, &p->eap[pi], &p->eap_stray[i], " in the EAP configuration");
    }
}

VL_RULE(PX009) = {
    .id = "PX009",
    .name = "stray-text",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Text outside any value, where only child elements belong",
    .description =
        "Elements such as <VPNProfile>, <NativeProfile>, <Route> or the EAP <EapType> hold "
        "only child elements. Text between those children is a leftover: Richard Hicks' "
        "Entra Conditional Access sample has a comment closed with '-->>', which leaves a "
        "literal '>' inside the EAP configuration. XML parsers accept it, but the ProfileXML "
        "and EapHostConfig schemas do not allow it, and strict consumers reject the "
        "profile.",
    .fix = "Delete the stray characters; check comment endings ('-->', not '-->>').",
    .since = "0.1.0",
    .check = check,
};
