/* Behaviour of the envelope and schema rules (PX002-PX036) that fixtures
 * alone cannot show: options that switch rules or severities, secrets never
 * echoed, suggestions named, findings on the shared real-world corpus. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE_HEAD                                                                                  \
    "<VPNProfile><AlwaysOn>true</AlwaysOn><DeviceTunnel>true</DeviceTunnel>"                       \
    "<NativeProfile><Servers>vpn.example.com</Servers>"                                            \
    "<RoutingPolicyType>SplitTunnel</RoutingPolicyType>"                                           \
    "<NativeProtocolType>IKEv2</NativeProtocolType>"
#define BASE_AUTH "<Authentication><MachineMethod>Certificate</MachineMethod></Authentication>"
#define BASE_TAIL                                                                                  \
    "</NativeProfile><Route><Address>10.0.0.0</Address><PrefixSize>8</PrefixSize></Route>"

static vpnlint_report *lint_with(const char *xml, uint32_t min_build, int target, unsigned flags)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.min_build = min_build;
    opt.target = target;
    opt.flags = flags;
    return tu_lint_opts("t.xml", xml, strlen(xml), &opt);
}

static int severity_of(const vpnlint_report *r, const char *id)
{
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        if (strcmp(f.rule_id, id) == 0)
            return f.severity;
    }
    return -1;
}

static const char *message_of(const vpnlint_report *r, const char *id)
{
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        if (strcmp(f.rule_id, id) == 0)
            return f.message;
    }
    return NULL;
}

static void test_min_build_only_when_given(void **state)
{
    (void)state;
    const char *xml = BASE_HEAD BASE_AUTH BASE_TAIL "<DataEncryption>Max</DataEncryption>"
                                                    "</VPNProfile>";
    vpnlint_report *r = lint_with(xml, 0, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX028"), 0); /* default 10240 is not the user's */
    vpnlint_report_free(r);
    r = lint_with(xml, 22000, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX028"), 0);
    vpnlint_report_free(r);
    r = lint_with(xml, 19045, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX028"), 1);
    assert_non_null(strstr(message_of(r, "PX028"), "DataEncryption"));
    vpnlint_report_free(r);
    /* below 1607 the ProfileXML node itself is missing; 1511 elements are
     * not reported one by one */
    r = lint_with(xml, 10586, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX028"), 3); /* node, DeviceTunnel (16299), DataEncryption */
    vpnlint_report_free(r);
}

/* One problem, one finding: a setting with a rule of its own (PX088, PX093,
 * PX044) is not reported again by the general rule (PX028, PX027). */
static void test_specific_rule_reports_alone(void **state)
{
    (void)state;
    const char *tf = BASE_HEAD BASE_AUTH BASE_TAIL
        "<TrafficFilter><App><Id>SYSTEM</Id></App><Direction>Inbound</Direction></TrafficFilter>"
        "<TrafficFilter><App><Id>SYSTEM</Id></App><Direction>Inbound</Direction></TrafficFilter>"
        "</VPNProfile>";
    vpnlint_report *r = lint_with(tf, 17763, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX088"), 2);
    assert_int_equal(tu_count(r, "PX028"), 0);
    vpnlint_report_free(r);
    /* an outbound filter has no rule of its own: the element is newer than 17763 */
    const char *mixed = BASE_HEAD BASE_AUTH BASE_TAIL
        "<TrafficFilter><App><Id>SYSTEM</Id></App><Direction>Inbound</Direction></TrafficFilter>"
        "<TrafficFilter><App><Id>SYSTEM</Id></App><Direction>Outbound</Direction></TrafficFilter>"
        "<TrafficFilter><App><Id>SYSTEM</Id></App><Direction>Outbound</Direction></TrafficFilter>"
        "</VPNProfile>";
    r = lint_with(mixed, 17763, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX088"), 1);
    assert_int_equal(tu_count(r, "PX028"), 1);
    assert_non_null(strstr(message_of(r, "PX028"), "Direction> (and 1 more)"));
    vpnlint_report_free(r);

    const char *ui = BASE_HEAD BASE_AUTH BASE_TAIL
        "<DisableDisconnectButton>true</DisableDisconnectButton>"
        "<DisableAdvancedOptionsEditButton>false</DisableAdvancedOptionsEditButton></VPNProfile>";
    r = lint_with(ui, 19045, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX093"), 1);
    assert_int_equal(tu_count(r, "PX028"), 1); /* the false one: PX093 ignores it */
    assert_non_null(strstr(message_of(r, "PX028"), "DisableAdvancedOptionsEditButton"));
    vpnlint_report_free(r);

    /* PrefixSize over 255 is outside the schema's byte (PX027), over 32 on IPv4 is PX044 */
    static const struct {
        const char *prefix;
        size_t px027, px044;
    } routes[] = {{"300", 1, 0}, {"64", 0, 1}};
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        char route[400];
        snprintf(route, sizeof route,
                 BASE_HEAD BASE_AUTH "</NativeProfile><Route><Address>10.0.0.0</Address>"
                                     "<PrefixSize>%s</PrefixSize></Route></VPNProfile>",
                 routes[i].prefix);
        r = lint_with(route, 0, VPNLINT_TARGET_ANY, 0);
        assert_int_equal(tu_count(r, "PX027"), routes[i].px027);
        assert_int_equal(tu_count(r, "PX044"), routes[i].px044);
        vpnlint_report_free(r);
    }
}

static void test_target_switches_envelope_rules(void **state)
{
    (void)state;
    const char *xml = BASE_HEAD BASE_AUTH BASE_TAIL "</VPNProfile>\n";
    char *multi = malloc(strlen(xml) + 64);
    assert_non_null(multi);
    snprintf(multi, strlen(xml) + 64, "<VPNProfile>\n  %s", xml + strlen("<VPNProfile>"));
    vpnlint_report *r = lint_with(multi, 0, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX005"), 0);
    vpnlint_report_free(r);
    r = lint_with(multi, 0, VPNLINT_TARGET_INTUNE, 0);
    assert_int_equal(tu_count(r, "PX005"), 1);
    vpnlint_report_free(r);
    r = lint_with(xml, 0, VPNLINT_TARGET_INTUNE, 0); /* one line + final newline */
    assert_int_equal(tu_count(r, "PX005"), 0);
    vpnlint_report_free(r);
    free(multi);

    /* BOM: info by default, warning for Intune */
    size_t n = strlen(xml);
    char *bom = malloc(n + 4);
    assert_non_null(bom);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, xml, n + 1);
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    r = tu_lint_opts("bom.xml", bom, n + 3, &opt);
    assert_int_equal(severity_of(r, "PX003"), VPNLINT_SEVERITY_INFO);
    vpnlint_report_free(r);
    opt.target = VPNLINT_TARGET_INTUNE;
    r = tu_lint_opts("bom.xml", bom, n + 3, &opt);
    assert_int_equal(severity_of(r, "PX003"), VPNLINT_SEVERITY_WARNING);
    vpnlint_report_free(r);
    free(bom);

    /* &amp;: warning for WMI scripts, info by default, not for Intune */
    const char *amp = BASE_HEAD BASE_AUTH BASE_TAIL "<ProfileName>R&amp;D</ProfileName>"
                                                    "</VPNProfile>";
    r = lint_with(amp, 0, VPNLINT_TARGET_WMI, 0);
    assert_int_equal(severity_of(r, "PX008"), VPNLINT_SEVERITY_WARNING);
    vpnlint_report_free(r);
    r = lint_with(amp, 0, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(severity_of(r, "PX008"), VPNLINT_SEVERITY_INFO);
    vpnlint_report_free(r);
    r = lint_with(amp, 0, VPNLINT_TARGET_INTUNE, 0);
    assert_int_equal(tu_count(r, "PX008"), 0);
    vpnlint_report_free(r);
}

static void test_order_is_opt_in(void **state)
{
    (void)state;
    const char *xml =
        "<VPNProfile><Route><Address>10.0.0.0</Address><PrefixSize>8</PrefixSize>"
        "</Route><AlwaysOn>true</AlwaysOn><NativeProfile><Servers>v</Servers>"
        "<NativeProtocolType>IKEv2</NativeProtocolType>" BASE_AUTH "</NativeProfile></VPNProfile>";
    vpnlint_report *r = lint_with(xml, 0, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX035"), 0);
    vpnlint_report_free(r);
    r = lint_with(xml, 0, VPNLINT_TARGET_ANY, VPNLINT_OPT_PEDANTIC);
    assert_int_equal(tu_count(r, "PX035"), 1);
    vpnlint_report_free(r);
}

static void test_secrets_never_echoed(void **state)
{
    (void)state;
    const char *xml = "<VPNProfile><NativeProfile><Servers>v</Servers>"
                      "<NativeProtocolType>L2TP</NativeProtocolType>"
                      "<L2tpPsk>Zebra-Secret-42</L2tpPsk>" BASE_AUTH
                      "</NativeProfile><APNBinding><Password>Apn-Secret-7</Password></APNBinding>"
                      "</VPNProfile>";
    vpnlint_report *r = lint_with(xml, 19045, VPNLINT_TARGET_ANY, VPNLINT_OPT_PEDANTIC);
    assert_int_equal(tu_count(r, "PX036"), 2);
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        assert_null(strstr(f.message, "Zebra-Secret"));
        assert_null(strstr(f.message, "Apn-Secret"));
    }
    vpnlint_report_free(r);
}

static void test_unknown_element_suggestions(void **state)
{
    (void)state;
    static const struct {
        const char *xml, *want;
    } cases[] = {
        {"<EDPModeID>x</EDPModeID>", "<EdpModeId>"},
        {"<DnsSufix>a</DnsSufix>", "<DnsSuffix>"},
        {"<DisableClassBasedDefaultRoute>true</DisableClassBasedDefaultRoute>", "NativeProfile"},
        {"<RouteList/>", "<Route>"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char xml[1024];
        snprintf(xml, sizeof xml, "%s%s%s%s</VPNProfile>", BASE_HEAD, BASE_AUTH, BASE_TAIL,
                 cases[k].xml);
        vpnlint_report *r = lint_with(xml, 0, VPNLINT_TARGET_ANY, 0);
        assert_int_equal(tu_count(r, "PX020"), 1);
        if (!strstr(message_of(r, "PX020"), cases[k].want))
            fail_msg("case %zu: '%s' lacks '%s'", k, message_of(r, "PX020"), cases[k].want);
        vpnlint_report_free(r);
    }
    /* ProtocolList/RetryTimeinHours: the CSP example's spelling */
    const char *pl = "<VPNProfile><NativeProfile><Servers>v</Servers>"
                     "<NativeProtocolType>ProtocolList</NativeProtocolType><ProtocolList>"
                     "<NativeProtocol><Type>Ikev2</Type></NativeProtocol>"
                     "<RetryTimeinHours>168</RetryTimeinHours></ProtocolList>" BASE_AUTH
                     "</NativeProfile></VPNProfile>";
    vpnlint_report *r = lint_with(pl, 0, VPNLINT_TARGET_ANY, 0);
    assert_int_equal(tu_count(r, "PX020"), 1);
    assert_non_null(strstr(message_of(r, "PX020"), "<RetryTimeInHours>"));
    vpnlint_report_free(r);
}

/* The shared corpus sits next to the main checkout; a worktree elsewhere can
 * point at it with VPNLINT_CORPUS_DIR. */
static const char *corpus_dir(void)
{
    const char *d = getenv("VPNLINT_CORPUS_DIR");
    return d && *d ? d : VPNLINT_CORPUS_DIR;
}

static void test_corpus_findings(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path,
             "%s/profilexml/richardhicks-aovpn-ProfileXML_Entra_ConditionalAccess.xml",
             corpus_dir());
    size_t len;
    char *data = tu_read_file(path, &len);
    if (!data)
        skip(); /* the shared corpus is not part of the repository */
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    vpnlint_report *r = tu_lint_opts(path, data, len, &opt);
    assert_int_equal(tu_count(r, "PX009"), 1);
    assert_true(tu_has_at(r, "PX009", 61)); /* '-->>' leaves a '>' */
    assert_int_equal(tu_count(r, "PX020"), 0);
    assert_int_equal(tu_count(r, "PX022"), 0);
    assert_int_equal(tu_count(r, "PX025"), 0);
    vpnlint_report_free(r);
    free(data);

    snprintf(path, sizeof path, "%s/profilexml/leiqos-aovpn-dornMX_User_tunnel_profile.xml",
             corpus_dir());
    data = tu_read_file(path, &len);
    assert_non_null(data);
    r = tu_lint_opts(path, data, len, &opt);
    assert_int_equal(tu_count(r, "PX034"), 1); /* entity-escaped EAP */
    assert_true(tu_has_at(r, "PX020", 68));    /* DisableClassBasedDefaultRoute at the root */
    assert_int_equal(tu_count(r, "PX004"), 1); /* leading blank line */
    vpnlint_report_free(r);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_min_build_only_when_given),
        cmocka_unit_test(test_specific_rule_reports_alone),
        cmocka_unit_test(test_target_switches_envelope_rules),
        cmocka_unit_test(test_order_is_opt_in),
        cmocka_unit_test(test_secrets_never_echoed),
        cmocka_unit_test(test_unknown_element_suggestions),
        cmocka_unit_test(test_corpus_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
