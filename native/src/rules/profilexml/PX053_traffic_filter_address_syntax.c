/* PX053 traffic-filter-address-syntax — Local/RemoteAddressRanges items. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct addr_ctx {
    vl_ctx *c;
    const vl_el *el;
    bool bad;
} addr_ctx;

static const char *item_problem(const char *s, size_t len)
{
    vl_addr a, b;
    unsigned prefix;
    const char *why = NULL;
    if (len == 0)
        return "empty item (stray comma)";
    if (memchr(s, '/', len))
        return vl_cidr_parse(s, len, &a, &prefix, &why) ? NULL : why;
    const char *dash = memchr(s, '-', len);
    if (dash) {
        size_t la = (size_t)(dash - s);
        if (!vl_addr_parse(s, la, &a) || !vl_addr_parse(dash + 1, len - la - 1, &b))
            return "range is not two IP addresses joined by '-'";
        if (a.family != b.family)
            return "range mixes IPv4 and IPv6";
        if (vl_addr_cmp(&a, &b) > 0)
            return "range start is above its end";
        return NULL;
    }
    return vl_addr_parse(s, len, &a) ? NULL : "not an IPv4/IPv6 address, CIDR prefix or range";
}

static bool check_item(const char *s, size_t len, void *user)
{
    addr_ctx *x = user;
    const char *why = item_problem(s, len);
    if (why) {
        vl_report(x->c, x->el, "%s entry '%.*s' is invalid: %s", x->el->name,
                  (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s, why);
        x->bad = true;
    }
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    static const int defs[] = {VL_PX_TF_LocalAddressRanges, VL_PX_TF_RemoteAddressRanges};
    for (size_t k = 0; k < 2; k++)
        for (const vl_el *e = vl_px_first(p, defs[k]); e; e = vl_px_next(p, e)) {
            addr_ctx x = {c, e, false};
            bool spaced = false;
            if (!*e->text) {
                vl_report(c, e, "%s is empty; leave the element out to match every address",
                          e->name);
                continue;
            }
            vl_split_list(e->text, ',', check_item, &x, &spaced);
            if (spaced && !x.bad)
                vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                              "%s has spaces around its commas ('%.*s'); Microsoft's device "
                              "tunnel sample does this, but the CSP examples do not",
                              e->name, VL_SHOW_MAX, e->text);
        }
}

VL_RULE(PX053) = {
    .id = "PX053",
    .name = "traffic-filter-address-syntax",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A TrafficFilter address list has an item that is not an IP, CIDR prefix or range",
    .description =
        "TrafficFilter/LocalAddressRanges and RemoteAddressRanges are comma-separated lists of "
        "IPv4/IPv6 addresses, CIDR prefixes (/0-32 for IPv4, /0-128 for IPv6) and ranges "
        "a-b of the same family with a not above b (VPNv2 CSP example "
        "30.30.0.0/16,10.10.10.10-20.20.20.20). Anything else makes the filter invalid; "
        "because traffic filters are an allow-list, the traffic the filter was meant to allow "
        "is blocked. Spaces after commas (seen in Microsoft's device tunnel sample) are "
        "reported as info.",
    .fix = "Correct the item: a single address, network/prefix, or low-high range, separated "
           "by commas.",
    .since = "0.1.0",
    .check = check,
};
