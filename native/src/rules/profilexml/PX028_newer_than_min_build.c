/* PX028 newer-than-min-build — an element that the oldest Windows build the
 * user targets (--min-build) does not know. Runs only when the user gave a
 * minimum build: the default (10240) would flag every modern profile. */
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdio.h>
#include <string.h>

/* The ProfileXML node itself exists since Windows 10 1607. */
#define PROFILEXML_BUILD 14393u

static const char *release(uint32_t build, char *buf, size_t size)
{
    switch (build) {
    case 10586:
        return "Windows 10 1511";
    case 14393:
        return "Windows 10 1607";
    case 16299:
        return "Windows 10 1709";
    case 19041:
        return "Windows 10 2004";
    case 20207:
        return "Windows Insider build 20207, released with Windows 10 21H1/21H2";
    case 22000:
        return "Windows 11 21H2";
    default:
        snprintf(buf, size, "build %u", (unsigned)build);
        return buf;
    }
}

/* Settings that a rule of their own reports, with the value's reason and its
 * own build (so one problem gives one finding): an inbound TrafficFilter
 * (PX088, build 19041) and the two UI buttons set to true (PX093, 22621). */
static bool covered(const vl_ctx *c, const vl_el *e)
{
    switch (e->def) {
    case VL_PX_TF_Direction:
        return c->min_build < 19041 && vl_strcasecmp(e->text, "Inbound") == 0;
    case VL_PX_DisableAdvancedOptionsEditButton:
    case VL_PX_DisableDisconnectButton:
        return c->min_build < 22621 && strcmp(e->text, "true") == 0;
    default:
        return false;
    }
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || !c->min_build_set || p->n_els == 0)
        return;
    char rb[40];
    if (c->min_build < PROFILEXML_BUILD)
        vl_report(c, &p->els[0],
                  "--min-build is %u, but the VPNv2 ProfileXML node exists only since %s "
                  "(build %u); older Windows 10 releases cannot take this profile at all",
                  (unsigned)c->min_build, release(PROFILEXML_BUILD, rb, sizeof rb),
                  PROFILEXML_BUILD);
    uint32_t floor = c->min_build > PROFILEXML_BUILD ? c->min_build : PROFILEXML_BUILD;
    bool done[VL_PX__COUNT] = {false};
    for (size_t i = 1; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->build <= floor || done[e->def] || covered(c, e))
            continue;
        /* report the outermost new element only (ProtocolList, not its children) */
        const vl_px_def *pd = vl_px_def_get(d->parent);
        if (pd && pd->build > floor)
            continue;
        done[e->def] = true;
        char path[200];
        size_t n = 0;
        for (const vl_el *o = e; o; o = vl_px_next(p, o))
            n += !covered(c, o);
        char more[48] = "";
        if (n > 1)
            snprintf(more, sizeof more, " (and %zu more)", n - 1);
        vl_report(c, e,
                  "<%s>%s needs %s (build %u) or later, but --min-build is %u; older builds do "
                  "not know it and reject the profile or ignore the setting",
                  vl_px_def_path(e->def, path, sizeof path), more, release(d->build, rb, sizeof rb),
                  (unsigned)d->build, (unsigned)c->min_build);
    }
}

VL_RULE(PX028) = {
    .id = "PX028",
    .name = "newer-than-min-build",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "An element needs a newer Windows build than --min-build",
    .description =
        "Each VPNv2 CSP setting has a first Windows build that supports it (CSP applicability "
        "table): for example DeviceTunnel and RegisterDNS 1709 (16299), Direction and "
        "PlumbIKEv2TSAsRoutes 2004 (19041), ProtocolList 20207, and DataEncryption, "
        "DisableIKEv2Fragmentation, the interface metrics, NetworkOutageTime, PrivateNetwork, "
        "UseRasCredentials and the two Disable...Button settings Windows 11 (22000; Richard "
        "Hicks' samples say 22H2 or 24H2 for some). Older builds do not know the element. "
        "This rule runs only when you pass --min-build, the oldest build you deploy to.",
    .fix = "Remove the element from profiles for older devices, deploy a separate profile to "
           "them, or raise --min-build if those builds are no longer in your fleet.",
    .since = "0.1.0",
    .check = check,
};
