/* PX046 duplicate-domain-name — two NRPT entries for the same namespace. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void repeated(void *c, const vl_el *e, const vl_el *first)
{
    vl_report(c, e,
              "DomainName '%.*s' already has a DomainNameInformation entry (line %u); Windows "
              "keeps one name resolution policy rule per namespace, so one entry's DNS servers "
              "or proxy are lost",
              VL_SHOW_MAX, e->text, first->line);
}

static void check(vl_ctx *c)
{
    vl_px_repeated_texts(c->px, VL_PX_DNI_DomainName, repeated, c);
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
