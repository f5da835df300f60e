/* The semantic rules (PX040-PX094) on the real-world corpus in
 * ../shared/corpus/profilexml: exactly the findings that are true of those
 * profiles, and nothing at error severity (Richard Hicks' samples are known
 * good; the reference lists what is wrong in them). */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct expect {
    const char *file;
    const char *findings; /* "ID@line ..." of PX040-PX094, in report order */
} expect;

static const expect cases[] = {
    {"richardhicks-aovpn-ProfileXML_Device.xml", ""},
    {"richardhicks-aovpn-ProfileXML_User.xml", "PX082@13 PX083@13 PX089@90"},
    {"richardhicks-aovpn-ProfileXML_Entra_ConditionalAccess.xml", "PX094@7"},
    {"richardhicks-aovpn-ProfileXML_LockDown.xml", ""},
    {"richardhicks-aovpn-ProfileXML_PaloAlto.xml", ""},
    {"richardhicks-aovpn-ProfileXML_Fortinet.xml", ""},
    {"leiqos-aovpn-dornMX_User_tunnel_profile.xml", "PX055@30"},
};

static bool semantic(const char *id)
{
    if (strncmp(id, "PX", 2) != 0)
        return false;
    int n = atoi(id + 2);
    return n >= 40 && n <= 94;
}

static void test_corpus(void **state)
{
    (void)state;
    /* VPNLINT_CORPUS_DIR is ../shared/corpus from the checkout; a worktree
     * elsewhere can point at it with the environment variable of that name. */
    const char *dir = getenv("VPNLINT_CORPUS_DIR");
    if (!dir || !*dir)
        dir = VPNLINT_CORPUS_DIR;
    size_t seen = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/profilexml/%s", dir, cases[i].file);
        size_t len = 0;
        char *data = tu_read_file(path, &len);
        if (!data) {
            print_message("skip: %s not present\n", path);
            continue;
        }
        seen++;
        vpnlint_options opt = VPNLINT_OPTIONS_INIT;
        vpnlint_report *r = tu_lint_opts(cases[i].file, data, len, &opt);
        assert_non_null(r);
        char got[1024] = "";
        size_t n = vpnlint_report_finding_count(r);
        for (size_t k = 0; k < n; k++) {
            vpnlint_finding f;
            assert_int_equal(vpnlint_report_finding(&f, r, k), 0);
            if (!semantic(f.rule_id))
                continue;
            if (f.severity == VPNLINT_SEVERITY_ERROR)
                fail_msg("%s: error %s at line %u: %s", cases[i].file, f.rule_id, f.line,
                         f.message);
            char one[32];
            snprintf(one, sizeof one, "%s%s@%u", *got ? " " : "", f.rule_id, f.line);
            strncat(got, one, sizeof got - strlen(got) - 1);
        }
        if (strcmp(got, cases[i].findings) != 0) {
            tu_dump(r);
            fail_msg("%s: got \"%s\", want \"%s\"", cases[i].file, got, cases[i].findings);
        }
        vpnlint_report_free(r);
        free(data);
    }
    if (seen == 0) {
        print_message("corpus not found under %s (set VPNLINT_CORPUS_DIR); skipped\n", dir);
        skip();
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
