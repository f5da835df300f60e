/* PX002 wrong-root-element — the document element is not <VPNProfile>
 * (case-sensitive, without a namespace). */
#include "core/rule.h"
#include "profilexml/model.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_els == 0)
        return;
    const vl_el *r = &p->els[0];
    if (strcmp(r->name, "VPNProfile") != 0) {
        if (vl_strcasecmp(r->name, "VPNProfile") == 0)
            vl_report(c, r,
                      "the root element is <%.60s>; element names are case-sensitive, so "
                      "Windows does not recognise it as a VPN profile: write <VPNProfile>",
                      r->name);
        else
            vl_report(c, r,
                      "the root element is <%.60s>, not <VPNProfile>; Windows rejects the "
                      "profile",
                      r->name);
    }
    if (r->ns)
        vl_report(c, r,
                  "the root element is in the namespace '%.100s'; ProfileXML elements have no "
                  "namespace, so Windows does not recognise them: remove the xmlns declaration "
                  "from <VPNProfile>",
                  r->ns);
}

VL_RULE(PX002) = {
    .id = "PX002",
    .name = "wrong-root-element",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The root element is not <VPNProfile> without a namespace",
    .description =
        "The ProfileXML schema has exactly one root element, VPNProfile, spelled with that "
        "case and in no namespace. A different name (Vpnprofile, VPNv2Profile) or a default "
        "namespace on the root makes every element unknown to Windows, which rejects the "
        "profile (WMI CreateInstance \"general error\", Intune 0x87D101F4).",
    .fix = "Rename the root element to <VPNProfile> and remove any xmlns declaration from it "
           "(the EAP configuration inside keeps its own namespaces).",
    .since = "0.1.0",
    .check = check,
};
