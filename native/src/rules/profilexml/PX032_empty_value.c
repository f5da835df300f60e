/* PX032 empty-value — a string setting that matters is empty. */
#include "core/rule.h"
#include "profilexml/model.h"

static const struct {
    int def;
    const char *effect;
} checked[] = {
    {VL_PX_NP_Servers, "there is no VPN server to connect to"},
    {VL_PX_PP_ServerUrlList, "the plug-in has no server to connect to"},
    {VL_PX_PP_PluginPackageFamilyName, "Windows does not know which plug-in app to use"},
    {VL_PX_RT_Address, "the route has no network, and Windows rejects it"},
    {VL_PX_DNI_DomainName, "the name resolution (NRPT) rule matches no name"},
    {VL_PX_DNI_DnsServers, "the name resolution rule sends queries to no server"},
    {VL_PX_DnsSuffix, "no connection-specific DNS suffix is set"},
    {VL_PX_TrustedNetworkDetection, "trusted network detection matches no network"},
    {VL_PX_Proxy_Manual_Server, "the manual proxy has no server"},
    {VL_PX_Proxy_AutoConfigUrl, "the proxy auto-configuration has no URL"},
    {VL_PX_AT_App_Id, "the app trigger names no app"},
    {VL_PX_TF_App_Id, "the traffic filter names no app"},
    {VL_PX_DC_Sso_Eku, "the SSO certificate filter has no EKU"},
    {VL_PX_DC_Sso_IssuerHash, "the SSO certificate filter has no issuer"},
};

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t k = 0; k < sizeof checked / sizeof checked[0]; k++) {
        for (const vl_el *e = vl_px_first(p, checked[k].def); e; e = vl_px_next(p, e)) {
            if (*e->text)
                continue;
            char path[200];
            vl_report(c, e,
                      "<%s> is empty or only whitespace, so %s: fill it in or remove the "
                      "element",
                      vl_px_def_path(checked[k].def, path, sizeof path), checked[k].effect);
        }
    }
}

VL_RULE(PX032) = {
    .id = "PX032",
    .name = "empty-value",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A setting that needs a value is empty",
    .description =
        "An empty or whitespace-only value for a setting that names something (Servers, "
        "ServerUrlList, PluginPackageFamilyName, Route Address, DomainName, DnsServers, "
        "DnsSuffix, TrustedNetworkDetection, proxy server or URL, App Id, SSO Eku or "
        "IssuerHash) is a placeholder left in a template, or a value lost in a script. "
        "Windows either rejects the profile or applies a setting that does nothing. Empty "
        "booleans, enumerations and numbers are reported by PX025, PX026 and PX027; EAP "
        "values by the EAP rules.",
    .fix = "Fill in the value, or remove the element if the setting is not wanted.",
    .since = "0.1.0",
    .check = check,
};
