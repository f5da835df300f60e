/* PX023 native-or-plugin-profile — exactly one of NativeProfile and
 * PluginProfile must be present. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_els == 0)
        return;
    const vl_el *np = vl_px_first(p, VL_PX_NativeProfile);
    const vl_el *pp = vl_px_first(p, VL_PX_PluginProfile);
    if (!np && !pp)
        vl_report(c, &p->els[0],
                  "the profile has neither <NativeProfile> nor <PluginProfile>, so it names no "
                  "VPN server and no protocol: add <NativeProfile> for the built-in client or "
                  "<PluginProfile> for a third-party VPN app");
    else if (np && pp)
        vl_report(c, vl_el_index(p, np) > vl_el_index(p, pp) ? np : pp,
                  "the profile has both <NativeProfile> and <PluginProfile>; a profile uses "
                  "either the built-in VPN client or a plug-in app, not both: keep the one you "
                  "deploy");
}

VL_RULE(PX023) = {
    .id = "PX023",
    .name = "native-or-plugin-profile",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The profile has neither or both of NativeProfile and PluginProfile",
    .description =
        "The VPNv2 CSP requires NativeProfile for the inbox protocols (IKEv2, SSTP, L2TP, "
        "PPTP) and PluginProfile for a UWP VPN plug-in (Palo Alto, Fortinet, Pulse...). "
        "Without either, the profile names no server or protocol and cannot connect. With "
        "both, the profile is contradictory; the CSP describes them as alternatives, so which "
        "one Windows honours is not defined.",
    .fix = "Keep exactly one: NativeProfile for the built-in client, PluginProfile for a "
           "plug-in app.",
    .since = "0.1.0",
    .check = check,
};
