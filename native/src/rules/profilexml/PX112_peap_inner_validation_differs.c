/* PX112 peap-inner-validation-differs — PEAP's outer ServerValidation and
 * the inner EAP-TLS ServerValidation name different servers or roots. */
#include "core/names.h"
#include "core/rule.h"
#include "profilexml/eap.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Normalised token: lowercase, without spaces; written into out. */
static size_t norm(const char *s, size_t n, bool strip_spaces, char *out, size_t cap)
{
    size_t o = 0;
    size_t tl;
    s = vl_trim(s, n, &tl);
    for (size_t i = 0; i < tl && o + 1 < cap; i++) {
        if (strip_spaces && s[i] == ' ')
            continue;
        out[o++] = (char)tolower((unsigned char)s[i]);
    }
    out[o] = '\0';
    return o;
}

/* The normalised tokens of one side, each at most 255 bytes (as norm()
 * writes them into a 256-byte buffer), indexed for lookups: comparing every
 * token of one side with every token of the other is quadratic, and both
 * lists come from the file. */
typedef struct side {
    char *pool; /* the tokens, NUL-separated */
    size_t used, cap;
    vl_names idx;
} side;

static void side_init(side *x)
{
    memset(x, 0, sizeof *x);
    vl_names_init(&x->idx, false);
}

static void side_free(side *x)
{
    free(x->pool);
    vl_names_free(&x->idx);
}

/* Appends the token; the index is built from the pool once it is complete
 * (the pool moves while it grows). */
static void side_add(side *x, const char *s, size_t n, bool strip_spaces)
{
    char tok[256];
    size_t len = norm(s, n, strip_spaces, tok, sizeof tok);
    if (x->used + len + 1 > x->cap) {
        size_t nc = x->cap ? x->cap * 2 : 256;
        while (nc < x->used + len + 1)
            nc *= 2;
        char *p = realloc(x->pool, nc);
        if (!p) {
            x->idx.failed = true;
            return;
        }
        x->pool = p;
        x->cap = nc;
    }
    memcpy(x->pool + x->used, tok, len + 1);
    x->used += len + 1;
}

static bool side_index(side *x)
{
    for (size_t at = 0; at < x->used && !x->idx.failed; at += strlen(x->pool + at) + 1)
        vl_names_add(&x->idx, x->pool + at, strlen(x->pool + at), NULL);
    vl_names_sort(&x->idx);
    return !x->idx.failed;
}

/* The ';'-separated items of a ServerNames text. */
static bool names_side(const char *a, side *x)
{
    side_init(x);
    for (const char *p = a; *p;) {
        const char *end = p + strcspn(p, ";");
        side_add(x, p, (size_t)(end - p), false);
        p = *end ? end + 1 : end;
    }
    return side_index(x);
}

/* The TrustedRootCA texts inside a ServerValidation, spaces removed. */
static bool roots_side(const vl_profile *p, const vl_el *sv, side *x)
{
    side_init(x);
    for (const vl_el *r = vl_eap_find_in(p, sv, NULL, "TrustedRootCA"); r;
         r = vl_eap_find_in(p, sv, r, "TrustedRootCA"))
        side_add(x, r->text, strlen(r->text), true);
    return side_index(x);
}

/* Is every non-empty token of a among the tokens of b? */
static bool subset(const side *a, const side *b)
{
    for (size_t at = 0; at < a->used; at += strlen(a->pool + at) + 1) {
        size_t len = strlen(a->pool + at);
        if (len > 0 && !vl_names_find(&b->idx, a->pool + at, len))
            return false;
    }
    return true;
}

/* Do the two sides hold the same non-empty tokens? -1 without memory. */
static int same(side *a, side *b, bool ok)
{
    int r = ok ? subset(a, b) && subset(b, a) : -1;
    side_free(a);
    side_free(b);
    return r;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    const vl_el *outer = vl_eap_outer(p);
    if (vl_eap_el_type(p, outer) != VL_EAP_PEAP)
        return;
    const vl_el *inner = vl_eap_inner(p, outer);
    if (vl_eap_el_type(p, inner) != VL_EAP_TLS)
        return;
    const vl_el *osv = vl_eap_child(p, vl_eap_child(p, outer, "EapType"), "ServerValidation");
    const vl_el *isv = vl_eap_child(p, vl_eap_child(p, inner, "EapType"), "ServerValidation");
    if (!osv || !isv)
        return;
    const vl_el *on = vl_eap_child(p, osv, "ServerNames");
    const vl_el *in = vl_eap_child(p, isv, "ServerNames");
    const char *ot = on ? on->text : "", *it = in ? in->text : "";
    side a, b;
    bool ok = names_side(ot, &a);
    ok = names_side(it, &b) && ok;
    if (same(&a, &b, ok) == 0)
        vl_report(c, in ? in : isv,
                  "the inner EAP-TLS ServerNames (\"%s\") differ from PEAP's outer ServerNames "
                  "(\"%s\"); both validate the same NPS server and Microsoft's samples keep "
                  "them identical",
                  it, ot);
    ok = roots_side(p, osv, &a);
    ok = roots_side(p, isv, &b) && ok;
    if (same(&a, &b, ok) == 0)
        vl_report(c, isv,
                  "the inner EAP-TLS TrustedRootCA list differs from PEAP's outer list; both "
                  "validate the same NPS server certificate, keep them identical");
}

VL_RULE(PX112) = {
    .id = "PX112",
    .name = "peap-inner-validation-differs",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "PEAP's outer and inner EAP-TLS server validation name different servers or "
               "root CAs",
    .description =
        "In PEAP-TLS both the outer PEAP settings and the inner EAP-TLS settings carry a "
        "ServerValidation block (ServerNames, TrustedRootCA). They validate the same NPS "
        "server, and the configurations Windows exports as well as Microsoft's and Richard "
        "Hicks' samples keep the two identical. A difference is usually an edit made in one "
        "place only, for example after the NPS certificate was renewed under a new root.",
    .fix = "Copy the outer PEAP ServerNames and TrustedRootCA values into the inner EAP-TLS "
           "ServerValidation (or re-export the EAP XML from a working connection).",
    .since = "0.1.0",
    .check = check,
};
