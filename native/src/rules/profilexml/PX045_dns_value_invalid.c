/* PX045 dns-value-invalid — DNS server lists that are not IP addresses, DNS
 * suffix / trusted network / NRPT names that are not DNS names. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct item_ctx {
    vl_ctx *c;
    const vl_el *el;
    const char *what; /* element path for messages */
    unsigned dns_flags;
    bool servers; /* items are IP addresses, not names */
    bool reported;
} item_ctx;

static bool check_item(const char *s, size_t len, void *user)
{
    item_ctx *x = user;
    if (x->servers) {
        vl_addr a;
        if (len == 0) {
            vl_report(x->c, x->el, "%s has an empty entry (stray comma) in '%.*s'", x->what,
                      VL_SHOW_MAX, x->el->text);
            x->reported = true;
        } else if (!vl_addr_parse(s, len, &a)) {
            vl_report(x->c, x->el,
                      "%s entry '%.*s' is not an IPv4 or IPv6 address; the name resolution "
                      "policy cannot use it as a DNS server",
                      x->what, (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s);
            x->reported = true;
        }
        return true;
    }
    if (len == 0) {
        vl_report_sev(x->c, VPNLINT_SEVERITY_WARNING, x->el,
                      "%s has an empty entry (stray comma) in '%.*s'", x->what, VL_SHOW_MAX,
                      x->el->text);
        x->reported = true;
        return true;
    }
    vl_dns_err err = vl_dns_name_check(s, len, x->dns_flags, NULL);
    if (err != VL_DNS_OK) {
        vl_report_sev(x->c, VPNLINT_SEVERITY_WARNING, x->el,
                      "%s entry '%.*s' is not a valid DNS name: %s", x->what,
                      (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s, vl_dns_err_text(err));
        x->reported = true;
    }
    return true;
}

static void check_list(vl_ctx *c, const vl_el *e, const char *what, bool servers, unsigned flags,
                       bool list)
{
    item_ctx x = {c, e, what, flags, servers, false};
    bool spaced = false;
    if (list)
        vl_split_list(e->text, ',', check_item, &x, &spaced);
    else
        check_item(e->text, strlen(e->text), &x);
    if (spaced && !x.reported)
        vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                      "%s has spaces around its commas ('%.*s'); write the list without "
                      "spaces, as the CSP examples do",
                      what, VL_SHOW_MAX, e->text);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *e;
    for (e = vl_px_first(p, VL_PX_DNI_DnsServers); e; e = vl_px_next(p, e))
        if (*e->text)
            check_list(c, e, "DomainNameInformation/DnsServers", true, 0, true);
    if ((e = vl_px_first(p, VL_PX_DnsSuffix)) && *e->text)
        check_list(c, e, "DnsSuffix", false, VL_DNS_ALLOW_TRAILING_DOT, true);
    if ((e = vl_px_first(p, VL_PX_TrustedNetworkDetection)) && *e->text)
        check_list(c, e, "TrustedNetworkDetection", false, VL_DNS_ALLOW_TRAILING_DOT, true);
    for (e = vl_px_first(p, VL_PX_DNI_DomainName); e; e = vl_px_next(p, e))
        if (*e->text)
            check_list(c, e, "DomainNameInformation/DomainName", false,
                       VL_DNS_ALLOW_LEADING_DOT | VL_DNS_ALLOW_ROOT | VL_DNS_ALLOW_TRAILING_DOT,
                       false);
}

VL_RULE(PX045) = {
    .id = "PX045",
    .name = "dns-value-invalid",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A DNS server is not an IP address, or a DNS suffix/name is not a valid DNS name",
    .description =
        "DomainNameInformation/DnsServers is a comma-separated list of IP addresses (error "
        "otherwise: the name resolution policy rule cannot send queries to a host name). "
        "DnsSuffix and TrustedNetworkDetection are comma-separated DNS suffixes, and "
        "DomainName is one FQDN, a .suffix, or '.' for every name; a malformed name (empty "
        "label as in contoso..com, a space, a label over 63 characters) never matches, so "
        "suffix search, trusted network detection or the NRPT rule silently do nothing "
        "(warning). Spaces around commas are reported as info.",
    .fix = "Use IP addresses in DnsServers and plain DNS names (letters, digits, '-', "
           "dots between labels) in the suffix and name lists, separated by commas without "
           "spaces.",
    .since = "0.1.0",
    .check = check,
};
