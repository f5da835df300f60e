/* PBK013 entry-name-forbidden-character — | > < ? * \ / : in a name. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        for (size_t k = 0; k < e->name_len; k++) {
            char ch = e->name[k];
            if (!strchr("|><?*\\/:", ch) || ch == '\0')
                continue;
            vl_report_at(c, VL_SEV_DEFAULT, e->line, (unsigned)(k + 2),
                         "entry name [%s] contains '%c': RasValidateEntryName rejects names with "
                         "any of | > < ? * \\ / :, so Windows cannot create, rename or dial it",
                         pbkr_name(e, nb, sizeof nb), ch);
            break;
        }
    }
}

VL_RULE(PBK013) = {
    .id = "PBK013",
    .name = "entry-name-forbidden-character",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An entry name contains a character RasValidateEntryName forbids",
    .description =
        "RasValidateEntryName refuses names that contain | > < ? * \\ / or :. Such an entry can "
        "only exist because a script wrote the file directly; the RAS API, rasdial and the "
        "settings UI refuse to work with it. A common cause is using a URL "
        "(https://vpn.example.com) as the connection name.",
    .fix = "Rename the entry without those characters, e.g. [Contoso VPN] instead of "
           "[https://vpn.contoso.com].",
    .since = "0.1.0",
    .check = check,
};
