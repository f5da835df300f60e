/* PBK030 vpn-strategy-automatic — A VPN entry uses VpnStrategy=0 (Automatic). */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "VpnStrategy");
        long long v;
        if (!kv || !vl_pbk_entry_int(e, "VpnStrategy", &v) || v != 0 || !pbkr_is_vpn(e))
            continue;
        /* the link the entry was created for says which protocol is meant */
        unsigned proto = 0;
        if (e->n_media) {
            const vl_pbk_kv *d = vl_pbk_media_get(e->owner, &e->media[0], "Device");
            proto = pbkr_device_protocol(d ? vl_pbk_kv_value(p, d) : NULL);
        }
        if (!proto)
            proto = pbkr_device_protocol(vl_pbk_entry_value(e, "PreferredDevice"));
        int pin = pbkr_only_strategy_for(proto);
        if (pin > 0)
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] VpnStrategy=0 (Automatic): when every protocol fails Windows "
                         "reports error 800 and hides the real cause, and it rewrites the choice "
                         "after a successful dial; the device is %s, so pin VpnStrategy=%d (%s)",
                         pbkr_name(e, nb, sizeof nb), pbkr_protocol_name(proto), pin,
                         vl_pbk_vpn_strategy_name(pin));
        else
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] VpnStrategy=0 (Automatic): when every protocol fails Windows "
                         "reports error 800 and hides the real cause; pin the protocol you use, "
                         "e.g. 7 (IKEv2 only) or 14 (IKEv2, then SSTP only)",
                         pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK030) = {
    .id = "PBK030",
    .name = "vpn-strategy-automatic",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A VPN entry uses VpnStrategy=0 (Automatic)",
    .description =
        "With VpnStrategy=0 Windows tries IKEv2, SSTP, PPTP and L2TP in turn; when every attempt "
        "fails it reports error 800 (ERROR_AUTOMATIC_VPN_FAILED) instead of the protocol-specific "
        "error (13801, 809, 789 ...), which hides the real cause. Windows also rewrites the "
        "preference after a successful dial, so an SSTP or PPTP fallback becomes sticky. "
        "Microsoft's Always On VPN troubleshooting guide says to set the tunnel type explicitly.",
    .fix = "Pin the protocol you deploy: VpnStrategy=7 (IKEv2 only), 14 (IKEv2, then SSTP only), 5 "
           "(SSTP only) or 3 (L2TP/IPsec only).",
    .since = "0.1.0",
    .check = check,
};
