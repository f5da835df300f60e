/* PBK025 not-utf8 — bytes that are not UTF-8 (e.g. GBK under Encoding=1), or a BOM. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    if (p->bom_len)
        vl_report_at(c, VPNLINT_SEVERITY_INFO, 1, 1,
                     "the phonebook starts with a UTF-8 byte order mark: Windows never writes "
                     "one, and whether it reads the first [entry] header correctly is untested; "
                     "save the file as UTF-8 without BOM");
    if (p->utf8_valid)
        return;
    for (size_t i = 0; i < p->n_lines; i++) {
        const vl_pbk_line *ln = &p->lines[i];
        if (vl_utf8_valid((const char *)p->bytes + ln->off, ln->len))
            continue;
        long long enc = 1;
        size_t ei = vl_pbk_line_entry(p, i);
        if (ei)
            enc = pbkr_int(&p->entries[ei - 1], "Encoding", 1);
        vl_report_at(c, VL_SEV_DEFAULT, (unsigned)(i + 1), 1,
                     "this line is not valid UTF-8%s: it was probably written in an ANSI code "
                     "page (GBK, Windows-1252) by an old tool, so Windows shows the name or "
                     "value garbled; re-save the text as UTF-8",
                     enc == 1 ? " although the entry says Encoding=1 (UTF-8)" : "");
        return; /* one finding per file */
    }
}

VL_RULE(PBK025) = {
    .id = "PBK025",
    .name = "not-utf8",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The phonebook is not valid UTF-8, or starts with a BOM",
    .description =
        "Windows writes Encoding=1 and stores non-ASCII entry and device names as UTF-8 "
        "([宽带连接], Device=WAN 微型端口(PPPOE)). Files from XP-era batch generators hold GBK or "
        "other ANSI bytes under Encoding=1 and show up garbled; scripts that write with "
        "Out-File -Encoding ascii or Set-Content replace such names with '?'. A byte order mark "
        "is never written by Windows (reported as info).",
    .fix = "Convert the file to UTF-8 without BOM, keeping the names' characters, and edit it "
           "only with tools that preserve UTF-8.",
    .since = "0.1.0",
    .check = check,
};
