/* PBK017 missing-media — an entry without a MEDIA/DEVICE subsection. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (e->n_media == 0)
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                         "entry [%s] has no MEDIA= subsection (and so no DEVICE=): MS-RRASM "
                         "requires both, and without them Windows has no port, device or server "
                         "to dial",
                         pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK017) = {
    .id = "PBK017",
    .name = "missing-media",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An entry has no MEDIA subsection",
    .description =
        "MS-RRASM 2.2.2 says the MEDIA and DEVICE subsections MUST be present: MEDIA=rastapi "
        "with Port= and Device= names the link, and DEVICE=vpn with PhoneNumber= holds the "
        "server. An entry that stops after its header keys (a script that truncated the file, "
        "or copied only the top of an entry) cannot be dialled.",
    .fix = "Add the subsections, e.g. MEDIA=rastapi, Port=VPN2-0, Device=WAN Miniport (IKEv2), "
           "then DEVICE=vpn and PhoneNumber=<server> - or re-create the connection.",
    .since = "0.1.0",
    .check = check,
};
