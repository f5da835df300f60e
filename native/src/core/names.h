/* names.h — a sorted index of names for rules that look many names up in a
 * list, or look for repeats: O(n log n) where comparing every pair is O(n^2).
 *
 * Names are byte strings (not copied: they must outlive the index) compared
 * either exactly (strcmp) or ignoring case the way vl_strcasecmp does
 * (tolower on each byte). Each name remembers the order it was added in and
 * an item of the caller's; a lookup finds the earliest added equal name. */
#ifndef VL_NAMES_H
#define VL_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vl_name {
    const char *s;
    size_t len;
    size_t order;     /* 0 for the first name added, 1 for the next ... */
    const void *item; /* the caller's */
} vl_name;

typedef struct vl_names {
    vl_name *v;
    size_t n, cap;
    bool fold;   /* compare ignoring case */
    bool failed; /* out of memory: the index is incomplete, do not use it */
} vl_names;

void vl_names_init(vl_names *x, bool fold);
void vl_names_add(vl_names *x, const char *s, size_t len, const void *item);
/* Sorts the index; call once, after the last vl_names_add. */
void vl_names_sort(vl_names *x);
/* The earliest added name equal to s[0..len), NULL if none. */
const vl_name *vl_names_find(const vl_names *x, const char *s, size_t len);
void vl_names_free(vl_names *x);

#endif
