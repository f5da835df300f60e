/* Rules over long, file-controlled lists (thousands of NRPT entries, stray
 * texts, EKU names, root CAs) give the findings they give on short ones:
 * every one, on the right line, naming the right earlier entry. These lists
 * were once compared pairwise or searched once per entry; the time is
 * measured in bench/gen_hostile_px.py runs, not here. */
#include "testutil.h"

#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS "http://www.microsoft.com/provisioning/"

/* A finding of rule `id` at line/column whose message contains `text`? */
static int has(const vpnlint_report *r, const char *id, unsigned line, unsigned col,
               const char *text)
{
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        if (strcmp(f.rule_id, id) == 0 && f.line == line && (!col || f.column == col) &&
            (!text || strstr(f.message, text)))
            return 1;
    }
    return 0;
}

static size_t count_text(const vpnlint_report *r, const char *id, const char *text)
{
    size_t n = 0;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        if (strcmp(f.rule_id, id) == 0 && strstr(f.message, text))
            n++;
    }
    return n;
}

static vpnlint_report *lint_buf(vl_buf *x)
{
    assert_true(vl_buf_ok(x));
    vpnlint_report *r = tu_lint_opts("large.xml", x->data, x->len, NULL);
    vl_buf_free(x);
    return r;
}

/* Servers, protocol and an EAP-TLS configuration (inline) around `eap_body`
 * (the EapType's children after CredentialsSource). */
static void native_profile(vl_buf *x, const char *servers, const char *eap_body)
{
    vl_buf_printf(x,
                  "<NativeProfile><Servers>%s</Servers>"
                  "<NativeProtocolType>IKEv2</NativeProtocolType>"
                  "<Authentication><UserMethod>Eap</UserMethod><Eap><Configuration>\n"
                  "<EapHostConfig xmlns=\"" NS "EapHostConfig\"><EapMethod>"
                  "<Type xmlns=\"" NS "EapCommon\">13</Type></EapMethod>"
                  "<Config xmlns=\"" NS "EapHostConfig\">"
                  "<Eap xmlns=\"" NS "BaseEapConnectionPropertiesV1\"><Type>13</Type>"
                  "<EapType xmlns=\"" NS "EapTlsConnectionPropertiesV1\">\n%s\n"
                  "</EapType></Eap></Config></EapHostConfig>\n"
                  "</Configuration></Eap></Authentication></NativeProfile>\n",
                  servers, eap_body);
}

/* 6000 DomainName entries, one a line from line 2: 1000 names, each written
 * six times in changing case, and empty ones. Each repeat names the line of
 * the first entry with that name. */
static void test_duplicate_domain_names(void **state)
{
    (void)state;
    enum { NAMES = 1000, ROUNDS = 6 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < NAMES * ROUNDS; i++) {
        int k = i % NAMES, round = i / NAMES;
        if (k % 100 == 99)
            vl_buf_puts(&x, "<DomainNameInformation><DomainName>");
        else
            vl_buf_printf(&x, "<DomainNameInformation><DomainName>%s%d.Corp.example.com",
                          round % 2 ? ".D" : ".d", k);
        vl_buf_puts(&x, "</DomainName><DnsServers>10.0.0.1</DnsServers></DomainNameInformation>\n");
    }
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    size_t empty = NAMES / 100;
    assert_int_equal(tu_count(r, "PX046"), (NAMES - empty) * (ROUNDS - 1));
    char want[64];
    for (int i = NAMES; i < NAMES * ROUNDS; i++) {
        int k = i % NAMES;
        if (k % 100 == 99)
            continue;
        snprintf(want, sizeof want, "(line %d)", 2 + k);
        if (!has(r, "PX046", 2 + (unsigned)i, 0, want)) {
            tu_dump(r);
            fail_msg("no PX046 on line %d naming line %d", 2 + i, 2 + k);
        }
    }
    for (int k = 0; k < NAMES; k++)
        assert_false(tu_has_at(r, "PX046", 2 + (unsigned)k));
    vpnlint_report_free(r);
}

/* A one-line profile (as scripts and OMA-URI payloads write them) with
 * thousands of findings on two element names: every finding has the column
 * of the first tag of its element's name on the line (the engine remembers
 * a long line's columns by line and name instead of scanning the line for
 * each finding). */
static void test_findings_on_one_long_line(void **state)
{
    (void)state;
    enum { ROUTES = 1500, NAMES = 1500 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile><NativeProfile><Servers>vpn.example.com</Servers>"
                    "<NativeProtocolType>IKEv2</NativeProtocolType></NativeProfile>");
    for (int i = 0; i < ROUTES; i++) /* every route twice: PX042 on the second */
        vl_buf_printf(&x, "<Route><Address>10.%d.%d.0</Address><PrefixSize>24</PrefixSize></Route>",
                      i / 2 / 256, i / 2 % 256);
    for (int i = 0; i < NAMES; i++) /* every name twice: PX046 on the second */
        vl_buf_printf(&x,
                      "<DomainNameInformation><DomainName>d%d.corp.example.com</DomainName>"
                      "<DnsServers>10.0.0.1</DnsServers></DomainNameInformation>",
                      i / 2);
    vl_buf_puts(&x, "</VPNProfile>");
    assert_true(vl_buf_ok(&x));
    unsigned route_col = (unsigned)(strstr(x.data, "<Route>") - x.data) + 1;
    unsigned name_col = (unsigned)(strstr(x.data, "<DomainName>") - x.data) + 1;
    vpnlint_report *r = lint_buf(&x);
    size_t px042 = 0, px046 = 0;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        assert_int_equal(f.line, 1);
        if (strcmp(f.rule_id, "PX042") == 0) {
            assert_int_equal(f.column, route_col);
            px042++;
        } else if (strcmp(f.rule_id, "PX046") == 0) {
            assert_int_equal(f.column, name_col);
            px046++;
        }
    }
    assert_int_equal(px042, ROUTES / 2);
    assert_int_equal(px046, NAMES / 2);
    vpnlint_report_free(r);
}

/* 4000 distinct unknown elements on one line, some prefixed: each PX020
 * finding points at its own tag (the line's names are listed once, not
 * scanned once per name). */
static void test_distinct_names_on_one_long_line(void **state)
{
    (void)state;
    enum { N = 4000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile xmlns:p=\"urn:x\"><NativeProfile><Servers>vpn.example.com"
                    "</Servers><NativeProtocolType>IKEv2</NativeProtocolType></NativeProfile>");
    unsigned *col = calloc(N, sizeof *col);
    assert_non_null(col);
    for (int i = 0; i < N; i++) {
        col[i] = (unsigned)x.len + 1;
        if (i % 4 == 3)
            vl_buf_printf(&x, "<p:Unknown%d/>", i);
        else
            vl_buf_printf(&x, "<Unknown%d>x</Unknown%d>", i, i);
    }
    vl_buf_puts(&x, "</VPNProfile>");
    assert_true(vl_buf_ok(&x));
    vpnlint_report *r = lint_buf(&x);
    size_t seen = 0;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        const char *u = strstr(f.message, "<Unknown");
        if (strcmp(f.rule_id, "PX020") != 0 || !u)
            continue;
        int k = atoi(u + 8);
        assert_true(k >= 0 && k < N);
        assert_int_equal(f.line, 1);
        assert_int_equal(f.column, col[k]);
        seen++;
    }
    assert_int_equal(seen, N);
    free(col);
    vpnlint_report_free(r);
}

/* The same name 5000 times: 4999 findings, all naming the first. */
static void test_one_domain_name_many_times(void **state)
{
    (void)state;
    enum { N = 5000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x,
                      "<DomainNameInformation><DomainName>%s</DomainName>"
                      "<DnsServers>10.0.0.1</DnsServers></DomainNameInformation>\n",
                      i % 3 ? "corp.EXAMPLE.com" : "Corp.example.COM");
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX046"), N - 1);
    assert_int_equal(count_text(r, "PX046", "(line 2)"), N - 1);
    assert_false(tu_has_at(r, "PX046", 2));
    assert_true(tu_has_at(r, "PX046", N + 1));
    vpnlint_report_free(r);
}

/* A DnsSuffix of 4000 names, 4000 DomainNames without the dot: the even
 * ones are suffixes (in another case). */
static void test_many_dns_suffixes(void **state)
{
    (void)state;
    enum { N = 4000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n<DnsSuffix>");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x, "%ss%d.example.com", i ? "," : "", 2 * i);
    vl_buf_puts(&x, "</DnsSuffix>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x,
                      "<DomainNameInformation><DomainName>S%d.Example.com</DomainName>"
                      "<DnsServers>10.0.0.1</DnsServers></DomainNameInformation>\n",
                      i);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX047"), N / 2);
    for (int i = 0; i < N; i++)
        assert_int_equal(tu_has_at(r, "PX047", 3 + (unsigned)i), i % 2 == 0);
    vpnlint_report_free(r);
}

/* 5000 stray texts after elements of <VPNProfile>, one a line from line 2,
 * then 5000 on one line: each is reported where it stands. */
static void test_many_stray_texts(void **state)
{
    (void)state;
    enum { N = 5000 };
    const char *el = "<AlwaysOn>true</AlwaysOn>"; /* 25 bytes */
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x, "%ss%d\n", el, i);
    unsigned *col = malloc(N * sizeof *col);
    assert_non_null(col);
    size_t at = 0;
    for (int i = 0; i < N; i++) {
        int w = snprintf(NULL, 0, "%ss%d", el, i);
        col[i] = (unsigned)at + 26;
        at += (size_t)w;
        vl_buf_printf(&x, "%sS%d", el, i);
    }
    vl_buf_puts(&x, "\n</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX009"), 2 * N);
    char want[32];
    for (int i = 0; i < N; i++) {
        snprintf(want, sizeof want, "'s%d'", i);
        if (!has(r, "PX009", 2 + (unsigned)i, 26, want))
            fail_msg("stray s%d not at %d:26", i, 2 + i);
        snprintf(want, sizeof want, "'S%d'", i);
        if (!has(r, "PX009", 2 + N, col[i], want))
            fail_msg("stray S%d not at %d:%u", i, 2 + N, col[i]);
    }
    free(col);
    vpnlint_report_free(r);
}

/* 3000 <Route>s with a stray text each: one found where it stands, one
 * with an entity (not in the file as such: the Route's line, column 1). */
static void test_stray_texts_in_many_routes(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x,
                      "<Route>%s%d<Address>10.%d.%d.0</Address><PrefixSize>24</PrefixSize>"
                      "</Route>\n",
                      i % 2 ? "&amp;x" : "r", i, i >> 8 & 255, i & 255);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX009"), N);
    char want[32];
    for (int i = 0; i < N; i++) {
        snprintf(want, sizeof want, i % 2 ? "'&x%d'" : "'r%d'", i);
        if (!has(r, "PX009", 2 + (unsigned)i, i % 2 ? 1 : 8, want))
            fail_msg("stray %s not on line %d", want, 2 + i);
    }
    vpnlint_report_free(r);
}

/* 3000 <App>path</App> filters: PX020 names each path, PX022 stays quiet. */
static void test_many_app_texts(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x, "<TrafficFilter><App>C:\\app%d.exe</App></TrafficFilter>\n", i);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(count_text(r, "PX020", "as text"), N);
    assert_int_equal(tu_count(r, "PX022"), 0);
    char want[64];
    for (int i = 0; i < N; i += 7) {
        snprintf(want, sizeof want, "holds 'C:\\app%d.exe'", i);
        assert_true(has(r, "PX020", 2 + (unsigned)i, 0, want));
    }
    vpnlint_report_free(r);
}

/* A ProtocolList of 3000 entries, 5 distinct names: every repeat names the
 * line of the first. */
static void test_long_protocol_list(void **state)
{
    (void)state;
    enum { N = 3000 };
    static const char *const types[] = {"IKEv2", "SSTP", "ikev2", "Sstp", "L2TP", "x"};
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n<NativeProfile><Servers>vpn.example.com</Servers>\n"
                    "<NativeProtocolType>ProtocolList</NativeProtocolType><ProtocolList>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x, "<NativeProtocol><Type>%s</Type></NativeProtocol>\n", types[i % 6]);
    vl_buf_puts(&x, "</ProtocolList></NativeProfile>\n</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    /* lines 4.. ; "ikev2" and "Sstp" repeat IKEv2 (line 4) and SSTP (line 5) */
    assert_int_equal(count_text(r, "PX076", "twice"), N - 4);
    assert_int_equal(count_text(r, "PX076", "(first on line 4)"), 2 * (N / 6) - 1);
    assert_int_equal(count_text(r, "PX076", "(first on line 5)"), 2 * (N / 6) - 1);
    assert_true(has(r, "PX076", 6, 0, "names ikev2 twice (first on line 4)"));
    assert_true(has(r, "PX076", 3 + N, 0, "names x twice (first on line 9)"));
    vpnlint_report_free(r);
}

/* 6000 invalid routes, each after its own vpnlint-disable comment on its
 * line: a third name PX040 (in either case, among other IDs), a third name
 * only other rules, a sixth "all". Every finding was once checked against
 * every range (20 s at 100 000 routes); the index answers alike. */
static void test_many_inline_disables(void **state)
{
    (void)state;
    enum { N = 6000 };
    static const char *const dirs[] = {"PX040",       "PX041", "PX001,px040",
                                       "PX041 PX042", "all",   "PX0400"};
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n<NativeProfile><Servers>vpn.example.com</Servers>"
                    "<NativeProtocolType>IKEv2</NativeProtocolType></NativeProfile>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x,
                      "<!-- vpnlint-disable %s --><Route><Address>10.%d.0.300</Address>"
                      "<PrefixSize>8</PrefixSize></Route>\n",
                      dirs[i % 6], i % 250);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(count_text(r, "PX040", "is not a valid"), N / 2);
    assert_false(has(r, "PX040", 3, 0, NULL)); /* PX040 */
    assert_true(has(r, "PX040", 4, 0, "10.1.0.300"));
    assert_false(has(r, "PX040", 5, 0, NULL)); /* px040 among others */
    assert_true(has(r, "PX040", 6, 0, NULL));
    assert_false(has(r, "PX040", 7, 0, NULL)); /* all */
    assert_true(has(r, "PX040", 8, 0, NULL));  /* PX0400 is another ID */
    assert_true(has(r, "PX040", 2 + N, 0, NULL));
    vpnlint_report_free(r);
}

/* 3000 EKUMaps and 3000 EKUMapInList names: declared, declared in another
 * case, undeclared; and every tenth map name declared again with another
 * OID. */
static void test_many_eku_names(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf body = VL_BUF_INIT;
    vl_buf_puts(&body, "<TLSExtensions xmlns=\"" NS "EapTlsConnectionPropertiesV2\">"
                       "<FilteringInfo xmlns=\"" NS "EapTlsConnectionPropertiesV3\">"
                       "<EKUMapping>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&body,
                      "<EKUMap><EKUName>Name %d</EKUName><EKUOID>1.3.6.1.4.1.311.%d</EKUOID>"
                      "</EKUMap>\n",
                      i, i);
    for (int i = 0; i < N; i += 10)
        vl_buf_printf(&body,
                      "<EKUMap><EKUName>Name %d</EKUName><EKUOID>1.2.%d</EKUOID>"
                      "</EKUMap>\n",
                      i, i);
    vl_buf_puts(&body, "</EKUMapping><ClientAuthEKUList Enabled=\"true\">\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&body, "<EKUMapInList><EKUName>%s %d</EKUName></EKUMapInList>\n",
                      i % 3 == 0   ? "Name"
                      : i % 3 == 1 ? "NAME"
                                   : "Other",
                      N - 1 - i);
    vl_buf_puts(&body, "</ClientAuthEKUList></FilteringInfo></TLSExtensions>");
    assert_true(vl_buf_ok(&body));
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    native_profile(&x, "vpn.example.com", body.data);
    vl_buf_free(&body);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(count_text(r, "PX105", "differs only in case"), N / 3);
    assert_int_equal(count_text(r, "PX105", "is not declared"), N / 3);
    assert_int_equal(count_text(r, "PX105", "declared twice"), N / 10);
    assert_int_equal(tu_count(r, "PX105"), 2 * (N / 3) + N / 10);
    char want[128];
    snprintf(want, sizeof want,
             "\"NAME %d\" in <ClientAuthEKUList> differs only in case "
             "from the declared \"Name %d\"",
             N - 2, N - 2);
    assert_int_equal(count_text(r, "PX105", want), 1);
    snprintf(want, sizeof want,
             "\"Name %d\" is declared twice with different OIDs "
             "(1.3.6.1.4.1.311.%d and 1.2.%d)",
             N - 10, N - 10, N - 10);
    assert_int_equal(count_text(r, "PX105", want), 1);
    vpnlint_report_free(r);
}

/* PEAP-TLS whose outer and inner ServerValidation list the same 3000
 * ServerNames and TrustedRootCAs in opposite orders (and other spellings):
 * no PX112; one inner name or root changed: one finding each. */
static void peap(vl_buf *x, int n, int odd_name, int odd_root)
{
    vl_buf_puts(x, "<VPNProfile>\n<NativeProfile><Servers>vpn.example.com</Servers>"
                   "<NativeProtocolType>IKEv2</NativeProtocolType><Authentication>"
                   "<UserMethod>Eap</UserMethod><Eap><Configuration>\n"
                   "<EapHostConfig xmlns=\"" NS "EapHostConfig\"><EapMethod>"
                   "<Type xmlns=\"" NS "EapCommon\">25</Type></EapMethod>"
                   "<Config xmlns=\"" NS "EapHostConfig\">"
                   "<Eap xmlns=\"" NS "BaseEapConnectionPropertiesV1\"><Type>25</Type>"
                   "<EapType xmlns=\"" NS "MsPeapConnectionPropertiesV1\">\n<ServerValidation>"
                   "<ServerNames>");
    for (int i = 0; i < n; i++)
        vl_buf_printf(x, "%sS%d.corp.example.com", i ? ";" : "", i);
    vl_buf_puts(x, "</ServerNames>\n");
    for (int i = 0; i < n; i++)
        vl_buf_printf(
            x,
            "<TrustedRootCA>5a 86 2f 38 a1 1b 4e 0c 94 d7 7b 3f 4d 12 c6 0a %08x</TrustedRootCA>\n",
            i);
    vl_buf_puts(x, "</ServerValidation>\n"
                   "<Eap xmlns=\"" NS "BaseEapConnectionPropertiesV1\"><Type>13</Type>"
                   "<EapType xmlns=\"" NS "EapTlsConnectionPropertiesV1\">\n<ServerValidation>"
                   "<ServerNames>");
    for (int i = n - 1; i >= 0; i--)
        vl_buf_printf(x, " s%d.corp.EXAMPLE.com ;", i == odd_name ? n + i : i);
    vl_buf_puts(x, "</ServerNames>\n");
    for (int i = n - 1; i >= 0; i--)
        vl_buf_printf(x, "<TrustedRootCA>5A862F38A11B4E0C94D77B3F4D12C60A%08X</TrustedRootCA>\n",
                      i == odd_root ? n + i : i);
    vl_buf_puts(x, "</ServerValidation></EapType></Eap></EapType></Eap></Config>"
                   "</EapHostConfig>\n</Configuration></Eap></Authentication></NativeProfile>\n"
                   "</VPNProfile>\n");
}

static void test_long_peap_validation_lists(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf x = VL_BUF_INIT;
    peap(&x, N, -1, -1);
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX112"), 0);
    vpnlint_report_free(r);

    x = (vl_buf)VL_BUF_INIT;
    peap(&x, N, N / 2, N - 1);
    r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX112"), 2);
    assert_int_equal(count_text(r, "PX112", "ServerNames"), 1);
    assert_int_equal(count_text(r, "PX112", "TrustedRootCA list differs"), 1);
    vpnlint_report_free(r);
}

/* Servers lists 3000 gateways; the EAP ServerNames lists 3000 other names,
 * then one gateway (another case): one finding naming it. */
static void test_gateway_among_many_server_names(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf servers = VL_BUF_INIT, body = VL_BUF_INIT;
    for (int i = 0; i < N; i++)
        vl_buf_printf(&servers, "%svpn%d.example.com;Gateway %d", i ? "," : "", i, i);
    vl_buf_puts(&body, "<ServerValidation><ServerNames>");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&body, "nps%d.example.com;", i);
    vl_buf_puts(&body, " VPN1234.example.com </ServerNames></ServerValidation>");
    assert_true(vl_buf_ok(&servers) && vl_buf_ok(&body));
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    native_profile(&x, servers.data, body.data);
    vl_buf_puts(&x, "</VPNProfile>\n");
    vl_buf_free(&servers);
    vl_buf_free(&body);
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(tu_count(r, "PX110"), 1);
    assert_int_equal(count_text(r, "PX110", "\"VPN1234.example.com\", the VPN gateway"), 1);
    vpnlint_report_free(r);
}

/* 3000 TrustedRootCAs in the wrong (known) namespace inside an <Eap> whose
 * <Type> comes after its EapType: each one is reported, once. */
static void test_eap_type_after_many_elements(void **state)
{
    (void)state;
    enum { N = 3000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n<NativeProfile><Servers>vpn.example.com</Servers>"
                    "<NativeProtocolType>IKEv2</NativeProtocolType><Authentication>"
                    "<UserMethod>Eap</UserMethod><Eap><Configuration>\n"
                    "<EapHostConfig xmlns=\"" NS "EapHostConfig\"><EapMethod>"
                    "<Type xmlns=\"" NS "EapCommon\">13</Type></EapMethod>"
                    "<Config xmlns=\"" NS "EapHostConfig\">"
                    "<Eap xmlns=\"" NS "BaseEapConnectionPropertiesV1\">"
                    "<EapType xmlns=\"" NS "EapTlsConnectionPropertiesV1\">\n<ServerValidation>\n");
    for (int i = 0; i < N; i++)
        vl_buf_printf(&x,
                      "<TrustedRootCA xmlns=\"" NS "EapTlsConnectionPropertiesV2\">"
                      "5a 86 2f 38 a1 1b 4e 0c 94 d7 7b 3f 4d 12 c6 0a %08x</TrustedRootCA>\n",
                      i);
    vl_buf_puts(&x, "</ServerValidation></EapType><Type>13</Type></Eap></Config></EapHostConfig>\n"
                    "</Configuration></Eap></Authentication></NativeProfile>\n</VPNProfile>\n");
    vpnlint_report *r = lint_buf(&x);
    assert_int_equal(count_text(r, "PX100", "but Windows expects"), N);
    assert_true(has(r, "PX100", 5, 0, "<TrustedRootCA>"));
    assert_true(has(r, "PX100", 4 + N, 0, "<TrustedRootCA>"));
    vpnlint_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duplicate_domain_names),
        cmocka_unit_test(test_one_domain_name_many_times),
        cmocka_unit_test(test_findings_on_one_long_line),
        cmocka_unit_test(test_distinct_names_on_one_long_line),
        cmocka_unit_test(test_many_dns_suffixes),
        cmocka_unit_test(test_many_stray_texts),
        cmocka_unit_test(test_stray_texts_in_many_routes),
        cmocka_unit_test(test_many_app_texts),
        cmocka_unit_test(test_long_protocol_list),
        cmocka_unit_test(test_many_eku_names),
        cmocka_unit_test(test_long_peap_validation_lists),
        cmocka_unit_test(test_gateway_among_many_server_names),
        cmocka_unit_test(test_eap_type_after_many_elements),
        cmocka_unit_test(test_many_inline_disables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
