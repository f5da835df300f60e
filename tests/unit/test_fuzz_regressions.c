/* test_fuzz_regressions.c — every input that once broke a harness runs again
 * through the harness code itself (fuzz/fuzz_<parser>.c is compiled in here,
 * sanitizers and all in the ASan build): tests/fixtures/fuzz/<parser>/ (every file).
 * A harness aborts on a broken invariant, which fails this test. Add a new
 * finding by dropping its input (from fuzz/artifacts/) into that folder. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LLVMFuzzerTestOneInput fuzz_one_profilexml
#include "../../fuzz/fuzz_profilexml.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_one_pbk
#include "../../fuzz/fuzz_pbk.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_one_nps
#include "../../fuzz/fuzz_nps.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_one_rasevents
#include "../../fuzz/fuzz_rasevents.c"
#undef LLVMFuzzerTestOneInput

typedef int (*harness_fn)(const uint8_t *, size_t);

static size_t run_folder(const char *parser, harness_fn fn)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/fuzz/%s", VPNLINT_FIXTURES_DIR, parser);
    char **names = NULL;
    size_t n = tu_list_dir(dir, &names);
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *data = tu_read_file(path, &len);
        assert_non_null(data);
        print_message("%s: %s (%lu bytes)\n", parser, names[i], (unsigned long)len);
        assert_int_equal(fn((const uint8_t *)data, len), 0);
        free(data);
    }
    tu_free_names(names, n);
    return n;
}

static void test_profilexml_regressions(void **state)
{
    (void)state;
    run_folder("profilexml", fuzz_one_profilexml);
}

static void test_pbk_regressions(void **state)
{
    (void)state;
    run_folder("pbk", fuzz_one_pbk);
}

static void test_nps_regressions(void **state)
{
    (void)state;
    run_folder("nps", fuzz_one_nps);
}

static void test_rasevents_regressions(void **state)
{
    (void)state;
    /* RasClient event names with a lone UTF-16 surrogate / invalid UTF-8
     * came out as invalid UTF-8 (and so invalid JSON) */
    assert_true(run_folder("rasevents", fuzz_one_rasevents) >= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profilexml_regressions),
        cmocka_unit_test(test_pbk_regressions),
        cmocka_unit_test(test_nps_regressions),
        cmocka_unit_test(test_rasevents_regressions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
