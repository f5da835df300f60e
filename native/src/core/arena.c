/* arena.c — bump allocator for a model's many small strings. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct vl_chunk {
    struct vl_chunk *next;
    size_t used, cap;
    max_align_t data[];
} vl_chunk;

struct vl_arena {
    vl_chunk *head;
};

vl_arena *vl_arena_new(void)
{
    return vl_calloc(1, sizeof(vl_arena));
}

void vl_arena_free(vl_arena *a)
{
    if (!a)
        return;
    vl_chunk *c = a->head;
    while (c) {
        vl_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *vl_arena_alloc(vl_arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (!a->head || a->head->cap - a->head->used < n) {
        size_t cap = n > 8192 ? n : 8192;
        vl_chunk *c = vl_malloc(sizeof(vl_chunk) + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)a->head->data + a->head->used;
    a->head->used += n;
    return p;
}

char *vl_arena_strndup(vl_arena *a, const char *s, size_t n)
{
    char *d = vl_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
