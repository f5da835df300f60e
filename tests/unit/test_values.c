/* Value syntax helpers (profilexml/values.h): thumbprints, OIDs, DNS names,
 * port items, list splitting. */
#include "testutil.h"

#include "profilexml/values.h"

#include <string.h>

static void test_thumbprint(void **state)
{
    (void)state;
    bool canon = true;
    const char *spaced = "d2 d3 8e ab 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef";
    assert_true(vl_thumbprint_valid(spaced, &canon));
    assert_true(canon);
    assert_true(vl_thumbprint_valid("d2 d3 8e ab 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef ",
                                    &canon));
    assert_true(canon);
    assert_true(vl_thumbprint_valid("d2d38eab0123456789abcdef0123456789abcdef", &canon));
    assert_false(canon);
    assert_true(
        vl_thumbprint_valid("D2 D3 8E AB 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF", &canon));
    assert_false(canon);
    assert_true(vl_thumbprint_valid("d2d38eab0123456789abcdef0123456789abcdef", NULL));
    /* 39 and 41 digits, non-hex, empty */
    assert_false(vl_thumbprint_valid("d2d38eab0123456789abcdef0123456789abcde", &canon));
    assert_false(canon);
    assert_false(vl_thumbprint_valid("d2d38eab0123456789abcdef0123456789abcdef0", NULL));
    assert_false(vl_thumbprint_valid("g2d38eab0123456789abcdef0123456789abcdef", NULL));
    assert_false(
        vl_thumbprint_valid("d2:d3:8e:ab:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef", NULL));
    assert_false(vl_thumbprint_valid("", NULL));
}

static void test_oid(void **state)
{
    (void)state;
    assert_true(vl_oid_valid("1.3.6.1.5.5.7.3.2"));
    assert_true(vl_oid_valid("1.3.6.1.4.1.311.87"));
    assert_true(vl_oid_valid("2.5.29.37.0"));
    assert_true(vl_oid_valid("2.999"));
    assert_true(vl_oid_valid("1.3.6.1.4.1.311.21.8.4294967295"));
    assert_false(vl_oid_valid("1.3.6.1.4.1.311.21.8.4294967296"));
    assert_false(vl_oid_valid(""));
    assert_false(vl_oid_valid("1"));
    assert_false(vl_oid_valid("3.1"));
    assert_false(vl_oid_valid("1.40"));
    assert_false(vl_oid_valid("1.3..6"));
    assert_false(vl_oid_valid("1.3.6."));
    assert_false(vl_oid_valid(".1.3"));
    assert_false(vl_oid_valid("1.03.6"));
    assert_false(vl_oid_valid(" 1.3.6"));
    assert_false(vl_oid_valid("This is my Eku"));
}

static vl_dns_err dns(const char *s, unsigned flags)
{
    return vl_dns_name_check(s, strlen(s), flags, NULL);
}

static void test_dns(void **state)
{
    (void)state;
    assert_int_equal(dns("corp.example.com", 0), VL_DNS_OK);
    assert_int_equal(dns("_msdcs.corp", 0), VL_DNS_OK);
    assert_int_equal(dns("contoso..com", 0), VL_DNS_EMPTY_LABEL);
    assert_int_equal(dns(".corp.example.com", 0), VL_DNS_EMPTY_LABEL);
    assert_int_equal(dns(".corp.example.com", VL_DNS_ALLOW_LEADING_DOT), VL_DNS_OK);
    assert_int_equal(dns(".", 0), VL_DNS_EMPTY);
    assert_int_equal(dns(".", VL_DNS_ALLOW_ROOT), VL_DNS_OK);
    assert_int_equal(dns("example.com.", 0), VL_DNS_EMPTY_LABEL);
    assert_int_equal(dns("example.com.", VL_DNS_ALLOW_TRAILING_DOT), VL_DNS_OK);
    assert_int_equal(dns("-a.example.com", 0), VL_DNS_HYPHEN_EDGE);
    assert_int_equal(dns("a b.example.com", 0), VL_DNS_BAD_CHAR);
    assert_int_equal(dns("*.example.com", 0), VL_DNS_BAD_CHAR);
    assert_int_equal(dns("*.example.com", VL_DNS_ALLOW_WILDCARD), VL_DNS_OK);
    assert_int_equal(dns("a*.example.com", VL_DNS_ALLOW_WILDCARD), VL_DNS_BAD_CHAR);
    assert_int_equal(dns("", 0), VL_DNS_EMPTY);
    char longlabel[80];
    memset(longlabel, 'a', 64);
    strcpy(longlabel + 64, ".com");
    assert_int_equal(dns(longlabel, 0), VL_DNS_LABEL_LONG);
    char longname[300];
    for (int i = 0; i < 300; i++)
        longname[i] = (i % 10 == 9) ? '.' : 'a';
    longname[299] = '\0';
    assert_int_equal(dns(longname, 0), VL_DNS_NAME_LONG);
    /* length-bounded: only the first 7 bytes are looked at */
    assert_int_equal(vl_dns_name_check("example,,,", 7, 0, NULL), VL_DNS_OK);
    assert_string_not_equal(vl_dns_err_text(VL_DNS_BAD_CHAR), "valid");
}

static bool port(const char *s)
{
    const char *why = NULL;
    bool ok = vl_port_item_valid(s, strlen(s), &why);
    if (!ok)
        assert_non_null(why);
    return ok;
}

static void test_ports(void **state)
{
    (void)state;
    assert_true(port("80"));
    assert_true(port("0"));
    assert_true(port("65535"));
    assert_true(port("100-120"));
    assert_true(port("5-5"));
    assert_false(port("65536"));
    assert_false(port("120-100"));
    assert_false(port("1-"));
    assert_false(port("-1"));
    assert_false(port("a"));
    assert_false(port("1 - 2"));
    assert_false(port(""));
    assert_false(port("100000"));
}

struct collect {
    char items[8][32];
    int n;
};

static bool collect_fn(const char *item, size_t len, void *user)
{
    struct collect *c = user;
    assert_true(len < 32);
    memcpy(c->items[c->n], item, len);
    c->items[c->n][len] = '\0';
    c->n++;
    return c->n < 8;
}

static void test_split(void **state)
{
    (void)state;
    struct collect c = {0};
    bool sp = true;
    assert_true(vl_split_list("a,b,,c", ',', collect_fn, &c, &sp));
    assert_false(sp);
    assert_int_equal(c.n, 4);
    assert_string_equal(c.items[0], "a");
    assert_string_equal(c.items[2], "");
    assert_string_equal(c.items[3], "c");
    memset(&c, 0, sizeof c);
    assert_true(vl_split_list("10.0.0.2, 10.0.0.3", ',', collect_fn, &c, &sp));
    assert_true(sp);
    assert_string_equal(c.items[1], "10.0.0.3");
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(vl_edit_distance("Servers", "Servers", false), 0);
    assert_int_equal(vl_edit_distance("Severs", "Servers", false), 1);
    assert_int_equal(vl_edit_distance("DNSServers", "DnsServers", false), 2);
    assert_int_equal(vl_edit_distance("DNSServers", "DnsServers", true), 0);
    assert_int_equal(vl_edit_distance("", "abc", false), 3);
    assert_int_equal(vl_edit_distance("https://x", "http://x", false), 1);
    char long_name[300];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_true(vl_edit_distance(long_name, "a", false) == (size_t)-1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_distance), cmocka_unit_test(test_thumbprint),
        cmocka_unit_test(test_oid),           cmocka_unit_test(test_dns),
        cmocka_unit_test(test_ports),         cmocka_unit_test(test_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
