/* The registry and docs/rules/ agree: every rule has a page whose title is
 * "# <ID> <name>", every page belongs to a rule, and docs/rules/README.md is
 * exactly what `vpnlint rules --format markdown` renders. */
#include "testutil.h"

#include "core/rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_every_rule_has_a_page(void **state)
{
    (void)state;
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *r = vl_registry[i];
        char path[1024];
        snprintf(path, sizeof path, "%s/rules/%s.md", VPNLINT_DOCS_DIR, r->id);
        char *text = tu_read_file(path, NULL);
        if (!text)
            fail_msg("rule %s has no page %s", r->id, path);
        char title[256];
        snprintf(title, sizeof title, "# %s %s\n", r->id, r->name);
        if (strncmp(text, title, strlen(title)) != 0)
            fail_msg("%s must start with \"# %s %s\"", path, r->id, r->name);
        static const char *const sections[] = {"## What it checks", "## Why", "## How to fix",
                                               "## Bad example", "## Good example"};
        for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++)
            if (!strstr(text, sections[k]) && r->kind != VPNLINT_KIND_DEVICE &&
                r->kind != VPNLINT_KIND_UNKNOWN)
                fail_msg("%s lacks the section \"%s\"", path, sections[k]);
        free(text);
    }
}

static void test_every_page_has_a_rule(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/rules", VPNLINT_DOCS_DIR);
    char **names;
    size_t n = tu_list_dir(dir, &names);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], "README.md") == 0)
            continue;
        size_t l = strlen(names[i]);
        if (l < 4 || strcmp(names[i] + l - 3, ".md") != 0)
            fail_msg("docs/rules/%s is not a rule page (*.md)", names[i]);
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)(l - 3), names[i]);
        if (!vl_rule_lookup(id) || strcmp(vl_rule_lookup(id)->id, id) != 0)
            fail_msg("docs/rules/%s documents no rule in the registry", names[i]);
    }
    tu_free_names(names, n);
}

static void test_index_is_generated_from_the_registry(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/rules/README.md", VPNLINT_DOCS_DIR);
    char *text = tu_read_file(path, NULL);
    assert_non_null(text);
    char *want = NULL;
    assert_int_equal(vpnlint_rules_render(&want, VPNLINT_FORMAT_MARKDOWN), VPNLINT_OK);
    if (strcmp(text, want) != 0)
        fail_msg("docs/rules/README.md is stale: regenerate it with "
                 "`vpnlint rules --format markdown > docs/rules/README.md`");
    vpnlint_free(want);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rule_has_a_page),
        cmocka_unit_test(test_every_page_has_a_rule),
        cmocka_unit_test(test_index_is_generated_from_the_registry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
