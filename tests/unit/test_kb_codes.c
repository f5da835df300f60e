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

/* Every cause is sound: it says what it is about, names only checks that
 * exist and whose kind fits (vl_kb_cause_valid), or says how to check it by
 * hand; IDs mentioned in its prose obey the same. */
static void test_causes_point_at_existing_checks(void **state)
{
    (void)state;
    size_t n = vl_kb_count(), checked = 0, manual = 0, device = 0;
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        for (size_t k = 0; k < e->n_causes; k++) {
            const vl_kb_cause *c = &e->causes[k];
            char msg[256];
            if (!vl_kb_cause_valid(c, msg, sizeof msg))
                fail_msg("%s cause %zu (%.40s...): %s", e->code, k + 1, c->text, msg);
            if (c->check) {
                checked++;
                device += vl_kb_check_kind(c->check) == VPNLINT_CHECK_DEVICE;
            } else {
                manual++;
            }
        }
    }
    assert_true(checked >= 40);
    assert_true(device >= 5);
    assert_true(manual >= 1);
}

/* The validator itself must be able to fail: unknown IDs, IDs of a kind that
 * does not fit what the cause is about, malformed lists, missing parts. */
static void test_cause_validator_rejects(void **state)
{
    (void)state;
    const unsigned P = VL_KB_ON_PROFILE, B = VL_KB_ON_PBK, D = VL_KB_ON_DEVICE;
    const char *how = "run certutil -store My and read the EKU line";
    struct {
        vl_kb_cause c;
        const char *expect; /* fragment of the message, NULL = valid */
    } cases[] = {
        {{.text = "t", .on = P, .check = "PX001", .fix = "f"}, NULL},
        {{.text = "t", .on = D | B, .check = "DEV004 DEV005 PBK039", .fix = "f"}, NULL},
        {{.text = "t", .on = D, .check = "DEV001", .fix = "f"}, NULL},
        {{.text = "t", .on = VL_KB_ON_CERT, .how = how, .fix = "f"}, NULL},
        {{.text = "t", .on = P, .check = "PX999", .fix = "f"}, "not in the rule registry"},
        {{.text = "t", .on = P, .check = "PX001 PX999", .fix = "f"}, "PX999"},
        {{.text = "t", .on = VL_KB_ON_NETWORK, .check = "NET001", .fix = "f"}, NULL},
        {{.text = "t", .on = P, .check = "NET001", .fix = "f"}, "a network probe check"},
        {{.text = "t", .on = VL_KB_ON_NETWORK, .check = "NET999", .fix = "f"},
         "not in the rule registry"},
        {{.text = "t", .on = P, .check = "PBK030", .fix = "f"}, "a phonebook rule"},
        {{.text = "t", .on = B, .check = "PX075", .fix = "f"}, "a ProfileXML rule"},
        {{.text = "t", .on = P, .check = "DEV004", .fix = "f"}, "a device check"},
        {{.text = "t", .on = D, .check = "PX001", .fix = "f"}, "a ProfileXML rule"},
        {{.text = "t", .on = VL_KB_ON_NETWORK, .check = "PX001", .fix = "f"}, "not about"},
        {{.text = "t", .on = P, .check = "PX001 PX001", .fix = "f"}, "twice"},
        {{.text = "t", .on = P, .check = "PX001  PX002", .fix = "f"}, "single spaces"},
        {{.text = "t", .on = P, .check = "PX001,PX002", .fix = "f"}, "not in the rule registry"},
        {{.text = "t", .on = P, .check = " PX001", .fix = "f"}, "single spaces"},
        {{.text = "t", .on = P, .check = "", .fix = "f"}, "single spaces"},
        {{.text = "t", .on = 0, .check = "PX001", .fix = "f"}, "what it is about"},
        {{.text = "t", .on = P, .fix = "f"}, "does not say how"},
        {{.text = "t", .on = P, .how = "short", .fix = "f"}, "does not say how"},
        {{.text = "", .on = P, .check = "PX001", .fix = "f"}, "no text"},
        {{.text = "t", .on = P, .check = "PX001"}, "no fix"},
        {{.text = "t", .on = P, .how = how, .fix = "f", .lint_args = "--target wmi"},
         "no rule to run"},
        /* prose: IDs must exist and fit too */
        {{.text = "t", .on = VL_KB_ON_CERT, .how = "see PX998 for the details of this", .fix = "f"},
         "mentions PX998"},
        {{.text = "t",
          .on = VL_KB_ON_CERT,
          .how = "PBK039 lists the entries that need it",
          .fix = "f"},
         "a phonebook rule"},
        {{.text = "t (DEV006)", .on = P, .check = "PX001", .fix = "f"}, "mentions DEV006"},
        {{.text = "t", .on = P, .check = "PX001", .fix = "see NET004"}, "mentions NET004"},
        {{.text = "t", .on = P | B, .check = "PX001", .fix = "PBK030 too"}, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[256] = "";
        bool ok = vl_kb_cause_valid(&cases[i].c, msg, sizeof msg);
        if (!cases[i].expect) {
            if (!ok)
                fail_msg("case %zu should be valid: %s", i, msg);
        } else if (ok) {
            fail_msg("case %zu should be rejected (%s)", i, cases[i].expect);
        } else if (!strstr(msg, cases[i].expect)) {
            fail_msg("case %zu: message '%s' lacks '%s'", i, msg, cases[i].expect);
        }
    }
    /* input rules read either file; a kind the table does not know fits nothing */
    vl_kb_cause in_rule = {.text = "t", .on = B, .check = "IN002", .fix = "f"};
    char msg[256];
    assert_true(vl_kb_cause_valid(&in_rule, msg, sizeof msg));
    in_rule.on = D;
    assert_false(vl_kb_cause_valid(&in_rule, msg, sizeof msg));
    assert_false(vl_kb_kind_fits(99, VL_KB_ON_ALL));
    assert_true(vl_kb_kind_fits(VPNLINT_KIND_DEVICE, D | P));
    assert_false(vl_kb_kind_fits(VPNLINT_KIND_PBK, P | D | VL_KB_ON_NETWORK));
    assert_null(vl_rule_lookup("PX999"));
    assert_null(vl_rule_lookup("DEV999"));
    assert_non_null(vl_rule_lookup("PX001"));
}

/* True when some cause of the entry for `code` names `id` as a check. */
static bool entry_checked_by(const char *code, const char *id)
{
    size_t index;
    const vl_kb_entry *e = vl_kb_lookup(code, &index);
    if (!e)
        fail_msg("%s is not in the knowledge base", code);
    for (size_t k = 0; k < e->n_causes; k++) {
        char one[16];
        for (size_t j = 0; vl_kb_check_id(e->causes[k].check, j, one); j++)
            if (strcmp(one, id) == 0)
                return true;
    }
    return false;
}

/* The checks that decide the best-known causes stay wired to their codes. */
static void test_known_causes_have_their_checks(void **state)
{
    (void)state;
    static const struct {
        const char *code, *id;
    } pairs[] = {
        {"809", "DEV004"},
        {"809", "DEV005"},
        {"809", "PBK039"},
        {"809", "DEV006"},
        {"809", "PBK051"},
        {"789", "PBK031"},
        {"789", "DEV004"},
        {"789", "DEV007"},
        {"789", "DEV002"},
        {"800", "PBK030"},
        {"800", "PX024"},
        {"691", "PBK032"},
        {"812", "PX102"},
        {"812", "PX110"},
        {"812", "PX101"},
        {"812", "PX104"},
        {"812", "PBK033"},
        {"827", "DEV001"},
        {"827", "DEV002"},
        {"827", "DEV003"},
        {"853", "PX114"},
        {"864", "PX111"},
        {"864", "PX055"},
        {"864", "PX110"},
        {"868", "PBK043"},
        {"0x800B0109", "PX111"},
        {"0x800B0109", "PX055"},
        {"13868", "PX075"},
        {"13868", "PX072"},
        {"13868", "PX073"},
        {"13868", "PX074"},
        {"13876", "DEV002"},
        {"0x87D101F4", "PX001"},
        {"0x87D101F4", "PX003"},
        {"0x87D101F4", "PX004"},
        {"0x87D101F4", "PX005"},
        {"0x87D101F4", "PX006"},
        {"0x87D101F4", "PX007"},
        {"0x87D101F4", "PX020"},
        {"0x87D101F4", "PX025"},
        {"0x87D101F4", "PX100"},
        {"MI_RESULT_FAILED", "PX001"},
        {"MI_RESULT_FAILED", "PX006"},
        {"MI_RESULT_FAILED", "PX007"},
        {"MI_RESULT_FAILED", "PX008"},
        {"MI_RESULT_FAILED", "PX020"},
        {"MI_RESULT_FAILED", "PX025"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        if (!entry_checked_by(pairs[i].code, pairs[i].id))
            fail_msg("%s no longer names %s as a check", pairs[i].code, pairs[i].id);
    /* the network probe decides the network causes (issue 10) */
    size_t index;
    const vl_kb_entry *e = vl_kb_lookup("809", &index);
    assert_non_null(e);
    assert_string_equal(e->causes[0].check, "NET001 NET002");
    assert_non_null(strstr(e->causes[0].text, "UDP 500"));
}

/* Whole-word occurrence of `word` in `text` (case-insensitive). */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; p && *p; p++) {
        if (vl_strncasecmp(p, word, n) != 0)
            continue;
        bool left = p == text || !isalnum((unsigned char)p[-1]);
        bool right = !isalnum((unsigned char)p[n]);
        if (left && right)
            return true;
    }
    return false;
}

static bool entry_mentions(const vl_kb_entry *e, const char *id)
{
    for (size_t k = 0; k < e->n_causes; k++) {
        const vl_kb_cause *c = &e->causes[k];
        if (has_word(c->check, id) || has_word(c->text, id) || has_word(c->how, id) ||
            has_word(c->fix, id))
            return true;
    }
    return false;
}

/* A rule that names an error code as its symptom is wired to that code: its
 * ID appears in the code's causes (as a check or in the prose). Mentions
 * that are not a cause of that code are listed here with the reason. */
static void test_rules_naming_a_code_are_wired(void **state)
{
    (void)state;
    static const struct {
        const char *id, *code, *why;
    } not_causes[] = {
        {"PBK030", "809", "Automatic hides 809; the cause is listed under 800"},
        {"PBK030", "789", "Automatic hides 789; the cause is listed under 800"},
        {"PBK030", "13801", "Automatic hides 13801; the cause is listed under 800"},
        {"PX024", "809", "no protocol pinned hides 809; listed under 800"},
        {"PX024", "13801", "no protocol pinned hides 13801; listed under 800"},
        {"PBK008", "809", "a damaged custom IPsec policy is listed under 13868"},
    };
    static const struct {
        const char *code, *words;
    } message_entries[] = {
        {"MI_RESULT_FAILED", "general error"},
        {"MI_RESULT_NOT_FOUND", "requested object could not be found"},
    };
    size_t wired = 0;
    for (size_t r = 0; r < vl_registry_count; r++) {
        const vl_rule *rule = vl_registry[r];
        const char *texts[] = {rule->summary, rule->description, rule->fix};
        for (size_t i = 0; i < vl_kb_count(); i++) {
            const vl_kb_entry *e = vl_kb_at(i);
            const char *word = e->code;
            for (size_t m = 0; m < sizeof message_entries / sizeof message_entries[0]; m++)
                if (strcmp(e->code, message_entries[m].code) == 0)
                    word = message_entries[m].words;
            bool named = false;
            for (size_t t = 0; t < 3; t++)
                named = named || (texts[t] && has_word(texts[t], word));
            if (!named)
                continue;
            bool excused = false;
            for (size_t x = 0; x < sizeof not_causes / sizeof not_causes[0]; x++)
                excused = excused || (strcmp(not_causes[x].id, rule->id) == 0 &&
                                      strcmp(not_causes[x].code, e->code) == 0);
            if (excused)
                continue;
            if (!entry_mentions(e, rule->id))
                fail_msg("%s names error %s, but no cause of %s mentions %s", rule->id, e->code,
                         e->code, rule->id);
            wired++;
        }
    }
    assert_true(wired >= 20);
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
    assert_int_equal(c.check_kind, VPNLINT_CHECK_PROBE);
    assert_string_equal(c.check, "NET001 NET002");
    assert_true(strlen(c.how) > 0);
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, info.cause_count), VPNLINT_ENOTFOUND);

    assert_int_equal(vpnlint_error_info_lookup(&info, "-2146762487"), VPNLINT_OK);
    assert_string_equal(info.code, "0x800B0109");
    assert_int_equal(info.value_signed, -2146762487);

    /* several checks: the list, and the kind of the first */
    assert_int_equal(vpnlint_error_info_lookup(&info, "809"), VPNLINT_OK);
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, 1), VPNLINT_OK);
    assert_string_equal(c.check, "DEV004 DEV005 PBK039");
    assert_int_equal(c.check_kind, VPNLINT_CHECK_DEVICE);

    /* a rule-checked cause */
    assert_int_equal(vpnlint_error_info_lookup(&info, "0x87D101F4"), VPNLINT_OK);
    assert_int_equal(vpnlint_error_cause_at(&c, info.index, 0), VPNLINT_OK);
    assert_int_equal(c.check_kind, VPNLINT_CHECK_RULE);
    assert_string_equal(c.check, "PX001");

    assert_int_equal(vpnlint_error_info_at(&info, vpnlint_error_info_count()), VPNLINT_ENOTFOUND);
}

/* No line wider than 100 columns, except one holding a `command` that does
 * not fit (commands are never broken). */
static void assert_lines_fit(const char *out, const char *what)
{
    for (const char *p = out; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > 100 && !memchr(p, '`', len))
            fail_msg("%s: line too long: %.*s", what, (int)len, p);
        /* a command is whole on its line: an even number of backquotes */
        size_t ticks = 0;
        for (size_t i = 0; i < len; i++)
            ticks += p[i] == '`';
        if (ticks % 2)
            fail_msg("%s: a `command` is broken over lines: %.*s", what, (int)len, p);
        p += len + (nl ? 1 : 0);
    }
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
    assert_non_null(strstr(out, "Check: NET001, NET002 - run `vpnlint probe PROFILE.xml` from the "
                                "clients' network"));
    assert_non_null(strstr(out, "Fix:"));
    assert_non_null(strstr(out, "AssumeUDPEncapsulationContextOnSendRule"));
    /* each check says how to run it */
    assert_non_null(strstr(out, "Check: DEV004, DEV005 - run `vpnlint detect` on the Windows "
                                "client"));
    assert_non_null(strstr(out, "       PBK039 - run `vpnlint lint rasphone.pbk`"));
    assert_non_null(strstr(out, "Check: DEV006 - run `vpnlint detect`"));
    /* and what the placeholders mean, for the kinds used here only */
    assert_non_null(strstr(out, "How to run the checks:"));
    assert_non_null(strstr(out, "- rasphone.pbk: the phonebook, %APPDATA%"));
    assert_non_null(strstr(out, "- vpnlint detect: runs on the Windows client"));
    assert_non_null(strstr(out, "docs/rules/ID.md"));
    /* the network causes are the probe's (issue 10) */
    assert_non_null(strstr(out, "- vpnlint probe: asks the VPN server"));
    assert_null(strstr(out, "no network probe yet"));
    assert_lines_fit(out, "809");
    vpnlint_free(out);

    /* ProfileXML checks: the command carries the options the rules need */
    assert_int_equal(vpnlint_explain_render(&out, "0x87D101F4", VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "Check: PX001 - run `vpnlint lint --target intune PROFILE.xml`"));
    assert_non_null(strstr(out, "- PROFILE.xml: the ProfileXML you deploy"));
    assert_null(strstr(out, "- vpnlint detect:"));
    vpnlint_free(out);
    /* device checks only: no file placeholders explained */
    assert_int_equal(vpnlint_explain_render(&out, "827", VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "- vpnlint detect:"));
    assert_null(strstr(out, "- PROFILE.xml:"));
    assert_null(strstr(out, "- rasphone.pbk:"));
    vpnlint_free(out);
    assert_int_equal(vpnlint_explain_render(&out, "13868", VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "Check: PX075 - run `vpnlint lint PROFILE.xml`"));
    vpnlint_free(out);

    /* every entry renders within the width */
    for (size_t i = 0; i < vpnlint_error_info_count(); i++) {
        vpnlint_error_info info;
        assert_int_equal(vpnlint_error_info_at(&info, i), VPNLINT_OK);
        assert_int_equal(vpnlint_explain_render(&out, info.code, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
        assert_lines_fit(out, info.code);
        vpnlint_free(out);
    }
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
    cJSON *ids = cJSON_GetObjectItem(chk, "ids");
    assert_int_equal(cJSON_GetArraySize(ids), 1);
    cJSON *id0 = cJSON_GetArrayItem(ids, 0);
    assert_string_equal(cJSON_GetObjectItem(id0, "id")->valuestring, "PX001");
    assert_string_equal(cJSON_GetObjectItem(id0, "run")->valuestring,
                        "vpnlint lint --target intune PROFILE.xml");
    assert_true(strlen(cJSON_GetObjectItem(id0, "summary")->valuestring) > 10);
    cJSON *about = cJSON_GetObjectItem(c0, "about");
    assert_int_equal(cJSON_GetArraySize(about), 1);
    assert_string_equal(cJSON_GetArrayItem(about, 0)->valuestring, "profile");
    cJSON_Delete(j);
    vpnlint_free(out);

    /* several checks of different kinds, and a cause checked by hand */
    assert_int_equal(vpnlint_explain_render(&out, "809", VPNLINT_FORMAT_JSON), VPNLINT_OK);
    j = cJSON_Parse(out);
    assert_non_null(j);
    causes = cJSON_GetObjectItem(j, "causes");
    chk = cJSON_GetObjectItem(cJSON_GetArrayItem(causes, 0), "check");
    assert_string_equal(cJSON_GetObjectItem(chk, "kind")->valuestring, "probe");
    assert_string_equal(cJSON_GetObjectItem(chk, "id")->valuestring, "NET001");
    ids = cJSON_GetObjectItem(chk, "ids");
    assert_int_equal(cJSON_GetArraySize(ids), 2);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ids, 0), "run")->valuestring,
                        "vpnlint probe PROFILE.xml");
    chk = cJSON_GetObjectItem(cJSON_GetArrayItem(causes, 1), "check");
    assert_string_equal(cJSON_GetObjectItem(chk, "kind")->valuestring, "device");
    ids = cJSON_GetObjectItem(chk, "ids");
    assert_int_equal(cJSON_GetArraySize(ids), 3);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ids, 0), "run")->valuestring,
                        "vpnlint detect");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ids, 2), "id")->valuestring,
                        "PBK039");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ids, 2), "kind")->valuestring,
                        "rule");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(ids, 2), "run")->valuestring,
                        "vpnlint lint rasphone.pbk");
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
    assert_non_null(strstr(buf, "run `vpnlint detect`"));
    assert_non_null(strstr(buf, "How to run the checks:"));

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
        cmocka_unit_test(test_cause_validator_rejects),
        cmocka_unit_test(test_known_causes_have_their_checks),
        cmocka_unit_test(test_rules_naming_a_code_are_wired),
        cmocka_unit_test(test_structured_access),
        cmocka_unit_test(test_render_text_809),
        cmocka_unit_test(test_render_json),
#ifndef _WIN32
        cmocka_unit_test(test_cli_explain),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
