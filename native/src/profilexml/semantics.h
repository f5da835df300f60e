/* semantics.h — profile-level facts shared by the list, address and
 * cross-element rules (PX040-PX094): parsed routes, tunnel kind. */
#ifndef VL_PX_SEMANTICS_H
#define VL_PX_SEMANTICS_H

#include "profilexml/addr.h"
#include "profilexml/model.h"

/* Longest stretch of a user value echoed in a message. */
#define VL_SHOW_MAX 120

typedef struct vl_route_info {
    const vl_el *route;     /* the <Route> element */
    const vl_el *address;   /* its Address, NULL if missing */
    const vl_el *prefix_el; /* its PrefixSize, NULL if missing */
    uint64_t prefix;        /* PrefixSize's value when prefix_ok */
    vl_addr addr;
    bool addr_ok;     /* Address is an IPv4/IPv6 literal */
    bool prefix_ok;   /* PrefixSize is a decimal number (any size) */
    bool prefix_fits; /* addr_ok && prefix_ok && prefix <= family bits */
    bool exclusion;   /* ExclusionRoute is "true" */
} vl_route_info;

void vl_px_route_info(const vl_profile *p, const vl_el *route, vl_route_info *out);

/* Routes that go into the tunnel (ExclusionRoute not true). */
size_t vl_px_tunnel_route_count(const vl_profile *p);

/* A <NativeProfile> is present (routing/protocol rules apply only then). */
bool vl_px_is_native(const vl_profile *p);
/* The element `def` is present and strictly "true" / strictly "false". */
bool vl_px_is_true(const vl_profile *p, int def);
bool vl_px_is_false(const vl_profile *p, int def);
/* Human-readable protocol set ("IKEv2", "SSTP, IKEv2", ...) into buf. */
const char *vl_px_protocols_text(unsigned protos, char *buf, size_t size);

/* For each element of `def` (document order) whose non-empty text an earlier
 * one of them already has, ignoring case: found(user, e, first) with the
 * first such earlier element. O(n log n) (a sorted index, core/names.c). */
void vl_px_repeated_texts(const vl_profile *p, int def,
                          void (*found)(void *user, const vl_el *e, const vl_el *first),
                          void *user);

#endif
