/* PX036 secret-in-clear — a pre-shared key or password in the profile. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (int d = 0; d < VL_PX__COUNT; d++) {
        const vl_px_def *def = vl_px_def_get(d);
        if (!(def->flags & VL_PXF_SECRET))
            continue;
        char path[200];
        for (const vl_el *e = vl_px_first(p, d); e; e = vl_px_next(p, e)) {
            if (!*e->text)
                continue; /* never print the value, only that there is one */
            vl_report(c, e,
                      "<%s> holds a secret in clear text; anyone who can read the profile "
                      "(local administrators through WMI, Intune administrators, source "
                      "control) can read it: use certificate authentication instead",
                      vl_px_def_path(d, path, sizeof path));
        }
    }
}

VL_RULE(PX036) = {
    .id = "PX036",
    .name = "secret-in-clear",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A pre-shared key or password is stored in clear text in the profile",
    .description =
        "NativeProfile/L2tpPsk carries the L2TP pre-shared key and APNBinding/Password a "
        "cellular APN password, both as plain text. ProfileXML is readable by local "
        "administrators through the MDM_VPNv2_01 WMI class, by Intune administrators, and by "
        "anyone with access to where the file is stored. A shared L2TP key also lets anyone "
        "who has it impersonate any client. vpnlint never prints the value.",
    .fix = "Use IKEv2 or SSTP with certificate or EAP authentication instead of an L2TP "
           "pre-shared key; remove APNBinding (reserved, not applied).",
    .since = "0.1.0",
    .check = check,
};
