/* PBK046 custom-dial-dll — The entry loads a custom dialer DLL. */
#include "common.h"

static bool user_writable(const char *v, size_t n)
{
    static const char *const hints[] = {"\\users\\",     "\\temp\\",   "\\appdata\\",
                                        "\\downloads\\", "\\public\\", "\\programdata\\",
                                        "%temp%",        "%appdata%"};
    for (size_t h = 0; h < VL_ARRAY_LEN(hints); h++) {
        size_t m = strlen(hints[h]);
        for (size_t i = 0; i + m <= n; i++)
            if (vl_strncasecmp(v + i, hints[h], m) == 0)
                return true;
    }
    return false;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[160];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        static const char *const keys[] = {"CustomDialDll", "CustomRasDialDll"};
        for (size_t k = 0; k < VL_ARRAY_LEN(keys); k++) {
            const vl_pbk_kv *kv = vl_pbk_entry_get(e, keys[k]);
            size_t n;
            if (!kv || (vl_trim(vl_pbk_kv_value(p, kv), kv->value_len, &n), n == 0))
                continue;
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] %s=%s: RAS loads this DLL every time the entry is dialled%s; "
                         "clear it unless you deploy this dialer on purpose",
                         pbkr_name(e, nb, sizeof nb), keys[k],
                         pbkr_text(vl_pbk_kv_value(p, kv), kv->value_len, vb, sizeof vb),
                         user_writable(vl_pbk_kv_value(p, kv), kv->value_len)
                             ? ", and the path is in a folder ordinary users can write to"
                             : "");
        }
    }
}

VL_RULE(PBK046) = {
    .id = "PBK046",
    .name = "custom-dial-dll",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The entry loads a custom dialer DLL",
    .description = "CustomDialDll / CustomRasDialDll name a DLL that RAS loads into the dialling "
                   "process (RASENTRY szCustomDialDll, used with CustomDialFunc). Windows-written "
                   "VPN entries leave them empty. A non-empty value runs third-party code whenever "
                   "the connection is dialled - a persistence and privilege-escalation vector if "
                   "the path is user-writable - and breaks dialling when the DLL is missing.",
    .fix = "Empty CustomDialDll=, CustomDialFunc= and CustomRasDialDll= unless you knowingly "
           "deploy a custom dialer from a protected folder.",
    .since = "0.1.0",
    .check = check,
};
