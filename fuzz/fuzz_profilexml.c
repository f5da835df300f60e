/* fuzz_profilexml — the whole ProfileXML path: loader (encodings, raw,
 * escaped and SyncML envelopes), safe parse, model, escaped EAP, every rule,
 * every renderer. */
#include "vpnlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.flags = VPNLINT_OPT_PEDANTIC;
    opt.min_build = 17763;
    opt.target = VPNLINT_TARGET_INTUNE;
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, &opt) != VPNLINT_OK)
        abort();
    vpnlint_report_add_buffer(r, "fuzz.xml", data, size);
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF,
                                  VPNLINT_FORMAT_INTUNE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        if (vpnlint_report_render(&out, r, formats[i]) != VPNLINT_OK)
            abort();
        vpnlint_free(out);
    }
    vpnlint_report_free(r);
    return 0;
}
