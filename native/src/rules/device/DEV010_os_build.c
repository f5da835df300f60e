/* DEV010 os-build: The Windows build and update revision.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_os_build(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV010) = {
    .id = "DEV010",
    .name = "os-build",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The Windows build and update revision",
    .description = "The build (e.g. 19044) and update build revision (UBR, e.g. 1466) decide which "
                   "ProfileXML settings Windows understands and whether known regressions apply.",
    .fix = "Nothing to fix; compare with the minimum build of your profiles (--min-build).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_os_build,
};
