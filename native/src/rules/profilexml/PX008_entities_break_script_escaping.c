/* PX008 entities-break-script-escaping — entity references that do not
 * survive the "< > \" only" escaping of VPN_Profile.ps1-style scripts. */
#include "core/input.h"
#include "core/rule.h"
#include "profilexml/model.h"

#include <string.h>

#define MAX_SHOWN 3

typedef struct region {
    unsigned first, last;
} region;

/* Lines of an element whose content is escaped XML (kept as text): the
 * content keeps its meaning after one more unescape, so it is exempt. */
static region text_region(const vl_profile *p, const vl_el *e)
{
    unsigned nl;
    if (!vl_px_text_lines(p, e, &nl))
        return (region){0, 0}; /* inline XML, not escaped */
    return (region){e->line, e->line + nl};
}

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    const vl_profile *p = c->px;
    if (!p || c->opt->target == VPNLINT_TARGET_INTUNE || !in->envelope ||
        strcmp(in->envelope, "raw") != 0 || !in->line_starts ||
        !memchr(in->text, '&', in->text_len))
        return;
    region ex[8];
    size_t nex = 0;
    if (p->eap_config && p->eap_form == VL_EAP_ESCAPED)
        ex[nex++] = text_region(p, p->eap_config);
    for (const vl_el *e = vl_px_first(p, VL_PX_PP_CustomConfiguration); e && nex < 8;
         e = vl_px_next(p, e))
        ex[nex++] = text_region(p, e);

    int sev =
        c->opt->target == VPNLINT_TARGET_WMI ? VPNLINT_SEVERITY_WARNING : VPNLINT_SEVERITY_INFO;
    size_t total = 0;
    const char *t = in->text;
    /* jump from one '&' or '<' to the next (strpbrk is vectorised); the line
     * of a hit comes from the loader's line index */
    for (const char *q = strpbrk(t, "&<"); q; q = strpbrk(q + 1, "&<")) {
        if (*q == '<') {
            if (strncmp(q, "<!--", 4) == 0) { /* comment text stays comment text */
                const char *e = strstr(q + 4, "-->");
                if (!e)
                    break;
                q = e + 2;
            }
            continue;
        }
        size_t off = (size_t)(q - t);
        size_t lo = 0, hi = in->n_lines;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (in->line_starts[mid] <= off)
                lo = mid;
            else
                hi = mid;
        }
        unsigned ln = (unsigned)lo + 1;
        size_t line_start = in->line_starts[lo];
        bool exempt = false;
        for (size_t k = 0; k < nex; k++)
            if (ex[k].first && ln >= ex[k].first && ln <= ex[k].last)
                exempt = true;
        if (exempt)
            continue;
        const char *ent = NULL, *becomes = NULL;
        if (strncmp(q, "&amp;", 5) == 0) {
            ent = "&amp;";
            becomes = "a raw '&', which is not well-formed,";
        } else if (strncmp(q, "&lt;", 4) == 0) {
            ent = "&lt;";
            becomes = "a '<' that starts markup";
        } else if (strncmp(q, "&gt;", 4) == 0) {
            ent = "&gt;";
            becomes = "a bare '>'";
        }
        if (!ent)
            continue;
        if (total++ < MAX_SHOWN)
            vl_report_at(c, sev, ln, (unsigned)(off - line_start) + 1,
                         "%s here is not escaped again by VPN_Profile.ps1-style scripts (they "
                         "replace only <, > and \"), so the WMI bridge's one unescape turns it "
                         "into %s and the profile changes or fails to parse: avoid the "
                         "character, or escape & in the script as well",
                         ent, becomes);
    }
    if (total > MAX_SHOWN)
        vl_report_at(c, sev, 0, 0,
                     "%zu more entity references that VPN_Profile.ps1-style escaping would "
                     "corrupt",
                     total - MAX_SHOWN);
}

VL_RULE(PX008) = {
    .id = "PX008",
    .name = "entities-break-script-escaping",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Entity references (&amp;, &lt;, &gt;) that MS-style script escaping corrupts",
    .description =
        "Microsoft's VPN_Profile.ps1 and scripts derived from it (MakeProfile.ps1, Richard "
        "Hicks' New-AovpnConnection) escape only <, > and \" before handing ProfileXML to the "
        "MDM_VPNv2_01 WMI class, which unescapes once. An & is left alone, so an &amp; in the "
        "profile becomes a raw & and an &lt; becomes markup: CreateInstance then fails with "
        "\"A general error occurred that is not covered by a more specific error code\" (DPC "
        "issue 42). Entity-escaped EAP or plug-in configuration is exempt: one more unescape "
        "turns it into the equivalent inline XML. Warning with --target wmi, information with "
        "the default target, not reported with --target intune.",
    .fix = "Avoid characters that need escaping in values (write 'and' instead of &), or "
           "deploy with a script that escapes & too (SecurityElement.Escape, "
           "[System.Security.SecurityElement]::Escape).",
    .since = "0.1.0",
    .check = check,
};
