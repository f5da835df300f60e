/* PX114 no-certificate-filter — certificate-based EAP from the user store
 * without an issuer (CAHashList) or custom EKU filter. */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

static bool enabled(const vl_profile *p, const vl_el *list)
{
    const char *en = list ? vl_el_attr(p, list, "Enabled") : NULL;
    return en && strcmp(en, "true") == 0;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || vl_px_compliance_enabled(p)) /* Conditional Access: PX104 */
        return;
    const vl_el *tls = vl_eap_tls_type(p);
    if (!tls)
        return;
    const vl_el *src = vl_eap_child(p, tls, "CredentialsSource");
    if (src && !vl_eap_child(p, src, "CertificateStore"))
        return; /* smart card */
    const vl_el *fi = vl_eap_find_in(p, tls, NULL, "FilteringInfo");
    if (fi) {
        const vl_el *ca = vl_eap_child(p, fi, "CAHashList");
        if (enabled(p, ca) && vl_eap_find_in(p, ca, NULL, "IssuerHash"))
            return;
        const vl_el *eku = vl_eap_child(p, fi, "ClientAuthEKUList");
        if (enabled(p, eku) && vl_eap_find_in(p, eku, NULL, "EKUMapInList"))
            return;
    }
    vl_report(c, fi ? fi : tls,
              "EAP-TLS picks the user certificate from the certificate store without an "
              "issuer (CAHashList) or custom EKU filter; when the user has several client "
              "certificates Windows may pick the wrong one or prompt the user");
}

VL_RULE(PX114) = {
    .id = "PX114",
    .name = "no-certificate-filter",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Certificate-based EAP has no issuer or custom EKU filter for the user "
               "certificate",
    .description =
        "With EAP-TLS or PEAP-TLS the client chooses a certificate from the user store. "
        "Microsoft's EAP configuration guide explains that without certificate filtering "
        "(TLSExtensions/FilteringInfo with CAHashList issuer hashes or a ClientAuthEKUList "
        "with custom EKUs) Windows may select the wrong certificate automatically or prompt "
        "the user when several qualify, for example a Wi-Fi or Entra ID certificate next to "
        "the VPN one.",
    .fix = "Add <TLSExtensions><FilteringInfo> with <CAHashList Enabled=\"true\"><IssuerHash>"
           "issuing CA thumbprint</IssuerHash></CAHashList> and/or a custom EKU in "
           "ClientAuthEKUList.",
    .since = "0.1.0",
    .check = check,
};
