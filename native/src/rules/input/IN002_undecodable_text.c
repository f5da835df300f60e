/* IN002 undecodable-text — bytes that are not text in a known encoding. */
#include "core/input.h"
#include "core/rule.h"

static void check(vl_ctx *c)
{
    const vl_diag *d = &c->in->decode_error;
    if (d->message)
        vl_report_at(c, VL_SEV_DEFAULT, d->line, d->col, "%s", d->message);
}

VL_RULE(IN002) = {
    .id = "IN002",
    .name = "undecodable-text",
    .kind = VPNLINT_KIND_UNKNOWN,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The file is not valid text in UTF-8 or UTF-16",
    .description = "The input holds a NUL byte, or UTF-16 text with an unpaired surrogate or a "
                   "cut-off character. Windows cannot parse such a profile or phonebook either; "
                   "usually the file was truncated, or saved in an encoding without a byte "
                   "order mark.",
    .fix = "Open the file in an editor, save it as UTF-8 (or UTF-16 with a BOM), and lint it "
           "again.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
