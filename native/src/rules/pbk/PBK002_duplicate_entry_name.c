/* PBK002 duplicate-entry-name — two [sections] with the same name. */
#include "common.h"

#include <stdlib.h>

static int fold(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static int cmp_ci(const vl_pbk_entry *a, const vl_pbk_entry *b)
{
    size_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
    for (size_t i = 0; i < n; i++) {
        int x = fold((unsigned char)a->name[i]), y = fold((unsigned char)b->name[i]);
        if (x != y)
            return x - y;
    }
    return a->name_len < b->name_len ? -1 : a->name_len > b->name_len;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const vl_pbk_entry *a = *(const vl_pbk_entry *const *)pa;
    const vl_pbk_entry *b = *(const vl_pbk_entry *const *)pb;
    int r = cmp_ci(a, b);
    if (r)
        return r;
    return a->line < b->line ? -1 : a->line > b->line;
}

static bool same(const vl_pbk_entry *a, const vl_pbk_entry *b)
{
    return a->name_len == b->name_len && memcmp(a->name, b->name, a->name_len) == 0;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (p->n_entries < 2)
        return;
    const vl_pbk_entry **v = vl_malloc(p->n_entries * sizeof *v);
    if (!v)
        return;
    for (size_t i = 0; i < p->n_entries; i++)
        v[i] = &p->entries[i];
    qsort(v, p->n_entries, sizeof *v, cmp_entry);
    char nb[96], fb[96];
    for (size_t i = 0; i < p->n_entries;) {
        size_t j = i + 1;
        while (j < p->n_entries && cmp_ci(v[i], v[j]) == 0)
            j++;
        /* v[i..j) are equal ignoring ASCII case, in file order */
        for (size_t k = i + 1; k < j; k++) {
            const vl_pbk_entry *first = NULL;
            for (size_t m = i; m < k && !first; m++)
                if (same(v[m], v[k]))
                    first = v[m];
            if (first)
                vl_report_at(c, VL_SEV_DEFAULT, v[k]->line, 1,
                             "entry name [%s] is already used on line %u: names must be unique; "
                             "Windows and the tools that edit phonebooks act on only one of "
                             "them",
                             pbkr_name(v[k], nb, sizeof nb), first->line);
            else
                vl_report_at(c, VPNLINT_SEVERITY_WARNING, v[k]->line, 1,
                             "entry name [%s] differs only in letter case from [%s] on line %u: "
                             "the Win32 profile API (GetPrivateProfileString) that Windows tools "
                             "and scripts use matches section names without regard to case, so "
                             "they see only one of them",
                             pbkr_name(v[k], nb, sizeof nb), pbkr_name(v[i], fb, sizeof fb),
                             v[i]->line);
        }
        i = j;
    }
    free(v);
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
