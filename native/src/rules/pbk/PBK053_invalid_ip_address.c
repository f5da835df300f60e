/* PBK053 invalid-ip-address — An address key does not hold a valid IPv4/IPv6 address. */
#include "common.h"

static bool ipv4(const char *s, size_t n)
{
    int parts = 0;
    size_t i = 0;
    while (i < n) {
        unsigned v = 0, d = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9' && d < 4) {
            v = v * 10 + (unsigned)(s[i++] - '0');
            d++;
        }
        if (!d || d > 3 || v > 255)
            return false;
        parts++;
        if (i == n)
            break;
        if (s[i++] != '.' || i == n)
            return false;
    }
    return parts == 4;
}

static bool hexd(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static bool ipv6(const char *s, size_t n)
{
    if (n < 2 || n > 45)
        return false;
    int groups = 0;
    bool dbl = false;
    size_t i = 0;
    if (s[0] == ':') {
        if (s[1] != ':')
            return false;
        dbl = true;
        i = 2;
        if (i == n)
            return true;
    }
    while (i < n) {
        size_t st = i, d = 0;
        while (i < n && hexd(s[i]) && d < 5) {
            i++;
            d++;
        }
        if (i < n && s[i] == '.') { /* embedded IPv4 tail */
            if (!ipv4(s + st, n - st))
                return false;
            groups += 2;
            i = n;
            break;
        }
        if (!d || d > 4)
            return false;
        groups++;
        if (i == n)
            break;
        if (s[i] != ':')
            return false;
        i++;
        if (i < n && s[i] == ':') {
            if (dbl)
                return false;
            dbl = true;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return false;
        }
    }
    return dbl ? groups < 8 : groups == 8;
}

static void check(vl_ctx *c)
{
    static const char *const v4[] = {"IpAddress", "IpDnsAddress", "IpDns2Address", "IpWinsAddress",
                                     "IpWins2Address"};
    static const char *const v6[] = {"Ipv6Address", "Ipv6DnsAddress", "Ipv6Dns2Address"};
    static const char *const h16[] = {"Ipv6Prefix", "Ipv6InterfaceId"};
    const vl_pbk *p = c->pbk;
    char nb[96], vb[96];
    if (!p->n_names)
        return;
    enum { NONE = 0, V4, V6, H16, PREFIXLEN };
    unsigned char *cls = vl_calloc(p->n_names, 1);
    if (!cls)
        return;
    for (size_t j = 0; j < VL_ARRAY_LEN(v4); j++)
        if (vl_pbk_key_id(p, v4[j]) >= 0)
            cls[vl_pbk_key_id(p, v4[j])] = V4;
    for (size_t j = 0; j < VL_ARRAY_LEN(v6); j++)
        if (vl_pbk_key_id(p, v6[j]) >= 0)
            cls[vl_pbk_key_id(p, v6[j])] = V6;
    for (size_t j = 0; j < VL_ARRAY_LEN(h16); j++)
        if (vl_pbk_key_id(p, h16[j]) >= 0)
            cls[vl_pbk_key_id(p, h16[j])] = H16;
    if (vl_pbk_key_id(p, "Ipv6PrefixLength") >= 0)
        cls[vl_pbk_key_id(p, "Ipv6PrefixLength")] = PREFIXLEN;
    for (size_t id = 0; id < p->n_names; id++) {
        int what = cls[id];
        if (what == NONE)
            continue;
        size_t it = 0;
        for (const vl_pbk_kv *kv; (kv = pbkr_next_entry_key(p, (int32_t)id, &it)) != NULL;) {
            const vl_pbk_entry *e = &p->entries[kv->entry];
            if (!kv->value_len)
                continue;
            const char *want = NULL;
            if (what == V4 && !ipv4(vl_pbk_kv_value(p, kv), kv->value_len))
                want = "a dotted IPv4 address such as 10.0.0.53 (0.0.0.0 = unset)";
            else if (what == V6 && !ipv6(vl_pbk_kv_value(p, kv), kv->value_len))
                want = "an IPv6 address such as fd00::53 (:: = unset)";
            else if (what == H16 &&
                     (kv->value_len != 16 || !vl_pbk_hex_valid(vl_pbk_kv_value(p, kv), 16, NULL)))
                want = "16 hex digits (64 bits of the address)";
            long long pl;
            if (what == PREFIXLEN && (!vl_pbk_kv_int(p, kv, &pl) || pl < 0 || pl > 128))
                want = "a prefix length from 0 to 128";
            if (want)
                vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2),
                             "[%s] %s=%s is not %s; Windows ignores the value",
                             pbkr_name(e, nb, sizeof nb), vl_pbk_kv_key(p, kv),
                             pbkr_text(vl_pbk_kv_value(p, kv), kv->value_len, vb, sizeof vb), want);
        }
    }
    vpnlint_free(cls);
}

VL_RULE(PBK053) = {
    .id = "PBK053",
    .name = "invalid-ip-address",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An address key does not hold a valid IPv4/IPv6 address",
    .description = "IpAddress, IpDnsAddress, IpDns2Address, IpWinsAddress and IpWins2Address are "
                   "dotted IPv4 addresses (0.0.0.0 = unset); Ipv6Address, Ipv6DnsAddress and "
                   "Ipv6Dns2Address are IPv6 addresses (:: = unset); Ipv6Prefix and "
                   "Ipv6InterfaceId are 16 hex digits; Ipv6PrefixLength is 0-128 (MS-RRASM "
                   "2.2.2.2.64/84, RASENTRY). A value that does not parse - a host name, a CIDR "
                   "suffix, a typo - is dropped, so the static address or DNS server is not used.",
    .fix = "Write a plain address (10.0.0.53, fd00::53) with no prefix length or name.",
    .since = "0.1.0",
    .check = check,
};
