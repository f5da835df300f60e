/* PX056 oid-invalid — EKU OIDs that are not dotted-decimal OIDs. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct oid_ctx {
    vl_ctx *c;
    const vl_el *el;
} oid_ctx;

static bool check_one(const char *s, size_t len, void *user)
{
    oid_ctx *x = user;
    char buf[256];
    bool ok = false;
    if (len < sizeof buf) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        ok = vl_oid_valid(buf);
    }
    if (!ok)
        vl_report(x->c, x->el,
                  "DeviceCompliance/Sso/Eku entry '%.*s' is not an OID such as "
                  "1.3.6.1.5.5.7.3.2, so no certificate matches it",
                  (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s);
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_DC_Sso_Eku); e; e = vl_px_next(p, e)) {
        oid_ctx x = {c, e};
        if (*e->text)
            vl_split_list(e->text, ',', check_one, &x, NULL);
    }
    for (size_t i = 0; i < p->n_eap; i++) {
        const vl_el *e = &p->eap[i];
        if (strcmp(e->name, "EKUOID") != 0 || vl_oid_valid(e->text))
            continue;
        vl_report(c, e,
                  "EAP EKUMap/EKUOID '%.*s' is not an OID such as 1.3.6.1.4.1.311.87, so the "
                  "certificate filter that uses it matches no certificate",
                  VL_SHOW_MAX, e->text);
    }
}

VL_RULE(PX056) = {
    .id = "PX056",
    .name = "oid-invalid",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An EKU OID (Sso/Eku, EAP EKUOID) is not a valid dotted-decimal OID",
    .description =
        "DeviceCompliance/Sso/Eku (comma-separated) and the EAP FilteringInfo EKUMap/EKUOID "
        "hold object identifiers such as 1.3.6.1.5.5.7.3.2 (Client Authentication) or "
        "1.3.6.1.4.1.311.87 (AAD Conditional Access). A placeholder (Microsoft's sample has "
        "'This is my Eku'), a trailing dot, a leading zero or a space makes the filter match "
        "no certificate, so SSO or EAP certificate selection fails. Checked: at least two "
        "arcs, first arc 0-2, second arc below 40 under 0 and 1, decimal arcs without leading "
        "zeros below 2^32.",
    .fix = "Write the OID digits and dots only, e.g. <Eku>1.3.6.1.5.5.7.3.2</Eku>.",
    .since = "0.1.0",
    .check = check,
};
