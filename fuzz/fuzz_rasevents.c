/* fuzz_rasevents — the RasClient event reader (Event Viewer text, Format-List
 * text, UTF-16 exports, wevtutil XML) and its grouped explanation in TEXT and
 * JSON. */
#include "vpnlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static int ev_utf8_ok(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    while (*s) {
        unsigned char c = *s;
        size_t len;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            s++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (s[1] < lo || s[1] > hi)
            return 0;
        for (size_t i = 2; i < len; i++)
            if ((s[i] & 0xC0) != 0x80)
                return 0;
        s += len;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vpnlint_rasevents *ev = NULL;
    if (vpnlint_rasevents_parse(&ev, data, size) != VPNLINT_OK)
        return 0;
    size_t n = vpnlint_rasevents_count(ev);
    for (size_t i = 0; i < n; i++) {
        vpnlint_rasevent e;
        if (vpnlint_rasevents_at(&e, ev, i) != VPNLINT_OK)
            abort();
        if (!e.time || !e.user || !e.connection || !e.code_text)
            abort(); /* fields are "" when absent, never NULL */
        if (!ev_utf8_ok(e.time) || !ev_utf8_ok(e.user) || !ev_utf8_ok(e.connection) ||
            !ev_utf8_ok(e.code_text))
            abort(); /* whatever the input, the strings (and so the JSON) are UTF-8 */
    }
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON};
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL;
        if (vpnlint_rasevents_render(&out, ev, formats[i]) != VPNLINT_OK || !ev_utf8_ok(out))
            abort();
        vpnlint_free(out);
    }
    vpnlint_rasevents_free(ev);
    return 0;
}
