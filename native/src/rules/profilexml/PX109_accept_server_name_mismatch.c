/* PX109 accept-server-name-mismatch — AcceptServerName and ServerNames must
 * agree: a name check with no names, or names that are never checked. */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

/* AcceptServerName of one method block: a direct child of the EAP-TLS
 * EapType, or PeapExtensions/AcceptServerName for PEAP. */
static const vl_el *accept_of(const vl_profile *p, const vl_el *type)
{
    const vl_el *a = vl_eap_child(p, type, "AcceptServerName");
    if (!a)
        a = vl_eap_child(p, vl_eap_child(p, type, "PeapExtensions"), "AcceptServerName");
    return a;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (const vl_el *type = vl_eap_find(p, NULL, "EapType"); type;
         type = vl_eap_find(p, type, "EapType")) {
        const vl_el *acc = accept_of(p, type);
        bool on;
        if (!vl_eap_bool(acc, &on))
            continue;
        const vl_el *sv = vl_eap_child(p, type, "ServerValidation");
        const vl_el *names = vl_eap_child(p, sv, "ServerNames");
        bool empty = !names || names->text[0] == '\0';
        const char *m = vl_eap_method_name(vl_eap_ns_method(type->ns));
        if (on && empty)
            vl_report(c, names ? names : acc,
                      "%s AcceptServerName is true but ServerNames is %s: there is no name to "
                      "check the NPS certificate against, so the connection fails or any name "
                      "is accepted",
                      m ? m : "EAP", names ? "empty" : "missing");
        else if (!on && !empty)
            vl_report(c, acc,
                      "%s ServerNames lists \"%s\" but AcceptServerName is false, so the NPS "
                      "certificate name is never compared with it",
                      m ? m : "EAP", names->text);
    }
}

VL_RULE(PX109) = {
    .id = "PX109",
    .name = "accept-server-name-mismatch",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "AcceptServerName and ServerNames disagree (name check without names, or names "
               "that are never checked)",
    .description =
        "AcceptServerName turns on the comparison of the NPS server certificate name with "
        "ServerNames (EapHost schema reference). AcceptServerName=true with an empty or "
        "missing ServerNames leaves nothing to compare (samples copied from the Intune "
        "templates often have a ServerNames holding only a newline); ServerNames set with "
        "AcceptServerName=false looks protected but is not checked. Either way the intent "
        "and the behaviour differ.",
    .fix = "Put the NPS server certificate name(s), separated by semicolons, in ServerNames "
           "and set AcceptServerName to true.",
    .since = "0.1.0",
    .check = check,
};
