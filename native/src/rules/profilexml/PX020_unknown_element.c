/* PX020 unknown-element — an element name the ProfileXML schema does not
 * have under that parent, with a "did you mean". */
#include "core/rule.h"
#include "profilexml/model.h"
#include "profilexml/values.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Names from the CSP node tree or from documentation bugs, and the XML
 * element that is meant. */
static const struct {
    const char *wrong, *right, *why;
} aliases[] = {
    {"DomainNameInformationList", "DomainNameInformation",
     "DomainNameInformationList is the CSP node name (the CSP reference's example uses it by "
     "mistake)"},
    {"TrafficFilterList", "TrafficFilter", "TrafficFilterList is the CSP node name"},
    {"AppTriggerList", "AppTrigger", "AppTriggerList is the CSP node name"},
    {"RouteList", "Route", "RouteList is the CSP node name"},
    {"NativeProtocolList", "NativeProtocol", "NativeProtocolList is the CSP node name"},
};

static void suggest(vl_ctx *c, const vl_el *e, const vl_el *parent)
{
    int pd = parent->def;
    /* 1. documented aliases */
    for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++) {
        if (strcmp(e->name, aliases[k].wrong) != 0)
            continue;
        vl_report(c, e,
                  "<%s> is not a ProfileXML element: %s; in ProfileXML write one <%s> element "
                  "per entry, directly inside <%s>",
                  e->name, aliases[k].why, aliases[k].right, parent->name);
        return;
    }
    /* 2. the same name in another case, 3. a near spelling, among the
     * elements allowed under this parent */
    const vl_px_def *best = NULL;
    size_t best_d = 64;
    size_t len = strlen(e->name);
    size_t limit = len <= 4 ? 1 : len <= 10 ? 2 : 3;
    for (int i = 0; i < VL_PX__COUNT; i++) {
        const vl_px_def *d = vl_px_def_get(i);
        if (d->parent != pd || (d->flags & VL_PXF_GET_ONLY))
            continue;
        if (vl_strcasecmp(d->name, e->name) == 0) {
            vl_report(c, e,
                      "unknown element <%s> in <%s>: element names are case-sensitive, so "
                      "Windows does not recognise it; write <%s>",
                      e->name, parent->name, d->name);
            return;
        }
        size_t dl = strlen(d->name);
        if ((dl > len ? dl - len : len - dl) > limit)
            continue; /* the distance is at least the length difference */
        size_t dist = vl_edit_distance(e->name, d->name, true);
        if (dist <= limit && dist < best_d) {
            best = d;
            best_d = dist;
        }
    }
    if (best) {
        vl_report(c, e,
                  "unknown element <%s> in <%s>; Windows rejects the profile or ignores the "
                  "setting: did you mean <%s>?",
                  e->name, parent->name, best->name);
        return;
    }
    /* 4. a known element in the wrong place */
    char where[300] = "";
    size_t wl = 0, found = 0;
    for (int i = 0; i < VL_PX__COUNT && found < 3; i++) {
        const vl_px_def *d = vl_px_def_get(i);
        if (vl_strcasecmp(d->name, e->name) != 0 || (d->flags & VL_PXF_GET_ONLY))
            continue;
        char path[200];
        vl_px_def_path(d->parent, path, sizeof path);
        int w = snprintf(where + wl, sizeof where - wl, "%s<%s>", found ? " or " : "", path);
        if (w > 0 && (size_t)w < sizeof where - wl)
            wl += (size_t)w;
        found++;
    }
    if (found) {
        vl_report(c, e,
                  "<%s> does not belong in <%s>, so Windows does not apply it there; it goes "
                  "inside %s",
                  e->name, parent->name, where);
        return;
    }
    vl_report(c, e,
              "unknown element <%.60s> in <%s>; it is not in the VPNv2 CSP or its ProfileXML "
              "schema, and Windows rejects the profile or ignores the setting",
              e->name, parent->name);
}

/* <App>C:\path</App> (2018 schema, and the CSP reference's own example)
 * instead of <App><Id>C:\path</Id></App>. */
static void app_text(vl_ctx *c, const vl_profile *p, int def)
{
    for (const vl_el *e = vl_px_first(p, def); e; e = vl_px_next(p, e)) {
        if (e->flags & VL_ELF_HAS_ELEMENTS)
            continue;
        const char *t = vl_px_container_text(p, e);
        if (!t || !*t)
            continue;
        const vl_el *parent = vl_px_parent(p, e);
        vl_report(c, e,
                  "<%s><App> holds '%.80s' as text; the current schema wants "
                  "<App><Id>%.80s</Id></App>, and Windows does not read the text form",
                  parent ? parent->name : "TrafficFilter", t, t);
    }
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (size_t i = 1; i < p->n_els; i++) {
        const vl_el *e = &p->els[i];
        if (e->def != VL_PX_UNKNOWN)
            continue;
        const vl_el *parent = vl_px_parent(p, e);
        if (parent && parent->def >= 0 && parent->def < VL_PX__COUNT)
            suggest(c, e, parent);
    }
    app_text(c, p, VL_PX_TF_App);
    app_text(c, p, VL_PX_AT_App);
}

VL_RULE(PX020) = {
    .id = "PX020",
    .name = "unknown-element",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An element the ProfileXML schema does not have in that place",
    .description =
        "Every element under <VPNProfile> (outside the EAP configuration and the plug-in "
        "CustomConfiguration) must be one the VPNv2 CSP knows, spelled with the right case, "
        "inside the right parent. The CSP reference's own examples carry wrong names "
        "(DomainNameInformationList, DNSServers, RetryTimeinHours, <App> with a path as text) "
        "that get copied into real profiles. Windows rejects such a profile or drops the "
        "setting without saying so. vpnlint suggests the intended name: a different case, a "
        "near spelling, or the parent the element belongs in.",
    .fix = "Rename or move the element as the message suggests, or delete it.",
    .since = "0.1.0",
    .check = check,
};
