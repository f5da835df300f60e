/* PX033 empty-eap-configuration — Eap/Configuration holds no EapHostConfig. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || !p->eap_config)
        return;
    if (p->eap_form == VL_EAP_EMPTY)
        vl_report(c, p->eap_config,
                  "<Eap><Configuration> is empty or holds only a comment, so the connection has "
                  "no EAP settings and users cannot authenticate: paste the <EapHostConfig> "
                  "exported from a working connection (Get-VpnConnection ... "
                  "EapConfigXmlStream, or Richard Hicks' Get-EapConfiguration.ps1)");
    else if (p->eap_form == VL_EAP_MALFORMED && p->eap_not_xml) {
        /* escaped text that is not XML at all (a parse error of escaped XML is PX001) */
        vl_report(c, p->eap_config,
                  "<Eap><Configuration> holds text that is not an <EapHostConfig> (plain "
                  "or entity-escaped), so the connection has no usable EAP settings: "
                  "replace it with the exported EAP configuration XML");
    }
}

VL_RULE(PX033) = {
    .id = "PX033",
    .name = "empty-eap-configuration",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "Eap/Configuration is empty, only a comment, or not EAP XML",
    .description =
        "The ProfileXML schema requires an EapHostConfig element inside "
        "NativeProfile/Authentication/Eap/Configuration. Templates, including older versions "
        "of Richard Hicks' ProfileXML_User.xml, ship it with only a comment telling you to "
        "paste the configuration; deployed like that, the VPN connection has no EAP method "
        "settings and user authentication fails.",
    .fix = "Export the EAP configuration from a manually configured connection "
           "((Get-VpnConnection -Name X).EapConfigXmlStream.InnerXml, or "
           "Get-EapConfiguration.ps1) and paste the <EapHostConfig> element inside "
           "<Configuration>.",
    .since = "0.1.0",
    .check = check,
};
