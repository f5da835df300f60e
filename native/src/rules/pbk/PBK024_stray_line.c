/* PBK024 stray-line — a line inside an entry that is neither Key=Value nor blank. */
#include "common.h"

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, needle, m) == 0)
            return true;
    return false;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    if (!p->n_stray_lines)
        return; /* the parser counts OTHER lines inside entries */
    for (size_t i = 0; i < p->n_lines; i++) {
        const vl_pbk_line *ln = &p->lines[i];
        size_t ei;
        if (ln->type != VL_PBK_LINE_OTHER || !(ei = vl_pbk_line_entry(p, i)))
            continue;
        const char *s = (const char *)p->bytes + ln->off;
        if (ln->len && s[0] == '[')
            continue; /* a broken header: PBK001 */
        const vl_pbk_entry *e = &p->entries[ei - 1];
        const char *what;
        if (ln->len && (s[0] == ';' || s[0] == '\'' || s[0] == '#'))
            what = "looks like a comment, but the phonebook format has no comment syntax";
        else if (contains(s, ln->len, "Collections."))
            what = "is a PowerShell object name written by a broken script (the "
                   "Update-Rasphone 'Collections.ArrayList' corruption)";
        else
            what = "has no '=', so it is neither a key nor a header";
        vl_report_at(c, VL_SEV_DEFAULT, (unsigned)(i + 1), 1,
                     "[%s] this line %s; Windows ignores it, other tools may not - delete it",
                     pbkr_name(e, nb, sizeof nb), what);
    }
}

VL_RULE(PBK024) = {
    .id = "PBK024",
    .name = "stray-line",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A line inside an entry is neither Key=Value nor a header",
    .description =
        "MS-RRASM defines no comment syntax: every line of an entry is Key=Value. Lines "
        "starting with ; or ' are treated as comments by some INI readers (DPC skips '), not "
        "necessarily by Windows, and a line without '=' is junk - for example the "
        "System.Collections.ArrayList lines Update-Rasphone.ps1 wrote when run from SCCM "
        "(aovpn issue #6).",
    .fix = "Delete the line; keep notes about the phonebook outside the file.",
    .since = "0.1.0",
    .check = check,
};
