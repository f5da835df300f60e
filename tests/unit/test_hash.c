/* core/hash.c: SipHash-1-3 against OpenSSL's, keys drawn per table, the
 * hash index when every key collides, and a phonebook of names that all
 * collide under the FNV-1a hash the name table had before (the hash-flooding
 * input of docs/hardening.md): parsed completely and correctly. */
#include "testutil.h"

#include "core/internal.h"
#include "pbk/pbk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `openssl mac -macopt hexkey:000102030405060708090a0b0c0d0e0f -macopt size:8
 *  -macopt c-rounds:1 -macopt d-rounds:3 SIPHASH` on the bytes 00 01 .. n-1,
 *  read as little-endian 64-bit values. */
static void test_siphash13_vectors(void **state)
{
    (void)state;
    static const struct {
        size_t n;
        uint64_t h;
    } v[] = {{0, 0xabac0158050fc4dcull},  {1, 0xc9f49bf37d57ca93ull}, {7, 0xd3927d989bb11140ull},
             {8, 0x369095118d299a8eull},  {9, 0x25a48eb36c063de4ull}, {15, 0xd320d86d2a519956ull},
             {16, 0xcc4fdd1a7d908b66ull}, {63, 0x9d199062b7bbb3a8ull}};
    const vl_hash_key k = {0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};
    uint8_t msg[64];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)i;
    for (size_t i = 0; i < VL_ARRAY_LEN(v); i++)
        assert_true(vl_siphash(&k, msg, v[i].n) == v[i].h);
}

static void test_keys_are_drawn_per_table(void **state)
{
    (void)state;
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    skip(); /* fuzz builds use one fixed key, so that runs repeat (hash.c) */
#endif
    vl_hash_key a, b;
    vl_hash_key_init(&a);
    vl_hash_key_init(&b);
    /* 128 random bits twice: equal only if the OS generator is not used */
    assert_false(a.k0 == b.k0 && a.k1 == b.k1);
    assert_false(a.k0 == 0 && a.k1 == 0);

    /* two parses of one phonebook: two tables, two keys */
    const char *text = "[A]\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n";
    vl_pbk *p = NULL, *q = NULL;
    assert_int_equal(vl_pbk_parse(&p, text, strlen(text)), VPNLINT_OK);
    assert_int_equal(vl_pbk_parse(&q, text, strlen(text)), VPNLINT_OK);
    assert_false(p->name_key.k0 == q->name_key.k0 && p->name_key.k1 == q->name_key.k1);
    assert_true(vl_pbk_key_id(p, "Port") >= 0);
    assert_true(vl_pbk_key_id(q, "Port") >= 0);
    vl_pbk_free(p);
    vl_pbk_free(q);
}

static uint64_t same_hash(const vl_hash_index *ix, const void *items, size_t i)
{
    (void)ix;
    (void)items;
    (void)i;
    return 42; /* every item collides */
}

/* The probing stays correct when every key lands on one slot. */
static void test_index_with_all_keys_colliding(void **state)
{
    (void)state;
    enum { N = 3000 };
    static unsigned vals[N];
    vl_hash_index ix = {NULL, 0, {0, 0}};
    for (unsigned n = 0; n < N; n++) {
        assert_int_equal(vl_hash_reserve(&ix, n, same_hash, vals), VPNLINT_OK);
        size_t j = vl_hash_slot0(&ix, 42);
        while (ix.slot[j]) {
            assert_true(vals[ix.slot[j] - 1] != n * 7u); /* not there yet */
            j = vl_hash_next(&ix, j);
        }
        vals[n] = n * 7u;
        ix.slot[j] = n + 1;
    }
    assert_true(ix.nslot >= 2 * N);
    for (unsigned n = 0; n < N; n += 97) {
        size_t j = vl_hash_slot0(&ix, 42), hits = 0;
        for (; ix.slot[j]; j = vl_hash_next(&ix, j))
            hits += vals[ix.slot[j] - 1] == n * 7u;
        assert_int_equal(hits, 1);
    }
    vl_hash_free(&ix);
    assert_null(ix.slot);
}

/* ---- names that all share one 32-bit FNV-1a hash (Joux multicollision:
 * 2^STAGES names, one of two colliding 5-letter blocks per stage; found by
 * sorting random blocks, bounded in rounds) */
enum { STAGES = 10, BLOCK = 5, TRIES = 1 << 17 };

static uint32_t fnv_step(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

typedef struct cand {
    uint32_t h;
    char b[BLOCK];
} cand;

static int cand_cmp(const void *a, const void *b)
{
    uint32_t x = ((const cand *)a)->h, y = ((const cand *)b)->h;
    return x < y ? -1 : x > y;
}

/* Two different blocks that take state h to one state; returns it. */
static uint32_t colliding_blocks(uint32_t h, uint64_t *rng, char a[BLOCK], char b[BLOCK])
{
    cand *c = malloc(TRIES * sizeof *c);
    assert_non_null(c);
    for (int round = 0; round < 64; round++) { /* about 2 pairs per round */
        for (size_t i = 0; i < TRIES; i++) {
            for (size_t k = 0; k < BLOCK; k++) {
                *rng = *rng * 6364136223846793005ull + 1442695040888963407ull;
                unsigned r = (unsigned)(*rng >> 33) % 52; /* 26 letters never collide */
                c[i].b[k] = (char)(r < 26 ? 'a' + r : 'A' + r - 26);
            }
            c[i].h = fnv_step(h, c[i].b, BLOCK);
        }
        qsort(c, TRIES, sizeof *c, cand_cmp);
        for (size_t i = 1; i < TRIES; i++)
            if (c[i].h == c[i - 1].h && memcmp(c[i].b, c[i - 1].b, BLOCK) != 0) {
                memcpy(a, c[i - 1].b, BLOCK);
                memcpy(b, c[i].b, BLOCK);
                uint32_t out = c[i].h;
                free(c);
                return out;
            }
    }
    free(c);
    fail_msg("no FNV-1a collision in 64 rounds");
    return 0;
}

static void test_phonebook_of_fnv_collisions(void **state)
{
    (void)state;
    char blocks[STAGES][2][BLOCK];
    uint64_t rng = 1;
    uint32_t h = fnv_step(2166136261u, "K", 1);
    for (int s = 0; s < STAGES; s++)
        h = colliding_blocks(h, &rng, blocks[s][0], blocks[s][1]);
    enum { NAMES = 1 << STAGES, NAME_LEN = 1 + STAGES * BLOCK };
    static char names[NAMES][NAME_LEN + 1];
    vl_buf text = VL_BUF_INIT;
    vl_buf_puts(&text, "[Flood]\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n");
    for (unsigned i = 0; i < NAMES; i++) {
        names[i][0] = 'K';
        for (int s = 0; s < STAGES; s++)
            memcpy(names[i] + 1 + s * BLOCK, blocks[s][i >> s & 1], BLOCK);
        names[i][NAME_LEN] = '\0';
        assert_true(fnv_step(2166136261u, names[i], NAME_LEN) == h); /* truly colliding */
        vl_buf_printf(&text, "%s=%u\r\n", names[i], i);
    }
    assert_true(vl_buf_ok(&text));
    vl_pbk *p = NULL;
    assert_int_equal(vl_pbk_parse(&p, text.data, text.len), VPNLINT_OK);
    assert_int_equal(p->n_entries, 1);
    for (unsigned i = 0; i < NAMES; i++) {
        int32_t id = vl_pbk_key_id(p, names[i]);
        assert_true(id >= 0);
        assert_string_equal(p->names[id], names[i]);
    }
    assert_true(vl_pbk_key_id(p, "Kabsent") < 0);
    vl_pbk_free(p);
    vl_buf_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_siphash13_vectors),
        cmocka_unit_test(test_keys_are_drawn_per_table),
        cmocka_unit_test(test_index_with_all_keys_colliding),
        cmocka_unit_test(test_phonebook_of_fnv_collisions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
