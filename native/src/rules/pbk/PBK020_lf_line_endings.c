/* PBK020 lf-line-endings — the whole file uses LF, not CRLF. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (p->n_eol_lf > 0 && p->n_eol_crlf == 0 && p->n_eol_cr == 0)
        vl_report_at(c, VL_SEV_DEFAULT, 1, 1,
                     "the phonebook uses LF line endings (%zu lines) instead of CR LF: Windows "
                     "accepts it, but it shows the file was written or converted by another "
                     "tool; keep CR LF when you edit it",
                     p->n_eol_lf);
}

VL_RULE(PBK020) = {
    .id = "PBK020",
    .name = "lf-line-endings",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The phonebook uses LF line endings instead of CR LF",
    .description =
        "MS-RRASM 2.2.2 ends every line with CR LF, and Windows writes CR LF. LF-only files "
        "come from scripts (Python, git checkouts with text conversion, Update-Rasphone's "
        "replacements) and still dial, but tools that assume CR LF may mangle them.",
    .fix = "Convert the file to CR LF (e.g. unix2dos), or leave it if it works and edit it "
           "only with a tool that preserves line endings.",
    .since = "0.1.0",
    .check = check,
};
