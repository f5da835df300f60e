/* PX022 missing-required-child — a container lacks a child the schema
 * requires (minOccurs >= 1). */
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdio.h>

/* <App>path</App> is reported by PX020, not as a missing <Id>. */
static bool app_with_text(const vl_profile *p, const vl_el *e)
{
    if (e->def != VL_PX_TF_App && e->def != VL_PX_AT_App)
        return false;
    return !(e->flags & VL_ELF_HAS_ELEMENTS) && vl_px_container_text(p, e) != NULL;
}

static const char *why(int def)
{
    switch (def) {
    case VL_PX_NP_Servers:
        return "without it there is no VPN server to connect to";
    case VL_PX_NP_Authentication:
        return "without it the profile names no authentication method";
    case VL_PX_RT_Address:
    case VL_PX_RT_PrefixSize:
        return "a route needs both Address and PrefixSize";
    case VL_PX_DNI_DomainName:
        return "without it the name resolution (NRPT) rule matches nothing";
    case VL_PX_PP_ServerUrlList:
        return "without it the plug-in has no server to connect to";
    case VL_PX_PP_PluginPackageFamilyName:
        return "without it Windows does not know which VPN plug-in app to use";
    default:
        return "the schema requires it";
    }
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->type != VL_T_CONTAINER)
            continue;
        bool checked_app = false;
        for (int k = vl_px_schema_child(p, e->def); k >= 0; k = vl_px_schema_sibling(p, k)) {
            const vl_px_def *cd = vl_px_def_get(k);
            if (cd->min_occurs == 0 || vl_px_child(p, e, k))
                continue;
            if (!checked_app) {
                if (app_with_text(p, e))
                    break;
                checked_app = true;
            }
            char path[200];
            vl_px_def_path(e->def, path, sizeof path);
            vl_report(c, e, "<%s> has no <%s>, which is required: %s", path, cd->name, why(k));
        }
    }
}

VL_RULE(PX022) = {
    .id = "PX022",
    .name = "missing-required-child",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A required child element is missing",
    .description =
        "The ProfileXML schema requires some children whenever their parent is present: "
        "NativeProfile needs Servers and Authentication; Route needs Address and PrefixSize; "
        "DomainNameInformation needs DomainName; PluginProfile needs ServerUrlList and "
        "PluginPackageFamilyName; DeviceCompliance and its Sso need Enabled; Proxy/Manual "
        "needs Server; AppTrigger needs App with an Id; a ProtocolList needs at least one "
        "NativeProtocol with a Type. Without them Windows rejects the profile or creates a "
        "connection that cannot work. (Authentication itself is a choice in the 2023 schema: "
        "UserMethod with Eap, or MachineMethod; none of them is required on its own.)",
    .fix = "Add the missing element with a value, or remove the incomplete parent.",
    .since = "0.1.0",
    .check = check,
};
