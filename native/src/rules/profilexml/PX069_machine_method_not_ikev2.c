/* PX069 machine-method-not-ikev2 — MachineMethod is set but the profile cannot use IKEv2 */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *mm = vl_px_first(p, VL_PX_AUTH_MachineMethod);
    if (!mm)
        return;
    unsigned protos = vl_px_protocols(p);
    if (!protos || (protos & VL_PROTO_IKEV2))
        return;
    const char *um = vl_px_value(p, VL_PX_AUTH_UserMethod);
    if (vl_strcasecmp(mm->text, "EAP") == 0 && um && vl_strcasecmp(um, "EAP") == 0)
        return; /* Intune/Windows 11 pattern from Richard Hicks samples */
    char buf[64];
    vl_report(c, mm, "MachineMethod %s is only supported with IKEv2, but the profile uses %s",
              mm->text, vl_px_protocols_text(protos, buf, sizeof buf));
}

VL_RULE(PX069) = {
    .id = "PX069",
    .name = "machine-method-not-ikev2",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "MachineMethod is set but the profile cannot use IKEv2",
    .description = "The VPNv2 CSP says MachineMethod (machine certificate authentication) is only "
                   "supported with IKEv2. With SSTP, L2TP or PPTP only, machine authentication is "
                   "not possible. Not reported: MachineMethod EAP next to UserMethod EAP, which "
                   "Richard Hicks' samples add on purpose for Intune deployments to Windows 11 (an "
                   "unverified single-source claim, but not a certain error).",
    .fix = "Use NativeProtocolType IKEv2 for machine certificate authentication, or remove "
           "MachineMethod and authenticate the user with EAP.",
    .since = "0.1.0",
    .check = check,
};
