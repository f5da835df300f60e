/* PX006 hidden-or-non-ascii-characters — non-ASCII, control and zero-width
 * characters anywhere in the file. */
#include "core/input.h"
#include "core/rule.h"

#include <stdio.h>
#include <string.h>

#define MAX_SHOWN 3

static const char *char_name(uint32_t cp)
{
    switch (cp) {
    case 0x00A0:
        return "NO-BREAK SPACE";
    case 0x00AD:
        return "SOFT HYPHEN";
    case 0x200B:
        return "ZERO WIDTH SPACE";
    case 0x200C:
        return "ZERO WIDTH NON-JOINER";
    case 0x200D:
        return "ZERO WIDTH JOINER";
    case 0x200E:
        return "LEFT-TO-RIGHT MARK";
    case 0x200F:
        return "RIGHT-TO-LEFT MARK";
    case 0x2013:
        return "EN DASH";
    case 0x2014:
        return "EM DASH";
    case 0x2018:
        return "LEFT SINGLE QUOTATION MARK";
    case 0x2019:
        return "RIGHT SINGLE QUOTATION MARK";
    case 0x201C:
        return "LEFT DOUBLE QUOTATION MARK";
    case 0x201D:
        return "RIGHT DOUBLE QUOTATION MARK";
    case 0x2028:
        return "LINE SEPARATOR";
    case 0x2029:
        return "PARAGRAPH SEPARATOR";
    case 0x2060:
        return "WORD JOINER";
    case 0xFEFF:
        return "ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the text)";
    default:
        return NULL;
    }
}

static bool invisible(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x00A0 || cp == 0x00AD ||
           (cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0x2060 ||
           cp == 0xFEFF;
}

#define INVALID_UTF8 0x80000000u /* | the offending byte */

/* Decodes one UTF-8 sequence at s; an invalid byte gives INVALID_UTF8 | byte
 * with length 1 (libxml2 refuses such files too: PX001). */
static uint32_t utf8_at(const unsigned char *s, size_t left, size_t *len)
{
    uint32_t cp = s[0];
    size_t n = cp >= 0xF8 ? 0 : cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : cp >= 0xC2 ? 2 : 0;
    *len = 1;
    if (n == 0 || n > left)
        return INVALID_UTF8 | s[0];
    cp &= (uint32_t)(0xFF >> (n + 1));
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0u) != 0x80u)
            return INVALID_UTF8 | s[0];
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    *len = n;
    return cp;
}

static void position(const vl_input *in, size_t off, unsigned *line, unsigned *col)
{
    size_t lo = 0, hi = in->n_lines;
    if (!in->line_starts || hi == 0) {
        *line = 0;
        *col = 0;
        return;
    }
    while (hi - lo > 1) { /* last line start <= off */
        size_t mid = (lo + hi) / 2;
        if (in->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)lo + 1;
    *col = (unsigned)(off - in->line_starts[lo]) + 1;
}

/* bytes that need no closer look: printable ASCII, tab, LF, CR */
static const unsigned char ok_byte[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
#define R4(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1
#define R16(b) R4(b), R4(b + 4), R4(b + 8), R4(b + 12)
    R16(0x20),  R16(0x30),  R16(0x40),  R16(0x50),  R16(0x60),  R4(0x70),
    R4(0x74),   R4(0x78),   [0x7C] = 1, [0x7D] = 1, [0x7E] = 1,
#undef R16
#undef R4
};

static void check(vl_ctx *c)
{
    const vl_input *in = c->in;
    if (!in->text || in->decode_error.message || in->too_big)
        return;
    const unsigned char *t = (const unsigned char *)in->text;
    size_t total = 0;
    size_t first_off[MAX_SHOWN];
    uint32_t first_cp[MAX_SHOWN];
    for (size_t i = 0; i < in->text_len;) {
        /* fast path: skip printable ASCII, tab, CR and LF */
        if (ok_byte[t[i]]) {
            i++;
            while (i < in->text_len && ok_byte[t[i]])
                i++;
            continue;
        }
        size_t n = 1;
        uint32_t cp = t[i];
        if (cp >= 0x80)
            cp = utf8_at(t + i, in->text_len - i, &n);
        bool bad =
            cp >= 0x80 || (cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n') || cp == 0x7F;
        if (bad) {
            if (total < MAX_SHOWN) {
                first_off[total] = i;
                first_cp[total] = cp;
            }
            total++;
        }
        i += n;
    }
    size_t shown = total < MAX_SHOWN ? total : MAX_SHOWN;
    for (size_t k = 0; k < shown; k++) {
        unsigned line, col;
        position(in, first_off[k], &line, &col);
        uint32_t cp = first_cp[k];
        const char *name = char_name(cp);
        char what[160];
        if (cp & INVALID_UTF8)
            snprintf(what, sizeof what,
                     "the byte 0x%02X, which is not valid UTF-8 (the file is probably "
                     "Windows-1252 or Latin-1 text)",
                     (unsigned)(cp & 0xFFu));
        else if (name)
            snprintf(what, sizeof what, "the invisible or look-alike character U+%04X %s",
                     (unsigned)cp, name);
        else if (invisible(cp))
            snprintf(what, sizeof what, "the control character U+%04X", (unsigned)cp);
        else
            snprintf(what, sizeof what, "the non-ASCII character U+%04X", (unsigned)cp);
        char more[80] = "";
        if (k + 1 == shown && total > shown)
            snprintf(more, sizeof more, " (%zu more such characters in the file)", total - shown);
        vl_report_at(c, VL_SEV_DEFAULT, line, col,
                     "%s%s; a \"bad character\" pasted from a web page, chat or PDF is the most "
                     "common cause of CreateInstance \"general error\" and Intune parse "
                     "failures: retype it in plain ASCII",
                     what, more);
    }
}

VL_RULE(PX006) = {
    .id = "PX006",
    .name = "hidden-or-non-ascii-characters",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The file contains non-ASCII, control or zero-width characters",
    .description =
        "Characters that look like spaces, quotes or dashes but are not ASCII (no-break "
        "spaces, zero-width spaces, curly quotes, en dashes) come from copying XML out of web "
        "pages, chat, PDFs or other tools. Richard Hicks names a bad character as the most "
        "common cause of the WMI CreateInstance \"A general error occurred\" failure, and "
        "hidden characters have made Intune reject VPN profiles. A valid profile needs only "
        "ASCII. The first three are reported with their line and column (columns count "
        "bytes).",
    .fix = "Go to the reported positions and retype the character in plain ASCII (or delete "
           "it if it is invisible); in VS Code, the \"Highlight invisible characters\" "
           "setting shows them.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
