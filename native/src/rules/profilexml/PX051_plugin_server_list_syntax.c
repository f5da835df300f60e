/* PX051 plugin-server-list-syntax — ServerUrlList uses ',' or has broken
 * host names. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct url_ctx {
    vl_ctx *c;
    const vl_el *el;
} url_ctx;

/* Host part of "scheme://user@host:port/path", "host:port" or "host". */
static void host_of(const char *s, size_t len, const char **h, size_t *hl)
{
    const char *end = s + len, *q = s;
    for (const char *k = s; k + 2 < end; k++) {
        if (k[0] == ':' && k[1] == '/' && k[2] == '/') {
            q = k + 3;
            break;
        }
        if (k[0] == '/' || k[0] == '.')
            break;
    }
    const char *stop = q;
    while (stop < end && *stop != '/' && *stop != '?' && *stop != '#')
        stop++;
    const char *at = NULL;
    for (const char *k = q; k < stop; k++)
        if (*k == '@')
            at = k;
    if (at)
        q = at + 1;
    if (q < stop && *q == '[') {
        const char *rb = memchr(q, ']', (size_t)(stop - q));
        *h = q + 1;
        *hl = rb ? (size_t)(rb - q - 1) : (size_t)(stop - q - 1);
        return;
    }
    const char *colon = memchr(q, ':', (size_t)(stop - q));
    if (colon && !memchr(colon + 1, ':', (size_t)(stop - colon - 1)))
        stop = colon; /* host:port; several colons = bare IPv6 */
    *h = q;
    *hl = (size_t)(stop - q);
}

static bool check_item(const char *s, size_t len, void *user)
{
    url_ctx *x = user;
    if (!len)
        return true;
    const char *h;
    size_t hl;
    host_of(s, len, &h, &hl);
    vl_addr a;
    if (hl && vl_addr_parse(h, hl, &a))
        return true;
    vl_dns_err err = vl_dns_name_check(h, hl, VL_DNS_ALLOW_TRAILING_DOT, NULL);
    if (err != VL_DNS_OK)
        vl_report(x->c, x->el, "ServerUrlList entry '%.*s' has an invalid host name: %s",
                  (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s, vl_dns_err_text(err));
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_PP_ServerUrlList); e; e = vl_px_next(p, e)) {
        if (strchr(e->text, ',')) {
            vl_report(c, e,
                      "ServerUrlList '%.*s' is separated by commas; the plug-in server list "
                      "is semicolon-separated, so it is read as one malformed server",
                      VL_SHOW_MAX, e->text);
            continue;
        }
        url_ctx x = {c, e};
        vl_split_list(e->text, ';', check_item, &x, NULL);
    }
}

VL_RULE(PX051) = {
    .id = "PX051",
    .name = "plugin-server-list-syntax",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "PluginProfile/ServerUrlList uses commas, or a server's host name is malformed",
    .description =
        "PluginProfile/ServerUrlList is a semicolon-separated list of URLs, host names or IP "
        "addresses (unlike NativeProfile/Servers, which uses commas). A comma-separated list "
        "reaches the plug-in as a single bogus server, and a host name with an empty label "
        "(Microsoft's own sample has testserver2.contoso..com) cannot resolve.",
    .fix = "Separate servers with ';' and correct the host names.",
    .since = "0.1.0",
    .check = check,
};
