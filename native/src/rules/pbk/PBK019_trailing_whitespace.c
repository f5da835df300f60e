/* PBK019 trailing-whitespace — spaces around keys, after values or headers. */
#include "common.h"

static bool sp(char ch)
{
    return ch == ' ' || ch == '\t';
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], kb[64], tb[64];
    /* server names have their own rule (PBK042) */
    int64_t phone = vl_pbk_key_id(p, "PhoneNumber"),
            server = vl_pbk_key_id(p, "ServerListServerName");
    /* padded keys: decided once per distinct key */
    bool *key_pad = vl_calloc(p->n_names ? p->n_names : 1, sizeof *key_pad);
    if (!key_pad)
        return;
    bool any_pad = p->n_pad_values > 0;
    for (size_t k = 0; k < p->n_names; k++) {
        key_pad[k] =
            p->name_lens[k] && (sp(p->names[k][0]) || sp(p->names[k][p->name_lens[k] - 1]));
        any_pad |= key_pad[k];
    }
    /* no padded key and no value ending in a blank (the parser counts them) */
    for (size_t i = 0; any_pad && i < p->n_kvs; i++) {
        const vl_pbk_kv *kv = &p->kvs[i];
        bool key_sp = key_pad[kv->kid];
        if (!key_sp && (kv->blob || kv->kid == phone || kv->kid == server || !kv->value_len ||
                        !sp(vl_pbk_kv_value(p, kv)[kv->value_len - 1])))
            continue;
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        const char *en = e ? pbkr_name(e, nb, sizeof nb) : "";
        if (key_sp) {
            size_t n;
            const char *t = vl_trim(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), &n);
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] the key '%s' has spaces around it: keys are matched exactly, so "
                         "Windows does not see it as %s",
                         en,
                         pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb),
                         pbkr_text(t, n, tb, sizeof tb));
            continue;
        }
        vl_report_at(c, VL_SEV_DEFAULT, kv->line,
                     (unsigned)(vl_pbk_kv_key_len(p, kv) + 1 + kv->value_len),
                     "[%s] the value of %s ends with a space or tab: whether Windows trims it "
                     "is undocumented, so %s",
                     en, pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb),
                     (p->name_flags[kv->kid] & VL_PBK_NAME_SECRET)
                         ? "remove it"
                         : "a number may not parse and a name may not match; remove it");
    }
    vpnlint_free(key_pad);
    /* headers: the entries know their lines */
    for (size_t ei = 0; ei < p->n_entries; ei++) {
        size_t i = p->entries[ei].line_index;
        const vl_pbk_line *ln = &p->lines[i];
        if (ln->type != VL_PBK_LINE_HEADER || !ln->len)
            continue;
        const char *s = (const char *)p->bytes + ln->off;
        if (sp(s[0]) || sp(s[ln->len - 1]))
            vl_report_at(c, VL_SEV_DEFAULT, (unsigned)(i + 1), 1,
                         "the [entry] header has spaces or tabs around it: some readers (DPC) "
                         "do not recognise such a header; write it as [Name] alone on the line");
    }
}

VL_RULE(PBK019) = {
    .id = "PBK019",
    .name = "trailing-whitespace",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A key, value or header has stray spaces or tabs",
    .description =
        "Windows writes Key=Value with no spaces. Generators and hand edits leave trailing "
        "spaces (Encoding=1 followed by a space), spaces around the key (VpnStrategy = 7) or "
        "after a [header]. Keys are matched exactly, so a padded key is an unknown key; "
        "whether Windows trims values is undocumented, and tools like DPC do not recognise "
        "padded headers.",
    .fix = "Delete the spaces: write Key=Value and [Entry Name] with nothing around them.",
    .since = "0.1.0",
    .check = check,
};
