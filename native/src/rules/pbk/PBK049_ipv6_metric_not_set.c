/* PBK049 ipv6-metric-not-set — An explicit IPv4 interface metric without an IPv6 one. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long m4 = pbkr_int(e, "IpInterfaceMetric", 0);
        if (!pbkr_is_vpn(e) || m4 <= 0 || pbkr_int(e, "Ipv6InterfaceMetric", 0) != 0 ||
            (pbkr_int(e, "ExcludedProtocols", 0) & 8))
            continue;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "Ipv6InterfaceMetric");
        vl_report_at(c, VL_SEV_DEFAULT, kv ? kv->line : e->line, 1,
                     "[%s] IpInterfaceMetric=%lld but Ipv6InterfaceMetric is automatic while "
                     "IPv6 is negotiated: set Ipv6InterfaceMetric=%lld too so IPv6 DNS and "
                     "traffic prefer the tunnel as well",
                     pbkr_name(e, nb, sizeof nb), m4, m4);
    }
}

VL_RULE(PBK049) = {
    .id = "PBK049",
    .name = "ipv6-metric-not-set",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An explicit IPv4 interface metric without an IPv6 one",
    .description = "Setting IpInterfaceMetric makes the tunnel win DNS and routing decisions for "
                   "IPv4, but Ipv6InterfaceMetric=0 leaves IPv6 on automatic. When IPv6 is "
                   "negotiated over the tunnel, AAAA lookups and IPv6 traffic can still prefer the "
                   "physical adapter. Richard Hicks' scripts always set both (Update-Rasphone "
                   "-InterfaceMetric writes IpInterfaceMetric and Ipv6InterfaceMetric).",
    .fix = "Set Ipv6InterfaceMetric to the same value as IpInterfaceMetric.",
    .since = "0.1.0",
    .check = check,
};
