/* PX089 tf-no-catch-all — Traffic filters are an allow-list and none of them is a catch-all */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static bool covers_all(const char *list)
{
    return strcmp(list, "0.0.0.0/0") == 0 || strcmp(list, "0.0.0.0-255.255.255.255") == 0 ||
           strcmp(list, "::/0") == 0 || strstr(list, "0.0.0.0/0,") == list ||
           strstr(list, "0.0.0.0-255.255.255.255,") == list;
}

static bool is_catch_all(const vl_profile *p, const vl_el *tf)
{
    static const int narrowing[] = {VL_PX_TF_App,
                                    VL_PX_TF_Claims,
                                    VL_PX_TF_Protocol,
                                    VL_PX_TF_LocalPortRanges,
                                    VL_PX_TF_RemotePortRanges,
                                    VL_PX_TF_LocalAddressRanges};
    for (size_t i = 0; i < sizeof narrowing / sizeof narrowing[0]; i++)
        if (vl_px_child(p, tf, narrowing[i]))
            return false;
    const vl_el *d = vl_px_child(p, tf, VL_PX_TF_Direction);
    if (d && vl_strcasecmp(d->text, "Inbound") == 0)
        return false;
    const vl_el *ra = vl_px_child(p, tf, VL_PX_TF_RemoteAddressRanges);
    return !ra || covers_all(ra->text);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *first = vl_px_first(p, VL_PX_TrafficFilter);
    if (!first)
        return;
    for (const vl_el *tf = first; tf; tf = vl_px_next(p, tf))
        if (is_catch_all(p, tf))
            return;
    size_t n = vl_px_count(p, VL_PX_TrafficFilter);
    vl_report(c, first,
              "The profile has %zu traffic filter%s and none matches all traffic: "
              "everything else on the VPN interface is blocked",
              n, n == 1 ? "" : "s");
}

VL_RULE(PX089) = {
    .id = "PX089",
    .name = "tf-no-catch-all",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Traffic filters are an allow-list and none of them is a catch-all",
    .description =
        "Once a profile has any TrafficFilter, traffic on the VPN interface that matches no filter "
        "is blocked (VPNv2 CSP; VPN security features): filters are OR-ed, conditions within a "
        "filter AND-ed. Intune's guidance suggests a least-restrictive catch-all filter when the "
        "aim is per-app routing rather than restriction. This note makes the allow-list effect "
        "explicit; it is intended when the filters implement zero-trust restrictions.",
    .fix = "If only specific apps or hosts should be restricted, add a catch-all filter (e.g. "
           "RemoteAddressRanges 0.0.0.0/0); otherwise make sure every needed flow is allowed.",
    .since = "0.1.0",
    .check = check,
};
