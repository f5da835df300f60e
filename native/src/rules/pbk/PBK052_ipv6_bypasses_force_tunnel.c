/* PBK052 ipv6-bypasses-force-tunnel — A force-tunnel entry excludes IPv6, so IPv6 traffic bypasses
 * the VPN. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long x;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "ExcludedProtocols");
        if (!pbkr_is_vpn(e) || pbkr_int(e, "IpPrioritizeRemote", 0) != 1 || !kv ||
            !vl_pbk_entry_int(e, "ExcludedProtocols", &x) || !(x & 8) || (x & 4))
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] force tunnel for IPv4 (IpPrioritizeRemote=1) but ExcludedProtocols=%lld "
                     "excludes IPv6: IPv6 traffic and DNS go around the VPN on IPv6 networks",
                     pbkr_name(e, nb, sizeof nb), x);
    }
}

VL_RULE(PBK052) = {
    .id = "PBK052",
    .name = "ipv6-bypasses-force-tunnel",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "A force-tunnel entry excludes IPv6, so IPv6 traffic bypasses the VPN",
    .description =
        "IpPrioritizeRemote=1 sends all IPv4 traffic through the tunnel, but ExcludedProtocols "
        "with the IPv6 bit (8) stops IPv6 from being negotiated on the VPN. On networks with IPv6, "
        "the client's IPv6 traffic and DNS queries then leave through the physical adapter, "
        "outside the tunnel - a leak hwdsl2's client guide warns about.",
    .fix = "Either negotiate IPv6 over the VPN (clear bit 8 in ExcludedProtocols) or disable IPv6 "
           "on the physical adapter / block it where a full tunnel is required.",
    .since = "0.1.0",
    .check = check,
};
