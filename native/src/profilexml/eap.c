/* eap.c — see eap.h. */
#include "eap.h"

#include <string.h>

const char *const vl_eap_known_ns[] = {
    VL_NS_EAPHOST, VL_NS_EAPCOMMON, VL_NS_BASEEAP, VL_NS_PEAP1, VL_NS_PEAP2,
    VL_NS_PEAP3,   VL_NS_TLS1,      VL_NS_TLS2,    VL_NS_TLS3,  VL_NS_MSCHAP1,
    VL_NS_TTLS1,   VL_NS_TEAP1,     NULL,
};

const char *vl_eap_method_name(int type)
{
    switch (type) {
    case VL_EAP_TLS:
        return "EAP-TLS";
    case VL_EAP_PEAP:
        return "PEAP";
    case VL_EAP_MSCHAPV2:
        return "EAP-MSCHAPv2";
    case 21:
        return "EAP-TTLS";
    case 55:
        return "TEAP";
    default:
        return NULL;
    }
}

const char *vl_eap_method_ns(int type)
{
    switch (type) {
    case VL_EAP_TLS:
        return VL_NS_TLS1;
    case VL_EAP_PEAP:
        return VL_NS_PEAP1;
    case VL_EAP_MSCHAPV2:
        return VL_NS_MSCHAP1;
    case 21:
        return VL_NS_TTLS1;
    default:
        return NULL;
    }
}

int vl_eap_ns_method(const char *ns)
{
    static const int types[] = {VL_EAP_TLS, VL_EAP_PEAP, VL_EAP_MSCHAPV2, 21};
    if (!ns)
        return 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(ns, vl_eap_method_ns(types[i])) == 0)
            return types[i];
    return 0;
}

const vl_el *vl_eap_parent(const vl_profile *p, const vl_el *e)
{
    return e && e->parent >= 0 ? &p->eap[e->parent] : NULL;
}

const vl_el *vl_eap_outer(const vl_profile *p)
{
    if (p->n_eap == 0)
        return NULL;
    const vl_el *cfg = vl_eap_child(p, &p->eap[0], "Config");
    return vl_eap_child(p, cfg, "Eap");
}

int vl_eap_el_type(const vl_profile *p, const vl_el *eap)
{
    const vl_el *t = vl_eap_child(p, eap, "Type");
    if (!t)
        return 0;
    uint64_t v;
    if (!vl_text_uint(t->text, &v) || v > 255)
        return -1;
    return (int)v;
}

const vl_el *vl_eap_inner(const vl_profile *p, const vl_el *eap)
{
    return vl_eap_child(p, vl_eap_child(p, eap, "EapType"), "Eap");
}

const vl_el *vl_eap_tls_type(const vl_profile *p)
{
    const vl_el *outer = vl_eap_outer(p);
    int t = vl_eap_el_type(p, outer);
    if (t == VL_EAP_TLS)
        return vl_eap_child(p, outer, "EapType");
    if (t == VL_EAP_PEAP) {
        const vl_el *inner = vl_eap_inner(p, outer);
        if (vl_eap_el_type(p, inner) == VL_EAP_TLS)
            return vl_eap_child(p, inner, "EapType");
    }
    return NULL;
}

const vl_el *vl_eap_ancestor(const vl_profile *p, const vl_el *e, const char *name)
{
    for (; e; e = vl_eap_parent(p, e))
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

const vl_el *vl_eap_find_in(const vl_profile *p, const vl_el *scope, const vl_el *from,
                            const char *name)
{
    if (!scope)
        return NULL;
    size_t i = from ? (size_t)vl_el_index(p, from) + 1 : (size_t)vl_el_index(p, scope) + 1;
    for (; i < p->n_eap && p->eap[i].depth > scope->depth; i++)
        if (strcmp(p->eap[i].name, name) == 0)
            return &p->eap[i];
    return NULL;
}

bool vl_eap_bool(const vl_el *e, bool *value)
{
    return e && vl_text_bool(e->text, value);
}

bool vl_px_compliance_enabled(const vl_profile *p)
{
    const vl_el *en = vl_px_child(p, vl_px_first(p, VL_PX_DeviceCompliance), VL_PX_DC_Enabled);
    bool v;
    return en && vl_text_bool(en->text, &v) && v;
}
