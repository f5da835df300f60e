/* fuzz_rasevents — the RasClient event reader (Event Viewer text, Format-List
 * text, UTF-16 exports, wevtutil XML) and its grouped explanation in TEXT and
 * JSON. */
#include "vpnlint.h"
#include "core/internal.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
        if (!vl_utf8_valid(e.time, strlen(e.time)) || !vl_utf8_valid(e.user, strlen(e.user)) ||
            !vl_utf8_valid(e.connection, strlen(e.connection)) ||
            !vl_utf8_valid(e.code_text, strlen(e.code_text)))
            abort(); /* whatever the input, the strings (and so the JSON) are UTF-8 */
    }
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON};
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL;
        if (vpnlint_rasevents_render(&out, ev, formats[i]) != VPNLINT_OK ||
            !vl_utf8_valid(out, strlen(out)))
            abort();
        vpnlint_free(out);
    }
    vpnlint_rasevents_free(ev);
    return 0;
}
