/* PX107 all-purpose-with-any-purpose-list — AllPurposeEnabled=true together
 * with custom EKUs in AnyPurposeEKUList. */
#include "core/rule.h"
#include "profilexml/eap.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (const vl_el *fi = vl_eap_find(p, NULL, "FilteringInfo"); fi;
         fi = vl_eap_find(p, fi, "FilteringInfo")) {
        const vl_el *all = vl_eap_child(p, fi, "AllPurposeEnabled");
        bool on = false;
        if (!vl_eap_bool(all, &on) || !on)
            continue;
        const vl_el *any = vl_eap_child(p, fi, "AnyPurposeEKUList");
        if (any && vl_eap_find_in(p, any, NULL, "EKUMapInList"))
            vl_report(c, all,
                      "AllPurposeEnabled is true while AnyPurposeEKUList lists custom "
                      "EKUs; Microsoft's guide says custom EKUs are not used together "
                      "with All Purpose, so the custom EKU list does not restrict the "
                      "choice");
    }
}

VL_RULE(PX107) = {
    .id = "PX107",
    .name = "all-purpose-with-any-purpose-list",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "AllPurposeEnabled=true is combined with custom EKUs in AnyPurposeEKUList",
    .description =
        "FilteringInfo accepts a certificate when it has the issuer hash AND (Client "
        "Authentication plus the custom EKUs, OR Any Purpose, OR All Purpose). Microsoft's "
        "EAP configuration guide notes that custom EKUs are not combined with "
        "AllPurposeEnabled: a certificate with the All Purpose EKU is accepted whatever the "
        "AnyPurposeEKUList says, so the narrower filter you wrote has no effect.",
    .fix = "Set AllPurposeEnabled to false (or remove it) when you rely on custom EKUs in "
           "AnyPurposeEKUList, or drop the custom EKUs if All Purpose certificates are meant "
           "to be accepted.",
    .since = "0.1.0",
    .check = check,
};
