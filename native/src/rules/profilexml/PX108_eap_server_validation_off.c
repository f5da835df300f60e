/* PX108 eap-server-validation-off — the EAP server certificate is not
 * validated, or validation prompts the user on an always-on profile. */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_eap == 0)
        return;
    bool always_on = vl_px_bool(p, VL_PX_AlwaysOn, false) ||
                     vl_px_bool(p, VL_PX_DeviceTunnel, false) ||
                     vl_px_bool(p, VL_PX_LockDown, false);
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        bool v;
        if (strcmp(e->name, "PerformServerValidation") == 0 && vl_eap_bool(e, &v) && !v) {
            const vl_el *t = vl_eap_ancestor(p, e, "EapType");
            const char *m = t ? vl_eap_method_name(vl_eap_ns_method(t->ns)) : NULL;
            vl_report(c, e,
                      "%s%sPerformServerValidation is false: the client does not check "
                      "the NPS server certificate and sends its credentials to any "
                      "server that answers",
                      m ? m : "", m ? " " : "");
        } else if (always_on && strcmp(e->name, "DisableUserPromptForServerValidation") == 0 &&
                   vl_eap_bool(e, &v) && !v) {
            vl_report(c, e,
                      "DisableUserPromptForServerValidation is false on an always-on "
                      "profile: when the server certificate is new or untrusted Windows "
                      "asks the user, which an automatic connection cannot do, so it "
                      "fails (set it to true and list TrustedRootCA)");
        }
    }
}

VL_RULE(PX108) = {
    .id = "PX108",
    .name = "eap-server-validation-off",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "EAP server certificate validation is turned off, or prompts the user on an "
               "always-on profile",
    .description =
        "PerformServerValidation=false (EAP-TLS or PEAP extensions) makes the client accept "
        "any RADIUS/NPS server certificate, so credentials or a certificate-based session go "
        "to whoever answers. DisableUserPromptForServerValidation=false lets Windows ask the "
        "user whether to trust a new server; an always-on (or device/LockDown) profile "
        "connects without the user, so the prompt cannot be answered and the connection "
        "fails. Microsoft's ProfileXML guide sets \"Don't ask user to authorize new servers\" "
        "and PowerON's DPC warns when NPS validation is disabled.",
    .fix = "Set PerformServerValidation to true and DisableUserPromptForServerValidation to "
           "true, and list the NPS certificate's root in TrustedRootCA (and its name in "
           "ServerNames).",
    .since = "0.1.0",
    .check = check,
};
