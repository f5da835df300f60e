/* PBK009 route-count-mismatch — NumRoutes disagrees with the size of Routes. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        const vl_pbk_kv *blob = vl_pbk_entry_get(e, "Routes");
        long long n;
        if (!blob || !blob->value_len || !vl_pbk_entry_int(e, "NumRoutes", &n))
            continue;
        size_t len = blob->value_len;
        if (len % 72 != 0)
            vl_report_at(
                c, VL_SEV_DEFAULT, blob->line, 1,
                "[%s] Routes is %zu hex characters, not a multiple of 72 (one route each): "
                "the list is truncated or damaged",
                pbkr_name(e, nb, sizeof nb), len);
        else if ((long long)(len / 72) != n)
            vl_report_at(
                c, VL_SEV_DEFAULT, blob->line, 1,
                "[%s] NumRoutes=%lld but Routes holds %zu (route of 72 hex characters each): "
                "Windows reads the count and ignores or misreads the rest",
                pbkr_name(e, nb, sizeof nb), n, len / 72);
    }
}

VL_RULE(PBK009) = {
    .id = "PBK009",
    .name = "route-count-mismatch",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "NumRoutes disagrees with the size of Routes",
    .description =
        "Routes pushed by a ProfileXML are stored as 9 little-endian DWORDs per route (metric, "
        "address family, prefix length, four address DWORDs, exclusion flag, one more), 72 hex "
        "characters each, and NumRoutes gives their number (layout decoded by the DPC tool). "
        "A mismatch means a truncated or hand-edited list: split-tunnel routes go missing and "
        "internal resources become unreachable over the VPN.",
    .fix = "Re-deploy the routes from the ProfileXML/Intune profile or with Add-VpnConnectionRoute "
           "rather than editing the hex; the count must equal the blob length / 72.",
    .since = "0.1.0",
    .check = check,
};
