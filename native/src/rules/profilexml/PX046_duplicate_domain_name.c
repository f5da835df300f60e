/* PX046 duplicate-domain-name — two NRPT entries for the same namespace. */
#include "core/names.h"
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    /* names sorted ignoring case, document order among equal ones: each
     * entry's first earlier namesake is the first of its kind */
    vl_names x;
    vl_names_init(&x, true);
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_DomainName); e; e = vl_px_next(p, e))
        if (*e->text)
            vl_names_add(&x, e->text, strlen(e->text), e);
    vl_names_sort(&x);
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_DomainName); e && !x.failed;
         e = vl_px_next(p, e)) {
        if (!*e->text)
            continue;
        const vl_name *first = vl_names_find(&x, e->text, strlen(e->text));
        const vl_el *f = first ? first->item : NULL;
        if (f && f != e)
            vl_report(c, e,
                      "DomainName '%.*s' already has a DomainNameInformation entry (line "
                      "%u); Windows keeps one name resolution policy rule per namespace, "
                      "so one entry's DNS servers or proxy are lost",
                      VL_SHOW_MAX, e->text, f->line);
    }
    vl_names_free(&x);
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
