/* PX026 value-not-allowed — an enumerated value outside its allowed set,
 * or one that differs from the canonical spelling only in case. */
#include "core/rule.h"
#include "profilexml/model.h"

#include <stdio.h>
#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->type != VL_T_ENUM || !d->enum_values)
            continue;
        const char *match = NULL;
        bool exact = false;
        for (const char *const *v = d->enum_values; *v; v++) {
            if (strcmp(*v, e->text) == 0) {
                exact = true;
                break;
            }
            if (!match && vl_strcasecmp(*v, e->text) == 0)
                match = *v;
        }
        if (exact)
            continue;
        if (match) {
            vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                          "<%s> is '%s'; the documented spelling is '%s' (Microsoft's own "
                          "samples mix the two, but only the documented form is certain to "
                          "work)",
                          e->name, e->text, match);
            continue;
        }
        char allowed[256];
        size_t n = 0;
        allowed[0] = '\0';
        for (const char *const *v = d->enum_values; *v; v++) {
            int w = snprintf(allowed + n, sizeof allowed - n, "%s%s", n ? ", " : "", *v);
            if (w < 0 || (size_t)w >= sizeof allowed - n)
                break;
            n += (size_t)w;
        }
        if (!*e->text)
            vl_report(c, e, "<%s> is empty; allowed values: %s", e->name, allowed);
        else
            vl_report(c, e,
                      "<%s> is '%.40s', which Windows does not accept (the profile is rejected "
                      "or the setting ignored); allowed values: %s",
                      e->name, e->text, allowed);
    }
}

VL_RULE(PX026) = {
    .id = "PX026",
    .name = "value-not-allowed",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An enumerated value is not one of the allowed values",
    .description =
        "NativeProtocolType, RoutingPolicyType, UserMethod, MachineMethod, Direction, "
        "DataEncryption, the six CryptographySuite fields and ProtocolList's NativeProtocol "
        "Type take one value from a fixed list in the VPNv2 CSP reference. Anything else is "
        "rejected by Windows or silently ignored (an IKEv2 suite Windows does not know, a "
        "routing policy typo that falls back to force tunnel). The comparison is "
        "case-insensitive because Microsoft's own documents mix 'EAP' and 'Eap', 'IKEv2' and "
        "'Ikev2'; a value that differs only in case is reported as information.",
    .fix = "Use one of the values listed in the message, spelled as shown.",
    .since = "0.1.0",
    .check = check,
};
