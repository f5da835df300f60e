/* semantics.c — see semantics.h. */
#include "profilexml/semantics.h"

#include <stdio.h>
#include <string.h>

void vl_px_route_info(const vl_profile *p, const vl_el *route, vl_route_info *out)
{
    memset(out, 0, sizeof *out);
    out->route = route;
    out->address = vl_px_child(p, route, VL_PX_RT_Address);
    out->prefix_el = vl_px_child(p, route, VL_PX_RT_PrefixSize);
    if (out->address)
        out->addr_ok = vl_addr_parse_str(out->address->text, &out->addr);
    if (out->prefix_el)
        out->prefix_ok = vl_text_uint(out->prefix_el->text, &out->prefix);
    out->prefix_fits = out->addr_ok && out->prefix_ok && out->prefix <= vl_addr_bits(&out->addr);
    const vl_el *ex = vl_px_child(p, route, VL_PX_RT_ExclusionRoute);
    bool v = false;
    out->exclusion = ex && vl_text_bool(ex->text, &v) && v;
}

bool vl_px_is_native(const vl_profile *p)
{
    return vl_px_first(p, VL_PX_NativeProfile) != NULL;
}

bool vl_px_is_true(const vl_profile *p, int def)
{
    const char *t = vl_px_value(p, def);
    return t && strcmp(t, "true") == 0;
}

bool vl_px_is_false(const vl_profile *p, int def)
{
    const char *t = vl_px_value(p, def);
    return t && strcmp(t, "false") == 0;
}

const char *vl_px_protocols_text(unsigned protos, char *buf, size_t size)
{
    static const char *const names[] = {"PPTP", "L2TP", "IKEv2", "SSTP"};
    size_t n = 0;
    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (unsigned i = 0; i < 4; i++) {
        if (!(protos & (1u << i)))
            continue;
        int w = snprintf(buf + n, size - n, "%s%s", n ? ", " : "", names[i]);
        if (w < 0 || (size_t)w >= size - n)
            break;
        n += (size_t)w;
    }
    if (n == 0)
        snprintf(buf, size, "none");
    return buf;
}
