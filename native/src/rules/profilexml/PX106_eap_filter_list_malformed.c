/* PX106 eap-filter-list-malformed — ClientAuthEKUList, CAHashList and
 * AnyPurposeEKUList need Enabled="true|false"; CAHashList/IssuerHash must be
 * a SHA-1 thumbprint. */
#include "core/rule.h"
#include "profilexml/eap.h"
#include "profilexml/values.h"

#include <string.h>

static void check_enabled(vl_ctx *c, const vl_el *list)
{
    const char *en = vl_el_attr(c->px, list, "Enabled");
    if (!en) {
        vl_report(c, list,
                  "<%s> has no Enabled attribute; write Enabled=\"true\" for the "
                  "filter to apply (Microsoft's examples always set it)",
                  list->name);
        return;
    }
    if (strcmp(en, "true") == 0 || strcmp(en, "false") == 0)
        return;
    if (strcmp(en, "1") == 0 || strcmp(en, "0") == 0) {
        vl_report_sev(c, VPNLINT_SEVERITY_INFO, list,
                      "<%s Enabled=\"%s\"> is a valid XML boolean, but Windows' own exports "
                      "write \"true\"/\"false\"",
                      list->name, en);
        return;
    }
    vl_report(c, list,
              "<%s> has Enabled=\"%s\"; only lowercase \"true\" or \"false\" is "
              "valid, so the filter setting is rejected or ignored",
              list->name, en);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        if (!vl_eap_ancestor(p, e, "FilteringInfo"))
            continue;
        if (strcmp(e->name, "ClientAuthEKUList") == 0 || strcmp(e->name, "CAHashList") == 0 ||
            strcmp(e->name, "AnyPurposeEKUList") == 0)
            check_enabled(c, e);
        if (strcmp(e->name, "IssuerHash") == 0 && vl_eap_ancestor(p, e, "CAHashList")) {
            if (!e->text[0])
                vl_report_sev(c, VPNLINT_SEVERITY_ERROR, e,
                              "<IssuerHash> is empty; give the SHA-1 thumbprint of the issuing "
                              "CA (40 hex digits)");
            else if (!vl_thumbprint_valid(e->text, NULL))
                vl_report_sev(c, VPNLINT_SEVERITY_ERROR, e,
                              "<IssuerHash> \"%s\" is not a SHA-1 thumbprint (40 hex digits, "
                              "spaces allowed); no certificate matches the CA filter, so "
                              "certificate selection fails",
                              e->text);
        }
    }
}

VL_RULE(PX106) = {
    .id = "PX106",
    .name = "eap-filter-list-malformed",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A certificate filter list (ClientAuthEKUList, CAHashList, AnyPurposeEKUList) "
               "lacks a valid Enabled attribute, or an IssuerHash is not a thumbprint",
    .description =
        "The EAP-TLS FilteringInfo lists are switched on by their Enabled attribute; "
        "Microsoft's EAP configuration guide and every Windows export write "
        "Enabled=\"true\". Without it, or with a value such as \"True\" or \"yes\", the list "
        "is ignored or the configuration rejected, and the certificate filter you meant to "
        "apply is not. CAHashList/IssuerHash holds the SHA-1 thumbprint of the issuing CA; "
        "anything that is not 40 hex digits (a pasted invisible character, a SHA-256 hash) "
        "matches no certificate (reported as an error).",
    .fix = "Write Enabled=\"true\" (or \"false\") on the list element; copy the issuing CA "
           "thumbprint as 40 hex digits, e.g. from certutil or Get-ChildItem Cert:.",
    .since = "0.1.0",
    .check = check,
};
