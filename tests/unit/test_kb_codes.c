#define _POSIX_C_SOURCE 200809L
/* The error-code knowledge base: every code form, registry consistency,
 * causes that name only existing checks, and the explain API/renderers. */
#include "testutil.h"

#include "core/rule.h"
#include "kb/kb.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32 /* the CLI tests below use a POSIX shell (popen, quoting) */
#include <sys/wait.h>
#endif

static const char *lookup_name(const char *text)
{
    vpnlint_error_info info;
    if (vpnlint_error_info_lookup(&info, text) != VPNLINT_OK)
        return NULL;
    return info.name;
}

/* The codes issue 5 lists must all be known. */
static void test_issue_codes_present(void **state)
{
    (void)state;
    static const char *const codes[] = {
        "691",   "789",   "790",   "800",        "806",        "807",        "809",       "810",
        "811",   "812",   "827",   "835",        "853",        "864",        "13801",     "13806",
        "13868", "13876", "13894", "0x80070040", "0x800B0109", "0x800B0101", "0x87D101F4"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        vpnlint_error_info info;
        if (vpnlint_error_info_lookup(&info, codes[i]) != VPNLINT_OK)
            fail_msg("code %s missing: %s", codes[i], vpnlint_error_last());
        assert_true(info.cause_count >= 1);
    }
    assert_string_equal(lookup_name("A general error occurred that is not covered by a more "
                                    "specific error code."),
                        "MI_RESULT_FAILED");
    assert_string_equal(lookup_name("The requested object could not be found."),
                        "MI_RESULT_NOT_FOUND");
    assert_true(vpnlint_error_info_count() >= 30);
}

static void test_every_code_form(void **state)
{
    (void)state;
    struct {
        const char *in, *name;
    } cases[] = {
        {"809", "ERROR_VPN_TIMEOUT"},
        {"Error 809", "ERROR_VPN_TIMEOUT"},
        {"error 809", "ERROR_VPN_TIMEOUT"},
        {"ERROR: 809.", "ERROR_VPN_TIMEOUT"},
        {"error code 809", "ERROR_VPN_TIMEOUT"},
        {"  809  ", "ERROR_VPN_TIMEOUT"},
        {"0x329", "ERROR_VPN_TIMEOUT"},
        {"0X00000329", "ERROR_VPN_TIMEOUT"},
        {"329h", "ERROR_VPN_TIMEOUT"},
        {"0x80070329", "ERROR_VPN_TIMEOUT"}, /* HRESULT_FROM_WIN32(809) */
        {"ERROR_VPN_TIMEOUT", "ERROR_VPN_TIMEOUT"},
        {"error_vpn_timeout", "ERROR_VPN_TIMEOUT"},
        {"Error_Vpn_Timeout", "ERROR_VPN_TIMEOUT"},
        {"13801", "ERROR_IPSEC_IKE_AUTH_FAIL"},
        {"0x800B0109", "CERT_E_UNTRUSTEDROOT"},
        {"0x800b0109", "CERT_E_UNTRUSTEDROOT"},
        {"800B0109", "CERT_E_UNTRUSTEDROOT"},
        {"800b0109", "CERT_E_UNTRUSTEDROOT"},
        {"-2146762487", "CERT_E_UNTRUSTEDROOT"},
        {"2148204809", "CERT_E_UNTRUSTEDROOT"}, /* unsigned decimal */
        {"-2146762495", "CERT_E_EXPIRED"},      /* Hicks' example: 0x800B0101 */
        {"0x800B0101", "CERT_E_EXPIRED"},
        {"80070040", "ERROR_NETNAME_DELETED"}, /* 8 digits, no a-f: read as hex */
        {"0x80070040", "ERROR_NETNAME_DELETED"},
        {"-2147024832", "ERROR_NETNAME_DELETED"},
        {"0x87d101f4", "SyncML(500)"},
        {"-2016345612", "SyncML(500)"},
        {"\"0x87D101F4\"", "SyncML(500)"},
        {"cert_e_untrustedroot", "CERT_E_UNTRUSTEDROOT"},
        {"mi_result_failed", "MI_RESULT_FAILED"},
        {"New-CimInstance : A general error occurred that is not covered by a more specific "
         "error code.",
         "MI_RESULT_FAILED"},
        {"unable to parse the requested XML data", "SyncML(500)"},
        {"the remote server is not responding", "ERROR_VPN_TIMEOUT"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = lookup_name(cases[i].in);
        if (!got || strcmp(got, cases[i].name) != 0)
            fail_msg("'%s' -> %s, expected %s (%s)", cases[i].in, got ? got : "(none)",
                     cases[i].name, vpnlint_error_last());
    }
}

static void test_signed_decimal_arithmetic(void **state)
{
    (void)state;
    uint32_t v, alt;
    bool has_alt;
    assert_int_equal(vl_kb_parse_code("-2146762495", &v, &alt, &has_alt), 0);
    assert_int_equal(v, 0x800B0101u);
    assert_int_equal(vl_kb_parse_code("-2147483648", &v, &alt, &has_alt), 0);
    assert_int_equal(v, 0x80000000u);
    assert_int_equal(vl_kb_parse_code("-1", &v, &alt, &has_alt), 0);
    assert_int_equal(v, 0xFFFFFFFFu);
    /* out of 32-bit range, or not a number at all */
    assert_int_equal(vl_kb_parse_code("-2147483649", &v, &alt, &has_alt), -1);
    assert_int_equal(vl_kb_parse_code("4294967296", &v, &alt, &has_alt), -1);
    assert_int_equal(vl_kb_parse_code("0x123456789", &v, &alt, &has_alt), -1);
    assert_int_equal(vl_kb_parse_code("0x", &v, &alt, &has_alt), -1);
    assert_int_equal(vl_kb_parse_code("", &v, &alt, &has_alt), -1);
    assert_int_equal(vl_kb_parse_code("ERROR_VPN_TIMEOUT", &v, &alt, &has_alt), -1);
    /* an 8-digit number offers both readings */
    assert_int_equal(vl_kb_parse_code("80070040", &v, &alt, &has_alt), 0);
    assert_int_equal(v, 80070040u);
    assert_true(has_alt);
    assert_int_equal(alt, 0x80070040u);
}

static void test_unknown_and_invalid(void **state)
{
    (void)state;
    vpnlint_error_info info;
    assert_int_equal(vpnlint_error_info_lookup(&info, "12345"), VPNLINT_ENOTFOUND);
    assert_non_null(strstr(vpnlint_error_last(), "0x00003039"));
    assert_int_equal(vpnlint_error_info_lookup(&info, "ERROR_DOES_NOT_EXIST"), VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_error_info_lookup(&info, "   "), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_error_info_lookup(&info, NULL), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_error_info_lookup(&info, "error"), VPNLINT_ENOTFOUND);
    /* a short word is not taken as a message fragment */
    assert_int_equal(vpnlint_error_info_lookup(&info, "the"), VPNLINT_ENOTFOUND);
    char *out = NULL;
    assert_int_equal(vpnlint_explain_render(&out, "809", VPNLINT_FORMAT_SARIF), VPNLINT_EINVALID);
    assert_null(out);
}

static void test_registry_consistent(void **state)
{
    (void)state;
    size_t n = vl_kb_count();
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        char buf[16];
        assert_string_equal(e->code, vl_kb_display(e, buf));
        assert_true(e->name && *e->name && e->message && *e->message && e->meaning && *e->meaning);
        assert_true(e->n_causes >= 1);
        for (size_t k = i + 1; k < n; k++) {
            const vl_kb_entry *o = vl_kb_at(k);
            if (vl_strcasecmp(e->name, o->name) == 0)
                fail_msg("name %s twice", e->name);
            if (e->has_value && o->has_value && e->value == o->value)
                fail_msg("value %s twice", e->code);
        }
        /* each entry is found by its own code and name */
        size_t idx = 99999;
        assert_ptr_equal(vl_kb_lookup(e->code, &idx), e);
        assert_int_equal(idx, i);
        assert_ptr_equal(vl_kb_lookup(e->name, NULL), e);
    }
}

/* Finds check IDs (PX001, IN002, PBK012, DEV003, NET004) in free text: they
 * must exist too, so prose cannot point at a check that is not there. */
static void check_ids_in_text(const char *text, const char *where)
{
    for (const char *p = text; p && *p; p++) {
        if (p != text && isalnum((unsigned char)p[-1]))
            continue;
        size_t letters = 0;
        while (isupper((unsigned char)p[letters]))
            letters++;
        if (!((letters == 2 && (strncmp(p, "PX", 2) == 0 || strncmp(p, "IN", 2) == 0)) ||
              (letters == 3 && (strncmp(p, "PBK", 3) == 0 || strncmp(p, "DEV", 3) == 0 ||
                                strncmp(p, "NET", 3) == 0))))
            continue;
        size_t digits = 0;
        while (isdigit((unsigned char)p[letters + digits]))
            digits++;
        if (digits != 3 || isalnum((unsigned char)p[letters + digits]))
            continue;
        char id[8];
        memcpy(id, p, letters + 3);
        id[letters + 3] = '\0';
        if (!vl_rule_lookup(id))
            fail_msg("%s mentions %s, which is not in the rule registry", where, id);
    }
}

/* Every cause names an existing check or says how to check it by hand. */
static void test_causes_point_at_existing_checks(void **state)
{
    (void)state;
    size_t n = vl_kb_count(), rules = 0, manual = 0;
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        for (size_t k = 0; k < e->n_causes; k++) {
            const vl_kb_cause *c = &e->causes[k];
            char where[96];
            snprintf(where, sizeof where, "%s cause %zu", e->code, k + 1);
            assert_true(c->text && *c->text);
            assert_true(c->fix && *c->fix);
            if (c->check) {
                if (!vl_rule_lookup(c->check))
                    fail_msg("%s points at %s, which is not in the rule registry", where, c->check);
                rules++;
            } else {
                if (!c->how || strlen(c->how) < 20)
                    fail_msg("%s is checked by hand but does not say how", where);
                manual++;
            }
            check_ids_in_text(c->text, where);
            check_ids_in_text(c->how, where);
            check_ids_in_text(c->fix, where);
        }
    }
    assert_true(rules >= 1);
    assert_true(manual >= 1);
}

/* The cause test itself must be able to fail: an unknown ID is rejected. */
static void test_rule_lookup_rejects_unknown(void **state)
{
    (void)state;
    assert_null(vl_rule_lookup("PX999"));
    assert_null(vl_rule_lookup("DEV999"));
    assert_non_null(vl_rule_lookup("PX001"));
}

static void test_structured_access(void **state)
{
    (void)state;
    vpnlint_error_info info;
    assert_int_equal(vpnlint_error_info_lookup(&info, "Error 809"), VPNLINT_OK);
    assert_string_equal(info.code, "809");
    assert_int_equal(info.value, 809);
    assert_string_equal(info.area, "ras");
    assert_true(info.has_value);
    vpnlint_error_cause c;
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, 0), VPNLINT_OK);
    assert_int_equal(c.rank, 1);
    assert_non_null(strstr(c.text, "UDP 500"));
    /* the network probe decides it (issue 10) */
    assert_int_equal(c.check_kind, VPNLINT_CHECK_PROBE);
    assert_string_equal(c.check, "NET001");
    assert_true(strlen(c.how) > 0);
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, info.cause_count), VPNLINT_ENOTFOUND);

    assert_int_equal(vpnlint_error_info_lookup(&info, "-2146762487"), VPNLINT_OK);
    assert_string_equal(info.code, "0x800B0109");
    assert_int_equal(info.value_signed, -2146762487);

    /* a rule-checked cause */
    assert_int_equal(vpnlint_error_info_lookup(&info, "0x87D101F4"), VPNLINT_OK);
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, 0), VPNLINT_OK);
    assert_int_equal(c.check_kind, VPNLINT_CHECK_RULE);
    assert_string_equal(c.check, "PX001");

    assert_int_equal(vpnlint_error_info_at(&info, vpnlint_error_info_count()), VPNLINT_ENOTFOUND);
}

static void test_render_text_809(void **state)
{
    (void)state;
    char *out = NULL;
    assert_int_equal(vpnlint_explain_render(&out, "809", VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "809 ERROR_VPN_TIMEOUT"));
    assert_non_null(strstr(out, "In plain words:"));
    assert_non_null(strstr(out, "Likely causes"));
    assert_non_null(strstr(out, "1. UDP 500 or UDP 4500"));
    assert_non_null(strstr(out, "Check: by hand."));
    assert_non_null(strstr(out, "Fix:"));
    assert_non_null(strstr(out, "AssumeUDPEncapsulationContextOnSendRule"));
    /* no line wider than 100 columns */
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > 100 && !memchr(p, '`', len))
            fail_msg("line too long: %.*s", (int)len, p);
        p += len + (nl ? 1 : 0);
    }
    vpnlint_free(out);
}

static void test_render_json(void **state)
{
    (void)state;
    char *out = NULL;
    assert_int_equal(vpnlint_explain_render(&out, "0x87d101f4", VPNLINT_FORMAT_JSON), VPNLINT_OK);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_string_equal(cJSON_GetObjectItem(j, "code")->valuestring, "0x87D101F4");
    assert_string_equal(cJSON_GetObjectItem(j, "hex")->valuestring, "0x87D101F4");
    assert_int_equal((int)cJSON_GetObjectItem(j, "value_signed")->valuedouble, -2016345612);
    cJSON *causes = cJSON_GetObjectItem(j, "causes");
    assert_true(cJSON_GetArraySize(causes) >= 2);
    cJSON *c0 = cJSON_GetArrayItem(causes, 0);
    cJSON *chk = cJSON_GetObjectItem(c0, "check");
    assert_string_equal(cJSON_GetObjectItem(chk, "kind")->valuestring, "rule");
    assert_string_equal(cJSON_GetObjectItem(chk, "id")->valuestring, "PX001");
    cJSON_Delete(j);
    vpnlint_free(out);

    assert_int_equal(vpnlint_explain_list_render(&out, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((size_t)cJSON_GetArraySize(j), vpnlint_error_info_count());
    cJSON_Delete(j);
    vpnlint_free(out);

    assert_int_equal(vpnlint_explain_list_render(&out, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "[ike]"));
    assert_non_null(strstr(out, "ERROR_IPSEC_IKE_POLICY_MATCH"));
    vpnlint_free(out);
}

#ifndef _WIN32
/* The agent: `vpnlint explain 809` prints causes and checks. */
static void test_cli_explain(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' explain 809 'Error 13801' 2>&1", VPNLINT_CLI_PATH);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    int st = pclose(p);
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_non_null(strstr(buf, "809 ERROR_VPN_TIMEOUT"));
    assert_non_null(strstr(buf, "13801 ERROR_IPSEC_IKE_AUTH_FAIL"));
    assert_non_null(strstr(buf, "Check:"));

    snprintf(cmd, sizeof cmd, "'%s' explain 4242 >/dev/null 2>&1", VPNLINT_CLI_PATH);
    st = system(cmd);
    assert_int_equal(WEXITSTATUS(st), 2);
    snprintf(cmd, sizeof cmd, "'%s' explain >/dev/null 2>&1", VPNLINT_CLI_PATH);
    st = system(cmd);
    assert_int_equal(WEXITSTATUS(st), 3);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_codes_present),
        cmocka_unit_test(test_every_code_form),
        cmocka_unit_test(test_signed_decimal_arithmetic),
        cmocka_unit_test(test_unknown_and_invalid),
        cmocka_unit_test(test_registry_consistent),
        cmocka_unit_test(test_causes_point_at_existing_checks),
        cmocka_unit_test(test_rule_lookup_rejects_unknown),
        cmocka_unit_test(test_structured_access),
        cmocka_unit_test(test_render_text_809),
        cmocka_unit_test(test_render_json),
#ifndef _WIN32
        cmocka_unit_test(test_cli_explain),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
