/* PX035 element-order — elements are not in the order of the 2023 XSD's
 * xs:sequence (opt-in: Windows does not enforce it). Relies on the rows of
 * schema.def being in XSD sequence order within each parent. */
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdio.h>
#include <stdlib.h>

static bool in_sequence(int def)
{
    const vl_px_def *d = vl_px_def_get(def);
    return d && !(d->flags & (VL_PXF_NOT_IN_XSD | VL_PXF_GET_ONLY));
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_els < 2)
        return;
    /* per parent: the latest def in sequence so far, the first element out
     * of order and how many are */
    int *last = malloc(p->n_els * sizeof *last);
    int *first_bad = malloc(p->n_els * sizeof *first_bad);
    int *after = malloc(p->n_els * sizeof *after);
    unsigned *n_bad = calloc(p->n_els, sizeof *n_bad);
    if (last && first_bad && after && n_bad) {
        for (size_t i = 0; i < p->n_els; i++)
            last[i] = first_bad[i] = after[i] = -1;
        for (size_t i = 1; i < p->n_els; i++) {
            const vl_el *e = &p->els[i];
            if (e->parent < 0 || !in_sequence(e->def))
                continue;
            int pi = e->parent;
            if (last[pi] > e->def) {
                if (n_bad[pi]++ == 0) {
                    first_bad[pi] = (int)i;
                    after[pi] = last[pi];
                }
            } else {
                last[pi] = e->def;
            }
        }
        for (size_t pi = 0; pi < p->n_els; pi++) {
            if (!n_bad[pi])
                continue;
            const vl_el *e = &p->els[first_bad[pi]];
            char more[64] = "";
            if (n_bad[pi] > 1)
                snprintf(more, sizeof more, " (%u elements of <%s> are out of order)", n_bad[pi],
                         p->els[pi].name);
            vl_report(c, e,
                      "<%s> comes after <%s> in <%s>, but the ProfileXML XSD sequence puts it "
                      "before%s; Windows does not enforce the order, strict validators do",
                      e->name, vl_px_def_get(after[pi])->name, p->els[pi].name, more);
        }
    }
    free(last);
    free(first_bad);
    free(after);
    free(n_bad);
}

VL_RULE(PX035) = {
    .id = "PX035",
    .name = "element-order",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Elements are not in the order of the ProfileXML XSD (opt-in)",
    .description =
        "The 2023 ProfileXML XSD declares the children of each element as an xs:sequence, so "
        "a validating parser requires that order. Windows itself does not: Microsoft's own "
        "samples and Richard Hicks' and DPC's output use other orders. Richard Hicks warns "
        "that element order matters for Intune deployments to Windows 11, without saying "
        "which order. This rule is off by default; enable it with --pedantic or --only "
        "PX035 when a strict validator is in your pipeline.",
    .fix = "Reorder the elements as the XSD sequence lists them (see the ProfileXML XSD in the "
           "VPNv2 CSP reference).",
    .since = "0.1.0",
    .flags = VL_RULE_OPT_IN,
    .check = check,
};
