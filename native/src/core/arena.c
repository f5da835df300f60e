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

/* Takes n bytes at `align` (a power of two) from the current chunk, or a new one. */
static void *arena_take(vl_arena *a, size_t n, size_t align)
{
    size_t at = a->head ? (a->head->used + align - 1) & ~(align - 1) : 0;
    if (!a->head || at > a->head->cap || a->head->cap - at < n) {
        size_t cap = n > 8192 ? n : 8192;
        vl_chunk *c = vl_malloc(sizeof(vl_chunk) + cap);
        if (!c)
            return NULL;
        c->used = 0;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
        at = 0;
    }
    void *p = (char *)a->head->data + at;
    a->head->used = at + n;
    return p;
}

void *vl_arena_alloc(vl_arena *a, size_t n)
{
    return arena_take(a, n ? n : 1, sizeof(max_align_t));
}

char *vl_arena_strndup(vl_arena *a, const char *s, size_t n)
{
    char *d = arena_take(a, n + 1, 1); /* strings need no alignment */
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
