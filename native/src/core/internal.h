/* internal.h — helpers shared by every part of the library (not installed). */
#ifndef VL_INTERNAL_H
#define VL_INTERNAL_H

#include "vpnlint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__MINGW32__)
/* mingw builds use its C99 stdio (__USE_MINGW_ANSI_STDIO): %zu, %lld work. */
#define VL_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#elif defined(__GNUC__)
#define VL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define VL_PRINTF(f, a)
#endif
#define VL_VPRINTF(f) VL_PRINTF(f, 0)

#define VL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- errors (error.c): set the thread's last error and return the code */
int vl_error_set(int code, const char *fmt, ...) VL_PRINTF(2, 3);
int vl_error_oom(void);

/* ---- allocation: library-owned memory, freed by vpnlint_free */
void *vl_malloc(size_t n);
void *vl_calloc(size_t n, size_t size);
void *vl_realloc(void *p, size_t n);
/* Room for item n in an array of *cap items of `size` bytes: the array,
 * doubled from `first` items when full (*cap updated), or NULL when memory
 * runs out (the array and *cap are then unchanged). Assign the result:
 *     T *t = vl_grow(x->v, x->n, &x->cap, sizeof *t, 16); if (!t) ...; x->v = t; */
void *vl_grow(void *items, size_t n, size_t *cap, size_t size, size_t first);
char *vl_strdup(const char *s);
char *vl_strndup(const char *s, size_t n);
char *vl_sprintf(const char *fmt, ...) VL_PRINTF(1, 2);
char *vl_vsprintf(const char *fmt, va_list ap) VL_VPRINTF(1);

/* ---- one-time initialisation (once.c): fn runs exactly once, and every
 * caller returns only after it has finished. Static: vl_once x = VL_ONCE_INIT. */
#ifdef _WIN32
typedef union vl_once {
    void *ptr; /* the layout of INIT_ONCE */
} vl_once;
/* clang-format off */
#define VL_ONCE_INIT {0} /* INIT_ONCE_STATIC_INIT */
/* clang-format on */
#else
#include <pthread.h>
typedef pthread_once_t vl_once;
#define VL_ONCE_INIT PTHREAD_ONCE_INIT
#endif
void vl_call_once(vl_once *once, void (*fn)(void));

/* ---- keyed hashing (hash.c) for tables whose keys come from the input:
 * SipHash-1-3 under a 128-bit key drawn from the OS per table, so that no
 * input can be built whose names collide (hash flooding). */
typedef struct vl_hash_key {
    uint64_t k0, k1;
} vl_hash_key;
void vl_hash_key_init(vl_hash_key *k);
uint64_t vl_siphash(const vl_hash_key *k, const void *data, size_t len);

/* Random bytes from the OS (rand_s, getrandom, /dev/urandom); never fills
 * silently with zeros. */
int vl_random(void *buf, size_t len);

/* A hash index over a caller's array of items: open addressing, slot[j] =
 * 1 + item index (0 = empty), nslot a power of two, kept at most half full,
 * its own key. The caller probes from vl_hash_slot0 with vl_hash_next and
 * compares its own keys. Start from a zeroed struct. */
typedef struct vl_hash_index {
    size_t *slot;
    size_t nslot;
    vl_hash_key key; /* drawn when the first slots are made */
} vl_hash_index;

/* The index's hash of string s with a number (a line, a code; 0 if none). */
uint64_t vl_hash_str(const vl_hash_index *ix, uint64_t tweak, const char *s);
/* The same for the bytes s[0..len). */
uint64_t vl_hash_mem(const vl_hash_index *ix, uint64_t tweak, const void *s, size_t len);

/* Makes room for the item with index n (items 0..n-1 are in the index;
 * hash(ix, items, i) gives item i's hash under ix's key). VPNLINT_OK or
 * VPNLINT_ENOMEM. Call it before the first vl_hash_slot0. */
int vl_hash_reserve(vl_hash_index *ix, size_t n,
                    uint64_t (*hash)(const vl_hash_index *ix, const void *items, size_t i),
                    const void *items);
static inline size_t vl_hash_slot0(const vl_hash_index *ix, uint64_t h)
{
    return (size_t)(h ^ h >> 32) & (ix->nslot - 1);
}
static inline size_t vl_hash_next(const vl_hash_index *ix, size_t j)
{
    return (j + 1) & (ix->nslot - 1);
}
void vl_hash_free(vl_hash_index *ix);

/* ---- growable string buffer (strbuf.c). On allocation failure the buffer
 * is marked failed and further appends are ignored; check vl_buf_ok(). */
typedef struct vl_buf {
    char *data;
    size_t len, cap;
    bool failed;
} vl_buf;

#define VL_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, false                                                                          \
    }
void vl_buf_put(vl_buf *b, const char *s, size_t n);
void vl_buf_puts(vl_buf *b, const char *s);
void vl_buf_putc(vl_buf *b, char c);
void vl_buf_printf(vl_buf *b, const char *fmt, ...) VL_PRINTF(2, 3);
bool vl_buf_ok(const vl_buf *b);
/* Returns the NUL-terminated contents (ownership to caller), resets b. */
char *vl_buf_detach(vl_buf *b);
void vl_buf_free(vl_buf *b);

/* ---- arena: many small allocations freed together (arena.c) */
typedef struct vl_arena vl_arena;
vl_arena *vl_arena_new(void);
void vl_arena_free(vl_arena *a);
void *vl_arena_alloc(vl_arena *a, size_t n);
char *vl_arena_strndup(vl_arena *a, const char *s, size_t n);

/* ---- small string helpers (util.c) */
int vl_strcasecmp(const char *a, const char *b);
int vl_strncasecmp(const char *a, const char *b, size_t n);
bool vl_is_space(int c);
/* Trims ASCII white space; returns pointer into s and sets *len. */
const char *vl_trim(const char *s, size_t n, size_t *len);
/* Is `id` in a comma-separated list (case-insensitive, spaces ignored)? */
bool vl_list_contains(const char *list, const char *id);
const char *vl_severity_name(int severity);
/* Parses "error|warning|info|off" (case-insensitive); -2 if unknown. */
int vl_severity_parse(const char *s, size_t n);
const char *vl_kind_name(int kind);

/* ---- UTF-8 (util.c), strict RFC 3629: no overlongs, surrogates or code
 * points past U+10FFFF. Length of the well-formed sequence at s (1-4), 0
 * when it is not one; and whether s[0..n) is well-formed throughout. */
size_t vl_utf8_seq(const unsigned char *s, size_t n);
bool vl_utf8_valid(const char *s, size_t n);

/* ---- file reading (io.c): at most `limit` bytes; larger files fail with
 * VPNLINT_ETOOBIG and *size_out set to the real size. */
int vl_read_file(const char *path, uint64_t limit, char **data_out, size_t *len_out,
                 uint64_t *size_out);
/* Test hook: called by vl_read_file and vl_pbk_read once the file is open
 * and its size checked, before the first byte is read (tests change or
 * remove the file there). NULL in production. */
extern void (*vl_read_hook)(const char *path);

#endif
