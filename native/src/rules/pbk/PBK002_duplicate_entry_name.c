/* PBK002 duplicate-entry-name — two [sections] with the same name. */
#include "common.h"

#include "core/names.h"

#include <stdlib.h>

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (p->n_entries < 2)
        return;
    /* Two sorted indexes of the names, exact and ignoring ASCII case: an
     * entry's exact namesake and its case variants are found in O(n log n)
     * however many variants of one name there are. */
    vl_names exact, ci;
    vl_names_init(&exact, false);
    vl_names_init(&ci, true);
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        vl_names_add(&exact, e->name, e->name_len, e);
        vl_names_add(&ci, e->name, e->name_len, e);
    }
    char nb[96], fb[96];
    if (!exact.failed && !ci.failed) {
        vl_names_sort(&exact);
        vl_names_sort(&ci);
        for (size_t i = 0; i < ci.n;) {
            /* ci.v[i..j): equal ignoring case, in file order */
            size_t j = i + 1;
            while (j < ci.n && vl_names_find(&ci, ci.v[j].s, ci.v[j].len) == &ci.v[i])
                j++;
            const vl_pbk_entry *head = ci.v[i].item;
            for (size_t k = i + 1; k < j; k++) {
                const vl_pbk_entry *e = ci.v[k].item;
                const vl_pbk_entry *f = vl_names_find(&exact, e->name, e->name_len)->item;
                if (f != e)
                    vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                                 "entry name [%s] is already used on line %u: names must be "
                                 "unique; Windows and the tools that edit phonebooks act on only "
                                 "one of them",
                                 pbkr_name(e, nb, sizeof nb), f->line);
                else
                    vl_report_at(c, VPNLINT_SEVERITY_WARNING, e->line, 1,
                                 "entry name [%s] differs only in letter case from [%s] on line "
                                 "%u: the Win32 profile API (GetPrivateProfileString) that "
                                 "Windows tools and scripts use matches section names without "
                                 "regard to case, so they see only one of them",
                                 pbkr_name(e, nb, sizeof nb), pbkr_name(head, fb, sizeof fb),
                                 head->line);
            }
            i = j;
        }
    }
    vl_names_free(&exact);
    vl_names_free(&ci);
}

VL_RULE(PBK002) = {
    .id = "PBK002",
    .name = "duplicate-entry-name",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "Two entries in the phonebook have the same name",
    .description =
        "MS-RRASM 2.2.2 requires entry names to be unique. With a duplicate, Windows' profile "
        "readers act on the first section only, Richard Hicks' Update-Rasphone.ps1 and the DPC "
        "tool throw, and vpnlint's editor refuses the ambiguous name. Names that differ only in "
        "letter case are reported as a warning: the Win32 profile API matches section names "
        "without regard to case.",
    .fix = "Rename or delete one of the sections (for example with rasphone.exe or "
           "Remove-VpnConnection), so that every [name] appears once.",
    .since = "0.1.0",
    .check = check,
};
