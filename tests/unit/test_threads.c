/* The threading promise of vpnlint.h: no global mutable state, so separate
 * handles on separate threads give the same results as one thread alone.
 * Four threads lint a profile and a phonebook and query a phonebook handle
 * many times at once; every result must equal the single-threaded one. The
 * library's one shared table (the phonebook's known keys, built on first use
 * under vl_call_once) is first used by threads started together. Run
 * under ASan/UBSan and valgrind with the rest of the suite. (POSIX threads:
 * not built for Windows.) */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define N_THREADS 4
#define ROUNDS 25

static const char *const inputs[] = {
    VPNLINT_PROFILES_DIR "/profilexml/bad/conditional-access-without-eku-filter.xml",
    VPNLINT_PROFILES_DIR "/profilexml/bad/forcetunnel-with-routes.xml",
    VPNLINT_PROFILES_DIR "/pbk/l2tp-classic-mistakes.pbk",
};

/* a phonebook whose first entry name is unique (get on a duplicate name is refused) */
static const char *const phonebook = VPNLINT_PROFILES_DIR "/pbk/aovpn-user.pbk";

static char *expected_json;
static char *expected_entry;

/* Lints every input into one report, rendered as JSON. */
static char *lint_all(void)
{
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, NULL) != VPNLINT_OK)
        return NULL;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
        vpnlint_report_add_file(r, inputs[i]);
    char *out = NULL;
    if (vpnlint_report_render(&out, r, VPNLINT_FORMAT_JSON) != VPNLINT_OK)
        out = NULL;
    vpnlint_report_free(r);
    return out;
}

/* The first entry of the phonebook, read through a handle of its own. */
static char *first_entry(void)
{
    vpnlint_pbk *h = NULL;
    if (vpnlint_pbk_open(&h, phonebook) != VPNLINT_OK)
        return NULL;
    char *name = NULL, *out = NULL;
    if (vpnlint_pbk_entry_name(&name, h, 0) == VPNLINT_OK &&
        vpnlint_pbk_get(&out, h, name, NULL, -1, -1, -1) != VPNLINT_OK)
        out = NULL;
    vpnlint_free(name);
    vpnlint_pbk_free(h);
    return out;
}

static void *worker(void *arg)
{
    size_t *mismatches = arg;
    for (int i = 0; i < ROUNDS; i++) {
        char *json = lint_all();
        if (!json || strcmp(json, expected_json) != 0)
            (*mismatches)++;
        vpnlint_free(json);
        char *entry = first_entry();
        if (!entry || strcmp(entry, expected_entry) != 0)
            (*mismatches)++;
        vpnlint_free(entry);
    }
    return NULL;
}

static void test_handles_on_threads_agree_with_one_thread(void **state)
{
    (void)state;
    expected_json = lint_all();
    expected_entry = first_entry();
    assert_non_null(expected_json);
    assert_non_null(expected_entry);
    /* the inputs do raise findings, so a broken lint would show */
    assert_non_null(strstr(expected_json, "\"rule\""));
    assert_non_null(strstr(expected_json, "PBK"));
    pthread_t t[N_THREADS];
    size_t mismatches[N_THREADS] = {0};
    for (int i = 0; i < N_THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, &mismatches[i]), 0);
    for (int i = 0; i < N_THREADS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_int_equal(mismatches[i], 0);
    }
    vpnlint_free(expected_json);
    vpnlint_free(expected_entry);
}

/* First use of the phonebook's known-key table (built once, on whichever
 * thread comes first) by threads released together. Lower-case known keys
 * are reported with their canonical spelling, which comes from that table. */
static const char miscased[] = "[Office]\r\nvpnstrategy=7\r\nPBVERSION=8\r\n"
                               "MEDIA=rastapi\r\nport=VPN2-0\r\n";
static pthread_barrier_t start_line;

static char *lint_miscased(void)
{
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, NULL) != VPNLINT_OK)
        return NULL;
    vpnlint_report_add_buffer(r, "rasphone.pbk", miscased, sizeof miscased - 1);
    char *out = NULL;
    if (vpnlint_report_render(&out, r, VPNLINT_FORMAT_TEXT) != VPNLINT_OK)
        out = NULL;
    vpnlint_report_free(r);
    return out;
}

static void *first_use(void *arg)
{
    pthread_barrier_wait(&start_line);
    *(char **)arg = lint_miscased();
    return NULL;
}

static void test_first_use_of_shared_table_on_threads(void **state)
{
    (void)state;
    assert_int_equal(pthread_barrier_init(&start_line, NULL, N_THREADS), 0);
    pthread_t t[N_THREADS];
    char *out[N_THREADS] = {0};
    for (int i = 0; i < N_THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, first_use, &out[i]), 0);
    for (int i = 0; i < N_THREADS; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&start_line);
    char *again = lint_miscased();
    assert_non_null(again);
    assert_non_null(strstr(again, "VpnStrategy"));
    assert_non_null(strstr(again, "PBVersion"));
    for (int i = 0; i < N_THREADS; i++) {
        assert_non_null(out[i]);
        assert_string_equal(out[i], again);
        vpnlint_free(out[i]);
    }
    vpnlint_free(again);
}

/* The last error is per thread: a failure on one thread is not seen on another. */
static void *fail_once(void *arg)
{
    (void)arg;
    vpnlint_report *r = NULL;
    vpnlint_report_new(&r, NULL);
    vpnlint_report_add_file(r, "/nonexistent/vpnlint-thread-test.xml");
    vpnlint_report_free(r);
    return strstr(vpnlint_error_last(), "vpnlint-thread-test") ? (void *)1 : NULL;
}

static void test_last_error_is_per_thread(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, "/nonexistent/main-thread.xml"), VPNLINT_ENOTFOUND);
    vpnlint_report_free(r);
    pthread_t t;
    void *seen = NULL;
    assert_int_equal(pthread_create(&t, NULL, fail_once, NULL), 0);
    assert_int_equal(pthread_join(t, &seen), 0);
    assert_non_null(seen); /* the other thread saw its own failure */
    assert_non_null(strstr(vpnlint_error_last(), "main-thread.xml"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* first: it must be the first use of the known-key table */
        cmocka_unit_test(test_first_use_of_shared_table_on_threads),
        cmocka_unit_test(test_handles_on_threads_agree_with_one_thread),
        cmocka_unit_test(test_last_error_is_per_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
