/* PBK011 count-without-list — a Num* count without its list, or a list with no count. */
#include "common.h"

static const struct {
    const char *count, *list;
} pairs[] = {
    {"NumCustomPolicy", "CustomIPSecPolicies"},
    {"NumRoutes", "Routes"},
    {"NumNrptRules", "NrptRules"},
    {"NumTrustedNetworks", "TrustedNetworks"},
    {"NumDnsSearchSuffixes", "DnsSuffixSearchList"},
    {"NumPerAppTrafficFilters", "PerAppTrafficFilters"},
    {"NumServers", "ServerListServerName"},
};

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        for (size_t k = 0; k < VL_ARRAY_LEN(pairs); k++) {
            const vl_pbk_kv *cnt = vl_pbk_entry_get(e, pairs[k].count);
            const vl_pbk_kv *list = vl_pbk_entry_get(e, pairs[k].list);
            long long n = 0;
            bool has_n = cnt && vl_pbk_entry_int(e, pairs[k].count, &n);
            bool has_list = list && list->value_len > 0;
            if (has_n && n > 0 && !has_list)
                vl_report_at(c, VL_SEV_DEFAULT, cnt->line, 1,
                             "[%s] %s=%lld but there is no %s%s: Windows expects %lld item%s "
                             "and finds none",
                             pbkr_name(e, nb, sizeof nb), pairs[k].count, n, pairs[k].list,
                             list ? " value (it is empty)" : " line", n, n == 1 ? "" : "s");
            else if (has_list && (!cnt || (has_n && n == 0)))
                vl_report_at(c, VL_SEV_DEFAULT, list->line, 1,
                             "[%s] %s is present but %s: Windows reads the count first and "
                             "ignores the list",
                             pbkr_name(e, nb, sizeof nb), pairs[k].list,
                             cnt ? "its count is 0" : "its count key is missing");
            else if (has_n && n < 0)
                vl_report_at(c, VL_SEV_DEFAULT, cnt->line, 1,
                             "[%s] %s=%lld is negative: a count must be 0 or more",
                             pbkr_name(e, nb, sizeof nb), pairs[k].count, n);
        }
    }
}

VL_RULE(PBK011) = {
    .id = "PBK011",
    .name = "count-without-list",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A Num* count has no list, or a list has no count",
    .description =
        "Several settings are a count plus a list: NumCustomPolicy/CustomIPSecPolicies, "
        "NumRoutes/Routes, NumNrptRules/NrptRules, NumTrustedNetworks/TrustedNetworks, "
        "NumDnsSearchSuffixes/DnsSuffixSearchList, NumPerAppTrafficFilters/"
        "PerAppTrafficFilters and NumServers/ServerListServerName. A count without its list, or "
        "a list whose count is 0 or missing, is what a line-based script leaves behind when it "
        "writes one key and not the other (Windows appends a missing key at the end of the "
        "section). The routes, NRPT rules or crypto policy are then silently not applied.",
    .fix = "Set the count to the number of items in the list, or remove both; better, "
           "re-apply the setting with the cmdlet or profile that owns it.",
    .since = "0.1.0",
    .check = check,
};
