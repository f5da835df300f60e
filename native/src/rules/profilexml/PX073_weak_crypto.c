/* PX073 weak-crypto — CryptographySuite uses a weak algorithm or group (DES, 3DES, MD5, SHA-1, DH
 * 1/2, no PFS) */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static bool weak(int def, const char *v)
{
    static const char *const auth[] = {"MD596", "SHA196", NULL};
    static const char *const cipher[] = {"DES", "DES3", NULL};
    static const char *const pfs[] = {"None", "PFS1", "PFS2", NULL};
    static const char *const dh[] = {"None", "Group1", "Group2", NULL};
    static const char *const integ[] = {"MD5", "SHA196", NULL};
    const char *const *list = NULL;
    switch (def) {
    case VL_PX_CS_AuthenticationTransformConstants:
        list = auth;
        break;
    case VL_PX_CS_CipherTransformConstants:
    case VL_PX_CS_EncryptionMethod:
        list = cipher;
        break;
    case VL_PX_CS_PfsGroup:
        list = pfs;
        break;
    case VL_PX_CS_DHGroup:
        list = dh;
        break;
    case VL_PX_CS_IntegrityCheckMethod:
        list = integ;
        break;
    default:
        return false;
    }
    for (; *list; list++)
        if (vl_strcasecmp(*list, v) == 0)
            return true;
    return false;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    static const int defs[] = {VL_PX_CS_AuthenticationTransformConstants,
                               VL_PX_CS_CipherTransformConstants,
                               VL_PX_CS_PfsGroup,
                               VL_PX_CS_DHGroup,
                               VL_PX_CS_IntegrityCheckMethod,
                               VL_PX_CS_EncryptionMethod};
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        for (const vl_el *e = vl_px_first(p, defs[i]); e; e = vl_px_next(p, e))
            if (weak(defs[i], e->text))
                vl_report(c, e, "CryptographySuite/%s %s is weak; use %s", e->name, e->text,
                          defs[i] == VL_PX_CS_AuthenticationTransformConstants
                              ? "SHA256128 or GCMAES128"
                          : defs[i] == VL_PX_CS_CipherTransformConstants
                              ? "AES128 or GCMAES128 or stronger"
                          : defs[i] == VL_PX_CS_EncryptionMethod ? "AES128, AES256 or AES_GCM_128"
                          : defs[i] == VL_PX_CS_IntegrityCheckMethod ? "SHA256 or SHA384"
                          : defs[i] == VL_PX_CS_DHGroup              ? "Group14, ECP256 or ECP384"
                                                                     : "PFS2048, ECP256 or ECP384");
}

VL_RULE(PX073) = {
    .id = "PX073",
    .name = "weak-crypto",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary =
        "CryptographySuite uses a weak algorithm or group (DES, 3DES, MD5, SHA-1, DH 1/2, no PFS)",
    .description = "DES and 3DES ciphers, MD5 and SHA-1 integrity, Diffie-Hellman groups 1 and 2 "
                   "(768/1024-bit), PFS groups 1 and 2, and None for DH or PFS are considered "
                   "weak. Windows' default IKEv2 policy with RRAS (3DES, SHA-1, DH group 2) is "
                   "exactly what a custom suite should replace (Richard Hicks); recommended "
                   "minimum is AES128, SHA256 and group 14 or ECP256 (Richard Hicks' and PowerON's "
                   "baselines use GCMAES128/SHA256/Group14/ECP256 or SHA256128/AES128/PFS2048).",
    .fix = "Use e.g. GCMAES128 / GCMAES128 / ECP256 / Group14 / SHA256 / AES_GCM_128, and the same "
           "on the server.",
    .since = "0.1.0",
    .check = check,
};
