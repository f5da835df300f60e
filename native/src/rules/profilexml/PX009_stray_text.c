/* PX009 stray-text — non-whitespace text where only elements belong, such
 * as the '>' left after a comment ("-->>"). */
#include "core/input.h"
#include "core/multifind.h"
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdlib.h>
#include <string.h>

/* Does the text at `at` stand as text: after a '>' (the end of a tag or
 * comment) or at the start of its line, white space aside? */
static bool after_tag(const char *text, size_t text_len, size_t at, void *user)
{
    (void)text_len;
    (void)user;
    size_t q = at;
    while (q > 0 && text[q - 1] != '\n' && vl_is_space((unsigned char)text[q - 1]))
        q--;
    return q == 0 || text[q - 1] == '\n' || text[q - 1] == '>';
}

/* Where to look for the stray text in the original file: after the previous
 * sibling's last line, up to the next sibling element (200 lines when there
 * is none). libxml2's line numbers for text nodes are not reliable enough on
 * their own. Sets up the search in *q (length 0: none) and returns the line
 * to report when the text is not found. */
static unsigned search_range(const vl_input *in, const vl_src *src, const vl_el *parent,
                             const vl_stray *s, vl_mf_query *q)
{
    unsigned lo = parent->line, hi = s->next_element;
    if (s->prev_last > lo)
        lo = s->prev_last;
    if (!hi || hi < lo)
        hi = lo + 200;
    *q = (vl_mf_query){s->text, 0, 0, 0, VL_MULTIFIND_NONE};
    unsigned first = lo ? lo : 1;
    unsigned last = hi < in->n_lines ? hi : (unsigned)in->n_lines;
    if (!src->escaped && in->line_starts && first <= last) {
        q->len = strlen(s->text); /* trimmed, first line, at most 40 bytes */
        q->from = in->line_starts[first - 1];
        q->to = last < in->n_lines ? in->line_starts[last] : in->text_len;
    }
    return lo;
}

static bool app_with_text(const vl_el *e)
{
    if (e->def != VL_PX_TF_App && e->def != VL_PX_AT_App)
        return false;
    return !(e->flags & VL_ELF_HAS_ELEMENTS); /* PX020 reports <App>path</App> */
}

/* Stray i of the ProfileXML strays followed by the EAP ones; false when it
 * is not reported. */
static bool stray_at(const vl_profile *p, size_t i, const vl_el **parent, const vl_stray **s)
{
    if (i < p->n_stray) {
        *s = &p->stray[i];
        int pi = (*s)->parent; /* an index into p->els */
        if (pi < 0 || (size_t)pi >= p->n_els)
            return false;
        *parent = &p->els[pi];
        return !app_with_text(*parent);
    }
    *s = &p->eap_stray[i - p->n_stray];
    int pi = (*s)->parent; /* an index into p->eap */
    if (pi < 0 || (size_t)pi >= p->n_eap)
        return false;
    *parent = &p->eap[pi];
    return true;
}

static void report(vl_ctx *c, const vl_el *parent, const vl_stray *s, const char *where,
                   unsigned lo, const vl_mf_query *q)
{
    const vl_input *in = c->in;
    const char *txt = s->text;
    size_t len = strlen(txt);
    unsigned line = lo, col = 1;
    if (q->at != VL_MULTIFIND_NONE) {
        size_t a = 0, b = in->n_lines;
        while (b - a > 1) {
            size_t mid = (a + b) / 2;
            if (in->line_starts[mid] <= q->at)
                a = mid;
            else
                b = mid;
        }
        line = (unsigned)a + 1;
        col = (unsigned)(q->at - in->line_starts[a]) + 1;
    }
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
    const vl_input *in = c->in;
    size_t n = p->n_stray + p->n_eap_stray;
    if (n == 0)
        return;
    /* all the searches in one pass over the text: one at a time, thousands of
     * strays on one long line would each scan it from its start */
    vl_mf_query *qs = calloc(n, sizeof *qs);
    unsigned *los = calloc(n, sizeof *los);
    if (qs && los) {
        for (size_t i = 0; i < n; i++) {
            const vl_el *parent;
            const vl_stray *s;
            if (stray_at(p, i, &parent, &s))
                los[i] = search_range(in, vl_el_src(p, parent), parent, s, &qs[i]);
        }
        vl_multifind(in->text, in->text_len, qs, n, after_tag, NULL);
    }
    for (size_t i = 0; i < n; i++) {
        const vl_el *parent;
        const vl_stray *s;
        if (!stray_at(p, i, &parent, &s))
            continue;
        vl_mf_query one;
        unsigned lo;
        if (qs && los) {
            one = qs[i];
            lo = los[i];
        } else { /* out of memory: one search at a time */
            lo = search_range(in, vl_el_src(p, parent), parent, s, &one);
            vl_multifind(in->text, in->text_len, &one, 1, after_tag, NULL);
        }
        report(c, parent, s, i < p->n_stray ? "" : " in the EAP configuration", lo, &one);
    }
    free(qs);
    free(los);
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
