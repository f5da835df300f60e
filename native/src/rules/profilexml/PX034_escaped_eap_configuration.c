/* PX034 escaped-eap-configuration — the EAP configuration is entity-escaped
 * text instead of an EapHostConfig element. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || !p->eap_config || p->eap_form != VL_EAP_ESCAPED)
        return;
    vl_report(c, p->eap_config,
              "<Eap><Configuration> holds the EAP configuration as entity-escaped text "
              "(&lt;EapHostConfig ...&gt;); the ProfileXML schema and Microsoft's samples "
              "embed it as an <EapHostConfig> element, and whether every deployment path "
              "accepts the escaped form is undocumented: embed it as plain XML (vpnlint "
              "linted the unescaped configuration)");
}

VL_RULE(PX034) = {
    .id = "PX034",
    .name = "escaped-eap-configuration",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The EAP configuration is entity-escaped text instead of XML",
    .description =
        "The VPNv2 CSP text calls the EAP configuration \"HTML encoded XML\", but its "
        "ProfileXML XSD declares an EapHostConfig element there, and Microsoft's and Richard "
        "Hicks' samples embed it as plain XML. Profiles with the escaped form exist in the "
        "wild (leiqos/aovpn); whether Intune, the WMI bridge and all Windows builds accept "
        "it is not documented, and escaping layers are easy to get wrong (see PX008). "
        "vpnlint unescapes the configuration and runs the EAP rules on it anyway.",
    .fix = "Replace the escaped text with the unescaped <EapHostConfig> element.",
    .since = "0.1.0",
    .check = check,
};
