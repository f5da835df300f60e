/* PBK003 duplicate-key — the same key twice in one scope of an entry. */
#include "common.h"

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

/* Scratch per distinct key name: the group that last saw it and its first kv there. */
typedef struct seen {
    size_t *group;
    const vl_pbk_kv **first;
    size_t stamp;
} seen;

/* keys[0..n) filtered to `scope`: each key seen earlier in the group is a duplicate. */
static void scan(vl_ctx *c, const vl_pbk_entry *e, const vl_pbk_kv *keys, size_t n, int scope,
                 seen *sn)
{
    if (n < 2)
        return;
    size_t stamp = ++sn->stamp;
    char nb[96], kb[96], v1[80], v2[80];
    for (size_t i = 0; i < n; i++) {
        const vl_pbk_kv *b = &keys[i];
        if (b->scope != scope)
            continue;
        if (sn->group[b->kid] != stamp) {
            sn->group[b->kid] = stamp;
            sn->first[b->kid] = b;
            continue;
        }
        const vl_pbk_kv *first = sn->first[b->kid];
        bool secret = (c->pbk->name_flags[b->kid] & VL_PBK_NAME_SECRET) != 0;
        bool show = !secret && !b->blob && first->value_len <= 60 && b->value_len <= 60;
        if (show &&
            (first->value_len != b->value_len ||
             memcmp(vl_pbk_kv_value(c->pbk, first), vl_pbk_kv_value(c->pbk, b), b->value_len) != 0))
            vl_report_at(
                c, VL_SEV_DEFAULT, b->line, 1,
                "[%s] %s appears again in the %s (first on line %u): values '%s' and "
                "'%s' disagree and Windows reads only one of them; delete the wrong "
                "line",
                pbkr_name(e, nb, sizeof nb),
                pbkr_text(vl_pbk_kv_key(c->pbk, b), vl_pbk_kv_key_len(c->pbk, b), kb, sizeof kb),
                scope_words(scope), first->line,
                pbkr_text(vl_pbk_kv_value(c->pbk, first), first->value_len, v1, sizeof v1),
                pbkr_text(vl_pbk_kv_value(c->pbk, b), b->value_len, v2, sizeof v2));
        else
            vl_report_at(
                c, VL_SEV_DEFAULT, b->line, 1,
                "[%s] %s appears again in the %s (first on line %u)%s: Windows reads "
                "only one of them; delete the extra line",
                pbkr_name(e, nb, sizeof nb),
                pbkr_text(vl_pbk_kv_key(c->pbk, b), vl_pbk_kv_key_len(c->pbk, b), kb, sizeof kb),
                scope_words(scope), first->line,
                b->blob ? " as a separate, non-adjacent blob" : "");
    }
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (!p->n_names)
        return;
    seen sn = {vl_calloc(p->n_names, sizeof *sn.group), vl_calloc(p->n_names, sizeof *sn.first), 0};
    if (!sn.group || !sn.first)
        goto out;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (!e->dup_keys && !e->dup_sub)
            continue; /* the parser found no repeated key in any part */
        scan(c, e, e->keys, e->n_keys, VL_PBK_SCOPE_ENTRY, &sn);
        for (size_t g = 0; g < e->n_netcomponents; g++)
            scan(c, e, e->netcomponents[g].keys, e->netcomponents[g].n_keys,
                 VL_PBK_SCOPE_NETCOMPONENTS, &sn);
        for (size_t m = 0; m < e->n_media; m++) {
            const vl_pbk_media *md = &e->media[m];
            scan(c, e, md->keys, md->n_keys, VL_PBK_SCOPE_MEDIA, &sn);
            for (size_t d = 0; d < md->n_devices; d++) {
                const vl_pbk_device *dv = &md->devices[d];
                scan(c, e, dv->keys, dv->n_keys, VL_PBK_SCOPE_DEVICE, &sn);
                for (size_t g = 0; g < dv->n_phones; g++)
                    scan(c, e, dv->phones[g].keys, dv->phones[g].n_keys, VL_PBK_SCOPE_PHONE, &sn);
            }
        }
    }
out:
    vpnlint_free(sn.group);
    vpnlint_free(sn.first);
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
