/* core/multifind: every answer is the one a plain forward scan from the
 * query's start gives, on random texts and queries (small alphabets, so
 * that patterns repeat and overlap), with and without an accept callback. */
#include "testutil.h"

#include "core/multifind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return (unsigned)(rng_state >> 33) % n;
}

/* Not right after a 'b'. */
static bool not_after_b(const char *text, size_t text_len, size_t at, void *user)
{
    (void)text_len;
    (*(size_t *)user)++;
    return at == 0 || text[at - 1] != 'b';
}

static size_t plain(const char *text, size_t text_len, const vl_mf_query *q, vl_mf_accept ok)
{
    size_t to = q->to < text_len ? q->to : text_len, calls = 0;
    if (q->len < 1 || q->len > VL_MULTIFIND_MAX)
        return VL_MULTIFIND_NONE;
    for (size_t p = q->from; p + q->len <= to; p++)
        if (memcmp(text + p, q->pat, q->len) == 0 && (!ok || ok(text, text_len, p, &calls)))
            return p;
    return VL_MULTIFIND_NONE;
}

static void test_random_against_plain_scan(void **state)
{
    (void)state;
    rng_state = 20261207;
    size_t found = 0, total = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = rnd(round % 10 == 0 ? 20000 : 2000);
        unsigned alpha = 1 + rnd(4);
        char *t = malloc(n + 1);
        assert_non_null(t);
        for (size_t i = 0; i < n; i++)
            t[i] = (char)('a' + rnd(alpha));
        t[n] = '\0';
        size_t nq = rnd(300);
        vl_mf_query *q = calloc(nq + 1, sizeof *q), *orig = calloc(nq + 1, sizeof *q);
        char(*pats)[80] = calloc(nq + 1, 80);
        assert_true(q && orig && pats);
        for (size_t i = 0; i < nq; i++) {
            size_t len = rnd(10) == 0 ? rnd(70) : 1 + rnd(6);
            if (n && rnd(2)) { /* a piece of the text, so that it is found */
                size_t at = rnd((unsigned)n);
                if (at + len > n)
                    len = n - at;
                memcpy(pats[i], t + at, len);
            } else {
                for (size_t k = 0; k < len; k++)
                    pats[i][k] = (char)('a' + rnd(alpha));
            }
            q[i].pat = pats[i];
            q[i].len = len;
            q[i].from = rnd((unsigned)n + 5);
            q[i].to = rnd(3) ? SIZE_MAX / 2 : q[i].from + rnd(400);
        }
        memcpy(orig, q, nq * sizeof *q);
        bool use_ok = rnd(2);
        size_t calls = 0;
        vl_multifind(t, n, q, nq, use_ok ? not_after_b : NULL, &calls);
        for (size_t i = 0; i < nq; i++) {
            size_t want = plain(t, n, &orig[i], use_ok ? not_after_b : NULL);
            if (q[i].at != want)
                fail_msg("round %d query %zu (len %zu from %zu to %zu): %zu, want %zu", round, i,
                         orig[i].len, orig[i].from, orig[i].to, q[i].at, want);
            found += want != VL_MULTIFIND_NONE;
            total++;
        }
        free(t);
        free(q);
        free(orig);
        free(pats);
    }
    assert_true(found > total / 3 && found < total); /* both outcomes were tried */
}

/* One pattern wanted from 20 000 starts in a 1 MB text where it is only at
 * the end, and 2 000 patterns that are nowhere: each answer as a scan. */
static void test_far_and_absent(void **state)
{
    (void)state;
    enum { N = 1 << 20, Q = 20000, ABSENT = 2000 };
    char *t = malloc(N);
    assert_non_null(t);
    memset(t, 'x', N);
    memcpy(t + N - 5, "needl", 5);
    vl_mf_query *q = calloc(Q + ABSENT, sizeof *q);
    char(*pats)[16] = calloc(ABSENT, 16);
    assert_true(q && pats);
    for (size_t i = 0; i < Q; i++)
        q[i] = (vl_mf_query){"needl", 5, i * 40, N, 0};
    for (size_t i = 0; i < ABSENT; i++) {
        snprintf(pats[i], sizeof pats[i], "x%zuy", i);
        q[Q + i] = (vl_mf_query){pats[i], strlen(pats[i]), i, N, 0};
    }
    vl_multifind(t, N, q, Q + ABSENT, NULL, NULL);
    for (size_t i = 0; i < Q; i++)
        assert_int_equal(q[i].at, N - 5);
    for (size_t i = 0; i < ABSENT; i++)
        assert_true(q[Q + i].at == VL_MULTIFIND_NONE);
    free(t);
    free(q);
    free(pats);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_against_plain_scan),
        cmocka_unit_test(test_far_and_absent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
