/* Hostile inputs are refused with a clear finding, never expanded, never
 * echoed, never crash (time and memory are measured in bench/, not here). */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    char dir[] = "/tmp/vpnlint-xxe-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char secret[512];
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
    rmdir(dir);
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

static void test_huge_file_is_refused_without_reading(void **state)
{
    (void)state;
    char path[] = "/tmp/vpnlint-huge-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* 100 MiB, sparse: refused from its size before anything is read */
    assert_int_equal(ftruncate(fd, 100L * 1024 * 1024), 0);
    close(fd);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xxe_local_file_is_never_read),
        cmocka_unit_test(test_billion_laughs_is_not_expanded),
        cmocka_unit_test(test_deep_nesting_is_refused),
        cmocka_unit_test(test_huge_file_is_refused_without_reading),
        cmocka_unit_test(test_nul_and_invalid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
