/* PX025 boolean-not-lowercase — a boolean value other than exactly
 * "true" or "false". */
#include "core/rule.h"
#include "profilexml/model.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 0; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        const vl_px_def *d = vl_px_def_get(e->def);
        if (!d || d->type != VL_T_BOOL)
            continue;
        const char *t = e->text;
        if (strcmp(t, "true") == 0 || strcmp(t, "false") == 0)
            continue;
        if ((d->flags & VL_PXF_BOOL01) && (strcmp(t, "0") == 0 || strcmp(t, "1") == 0))
            continue;
        int sev =
            (d->flags & VL_PXF_STRICT_BOOL) ? VPNLINT_SEVERITY_ERROR : VPNLINT_SEVERITY_WARNING;
        const char *alt = (d->flags & VL_PXF_BOOL01) ? " (or 1/0)" : "";
        if (vl_strcasecmp(t, "true") == 0 || vl_strcasecmp(t, "false") == 0) {
            bool on = vl_strcasecmp(t, "true") == 0;
            vl_report_sev(
                c, sev, e,
                "<%s> is '%s'; Windows reads booleans case-sensitively, so anything "
                "but lowercase is not '%s'%s: write %s",
                e->name, t, on ? "true" : "false",
                (d->flags & VL_PXF_STRICT_BOOL) ? " and the profile is only partly configured" : "",
                on ? "true" : "false");
        } else if (!*t) {
            vl_report_sev(c, sev, e, "<%s> is empty; write true or false%s", e->name, alt);
        } else {
            vl_report_sev(c, sev, e,
                          "<%s> is '%.40s', which is not a boolean; Windows understands only "
                          "lowercase true or false%s",
                          e->name, t, alt);
        }
    }
}

VL_RULE(PX025) = {
    .id = "PX025",
    .name = "boolean-not-lowercase",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A boolean value is not exactly lowercase true or false",
    .description =
        "ProfileXML booleans are xs:boolean values and Windows compares them "
        "case-sensitively: Microsoft's Always On VPN documentation warns that AlwaysOn and "
        "RememberCredentials must be lowercase 'true', otherwise the profile is only partly "
        "configured (windowsserverdocs issue 867). 'True', 'TRUE', 'yes' or an empty value "
        "are therefore not true. This is an error for AlwaysOn and RememberCredentials and a "
        "warning elsewhere; AlwaysOnActive also accepts 1 and 0.",
    .fix = "Write true or false in lowercase.",
    .since = "0.1.0",
    .check = check,
};
