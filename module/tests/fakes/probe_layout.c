/* probe_layout.c — compile-time check that vpnlint_probe_options has the layout
 * VpnLint.Core's NativeProbeOptions (module/src/VpnLint.Core/ServerProbe.cs) and
 * ProbeTests.OptionsStructHasTheHeadersLayoutOnThisArchitecture assume. Compiled
 * (-fsyntax-only) with gcc by 30-module.sh and with both mingw compilers by
 * 55-module-wine.sh, so the 32-bit Windows layout is checked too. */
#include <stddef.h>

#include "vpnlint.h"

#define P64 (sizeof(void *) == 8)
_Static_assert(sizeof(void *) == 4 || sizeof(void *) == 8, "32- or 64-bit");
_Static_assert(sizeof(vpnlint_probe_options) == (P64 ? 56 : 36), "size");
_Static_assert(offsetof(vpnlint_probe_options, version) == 0, "version");
_Static_assert(offsetof(vpnlint_probe_options, entry) == (P64 ? 8 : 4), "entry");
_Static_assert(offsetof(vpnlint_probe_options, server) == (P64 ? 16 : 8), "server");
_Static_assert(offsetof(vpnlint_probe_options, protocol) == (P64 ? 24 : 12), "protocol");
_Static_assert(offsetof(vpnlint_probe_options, timeout_ms) == (P64 ? 28 : 16), "timeout_ms");
_Static_assert(offsetof(vpnlint_probe_options, ike_port) == (P64 ? 32 : 20), "ike_port");
_Static_assert(offsetof(vpnlint_probe_options, natt_port) == (P64 ? 36 : 24), "natt_port");
_Static_assert(offsetof(vpnlint_probe_options, sstp_port) == (P64 ? 40 : 28), "sstp_port");
_Static_assert(offsetof(vpnlint_probe_options, ca_file) == (P64 ? 48 : 32), "ca_file");
_Static_assert(VPNLINT_PROBE_OPTIONS_VERSION == 1, "NativeProbeOptions.CurrentVersion");
_Static_assert(VPNLINT_PROBE_AUTO == 0 && VPNLINT_PROBE_IKEV2 == 1 && VPNLINT_PROBE_SSTP == 2,
               "VpnProbeProtocol");
_Static_assert(VPNLINT_KIND_NETWORK == 4, "VpnLintKind.Network");
