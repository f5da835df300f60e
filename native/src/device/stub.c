/* stub.c — the device checks on platforms other than Windows. */
#include "device/device.h"

#include <string.h>

#ifndef _WIN32
VPNLINT_EXTERN(int)
vpnlint_device_check(vpnlint_device_state *state, vpnlint_report *report, unsigned int flags)
{
    (void)report;
    (void)flags;
    if (state) {
        unsigned int v = state->version;
        memset(state, 0, sizeof *state);
        state->version = v;
    }
    return vl_error_set(VPNLINT_EUNSUPPORTED,
                        "device checks need Windows: they read the Windows registry, services "
                        "and phonebooks of the machine they run on");
}
#else
typedef int vl_device_stub_unused;
#endif
