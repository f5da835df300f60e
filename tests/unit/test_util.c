/* Core helpers: vl_grow (every growing array) and vl_call_once (the
 * known-key table of the phonebook model). Also run under wine, where
 * vl_call_once is InitOnceExecuteOnce. */
#include "testutil.h"

#include "core/internal.h"

#include <stdint.h>
#include <string.h>

static void test_grow_doubles_from_first(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    v = vl_grow(v, 0, &cap, sizeof *v, 4);
    assert_non_null(v);
    assert_int_equal(cap, 4);
    for (size_t n = 0; n < 100; n++) {
        int *g = vl_grow(v, n, &cap, sizeof *v, 4);
        assert_non_null(g);
        v = g;
        v[n] = (int)n;
        assert_true(n < cap);
    }
    assert_int_equal(cap, 128); /* 4, 8, ..., 128 */
    for (size_t n = 0; n < 100; n++)
        assert_int_equal(v[n], (int)n); /* growing keeps the items */
    /* room left: the same array, cap unchanged */
    assert_ptr_equal(vl_grow(v, 100, &cap, sizeof *v, 4), v);
    assert_int_equal(cap, 128);
    vpnlint_free(v);
}

static void test_grow_refuses_overflow(void **state)
{
    (void)state;
    char *v = vl_malloc(16);
    assert_non_null(v);
    memcpy(v, "kept", 5);
    size_t cap = SIZE_MAX / 2 + 1; /* doubling wraps */
    assert_null(vl_grow(v, cap, &cap, 1, 16));
    assert_int_equal(cap, SIZE_MAX / 2 + 1);
    cap = SIZE_MAX / 64; /* doubled, times the item size, would not fit */
    assert_null(vl_grow(v, cap, &cap, 64, 16));
    assert_int_equal(cap, SIZE_MAX / 64);
    assert_string_equal(v, "kept"); /* the array is untouched */
    vpnlint_free(v);
}

static int once_runs;
static void count_run(void)
{
    once_runs++;
}

static void test_call_once_runs_once(void **state)
{
    (void)state;
    static vl_once once = VL_ONCE_INIT;
    vl_call_once(&once, count_run);
    vl_call_once(&once, count_run);
    vl_call_once(&once, count_run);
    assert_int_equal(once_runs, 1);
    static vl_once other = VL_ONCE_INIT; /* another flag runs again */
    vl_call_once(&other, count_run);
    assert_int_equal(once_runs, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_doubles_from_first),
        cmocka_unit_test(test_grow_refuses_overflow),
        cmocka_unit_test(test_call_once_runs_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
