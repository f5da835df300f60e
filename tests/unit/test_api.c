/* The public API contract: versions, errors, options, reports, renderers. */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

static void test_versions_agree(void **state)
{
    (void)state;
    int a, b, c;
    vpnlint_version(&a, &b, &c);
    assert_int_equal(a, VPNLINT_VERSION_MAJOR);
    assert_int_equal(b, VPNLINT_VERSION_MINOR);
    assert_int_equal(c, VPNLINT_VERSION_PATCH);
    assert_string_equal(vpnlint_version_string(), VPNLINT_VERSION_STRING);
    assert_int_equal(vpnlint_abi_version(), VPNLINT_ABI_VERSION);
}

static void test_options_are_validated(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    vpnlint_options o = VPNLINT_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(vpnlint_report_new(&r, &o), VPNLINT_EINVALID);
    assert_null(r);
    assert_int_equal(vpnlint_error_last_code(), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "version 99"));

    vpnlint_options_init(&o, VPNLINT_OPTIONS_VERSION);
    o.disable = "PX001, NOPE42";
    assert_int_equal(vpnlint_report_new(&r, &o), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "NOPE42"));

    vpnlint_options_init(&o, VPNLINT_OPTIONS_VERSION);
    o.severity = "PX001=loud";
    assert_int_equal(vpnlint_report_new(&r, &o), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "loud"));

    o.severity = "PX001";
    assert_int_equal(vpnlint_report_new(&r, &o), VPNLINT_EINVALID);

    assert_int_equal(vpnlint_options_init(&o, 2), VPNLINT_EINVALID);
    vpnlint_error_clear();
    assert_string_equal(vpnlint_error_last(), "");
    assert_int_equal(vpnlint_error_last_code(), VPNLINT_OK);
}

static void test_severity_override_and_disable(void **state)
{
    (void)state;
    const char *bad = "<VPNProfile>";
    vpnlint_options o = VPNLINT_OPTIONS_INIT;
    o.severity = "px001=warning"; /* IDs are case-insensitive */
    vpnlint_report *r = tu_lint_opts("a.xml", bad, strlen(bad), &o);
    assert_int_equal(vpnlint_report_max_severity(r), VPNLINT_SEVERITY_WARNING);
    vpnlint_report_free(r);
    o.severity = "PX001=off";
    r = tu_lint_opts("a.xml", bad, strlen(bad), &o);
    assert_int_equal(vpnlint_report_finding_count(r), 0);
    assert_int_equal(vpnlint_report_max_severity(r), -1);
    vpnlint_report_free(r);
    vpnlint_options o2 = VPNLINT_OPTIONS_INIT;
    o2.only = "IN003";
    r = tu_lint_opts("a.xml", bad, strlen(bad), &o2);
    assert_int_equal(vpnlint_report_finding_count(r), 0);
    vpnlint_report_free(r);
}

static void test_missing_file_is_recorded(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, "/nonexistent/x.xml"), VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_report_file_count(r), 1);
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_int_equal(fi.read_error, VPNLINT_ENOTFOUND);
    assert_non_null(strstr(fi.read_error_message, "no such file"));
    assert_int_equal(vpnlint_report_file(&fi, r, 1), VPNLINT_ENOTFOUND);
    char *s = NULL;
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(s, "/nonexistent/x.xml: error: "));
    vpnlint_free(s);
    assert_int_equal(vpnlint_report_render(&s, r, 42), VPNLINT_EINVALID);
    vpnlint_report_free(r);
}

static void test_add_file_if_known(void **state)
{
    (void)state;
    char dir[512];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-api"), 0);
    char foreign[600], profile[600];
    snprintf(foreign, sizeof foreign, "%s/app.xml", dir);
    snprintf(profile, sizeof profile, "%s/p.xml", dir);
    FILE *f = fopen(foreign, "wb");
    fputs("<Project Sdk=\"x\"/>", f);
    fclose(f);
    f = fopen(profile, "wb");
    fputs("<VPNProfile><DnsSuffix>a.b</DnsSuffix></VPNProfile>", f);
    fclose(f);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file_ex(r, foreign, VPNLINT_ADD_IF_KNOWN),
                     VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_report_file_count(r), 0);
    assert_int_equal(vpnlint_report_add_file_ex(r, profile, VPNLINT_ADD_IF_KNOWN), VPNLINT_OK);
    assert_int_equal(vpnlint_report_file_count(r), 1);
    assert_int_equal(vpnlint_report_add_file(r, foreign), VPNLINT_OK); /* named: reported */
    assert_int_equal(vpnlint_report_file_count(r), 2);
    assert_int_equal(tu_count(r, "IN003"), 1);
    vpnlint_report_free(r);
    remove(foreign);
    remove(profile);
    tu_remove_dir(dir);
}

static void test_file_info_of_a_profile(void **state)
{
    (void)state;
    vpnlint_report *r = tu_lint("p.xml", "<VPNProfile><DnsSuffix>a.b</DnsSuffix></VPNProfile>");
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_string_equal(fi.path, "p.xml");
    assert_int_equal(fi.kind, VPNLINT_KIND_PROFILEXML);
    assert_string_equal(fi.kind_name, "profilexml");
    assert_string_equal(fi.encoding, "utf-8");
    assert_string_equal(fi.envelope, "raw");
    assert_int_equal(fi.read_error, 0);
    vpnlint_report_free(r);
}

static void test_add_finding_and_render(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_finding(r, "x/y.xml", "PX001", VPNLINT_SEVERITY_ERROR,
                                                "made elsewhere", 3, 7),
                     VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_finding(r, "x/y.xml", "NOPE", 2, "m", 1, 1),
                     VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_report_add_finding(r, "x/y.xml", "PX001", 7, "m", 1, 1),
                     VPNLINT_EINVALID);
    assert_int_equal(vpnlint_report_finding_count(r), 1);
    vpnlint_finding f;
    assert_int_equal(vpnlint_report_finding(&f, r, 0), VPNLINT_OK);
    assert_string_equal(f.rule_id, "PX001");
    assert_int_equal(f.line, 3);
    assert_int_equal(f.column, 7);
    assert_non_null(f.help);
    char *s = NULL;
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(s, "x/y.xml:3:7: error: [PX001] made elsewhere"));
    vpnlint_free(s);
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_SARIF), VPNLINT_OK);
    assert_non_null(strstr(s, "\"uri\":\t\"x/y.xml\""));
    assert_non_null(strstr(s, "\"startColumn\":\t7"));
    assert_non_null(strstr(s, "\"endColumn\":\t8"));
    vpnlint_free(s);
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_INTUNE), VPNLINT_OK);
    assert_non_null(strstr(s, "FAIL"));
    assert_null(strchr(s, '\n'));
    vpnlint_free(s);
    /* device findings are counted as locations, not files */
    assert_int_equal(
        vpnlint_report_add_finding(r, "service:RasMan", "DEV001", 2, "not running", 0, 0),
        VPNLINT_OK);
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_INTUNE), VPNLINT_OK);
    assert_non_null(strstr(s, "in 1 file(s) and 1 device location(s)"));
    vpnlint_free(s);
    /* SARIF: a place is a logical location, never an artifact URI */
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_SARIF), VPNLINT_OK);
    cJSON *j = cJSON_Parse(s);
    assert_non_null(j);
    cJSON *results =
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0), "results");
    assert_int_equal(cJSON_GetArraySize(results), 2);
    cJSON *file_loc =
        cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(results, 0), "locations"), 0);
    cJSON *place_loc =
        cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(results, 1), "locations"), 0);
    assert_non_null(cJSON_GetObjectItem(file_loc, "physicalLocation"));
    assert_null(cJSON_GetObjectItem(place_loc, "physicalLocation"));
    cJSON *ll = cJSON_GetArrayItem(cJSON_GetObjectItem(place_loc, "logicalLocations"), 0);
    assert_non_null(ll);
    assert_string_equal(cJSON_GetObjectItem(ll, "fullyQualifiedName")->valuestring,
                        "service:RasMan");
    assert_string_equal(cJSON_GetObjectItem(ll, "kind")->valuestring, "resource");
    cJSON_Delete(j);
    vpnlint_free(s);
    vpnlint_report_free(r);
}

/* SARIF describes the rules its results reference, in registry order, and
 * every ruleIndex points at its own rule. */
static void test_sarif_rules_are_the_referenced_ones(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    char *s = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_SARIF), VPNLINT_OK);
    cJSON *j = cJSON_Parse(s);
    cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
    cJSON *driver = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(driver, "rules")), 0);
    cJSON_Delete(j);
    vpnlint_free(s);

    assert_int_equal(vpnlint_report_add_finding(r, "a.xml", "PX020", 1, "one", 2, 1), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_finding(r, "a.xml", "PX001", 2, "two", 3, 1), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_finding(r, "b.pbk", "PBK001", 2, "three", 4, 1),
                     VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_finding(r, "a.xml", "PX020", 1, "four", 5, 1), VPNLINT_OK);
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_SARIF), VPNLINT_OK);
    j = cJSON_Parse(s);
    assert_non_null(j);
    run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
    driver = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver");
    cJSON *rules = cJSON_GetObjectItem(driver, "rules");
    assert_int_equal(cJSON_GetArraySize(rules), 3);
    /* registry order (by ID), not the order the findings came in */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rules, 0), "id")->valuestring,
                        "PBK001");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rules, 1), "id")->valuestring,
                        "PX001");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rules, 2), "id")->valuestring,
                        "PX020");
    cJSON *results = cJSON_GetObjectItem(run, "results");
    assert_int_equal(cJSON_GetArraySize(results), 4);
    cJSON *res;
    cJSON_ArrayForEach(res, results)
    {
        int k = cJSON_GetObjectItem(res, "ruleIndex")->valueint;
        assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rules, k), "id")->valuestring,
                            cJSON_GetObjectItem(res, "ruleId")->valuestring);
        assert_non_null(cJSON_GetObjectItem(cJSON_GetArrayItem(rules, k), "help"));
    }
    cJSON_Delete(j);
    vpnlint_free(s);
    vpnlint_report_free(r);
}

static void test_intune_line_is_bounded(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    char msg[300];
    memset(msg, 'x', sizeof msg - 1);
    msg[sizeof msg - 1] = '\0';
    memcpy(msg, "\xC3\xA9t\xC3\xA9 ", 6); /* non-ASCII must not be cut in half */
    for (int i = 0; i < 50; i++)
        vpnlint_report_add_finding(r, "C:\\p\\profile.xml", "PX001", 2, msg, (unsigned)i + 1, 1);
    char *s = NULL;
    assert_int_equal(vpnlint_report_render(&s, r, VPNLINT_FORMAT_INTUNE), VPNLINT_OK);
    assert_true(strlen(s) <= 2048);
    assert_null(strchr(s, '\n'));
    assert_non_null(strstr(s, "profile.xml:1 "));
    vpnlint_free(s);
    vpnlint_report_free(r);
}

static void test_rule_catalogue(void **state)
{
    (void)state;
    assert_true(vpnlint_rule_count() > 0);
    vpnlint_rule_info info;
    assert_int_equal(vpnlint_rule_find(&info, "px001"), VPNLINT_OK);
    assert_string_equal(info.id, "PX001");
    assert_string_equal(info.name, "not-well-formed");
    assert_int_equal(info.kind, VPNLINT_KIND_PROFILEXML);
    assert_int_equal(vpnlint_rule_find(&info, "PX9999"), VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_rule_at(&info, vpnlint_rule_count()), VPNLINT_ENOTFOUND);
    char *prev = NULL;
    for (size_t i = 0; i < vpnlint_rule_count(); i++) {
        assert_int_equal(vpnlint_rule_at(&info, i), VPNLINT_OK);
        assert_true(strlen(info.short_description) > 0);
        assert_true(strlen(info.full_description) > 0);
        assert_true(strlen(info.help) > 0);
        if (prev)
            assert_true(strcmp(prev, info.id) < 0); /* sorted, unique */
        prev = (char *)info.id;
    }
    char *s = NULL;
    assert_int_equal(vpnlint_rules_render(&s, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    assert_non_null(strstr(s, "\"id\":\t\"PX001\""));
    vpnlint_free(s);
    assert_int_equal(vpnlint_rules_render(&s, VPNLINT_FORMAT_SARIF), VPNLINT_EINVALID);
}

/* vl_rule_lookup searches by halves: the registry must stay sorted by ID. */
static void test_registry_is_sorted_by_id(void **state)
{
    (void)state;
    vpnlint_rule_info prev, cur;
    assert_int_equal(vpnlint_rule_at(&prev, 0), VPNLINT_OK);
    for (size_t i = 1; vpnlint_rule_at(&cur, i) == VPNLINT_OK; i++) {
        if (strcmp(prev.id, cur.id) >= 0)
            fail_msg("rule %s comes after %s in the registry", cur.id, prev.id);
        prev = cur;
    }
}

static void test_null_arguments(void **state)
{
    (void)state;
    assert_int_equal(vpnlint_report_new(NULL, NULL), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_report_add_file(NULL, "x"), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_report_add_buffer(NULL, "x", "", 0), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_rule_at(NULL, 0), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_report_finding_count(NULL), 0);
    vpnlint_report_free(NULL);
    vpnlint_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions_agree),
        cmocka_unit_test(test_options_are_validated),
        cmocka_unit_test(test_severity_override_and_disable),
        cmocka_unit_test(test_missing_file_is_recorded),
        cmocka_unit_test(test_file_info_of_a_profile),
        cmocka_unit_test(test_add_file_if_known),
        cmocka_unit_test(test_add_finding_and_render),
        cmocka_unit_test(test_sarif_rules_are_the_referenced_ones),
        cmocka_unit_test(test_intune_line_is_bounded),
        cmocka_unit_test(test_rule_catalogue),
        cmocka_unit_test(test_registry_is_sorted_by_id),
        cmocka_unit_test(test_null_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
