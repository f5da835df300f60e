/* PX001 not-well-formed — the XML cannot be parsed (safely). */
#include "core/input.h"
#include "core/rule.h"

static void check(vl_ctx *c)
{
    for (size_t i = 0; i < c->in->n_parse_errors; i++) {
        const vl_diag *d = &c->in->parse_errors[i];
        vl_report_at(c, VL_SEV_DEFAULT, d->line, d->col, "%s", d->message);
    }
}

VL_RULE(PX001) = {
    .id = "PX001",
    .name = "not-well-formed",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The profile is not well-formed XML, or uses a construct that is refused",
    .description =
        "Windows rejects a ProfileXML that is not well-formed with \"A general error "
        "occurred that is not covered by a more specific error code\" (WMI CreateInstance) "
        "or 0x87D101F4 (Intune). Typical causes: a raw & (write &amp;), mismatched or "
        "duplicated tags, an undeclared namespace prefix such as i:nil, or a stray character "
        "pasted from a web page. For safety vpnlint also refuses DOCTYPE declarations, "
        "entities other than the five predefined ones, and nesting deeper than the limit.",
    .fix = "Fix the XML at the reported line and column: escape & as &amp;, close every "
           "element, remove DOCTYPE declarations and undeclared prefixes.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
