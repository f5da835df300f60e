/* PX027 integer-out-of-range — a whole-number field that is not a number
 * or outside the range the CSP allows. */
#include "core/rule.h"
#include "profilexml/model.h"

#include <inttypes.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->type != VL_T_UINT)
            continue;
        uint64_t v;
        if (!vl_text_uint(e->text, &v)) {
            if (!*e->text)
                vl_report(c, e,
                          "<%s> is empty; it needs a whole number from %" PRIu64 " to %" PRIu64,
                          e->name, d->lo, d->hi);
            else
                vl_report(c, e,
                          "<%s> is '%.40s', which is not a whole number from %" PRIu64
                          " to %" PRIu64 "; Windows rejects the profile or ignores the setting",
                          e->name, e->text, d->lo, d->hi);
            continue;
        }
        if (v < d->lo || (d->hi && v > d->hi))
            vl_report(c, e,
                      "<%s> is %" PRIu64 ", outside the allowed range %" PRIu64 " to %" PRIu64
                      "; Windows rejects the profile or ignores the setting",
                      e->name, v, d->lo, d->hi);
    }
}

VL_RULE(PX027) = {
    .id = "PX027",
    .name = "integer-out-of-range",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A whole-number value is not a number or is out of range",
    .description =
        "Numeric ProfileXML fields have ranges from the VPNv2 CSP and the ProfileXML schema: "
        "IPv4InterfaceMetric and IPv6InterfaceMetric 1-9999, NetworkOutageTime and "
        "Route/Metric 0-4294967295, ProtocolList/RetryTimeInHours 0-500000, "
        "TrafficFilter/Protocol 0-255, Route/PrefixSize 0-255 (the per-family limit of 32 or "
        "128 is checked by PX044). Values outside the range, signs, decimals or spaces make "
        "Windows reject the profile or drop the setting.",
    .fix = "Write a plain decimal number inside the range given in the message.",
    .since = "0.1.0",
    .check = check,
};
