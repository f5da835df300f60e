/* test_secrets.c — no secret ever leaves vpnlint.
 *
 * Profiles and phonebooks holding pre-shared keys and passwords (in their
 * right place, duplicated, misplaced, misspelt, padded, overlong, inside a
 * broken document, escaped, in SyncML, inside an EAP configuration) go
 * through every output format of the library (text, JSON, SARIF, Intune
 * line) and every CLI verb that prints file content (lint in each format,
 * pbk list/get/set --dry-run/unset --dry-run, explain --event). Each secret is
 * a unique marker; the test fails naming the marker and the output it leaked
 * into. (PowerShell module objects are tested by the module's own suite.) */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VPNLINT_CLI_PATH
#define VPNLINT_CLI_PATH ""
#endif

/* Every secret marker starts with this, so one search finds any of them;
 * the number after it says which input leaked. */
#define MARK "Zq7SECRET"

/* Fails when `text` contains any secret marker. */
static void assert_no_secret(const char *text, size_t len, const char *what)
{
    const char *m = MARK;
    size_t ml = strlen(m);
    for (size_t i = 0; i + ml <= len; i++) {
        if (memcmp(text + i, m, ml) == 0) {
            char ctx[64];
            size_t n = len - i < 32 ? len - i : 32;
            memcpy(ctx, text + i, n);
            ctx[n] = '\0';
            fail_msg("secret leaked into %s: \"%s\"", what, ctx);
        }
    }
}

/* ------------------------------------------------------------ inputs */

#define PX_HEAD                                                                                    \
    "<VPNProfile>\n"                                                                               \
    "  <NativeProfile>\n"                                                                          \
    "    <Servers>vpn.example.com</Servers>\n"                                                     \
    "    <NativeProtocolType>L2tp</NativeProtocolType>\n"                                          \
    "    <Authentication><UserMethod>Mschapv2</UserMethod></Authentication>\n"                     \
    "    <RoutingPolicyType>SplitTunnel</RoutingPolicyType>\n"

#define APN(pw)                                                                                    \
    "  <APNBinding>\n"                                                                             \
    "    <ProviderId>x</ProviderId><AccessPointName>apn.example</AccessPointName>\n"               \
    "    <UserName>apnuser</UserName><Password>" pw "</Password>\n"                                \
    "    <AuthenticationType>Chap</AuthenticationType>\n"                                          \
    "  </APNBinding>\n"

typedef struct named_input {
    const char *name;
    const char *text;
} named_input;

static const named_input profiles[] = {
    {"plain.xml", PX_HEAD "    <L2tpPsk>" MARK "01</L2tpPsk>\n"
                          "  </NativeProfile>\n" APN(MARK "02") "  <AlwaysOn>true</AlwaysOn>\n"
                                                                "</VPNProfile>\n"},
    {"duplicated.xml",
     PX_HEAD "    <L2tpPsk>" MARK "03</L2tpPsk>\n"
             "    <L2tpPsk>" MARK "04</L2tpPsk>\n"
             "  </NativeProfile>\n" APN(MARK "05") APN(MARK "06") "</VPNProfile>\n"},
    {"padded-long.xml", PX_HEAD
     "    <L2tpPsk>   " MARK "07 \t</L2tpPsk>\n"
     "  </NativeProfile>\n" APN(
         MARK "08xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") "</VPNProfile>\n"},
    /* in the wrong parent: the element is still a secret */
    {"misplaced.xml", PX_HEAD "    <Password>" MARK "09</Password>\n"
                              "  </NativeProfile>\n"
                              "  <L2tpPsk>" MARK "10</L2tpPsk>\n"
                              "  <DeviceTunnel>true</DeviceTunnel>\n"
                              "</VPNProfile>\n"},
    /* misspelt: unknown elements whose name says they hold a secret */
    {"misspelt.xml", PX_HEAD "    <l2tppsk>" MARK "11</l2tppsk>\n"
                             "    <L2TPPSK>" MARK "12</L2TPPSK>\n"
                             "  </NativeProfile>\n"
                             "  <APNBinding><password>" MARK "13</password></APNBinding>\n"
                             "</VPNProfile>\n"},
    /* a secret with child elements or attributes (nonsense, still secret) */
    {"structured.xml", PX_HEAD "    <L2tpPsk a=\"" MARK "14\"><x>" MARK "15</x></L2tpPsk>\n"
                               "  </NativeProfile>\n"
                               "</VPNProfile>\n"},
    /* not well-formed around the secret (error messages carry context) */
    {"broken1.xml", PX_HEAD "    <L2tpPsk>" MARK "16 & <</L2tpPsk>\n"
                            "  </NativeProfile>\n"
                            "</VPNProfile>\n"},
    {"broken2.xml", PX_HEAD "    <L2tpPsk>" MARK "17</L2tpPsk\n"
                            "  </NativeProfile>\n"},
    {"broken3.xml", PX_HEAD "    <L2tpPsk>" MARK "18</L2tppsk>\n"
                            "  </NativeProfile>\n"
                            "</VPNProfile>\n"},
    /* entity-escaped (as pasted from the Intune portal) */
    {"escaped.xml", "&lt;VPNProfile&gt;&lt;NativeProfile&gt;&lt;Servers&gt;vpn.example.com&lt;/"
                    "Servers&gt;&lt;NativeProtocolType&gt;L2tp&lt;/NativeProtocolType&gt;&lt;"
                    "L2tpPsk&gt;" MARK "19&lt;/L2tpPsk&gt;&lt;/NativeProfile&gt;&lt;APNBinding&gt;"
                    "&lt;Password&gt;" MARK "20&lt;/Password&gt;&lt;/APNBinding&gt;&lt;/"
                    "VPNProfile&gt;\n"},
    /* SyncML around an escaped profile */
    {"syncml.xml",
     "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody><Add><CmdID>1</CmdID><Item><Target><LocURI>"
     "./User/Vendor/MSFT/VPNv2/Test/ProfileXML</LocURI></Target><Meta><Format "
     "xmlns=\"syncml:metinf\">chr</Format></Meta><Data>&lt;VPNProfile&gt;&lt;NativeProfile&gt;"
     "&lt;Servers&gt;vpn.example.com&lt;/Servers&gt;&lt;NativeProtocolType&gt;L2tp&lt;/"
     "NativeProtocolType&gt;&lt;L2tpPsk&gt;" MARK "21&lt;/L2tpPsk&gt;&lt;/NativeProfile&gt;&lt;"
     "/VPNProfile&gt;</Data></Item></Add><Final/></SyncBody></SyncML>\n"},
    /* user credentials pasted into the EAP configuration */
    {"eap-password.xml",
     "<VPNProfile>\n"
     "  <NativeProfile>\n"
     "    <Servers>vpn.example.com</Servers>\n"
     "    <NativeProtocolType>IKEv2</NativeProtocolType>\n"
     "    <Authentication><UserMethod>Eap</UserMethod><Eap><Configuration>\n"
     "      <EapHostConfig xmlns=\"http://www.microsoft.com/provisioning/EapHostConfig\">\n"
     "        <EapMethod><Type xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">26</Type>"
     "<VendorId xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">0</VendorId>"
     "<VendorType xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">0</VendorType>"
     "<AuthorId xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">0</AuthorId>"
     "</EapMethod>\n"
     "        <Config xmlns=\"http://www.microsoft.com/provisioning/EapHostConfig\">\n"
     "          <Eap xmlns=\"http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1\">"
     "<Type>26</Type>\n"
     "            <EapType "
     "xmlns=\"http://www.microsoft.com/provisioning/MsChapV2ConnectionPropertiesV1\">"
     "<UseWinLogonCredentials>false</UseWinLogonCredentials>"
     "<Password>" MARK "22</Password></EapType>\n"
     "          </Eap>\n"
     "        </Config>\n"
     "      </EapHostConfig>\n"
     "      <EapHostUserCredentials "
     "xmlns=\"http://www.microsoft.com/provisioning/EapHostUserCredentials\" "
     "xmlns:MsChapV2=\"http://www.microsoft.com/provisioning/MsChapV2UserPropertiesV1\">"
     "<Credentials><MsChapV2:Username>alice</MsChapV2:Username>"
     "<MsChapV2:Password>" MARK "23</MsChapV2:Password></Credentials>"
     "</EapHostUserCredentials>\n"
     "    </Configuration></Eap></Authentication>\n"
     "    <RoutingPolicyType>SplitTunnel</RoutingPolicyType>\n"
     "  </NativeProfile>\n"
     "</VPNProfile>\n"},
};

#define PBK_ENTRY(name, extra, media_extra, device_extra)                                          \
    "[" name "]\r\n"                                                                               \
    "Encoding=1\r\nPBVersion=8\r\nType=2\r\nVpnStrategy=3\r\nDataEncryption=256\r\n"               \
    "AuthRestrictions=512\r\n" extra "\r\nNETCOMPONENTS=\r\nms_msclient=1\r\nms_server=1\r\n\r\n"  \
    "MEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (L2TP)\r\n" media_extra "\r\n"            \
    "DEVICE=vpn\r\nPhoneNumber=vpn.example.com\r\nAreaCode=\r\nCountryCode=0\r\nCountryID=0\r\n"   \
    "UseDialingRules=0\r\nComment=\r\nFriendlyName=\r\nLastSelectedPhone=0\r\n"                    \
    "PromoteAlternates=0\r\nTryNextAlternateOnFail=1\r\n" device_extra "\r\n"

static const named_input phonebooks[] = {
    {"plain.pbk", PBK_ENTRY("Office", "PreSharedKey=" MARK "31\r\n", "", "")},
    {"many.pbk", PBK_ENTRY("Office",
                           "PreSharedKey=" MARK "32\r\nPreSharedKey=" MARK "33\r\n"
                           "ApnInfoPassword=" MARK "34\r\nPassword=" MARK "35\r\n"
                           "UserPassword=" MARK "36\r\n",
                           "", "")},
    {"misplaced.pbk", PBK_ENTRY("Office", "", "PreSharedKey=" MARK "37\r\n",
                                "ApnInfoPassword=" MARK "38\r\nPassword=" MARK "39\r\n")},
    {"odd-keys.pbk", PBK_ENTRY("Office",
                               "presharedkey=" MARK "40\r\nPRESHAREDKEY =" MARK "41\r\n"
                               " PreSharedKey=" MARK "42\r\nPreSharedKey\t=" MARK "43\r\n",
                               "", "")},
    {"long-and-dup.pbk",
     PBK_ENTRY("Office",
               "PreSharedKey=" MARK "44" /* overlong value */
               "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
               "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
               "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
               "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
               "\r\n",
               "", "") PBK_ENTRY("Office", "PreSharedKey=" MARK "45\r\n", "", "")},
    /* keys before any header, and a second entry using L2TP PSK auth */
    {"orphans.pbk", "PreSharedKey=" MARK "46\r\n" PBK_ENTRY("A",
                                                            "PreSharedKey=" MARK "47\r\n"
                                                            "AuthRestrictions=4096\r\n",
                                                            "", "")},
};

/* ----------------------------------------------------- the library */

static void lint_all_formats(const char *name, const char *text)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.flags = VPNLINT_OPT_PEDANTIC; /* every rule, opt-in ones too */
    opt.target = VPNLINT_TARGET_INTUNE;
    opt.min_build = 17763;
    vpnlint_report *r = tu_lint_opts(name, text, strlen(text), &opt);
    assert_non_null(r);
    /* the input must have been looked at: a PSK/password finding at least,
     * or a parse error, so the test cannot pass by linting nothing */
    assert_true(vpnlint_report_finding_count(r) > 0);
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF,
                                  VPNLINT_FORMAT_INTUNE};
    static const char *const fnames[] = {"text", "JSON", "SARIF", "Intune"};
    for (size_t i = 0; i < 4; i++) {
        char *out = NULL;
        assert_int_equal(vpnlint_report_render(&out, r, formats[i]), VPNLINT_OK);
        char what[128];
        snprintf(what, sizeof what, "%s output of %s", fnames[i], name);
        assert_no_secret(out, strlen(out), what);
        vpnlint_free(out);
    }
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        assert_no_secret(f.message, strlen(f.message), "a finding's message");
    }
    vpnlint_report_free(r);
}

static void test_profiles_every_format(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
        lint_all_formats(profiles[i].name, profiles[i].text);
}

static void test_phonebooks_every_format(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof phonebooks / sizeof phonebooks[0]; i++)
        lint_all_formats(phonebooks[i].name, phonebooks[i].text);
}

static void check_api_text(char *s, const char *what)
{
    assert_no_secret(s, strlen(s), what);
    vpnlint_free(s);
}

/* vpnlint_pbk_list/get/diff: every text the phonebook API returns. */
static void test_phonebook_api(void **state)
{
    (void)state;
    static const char *const keys[] = {"PreSharedKey",  "presharedkey",   "PRESHAREDKEY ",
                                       " PreSharedKey", "PreSharedKey\t", "ApnInfoPassword",
                                       "Password",      "UserPassword",   NULL};
    for (size_t i = 0; i < sizeof phonebooks / sizeof phonebooks[0]; i++) {
        const char *t = phonebooks[i].text;
        vpnlint_pbk *h = NULL;
        assert_int_equal(vpnlint_pbk_open_buffer(&h, t, strlen(t)), VPNLINT_OK);
        char *s = NULL;
        assert_int_equal(vpnlint_pbk_list(&s, h), VPNLINT_OK);
        check_api_text(s, "pbk list");
        size_t ne = vpnlint_pbk_entry_count(h);
        assert_true(ne >= 1);
        for (size_t e = 0; e < ne; e++) {
            char *name = NULL;
            assert_int_equal(vpnlint_pbk_entry_name(&name, h, e), VPNLINT_OK);
            if (vpnlint_pbk_get(&s, h, name, NULL, -1, -1, -1) == VPNLINT_OK)
                check_api_text(s, "pbk get (whole entry)");
            for (size_t k = 0; keys[k]; k++) {
                if (vpnlint_pbk_get(&s, h, name, keys[k], -1, -1, -1) == VPNLINT_OK)
                    check_api_text(s, "pbk get KEY");
                if (vpnlint_pbk_get(&s, h, name, keys[k], 0, 0, -1) == VPNLINT_OK)
                    check_api_text(s, "pbk get KEY --media --device");
                /* an error message must not quote the value either */
                assert_no_secret(vpnlint_error_last(), strlen(vpnlint_error_last()),
                                 "an error message");
            }
            vpnlint_free(name);
        }
        /* edits next to, of and removing a secret: the diff shows context */
        char *first = NULL;
        assert_int_equal(vpnlint_pbk_entry_name(&first, h, 0), VPNLINT_OK);
        if (vpnlint_pbk_set(h, first, "VpnStrategy", "7", -1, -1, -1) == VPNLINT_OK) {
            assert_int_equal(vpnlint_pbk_diff(&s, h), VPNLINT_OK);
            check_api_text(s, "pbk diff (edit next to a secret)");
        }
        if (vpnlint_pbk_set(h, first, "PreSharedKey", MARK "99new", -1, -1, -1) == VPNLINT_OK) {
            assert_int_equal(vpnlint_pbk_diff(&s, h), VPNLINT_OK);
            check_api_text(s, "pbk diff (secret changed)");
        }
        assert_no_secret(vpnlint_error_last(), strlen(vpnlint_error_last()), "an error message");
        if (vpnlint_pbk_unset(h, first, "PreSharedKey", -1, -1, -1) == VPNLINT_OK) {
            assert_int_equal(vpnlint_pbk_diff(&s, h), VPNLINT_OK);
            check_api_text(s, "pbk diff (secret removed)");
        }
        vpnlint_free(first);
        vpnlint_pbk_free(h);
    }
}

#ifndef _WIN32
/* ------------------------------------------------------------ the CLI */
#include <unistd.h>

static char dir[512];

static char *write_tmp(const char *name, const char *text)
{
    char *p = malloc(1024);
    snprintf(p, 1024, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    return p;
}

/* Runs the CLI with args (already shell-quoted); checks stdout and stderr. */
static void run_cli(const char *args, const char *what)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", VPNLINT_CLI_PATH, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, p)) > 0) {
        n += r;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    int st = pclose(p);
    assert_true(st != -1);
    assert_true(n > 0); /* it printed something: the verb ran */
    char label[4300];
    snprintf(label, sizeof label, "`vpnlint %s` (%s)", args, what);
    assert_no_secret(buf, n, label);
    free(buf);
}

static void test_cli_verbs(void **state)
{
    (void)state;
    if (!VPNLINT_CLI_PATH[0] || access(VPNLINT_CLI_PATH, X_OK) != 0)
        fail_msg("the CLI was not built: %s", VPNLINT_CLI_PATH);
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-secrets"), 0);
    char args[2048];
    static const char *const formats[] = {"text", "json", "sarif", "intune"};
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++) {
        char *p = write_tmp(profiles[i].name, profiles[i].text);
        for (size_t f = 0; f < 4; f++) {
            snprintf(args, sizeof args, "lint --pedantic --target intune --format %s '%s'",
                     formats[f], p);
            run_cli(args, profiles[i].name);
        }
        /* not an event file: explain --event must not echo it either */
        snprintf(args, sizeof args, "explain --event '%s'", p);
        run_cli(args, profiles[i].name);
        remove(p);
        free(p);
    }
    for (size_t i = 0; i < sizeof phonebooks / sizeof phonebooks[0]; i++) {
        char *p = write_tmp(phonebooks[i].name, phonebooks[i].text);
        for (size_t f = 0; f < 4; f++) {
            snprintf(args, sizeof args, "lint --pedantic --format %s '%s'", formats[f], p);
            run_cli(args, phonebooks[i].name);
        }
        snprintf(args, sizeof args, "pbk list '%s'", p);
        run_cli(args, phonebooks[i].name);
        static const char *const gets[] = {
            "",
            "--key PreSharedKey",
            "--key PreSharedKey --media 1 --device 1",
            "--key ApnInfoPassword",
            "--key Password",
            "--key presharedkey",
        };
        for (size_t g = 0; g < sizeof gets / sizeof gets[0]; g++) {
            snprintf(args, sizeof args, "pbk get '%s' --entry Office %s", p, gets[g]);
            run_cli(args, phonebooks[i].name);
            snprintf(args, sizeof args, "pbk get '%s' --entry A %s", p, gets[g]);
            run_cli(args, phonebooks[i].name);
        }
        static const char *const edits[] = {
            "set --entry Office --key VpnStrategy --value 7 --dry-run",
            "set --entry Office --key PreSharedKey --value " MARK "98new --dry-run",
            "unset --entry Office --key PreSharedKey --dry-run",
            "set --entry A --key PreSharedKey --value " MARK "97new --dry-run",
            "unset --entry A --key PreSharedKey --dry-run",
        };
        for (size_t e = 0; e < sizeof edits / sizeof edits[0]; e++) {
            /* pbk set|unset FILE --entry ... */
            const char *verb_end = strchr(edits[e], ' ');
            snprintf(args, sizeof args, "pbk %.*s '%s'%s", (int)(verb_end - edits[e]), edits[e], p,
                     verb_end);
            run_cli(args, phonebooks[i].name);
        }
        snprintf(args, sizeof args, "explain --event '%s'", p);
        run_cli(args, phonebooks[i].name);
        /* a real write: its diff is printed too; then the backup */
        snprintf(args, sizeof args, "pbk set '%s' --entry A --key VpnStrategy --value 7", p);
        run_cli(args, phonebooks[i].name);
        remove(p);
        free(p);
    }
    /* RasClient event text that carries a secret around the messages */
    char *ev = write_tmp(
        "events.txt",
        "Log Name:      Application\r\nSource:        RasClient\r\n"
        "Date:          1/15/2024 10:00:00 AM\r\nEvent ID:      20227\r\n"
        "User:          CORP\\alice\r\nDescription:\r\nCoId={1}: The user CORP\\alice dialed a "
        "connection named Office which has failed. The error code returned on failure is 789.\r\n"
        "PreSharedKey=" MARK "51\r\n<L2tpPsk>" MARK "52</L2tpPsk>\r\n");
    snprintf(args, sizeof args, "explain --event '%s'", ev);
    run_cli(args, "events.txt");
    snprintf(args, sizeof args, "explain --event '%s' --format json", ev);
    run_cli(args, "events.txt");
    remove(ev);
    free(ev);
    /* remove the backups the real writes left */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profiles_every_format),
        cmocka_unit_test(test_phonebooks_every_format),
        cmocka_unit_test(test_phonebook_api),
#ifndef _WIN32
        cmocka_unit_test(test_cli_verbs),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
