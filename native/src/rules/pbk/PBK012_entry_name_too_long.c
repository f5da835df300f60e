/* PBK012 entry-name-too-long — more than 256 characters (RAS_MaxEntryName). */
#include "common.h"

static size_t chars(const char *s, size_t n, bool utf8)
{
    if (!utf8)
        return n;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        size_t n = chars(e->name, e->name_len, e->name_utf8);
        if (n > 256)
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                         "entry name [%s] is %zu characters long: RAS allows at most 256 "
                         "(RAS_MaxEntryName), so Windows cannot open or dial it by name",
                         pbkr_name(e, nb, sizeof nb), n);
    }
}

VL_RULE(PBK012) = {
    .id = "PBK012",
    .name = "entry-name-too-long",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An entry name is longer than 256 characters",
    .description =
        "RAS entry names are limited to RAS_MaxEntryName = 256 characters (the RASENTRY and "
        "RASENTRYNAME buffers are 257 wide). A longer [name] cannot be passed to RasDial, "
        "rasdial.exe or the VPN settings page, so the entry is unusable.",
    .fix = "Rename the entry to 256 characters or fewer (shorter is better: the name is shown in "
           "the network flyout).",
    .since = "0.1.0",
    .check = check,
};
