/* PX005 line-breaks — the profile spans several lines (Intune target). */
#include "core/input.h"
#include "core/rule.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    if (c->opt->target != VPNLINT_TARGET_INTUNE || !in->text || in->decode_error.message ||
        !in->envelope || (strcmp(in->envelope, "raw") != 0 && strcmp(in->envelope, "escaped") != 0))
        return;
    size_t end = in->text_len;
    while (end > 0 && vl_is_space((unsigned char)in->text[end - 1]))
        end--;
    size_t start = 0;
    while (start < end && vl_is_space((unsigned char)in->text[start]))
        start++;
    size_t breaks = 0;
    unsigned first = 0, line = 1;
    for (size_t i = 0; i < end; i++) {
        if (in->text[i] != '\n')
            continue;
        line++;
        if (i >= start) {
            breaks++;
            if (!first)
                first = line - 1;
        }
    }
    if (breaks)
        vl_report_at(c, VL_SEV_DEFAULT, first, 1,
                     "the profile contains %zu line break%s; a profile that worked on Windows "
                     "10 failed through Intune on Windows 11 until its line breaks were "
                     "removed: if Windows 11 devices report event 404, deploy it as one line",
                     breaks, breaks == 1 ? "" : "s");
}

VL_RULE(PX005) = {
    .id = "PX005",
    .name = "line-breaks",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The profile has line breaks (reported only with --target intune)",
    .description =
        "An Always On VPN profile that deployed fine to Windows 10 failed on Windows 11 "
        "until all line breaks were removed from the XML (windowsserverdocs issue 7372), and "
        "Intune custom XML has failed on Windows 11 with 0x87D101F4 / event 404 \"unable to "
        "parse the requested XML data\". Line breaks are valid XML, so this is only "
        "information, and only when the deployment target is Intune.",
    .fix = "If Windows 11 devices fail to apply the profile, remove the line breaks and "
           "indentation (for example with Richard Hicks' or Microsoft's scripts, or "
           "(Get-Content file -Raw) -replace '\\r?\\n\\s*','') before pasting it into Intune.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
