/* Every rule has tests/fixtures/rules/<ID>/ with at least one bad* and one
 * good* input: each bad one must raise the rule (on the lines listed in
 * <fixture>.expect, when present), no good one may. An optional `options`
 * file in the folder sets min-build=N, target=intune|wmi|any for all its
 * fixtures. Device rules are exercised by the device tests instead. */
#include "testutil.h"

#include "core/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void load_options(const char *dir, vpnlint_options *opt)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/options", dir);
    char *text = tu_read_file(path, NULL);
    if (!text)
        return;
    for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        if (strncmp(line, "min-build=", 10) == 0)
            opt->min_build = (uint32_t)strtoul(line + 10, NULL, 10);
        else if (strcmp(line, "target=intune") == 0)
            opt->target = VPNLINT_TARGET_INTUNE;
        else if (strcmp(line, "target=wmi") == 0)
            opt->target = VPNLINT_TARGET_WMI;
        else if (strcmp(line, "target=any") == 0)
            opt->target = VPNLINT_TARGET_ANY;
        else
            fail_msg("%s: unknown option line '%s'", path, line);
    }
    free(text);
}

static int is_fixture(const char *name, const char *prefix)
{
    size_t n = strlen(name);
    if (strncmp(name, prefix, strlen(prefix)) != 0)
        return 0;
    return n > 4 && (strcmp(name + n - 4, ".xml") == 0 || strcmp(name + n - 4, ".pbk") == 0 ||
                     (n > 7 && strcmp(name + n - 7, ".syncml") == 0));
}

static void check_expect(const char *fixture_path, const vpnlint_report *r, const char *id)
{
    char path[1100];
    snprintf(path, sizeof path, "%s.expect", fixture_path);
    char *text = tu_read_file(path, NULL);
    if (!text)
        return;
    size_t want = 0;
    for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        unsigned l = (unsigned)strtoul(line, NULL, 10);
        want++;
        if (!tu_has_at(r, id, l)) {
            tu_dump(r);
            fail_msg("%s: expected %s on line %u", fixture_path, id, l);
        }
    }
    if (tu_count(r, id) != want) {
        tu_dump(r);
        fail_msg("%s: expected %zu finding(s) of %s, got %zu", fixture_path, want, id,
                 tu_count(r, id));
    }
    free(text);
}

static void test_every_rule_has_fixtures_that_behave(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *rule = vl_registry[i];
        if (rule->kind == VPNLINT_KIND_DEVICE || rule->kind == VPNLINT_KIND_NETWORK)
            continue;
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/rules/%s", VPNLINT_FIXTURES_DIR, rule->id);
        char **names;
        size_t n = tu_list_dir(dir, &names);
        size_t bad = 0, good = 0;
        vpnlint_options opt = VPNLINT_OPTIONS_INIT;
        opt.flags = VPNLINT_OPT_PEDANTIC;
        load_options(dir, &opt);
        if (strcmp(rule->id, "IN001") == 0)
            opt.max_bytes = 64;
        for (size_t k = 0; k < n; k++) {
            int is_bad = is_fixture(names[k], "bad");
            int is_good = is_fixture(names[k], "good");
            if (!is_bad && !is_good)
                continue;
            char path[1100];
            snprintf(path, sizeof path, "%s/%s", dir, names[k]);
            size_t len;
            char *data = tu_read_file(path, &len);
            assert_non_null(data);
            vpnlint_report *r = tu_lint_opts(path, data, len, &opt);
            size_t hits = tu_count(r, rule->id);
            if (is_bad) {
                bad++;
                if (hits == 0) {
                    tu_dump(r);
                    fail_msg("%s: bad fixture does not raise %s", path, rule->id);
                }
                check_expect(path, r, rule->id);
            } else {
                good++;
                if (hits != 0) {
                    tu_dump(r);
                    fail_msg("%s: good fixture raises %s", path, rule->id);
                }
            }
            vpnlint_report_free(r);
            free(data);
        }
        tu_free_names(names, n);
        if (bad == 0 || good == 0)
            fail_msg("rule %s needs at least one bad* and one good* fixture in %s (has %zu bad, "
                     "%zu good)",
                     rule->id, dir, bad, good);
        checked++;
    }
    assert_true(checked > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_has_fixtures_that_behave),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
