/* PX007 escaped-profile — the whole profile is entity-escaped. */
#include "core/input.h"
#include "core/rule.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    if (!in->envelope || strcmp(in->envelope, "escaped") != 0 || !in->text)
        return;
    size_t i = 0;
    unsigned line = 1;
    while (i < in->text_len && vl_is_space((unsigned char)in->text[i]))
        if (in->text[i++] == '\n')
            line++;
    vl_report_at(c, VL_SEV_DEFAULT, line, 1,
                 "the whole profile is entity-escaped (&lt;VPNProfile&gt;...); Intune expects "
                 "plain XML, and VPN_Profile.ps1-style scripts escape it themselves, so it "
                 "arrives double-escaped and Windows cannot parse it: deploy the unescaped "
                 "XML (vpnlint linted the unescaped text)");
}

VL_RULE(PX007) = {
    .id = "PX007",
    .name = "escaped-profile",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The whole profile is entity-escaped (&lt;VPNProfile&gt;)",
    .description =
        "An escaped profile is what a script produces just before handing ProfileXML to the "
        "MDM_VPNv2_01 WMI class: Microsoft's VPN_Profile.ps1 and Richard Hicks' tools replace "
        "<, > and \" with entities themselves. Feeding them (or Intune, which takes plain "
        "XML) a profile that is already escaped escapes it twice, and Windows then sees text "
        "instead of a <VPNProfile> element. vpnlint unescapes such input once and lints the "
        "result.",
    .fix = "Keep the profile as plain XML (<VPNProfile>...) in source control and let the "
           "deployment script do the escaping.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
