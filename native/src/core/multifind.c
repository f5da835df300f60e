/* multifind.c — see multifind.h.
 *
 * Each query first tries its first NEAR start positions directly (most
 * answers are that close). The rest go by pattern length L: the queries are
 * sorted by (hash, pattern, from), so that equal patterns form one run whose
 * queries wait in `from` order. One Rabin-Karp pass over the text
 * (polynomial hash modulo the prime 2^61 - 1, its base drawn at random for
 * each call so that no input can be built whose windows and patterns
 * collide: core/hash.c) looks each window up in a
 * table of the runs; a window that equals a run's pattern (memcmp, so a hash
 * collision costs a comparison, never a wrong answer) and is accepted
 * answers every waiting query of that run whose `from` it has reached. The
 * pass stops when every query of length L has its answer or the window
 * passes the last query's limit. */
#include "core/multifind.h"

#include "core/internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define M61 ((UINT64_C(1) << 61) - 1)

static inline uint64_t mod61(uint64_t x)
{
    x = (x & M61) + (x >> 61);
    return x >= M61 ? x - M61 : x;
}

/* a * b mod 2^61 - 1 for a, b < 2^61 (2^61 = 1): with a 128-bit product
 * where the compiler has one, else in 64-bit pieces (MSVC), a*b = hi*2^64 +
 * mid*2^32 + lo. */
#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 vl_u128;
static inline uint64_t mul61(uint64_t a, uint64_t b)
{
    vl_u128 r = (vl_u128)a * b;
    return mod61(((uint64_t)r & M61) + (uint64_t)(r >> 61));
}
#else
static inline uint64_t mul61(uint64_t a, uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t lo = a0 * b0, mid = a0 * b1 + a1 * b0, hi = a1 * b1;
    uint64_t r = (hi << 3) + ((mid & ((UINT64_C(1) << 29) - 1)) << 32) + (mid >> 29) + (lo & M61) +
                 (lo >> 61);
    return mod61(r);
}
#endif

static uint64_t hash_of(uint64_t base, const unsigned char *s, size_t len)
{
    uint64_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = mod61(mul61(h, base) + s[i]);
    return h;
}

static uint64_t mix(uint64_t h)
{
    h ^= h >> 29;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    return h ^ (h >> 32);
}

typedef struct item {
    uint64_t h;
    const char *pat;
    size_t len; /* the same in one pass */
    size_t from;
    size_t q; /* index of the query */
} item;

typedef struct run {
    uint64_t h;
    const char *pat;
    size_t next, end; /* its waiting queries: items[next..end) */
} run;

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    int c = memcmp(x->pat, y->pat, x->len);
    if (c)
        return c;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->q < y->q ? -1 : x->q > y->q;
}

static void scan_one(const char *text, size_t text_len, vl_mf_query *q, vl_mf_accept accept,
                     void *user)
{
    for (size_t p = q->from; p + q->len <= q->to; p++)
        if (memcmp(text + p, q->pat, q->len) == 0 && (!accept || accept(text, text_len, p, user))) {
            q->at = p;
            return;
        }
}

/* All queries of length `len` (items[0..n), any order). False without memory. */
static bool pass(uint64_t base, const char *text, size_t text_len, vl_mf_query *q, item *items,
                 size_t n, size_t len, vl_mf_accept accept, void *user)
{
    size_t start = SIZE_MAX, limit = 0;
    for (size_t i = 0; i < n; i++) {
        items[i].h = hash_of(base, (const unsigned char *)items[i].pat, len);
        if (items[i].from < start)
            start = items[i].from;
        if (q[items[i].q].to > limit)
            limit = q[items[i].q].to;
    }
    qsort(items, n, sizeof *items, cmp_item);
    size_t n_runs = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || items[i].h != items[i - 1].h || memcmp(items[i].pat, items[i - 1].pat, len))
            n_runs++;
    size_t cap = 16;
    while (cap < 2 * n_runs)
        cap *= 2;
    size_t nbits = 4096;
    while (nbits < 16 * n_runs)
        nbits *= 2;
    run *runs = vl_malloc(n_runs * sizeof *runs);
    uint32_t *slot = vl_calloc(cap, sizeof *slot);
    unsigned char *bits = vl_calloc(nbits / 8, 1);
    if (!runs || !slot || !bits || n_runs >= UINT32_MAX) {
        free(runs);
        free(slot);
        free(bits);
        return false;
    }
    size_t r = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && items[i].h == items[i - 1].h && !memcmp(items[i].pat, items[i - 1].pat, len)) {
            runs[r - 1].end = i + 1;
            continue;
        }
        runs[r] = (run){items[i].h, items[i].pat, i, i + 1};
        size_t k = mix(items[i].h) & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = (uint32_t)(r + 1);
        bits[(items[i].h & (nbits - 1)) / 8] |= (unsigned char)(1u << (items[i].h & 7));
        r++;
    }
    /* c * base^(len-1): what the byte leaving the window takes away */
    uint64_t top = 1, drop[256];
    for (size_t i = 1; i < len; i++)
        top = mul61(top, base);
    for (unsigned c = 0; c < 256; c++)
        drop[c] = mul61(c, top);

    const unsigned char *t = (const unsigned char *)text;
    size_t waiting = n;
    uint64_t h = hash_of(base, t + start, len);
    for (size_t p = start;;) {
        if (bits[(h & (nbits - 1)) / 8] & (1u << (h & 7))) {
            int ok = -1; /* accept() not asked yet */
            for (size_t k = mix(h) & (cap - 1); slot[k]; k = (k + 1) & (cap - 1)) {
                run *u = &runs[slot[k] - 1];
                if (u->h != h || u->next == u->end || items[u->next].from > p ||
                    memcmp(t + p, u->pat, len) != 0)
                    continue;
                if (ok < 0)
                    ok = !accept || accept(text, text_len, p, user);
                for (; ok && u->next < u->end && items[u->next].from <= p; u->next++) {
                    vl_mf_query *x = &q[items[u->next].q];
                    x->at = p + len <= x->to ? p : VL_MULTIFIND_NONE;
                    waiting--;
                }
            }
        }
        if (waiting == 0 || p + len >= limit)
            break;
        h = mod61(h + M61 - drop[t[p]]);
        h = mod61(mul61(h, base) + t[p + len]);
        p++;
    }
    free(runs);
    free(slot);
    free(bits);
    return true;
}

static bool valid(const vl_mf_query *q)
{
    return q->at == VL_MULTIFIND_NONE && q->len >= 1 && q->len <= VL_MULTIFIND_MAX &&
           q->from <= q->to && q->len <= q->to - q->from;
}

/* Start positions each query first tries directly: most answers are close
 * (a stray text on its own line), and a query answered there needs no pass. */
#define NEAR 256

void vl_multifind(const char *text, size_t text_len, vl_mf_query *q, size_t n, vl_mf_accept accept,
                  void *user)
{
    size_t count[VL_MULTIFIND_MAX + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        q[i].at = VL_MULTIFIND_NONE;
        if (q[i].to > text_len)
            q[i].to = text_len;
        if (!valid(&q[i]))
            continue;
        size_t end = q[i].to - q[i].len + 1; /* past the last start */
        size_t stop = end - q[i].from > NEAR ? q[i].from + NEAR : end;
        for (size_t p = q[i].from; p < stop; p++) {
            const char *c = memchr(text + p, q[i].pat[0], stop - p);
            if (!c)
                break;
            p = (size_t)(c - text);
            if (memcmp(c, q[i].pat, q[i].len) == 0 &&
                (!accept || accept(text, text_len, p, user))) {
                q[i].at = p;
                break;
            }
        }
        q[i].from = q[i].at == VL_MULTIFIND_NONE && stop < end ? stop : q[i].to;
        if (valid(&q[i]))
            count[q[i].len]++;
    }
    size_t most = 0;
    for (size_t l = 1; l <= VL_MULTIFIND_MAX; l++)
        if (count[l] > most)
            most = count[l];
    if (most == 0)
        return;
    item *items = vl_malloc(most * sizeof *items);
    vl_hash_key key;
    vl_hash_key_init(&key);
    uint64_t base = 256 + key.k0 % (M61 - 512); /* above every byte value */
    for (size_t l = 1; l <= VL_MULTIFIND_MAX; l++) {
        if (!count[l])
            continue;
        size_t m = 0;
        for (size_t i = 0; i < n && items; i++)
            if (q[i].len == l && valid(&q[i]))
                items[m++] = (item){0, q[i].pat, l, q[i].from, i};
        if (items && pass(base, text, text_len, q, items, m, l, accept, user))
            continue;
        for (size_t i = 0; i < n; i++) /* out of memory: one query at a time */
            if (q[i].len == l && valid(&q[i]))
                scan_one(text, text_len, &q[i], accept, user);
    }
    free(items);
}
