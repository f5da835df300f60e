/* names.c — see names.h. */
#include "core/names.h"

#include "core/internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void vl_names_init(vl_names *x, bool fold)
{
    memset(x, 0, sizeof *x);
    x->fold = fold;
}

void vl_names_add(vl_names *x, const char *s, size_t len, const void *item)
{
    if (x->failed)
        return;
    vl_name *v = vl_grow(x->v, x->n, &x->cap, sizeof *v, 16);
    if (!v) {
        x->failed = true;
        return;
    }
    x->v = v;
    x->v[x->n] = (vl_name){s, len, x->n, item};
    x->n++;
}

/* Byte-wise order of the case-folded (or exact) strings, shorter first on a
 * common prefix: equal exactly when vl_strcasecmp (or strcmp) says so. */
static int cmp_text(const char *a, size_t la, const char *b, size_t lb, bool fold)
{
    size_t n = la < lb ? la : lb;
    for (size_t i = 0; i < n; i++) {
        int ca = (unsigned char)a[i], cb = (unsigned char)b[i];
        if (fold) {
            ca = tolower(ca);
            cb = tolower(cb);
        }
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return la < lb ? -1 : la > lb;
}

static int cmp_exact(const void *a, const void *b)
{
    const vl_name *x = a, *y = b;
    int c = cmp_text(x->s, x->len, y->s, y->len, false);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

static int cmp_fold(const void *a, const void *b)
{
    const vl_name *x = a, *y = b;
    int c = cmp_text(x->s, x->len, y->s, y->len, true);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

void vl_names_sort(vl_names *x)
{
    if (x->n > 1)
        qsort(x->v, x->n, sizeof *x->v, x->fold ? cmp_fold : cmp_exact);
}

const vl_name *vl_names_find(const vl_names *x, const char *s, size_t len)
{
    size_t lo = 0, hi = x->n; /* the first name >= s */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_text(x->v[mid].s, x->v[mid].len, s, len, x->fold) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < x->n && cmp_text(x->v[lo].s, x->v[lo].len, s, len, x->fold) == 0)
        return &x->v[lo];
    return NULL;
}

void vl_names_free(vl_names *x)
{
    free(x->v);
    memset(x, 0, sizeof *x);
}
