/* PX072 crypto-suite-incomplete — CryptographySuite does not set all six parameters */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    static const struct {
        int def;
        const char *name;
    } parts[] = {
        {VL_PX_CS_AuthenticationTransformConstants, "AuthenticationTransformConstants"},
        {VL_PX_CS_CipherTransformConstants, "CipherTransformConstants"},
        {VL_PX_CS_PfsGroup, "PfsGroup"},
        {VL_PX_CS_DHGroup, "DHGroup"},
        {VL_PX_CS_IntegrityCheckMethod, "IntegrityCheckMethod"},
        {VL_PX_CS_EncryptionMethod, "EncryptionMethod"},
    };
    for (const vl_el *cs = vl_px_first(p, VL_PX_NP_CryptographySuite); cs; cs = vl_px_next(p, cs)) {
        char missing[256];
        size_t n = 0, count = 0;
        missing[0] = 0;
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            if (vl_px_child(p, cs, parts[i].def))
                continue;
            count++;
            size_t l = strlen(parts[i].name);
            if (n + l + 3 < sizeof missing) {
                if (n) {
                    memcpy(missing + n, ", ", 2);
                    n += 2;
                }
                memcpy(missing + n, parts[i].name, l + 1);
                n += l;
            }
        }
        if (count)
            vl_report(c, cs,
                      "CryptographySuite lacks %s; set all six values so the policy is "
                      "fully defined and matches the server",
                      missing);
    }
}

VL_RULE(PX072) = {
    .id = "PX072",
    .name = "crypto-suite-incomplete",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "CryptographySuite does not set all six parameters",
    .description =
        "A custom IKEv2 policy is a set of six values: AuthenticationTransformConstants, "
        "CipherTransformConstants and PfsGroup for the child SA, DHGroup, IntegrityCheckMethod and "
        "EncryptionMethod for the IKE SA. Intune and Set-VpnConnectionIPsecConfiguration always "
        "set all six. What Windows uses for the missing ones is undocumented, so a partial suite "
        "is unpredictable and may not match the server (error 13868, policy match error). (vpnlint "
        "inference.)",
    .fix = "Specify all six elements, matching the VPN server's IKEv2 policy.",
    .since = "0.1.0",
    .check = check,
};
