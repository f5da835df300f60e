/* PX021 too-many-occurrences — an element appears more often inside one
 * parent than the schema allows (maxOccurs). */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (int d = 0; d < VL_PX__COUNT; d++) {
        const vl_px_def *def = vl_px_def_get(d);
        if (def->max_occurs == 0 || vl_px_count(p, d) <= def->max_occurs)
            continue;
        /* The schema is not recursive, so the elements of one def that
         * share a parent form one run in document order. Report each
         * run's first excess element with the run's length. */
        for (const vl_el *e = vl_px_first(p, d); e;) {
            const vl_el *run = e;
            unsigned total = 0;
            const vl_el *excess = NULL;
            for (; e && e->parent == run->parent; e = vl_px_next(p, e))
                if (++total == def->max_occurs + 1)
                    excess = e;
            if (!excess)
                continue;
            const vl_el *parent = vl_px_parent(p, excess);
            const char *pname = parent ? parent->name : "VPNProfile";
            if (d == VL_PX_RT_Address || d == VL_PX_RT_PrefixSize)
                vl_report(c, excess,
                          "<Route> holds %u <%s> elements; each <Route> takes exactly one "
                          "Address and one PrefixSize, so Windows rejects it or keeps one "
                          "network: write one <Route> per network",
                          total, def->name);
            else if (d == VL_PX_PL_NativeProtocol)
                vl_report(c, excess,
                          "<ProtocolList> holds %u <NativeProtocol> entries; Windows accepts at "
                          "most %u",
                          total, def->max_occurs);
            else
                vl_report(c, excess,
                          "<%s> appears %u times in <%s>, but at most %u %s allowed; Windows "
                          "rejects the profile or uses only one of them: keep one",
                          def->name, total, pname, def->max_occurs,
                          def->max_occurs == 1 ? "is" : "are");
        }
    }
}

VL_RULE(PX021) = {
    .id = "PX021",
    .name = "too-many-occurrences",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An element appears more often in its parent than the schema allows",
    .description =
        "Most ProfileXML elements may appear at most once in their parent (two NativeProfile "
        "elements, two AlwaysOn values, two Address elements in one Route); ProtocolList takes "
        "at most four NativeProtocol entries. Scripts that build the XML by string "
        "concatenation produce such duplicates (one <Route> with many Address/PrefixSize "
        "pairs). Windows rejects the profile, or keeps one value and drops the others without "
        "telling which.",
    .fix = "Keep one occurrence per parent; for routes, write one <Route> element per "
           "network.",
    .since = "0.1.0",
    .check = check,
};
