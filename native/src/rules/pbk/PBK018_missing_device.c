/* PBK018 missing-device — a MEDIA block without a DEVICE subsection. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        for (size_t m = 0; m < e->n_media; m++)
            if (e->media[m].n_devices == 0)
                vl_report_at(c, VL_SEV_DEFAULT, e->media[m].line, 1,
                             "[%s] this MEDIA block has no DEVICE= subsection: the link has no "
                             "device type and no PhoneNumber (server), and RRAS ignores "
                             "subsection settings without DEVICE=",
                             pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK018) = {
    .id = "PBK018",
    .name = "missing-device",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A MEDIA block has no DEVICE subsection",
    .description =
        "Every MEDIA block needs a DEVICE=<type> subsection (MS-RRASM 2.2.2.2.100: the DEVICE "
        "key MUST be present, and without it RRAS ignores the subsection's settings). For a "
        "VPN it is DEVICE=vpn followed by PhoneNumber=<server>.",
    .fix = "Add DEVICE=vpn and PhoneNumber=<server> (plus the usual AreaCode=, CountryCode=0 ... "
           "TryNextAlternateOnFail=1 lines) after the MEDIA block.",
    .since = "0.1.0",
    .check = check,
};
