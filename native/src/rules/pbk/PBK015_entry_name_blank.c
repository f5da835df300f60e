/* PBK015 entry-name-blank — a name without any letter or digit. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        bool alnum = false;
        for (size_t k = 0; k < e->name_len && !alnum; k++) {
            unsigned char ch = (unsigned char)e->name[k];
            /* non-ASCII bytes belong to letters of other scripts (e.g. CJK) */
            alnum = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= 'a' && ch <= 'z');
        }
        if (!alnum)
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                         "entry name [%s] has no letter or digit: RasValidateEntryName requires "
                         "at least one alphanumeric character",
                         pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK015) = {
    .id = "PBK015",
    .name = "entry-name-blank",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An entry name is empty or has no letter or digit",
    .description =
        "RasValidateEntryName requires a name with at least one non-whitespace alphanumeric "
        "character, and MS-RRASM requires the section name to be at least one character. An "
        "empty [] or a name of only spaces or punctuation cannot be dialled or selected.",
    .fix = "Give the entry a real name, e.g. [Contoso VPN].",
    .since = "0.1.0",
    .check = check,
};
