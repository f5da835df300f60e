/* PX047 domain-name-not-suffix — NRPT DomainName equal to a DNS suffix but
 * without the leading dot, so it matches that exact name only. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct find_ctx {
    const char *name;
    bool found;
} find_ctx;

static bool match(const char *s, size_t len, void *user)
{
    find_ctx *f = user;
    if (len && strlen(f->name) == len && vl_strncasecmp(f->name, s, len) == 0) {
        f->found = true;
        return false;
    }
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const char *suffixes = vl_px_value(p, VL_PX_DnsSuffix);
    if (!suffixes || !*suffixes)
        return;
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_DomainName); e; e = vl_px_next(p, e)) {
        if (!*e->text || e->text[0] == '.')
            continue;
        find_ctx f = {e->text, false};
        vl_split_list(suffixes, ',', match, &f, NULL);
        if (f.found)
            vl_report(c, e,
                      "DomainName '%.*s' is also a DnsSuffix but has no leading dot, so the "
                      "rule matches only the name %.*s itself, not hosts under it; write "
                      "'.%.*s' for a suffix rule",
                      VL_SHOW_MAX, e->text, VL_SHOW_MAX, e->text, VL_SHOW_MAX, e->text);
    }
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
