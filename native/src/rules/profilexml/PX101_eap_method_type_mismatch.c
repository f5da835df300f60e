/* PX101 eap-method-type-mismatch — EapMethod/Type, Config/Eap/Type and the
 * EapType body must name the same method, and the method must be one the
 * inbox VPN client supports (13, 25, 26). */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

#define NOT_BUILTIN                                                                                \
    "EAP type %d (%s) is not one of the methods documented for Always On VPN (13 EAP-TLS, "        \
    "25 PEAP, 26 EAP-MSCHAPv2); the method must exist on every client and be accepted by "         \
    "the NPS/RADIUS server, and vpnlint cannot check its settings"

static bool is_microsoft_builtin(int t)
{
    return t == VL_EAP_TLS || t == VL_EAP_PEAP || t == VL_EAP_MSCHAPV2;
}

static const char *mname(int t)
{
    const char *n = vl_eap_method_name(t);
    return n ? n : "an unknown method";
}

/* Checks one BaseEap `Eap` element: Type present, numeric, supported, and its
 * EapType body of the same method. */
static void check_eap(vl_ctx *c, const vl_el *eap, const char *where, bool outer)
{
    const vl_profile *p = c->px;
    const vl_el *type_el = vl_eap_child(p, eap, "Type");
    int t = vl_eap_el_type(p, eap);
    if (t == 0) {
        vl_report(c, eap, "%s <Eap> has no <Type>; Windows cannot tell which EAP method to use",
                  where);
        return;
    }
    if (t < 0) {
        vl_report(c, type_el,
                  "%s <Eap><Type> is \"%s\", not an EAP type number (13 EAP-TLS, "
                  "25 PEAP, 26 EAP-MSCHAPv2)",
                  where, type_el->text);
        return;
    }
    if (outer && !is_microsoft_builtin(t)) /* inner methods: PX102 */
        vl_report_sev(c, VPNLINT_SEVERITY_WARNING, type_el, "%s " NOT_BUILTIN, where, t, mname(t));
    const vl_el *body = vl_eap_child(p, eap, "EapType");
    int body_t = body ? vl_eap_ns_method(body->ns) : 0;
    if (body && body_t != 0 && body_t != t)
        vl_report(c, body,
                  "%s <Eap><Type> is %d (%s) but its <EapType> holds %s settings "
                  "(namespace %s); Windows rejects the configuration",
                  where, t, mname(t), mname(body_t), body->ns);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || p->n_eap == 0 || strcmp(p->eap[0].name, "EapHostConfig") != 0)
        return;
    const vl_el *root = &p->eap[0];
    const vl_el *method = vl_eap_child(p, root, "EapMethod");
    const vl_el *mtype = vl_eap_child(p, method, "Type");
    const vl_el *outer = vl_eap_outer(p);
    uint64_t mt = 0;
    bool mt_ok = mtype && vl_text_uint(mtype->text, &mt) && mt < 256;

    if (!mtype)
        vl_report(c, method ? method : root,
                  "<EapHostConfig> has no <EapMethod><Type>; Windows cannot load the EAP method");
    else if (!mt_ok)
        vl_report(c, mtype,
                  "<EapMethod><Type> is \"%s\", not an EAP type number (13 EAP-TLS, "
                  "25 PEAP, 26 EAP-MSCHAPv2)",
                  mtype->text);
    if (!outer) {
        /* EAP-TTLS (21), TEAP (55) and third-party methods put their own
         * element directly under Config (e.g. <EapTtls>), not Config/Eap. */
        const vl_el *cfg = vl_eap_child(p, root, "Config");
        bool has_body = cfg && vl_el_index(p, cfg) + 1 < (int)p->n_eap &&
                        p->eap[vl_el_index(p, cfg) + 1].parent == vl_el_index(p, cfg);
        if (has_body && mt_ok && !is_microsoft_builtin((int)mt))
            vl_report_sev(c, VPNLINT_SEVERITY_WARNING, mtype, "The " NOT_BUILTIN, (int)mt,
                          mname((int)mt));
        else if (!has_body || (mt_ok && is_microsoft_builtin((int)mt)))
            vl_report(c, cfg ? cfg : root,
                      "<EapHostConfig> has no <Config><Eap> method configuration%s; Windows "
                      "cannot configure the EAP method",
                      cfg ? "" : " (no <Config> at all)");
        return;
    }
    check_eap(c, outer, "The outer", true);
    int ot = vl_eap_el_type(p, outer);
    if (mt_ok && ot > 0 && (int)mt != ot)
        vl_report(c, mtype,
                  "<EapMethod><Type> is %d (%s) but <Config><Eap><Type> is %d (%s); "
                  "they must name the same method or Windows rejects the EAP "
                  "configuration",
                  (int)mt, mname((int)mt), ot, mname(ot));
    if (mt_ok && is_microsoft_builtin((int)mt)) {
        static const char *const ids[] = {"VendorId", "VendorType", "AuthorId"};
        for (size_t i = 0; i < 3; i++) {
            const vl_el *v = vl_eap_child(p, method, ids[i]);
            if (v && strcmp(v->text, "0") != 0)
                vl_report(c, v,
                          "<EapMethod><%s> is \"%s\"; Microsoft's built-in %s is "
                          "registered with 0, so Windows looks for a method that is "
                          "not installed",
                          ids[i], v->text, mname((int)mt));
        }
    }
    if (ot == VL_EAP_PEAP) {
        const vl_el *inner = vl_eap_inner(p, outer);
        if (inner && vl_eap_el_type(p, inner) > 0)
            check_eap(c, inner, "The inner", false);
    }
}

VL_RULE(PX101) = {
    .id = "PX101",
    .name = "eap-method-type-mismatch",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "EapMethod/Type, Config/Eap/Type and the EapType settings name different or "
               "unsupported EAP methods",
    .description =
        "EapHostConfig names the method twice: in EapMethod/Type (EapCommon) and in "
        "Config/Eap/Type, and the EapType element that follows holds that method's settings "
        "(its namespace tells which). When they disagree, or the type is not a number, "
        "Windows cannot load the configuration: the profile fails to install or the "
        "connection fails with an EAP error. The built-in VPN client documents 13 (EAP-TLS), "
        "25 (PEAP) and 26 (EAP-MSCHAPv2); other types (21 EAP-TTLS, 55 TEAP, third-party "
        "methods, which put their own element directly under Config) are reported as a "
        "warning because vpnlint cannot check them. For Microsoft's methods VendorId, "
        "VendorType and AuthorId are 0.",
    .fix = "Make EapMethod/Type and Config/Eap/Type the same number and paste the EapType "
           "block exported for that method (Get-VpnConnection ... EapConfigXmlStream).",
    .since = "0.1.0",
    .check = check,
};
