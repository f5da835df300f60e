/* The example profiles shipped for users (profiles/profilexml/{good,bad}).
 *
 * Each file's leading comment may carry a line "Expect: ID, ID ..." naming
 * rules:
 *  - good/: no error or warning finding, except from the rules listed in
 *    Expect (e.g. PX007 for the entity-escaped form, which is escaped on
 *    purpose).
 *  - bad/: must start with an XML comment saying what is wrong and list the
 *    rule(s) that catch it in Expect; every listed rule that exists in the
 *    registry must fire. Listed rules not (yet) in the registry are reported
 *    as pending, so an example can be written before its rule lands. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_GOOD VPNLINT_PROFILES_DIR "/profilexml/good"
#define DIR_BAD VPNLINT_PROFILES_DIR "/profilexml/bad"

typedef struct {
    char ids[16][16];
    size_t n;
} expect_list;

static void parse_expect(const char *text, expect_list *e)
{
    e->n = 0;
    const char *p = strstr(text, "Expect:");
    if (!p)
        return;
    p += 7;
    while (*p && *p != '\n' && e->n < 16) {
        if (*p >= 'A' && *p <= 'Z') {
            size_t len = 0;
            while ((p[len] >= 'A' && p[len] <= 'Z') || (p[len] >= '0' && p[len] <= '9'))
                len++;
            if (len > 2 && len < 16 && p[len - 1] >= '0' && p[len - 1] <= '9') {
                memcpy(e->ids[e->n], p, len);
                e->ids[e->n][len] = '\0';
                e->n++;
            }
            p += len;
        } else {
            p++;
        }
    }
}

static bool listed(const expect_list *e, const char *id)
{
    for (size_t i = 0; i < e->n; i++)
        if (strcmp(e->ids[i], id) == 0)
            return true;
    return false;
}

static bool is_profile(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcmp(name + n - 4, ".xml") == 0) ||
           (n > 7 && strcmp(name + n - 7, ".syncml") == 0);
}

static vpnlint_report *lint(const char *path, char **text_out)
{
    size_t len;
    char *text = tu_read_file(path, &len);
    if (!text)
        fail_msg("cannot read %s", path);
    vpnlint_report *r = tu_lint_opts(path, text, len, NULL);
    *text_out = text;
    return r;
}

static void test_good_profiles_are_clean(void **state)
{
    (void)state;
    char **names;
    size_t n = tu_list_dir(DIR_GOOD, &names), checked = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_profile(names[i]))
            continue;
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", DIR_GOOD, names[i]);
        char *text;
        vpnlint_report *r = lint(path, &text);
        expect_list e;
        parse_expect(text, &e);
        vpnlint_file_info fi;
        assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
        if (fi.kind != VPNLINT_KIND_PROFILEXML)
            fail_msg("%s is not recognised as a ProfileXML (%s)", path, fi.kind_name);
        for (size_t k = 0; k < vpnlint_report_finding_count(r); k++) {
            vpnlint_finding f;
            vpnlint_report_finding(&f, r, k);
            if (f.severity >= VPNLINT_SEVERITY_WARNING && !listed(&e, f.rule_id)) {
                tu_dump(r);
                fail_msg("%s: example of a good profile raises %s on line %u: %s", path, f.rule_id,
                         f.line, f.message);
            }
        }
        vpnlint_report_free(r);
        free(text);
        checked++;
    }
    tu_free_names(names, n);
    assert_true(checked >= 4);
}

static void test_bad_profiles_are_caught(void **state)
{
    (void)state;
    char **names;
    size_t n = tu_list_dir(DIR_BAD, &names), checked = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_profile(names[i]))
            continue;
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", DIR_BAD, names[i]);
        char *text;
        vpnlint_report *r = lint(path, &text);
        if (strncmp(text, "<!--", 4) != 0)
            fail_msg("%s must start with an XML comment saying what is wrong", path);
        expect_list e;
        parse_expect(text, &e);
        if (e.n == 0)
            fail_msg("%s: its comment lacks an \"Expect: ID\" line naming the rule(s)", path);
        for (size_t k = 0; k < e.n; k++) {
            vpnlint_rule_info info;
            if (vpnlint_rule_find(&info, e.ids[k]) != VPNLINT_OK) {
                printf("%s: %s is not in the registry yet (pending)\n", names[i], e.ids[k]);
                continue;
            }
            if (tu_count(r, e.ids[k]) == 0) {
                tu_dump(r);
                fail_msg("%s: expected rule %s to fire", path, e.ids[k]);
            }
        }
        vpnlint_report_free(r);
        free(text);
        checked++;
    }
    tu_free_names(names, n);
    assert_true(checked >= 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_profiles_are_clean),
        cmocka_unit_test(test_bad_profiles_are_caught),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
