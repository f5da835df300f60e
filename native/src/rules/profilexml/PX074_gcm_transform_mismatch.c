/* PX074 gcm-transform-mismatch — CipherTransformConstants and AuthenticationTransformConstants are
 * not the same GCMAES variant */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static bool is_gcm(const char *v)
{
    return vl_strncasecmp(v, "GCMAES", 6) == 0;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *cs = vl_px_first(p, VL_PX_NP_CryptographySuite); cs; cs = vl_px_next(p, cs)) {
        const vl_el *a = vl_px_child(p, cs, VL_PX_CS_AuthenticationTransformConstants);
        const vl_el *ci = vl_px_child(p, cs, VL_PX_CS_CipherTransformConstants);
        if (!a || !ci || (!is_gcm(a->text) && !is_gcm(ci->text)))
            continue;
        if (vl_strcasecmp(a->text, ci->text) == 0)
            continue;
        vl_report(c, is_gcm(ci->text) ? a : ci,
                  "CipherTransformConstants %s and AuthenticationTransformConstants %s do not "
                  "match; AES-GCM needs the same GCMAES value in both",
                  ci->text, a->text);
    }
}

VL_RULE(PX074) = {
    .id = "PX074",
    .name = "gcm-transform-mismatch",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "CipherTransformConstants and AuthenticationTransformConstants are not the same "
               "GCMAES variant",
    .description =
        "AES-GCM provides encryption and integrity together, so for the ESP (child SA) transform "
        "the cipher and the authentication constant are given as the same GCMAESn value; all "
        "published baselines (Richard Hicks: GCMAES128/GCMAES128) pair them. A GCM cipher with a "
        "non-GCM (or different-size GCM) authentication transform, or the reverse, describes a "
        "combination the server's policy will not offer and the connection fails with 13868 "
        "(policy match error). (Pairing requirement inferred from the baselines.)",
    .fix = "Use the same value in both, e.g. GCMAES128 and GCMAES128, or non-GCM values in both "
           "(AES128 with SHA256128).",
    .since = "0.1.0",
    .check = check,
};
