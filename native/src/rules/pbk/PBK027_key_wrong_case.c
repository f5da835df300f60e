/* PBK027 key-wrong-case — a known key written with different letter case. */
#include "common.h"

enum { OK = 0, AUTOTRIGGER, DEVICE_CASE, WRONG_CASE };

/* What is wrong with a distinct key name (decided once per name, not per line). */
static int classify(const vl_pbk *p, size_t id)
{
    const char *key = p->names[id];
    size_t n = p->name_lens[id];
    if (strcmp(key, "AutoTriggerCapable") == 0)
        return AUTOTRIGGER;
    const char *canon = p->name_ci[id];
    if (!canon || (strlen(canon) == n && memcmp(canon, key, n) == 0))
        return OK;
    if (strcmp(canon, "Device") == 0 || strcmp(canon, "DEVICE") == 0)
        return strcmp(key, "Device") == 0 || strcmp(key, "DEVICE") == 0 ? OK : DEVICE_CASE;
    return WRONG_CASE;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (!p->n_names)
        return;
    unsigned char *state = vl_malloc(p->n_names);
    if (!state)
        return;
    bool any = false;
    for (size_t id = 0; id < p->n_names; id++)
        any |= (state[id] = (unsigned char)classify(p, id)) != OK;
    char nb[96], kb[64];
    for (size_t i = 0; any && i < p->n_kvs; i++) {
        const vl_pbk_kv *kv = &p->kvs[i];
        int st = state[kv->kid];
        if (st == OK)
            continue;
        const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
        const char *en = e ? pbkr_name(e, nb, sizeof nb) : "";
        if (st == AUTOTRIGGER)
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] Windows spells this key AutoTiggerCapable (sic, without 'r'); "
                         "AutoTriggerCapable is an unknown key and is ignored",
                         en);
        else if (st == DEVICE_CASE)
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] '%s' is neither Device (the device name in MEDIA) nor DEVICE "
                         "(the start of a DEVICE subsection): keys are case-sensitive",
                         en,
                         pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb));
        else
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] '%s' should be written %s: phonebook keys are case-sensitive, so "
                         "Windows ignores this line and uses its default",
                         en,
                         pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb),
                         p->name_ci[kv->kid]);
    }
    vpnlint_free(state);
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
