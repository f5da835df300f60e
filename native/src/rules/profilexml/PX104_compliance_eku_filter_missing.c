/* PX104 compliance-eku-filter-missing — with Conditional Access the TLS
 * FilteringInfo must map 1.3.6.1.4.1.311.87 and reference it from an enabled
 * ClientAuthEKUList. */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

#define CA_OID "1.3.6.1.4.1.311.87"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || !vl_px_compliance_enabled(p))
        return;
    const vl_el *tls = vl_eap_tls_type(p);
    if (!tls)
        return; /* not certificate-based: PX103 */
    const vl_el *fi = vl_eap_find_in(p, tls, NULL, "FilteringInfo");
    if (!fi) {
        vl_report(c, tls,
                  "Conditional Access is enabled but the EAP-TLS settings have no "
                  "TLSExtensions/FilteringInfo; without an EKU filter for " CA_OID
                  " Windows may pick another user certificate than the short-lived "
                  "Entra ID one, or prompt the user");
        return;
    }
    /* names mapped to the CA OID */
    const vl_el *map_name = NULL;
    for (const vl_el *m = vl_eap_find_in(p, fi, NULL, "EKUMap"); m;
         m = vl_eap_find_in(p, fi, m, "EKUMap")) {
        const vl_el *oid = vl_eap_child(p, m, "EKUOID");
        const vl_el *name = vl_eap_child(p, m, "EKUName");
        if (oid && name && strcmp(oid->text, CA_OID) == 0 && name->text[0]) {
            map_name = name;
            break;
        }
    }
    if (!map_name) {
        vl_report(c, fi,
                  "Conditional Access is enabled but FilteringInfo has no EKUMap for "
                  "the AAD Conditional Access EKU " CA_OID "; Windows may pick another "
                  "user certificate than the short-lived Entra ID one");
        return;
    }
    for (const vl_el *list = vl_eap_find_in(p, fi, NULL, "ClientAuthEKUList"); list;
         list = vl_eap_find_in(p, fi, list, "ClientAuthEKUList")) {
        for (const vl_el *n = vl_eap_find_in(p, list, NULL, "EKUName"); n;
             n = vl_eap_find_in(p, list, n, "EKUName")) {
            if (strcmp(n->text, map_name->text) != 0)
                continue;
            const char *en = vl_el_attr(p, list, "Enabled");
            if (en && strcmp(en, "true") == 0)
                return;
            vl_report(c, list,
                      "the ClientAuthEKUList that references \"%s\" (" CA_OID ") "
                      "is not Enabled=\"true\", so the Conditional Access certificate "
                      "filter is not applied",
                      map_name->text);
            return;
        }
    }
    vl_report(c, map_name,
              "EKU \"%s\" (" CA_OID ") is declared in EKUMapping but no "
              "ClientAuthEKUList/EKUMapInList references it, so it does not filter "
              "the certificate choice for Conditional Access",
              map_name->text);
}

VL_RULE(PX104) = {
    .id = "PX104",
    .name = "compliance-eku-filter-missing",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "Conditional Access is enabled but the EAP-TLS certificate filter does not "
               "require the AAD Conditional Access EKU (1.3.6.1.4.1.311.87)",
    .description =
        "Entra ID issues the Conditional Access certificate with the EKU 1.3.6.1.4.1.311.87. "
        "Microsoft's OMA-DM guide for Conditional Access says the EAP-TLS TLSExtensions "
        "must carry a FilteringInfo that maps this OID (EKUMapping/EKUMap) and requires it "
        "from ClientAuthEKUList Enabled=\"true\" (EKUMapInList); otherwise the client may "
        "present another certificate from the user store (which NPS then refuses), or ask "
        "the user to choose one. It matters whenever more than one user certificate can be "
        "present.",
    .fix = "Inside the EAP-TLS EapType add <TLSExtensions><FilteringInfo> with an EKUMap "
           "(EKUName \"AAD Conditional Access\", EKUOID 1.3.6.1.4.1.311.87) and "
           "<ClientAuthEKUList Enabled=\"true\"><EKUMapInList><EKUName>AAD Conditional "
           "Access</EKUName></EKUMapInList></ClientAuthEKUList>.",
    .since = "0.1.0",
    .check = check,
};
