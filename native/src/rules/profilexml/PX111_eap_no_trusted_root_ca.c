/* PX111 eap-no-trusted-root-ca — a server-validating EAP configuration
 * lists no (valid) TrustedRootCA thumbprint. */
#include "core/rule.h"
#include "profilexml/eap.h"
#include "profilexml/values.h"

#include <string.h>

static const vl_el *perform_of(const vl_profile *p, const vl_el *type)
{
    const vl_el *a = vl_eap_child(p, type, "PerformServerValidation");
    if (!a)
        a = vl_eap_child(p, vl_eap_child(p, type, "PeapExtensions"), "PerformServerValidation");
    return a;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    /* every TrustedRootCA must be a thumbprint, wherever it is */
    for (const vl_el *e = vl_eap_find(p, NULL, "TrustedRootCA"); e;
         e = vl_eap_find(p, e, "TrustedRootCA"))
        if (e->text[0] && !vl_thumbprint_valid(e->text, NULL))
            vl_report_sev(c, VPNLINT_SEVERITY_ERROR, e,
                          "TrustedRootCA \"%s\" is not a SHA-1 thumbprint (40 hex digits, "
                          "spaces allowed); Windows cannot match it to a root certificate",
                          e->text);

    /* the outer method validates the server: it needs at least one root */
    const vl_el *outer = vl_eap_outer(p);
    int t = vl_eap_el_type(p, outer);
    if (t != VL_EAP_TLS && t != VL_EAP_PEAP)
        return;
    const vl_el *type = vl_eap_child(p, outer, "EapType");
    if (!type)
        return;
    bool perform = true;
    const vl_el *pv = perform_of(p, type);
    if (pv && vl_eap_bool(pv, &perform) && !perform)
        return; /* validation off: PX108 */
    const vl_el *sv = vl_eap_child(p, type, "ServerValidation");
    size_t valid = 0, total = 0;
    for (const vl_el *r = vl_eap_find_in(p, sv, NULL, "TrustedRootCA"); r;
         r = vl_eap_find_in(p, sv, r, "TrustedRootCA")) {
        if (!r->text[0])
            continue;
        total++;
        if (vl_thumbprint_valid(r->text, NULL))
            valid++;
    }
    if (valid > 0)
        return;
    const char *m = vl_eap_method_name(t);
    if (total == 0)
        vl_report(c, sv ? sv : type,
                  "the %s configuration validates the server certificate but lists no "
                  "TrustedRootCA; any root in the client's store is trusted (or the user is "
                  "prompted), so a rogue server with a certificate from a public CA can pass",
                  m);
    /* total > 0 && valid == 0: already reported as invalid thumbprints above */
}

VL_RULE(PX111) = {
    .id = "PX111",
    .name = "eap-no-trusted-root-ca",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A certificate-validating EAP configuration lists no TrustedRootCA, or a "
               "TrustedRootCA is not a thumbprint",
    .description =
        "ServerValidation/TrustedRootCA pins the root CA of the NPS/RADIUS server "
        "certificate (a SHA-1 thumbprint, xs:hexBinary, per the EapHost schema). Without it "
        "the client trusts any root in its store or asks the user, which is weaker and "
        "breaks unattended (always-on) connections; PowerON's DPC refuses user templates "
        "without at least one root thumbprint. A value that is not 40 hex digits (often a "
        "pasted invisible character from the certificate dialog) matches nothing and is "
        "reported as an error.",
    .fix = "Add <TrustedRootCA> with the thumbprint of the root CA at the top of the NPS "
           "server certificate chain (never the Entra ID VPN root), e.g. \"db 52 5d ... c2 b6 "
           "\" as Windows exports it.",
    .since = "0.1.0",
    .check = check,
};
