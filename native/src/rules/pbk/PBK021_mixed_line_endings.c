/* PBK021 mixed-line-endings — CR LF and LF lines in one file. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    size_t crlf = p->n_eol_crlf, lf = p->n_eol_lf + p->n_eol_cr;
    if (!crlf || !lf)
        return;
    /* report the first line whose ending is in the minority */
    bool want_crlf = crlf >= lf;
    for (size_t i = 0; i < p->n_lines; i++) {
        uint8_t eol = p->lines[i].eol;
        if (eol == VL_PBK_EOL_NONE || (eol == VL_PBK_EOL_CRLF) == want_crlf)
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, (unsigned)(i + 1), 1,
                     "mixed line endings: %zu lines end in CR LF and %zu in LF (the first "
                     "odd one is here); a script rewrote part of the file - check its "
                     "edits and convert the file to CR LF",
                     crlf, lf);
        return;
    }
}

VL_RULE(PBK021) = {
    .id = "PBK021",
    .name = "mixed-line-endings",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The phonebook mixes CR LF and LF line endings",
    .description =
        "A file with both CR LF and LF lines has been partly rewritten by a script: "
        "Update-Rasphone.ps1's -replace inserts a bare LF on every line it edits, and other "
        "regex editors do the same. Windows tolerates it, but it is a sign that a tool "
        "touched the file, and the other damage such tools do (lost non-ASCII names, "
        "changes to every entry) is worth checking.",
    .fix = "Review the entries the script edited, then convert the whole file to CR LF.",
    .since = "0.1.0",
    .check = check,
};
