/* PX029 not-in-xsd — an element Windows accepts that the 2023 ProfileXML
 * XSD does not declare. */
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdio.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (int d = 0; d < VL_PX__COUNT; d++) {
        const vl_px_def *def = vl_px_def_get(d);
        if (!(def->flags & VL_PXF_NOT_IN_XSD))
            continue;
        const vl_el *e = vl_px_first(p, d);
        if (!e)
            continue;
        size_t n = vl_px_count(p, d);
        char more[48] = "";
        if (n > 1)
            snprintf(more, sizeof more, " (%zu times)", n);
        char path[200];
        vl_report(c, e,
                  "<%s>%s is a VPNv2 CSP setting that the 2023 ProfileXML XSD does not "
                  "declare; Windows accepts it, but tools that validate against the XSD (such "
                  "as PowerON DPC) reject the profile",
                  vl_px_def_path(d, path, sizeof path), more);
    }
}

VL_RULE(PX029) = {
    .id = "PX029",
    .name = "not-in-xsd",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An element Windows accepts but the 2023 ProfileXML XSD does not declare",
    .description =
        "The VPNv2 CSP lists settings that its ProfileXML XSD omits: AlwaysOnActive, "
        "DataEncryption, DisableIKEv2Fragmentation, IPv4InterfaceMetric, IPv6InterfaceMetric, "
        "NetworkOutageTime, PrivateNetwork, UseRasCredentials, NativeProfile/ProtocolList and "
        "the CSP-node forms Authentication/Certificate and Eap/Type. Windows applies them "
        "(Richard Hicks' samples use several), but any pipeline that validates the XML "
        "against the XSD, such as PowerON DPC, rejects the profile.",
    .fix = "Nothing to fix for Windows; if your tooling validates against the XSD, extend its "
           "schema or keep these settings out of that pipeline.",
    .since = "0.1.0",
    .check = check,
};
