/* PX057 profile-name-invalid — ProfileName that Windows cannot use as a
 * phonebook entry / CSP node name. */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_ProfileName); e; e = vl_px_next(p, e)) {
        const char *s = e->text;
        if (!*s)
            continue; /* empty values: PX032 */
        const char *bad = strpbrk(s, "|><?*\\/:");
        bool alnum = false;
        for (const char *q = s; *q; q++)
            if ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                (unsigned char)*q >= 0x80)
                alnum = true;
        if (bad)
            vl_report(c, e,
                      "ProfileName '%.*s' contains '%c'; Windows refuses VPN connection names "
                      "with any of | > < ? * \\ / :%s",
                      VL_SHOW_MAX, s, *bad,
                      *bad == '/' ? ", and '/' also breaks the CSP node path" : "");
        else if (s[0] == '.')
            vl_report(c, e,
                      "ProfileName '%.*s' starts with '.', which Windows refuses for a "
                      "VPN connection name",
                      VL_SHOW_MAX, s);
        else if (!alnum)
            vl_report(c, e,
                      "ProfileName '%.*s' has no letter or digit; Windows requires at "
                      "least one in a VPN connection name",
                      VL_SHOW_MAX, s);
    }
}

VL_RULE(PX057) = {
    .id = "PX057",
    .name = "profile-name-invalid",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "ProfileName is not a valid VPN connection name",
    .description =
        "The profile name becomes the CSP node name (./User/Vendor/MSFT/VPNv2/<name>, which "
        "must not contain '/') and the RAS phonebook entry name, which Windows validates like "
        "RasValidateEntryName: none of | > < ? * \\ / :, no leading '.', and at least one "
        "letter or digit. Profile creation fails with such a name. vpnlint checks the "
        "ProfileName element; the name in an OMA-URI or WMI InstanceID lies outside the XML "
        "(spaces there must be written %20).",
    .fix = "Rename the profile using letters, digits, spaces, '-' and '_' only, and use the same "
           "name in the OMA-URI / InstanceID (URL-encoded).",
    .since = "0.1.0",
    .check = check,
};
