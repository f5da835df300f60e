/* PBK016 entry-name-ambiguous — brackets or surrounding spaces in a name. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (!e->name_len)
            continue;
        if (memchr(e->name, '[', e->name_len) || memchr(e->name, ']', e->name_len))
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                         "entry name [%s] contains '[' or ']': the RAS API allows them, but in "
                         "the file the header becomes ambiguous and tools split it "
                         "differently; rename the entry without brackets",
                         pbkr_name(e, nb, sizeof nb));
        char f = e->name[0], l = e->name[e->name_len - 1];
        if (f == ' ' || f == '\t' || l == ' ' || l == '\t')
            vl_report_at(c, VL_SEV_DEFAULT, e->line, 1,
                         "entry name [%s] has %s space: scripts and rasdial that pass the name "
                         "without it will not find the entry",
                         pbkr_name(e, nb, sizeof nb),
                         (f == ' ' || f == '\t') ? "a leading" : "a trailing");
    }
}

VL_RULE(PBK016) = {
    .id = "PBK016",
    .name = "entry-name-ambiguous",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "An entry name contains brackets or leading/trailing spaces",
    .description =
        "'[' and ']' are legal in a RAS entry name, but in the file a header such as [a]b] "
        "can be read as 'a' or 'a]b' depending on the tool; Windows' own behaviour is "
        "untested. Leading or trailing spaces survive in the file but not when a name is typed "
        "or passed on a command line, so the entry looks missing.",
    .fix = "Rename the entry without brackets and without surrounding spaces.",
    .since = "0.1.0",
    .check = check,
};
