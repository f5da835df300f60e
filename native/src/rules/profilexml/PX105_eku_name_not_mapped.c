/* PX105 eku-name-not-mapped — every EKUMapInList/EKUName must be declared in
 * EKUMapping/EKUMap, and every EKUMap needs a name and a valid OID. */
#include "core/names.h"
#include "core/rule.h"
#include "profilexml/eap.h"
#include "profilexml/values.h"

#include <string.h>

/* The EKUName of every EKUMap in a FilteringInfo, in document order, indexed
 * by exact name and ignoring case: find_map is then a binary search, not a
 * walk over every map for every name. */
typedef struct maps {
    vl_names exact, folded;
} maps;

static bool index_maps(const vl_profile *p, const vl_el *fi, maps *x)
{
    vl_names_init(&x->exact, false);
    vl_names_init(&x->folded, true);
    for (const vl_el *m = vl_eap_find_in(p, fi, NULL, "EKUMap"); m;
         m = vl_eap_find_in(p, fi, m, "EKUMap")) {
        const vl_el *n = vl_eap_child(p, m, "EKUName");
        if (!n)
            continue;
        vl_names_add(&x->exact, n->text, strlen(n->text), n);
        vl_names_add(&x->folded, n->text, strlen(n->text), n);
    }
    vl_names_sort(&x->exact);
    vl_names_sort(&x->folded);
    return !x->exact.failed && !x->folded.failed;
}

static void free_maps(maps *x)
{
    vl_names_free(&x->exact);
    vl_names_free(&x->folded);
}

/* The EKUName of the first EKUMap (document order) named `name`. */
static const vl_el *find_map(const maps *x, const char *name, bool ci)
{
    const vl_name *n = vl_names_find(ci ? &x->folded : &x->exact, name, strlen(name));
    return n ? n->item : NULL;
}

static void check_filtering(vl_ctx *c, const vl_el *fi)
{
    const vl_profile *p = c->px;
    maps x;
    if (!index_maps(p, fi, &x)) {
        free_maps(&x);
        return;
    }
    for (const vl_el *m = vl_eap_find_in(p, fi, NULL, "EKUMap"); m;
         m = vl_eap_find_in(p, fi, m, "EKUMap")) {
        const vl_el *n = vl_eap_child(p, m, "EKUName");
        const vl_el *oid = vl_eap_child(p, m, "EKUOID");
        if (!n || !n->text[0])
            vl_report(c, m, "<EKUMap> has no <EKUName>; EKUMapInList cannot refer to it");
        if (!oid || !oid->text[0])
            vl_report(c, m, "<EKUMap> has no <EKUOID>; the custom EKU filter matches nothing");
        else if (!vl_oid_valid(oid->text))
            vl_report(c, oid,
                      "<EKUOID> \"%s\" is not a valid dotted OID (for example "
                      "1.3.6.1.4.1.311.87); Windows rejects the EAP configuration or "
                      "no certificate matches the filter",
                      oid->text);
        /* one name, two different OIDs */
        if (n && n->text[0] && oid) {
            const vl_el *first = find_map(&x, n->text, false);
            const vl_el *first_oid =
                first ? vl_eap_child(p, vl_eap_parent(p, first), "EKUOID") : NULL;
            if (first && first != n && first_oid && strcmp(first_oid->text, oid->text) != 0)
                vl_report(c, n,
                          "EKUName \"%s\" is declared twice with different OIDs (%s and "
                          "%s); which one Windows uses is undefined",
                          n->text, first_oid->text, oid->text);
        }
    }
    for (const vl_el *in = vl_eap_find_in(p, fi, NULL, "EKUMapInList"); in;
         in = vl_eap_find_in(p, fi, in, "EKUMapInList")) {
        const vl_el *n = vl_eap_child(p, in, "EKUName");
        const vl_el *list = vl_eap_parent(p, in);
        if (!n || !n->text[0]) {
            vl_report(c, in, "<EKUMapInList> has no <EKUName>");
            continue;
        }
        if (find_map(&x, n->text, false))
            continue;
        const vl_el *ci = find_map(&x, n->text, true);
        if (ci)
            vl_report(c, n,
                      "EKUName \"%s\" in <%s> differs only in case from the declared "
                      "\"%s\"; names must match exactly",
                      n->text, list ? list->name : "EKUMapInList", ci->text);
        else
            vl_report(c, n,
                      "EKUName \"%s\" in <%s> is not declared in "
                      "EKUMapping/EKUMap; Windows rejects the filter, so certificate "
                      "selection fails",
                      n->text, list ? list->name : "EKUMapInList");
    }
    free_maps(&x);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (const vl_el *fi = vl_eap_find(p, NULL, "FilteringInfo"); fi;
         fi = vl_eap_find(p, fi, "FilteringInfo"))
        check_filtering(c, fi);
}

VL_RULE(PX105) = {
    .id = "PX105",
    .name = "eku-name-not-mapped",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "An EKU filter refers to an EKUName that EKUMapping does not declare, or an "
               "EKUMap is incomplete or has an invalid OID",
    .description =
        "In the EAP-TLS FilteringInfo, custom EKUs are declared once in "
        "EKUMapping/EKUMap (EKUName + EKUOID) and then referenced by name from "
        "ClientAuthEKUList or AnyPurposeEKUList (EKUMapInList/EKUName). Microsoft's EAP "
        "configuration guide states every name used in EKUMapInList must first be declared "
        "in EKUMapping. An undeclared or misspelled name, a map without name or OID, or an "
        "OID that is not dotted decimal makes the filter invalid: the EAP configuration is "
        "refused or no certificate is selected.",
    .fix = "Declare each EKUName in <EKUMapping><EKUMap><EKUName>...</EKUName><EKUOID>...</EKUOID>"
           "</EKUMap></EKUMapping> with exactly the same spelling you use in EKUMapInList, and "
           "a dotted OID such as 1.3.6.1.4.1.311.87.",
    .since = "0.1.0",
    .check = check,
};
