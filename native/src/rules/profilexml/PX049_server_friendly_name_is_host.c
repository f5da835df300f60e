/* PX049 server-friendly-name-is-host — "a;b" where b looks like a second
 * server: the part after ';' is only a friendly name. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

#include <string.h>

typedef struct srv_ctx {
    vl_ctx *c;
    const vl_el *el;
} srv_ctx;

static bool looks_like_host(const char *s, size_t len)
{
    vl_addr a;
    if (vl_addr_parse(s, len, &a))
        return true;
    return memchr(s, '.', len) &&
           vl_dns_name_check(s, len, VL_DNS_ALLOW_TRAILING_DOT, NULL) == VL_DNS_OK;
}

static bool check_item(const char *s, size_t len, void *user)
{
    srv_ctx *x = user;
    const char *semi = memchr(s, ';', len);
    if (!semi)
        return true;
    const char *host = s, *friendly = semi + 1;
    size_t lh = (size_t)(semi - s), lf = len - lh - 1;
    while (lf && (*friendly == ' ' || *friendly == '\t')) {
        friendly++;
        lf--;
    }
    while (lh && (host[lh - 1] == ' ' || host[lh - 1] == '\t'))
        lh--;
    if (!lf || !looks_like_host(friendly, lf))
        return true;
    if (lf == lh && vl_strncasecmp(host, friendly, lh) == 0)
        return true; /* "vpn;vpn": deliberate duplicate (Richard Hicks' Intune/Windows 11 form) */
    vl_report(x->c, x->el,
              "Servers entry '%.*s' looks like two servers joined by ';', but the part after ';' "
              "is only a display name: Windows never connects to '%.*s'; separate servers with "
              "',' instead",
              (int)(len > VL_SHOW_MAX ? VL_SHOW_MAX : len), s,
              (int)(lf > VL_SHOW_MAX ? VL_SHOW_MAX : lf), friendly);
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_NP_Servers); e; e = vl_px_next(p, e)) {
        srv_ctx x = {c, e};
        vl_split_list(e->text, ',', check_item, &x, NULL);
    }
}

VL_RULE(PX049) = {
    .id = "PX049",
    .name = "server-friendly-name-is-host",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary =
        "NativeProfile/Servers has 'server;other-server': the part after ';' is a display name",
    .description =
        "In NativeProfile/Servers each entry is 'address' or 'address;FriendlyName'; several "
        "servers are separated by commas. A second host name or IP address after a semicolon "
        "is taken as the friendly name of the first server and never dialled. (Note the "
        "separator differs from PluginProfile/ServerUrlList, which uses ';'.) Repeating the "
        "same name ('vpn.example.com;vpn.example.com'), as Richard Hicks' Intune samples do, is "
        "not reported.",
    .fix = "Use <Servers>vpn1.example.com,vpn2.example.com</Servers> for two servers, or put "
           "a real display name after the ';'.",
    .since = "0.1.0",
    .check = check,
};
