/* Hostile inputs are refused with a clear finding, never expanded, never
 * echoed, never crash (time and memory are measured in bench/, not here). */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *render(const vpnlint_report *r, int format)
{
    char *s = NULL;
    assert_int_equal(vpnlint_report_render(&s, r, format), VPNLINT_OK);
    return s;
}

/* None of the renderings contains `needle`. */
static void assert_never_rendered(const vpnlint_report *r, const char *needle)
{
    int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF,
                     VPNLINT_FORMAT_INTUNE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *s = render(r, formats[i]);
        if (strstr(s, needle))
            fail_msg("format %d rendered '%s'", formats[i], needle);
        vpnlint_free(s);
    }
}

static void test_xxe_local_file_is_never_read(void **state)
{
    (void)state;
    char dir[512];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-xxe"), 0);
    char secret[600];
    snprintf(secret, sizeof secret, "%s/secret.txt", dir);
    FILE *f = fopen(secret, "w");
    fputs("TOP-SECRET-CANARY-4711\n", f);
    fclose(f);
    char xml[2048];
    snprintf(xml, sizeof xml,
             "<?xml version=\"1.0\"?>\n"
             "<!DOCTYPE VPNProfile [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
             "<VPNProfile><DnsSuffix>&xxe;</DnsSuffix></VPNProfile>\n",
             secret);
    vpnlint_report *r = tu_lint("xxe.xml", xml);
    assert_true(tu_count(r, "PX001") >= 1);
    assert_never_rendered(r, "TOP-SECRET-CANARY");
    vpnlint_report_free(r);
    /* an external entity without a DOCTYPE is simply undefined */
    r = tu_lint("xxe2.xml", "<VPNProfile><DnsSuffix>&xxe;</DnsSuffix></VPNProfile>");
    assert_true(tu_count(r, "PX001") >= 1);
    vpnlint_report_free(r);
    /* /etc/passwd as the reference names it */
    r = tu_lint("xxe3.xml", "<!DOCTYPE x [<!ENTITY p SYSTEM \"file:///etc/passwd\">]>"
                            "<VPNProfile><DnsSuffix>&p;</DnsSuffix></VPNProfile>");
    assert_true(tu_count(r, "PX001") >= 1);
    assert_never_rendered(r, "root:");
    vpnlint_report_free(r);
    remove(secret);
    tu_remove_dir(dir);
}

static void test_billion_laughs_is_not_expanded(void **state)
{
    (void)state;
    char xml[4096];
    int n = snprintf(xml, sizeof xml,
                     "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                     " <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        char prev[8];
        if (i == 1)
            snprintf(prev, sizeof prev, "lol");
        else
            snprintf(prev, sizeof prev, "lol%d", i - 1);
        n += snprintf(xml + n, sizeof xml - (size_t)n, " <!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++)
            n += snprintf(xml + n, sizeof xml - (size_t)n, "&%s;", prev);
        n += snprintf(xml + n, sizeof xml - (size_t)n, "\">\n");
    }
    snprintf(xml + n, sizeof xml - (size_t)n,
             "]>\n<VPNProfile><DnsSuffix>&lol9;</DnsSuffix>"
             "</VPNProfile>\n");
    vpnlint_report *r = tu_lint("lol.xml", xml);
    assert_true(tu_count(r, "PX001") >= 1);
    assert_never_rendered(r, "lollollol");
    vpnlint_report_free(r);
    /* quadratic blowup: one large entity referenced many times */
    size_t big = 200000;
    char *q = malloc(big * 2 + 1000);
    size_t k = (size_t)sprintf(q, "<!DOCTYPE v [<!ENTITY a \"");
    memset(q + k, 'a', 50000);
    k += 50000;
    k += (size_t)sprintf(q + k, "\">]><VPNProfile><DnsSuffix>");
    for (int i = 0; i < 10000; i++)
        k += (size_t)sprintf(q + k, "&a;");
    k += (size_t)sprintf(q + k, "</DnsSuffix></VPNProfile>");
    r = tu_lint_opts("quad.xml", q, k, NULL);
    assert_true(tu_count(r, "PX001") >= 1);
    vpnlint_report_free(r);
    free(q);
}

static void test_deep_nesting_is_refused(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *x = malloc(depth * 7 + 64);
    size_t k = (size_t)sprintf(x, "<VPNProfile>");
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(x + k, "<a>");
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(x + k, "</a>");
    k += (size_t)sprintf(x + k, "</VPNProfile>");
    vpnlint_report *r = tu_lint_opts("deep.xml", x, k, NULL);
    assert_true(tu_count(r, "PX001") >= 1);
    char *text = render(r, VPNLINT_FORMAT_TEXT);
    assert_non_null(strstr(text, "nested deeper than 256"));
    vpnlint_free(text);
    vpnlint_report_free(r);
    /* a configured, lower limit */
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.max_depth = 8;
    r = tu_lint_opts("deep8.xml", x, k, &opt);
    text = render(r, VPNLINT_FORMAT_TEXT);
    assert_non_null(strstr(text, "nested deeper than 8"));
    vpnlint_free(text);
    vpnlint_report_free(r);
    free(x);
}

/* Appends n attributes a0="" a1="" ... to x at k. */
static size_t put_attrs(char *x, size_t k, size_t n, const char *prefix)
{
    for (size_t i = 0; i < n; i++)
        k += (size_t)sprintf(x + k, " %s%zu=\"\"", prefix, i);
    return k;
}

static int rendered_has(const vpnlint_report *r, const char *needle)
{
    char *text = render(r, VPNLINT_FORMAT_TEXT);
    int has = strstr(text, needle) != NULL;
    vpnlint_free(text);
    return has;
}

/* libxml2 checks each attribute against all earlier ones: a start tag with
 * many attributes is refused before the parser sees it. */
static void test_attribute_flood_is_refused(void **state)
{
    (void)state;
    const char *msg = "more than 256 attributes";
    char *x = malloc(1 << 20);
    /* 300 on the root, on line 3 */
    size_t k = (size_t)sprintf(x, "<?xml version=\"1.0\"?>\n<!-- a profile -->\n<VPNProfile");
    k = put_attrs(x, k, 300, "a");
    k += (size_t)sprintf(x + k, "><ProfileName>x</ProfileName></VPNProfile>\n");
    vpnlint_report *r = tu_lint_opts("flood.xml", x, k, NULL);
    assert_int_equal(tu_count(r, "PX001"), 1);
    assert_true(tu_has_at(r, "PX001", 3));
    assert_true(rendered_has(r, msg));
    vpnlint_report_free(r);

    /* 256 is allowed */
    k = (size_t)sprintf(x, "<VPNProfile");
    k = put_attrs(x, k, 256, "a");
    k += (size_t)sprintf(x + k, "><ProfileName>x</ProfileName></VPNProfile>\n");
    r = tu_lint_opts("flood256.xml", x, k, NULL);
    assert_false(rendered_has(r, msg));
    vpnlint_report_free(r);

    /* many '=' in comments, CDATA, PIs, text and one attribute value: no tag has many */
    k = (size_t)sprintf(x, "<?pi a=b?><VPNProfile v=\"");
    for (int i = 0; i < 300; i++)
        x[k++] = '=';
    k += (size_t)sprintf(x + k, "\"><!-- ");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(x + k, "a=b ");
    k += (size_t)sprintf(x + k, "--><ProfileName>");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(x + k, "a=");
    k += (size_t)sprintf(x + k, "<![CDATA[");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(x + k, "<b c=d>");
    k += (size_t)sprintf(x + k, "]]></ProfileName></VPNProfile>\n");
    r = tu_lint_opts("eq.xml", x, k, NULL);
    assert_false(rendered_has(r, msg));
    assert_int_equal(tu_count(r, "PX001"), 0);
    vpnlint_report_free(r);

    /* a '>' inside a quoted value does not end the tag */
    k = (size_t)sprintf(x, "<VPNProfile q=\"a>b\" r='>'");
    k = put_attrs(x, k, 260, "a");
    k += (size_t)sprintf(x + k, "><ProfileName>x</ProfileName></VPNProfile>\n");
    r = tu_lint_opts("gt.xml", x, k, NULL);
    assert_true(rendered_has(r, msg));
    vpnlint_report_free(r);

    /* namespace declarations count too, and the EAP configuration is checked */
    k = (size_t)sprintf(x, "<VPNProfile><NativeProfile><Authentication><Eap><Configuration>"
                           "<EapHostConfig xmlns=\"http://www.microsoft.com/provisioning/"
                           "EapHostConfig\"");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(x + k, " xmlns:p%d=\"urn:p%d\"", i, i);
    k += (size_t)sprintf(x + k, "/></Configuration></Eap></Authentication></NativeProfile>"
                                "</VPNProfile>\n");
    r = tu_lint_opts("ns.xml", x, k, NULL);
    assert_true(rendered_has(r, msg));
    vpnlint_report_free(r);

    /* the entity-escaped form is checked after unescaping */
    k = (size_t)sprintf(x, "&lt;VPNProfile");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(x + k, " a%d=&quot;&quot;", i);
    k += (size_t)sprintf(x + k, "&gt;&lt;ProfileName&gt;x&lt;/ProfileName&gt;&lt;/VPNProfile&gt;");
    r = tu_lint_opts("escaped.txt", x, k, NULL);
    assert_true(rendered_has(r, msg));
    vpnlint_report_free(r);
    free(x);
}

static void test_huge_file_is_refused_without_reading(void **state)
{
    (void)state;
    char dir[512], path[600];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-huge"), 0);
    snprintf(path, sizeof path, "%s/huge.xml", dir);
    /* 100 MiB, sparse: refused from its size before anything is read */
    assert_int_equal(tu_set_file_size(path, 100LL * 1024 * 1024), 0);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, path), VPNLINT_OK);
    assert_int_equal(tu_count(r, "IN001"), 1);
    vpnlint_finding f;
    assert_int_equal(vpnlint_report_finding(&f, r, 0), VPNLINT_OK);
    assert_non_null(strstr(f.message, "104857600 bytes"));
    assert_int_equal(f.severity, VPNLINT_SEVERITY_ERROR);
    vpnlint_report_free(r);
    remove(path);
    remove(dir);
}

static void test_nul_and_invalid_utf8(void **state)
{
    (void)state;
    const char x[] = "<VPNProfile><DnsSuffix>a\0b</DnsSuffix></VPNProfile>";
    vpnlint_report *r = tu_lint_opts("nul.xml", x, sizeof x - 1, NULL);
    assert_int_equal(tu_count(r, "IN002"), 1);
    vpnlint_report_free(r);
    const char *y = "<VPNProfile><DnsSuffix>caf\xE9</DnsSuffix></VPNProfile>";
    r = tu_lint("latin1.xml", y);
    assert_true(tu_count(r, "PX001") >= 1); /* libxml2: not proper UTF-8 */
    vpnlint_report_free(r);
}

static void assert_json_outputs_utf8(const vpnlint_report *r)
{
    int formats[] = {VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF, VPNLINT_FORMAT_TEXT,
                     VPNLINT_FORMAT_INTUNE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *s = render(r, formats[i]);
        if (!vl_utf8_valid(s, strlen(s)))
            fail_msg("format %d is not valid UTF-8", formats[i]);
        vpnlint_free(s);
    }
}

/* UTF-16 text: n code units from a string of ASCII with '\x01' standing for
 * the surrogate `sur`, in the byte order asked, after a BOM. */
static size_t utf16_with(unsigned char *out, const char *ascii, unsigned sur, int le)
{
    size_t k = 0;
    out[k++] = le ? 0xFF : 0xFE;
    out[k++] = le ? 0xFE : 0xFF;
    for (const char *p = ascii; *p; p++) {
        unsigned u = *p == '\x01' ? sur : (unsigned char)*p;
        out[k++] = (unsigned char)(le ? u & 0xFF : u >> 8);
        out[k++] = (unsigned char)(le ? u >> 8 : u & 0xFF);
    }
    return k;
}

static void test_lone_utf16_surrogates(void **state)
{
    (void)state;
    unsigned char buf[512];
    const char *px = "<VPNProfile><DnsSuffix>a\x01z</DnsSuffix></VPNProfile>\n";
    /* a lone high surrogate, little- and big-endian: IN002 names the cause */
    for (int le = 0; le <= 1; le++) {
        size_t n = utf16_with(buf, px, 0xD800, le);
        vpnlint_report *r = tu_lint_opts("hi.xml", buf, n, NULL);
        assert_int_equal(tu_count(r, "IN002"), 1);
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, 0), VPNLINT_OK);
        assert_non_null(strstr(f.message, "unpaired surrogate"));
        assert_json_outputs_utf8(r);
        vpnlint_report_free(r);
    }
    /* a lone low surrogate: libxml2 refuses the character (PX001 at its
     * column) and the outputs stay valid UTF-8 */
    size_t n = utf16_with(buf, px, 0xDC00, 1);
    vpnlint_report *r = tu_lint_opts("lo.xml", buf, n, NULL);
    assert_true(tu_count(r, "PX001") + tu_count(r, "IN002") >= 1);
    assert_json_outputs_utf8(r);
    vpnlint_report_free(r);
    /* a high surrogate cut off by the end of the file */
    n = utf16_with(buf, "<VPNProfile></VPNProfile>\x01", 0xD83D, 1);
    r = tu_lint_opts("end.xml", buf, n, NULL);
    assert_int_equal(tu_count(r, "IN002"), 1);
    vpnlint_report_free(r);
    /* a surrogate written as UTF-8 (CESU-8) or as a character reference */
    r = tu_lint("cesu.xml", "<VPNProfile><DnsSuffix>a\xED\xA0\x80z</DnsSuffix></VPNProfile>");
    assert_true(tu_count(r, "PX001") >= 1);
    assert_json_outputs_utf8(r);
    vpnlint_report_free(r);
    r = tu_lint("ref.xml", "<VPNProfile><DnsSuffix>a&#xD800;z</DnsSuffix></VPNProfile>");
    assert_true(tu_count(r, "PX001") >= 1);
    assert_json_outputs_utf8(r);
    vpnlint_report_free(r);
    /* in a phonebook entry name: not UTF-8 (PBK025), printed escaped */
    const char pbk[] = "[VPN \xED\xA0\x80]\r\nEncoding=1\r\nType=2\r\n";
    r = tu_lint_opts("sur.pbk", pbk, sizeof pbk - 1, NULL);
    assert_int_equal(tu_count(r, "PBK025"), 1);
    assert_json_outputs_utf8(r);
    vpnlint_report_free(r);
    /* RasClient events exported as UTF-16 with a lone surrogate in the
     * connection name: read, and the name becomes U+FFFD (valid UTF-8) */
    const char *ev = "Event ID: 20227\r\nThe user X dialed a connection named Off\x01ice which "
                     "has failed. The error code returned on failure is 789.\r\n";
    unsigned char big[1024];
    n = utf16_with(big, ev, 0xD800, 1);
    vpnlint_rasevents *e = NULL;
    assert_int_equal(vpnlint_rasevents_parse(&e, big, n), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_count(e), 1);
    vpnlint_rasevent one;
    assert_int_equal(vpnlint_rasevents_at(&one, e, 0), VPNLINT_OK);
    assert_string_equal(one.connection, "Off\xEF\xBF\xBDice");
    assert_int_equal(one.code, 789);
    char *js = NULL;
    assert_int_equal(vpnlint_rasevents_render(&js, e, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    assert_true(vl_utf8_valid(js, strlen(js)));
    vpnlint_free(js);
    vpnlint_rasevents_free(e);
    /* the same with raw invalid UTF-8 bytes in an event exported as text */
    const char bad[] = "Event ID: 20227\r\nThe user X dialed a connection named Off\xFF\xC3ice "
                       "which has failed. The error code returned on failure is 789.\r\n";
    assert_int_equal(vpnlint_rasevents_parse(&e, bad, sizeof bad - 1), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_at(&one, e, 0), VPNLINT_OK);
    assert_string_equal(one.connection, "Off\xEF\xBF\xBD\xEF\xBF\xBDice");
    assert_int_equal(vpnlint_rasevents_render(&js, e, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    assert_true(vl_utf8_valid(js, strlen(js)));
    vpnlint_free(js);
    vpnlint_rasevents_free(e);
}

#define TEN_MB (10u * 1024u * 1024u)

/* Longest line of a rendering (a finding must quote, not echo, a huge value). */
static size_t longest_line(const char *s)
{
    size_t best = 0, cur = 0;
    for (; *s; s++) {
        if (*s == '\n') {
            cur = 0;
            continue;
        }
        if (++cur > best)
            best = cur;
    }
    return best;
}

static void test_pbk_ten_megabyte_line(void **state)
{
    (void)state;
    const char *head = "[VPN]\r\nEncoding=1\r\nType=2\r\n\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n"
                       "\r\nDEVICE=vpn\r\nPhoneNumber=";
    const char *tail = "\r\n";
    size_t hl = strlen(head), tl = strlen(tail);
    char *x = malloc(hl + TEN_MB + tl);
    memcpy(x, head, hl);
    memset(x + hl, 'a', TEN_MB);
    memcpy(x + hl + TEN_MB, tail, tl);
    size_t n = hl + TEN_MB + tl;
    /* lint: the value is too long for RAS (PBK045, with its length) */
    vpnlint_report *r = tu_lint_opts("line.pbk", x, n, NULL);
    assert_int_equal(tu_count(r, "PBK045"), 1);
    assert_true(tu_has_at(r, "PBK045", 9));
    char *text = render(r, VPNLINT_FORMAT_TEXT);
    assert_non_null(strstr(text, "10485760 characters"));
    assert_true(longest_line(text) < 4096); /* the value is never echoed */
    vpnlint_free(text);
    vpnlint_report_free(r);
    /* the editor reads it, gives the value back whole and round-trips */
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open_buffer(&h, x, n), VPNLINT_OK);
    char *v = NULL;
    assert_int_equal(vpnlint_pbk_get(&v, h, "VPN", "PhoneNumber", -1, -1, -1), VPNLINT_OK);
    assert_true(strlen(v) >= TEN_MB);
    vpnlint_free(v);
    /* the list is a summary: the server is cut, with its real length */
    char *list = NULL;
    assert_int_equal(vpnlint_pbk_list(&list, h), VPNLINT_OK);
    assert_non_null(strstr(list, "... (10485760 bytes)"));
    assert_true(longest_line(list) < 4096);
    vpnlint_free(list);
    assert_int_equal(vpnlint_pbk_set(h, "VPN", "PhoneNumber", "vpn.example.com", -1, -1, -1),
                     VPNLINT_OK);
    const void *d;
    size_t dl;
    assert_int_equal(vpnlint_pbk_bytes(&d, &dl, h), VPNLINT_OK);
    assert_int_equal(dl, n - TEN_MB + strlen("vpn.example.com"));
    vpnlint_pbk_free(h);
    /* a 10 MB entry name and a 10 MB line without '=' */
    x[0] = '[';
    memset(x + 1, 'n', TEN_MB);
    memcpy(x + 1 + TEN_MB, "]\r\nType=2\r\n", 11);
    r = tu_lint_opts("name.pbk", x, TEN_MB + 12, NULL);
    assert_int_equal(tu_count(r, "PBK012"), 1);
    text = render(r, VPNLINT_FORMAT_TEXT);
    assert_true(longest_line(text) < 4096);
    vpnlint_free(text);
    vpnlint_report_free(r);
    memcpy(x, "[VPN]\r\n", 7);
    memset(x + 7, 'j', TEN_MB);
    r = tu_lint_opts("junk.pbk", x, TEN_MB + 7, NULL);
    assert_int_equal(tu_count(r, "PBK024"), 1);
    assert_true(tu_has_at(r, "PBK024", 2));
    vpnlint_report_free(r);
    free(x);
}

static void test_pbk_hundred_thousand_entries(void **state)
{
    (void)state;
    const size_t entries = 100000;
    size_t cap = entries * 160 + 1024, n = 0;
    char *x = malloc(cap);
    for (size_t i = 0; i < entries; i++)
        n += (size_t)snprintf(x + n, cap - n,
                              "[VPN %06zu]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=7\r\n\r\n"
                              "MEDIA=rastapi\r\nPort=VPN2-0\r\n\r\nDEVICE=vpn\r\n"
                              "PhoneNumber=vpn%zu.example.com\r\n\r\n",
                              i, i);
    /* one duplicate name at the very end */
    n += (size_t)snprintf(x + n, cap - n,
                          "[VPN 000007]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=7\r\n\r\n"
                          "MEDIA=rastapi\r\nPort=VPN2-0\r\n\r\nDEVICE=vpn\r\n"
                          "PhoneNumber=dup.example.com\r\n");
    vpnlint_report *r = tu_lint_opts("many.pbk", x, n, NULL);
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_int_equal(fi.read_error, 0);
    assert_int_equal(fi.kind, VPNLINT_KIND_PBK);
    assert_true(tu_count(r, "PBK002") >= 1); /* the duplicate is found */
    assert_int_equal(tu_count(r, "PBK001"), 0);
    assert_int_equal(tu_count(r, "PBK044"), 0); /* every entry has its server */
    vpnlint_report_free(r);
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open_buffer(&h, x, n), VPNLINT_OK);
    assert_int_equal(vpnlint_pbk_entry_count(h), entries + 1);
    char *v = NULL;
    assert_int_equal(vpnlint_pbk_get(&v, h, "VPN 099999", "PhoneNumber", -1, -1, -1), VPNLINT_OK);
    assert_non_null(strstr(v, "vpn99999.example.com"));
    vpnlint_free(v);
    /* the duplicated name is refused as ambiguous, not edited at random */
    assert_int_equal(vpnlint_pbk_set(h, "VPN 000007", "VpnStrategy", "14", -1, -1, -1),
                     VPNLINT_EAMBIGUOUS);
    assert_int_equal(vpnlint_pbk_set(h, "VPN 099999", "VpnStrategy", "14", -1, -1, -1), VPNLINT_OK);
    char *diff = NULL;
    assert_int_equal(vpnlint_pbk_diff(&diff, h), VPNLINT_OK);
    assert_non_null(strstr(diff, "-VpnStrategy=7"));
    assert_non_null(strstr(diff, "+VpnStrategy=14"));
    assert_true(strlen(diff) < 2048); /* only the one change */
    vpnlint_free(diff);
    char *list = NULL;
    assert_int_equal(vpnlint_pbk_list(&list, h), VPNLINT_OK);
    assert_non_null(strstr(list, "VPN 099999"));
    vpnlint_free(list);
    vpnlint_pbk_free(h);
    free(x);
}

/* The i-th ASCII case variant of a 14-letter name: bit b of i upper-cases
 * letter b (variant 0 is all lower case). */
static void case_variant(char *out, size_t i)
{
    static const char base[] = "alwaysonvpnxyz";
    for (size_t b = 0; b < sizeof base - 1; b++)
        out[b] = (char)((i >> b) & 1 ? base[b] - 32 : base[b]);
    out[sizeof base - 1] = '\0';
}

static void test_pbk_case_variant_names(void **state)
{
    (void)state;
    /* N case variants of one name (entry i on line 2i+1), then M exact
     * copies of earlier variants; the last copy repeats the first copy's
     * name, so its namesake is still the original entry */
    const size_t N = 6000, M = 500;
    size_t cap = (N + M) * 32 + 64, n = 0;
    char *x = malloc(cap), name[16];
    size_t *orig = malloc(M * sizeof *orig); /* variant each copy repeats */
    for (size_t i = 0; i < N; i++) {
        case_variant(name, i);
        n += (size_t)snprintf(x + n, cap - n, "[%s]\r\nType=2\r\n", name);
    }
    for (size_t j = 0; j < M; j++) {
        orig[j] = j + 1 < M ? (j * 37 + 5) % N : orig[0];
        case_variant(name, orig[j]);
        n += (size_t)snprintf(x + n, cap - n, "[%s]\r\nType=2\r\n", name);
    }
    vpnlint_report *r = tu_lint_opts("variants.pbk", x, n, NULL);
    /* every entry but the first is reported once: N-1 case variants of
     * entry 0 (warnings) and M exact duplicates (errors) */
    assert_int_equal(tu_count(r, "PBK002"), N - 1 + M);
    assert_false(tu_has_at(r, "PBK002", 1));
    size_t count = vpnlint_report_finding_count(r), errors = 0, warnings = 0;
    unsigned last_line = 0;
    for (size_t k = 0; k < count; k++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, k), VPNLINT_OK);
        if (strcmp(f.rule_id, "PBK002") != 0)
            continue;
        assert_true(f.line > last_line); /* one finding per entry, in line order */
        last_line = f.line;
        assert_int_equal(f.line % 2, 1);
        size_t e = (f.line - 1) / 2; /* the entry reported */
        char want[160];
        if (e < N) {
            assert_int_equal(f.severity, VPNLINT_SEVERITY_WARNING);
            case_variant(name, e);
            snprintf(want, sizeof want,
                     "entry name [%s] differs only in letter case from [alwaysonvpnxyz] on "
                     "line 1:",
                     name);
            warnings++;
        } else {
            assert_int_equal(f.severity, VPNLINT_SEVERITY_ERROR);
            case_variant(name, orig[e - N]);
            snprintf(want, sizeof want, "entry name [%s] is already used on line %zu:", name,
                     2 * orig[e - N] + 1);
            errors++;
        }
        if (strncmp(f.message, want, strlen(want)) != 0)
            fail_msg("line %u: '%s', expected '%s...'", f.line, f.message, want);
    }
    assert_int_equal(warnings, N - 1);
    assert_int_equal(errors, M);
    vpnlint_report_free(r);
    free(orig);
    free(x);
}

static void test_one_gibibyte_input_is_refused_unread(void **state)
{
    (void)state;
    char dir[512], xml[600], pbk[600];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-gib"), 0);
    snprintf(xml, sizeof xml, "%s/huge.xml", dir);
    snprintf(pbk, sizeof pbk, "%s/rasphone.pbk", dir);
    /* sparse: no disk is used and nothing may be read */
    assert_int_equal(tu_set_file_size(xml, 1024LL * 1024 * 1024), 0);
    assert_int_equal(tu_set_file_size(pbk, 1024LL * 1024 * 1024), 0);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, xml), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, pbk), VPNLINT_OK);
    assert_int_equal(tu_count(r, "IN001"), 2);
    for (size_t i = 0; i < 2; i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        assert_non_null(strstr(f.message, "1073741824 bytes"));
    }
    vpnlint_report_free(r);
    /* the phonebook editor refuses it the same way */
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, pbk), VPNLINT_ETOOBIG);
    assert_null(h);
    assert_non_null(strstr(vpnlint_error_last(), "1073741824 bytes"));
    assert_non_null(strstr(vpnlint_error_last(), "nothing was read"));
    remove(xml);
    remove(pbk);
    tu_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xxe_local_file_is_never_read),
        cmocka_unit_test(test_billion_laughs_is_not_expanded),
        cmocka_unit_test(test_deep_nesting_is_refused),
        cmocka_unit_test(test_attribute_flood_is_refused),
        cmocka_unit_test(test_huge_file_is_refused_without_reading),
        cmocka_unit_test(test_nul_and_invalid_utf8),
        cmocka_unit_test(test_lone_utf16_surrogates),
        cmocka_unit_test(test_pbk_ten_megabyte_line),
        cmocka_unit_test(test_pbk_hundred_thousand_entries),
        cmocka_unit_test(test_pbk_case_variant_names),
        cmocka_unit_test(test_one_gibibyte_input_is_refused_unread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
