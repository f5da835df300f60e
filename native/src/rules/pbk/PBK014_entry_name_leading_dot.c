/* PBK014 entry-name-leading-dot — a name starting with '.'. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (e->name_len && e->name[0] == '.')
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 2,
                         "entry name [%s] starts with '.': since Windows 2000 "
                         "RasValidateEntryName rejects such names",
                         pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK014) = {
    .id = "PBK014",
    .name = "entry-name-leading-dot",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An entry name starts with a dot",
    .description =
        "On Windows 2000 and later RasValidateEntryName refuses a name that begins with '.'. "
        "The entry was written by a tool that bypassed the RAS API; Windows cannot dial or "
        "edit it through the normal interfaces.",
    .fix = "Rename the entry so that it starts with a letter or digit.",
    .since = "0.1.0",
    .check = check,
};
