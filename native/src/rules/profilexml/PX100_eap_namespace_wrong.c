/* PX100 eap-namespace-wrong — an EAP element carries a namespace URI that
 * Windows does not know (typo, https://, wrong V1/V2/V3 suffix, missing). */
#include "core/rule.h"
#include "profilexml/values.h"
#include "profilexml/eap.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static bool named(const vl_el *e, const char *name)
{
    return e && strcmp(e->name, name) == 0;
}

/* vl_eap_el_type of an `Eap` element, computed once per element: it looks
 * for the Type child through the element's whole subtree when Type is
 * missing or comes late, and every element below asks about its Eap.
 * types[i] is INT_MIN until asked (NULL: no memory, ask every time). */
static int eap_type(const vl_profile *p, int *types, const vl_el *eap)
{
    if (!eap || !types)
        return vl_eap_el_type(p, eap);
    int *t = &types[vl_el_index(p, eap)];
    if (*t == INT_MIN)
        *t = vl_eap_el_type(p, eap);
    return *t;
}

/* The namespace Windows expects for `e` from its position (reference §4.1),
 * NULL when vpnlint has no expectation for that element. */
static const char *expected_ns(const vl_profile *p, int *types, const vl_el *e)
{
    const vl_el *par = vl_eap_parent(p, e);
    if (!par)
        return named(e, "EapHostConfig") ? VL_NS_EAPHOST : NULL;
    if (named(par, "EapHostConfig") && (named(e, "Config") || named(e, "EapMethod")))
        return VL_NS_EAPHOST;
    if (named(par, "EapMethod") && (named(e, "Type") || named(e, "VendorId") ||
                                    named(e, "VendorType") || named(e, "AuthorId")))
        return VL_NS_EAPCOMMON;
    if (named(e, "Eap") && (named(par, "Config") || named(par, "EapType")))
        return VL_NS_BASEEAP;
    if (named(par, "Eap") && named(e, "Type"))
        return VL_NS_BASEEAP;
    if (named(par, "Eap") && named(e, "EapType"))
        return vl_eap_method_ns(eap_type(p, types, par));

    const vl_el *type = vl_eap_ancestor(p, par, "EapType");
    const vl_el *eap = vl_eap_parent(p, type);
    if (!type || !eap)
        return NULL;
    int method = eap_type(p, types, eap);
    if (method == VL_EAP_TLS) {
        if (vl_eap_ancestor(p, e, "FilteringInfo"))
            return VL_NS_TLS3;
        if (par == type) {
            if (named(e, "PerformServerValidation") || named(e, "AcceptServerName") ||
                named(e, "TLSExtensions"))
                return VL_NS_TLS2;
            if (named(e, "CredentialsSource") || named(e, "ServerValidation") ||
                named(e, "DifferentUsername"))
                return VL_NS_TLS1;
            return NULL;
        }
        const vl_el *top = vl_eap_ancestor(p, par, "CredentialsSource");
        if (!top)
            top = vl_eap_ancestor(p, par, "ServerValidation");
        return top && vl_eap_parent(p, top) == type ? VL_NS_TLS1 : NULL;
    }
    if (method == VL_EAP_PEAP) {
        if (par == type) {
            static const char *const v1[] = {"ServerValidation",
                                             "FastReconnect",
                                             "InnerEapOptional",
                                             "EnableQuarantineChecks",
                                             "RequireCryptoBinding",
                                             "PeapExtensions",
                                             NULL};
            for (size_t i = 0; v1[i]; i++)
                if (named(e, v1[i]))
                    return VL_NS_PEAP1;
            return NULL;
        }
        if (named(par, "ServerValidation") && vl_eap_parent(p, par) == type)
            return VL_NS_PEAP1;
        if (named(par, "PeapExtensions") && vl_eap_parent(p, par) == type &&
            (named(e, "PerformServerValidation") || named(e, "AcceptServerName")))
            return VL_NS_PEAP2;
        return NULL;
    }
    if (method == VL_EAP_MSCHAPV2 && par == type && named(e, "UseWinLogonCredentials"))
        return VL_NS_MSCHAP1;
    return NULL;
}

static bool is_known(const char *ns)
{
    for (size_t i = 0; vl_eap_known_ns[i]; i++)
        if (strcmp(ns, vl_eap_known_ns[i]) == 0)
            return true;
    return false;
}

/* The known namespace `ns` was probably meant to be, NULL if it is not close
 * to any (a third-party method's own namespace, say). */
static const char *nearest_known(const char *ns)
{
    const char *best = NULL;
    size_t bd = (size_t)-1;
    for (size_t i = 0; vl_eap_known_ns[i]; i++) {
        size_t d = vl_edit_distance(ns, vl_eap_known_ns[i], false);
        if (d < bd) {
            bd = d;
            best = vl_eap_known_ns[i];
        }
    }
    if (bd <= 2)
        return best;
    /* https, missing www, different case, trailing slash ... */
    const char *tail = strstr(ns, "microsoft.com/provisioning/");
    if (tail) {
        tail += strlen("microsoft.com/provisioning/");
        for (size_t i = 0; vl_eap_known_ns[i]; i++)
            if (vl_strncasecmp(tail, vl_eap_known_ns[i] + strlen(VL_NS_BASE),
                               strlen(vl_eap_known_ns[i] + strlen(VL_NS_BASE))) == 0)
                return vl_eap_known_ns[i];
    }
    return NULL;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_eap == 0)
        return;
    bool *reported = calloc(p->n_eap, sizeof *reported);
    if (!reported)
        return;
    int *types = malloc(p->n_eap * sizeof *types);
    for (size_t i = 0; types && i < p->n_eap; i++)
        types[i] = INT_MIN;
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        const vl_el *par = vl_eap_parent(p, e);
        const char *ns = e->ns;
        const char *want = expected_ns(p, types, e);
        /* An EapType whose namespace belongs to another method is a method
         * mismatch (PX101), not a namespace typo. */
        if (named(e, "EapType") && want && ns && vl_eap_ns_method(ns) != 0)
            continue;
        const char *fix = NULL;
        if (want && (!ns || strcmp(ns, want) != 0))
            fix = want;
        else if (!want && ns && !is_known(ns))
            fix = nearest_known(ns);
        if (!fix)
            continue;
        /* The same wrong URI inherited from a reported parent: report it once. */
        if (par && reported[vl_el_index(p, par)] &&
            ((!ns && !par->ns) || (ns && par->ns && strcmp(ns, par->ns) == 0))) {
            reported[i] = true; /* its children inherit it too */
            continue;
        }
        reported[i] = true;
        if (!ns)
            vl_report(c, e,
                      "EAP element <%s> has no namespace; Windows only recognises it as "
                      "xmlns=\"%s\" and rejects the EAP configuration",
                      e->name, fix);
        else if (strncmp(ns, "https:", 6) == 0)
            vl_report(c, e,
                      "EAP element <%s> uses namespace \"%s\" with https://; namespace "
                      "URIs are identifiers compared exactly, use \"%s\"",
                      e->name, ns, fix);
        else if (is_known(ns))
            vl_report(c, e,
                      "EAP element <%s> is in namespace \"%s\", but Windows expects "
                      "\"%s\" for it here (wrong schema version or family), so the "
                      "EAP configuration is rejected",
                      e->name, ns, fix);
        else
            vl_report(c, e,
                      "EAP element <%s> uses unknown namespace \"%s\"; did you mean "
                      "\"%s\"? Windows rejects the EAP configuration",
                      e->name, ns, fix);
    }
    free(reported);
    free(types);
}

VL_RULE(PX100) = {
    .id = "PX100",
    .name = "eap-namespace-wrong",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An EAP configuration element has a missing, misspelled or wrong-version "
               "namespace URI",
    .description =
        "Windows matches the EAP configuration against the EapHost and method schemas by "
        "exact namespace URI. A typo, https:// instead of http://, or the wrong V1/V2/V3 "
        "suffix (for example TLSExtensions in EapTlsConnectionPropertiesV3 instead of V2) "
        "makes the profile fail to install from Intune (0x87D101F4) or PowerShell "
        "(CreateInstance general error), or the EAP settings are silently dropped.",
    .fix = "Use the exact namespace URI shown in the message; the safest way is to export "
           "the EAP XML from a working connection with Get-VpnConnection and paste it "
           "unchanged.",
    .since = "0.1.0",
    .check = check,
};
