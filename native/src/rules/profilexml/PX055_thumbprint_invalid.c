/* PX055 thumbprint-invalid — certificate hashes that are not SHA-1
 * thumbprints (40 hex digits), and non-canonical spellings in EAP. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct tp_ctx {
    vl_ctx *c;
    const vl_el *el;
    const char *what;
} tp_ctx;

static bool check_one(const char *s, size_t len, void *user)
{
    tp_ctx *x = user;
    char buf[256];
    if (len >= sizeof buf) {
        vl_report(x->c, x->el, "%s entry is %zu characters long, not a 40-digit SHA-1 thumbprint",
                  x->what, len);
        return true;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (!vl_thumbprint_valid(buf, NULL))
        vl_report(x->c, x->el,
                  "%s '%.*s' is not a certificate thumbprint: expected 40 hexadecimal digits "
                  "(SHA-1), spaces allowed",
                  x->what, VL_SHOW_MAX, buf);
    return true;
}

/* IssuerHash lists: the CSP says comma-separated, its example uses ';'. */
static bool split_semicolons(const char *s, size_t len, void *user)
{
    char buf[1024];
    if (len >= sizeof buf)
        return check_one(s, len, user);
    memcpy(buf, s, len);
    buf[len] = '\0';
    return vl_split_list(buf, ';', check_one, user, NULL);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_DC_Sso_IssuerHash); e; e = vl_px_next(p, e)) {
        tp_ctx x = {c, e, "DeviceCompliance/Sso/IssuerHash"};
        if (*e->text)
            vl_split_list(e->text, ',', split_semicolons, &x, NULL);
    }
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        bool root = strcmp(e->name, "TrustedRootCA") == 0;
        if (!root && strcmp(e->name, "IssuerHash") != 0)
            continue;
        const char *what = root ? "EAP TrustedRootCA" : "EAP CAHashList/IssuerHash";
        bool canonical = false;
        if (!*e->text) {
            vl_report(c, e,
                      "%s is empty; give the SHA-1 thumbprint of the certificate or "
                      "remove the element",
                      what);
        } else if (!vl_thumbprint_valid(e->text, &canonical)) {
            vl_report(c, e,
                      "%s '%.*s' is not a certificate thumbprint: expected 40 hexadecimal "
                      "digits (SHA-1), spaces allowed",
                      what, VL_SHOW_MAX, e->text);
        } else if (!canonical) {
            vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                          "%s '%.*s' is valid but not in the form Windows exports (lowercase "
                          "hex pairs separated by spaces); accepted, noted for comparison with "
                          "exported profiles",
                          what, VL_SHOW_MAX, e->text);
        }
    }
}

VL_RULE(PX055) = {
    .id = "PX055",
    .name = "thumbprint-invalid",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A certificate thumbprint (TrustedRootCA, IssuerHash) is not 40 hex digits",
    .description =
        "EAP TrustedRootCA and CAHashList/IssuerHash, and DeviceCompliance/Sso/IssuerHash, "
        "hold SHA-1 certificate thumbprints: 40 hexadecimal digits, optionally in space-"
        "separated pairs as Windows exports them. A truncated or mistyped hash (a missing "
        "digit, a colon-separated copy, an invisible character) matches no certificate: "
        "server validation fails or no client certificate is selected. Valid but uppercase "
        "or unspaced EAP thumbprints are reported as info only.",
    .fix = "Copy the thumbprint again from the certificate (certutil, or the Thumbprint "
           "property in PowerShell) and paste it as 40 hex digits.",
    .since = "0.1.0",
    .check = check,
};
