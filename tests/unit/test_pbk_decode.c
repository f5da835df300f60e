/* Phonebook rules speak in words: decoded VpnStrategy names, AuthRestrictions
 * bits and EAP (CustomAuthKey) types appear in the findings' messages; secrets
 * never do; the corpus and the example phonebooks give the expected findings
 * (and the good example none at error or warning level). */
#include "testutil.h"

#include "pbk/pbk.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static const char *const HEAD =
    "[Contoso VPN]\r\nEncoding=1\r\nPBVersion=8\r\nType=2\r\nUseRasCredentials=0\r\n"
    "Guid=4E1B6F29A07C6D4A9B1E3F2C8D7A5B01\r\n";
static const char *const TAIL =
    "\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n"
    "\r\nDEVICE=vpn\r\nPhoneNumber=vpn.contoso.com\r\n\r\n";

/* Lints HEAD + body + TAIL and returns the report. */
static vpnlint_report *lint_body(const char *body)
{
    size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL) + 1;
    char *text = malloc(n);
    assert_non_null(text);
    snprintf(text, n, "%s%s%s", HEAD, body, TAIL);
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    vpnlint_report *r = tu_lint_opts("t.pbk", text, strlen(text), &opt);
    free(text);
    assert_non_null(r);
    return r;
}

/* The message of the first finding of rule `id`, or NULL. */
static const char *message_of(const vpnlint_report *r, const char *id)
{
    size_t n = vpnlint_report_finding_count(r);
    for (size_t i = 0; i < n; i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        if (strcmp(f.rule_id, id) == 0)
            return f.message;
    }
    return NULL;
}

static void expect_words(const char *body, const char *id, const char *const *words)
{
    vpnlint_report *r = lint_body(body);
    const char *m = message_of(r, id);
    if (!m) {
        tu_dump(r);
        fail_msg("%s did not fire for:\n%s", id, body);
    }
    for (size_t i = 0; words[i]; i++)
        if (!strstr(m, words[i]))
            fail_msg("%s message lacks \"%s\": %s", id, words[i], m);
    vpnlint_report_free(r);
}

/* ------------------------------------------------ decoders themselves */

static void test_decoders(void **state)
{
    (void)state;
    assert_string_equal(vl_pbk_vpn_strategy_name(0), "Automatic");
    assert_string_equal(vl_pbk_vpn_strategy_name(7), "IKEv2 only");
    assert_string_equal(vl_pbk_vpn_strategy_name(14), "IKEv2, then SSTP only");
    assert_null(vl_pbk_vpn_strategy_name(10));
    assert_null(vl_pbk_vpn_strategy_name(11));
    assert_null(vl_pbk_vpn_strategy_name(16));
    char buf[128];
    vl_pbk_auth_restrictions_words(640, buf, sizeof buf);
    assert_string_equal(buf, "EAP, MS-CHAP v2");
    vl_pbk_auth_restrictions_words(544, buf, sizeof buf);
    assert_string_equal(buf, "CHAP (MD5), MS-CHAP v2");
    vl_pbk_auth_restrictions_words(2048, buf, sizeof buf);
    assert_string_equal(buf, "IKEv2 machine certificate");
    assert_string_equal(vl_pbk_eap_type_name(25), "PEAP");
    assert_string_equal(vl_pbk_eap_type_name(26), "EAP-MSCHAPv2");
    assert_string_equal(vl_pbk_known_key_ci("ipinterfacemetric", 17), "IpInterfaceMetric");
    assert_null(vl_pbk_known_key_ci("NoSuchKey", 9));
}

/* vl_pbk_known_key_ci: a hashed table of every scope's keys */
static void test_known_key_ci(void **state)
{
    (void)state;
    static const char *const canon[] = {"Encoding",
                                        "VpnStrategy",
                                        "IpInterfaceMetric",
                                        "NETCOMPONENTS",
                                        "ms_msclient",
                                        "ms_server",
                                        "MEDIA",
                                        "Port",
                                        "ConnectBPS",
                                        "PhoneNumber",
                                        "TryNextAlternateOnFail"};
    for (size_t i = 0; i < sizeof canon / sizeof canon[0]; i++) {
        const char *k = canon[i];
        size_t n = strlen(k);
        char up[64], low[64];
        for (size_t j = 0; j <= n; j++) {
            up[j] = (char)toupper((unsigned char)k[j]);
            low[j] = (char)tolower((unsigned char)k[j]);
        }
        assert_ptr_equal(vl_pbk_known_key_ci(k, n), vl_pbk_known_key_ci(up, n));
        assert_string_equal(vl_pbk_known_key_ci(k, n), k);
        assert_string_equal(vl_pbk_known_key_ci(low, n), k);
        assert_string_equal(vl_pbk_known_key_ci(up, n), k);
        assert_null(vl_pbk_known_key_ci(k, n - 1)); /* a prefix is not the key */
        char longer[80];
        snprintf(longer, sizeof longer, "%sX", k);
        assert_null(vl_pbk_known_key_ci(longer, n + 1));
        snprintf(longer, sizeof longer, "%s=1", k);
        assert_string_equal(vl_pbk_known_key_ci(longer, n), k); /* only n bytes count */
    }
    /* "Device" (MEDIA) and "DEVICE" (a subsection) fold alike: MEDIA's comes first */
    assert_string_equal(vl_pbk_known_key_ci("DEVICE", 6), "Device");
    assert_string_equal(vl_pbk_known_key_ci("device", 6), "Device");
    assert_null(vl_pbk_known_key_ci("", 0));
    assert_null(vl_pbk_known_key_ci(NULL, 3));
    assert_null(vl_pbk_known_key_ci("\xC9ncoding", 8)); /* only ASCII case folds */
    assert_null(vl_pbk_known_key_ci("Port\0", 5));
}

static void test_secret_key_names(void **state)
{
    (void)state;
    static const char *const secret[] = {"PreSharedKey", "presharedkey", "ApnInfoPassword",
                                         "PASSWORD",     "ClientSecret", "xPSKy",
                                         "Pw",           "pW",           "psk"};
    for (size_t i = 0; i < sizeof secret / sizeof secret[0]; i++)
        assert_true(vl_pbk_is_secret_key(secret[i], strlen(secret[i])));
    static const char *const plain[] = {"PhoneNumber", "Pwd", "Ps",         "passwor",
                                        "secre",       "P",   "ServerName", "PreShared"};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
        assert_false(vl_pbk_is_secret_key(plain[i], strlen(plain[i])));
    assert_false(vl_pbk_is_secret_key("", 0));
    assert_false(vl_pbk_is_secret_key("Password", 7)); /* only key_len bytes count */
    assert_true(vl_pbk_is_secret_key("PasswordX", 8));
}

/* -------------------------------------------------- words in findings */

static void test_strategy_words(void **state)
{
    (void)state;
    /* Automatic on an L2TP link: the pinned value is suggested in words */
    static const char *const w1[] = {"Automatic", "error 800", "VpnStrategy=7", "IKEv2 only", NULL};
    expect_words("VpnStrategy=0\r\n", "PBK030", w1);
    static const char *const w2[] = {"VpnStrategy=11", "10 and 11", "IKEv2 only", NULL};
    expect_words("VpnStrategy=11\r\n", "PBK004", w2);
    static const char *const w3[] = {"PPTP only", "insecure", NULL};
    expect_words("VpnStrategy=1\r\n", "PBK038", w3);
    static const char *const w4[] = {"L2TP/IPsec first", "IpSecFlags", NULL};
    expect_words("VpnStrategy=4\r\nIpSecFlags=0\r\n", "PBK031", w4);
}

static void test_auth_words(void **state)
{
    (void)state;
    static const char *const w1[] = {"PAP", "MS-CHAP v2", "L2TP/IPsec only", "691", NULL};
    expect_words("VpnStrategy=3\r\nCustomAuthKey=0\r\nAuthRestrictions=8\r\nIpSecFlags=1\r\n",
                 "PBK032", w1);
    static const char *const w2[] = {"PEAP", "MS-CHAP v2", "does not include EAP", NULL};
    expect_words("VpnStrategy=7\r\nCustomAuthKey=25\r\nAuthRestrictions=512\r\n", "PBK033", w2);
    static const char *const w3[] = {"EAP", "0 (none)", NULL};
    expect_words("VpnStrategy=7\r\nCustomAuthKey=0\r\nAuthRestrictions=128\r\n", "PBK034", w3);
    static const char *const w4[] = {"CHAP (MD5)", NULL};
    expect_words("VpnStrategy=3\r\nAuthRestrictions=544\r\nIpSecFlags=1\r\n", "PBK036", w4);
}

static void test_eap_type_words(void **state)
{
    (void)state;
    /* blob says 26 (EAP-MSCHAPv2), key says 25 (PEAP) */
    static const char *const w[] = {"EAP-MSCHAPv2", "PEAP", "CustomAuthKey=25", NULL};
    expect_words("VpnStrategy=7\r\nCustomAuthKey=25\r\nCustomAuthData="
                 "314442431A0000000400000000000000\r\nAuthRestrictions=128\r\n",
                 "PBK035", w);
}

/* PBK019 named the trimmed key where the entry name belongs ("[VpnStrategy]
 * the key ..."): both were formatted into one buffer. */
static void test_spaced_key_message_names_entry(void **state)
{
    (void)state;
    static const char *const w[] = {"[Contoso VPN] the key 'VpnStrategy '",
                                    "does not see it as VpnStrategy", NULL};
    expect_words("VpnStrategy =7\r\n", "PBK019", w);
}

static void test_secret_never_printed(void **state)
{
    (void)state;
    vpnlint_report *r = lint_body("VpnStrategy=3\r\nIpSecFlags=1\r\nAuthRestrictions=512\r\n"
                                  "PreSharedKey=Sup3rS3cret!\r\nApnInfoPassword=hunter2 \r\n");
    assert_int_equal(tu_count(r, "PBK047"), 2);
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        assert_int_equal(vpnlint_report_render(&out, r, formats[i]), VPNLINT_OK);
        assert_null(strstr(out, "Sup3rS3cret"));
        assert_null(strstr(out, "hunter2"));
        vpnlint_free(out);
    }
    vpnlint_report_free(r);
}

/* --------------------------------------------- corpus and the examples */

/* The corpus lives beside the repository (../shared/corpus); from a git
 * worktree under wt/ it is one level further up. $VPNLINT_CORPUS_DIR wins. */
static const char *corpus_file(const char *name)
{
    static char found[1024];
    const char *env = getenv("VPNLINT_CORPUS_DIR");
    const char *cands[] = {env, VPNLINT_CORPUS_DIR, VPNLINT_ROOT_DIR "/../../shared/corpus"};
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        if (!cands[i])
            continue;
        snprintf(found, sizeof found, "%s/pbk/%s", cands[i], name);
        FILE *f = fopen(found, "rb");
        if (f) {
            fclose(f);
            return found;
        }
    }
    fail_msg("corpus file %s not found (set VPNLINT_CORPUS_DIR)", name);
    return NULL;
}

/* PBK019 names both the entry and the trimmed key (the two used to share one
 * buffer, so the entry's name was overwritten by the key). */
static void test_padded_key_message(void **state)
{
    (void)state;
    static const char *const words[] = {"[Contoso VPN]", "' VpnStrategy '", "as VpnStrategy", NULL};
    expect_words(" VpnStrategy =7\r\n", "PBK019", words);
}

static vpnlint_report *lint_path(const char *path)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, &opt), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, path), VPNLINT_OK);
    return r;
}

static size_t count_sev(const vpnlint_report *r, int min_sev)
{
    size_t n = vpnlint_report_finding_count(r), k = 0;
    for (size_t i = 0; i < n; i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        k += f.severity >= min_sev;
    }
    return k;
}

static void test_good_example_is_clean(void **state)
{
    (void)state;
    vpnlint_report *r = lint_path(VPNLINT_PROFILES_DIR "/pbk/aovpn-user.pbk");
    if (count_sev(r, VPNLINT_SEVERITY_WARNING) != 0) {
        tu_dump(r);
        fail_msg("the good example phonebook has errors or warnings");
    }
    vpnlint_report_free(r);
}

static void test_bad_example_findings(void **state)
{
    (void)state;
    vpnlint_report *r = lint_path(VPNLINT_PROFILES_DIR "/pbk/l2tp-classic-mistakes.pbk");
    static const struct {
        const char *id;
        unsigned line;
    } want[] = {
        {"PBK021", 1},   {"PBK019", 2},   {"PBK031", 66},  {"PBK037", 14},  {"PBK032", 51},
        {"PBK047", 87},  {"PBK042", 134}, {"PBK002", 145}, {"PBK030", 155}, {"PBK003", 300},
        {"PBK004", 300}, {"PBK038", 299}, {"PBK046", 314}, {"PBK034", 340}, {"PBK007", 379},
        {"PBK008", 379}, {"PBK043", 425}, {"PBK041", 425}, {"PBK026", 154},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!tu_has_at(r, want[i].id, want[i].line)) {
            tu_dump(r);
            fail_msg("expected %s on line %u of l2tp-classic-mistakes.pbk", want[i].id,
                     want[i].line);
        }
    vpnlint_report_free(r);
}

static void test_corpus_findings(void **state)
{
    (void)state;
    vpnlint_report *r = lint_path(corpus_file("lenoba-VPN-ImportExporter-rasphone.pbk"));
    /* jezero.pin.si is PPTP only; vpn.pin.si is split tunnel with a DNS suffix and metric 0 */
    assert_true(tu_has_at(r, "PBK038", 736));
    assert_true(tu_has_at(r, "PBK048", 633));
    assert_int_equal(count_sev(r, VPNLINT_SEVERITY_ERROR), 0);
    assert_int_equal(tu_count(r, "PBK031"), 0); /* every L2TP entry has IpSecFlags=1 */
    vpnlint_report_free(r);
    r = lint_path(corpus_file("snwaters-test-rasphone.pbk"));
    assert_int_equal(count_sev(r, VPNLINT_SEVERITY_ERROR), 0);
    assert_true(tu_has_at(r, "PBK040", 6)); /* Always On with UseRasCredentials=1 */
    assert_int_equal(tu_count(r, "PBK007") + tu_count(r, "PBK010") + tu_count(r, "PBK011"), 0);
    vpnlint_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decoders),
        cmocka_unit_test(test_known_key_ci),
        cmocka_unit_test(test_secret_key_names),
        cmocka_unit_test(test_strategy_words),
        cmocka_unit_test(test_auth_words),
        cmocka_unit_test(test_eap_type_words),
        cmocka_unit_test(test_spaced_key_message_names_entry),
        cmocka_unit_test(test_secret_never_printed),
        cmocka_unit_test(test_good_example_is_clean),
        cmocka_unit_test(test_bad_example_findings),
        cmocka_unit_test(test_corpus_findings),
        cmocka_unit_test(test_padded_key_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
