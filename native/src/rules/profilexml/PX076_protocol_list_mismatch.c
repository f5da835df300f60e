/* PX076 protocol-list-mismatch — NativeProtocolType ProtocolList and the ProtocolList element do
 * not go together, or the list is invalid */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void repeated(void *c, const vl_el *e, const vl_el *first)
{
    vl_report(c, e, "ProtocolList names %s twice (first on line %u)", e->text, first->line);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *t = vl_px_first(p, VL_PX_NP_NativeProtocolType);
    const vl_el *pl = vl_px_first(p, VL_PX_NP_ProtocolList);
    bool wants = t && vl_strcasecmp(t->text, "ProtocolList") == 0;
    if (wants && !pl)
        vl_report(c, t,
                  "NativeProtocolType is ProtocolList but NativeProfile has no "
                  "ProtocolList element, so no protocol is defined");
    if (pl && !wants) {
        if (t)
            vl_report(c, pl,
                      "A ProtocolList element is present but NativeProtocolType is %s, "
                      "so the list is ignored; set NativeProtocolType to ProtocolList",
                      t->text);
        else
            vl_report(c, pl,
                      "A ProtocolList element is present but NativeProtocolType is "
                      "missing; set it to ProtocolList");
    }
    if (!pl)
        return;
    size_t n = 0;
    for (const vl_el *e = vl_px_first(p, VL_PX_PL_NativeProtocol); e; e = vl_px_next(p, e))
        if (e->parent == vl_el_index(p, pl))
            n++;
    if (n == 0)
        vl_report(c, pl, "ProtocolList has no NativeProtocol entry");
    else if (n > 4)
        vl_report(c, pl,
                  "ProtocolList has %zu NativeProtocol entries; at most 4 are allowed "
                  "(one per protocol)",
                  n);
    vl_px_repeated_texts(p, VL_PX_PL_NativeProtocol_Type, repeated, c);
}

VL_RULE(PX076) = {
    .id = "PX076",
    .name = "protocol-list-mismatch",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "NativeProtocolType ProtocolList and the ProtocolList element do not go together, "
               "or the list is invalid",
    .description =
        "The VPNv2 CSP: NativeProtocolType ProtocolList requires a NativeProfile/ProtocolList "
        "element, and ProtocolList is only used with that value; the list holds one to four "
        "NativeProtocol entries (Pptp, L2tp, Ikev2, Sstp). A ProtocolList value without the list "
        "leaves Windows no protocol to try; a list under another NativeProtocolType is ignored; "
        "more than four entries or duplicates are invalid.",
    .fix = "Set <NativeProtocolType>ProtocolList</NativeProtocolType> together with "
           "<ProtocolList><NativeProtocol><Type>Ikev2</Type></NativeProtocol>...</ProtocolList>, "
           "each protocol once.",
    .since = "0.1.0",
    .check = check,
};
