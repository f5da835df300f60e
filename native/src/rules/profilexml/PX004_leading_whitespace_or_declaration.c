/* PX004 leading-whitespace-or-declaration — blank lines before the root,
 * or an XML declaration, at the start of the profile. */
#include "core/input.h"
#include "core/rule.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    if (!in->text || in->decode_error.message || !in->envelope ||
        (strcmp(in->envelope, "raw") != 0 && strcmp(in->envelope, "escaped") != 0))
        return;
    const char *t = in->text;
    size_t i = 0, lines = 0;
    while (i < in->text_len && vl_is_space((unsigned char)t[i])) {
        if (t[i] == '\n')
            lines++;
        i++;
    }
    if (i > 0 && i < in->text_len) {
        if (lines)
            vl_report_at(c, VL_SEV_DEFAULT, 1, 1,
                         "the profile starts with %zu blank line%s before the first element; "
                         "strict consumers (Intune on Windows 11 has been reported to be one) "
                         "expect it to start with '<': remove the leading whitespace",
                         lines, lines == 1 ? "" : "s");
        else
            vl_report_at(c, VL_SEV_DEFAULT, 1, 1,
                         "the profile starts with whitespace before the first element; strict "
                         "consumers expect it to start with '<': remove the leading "
                         "whitespace");
    }
    const char *rest = t + i;
    size_t left = in->text_len - i;
    bool decl = (left >= 6 && strncmp(rest, "<?xml", 5) == 0 &&
                 (vl_is_space((unsigned char)rest[5]) || rest[5] == '?')) ||
                (left >= 9 && strncmp(rest, "&lt;?xml", 8) == 0 &&
                 (vl_is_space((unsigned char)rest[8]) || rest[8] == '?'));
    if (decl)
        vl_report_at(c, VL_SEV_DEFAULT, (unsigned)lines + 1, 1,
                     "the profile starts with an XML declaration (<?xml ...?>); ProfileXML is "
                     "a value inside a CSP node, not a document, and Microsoft's and Richard "
                     "Hicks' samples have none: remove it");
}

VL_RULE(PX004) = {
    .id = "PX004",
    .name = "leading-whitespace-or-declaration",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Blank lines or an XML declaration precede the <VPNProfile> element",
    .description =
        "The ProfileXML value is a fragment stored in the VPNv2 CSP node, not a standalone "
        "document. Files produced by MakeProfile.ps1 have been seen starting with a blank "
        "line, and Windows 11 has rejected Intune XML that Windows 10 accepted (0x87D101F4, "
        "event 404). Whether leading whitespace or a declaration is the cause is not "
        "documented, so this is information: the safest profile starts directly with "
        "<VPNProfile>.",
    .fix = "Delete everything before <VPNProfile> except comments: blank lines and the "
           "<?xml ...?> declaration.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
