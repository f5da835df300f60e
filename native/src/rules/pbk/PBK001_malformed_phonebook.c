/* PBK001 malformed-phonebook — structural problems the phonebook parser met. */
#include "core/input.h"
#include "core/rule.h"

static void check(vl_ctx *c)
{
    for (size_t i = 0; i < c->in->n_parse_errors; i++) {
        const vl_diag *d = &c->in->parse_errors[i];
        vl_report_at(c, VL_SEV_DEFAULT, d->line, d->col ? d->col : 1, "%s", d->message);
    }
}

VL_RULE(PBK001) = {
    .id = "PBK001",
    .name = "malformed-phonebook",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The phonebook has lines that do not fit its structure",
    .description =
        "A rasphone.pbk is a list of [Entry] sections with Key=Value lines, organised as "
        "entry keys, NETCOMPONENTS, MEDIA and DEVICE subsections (MS-RRASM 2.2.2). Lines "
        "before the first [Entry] header, a '[' line that is not a header, DEVICE= before any "
        "MEDIA=, or NUL bytes (a UTF-16 or binary file) are ignored or misread by Windows and by "
        "the scripts that edit phonebooks.",
    .fix = "Move stray lines under an entry or delete them, write headers as [Entry Name], put "
           "MEDIA=rastapi, Port= and Device= above each DEVICE=, and save the file as UTF-8 text.",
    .since = "0.1.0",
    .check = check,
};
