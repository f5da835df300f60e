/* PBK003 duplicate-key — the same key twice in one scope of an entry. */
#include "common.h"

#include <stdlib.h>

static int cmp_kv(const void *pa, const void *pb)
{
    const vl_pbk_kv *a = *(const vl_pbk_kv *const *)pa;
    const vl_pbk_kv *b = *(const vl_pbk_kv *const *)pb;
    size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
    int r = memcmp(a->key, b->key, n);
    if (r)
        return r;
    if (a->key_len != b->key_len)
        return a->key_len < b->key_len ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

static const char *scope_words(int scope)
{
    switch (scope) {
    case VL_PBK_SCOPE_NETCOMPONENTS:
        return "NETCOMPONENTS subsection";
    case VL_PBK_SCOPE_MEDIA:
        return "MEDIA block";
    case VL_PBK_SCOPE_DEVICE:
        return "DEVICE subsection";
    case VL_PBK_SCOPE_PHONE:
        return "PhoneNumber group";
    default:
        return "entry's header keys";
    }
}

/* keys[0..n) filtered to `scope`; tmp has room for n pointers. */
static void scan(vl_ctx *c, const vl_pbk_entry *e, const vl_pbk_kv *keys, size_t n, int scope,
                 const vl_pbk_kv **tmp)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (keys[i].scope == scope)
            tmp[m++] = &keys[i];
    if (m < 2)
        return;
    qsort(tmp, m, sizeof *tmp, cmp_kv);
    char nb[96], kb[96], v1[80], v2[80];
    for (size_t i = 1; i < m; i++) {
        const vl_pbk_kv *a = tmp[i - 1], *b = tmp[i];
        if (a->key_len != b->key_len || memcmp(a->key, b->key, a->key_len) != 0)
            continue;
        const vl_pbk_kv *first = a; /* the earliest: sorted by line within a key */
        for (size_t k = i - 1; k > 0 && tmp[k - 1]->key_len == b->key_len &&
                               memcmp(tmp[k - 1]->key, b->key, b->key_len) == 0;
             k--)
            first = tmp[k - 1];
        bool secret = vl_pbk_is_secret_key(b->key, b->key_len);
        bool show = !secret && !b->blob && first->value_len <= 60 && b->value_len <= 60;
        if (show &&
            (first->value_len != b->value_len || memcmp(first->value, b->value, b->value_len) != 0))
            vl_report_at(c, VL_SEV_DEFAULT, b->line, 1,
                         "[%s] %s appears again in the %s (first on line %u): values '%s' and "
                         "'%s' disagree and Windows reads only one of them; delete the wrong "
                         "line",
                         pbkr_name(e, nb, sizeof nb), pbkr_text(b->key, b->key_len, kb, sizeof kb),
                         scope_words(scope), first->line,
                         pbkr_text(first->value, first->value_len, v1, sizeof v1),
                         pbkr_text(b->value, b->value_len, v2, sizeof v2));
        else
            vl_report_at(c, VL_SEV_DEFAULT, b->line, 1,
                         "[%s] %s appears again in the %s (first on line %u)%s: Windows reads "
                         "only one of them; delete the extra line",
                         pbkr_name(e, nb, sizeof nb), pbkr_text(b->key, b->key_len, kb, sizeof kb),
                         scope_words(scope), first->line,
                         b->blob ? " as a separate, non-adjacent blob" : "");
    }
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    size_t cap = 0;
    for (size_t i = 0; i < p->n_entries; i++)
        if (p->entries[i].n_all > cap)
            cap = p->entries[i].n_all;
    if (!cap)
        return;
    const vl_pbk_kv **tmp = vl_malloc(cap * sizeof *tmp);
    if (!tmp)
        return;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        scan(c, e, e->keys, e->n_keys, VL_PBK_SCOPE_ENTRY, tmp);
        for (size_t g = 0; g < e->n_netcomponents; g++)
            scan(c, e, e->netcomponents[g].keys, e->netcomponents[g].n_keys,
                 VL_PBK_SCOPE_NETCOMPONENTS, tmp);
        for (size_t m = 0; m < e->n_media; m++) {
            const vl_pbk_media *md = &e->media[m];
            scan(c, e, md->keys, md->n_keys, VL_PBK_SCOPE_MEDIA, tmp);
            for (size_t d = 0; d < md->n_devices; d++) {
                const vl_pbk_device *dv = &md->devices[d];
                scan(c, e, dv->keys, dv->n_keys, VL_PBK_SCOPE_DEVICE, tmp);
                for (size_t g = 0; g < dv->n_phones; g++)
                    scan(c, e, dv->phones[g].keys, dv->phones[g].n_keys, VL_PBK_SCOPE_PHONE, tmp);
            }
        }
    }
    free(tmp);
}

VL_RULE(PBK003) = {
    .id = "PBK003",
    .name = "duplicate-key",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A key appears twice in the same part of an entry",
    .description =
        "Each key may appear once in an entry's header keys, once per MEDIA block, once per "
        "DEVICE subsection and once per PhoneNumber group. What Windows does with a second "
        "VpnStrategy= or DataEncryption= line is undocumented: profile-API readers take the "
        "first, line-based scripts change the last, so the setting you see is not the one that "
        "is used. Hex blobs are joined only when their lines are consecutive; the same blob "
        "key again later is a duplicate too.",
    .fix = "Keep one line per key (the value you intend) and delete the others; edit "
           "phonebooks with a tool that replaces values in place.",
    .since = "0.1.0",
    .check = check,
};
