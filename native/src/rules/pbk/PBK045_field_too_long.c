/* PBK045 field-too-long — A value is longer than the RAS field that receives it. */
#include "common.h"

static const struct {
    const char *key;
    size_t max;
} limits[] = {
    {"PhoneNumber", 128},   {"AreaCode", 10},         {"Device", 128},
    {"DEVICE", 16},         {"IpDnsSuffix", 255},     {"PrerequisiteEntry", 256},
    {"CustomDialDll", 260}, {"PrerequisitePbk", 260}, {"ServerListServerName", 255},
};

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    if (!p->n_names)
        return;
    /* limit index + 1 per distinct key, 0 = no limit */
    unsigned char *lim = vl_calloc(p->n_names, 1);
    if (!lim)
        return;
    for (size_t k = 0; k < VL_ARRAY_LEN(limits); k++) {
        int32_t id = vl_pbk_key_id(p, limits[k].key);
        if (id >= 0)
            lim[id] = (unsigned char)(k + 1);
    }
    for (size_t id = 0; id < p->n_names; id++) {
        if (!lim[id])
            continue;
        size_t it = 0;
        for (const vl_pbk_kv *kv; (kv = pbkr_next_of(p, (int32_t)id, &it)) != NULL;) {
            size_t k = lim[kv->kid] - 1u;
            if (kv->value_len <= limits[k].max)
                continue; /* characters <= bytes */
            size_t n = 0;
            for (size_t b = 0; b < kv->value_len; b++)
                n += ((unsigned char)vl_pbk_kv_value(p, kv)[b] & 0xC0) != 0x80;
            if (n > limits[k].max) {
                const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
                vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                             "[%s] %s is %zu characters long; the RAS field holds at most %zu, "
                             "so Windows cannot load or save this entry through the RAS API",
                             e ? pbkr_name(e, nb, sizeof nb) : "", vl_pbk_kv_key(p, kv), n,
                             limits[k].max);
            }
        }
    }
    vpnlint_free(lim);
}

VL_RULE(PBK045) = {
    .id = "PBK045",
    .name = "field-too-long",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A value is longer than the RAS field that receives it",
    .description =
        "RASENTRY has fixed-size fields: PhoneNumber 128 characters (RAS_MaxPhoneNumber), AreaCode "
        "10, Device 128, the DEVICE type 16, IpDnsSuffix 255, PrerequisiteEntry 256, CustomDialDll "
        "and PrerequisitePbk MAX_PATH (260). A longer value cannot be passed through "
        "RasGetEntryProperties/RasSetEntryProperties, so the entry cannot be read or saved by the "
        "RAS API and the VPN UI.",
    .fix = "Shorten the value to the limit given in the message.",
    .since = "0.1.0",
    .check = check,
};
