/* PBK044 server-name-missing — A VPN entry has no server (PhoneNumber) to connect to. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (!pbkr_is_vpn(e) || e->n_media == 0)
            continue; /* no MEDIA at all: PBK017 */
        bool any = false;
        unsigned line = 0;
        for (size_t m = 0; m < e->n_media && !any; m++)
            for (size_t d = 0; d < e->media[m].n_devices && !any; d++) {
                const vl_pbk_device *dv = &e->media[m].devices[d];
                if (!line)
                    line = dv->line;
                for (size_t k = 0; k < dv->n_keys && !any; k++)
                    if (strcmp(vl_pbk_kv_key(p, &dv->keys[k]), "PhoneNumber") == 0) {
                        size_t n;
                        vl_trim(vl_pbk_kv_value(p, &dv->keys[k]), dv->keys[k].value_len, &n);
                        any = n > 0;
                        line = dv->keys[k].line;
                    }
            }
        if (!any && line)
            vl_report_at(c, VL_SEV_DEFAULT, line, 1,
                         "[%s] this VPN entry has no server: PhoneNumber is missing or empty, "
                         "so Windows has no host to connect to",
                         pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK044) = {
    .id = "PBK044",
    .name = "server-name-missing",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A VPN entry has no server (PhoneNumber) to connect to",
    .description =
        "For a VPN entry the DEVICE subsection's PhoneNumber holds the server host name or IP "
        "address. When it is missing or empty in every DEVICE subsection, Windows has nothing to "
        "dial: the user is asked for a server or the dial fails at once. Generators that drop "
        "unknown keys and scripts that truncate entries leave such entries behind.",
    .fix = "Set PhoneNumber=<server> in the DEVICE=vpn subsection (or re-create the connection).",
    .since = "0.1.0",
    .check = check,
};
