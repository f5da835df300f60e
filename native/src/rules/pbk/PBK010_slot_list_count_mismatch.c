/* PBK010 slot-list-count-mismatch — NumTrustedNetworks / NumDnsSearchSuffixes
 * disagree with their 512-byte-slot lists. */
#include "common.h"

static const struct {
    const char *count, *list, *what;
} pairs[] = {
    {"NumTrustedNetworks", "TrustedNetworks", "trusted network"},
    {"NumDnsSearchSuffixes", "DnsSuffixSearchList", "DNS search suffix"},
};

#define SLOT_HEX 1024u /* 512 bytes of UTF-16LE text per item */

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        for (size_t k = 0; k < VL_ARRAY_LEN(pairs); k++) {
            const vl_pbk_kv *blob = vl_pbk_entry_get(e, pairs[k].list);
            long long n;
            if (!blob || !blob->value_len || !vl_pbk_entry_int(e, pairs[k].count, &n))
                continue;
            size_t len = blob->value_len;
            if (len % SLOT_HEX != 0)
                vl_report_at(c, VL_SEV_DEFAULT, blob->line, 1,
                             "[%s] %s is %zu hex characters, not a multiple of 1024 (one "
                             "512-byte UTF-16 slot per %s): the list is truncated",
                             pbkr_name(e, nb, sizeof nb), pairs[k].list, len, pairs[k].what);
            else if ((long long)(len / SLOT_HEX) != n)
                vl_report_at(c, VL_SEV_DEFAULT, blob->line, 1,
                             "[%s] %s=%lld but %s holds %zu slot%s of 512 bytes: the count and "
                             "the list disagree",
                             pbkr_name(e, nb, sizeof nb), pairs[k].count, n, pairs[k].list,
                             len / SLOT_HEX, len / SLOT_HEX == 1 ? "" : "s");
        }
    }
}

VL_RULE(PBK010) = {
    .id = "PBK010",
    .name = "slot-list-count-mismatch",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "NumTrustedNetworks or NumDnsSearchSuffixes disagrees with its list",
    .description =
        "Windows-written phonebooks store TrustedNetworks and DnsSuffixSearchList as UTF-16LE "
        "names in fixed 512-byte slots (1024 hex characters, 8 lines of 128), with "
        "NumTrustedNetworks / NumDnsSearchSuffixes giving the number of slots. A list whose "
        "size is not a whole number of slots, or a count that does not match, was truncated "
        "or hand-edited: trusted network detection or the DNS suffix search list then does "
        "not work as configured. The slot layout is observed in real files, not documented.",
    .fix = "Re-deploy TrustedNetworkDetection / DnsSuffix from the ProfileXML rather than "
           "editing the hex.",
    .since = "0.1.0",
    .check = check,
};
