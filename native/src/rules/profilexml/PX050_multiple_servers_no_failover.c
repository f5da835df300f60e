/* PX050 multiple-servers-no-failover — several comma-separated servers. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

static bool count_item(const char *s, size_t len, void *user)
{
    (void)s;
    if (len)
        (*(unsigned *)user)++;
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_NP_Servers); e; e = vl_px_next(p, e)) {
        unsigned n = 0;
        vl_split_list(e->text, ',', count_item, &n, NULL);
        if (n > 1)
            vl_report(c, e,
                      "Servers lists %u VPN servers; Windows uses them in order but does not "
                      "fail over automatically when one is down",
                      n);
    }
}

VL_RULE(PX050) = {
    .id = "PX050",
    .name = "multiple-servers-no-failover",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "NativeProfile/Servers lists several servers, which gives no automatic failover",
    .description =
        "A comma-separated list of servers is accepted, but the built-in client does not "
        "provide automatic failover between them (MicrosoftDocs/memdocs issue 2247); users "
        "may have to pick a server by hand. For resilience use one name that resolves to "
        "several gateways (DNS round robin, a load balancer, or geographic DNS).",
    .fix = "Publish one FQDN in front of all gateways and list only that, or accept manual "
           "selection.",
    .since = "0.1.0",
    .check = check,
};
