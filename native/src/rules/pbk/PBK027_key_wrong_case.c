/* PBK027 key-wrong-case — a known key written with different letter case. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], kb[64];
    for (size_t i = 0; i < p->n_kvs; i++) {
        const vl_pbk_kv *kv = &p->kvs[i];
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        const char *en = e ? pbkr_name(e, nb, sizeof nb) : "";
        if (strcmp(kv->key, "AutoTriggerCapable") == 0) {
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] Windows spells this key AutoTiggerCapable (sic, without 'r'); "
                         "AutoTriggerCapable is an unknown key and is ignored",
                         en);
            continue;
        }
        const char *canon = vl_pbk_known_key_ci(kv->key, kv->key_len);
        if (!canon || (strlen(canon) == kv->key_len && memcmp(canon, kv->key, kv->key_len) == 0))
            continue;
        if (strcmp(canon, "Device") == 0 || strcmp(canon, "DEVICE") == 0) {
            if (strcmp(kv->key, "Device") == 0 || strcmp(kv->key, "DEVICE") == 0)
                continue;
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] '%s' is neither Device (the device name in MEDIA) nor DEVICE "
                         "(the start of a DEVICE subsection): keys are case-sensitive",
                         en, pbkr_text(kv->key, kv->key_len, kb, sizeof kb));
            continue;
        }
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] '%s' should be written %s: phonebook keys are case-sensitive, so "
                     "Windows ignores this line and uses its default",
                     en, pbkr_text(kv->key, kv->key_len, kb, sizeof kb), canon);
    }
}

VL_RULE(PBK027) = {
    .id = "PBK027",
    .name = "key-wrong-case",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A known key is written with the wrong letter case or spelling",
    .description =
        "Phonebook keys are compared case-sensitively: Device= in a MEDIA block (the device "
        "name) and DEVICE= (the start of a DEVICE subsection) are different keys. A key such "
        "as vpnstrategy= or IPInterfaceMetric= is therefore an unknown key and the setting "
        "keeps its default. Windows also spells one key AutoTiggerCapable; 'correcting' it to "
        "AutoTriggerCapable disables it.",
    .fix = "Write the key exactly as Windows does (the message gives the spelling).",
    .since = "0.1.0",
    .check = check,
};
