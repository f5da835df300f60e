/* PBK028 invalid-boolean — an on/off key with a value other than 0 or 1. */
#include "common.h"

static const char *const bool_keys[] = {
    "AutoLogon",
    "UseRasCredentials",
    "LcpExtensions",
    "SwCompression",
    "NegotiateMultilinkAlways",
    "SkipDoubleDialDialog",
    "RedialOnLinkFailure",
    "ForceSecureCompartment",
    "DisableIKENameEkuCheck",
    "ShareMsFilePrint",
    "BindMsNetClient",
    "SharedPhoneNumbers",
    "GlobalDeviceSettings",
    "PreviewUserPw",
    "PreviewDomain",
    "PreviewPhoneNumber",
    "ShowDialingProgress",
    "IpPrioritizeRemote",
    "IpHeaderCompression",
    "Ipv6PrioritizeRemote",
    "DisableClassBasedDefaultRoute",
    "DisableMobility",
    "CacheCredentials",
    "AuthTypeOTP",
    "Disable_IKEv2_Fragmentation",
    "PlumbIKEv2TSAsRoutes",
    "AutoTiggerCapable",
    "DisableDefaultDnsSuffixes",
    "PowershellCreatedProfile",
    "AlwaysOnCapable",
    "DeviceTunnel",
    "PrivateNetwork",
    "DeviceComplianceEnabled",
    "DeviceComplianceSsoEnabled",
    "ms_msclient",
    "ms_server",
    "UseDialingRules",
    "PromoteAlternates",
    "TryNextAlternateOnFail",
};

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[64];
    pbkr_flagged w;
    if (!pbkr_flagged_init(&w, p, bool_keys, VL_ARRAY_LEN(bool_keys), VL_PBK_VALS_NOT_BOOL))
        return;
    for (const vl_pbk_kv *kv; (kv = pbkr_flagged_next(p, &w)) != NULL;) {
        const char *v = vl_pbk_kv_value(p, kv);
        if (kv->value_len == 1 && (v[0] == '0' || v[0] == '1'))
            continue;
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2),
                     "[%s] %s=%s is not 0 or 1: this is an on/off setting, and Windows reads "
                     "other text as 0 or ignores it; write %s=1 or %s=0",
                     e ? pbkr_name(e, nb, sizeof nb) : "", vl_pbk_kv_key(p, kv),
                     pbkr_text(v, kv->value_len, vb, sizeof vb), vl_pbk_kv_key(p, kv),
                     vl_pbk_kv_key(p, kv));
    }
    pbkr_flagged_free(&w);
}

VL_RULE(PBK028) = {
    .id = "PBK028",
    .name = "invalid-boolean",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "An on/off key holds something other than 0 or 1",
    .description =
        "Keys such as DisableMobility, UseRasCredentials, IpPrioritizeRemote, AlwaysOnCapable "
        "or the NETCOMPONENTS bindings are flags that Windows writes as 0 or 1 (they mirror "
        "RASEO/RASEO2 option bits). Scripts write True/False, yes/no or -1; the profile API "
        "reads such text as 0, so the setting silently ends up off.",
    .fix = "Write 1 for on and 0 for off.",
    .since = "0.1.0",
    .check = check,
};
