/* PBK007 invalid-hex-blob — a hex blob with a non-hex character or odd length. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (!p->n_bad_hex)
        return; /* the parser checked every blob */
    char nb[96], kb[64];
    /* Blob kvs: those of the known blob keys, plus wrapped hex runs of other
     * keys; without such runs (the parser counts them) the known keys'
     * kvs are all there is to check. */
    size_t name = 0, it = 0, i = 0;
    for (;;) {
        const vl_pbk_kv *kv;
        if (p->n_hex_runs) {
            if (i == p->n_kvs)
                break;
            kv = &p->kvs[i++];
        } else {
            while (name < p->n_names && !(p->name_flags[name] & VL_PBK_NAME_BLOB))
                name++;
            if (name == p->n_names)
                break;
            kv = pbkr_next_of(p, (int32_t)name, &it);
            if (!kv) {
                name++;
                it = 0;
                continue;
            }
        }
        if (!kv->blob)
            continue;
        size_t bad;
        if (vl_pbk_hex_valid(vl_pbk_kv_value(p, kv), kv->value_len, &bad))
            continue;
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        char where[112];
        snprintf(where, sizeof where, "[%s] ", e ? pbkr_name(e, nb, sizeof nb) : "");
        pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb);
        if (bad < kv->value_len) {
            unsigned line, col;
            vl_pbk_kv_locate(p, kv, bad, &line, &col);
            unsigned char ch = (unsigned char)vl_pbk_kv_value(p, kv)[bad];
            if (ch >= 0x21 && ch < 0x7F)
                vl_report_at(c, VL_SEV_DEFAULT, line, col,
                             "%s%s holds '%c', which is not a hex digit (character %zu of the "
                             "joined value): the blob cannot be decoded",
                             where, kb, ch, bad + 1);
            else
                vl_report_at(c, VL_SEV_DEFAULT, line, col,
                             "%s%s holds a %s (byte 0x%02X) at character %zu of the joined "
                             "value: a hex blob may only hold 0-9 and A-F",
                             where, kb, ch == ' ' || ch == '\t' ? "space" : "non-hex byte", ch,
                             bad + 1);
        } else {
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "%s%s has an odd number of hex digits (%zu%s): a byte is cut in half, "
                         "usually because a line was truncated or lost",
                         where, kb, (size_t)kv->value_len,
                         vl_pbk_kv_n_lines(p, kv) > 1 ? " over its joined lines" : "");
        }
    }
}

VL_RULE(PBK007) = {
    .id = "PBK007",
    .name = "invalid-hex-blob",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A hex blob holds a non-hex character or an odd number of digits",
    .description =
        "Binary values (CustomAuthData, CustomIPSecPolicies, Routes, NrptRules, TrustedNetworks, "
        "DnsSuffixSearchList, PerAppTrafficFilters) are written as hex, at most 128 digits per "
        "line, with consecutive same-key lines joined. A non-hex character or an odd length "
        "means the blob was truncated or hand-edited; Windows cannot decode it, and the EAP "
        "configuration, routes or NRPT rules it carries are lost.",
    .fix = "Re-create the setting with the tool that owns it (the VPN UI, Set-VpnConnection, "
           "Set-VpnConnectionIPsecConfiguration or the ProfileXML) instead of editing hex.",
    .since = "0.1.0",
    .check = check,
};
