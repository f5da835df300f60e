/* PBK029 non-numeric-value — a numeric key whose value is not a decimal number. */
#include "common.h"

static const char *const int_keys[] = {
    "Encoding",
    "PBVersion",
    "LowDateTime",
    "HighDateTime",
    "DialParamsUID",
    "ExcludedProtocols",
    "DialMode",
    "OverridePref",
    "RedialAttempts",
    "RedialSeconds",
    "IdleDisconnectSeconds",
    "CallbackMode",
    "CustomAuthKey",
    "AuthRestrictions",
    "IpInterfaceMetric",
    "IpAssign",
    "IpNameAssign",
    "IpDnsFlags",
    "IpNBTFlags",
    "TcpWindowSize",
    "UseFlags",
    "IpSecFlags",
    "Ipv6Assign",
    "Ipv6PrefixLength",
    "Ipv6InterfaceMetric",
    "Ipv6NameAssign",
    "NetworkOutageTime",
    "IdiType",
    "IdrType",
    "ProvisionType",
    "NumCustomPolicy",
    "NumEku",
    "NumServers",
    "RouteVersion",
    "NumRoutes",
    "NumNrptRules",
    "NumAppIds",
    "NumClassicAppIds",
    "FlagsSet",
    "Options",
    "NumTrustedNetworks",
    "NumDnsSearchSuffixes",
    "ProxyFlags",
    "NumPerAppTrafficFilters",
    "CountryCode",
    "CountryID",
    "LastSelectedPhone",
};

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[64];
    pbkr_flagged w;
    if (!pbkr_flagged_init(&w, p, int_keys, VL_ARRAY_LEN(int_keys), VL_PBK_VALS_NOT_DIGITS))
        return;
    for (const vl_pbk_kv *kv; (kv = pbkr_flagged_next(p, &w)) != NULL;) {
        long long v;
        if (vl_pbk_kv_int(p, kv, &v))
            continue;
        /* trailing blanks are PBK019's business */
        size_t n;
        const char *t = vl_trim(vl_pbk_kv_value(p, kv), kv->value_len, &n);
        if (n && n < kv->value_len && vl_pbk_int_text(t, n, &v))
            continue;
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2),
                     "[%s] %s='%s' is not a decimal number: Windows reads it as 0 or ignores "
                     "it (hex such as 0x200 is not accepted either)",
                     e ? pbkr_name(e, nb, sizeof nb) : "", vl_pbk_kv_key(p, kv),
                     pbkr_text(vl_pbk_kv_value(p, kv), kv->value_len, vb, sizeof vb));
    }
    pbkr_flagged_free(&w);
}

VL_RULE(PBK029) = {
    .id = "PBK029",
    .name = "non-numeric-value",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A numeric key holds something that is not a decimal number",
    .description =
        "Counts, metrics, bit fields (AuthRestrictions, ExcludedProtocols, IpDnsFlags), "
        "enumerations (IpAssign, IdiType) and times (NetworkOutageTime) are decimal integers. "
        "Text, hexadecimal (0x200) or a unit (1800s) is read as 0 or ignored, so the setting "
        "falls back to a default the author did not intend. (VpnStrategy, DataEncryption and "
        "Type have their own rules.)",
    .fix = "Write the value as a plain decimal number, e.g. AuthRestrictions=512.",
    .since = "0.1.0",
    .check = check,
};
