/* PBK022 non-canonical-guid — Guid not written as 32 hex digits. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[80];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "Guid");
        if (!kv || !kv->value_len)
            continue;
        size_t bad;
        if (kv->value_len == 32 && vl_pbk_hex_valid(vl_pbk_kv_value(p, kv), 32, &bad))
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] Guid=%s is not 32 hex digits: Windows writes the GUID without braces "
                     "or dashes (e.g. Guid=0BE17EFEE347F943ACB07319E2E40DAF); whether it "
                     "accepts other forms is unknown",
                     pbkr_name(e, nb, sizeof nb),
                     pbkr_text(vl_pbk_kv_value(p, kv), kv->value_len, vb, sizeof vb));
    }
}

VL_RULE(PBK022) = {
    .id = "PBK022",
    .name = "non-canonical-guid",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Guid is not written as 32 hex digits",
    .description =
        "Every Windows-written phonebook stores the entry GUID as 32 hex digits with no braces "
        "or dashes (the 16 bytes in memory order). Third-party generators write the registry "
        "form {xxxxxxxx-xxxx-...}; whether Windows accepts it is untested, and a GUID that does "
        "not parse may make Windows treat the entry as new.",
    .fix = "Write the GUID as 32 hex digits, or delete the Guid= line and let Windows create it "
           "(re-create the connection with Add-VpnConnection).",
    .since = "0.1.0",
    .check = check,
};
