/* PX112 peap-inner-validation-differs — PEAP's outer ServerValidation and
 * the inner EAP-TLS ServerValidation name different servers or roots. */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <ctype.h>
#include <string.h>

/* Normalised token: lowercase, without spaces; written into out. */
static size_t norm(const char *s, size_t n, bool strip_spaces, char *out, size_t cap)
{
    size_t o = 0;
    size_t tl;
    s = vl_trim(s, n, &tl);
    for (size_t i = 0; i < tl && o + 1 < cap; i++) {
        if (strip_spaces && s[i] == ' ')
            continue;
        out[o++] = (char)tolower((unsigned char)s[i]);
    }
    out[o] = '\0';
    return o;
}

/* Is every item of a (separator-split text, or element texts) in b? Both
 * sets are small; quadratic is fine. */
static bool names_subset(const char *a, const char *b)
{
    char x[256], y[256];
    for (const char *p = a; *p;) {
        const char *end = p + strcspn(p, ";");
        if (norm(p, (size_t)(end - p), false, x, sizeof x) > 0) {
            bool found = false;
            for (const char *q = b; *q && !found;) {
                const char *qe = q + strcspn(q, ";");
                norm(q, (size_t)(qe - q), false, y, sizeof y);
                found = strcmp(x, y) == 0;
                q = *qe ? qe + 1 : qe;
            }
            if (!found)
                return false;
        }
        p = *end ? end + 1 : end;
    }
    return true;
}

static bool roots_subset(const vl_profile *p, const vl_el *sa, const vl_el *sb)
{
    char x[256], y[256];
    for (const vl_el *r = vl_eap_find_in(p, sa, NULL, "TrustedRootCA"); r;
         r = vl_eap_find_in(p, sa, r, "TrustedRootCA")) {
        if (norm(r->text, strlen(r->text), true, x, sizeof x) == 0)
            continue;
        bool found = false;
        for (const vl_el *q = vl_eap_find_in(p, sb, NULL, "TrustedRootCA"); q && !found;
             q = vl_eap_find_in(p, sb, q, "TrustedRootCA")) {
            norm(q->text, strlen(q->text), true, y, sizeof y);
            found = strcmp(x, y) == 0;
        }
        if (!found)
            return false;
    }
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    const vl_el *outer = vl_eap_outer(p);
    if (vl_eap_el_type(p, outer) != VL_EAP_PEAP)
        return;
    const vl_el *inner = vl_eap_inner(p, outer);
    if (vl_eap_el_type(p, inner) != VL_EAP_TLS)
        return;
    const vl_el *osv = vl_eap_child(p, vl_eap_child(p, outer, "EapType"), "ServerValidation");
    const vl_el *isv = vl_eap_child(p, vl_eap_child(p, inner, "EapType"), "ServerValidation");
    if (!osv || !isv)
        return;
    const vl_el *on = vl_eap_child(p, osv, "ServerNames");
    const vl_el *in = vl_eap_child(p, isv, "ServerNames");
    const char *ot = on ? on->text : "", *it = in ? in->text : "";
    if (!names_subset(ot, it) || !names_subset(it, ot))
        vl_report(c, in ? in : isv,
                  "the inner EAP-TLS ServerNames (\"%s\") differ from PEAP's outer ServerNames "
                  "(\"%s\"); both validate the same NPS server and Microsoft's samples keep "
                  "them identical",
                  it, ot);
    if (!roots_subset(p, osv, isv) || !roots_subset(p, isv, osv))
        vl_report(c, isv,
                  "the inner EAP-TLS TrustedRootCA list differs from PEAP's outer list; both "
                  "validate the same NPS server certificate, keep them identical");
}

VL_RULE(PX112) = {
    .id = "PX112",
    .name = "peap-inner-validation-differs",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "PEAP's outer and inner EAP-TLS server validation name different servers or "
               "root CAs",
    .description =
        "In PEAP-TLS both the outer PEAP settings and the inner EAP-TLS settings carry a "
        "ServerValidation block (ServerNames, TrustedRootCA). They validate the same NPS "
        "server, and the configurations Windows exports as well as Microsoft's and Richard "
        "Hicks' samples keep the two identical. A difference is usually an edit made in one "
        "place only, for example after the NPS certificate was renewed under a new root.",
    .fix = "Copy the outer PEAP ServerNames and TrustedRootCA values into the inner EAP-TLS "
           "ServerValidation (or re-export the EAP XML from a working connection).",
    .since = "0.1.0",
    .check = check,
};
