/* PBK026 duplicate-guid — entries sharing a Guid or DialParamsUID. */
#include "common.h"

#include <stdlib.h>

typedef struct {
    const vl_pbk_kv *kv;
    const vl_pbk_entry *e;
} item;

static int cmp_item(const void *pa, const void *pb)
{
    const item *a = pa, *b = pb;
    size_t n = a->kv->value_len < b->kv->value_len ? a->kv->value_len : b->kv->value_len;
    int r = memcmp(vl_pbk_kv_value(a->e->owner, a->kv), vl_pbk_kv_value(b->e->owner, b->kv), n);
    if (r)
        return r;
    if (a->kv->value_len != b->kv->value_len)
        return a->kv->value_len < b->kv->value_len ? -1 : 1;
    return a->kv->line < b->kv->line ? -1 : a->kv->line > b->kv->line;
}

static void scan(vl_ctx *c, const char *key, const char *why, item *v)
{
    const vl_pbk *p = c->pbk;
    size_t n = 0;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_kv *kv = vl_pbk_entry_get(&p->entries[i], key);
        if (kv && kv->value_len && !(kv->value_len == 1 && vl_pbk_kv_value(p, kv)[0] == '0')) {
            v[n].kv = kv;
            v[n].e = &p->entries[i];
            n++;
        }
    }
    if (n < 2)
        return;
    qsort(v, n, sizeof *v, cmp_item);
    char nb[96], fb[96];
    for (size_t i = 1, first = 0; i < n; i++) {
        const vl_pbk_kv *a = v[first].kv, *b = v[i].kv;
        if (a->value_len != b->value_len ||
            memcmp(vl_pbk_kv_value(p, a), vl_pbk_kv_value(p, b), a->value_len) != 0) {
            first = i;
            continue;
        }
        vl_report_at(c, VL_SEV_DEFAULT, v[i].kv->line, 1,
                     "[%s] has the same %s as [%s] (line %u): %s", pbkr_name(v[i].e, nb, sizeof nb),
                     key, pbkr_name(v[first].e, fb, sizeof fb), v[first].kv->line, why);
    }
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (p->n_entries < 2)
        return;
    item *v = vl_malloc(p->n_entries * sizeof *v);
    if (!v)
        return;
    scan(c, "Guid",
         "the entry was copied instead of created, and Windows and MDM identify connections by "
         "this GUID; delete the Guid= line of the copy so Windows assigns a new one",
         v);
    scan(c, "DialParamsUID",
         "saved credentials are linked through this id, so the two entries can overwrite each "
         "other's user name and password; re-create the copy",
         v);
    free(v);
}

VL_RULE(PBK026) = {
    .id = "PBK026",
    .name = "duplicate-guid",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Two entries share a Guid or DialParamsUID",
    .description =
        "Windows gives every entry its own Guid and a random DialParamsUID, which appears to "
        "link the entry to its saved dial parameters and credentials. Import/export scripts "
        "(e.g. VPN-ImportExporter) copy entries verbatim, so the copy keeps both; connections "
        "then get confused in the VPN UI, in MDM inventories and in the credential store.",
    .fix = "Re-create the copied entry with Add-VpnConnection or the settings UI (or at least "
           "delete its Guid= and DialParamsUID= lines) so it gets its own identifiers.",
    .since = "0.1.0",
    .check = check,
};
