/* eap.h — navigation helpers over the EAP configuration list of the model
 * (p->eap), shared by the EAP rules (PX100-PX114). All lookups are by local
 * name inside the modelled list; none walks the libxml2 tree. */
#ifndef VL_PX_EAP_H
#define VL_PX_EAP_H

#include "model.h"

#define VL_NS_BASE "http://www.microsoft.com/provisioning/"
#define VL_NS_EAPHOST VL_NS_BASE "EapHostConfig"
#define VL_NS_EAPCOMMON VL_NS_BASE "EapCommon"
#define VL_NS_BASEEAP VL_NS_BASE "BaseEapConnectionPropertiesV1"
#define VL_NS_PEAP1 VL_NS_BASE "MsPeapConnectionPropertiesV1"
#define VL_NS_PEAP2 VL_NS_BASE "MsPeapConnectionPropertiesV2"
#define VL_NS_PEAP3 VL_NS_BASE "MsPeapConnectionPropertiesV3"
#define VL_NS_TLS1 VL_NS_BASE "EapTlsConnectionPropertiesV1"
#define VL_NS_TLS2 VL_NS_BASE "EapTlsConnectionPropertiesV2"
#define VL_NS_TLS3 VL_NS_BASE "EapTlsConnectionPropertiesV3"
#define VL_NS_MSCHAP1 VL_NS_BASE "MsChapV2ConnectionPropertiesV1"
#define VL_NS_TTLS1 VL_NS_BASE "EapTtlsConnectionPropertiesV1"
#define VL_NS_TEAP1 VL_NS_BASE "EapTeapConnectionPropertiesV1"

#define VL_EAP_TLS 13
#define VL_EAP_PEAP 25
#define VL_EAP_MSCHAPV2 26

/* NULL-terminated list of the namespace URIs Windows' EAP methods use. */
extern const char *const vl_eap_known_ns[];

/* Method name for a type number ("EAP-TLS", "PEAP", ...), "EAP type N" style
 * names are not produced: NULL for unknown numbers. */
const char *vl_eap_method_name(int type);
/* Namespace of the EapType element for a method type, NULL if unknown. */
const char *vl_eap_method_ns(int type);
/* Method type whose EapType namespace is `ns`, 0 if none. */
int vl_eap_ns_method(const char *ns);

/* Parent of an EAP element, NULL for the root. */
const vl_el *vl_eap_parent(const vl_profile *p, const vl_el *e);
/* The `Config/Eap` element of EapHostConfig (the outer method), NULL if none. */
const vl_el *vl_eap_outer(const vl_profile *p);
/* Type number of a BaseEap `Eap` element (its Type child); 0 if missing,
 * -1 if present but not a number. */
int vl_eap_el_type(const vl_profile *p, const vl_el *eap);
/* For a PEAP `Eap` element: the inner `Eap` element inside its EapType. */
const vl_el *vl_eap_inner(const vl_profile *p, const vl_el *eap);
/* The EAP-TLS EapType element doing certificate authentication: the outer
 * EapType when the outer method is EAP-TLS, the inner one for PEAP-TLS;
 * NULL when the configuration is not certificate-based. */
const vl_el *vl_eap_tls_type(const vl_profile *p);
/* Nearest ancestor (or self) named `name`, NULL if none. */
const vl_el *vl_eap_ancestor(const vl_profile *p, const vl_el *e, const char *name);
/* Next element after `from` (NULL = start) named `name` inside `scope`
 * (a descendant of it), NULL when none is left. */
const vl_el *vl_eap_find_in(const vl_profile *p, const vl_el *scope, const vl_el *from,
                            const char *name);
/* Strict lowercase boolean text of an element; false if e is NULL or the
 * text is not "true"/"false". */
bool vl_eap_bool(const vl_el *e, bool *value);

/* Is DeviceCompliance/Enabled "true"? */
bool vl_px_compliance_enabled(const vl_profile *p);

#endif
