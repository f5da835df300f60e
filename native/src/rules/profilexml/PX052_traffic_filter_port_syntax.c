/* PX052 traffic-filter-port-syntax — Local/RemotePortRanges items. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

typedef struct port_ctx {
    vl_ctx *c;
    const vl_el *el;
    bool bad;
} port_ctx;

static bool check_item(const char *s, size_t len, void *user)
{
    port_ctx *x = user;
    const char *why = NULL;
    if (vl_port_item_valid(s, len, &why))
        return true;
    vl_report(x->c, x->el, "%s entry '%.*s' is not a port or port range: %s", x->el->name,
              (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s, why);
    x->bad = true;
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    static const int defs[] = {VL_PX_TF_LocalPortRanges, VL_PX_TF_RemotePortRanges};
    for (size_t k = 0; k < 2; k++)
        for (const vl_el *e = vl_px_first(p, defs[k]); e; e = vl_px_next(p, e)) {
            port_ctx x = {c, e, false};
            bool spaced = false;
            if (!*e->text) {
                vl_report(c, e, "%s is empty; leave the element out to match every port", e->name);
                continue;
            }
            vl_split_list(e->text, ',', check_item, &x, &spaced);
            if (spaced && !x.bad)
                vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                              "%s has spaces around its commas ('%.*s'); write the list "
                              "without spaces",
                              e->name, VL_SHOW_MAX, e->text);
        }
}

VL_RULE(PX052) = {
    .id = "PX052",
    .name = "traffic-filter-port-syntax",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A TrafficFilter port list has an item that is not a port (0-65535) or range a-b",
    .description =
        "TrafficFilter/LocalPortRanges and RemotePortRanges are comma-separated lists of "
        "ports and ranges such as 100-120,200,300-320 (VPNv2 CSP examples). A port above "
        "65535, a reversed range, a stray separator or text makes the traffic filter invalid; "
        "since traffic filters are an allow-list, the intended traffic is then blocked or the "
        "profile is refused.",
    .fix = "Write ports as numbers 0-65535 and ranges as low-high, separated by commas without "
           "spaces, e.g. 80,443,8000-8080.",
    .since = "0.1.0",
    .check = check,
};
