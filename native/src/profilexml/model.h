/* model.h — the ProfileXML document as rules see it.
 *
 * One walk over the parsed tree records every element under <VPNProfile> in
 * document order (vl_el), tagged with its schema definition (schema.def), so
 * that rules look elements up by ID instead of walking the tree again. The
 * EAP configuration (inline or entity-escaped) is a second element list. */
#ifndef VL_PX_MODEL_H
#define VL_PX_MODEL_H

#include "core/input.h"
#include "core/rule.h"

typedef enum vl_px_type {
    VL_T_CONTAINER,
    VL_T_STRING,
    VL_T_BOOL,
    VL_T_ENUM,
    VL_T_UINT,
    VL_T_EAP,
    VL_T_ANY
} vl_px_type;

/* schema flags */
#define VL_PXF_NOT_IN_XSD (1u << 0)  /* accepted by Windows, absent from the 2023 XSD */
#define VL_PXF_RESERVED (1u << 1)    /* "reserved for future use" in the CSP */
#define VL_PXF_GET_ONLY (1u << 2)    /* read-back data, not deployable */
#define VL_PXF_SECRET (1u << 3)      /* value is a secret: never echo it */
#define VL_PXF_DEVICE_ONLY (1u << 4) /* ./Device scope only */
#define VL_PXF_USER_ONLY (1u << 5)   /* ./User scope only */
#define VL_PXF_STRICT_BOOL (1u << 6) /* non-lowercase boolean silently breaks config */
#define VL_PXF_BOOL01 (1u << 7)      /* 0/1 accepted as well as true/false */

typedef enum vl_px_id {
    VL_PX_NONE = -1,
#define X(ID, PARENT, NAME, TYPE, MIN, MAX, BUILD, ENUM, LO, HI, FLAGS) VL_PX_##ID,
#include "schema.def"
#undef X
    VL_PX__COUNT,
    VL_PX_UNKNOWN = 1000 /* an element the schema does not know */
} vl_px_id;

typedef struct vl_px_def {
    vl_px_id id;
    vl_px_id parent;
    const char *name;
    vl_px_type type;
    unsigned min_occurs, max_occurs; /* max 0 = unbounded */
    uint32_t build;
    const char *const *enum_values; /* NULL-terminated, canonical spelling */
    uint64_t lo, hi;
    unsigned flags;
} vl_px_def;

extern const vl_px_def vl_px_defs[VL_PX__COUNT];
/* The definition of schema id `id`, NULL for VL_PX_UNKNOWN / VL_PX_NONE. */
static inline const vl_px_def *vl_px_def_get(int id)
{
    return id >= 0 && id < VL_PX__COUNT ? &vl_px_defs[id] : NULL;
}
/* "NativeProfile/Authentication/UserMethod" into buf; returns buf. */
const char *vl_px_def_path(int id, char *buf, size_t size);

/* An element of the ProfileXML tree or of the EAP configuration. Recorded
 * from the parser's events; no tree is kept. */
struct vl_el {
    const char *name; /* local name */
    const char *ns;   /* namespace URI, NULL if none */
    const char *text; /* trimmed text content, "" if none (containers: "") */
    int parent;       /* index of parent in the same list, -1 for the root */
    int next_same;    /* ProfileXML: next element with the same def, -1 */
    unsigned line;    /* 1-based line in the original file (of the start tag's end) */
    int16_t def;      /* vl_px_id, VL_PX_UNKNOWN, or VL_PX_NONE for EAP elements */
    uint8_t depth;    /* root = 0 */
    uint8_t flags;    /* VL_ELF_* */
};
#define VL_ELF_HAS_ELEMENTS (1u << 0) /* has child elements (modelled or not) */
#define VL_ELF_EAP (1u << 1)          /* in the EAP list (location from p->eap_src) */

/* Non-whitespace text between the child elements of a container (ProfileXML)
 * or of an EAP element that has element children; one per text node. */
typedef struct vl_stray {
    int parent;            /* index into p->els (p->stray) or p->eap (p->eap_stray) */
    unsigned line;         /* best guess of its line (p->stray only) */
    const char *text;      /* its own text, trimmed, first line, at most 40 bytes */
    const char *all;       /* the parent's whole text content, trimmed */
    unsigned anchor;       /* line of the previous sibling node (or the parent) */
    unsigned prev_last;    /* last line of the previous sibling node's subtree, 0 if none */
    unsigned next_element; /* line of the next sibling element, 0 if none */
} vl_stray;

/* The first comment inside a value element (PX010). */
typedef struct vl_value_comment {
    int el;        /* index into p->els or p->eap */
    bool eap;      /* in the EAP list */
    unsigned line; /* line where the comment starts */
} vl_value_comment;

typedef struct vl_attr {
    int el; /* index into p->els or p->eap */
    bool eap;
    const char *name;  /* local name */
    const char *value; /* decoded */
} vl_attr;

/* Opaque elements (CustomConfiguration, Eap/Configuration): text facts. */
typedef struct vl_opaque {
    int el;           /* index into p->els */
    unsigned text_nl; /* line breaks in its text */
} vl_opaque;

typedef enum vl_eap_form {
    VL_EAP_ABSENT = 0, /* no Eap/Configuration element */
    VL_EAP_EMPTY,      /* Configuration is empty or holds only comments */
    VL_EAP_INLINE,     /* EapHostConfig as child elements */
    VL_EAP_ESCAPED,    /* EapHostConfig as entity-escaped text */
    VL_EAP_MALFORMED   /* escaped text that is not well-formed XML */
} vl_eap_form;

struct vl_profile {
    vl_src src; /* where the ProfileXML text sits in the file */
    vl_el *els; /* ProfileXML elements in document order; els[0] is the root */
    size_t n_els;
    int first[VL_PX__COUNT];
    int count[VL_PX__COUNT];
    /* EAP configuration */
    vl_eap_form eap_form;
    const vl_el *eap_config; /* the Configuration element, NULL if absent */
    vl_src eap_src;
    bool eap_not_xml; /* escaped form whose text does not start with '<' */
    vl_el *eap;       /* EAP elements in document order; eap[0] is EapHostConfig */
    size_t n_eap;
    /* non-whitespace text found where only elements belong */
    vl_stray *stray; /* in ProfileXML containers, document order */
    size_t n_stray;
    size_t *stray_order; /* p->stray indexes by parent, then document order
                            (NULL: fewer than two strays, or no memory) */
    vl_stray *eap_stray; /* in EAP elements, by parent then document order */
    size_t n_eap_stray;
    vl_value_comment *comments; /* ProfileXML ones first, then EAP ones */
    size_t n_comments;
    vl_attr *attrs; /* ProfileXML ones first, then EAP ones, by element */
    size_t n_attrs, n_px_attrs;
    vl_opaque *opaque;
    size_t n_opaque;
    struct _xmlDict *dict; /* element names and namespace URIs */
    vl_arena *arena;
    /* protocol set and routing policy, computed once when the model is built */
    unsigned protocols;
    int routing;
    /* derived facts computed once on first use by the rules (semantics.c) */
    struct vl_px_cache *cache;
    /* the schema as a tree: first child / next sibling definition ids */
    int schema_first_child[VL_PX__COUNT + 1];
    int schema_next_sibling[VL_PX__COUNT];
};

/* Position of e in its list (p->els, or p->eap for an EAP element). */
static inline int vl_el_index(const vl_profile *p, const vl_el *e)
{
    return (int)(e - ((e->flags & VL_ELF_EAP) ? p->eap : p->els));
}

/* Schema children of definition `def`: for (k = vl_px_schema_child(p, def); k >= 0;
 * k = vl_px_schema_sibling(p, k)). VL_PX_NONE gives the root. */
int vl_px_schema_child(const vl_profile *p, int def);
int vl_px_schema_sibling(const vl_profile *p, int def);

/* ---- lookups (all O(1) or O(children)) */
const vl_el *vl_px_first(const vl_profile *p, int def);
const vl_el *vl_px_next(const vl_profile *p, const vl_el *e); /* next with same def */
size_t vl_px_count(const vl_profile *p, int def);
const vl_el *vl_px_parent(const vl_profile *p, const vl_el *e);
/* First child of `parent` with schema id `def` (parent NULL = first anywhere). */
const vl_el *vl_px_child(const vl_profile *p, const vl_el *parent, int def);
/* Text of the first element with `def`, NULL if absent. */
const char *vl_px_value(const vl_profile *p, int def);
/* Lowercase true/false of the first element with `def`; `dflt` if absent or
 * not a valid boolean. */
bool vl_px_bool(const vl_profile *p, int def, bool dflt);

/* Does `parent` (an el of the same list) contain `e`? */
bool vl_el_within(const vl_el *list, const vl_el *parent, const vl_el *e);

/* ---- EAP configuration */
/* Next EAP element with local name `name` after `from` (NULL: from start). */
const vl_el *vl_eap_find(const vl_profile *p, const vl_el *from, const char *name);
/* First child (direct) of `parent` with local name `name`. */
const vl_el *vl_eap_child(const vl_profile *p, const vl_el *parent, const char *name);
/* Value of attribute `attr` on an element, NULL if absent (arena-owned). */
const char *vl_el_attr(const vl_profile *p, const vl_el *e, const char *attr);
/* Where the element's text sits: p->src or p->eap_src. */
const vl_src *vl_el_src(const vl_profile *p, const vl_el *e);
/* Line breaks in the text of an opaque element (CustomConfiguration,
 * Eap/Configuration); false when it has element children or is not opaque. */
bool vl_px_text_lines(const vl_profile *p, const vl_el *e, unsigned *nl);
/* The trimmed text of a container that holds text instead of (only)
 * elements (<App>C:\path</App>), NULL if none. */
const char *vl_px_container_text(const vl_profile *p, const vl_el *e);

/* ---- derived facts used by many rules */
#define VL_PROTO_PPTP (1u << 0)
#define VL_PROTO_L2TP (1u << 1)
#define VL_PROTO_IKEV2 (1u << 2)
#define VL_PROTO_SSTP (1u << 3)
#define VL_PROTO_ALL 0xFu
/* Protocols the profile may use: from NativeProtocolType (Automatic = all),
 * or the ProtocolList entries. 0 for plug-in profiles or unknown values. */
unsigned vl_px_protocols(const vl_profile *p);

typedef enum vl_routing { VL_ROUTE_DEFAULT_FORCE, VL_ROUTE_SPLIT, VL_ROUTE_FORCE } vl_routing;
/* NativeProfile/RoutingPolicyType; absent means force tunnel (the default). */
vl_routing vl_px_routing(const vl_profile *p);

/* EAP method type (13, 25, 26, ...) of the outer method, 0 if none. */
int vl_px_eap_type(const vl_profile *p);

/* ---- text helpers for values */
bool vl_text_bool(const char *text, bool *value); /* strictly "true"/"false" */
bool vl_text_uint(const char *text, uint64_t *value);

/* ---- model lifecycle (model.c); the cache is freed by semantics.c */
void vl_px_cache_free(struct vl_px_cache *cache);
int vl_profile_build(vl_profile **out, vl_input *in, const vpnlint_options *opt);
void vl_profile_free(vl_profile *p);

#endif
