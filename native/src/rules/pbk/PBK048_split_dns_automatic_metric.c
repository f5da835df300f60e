/* PBK048 split-dns-automatic-metric — A split-tunnel entry with split DNS leaves the interface
 * metric automatic. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (!pbkr_is_vpn(e) || pbkr_int(e, "IpPrioritizeRemote", 1) != 0 ||
            pbkr_int(e, "IpInterfaceMetric", 0) != 0)
            continue;
        const char *suffix = vl_pbk_entry_value(e, "IpDnsSuffix");
        /* NRPT rules send their namespaces to their own servers; the suffix and the
         * search list are what the interface order decides */
        const char *why = suffix && *suffix                            ? "a connection DNS suffix"
                          : pbkr_int(e, "NumDnsSearchSuffixes", 0) > 0 ? "a DNS suffix search list"
                                                                       : NULL;
        if (!why)
            continue;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "IpInterfaceMetric");
        vl_report_at(c, VL_SEV_DEFAULT, kv ? kv->line : e->line, 1,
                     "[%s] split tunnel with %s but IpInterfaceMetric is automatic: Windows "
                     "asks the DNS server of the lowest-metric interface first, often the "
                     "physical adapter, so internal names may not resolve; set "
                     "IpInterfaceMetric=3 (and Ipv6InterfaceMetric=3)",
                     pbkr_name(e, nb, sizeof nb), why);
    }
}

VL_RULE(PBK048) = {
    .id = "PBK048",
    .name = "split-dns-automatic-metric",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A split-tunnel entry with split DNS leaves the interface metric automatic",
    .description =
        "Windows sends DNS queries through the interface with the lowest metric. With split "
        "tunnelling (IpPrioritizeRemote=0), internal DNS (IpDnsSuffix or a DNS suffix search list) "
        "and IpInterfaceMetric=0 (automatic), a wired or fast Wi-Fi adapter often wins, and "
        "internal names resolve through the public DNS server or not at all. Richard Hicks' Always "
        "On VPN guidance sets an explicit low metric (3) for IPv4 and IPv6.",
    .fix = "Set IpInterfaceMetric=3 and Ipv6InterfaceMetric=3 (Update-Rasphone -InterfaceMetric 3, "
           "or the Remediate-InterfaceMetric script).",
    .since = "0.1.0",
    .check = check,
};
