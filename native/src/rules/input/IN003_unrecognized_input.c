/* IN003 unrecognized-input — neither a VPN profile nor a phonebook. */
#include "core/input.h"
#include "core/rule.h"

static void check(vl_ctx *c)
{
    if (c->in->kind == VPNLINT_KIND_UNKNOWN && !c->in->too_big && !c->in->decode_error.message)
        vl_report_at(c, VL_SEV_DEFAULT, 1, 1,
                     "this is neither ProfileXML (a <VPNProfile> document, escaped or in "
                     "SyncML) nor a rasphone.pbk phonebook (starting with an [Entry] header)");
}

VL_RULE(IN003) = {
    .id = "IN003",
    .name = "unrecognized-input",
    .kind = VPNLINT_KIND_UNKNOWN,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The input is not a ProfileXML document or a phonebook",
    .description = "vpnlint detects what an input is from its content: ProfileXML has a "
                   "<VPNProfile> root (raw, entity-escaped, or inside a SyncML <Data>), a "
                   "rasphone.pbk phonebook starts with an [Entry name] header. This input is "
                   "neither, so nothing could be checked.",
    .fix = "Pass the ProfileXML or rasphone.pbk file itself; for Intune, export the OMA-URI "
           "value (the XML), not the policy JSON.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
