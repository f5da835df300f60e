/* PX047 domain-name-not-suffix — NRPT DomainName equal to a DNS suffix but
 * without the leading dot, so it matches that exact name only. */
#include "core/names.h"
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

static bool add_suffix(const char *s, size_t len, void *user)
{
    if (len)
        vl_names_add(user, s, len, NULL);
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const char *suffixes = vl_px_value(p, VL_PX_DnsSuffix);
    if (!suffixes || !*suffixes)
        return;
    /* the suffixes once, sorted ignoring case, for every DomainName to look up */
    vl_names x;
    vl_names_init(&x, true);
    vl_split_list(suffixes, ',', add_suffix, &x, NULL);
    vl_names_sort(&x);
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_DomainName); e && !x.failed;
         e = vl_px_next(p, e)) {
        if (!*e->text || e->text[0] == '.')
            continue;
        if (vl_names_find(&x, e->text, strlen(e->text)))
            vl_report(c, e,
                      "DomainName '%.*s' is also a DnsSuffix but has no leading dot, so the "
                      "rule matches only the name %.*s itself, not hosts under it; write "
                      "'.%.*s' for a suffix rule",
                      VL_SHOW_MAX, e->text, VL_SHOW_MAX, e->text, VL_SHOW_MAX, e->text);
    }
    vl_names_free(&x);
}

VL_RULE(PX047) = {
    .id = "PX047",
    .name = "domain-name-not-suffix",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An NRPT DomainName equals a DNS suffix but lacks the leading dot",
    .description =
        "In DomainNameInformation/DomainName a leading dot (.corp.example.com) makes a suffix "
        "rule that covers every name under the domain; without it the rule matches only that "
        "exact FQDN. When the same text is also a DnsSuffix the suffix meaning was most "
        "likely intended, and internal host names are then resolved by the wrong servers.",
    .fix = "Prefix the DomainName with a dot, e.g. <DomainName>.corp.example.com</DomainName>, "
           "unless you really mean the single host.",
    .since = "0.1.0",
    .check = check,
};
