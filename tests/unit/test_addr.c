/* Strict IP literal parser and prefix helpers (profilexml/addr.h). */
#include "testutil.h"

#include "profilexml/addr.h"

#include <string.h>

static bool ok(const char *s)
{
    vl_addr a;
    return vl_addr_parse_str(s, &a);
}

static const char *canon(const char *s, char *buf)
{
    vl_addr a;
    assert_true(vl_addr_parse_str(s, &a));
    return vl_addr_format(&a, buf, VL_ADDR_STRLEN);
}

static void test_v4(void **state)
{
    (void)state;
    assert_true(ok("10.0.0.0"));
    assert_true(ok("255.255.255.255"));
    assert_true(ok("0.0.0.0"));
    assert_false(ok("172.16.74.289"));
    assert_false(ok("10.0.0"));
    assert_false(ok("10.0.0.0.0"));
    assert_false(ok("10.010.0.0"));
    assert_false(ok("10.0.0.0 "));
    assert_false(ok(" 10.0.0.0"));
    assert_false(ok("1000.0.0.0"));
    assert_false(ok("10..0.0"));
    assert_false(ok("10.0.0."));
    assert_false(ok("a.b.c.d"));
    assert_false(ok(""));
    vl_addr a;
    assert_true(vl_addr_parse("10.1.2.3,", 8, &a));
    assert_int_equal(a.family, 4);
    assert_int_equal(a.b[3], 3);
}

static void test_v6(void **state)
{
    (void)state;
    char buf[VL_ADDR_STRLEN];
    assert_true(ok("2001:db8:2112:a867:5309:1843:6572:adfe"));
    assert_true(ok("2001:db8:2112::"));
    assert_true(ok("::"));
    assert_true(ok("::1"));
    assert_true(ok("1::"));
    assert_true(ok("::ffff:10.0.0.1"));
    assert_true(ok("64:ff9b::192.0.2.33"));
    assert_true(ok("FE80::1"));
    assert_false(ok("2001:db8::1::1"));
    assert_false(ok("2001:db8:1:2:3:4:5:6:7"));
    assert_false(ok("1:2:3:4:5:6:7:8::"));
    assert_false(ok("::1:2:3:4:5:6:7:8"));
    assert_false(ok("2001:db8:12345::"));
    assert_false(ok(":1::"));
    assert_false(ok("1:"));
    assert_false(ok("1:2:3:4:5:6:7"));
    assert_false(ok("fe80::1%eth0"));
    assert_false(ok("[::1]"));
    assert_false(ok("::ffff:10.0.0.256"));
    assert_false(ok("::10.0.0.1:1"));
    assert_false(ok("g::"));
    assert_string_equal(canon("2001:DB8:2112:0:0:0:0:0", buf), "2001:db8:2112::");
    assert_string_equal(canon("0:0:0:0:0:0:0:1", buf), "::1");
    assert_string_equal(canon("::", buf), "::");
    assert_string_equal(canon("1:0:0:2:0:0:0:3", buf), "1:0:0:2::3");
    assert_string_equal(canon("1:0:2:3:4:5:6:7", buf), "1:0:2:3:4:5:6:7");
    assert_string_equal(canon("172.21.12.0", buf), "172.21.12.0");
}

static void test_prefix(void **state)
{
    (void)state;
    vl_addr a, m, b;
    unsigned p = 99;
    const char *why = NULL;
    char buf[VL_ADDR_STRLEN];
    assert_true(vl_cidr_parse("172.21.12.0/21", 14, &a, &p, &why));
    assert_int_equal(p, 21);
    assert_true(vl_addr_host_bits(&a, 21));
    vl_addr_mask(&a, 21, &m);
    assert_string_equal(vl_addr_format(&m, buf, sizeof buf), "172.21.8.0");
    assert_false(vl_addr_host_bits(&m, 21));
    assert_false(vl_cidr_parse("10.0.0.0/33", 11, &a, &p, &why));
    assert_non_null(why);
    assert_false(vl_cidr_parse("10.0.0.0/", 9, &a, &p, &why));
    assert_false(vl_cidr_parse("10.0.0.0", 8, &a, &p, &why));
    assert_false(vl_cidr_parse("10.0.0.0/08", 11, &a, &p, &why));
    assert_true(vl_cidr_parse("2001:db8::/128", 14, &a, &p, &why));
    assert_false(vl_cidr_parse("2001:db8::/129", 14, &a, &p, &why));
    assert_true(vl_addr_parse_str("2001:db8:2112:8000::", &a));
    assert_true(vl_addr_host_bits(&a, 48));
    assert_false(vl_addr_host_bits(&a, 49));
    assert_false(vl_addr_host_bits(&a, 128));
    assert_true(vl_addr_parse_str("10.0.0.0", &a));
    assert_true(vl_addr_parse_str("10.1.0.0", &b));
    assert_true(vl_prefix_contains(&a, 8, &b, 16));
    assert_false(vl_prefix_contains(&b, 16, &a, 8));
    assert_false(vl_prefix_contains(&b, 16, &a, 16));
    assert_true(vl_addr_cmp(&a, &b) < 0);
    assert_true(vl_addr_parse_str("::", &b));
    assert_false(vl_prefix_contains(&b, 0, &a, 8)); /* different family */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v4),
        cmocka_unit_test(test_v6),
        cmocka_unit_test(test_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
