/* semantics.c — see semantics.h. */
#include "profilexml/semantics.h"

#include "core/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Routes are parsed once per profile, on first use, and shared by every
 * route rule (a device tunnel may carry thousands of host routes). A cached
 * route takes 36 bytes: element indexes instead of pointers, the prefix in
 * 32 bits (a larger one is parsed again when asked for). */
typedef struct cached {
    int route, address, prefix_el; /* indexes into p->els, -1 if missing */
    uint32_t prefix;
    uint8_t family;
    uint8_t flags;
    uint8_t b[16];
} cached;

enum { C_ADDR_OK = 1, C_PREFIX_OK = 2, C_FITS = 4, C_EXCL = 8, C_PREFIX_BIG = 16 };

struct vl_px_cache {
    cached *routes; /* in document order, so sorted by element index */
    size_t n_routes;
};

static void route_info_compute(const vl_profile *p, const vl_el *route, vl_route_info *out);

void vl_px_cache_free(struct vl_px_cache *cache)
{
    if (!cache)
        return;
    free(cache->routes);
    free(cache);
}

static void pack(const vl_profile *p, const vl_route_info *ri, cached *c)
{
    c->route = vl_el_index(p, ri->route);
    c->address = ri->address ? vl_el_index(p, ri->address) : -1;
    c->prefix_el = ri->prefix_el ? vl_el_index(p, ri->prefix_el) : -1;
    c->prefix = ri->prefix > UINT32_MAX ? UINT32_MAX : (uint32_t)ri->prefix;
    c->family = (uint8_t)ri->addr.family;
    memcpy(c->b, ri->addr.b, sizeof c->b);
    c->flags = (uint8_t)((ri->addr_ok ? C_ADDR_OK : 0) | (ri->prefix_ok ? C_PREFIX_OK : 0) |
                         (ri->prefix_fits ? C_FITS : 0) | (ri->exclusion ? C_EXCL : 0) |
                         (ri->prefix > UINT32_MAX ? C_PREFIX_BIG : 0));
}

static void unpack(const vl_profile *p, const cached *c, vl_route_info *out)
{
    memset(out, 0, sizeof *out);
    out->route = &p->els[c->route];
    out->address = c->address >= 0 ? &p->els[c->address] : NULL;
    out->prefix_el = c->prefix_el >= 0 ? &p->els[c->prefix_el] : NULL;
    out->prefix = c->prefix;
    if ((c->flags & C_PREFIX_BIG) && out->prefix_el)
        vl_text_uint(out->prefix_el->text, &out->prefix);
    out->addr.family = c->family;
    memcpy(out->addr.b, c->b, sizeof c->b);
    out->addr_ok = c->flags & C_ADDR_OK;
    out->prefix_ok = c->flags & C_PREFIX_OK;
    out->prefix_fits = c->flags & C_FITS;
    out->exclusion = c->flags & C_EXCL;
}

static const cached *cached_route(const vl_profile *p, const vl_el *route)
{
    vl_profile *mp = (vl_profile *)p; /* the cache is derived data, not the model */
    if (!mp->cache) {
        struct vl_px_cache *c = calloc(1, sizeof *c);
        size_t n = vl_px_count(p, VL_PX_Route);
        if (!c || (n && !(c->routes = calloc(n, sizeof *c->routes)))) {
            free(c);
            return NULL;
        }
        for (const vl_el *r = vl_px_first(p, VL_PX_Route); r && c->n_routes < n;
             r = vl_px_next(p, r)) {
            vl_route_info ri;
            route_info_compute(p, r, &ri);
            pack(p, &ri, &c->routes[c->n_routes++]);
        }
        mp->cache = c;
    }
    size_t lo = 0, hi = mp->cache->n_routes;
    if (route < p->els || route >= p->els + p->n_els)
        return NULL;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int r = mp->cache->routes[mid].route;
        if (r == vl_el_index(p, route))
            return &mp->cache->routes[mid];
        if (r < vl_el_index(p, route))
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void vl_px_route_info(const vl_profile *p, const vl_el *route, vl_route_info *out)
{
    const cached *c = cached_route(p, route);
    if (c) {
        unpack(p, c, out);
        return;
    }
    route_info_compute(p, route, out);
}

static void route_info_compute(const vl_profile *p, const vl_el *route, vl_route_info *out)
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

size_t vl_px_tunnel_route_count(const vl_profile *p)
{
    size_t n = 0;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r; r = vl_px_next(p, r)) {
        vl_route_info ri;
        vl_px_route_info(p, r, &ri);
        if (!ri.exclusion)
            n++;
    }
    return n;
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

void vl_px_repeated_texts(const vl_profile *p, int def,
                          void (*found)(void *user, const vl_el *e, const vl_el *first), void *user)
{
    /* sorted ignoring case, document order among equal texts: the first of
     * each kind is the earliest */
    vl_names x;
    vl_names_init(&x, true);
    for (const vl_el *e = vl_px_first(p, def); e; e = vl_px_next(p, e))
        if (*e->text)
            vl_names_add(&x, e->text, strlen(e->text), e);
    vl_names_sort(&x);
    for (const vl_el *e = vl_px_first(p, def); e && !x.failed; e = vl_px_next(p, e)) {
        if (!*e->text)
            continue;
        const vl_name *first = vl_names_find(&x, e->text, strlen(e->text));
        if (first && first->item != e)
            found(user, e, first->item);
    }
    vl_names_free(&x);
}
