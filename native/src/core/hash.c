/* hash.c — keyed hashing for every hash table whose keys come from the input
 * (phonebook key names, RasClient connection names, NPS user and policy
 * names, finding columns), and the OS random generator behind the keys.
 *
 * A hash without a secret lets an input be built whose names all collide:
 * FNV-1a's state is small enough that 2^k names of 5k bytes with one hash
 * take seconds to find, and a 5.5 MB phonebook of them took 13 s to lint
 * (docs/hardening.md). Each table therefore draws its own 128-bit key from
 * the OS and hashes with SipHash-1-3 (the keyed hash Rust's and Python's
 * hash tables use): without the key, collisions cannot be computed ahead.
 * Nothing the library prints depends on the key: tables index arrays kept
 * in input order, and every output walks those arrays, never the slots. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#if defined(_WIN32) && !defined(_CRT_RAND_S)
#define _CRT_RAND_S
#endif
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/random.h>
#endif

int vl_random(void *buf, size_t len)
{
    uint8_t *b = buf;
#ifdef _WIN32
    for (size_t i = 0; i < len; i += 4) {
        unsigned int v;
        if (rand_s(&v) != 0)
            return vl_error_set(VPNLINT_ERROR, "the system random generator failed (rand_s)");
        for (size_t k = 0; k < 4 && i + k < len; k++)
            b[i + k] = (uint8_t)(v >> (8 * k));
    }
    return VPNLINT_OK;
#elif defined(__linux__)
    size_t got = 0;
    while (got < len) {
        ssize_t n = getrandom(b + got, len - got, 0);
        if (n < 0)
            return vl_error_set(VPNLINT_EIO, "the system random generator failed (getrandom)");
        got += (size_t)n;
    }
    return VPNLINT_OK;
#else
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f)
        return vl_error_set(VPNLINT_EIO, "cannot open /dev/urandom");
    size_t got = fread(b, 1, len, f);
    fclose(f);
    if (got != len)
        return vl_error_set(VPNLINT_EIO, "short read from /dev/urandom");
    return VPNLINT_OK;
#endif
}

void vl_hash_key_init(vl_hash_key *k)
{
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    /* fuzzers need the same run for the same input */
    k->k0 = 0x0706050403020100ull;
    k->k1 = 0x0f0e0d0c0b0a0908ull;
#else
    uint64_t w[2];
    if (vl_random(w, sizeof w) != VPNLINT_OK) {
        /* no OS randomness (never seen): a weaker key, but a working table */
        uintptr_t a = (uintptr_t)k, f = (uintptr_t)&vl_hash_key_init;
        w[0] = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ull ^ (uint64_t)a;
        w[1] = (uint64_t)clock() * 0xC2B2AE3D27D4EB4Full ^ (uint64_t)f;
    }
    k->k0 = w[0];
    k->k1 = w[1];
#endif
}

/* ---------------------------------------------------------- SipHash-1-3 */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                   \
    do {                                                                                           \
        v0 += v1;                                                                                  \
        v1 = ROTL(v1, 13);                                                                         \
        v1 ^= v0;                                                                                  \
        v0 = ROTL(v0, 32);                                                                         \
        v2 += v3;                                                                                  \
        v3 = ROTL(v3, 16);                                                                         \
        v3 ^= v2;                                                                                  \
        v0 += v3;                                                                                  \
        v3 = ROTL(v3, 21);                                                                         \
        v3 ^= v0;                                                                                  \
        v2 += v1;                                                                                  \
        v1 = ROTL(v1, 17);                                                                         \
        v1 ^= v2;                                                                                  \
        v2 = ROTL(v2, 32);                                                                         \
    } while (0)

static uint64_t le64(const uint8_t *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

uint64_t vl_siphash(const vl_hash_key *k, const void *data, size_t len)
{
    uint64_t v0 = 0x736f6d6570736575ull ^ k->k0, v1 = 0x646f72616e646f6dull ^ k->k1;
    uint64_t v2 = 0x6c7967656e657261ull ^ k->k0, v3 = 0x7465646279746573ull ^ k->k1;
    const uint8_t *p = data;
    size_t n = len;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t m = le64(p, 8);
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t m = (uint64_t)(len & 0xff) << 56 | le64(p, n);
    v3 ^= m;
    SIPROUND;
    v0 ^= m;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t vl_hash_mem(const vl_hash_index *ix, uint64_t tweak, const void *s, size_t len)
{
    /* the tweak (a line, a code) is multiplied by an odd constant, a
     * bijection: pairs that share s never share a hash */
    return vl_siphash(&ix->key, s, len) ^ tweak * 0x9E3779B97F4A7C15ull;
}

uint64_t vl_hash_str(const vl_hash_index *ix, uint64_t tweak, const char *s)
{
    return vl_hash_mem(ix, tweak, s, strlen(s));
}

/* ------------------------------------------------------------ the index */

int vl_hash_reserve(vl_hash_index *ix, size_t n,
                    uint64_t (*hash)(const vl_hash_index *ix, const void *items, size_t i),
                    const void *items)
{
    if ((n + 1) * 2 <= ix->nslot)
        return VPNLINT_OK;
    vl_hash_index grown = {NULL, ix->nslot ? ix->nslot * 2 : 64, ix->key};
    if (!ix->nslot)
        vl_hash_key_init(&grown.key); /* the first slots: a fresh key */
    grown.slot = vl_calloc(grown.nslot, sizeof *grown.slot);
    if (!grown.slot)
        return vl_error_oom();
    for (size_t i = 0; i < n; i++) {
        size_t j = vl_hash_slot0(&grown, hash(&grown, items, i));
        while (grown.slot[j])
            j = vl_hash_next(&grown, j);
        grown.slot[j] = i + 1;
    }
    vl_hash_free(ix);
    *ix = grown;
    return VPNLINT_OK;
}

void vl_hash_free(vl_hash_index *ix)
{
    vpnlint_free(ix->slot);
    ix->slot = NULL;
    ix->nslot = 0;
}
