/* PX003 encoding-or-bom — the file has a byte order mark or is UTF-16. */
#include "core/input.h"
#include "core/rule.h"

#include <string.h>

static const char *encoding_label(const char *enc)
{
    if (strcmp(enc, "utf-16le") == 0)
        return "UTF-16LE";
    if (strcmp(enc, "utf-16be") == 0)
        return "UTF-16BE";
    return "UTF-8";
}

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    if (!in->encoding || !*in->encoding || in->decode_error.message || in->too_big)
        return;
    bool utf8 = strncmp(in->encoding, "utf-8", 5) == 0;
    if (utf8 && !in->has_bom)
        return;
    int sev =
        c->opt->target == VPNLINT_TARGET_INTUNE ? VPNLINT_SEVERITY_WARNING : VPNLINT_SEVERITY_INFO;
    vl_report_at(c, sev, 1, 1,
                 "the file is %s%s; Windows PowerShell's Out-File writes this, and Intune "
                 "custom XML that is not plain UTF-8 without a BOM has failed to parse on "
                 "Windows 11 (0x87D101F4, event 404): save it as UTF-8 without a BOM",
                 encoding_label(in->encoding), in->has_bom ? " with a byte order mark" : "");
}

VL_RULE(PX003) = {
    .id = "PX003",
    .name = "encoding-or-bom",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The file has a byte order mark or is UTF-16 encoded",
    .description =
        "Microsoft's MakeProfile.ps1 writes VPN_Profile.xml with Out-File, which produces "
        "UTF-16LE with a BOM (Windows PowerShell) or UTF-8 with a BOM. Pasted into a script "
        "that works, but uploaded as an Intune custom \"String (XML file)\" value such files "
        "have failed on Windows 11 with 0x87D101F4 / event 404 \"unable to parse the "
        "requested XML data\". Reported as a warning with --target intune, as info "
        "otherwise.",
    .fix = "Save the file as UTF-8 without a BOM (in PowerShell 7: Out-File -Encoding utf8NoBOM; "
           "in an editor: \"UTF-8\", not \"UTF-8 with BOM\").",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
