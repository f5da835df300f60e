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

/* Exact byte order of the names, then file order. */
static int cmp_exact(const void *pa, const void *pb)
{
    const vl_pbk_entry *a = *(const vl_pbk_entry *const *)pa;
    const vl_pbk_entry *b = *(const vl_pbk_entry *const *)pb;
    size_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
    int r = memcmp(a->name, b->name, n);
    if (r)
        return r;
    if (a->name_len != b->name_len)
        return a->name_len < b->name_len ? -1 : 1;
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
    size_t n = p->n_entries;
    const vl_pbk_entry **v = vl_malloc(n * sizeof *v);
    /* first[i]: the first entry (in file order) whose name is exactly
     * entries[i]'s; entries[i] itself when it is the first. Found by one sort
     * on the exact names, so that many case variants of one name cost
     * O(n log n), not a scan of the earlier variants per entry. */
    const vl_pbk_entry **first = vl_malloc(n * sizeof *first);
    if (!v || !first) {
        free(v);
        free(first);
        return;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = &p->entries[i];
    qsort(v, n, sizeof *v, cmp_exact);
    for (size_t i = 0, run = 0; i < n; i++) {
        if (!same(v[run], v[i]))
            run = i;
        first[v[i] - p->entries] = v[run];
    }
    qsort(v, n, sizeof *v, cmp_entry);
    char nb[96], fb[96];
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && cmp_ci(v[i], v[j]) == 0)
            j++;
        /* v[i..j) are equal ignoring ASCII case, in file order; an exact
         * namesake of v[k] is among them, before it */
        for (size_t k = i + 1; k < j; k++) {
            const vl_pbk_entry *f = first[v[k] - p->entries];
            if (f != v[k])
                vl_report_at(c, VL_SEV_DEFAULT, v[k]->line, 1,
                             "entry name [%s] is already used on line %u: names must be unique; "
                             "Windows and the tools that edit phonebooks act on only one of "
                             "them",
                             pbkr_name(v[k], nb, sizeof nb), f->line);
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
    free(first);
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
