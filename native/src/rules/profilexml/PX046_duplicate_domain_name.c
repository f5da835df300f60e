/* PX046 duplicate-domain-name — two NRPT entries for the same namespace. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_DomainName); e; e = vl_px_next(p, e)) {
        if (!*e->text)
            continue;
        for (const vl_el *f = vl_px_first(p, VL_PX_DNI_DomainName); f != e; f = vl_px_next(p, f)) {
            if (vl_strcasecmp(e->text, f->text) == 0) {
                vl_report(c, e,
                          "DomainName '%.*s' already has a DomainNameInformation entry (line "
                          "%u); Windows keeps one name resolution policy rule per namespace, "
                          "so one entry's DNS servers or proxy are lost",
                          VL_SHOW_MAX, e->text, f->line);
                break;
            }
        }
    }
}

VL_RULE(PX046) = {
    .id = "PX046",
    .name = "duplicate-domain-name",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Two DomainNameInformation entries have the same DomainName",
    .description =
        "Each DomainNameInformation entry becomes a Name Resolution Policy Table rule keyed by "
        "its namespace. Two entries for the same DomainName (compared without regard to case) "
        "conflict: only one set of DnsServers/WebProxyServers/AutoTrigger can apply. Microsoft's "
        "own plug-in sample repeats corp.contoso.com this way.",
    .fix = "Merge the entries into one DomainNameInformation element (list all DNS servers in "
           "one DnsServers value).",
    .since = "0.1.0",
    .check = check,
};
