/* Thumbprint and OID syntax (profilexml/values.h), used by the EAP rules for
 * TrustedRootCA, IssuerHash and EKUOID. */
#include "testutil.h"

#include "profilexml/values.h"

static void test_thumbprint(void **state)
{
    (void)state;
    bool canon = true;
    /* Windows export form: lowercase pairs, single spaces, trailing space */
    assert_true(vl_thumbprint_valid("db 52 5d 00 f8 13 84 9e 3f ee c2 53 db b0 4f 21 04 c3 c2 b6 ",
                                    &canon));
    assert_true(canon);
    assert_true(
        vl_thumbprint_valid("db 52 5d 00 f8 13 84 9e 3f ee c2 53 db b0 4f 21 04 c3 c2 b6", &canon));
    assert_true(canon);
    /* accepted variants, not canonical */
    assert_true(vl_thumbprint_valid("68b545d69b6f49dd8614cf1b3470d38575b22db8", &canon));
    assert_false(canon);
    assert_true(
        vl_thumbprint_valid("DB 52 5D 00 F8 13 84 9E 3F EE C2 53 DB B0 4F 21 04 C3 C2 B6", &canon));
    assert_false(canon);
    assert_true(vl_thumbprint_valid("db525d00 f813849e3feec253dbb04f2104c3c2b6", &canon));
    assert_false(canon);
    assert_true(
        vl_thumbprint_valid("db 52 5d 00 f8 13 84 9e 3f ee c2 53 db b0 4f 21 04 c3 c2  b6", NULL));
    /* invalid */
    assert_false(vl_thumbprint_valid("", &canon));
    assert_false(canon);
    assert_false(vl_thumbprint_valid(NULL, NULL));
    assert_false(vl_thumbprint_valid("68b545d69b6f49dd8614cf1b3470d38575b22d", NULL)); /* 38 */
    assert_false(vl_thumbprint_valid("68b545d69b6f49dd8614cf1b3470d38575b22db8aa", NULL));
    assert_false(vl_thumbprint_valid("68b545d69b6f49dd8614cf1b3470d38575b22dbg", NULL));
    assert_false(
        vl_thumbprint_valid("68:b5:45:d6:9b:6f:49:dd:86:14:cf:1b:34:70:d3:85:75:b2:2d:b8", NULL));
    /* U+200E LEFT-TO-RIGHT MARK pasted from the certificate dialog */
    assert_false(vl_thumbprint_valid("\xE2\x80\x8E"
                                     "68b545d69b6f49dd8614cf1b3470d38575b22db8",
                                     NULL));
    /* SHA-256 */
    assert_false(vl_thumbprint_valid(
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NULL));
}

static void test_oid(void **state)
{
    (void)state;
    assert_true(vl_oid_valid("1.3.6.1.4.1.311.87"));
    assert_true(vl_oid_valid("1.3.6.1.5.5.7.3.2"));
    assert_true(vl_oid_valid("2.5.29.37.0"));
    assert_true(vl_oid_valid("1.3.6.1.4.1.311.21.8.8940219.13077989.412064.413517.8235707.255."
                             "15911128.8265948"));
    assert_true(vl_oid_valid("2.999"));
    assert_true(vl_oid_valid("0.0"));
    assert_false(vl_oid_valid(NULL));
    assert_false(vl_oid_valid(""));
    assert_false(vl_oid_valid("1"));
    assert_false(vl_oid_valid("1.3.6.1.4.1.311.87."));
    assert_false(vl_oid_valid(".1.3.6"));
    assert_false(vl_oid_valid("1..3"));
    assert_false(vl_oid_valid("1.3.06.1"));
    assert_false(vl_oid_valid("3.1.2"));
    assert_false(vl_oid_valid("1.40.1"));
    assert_false(vl_oid_valid("1.3.6.1 "));
    assert_false(vl_oid_valid("1,3,6,1"));
    assert_false(vl_oid_valid("Client Authentication"));
    assert_false(vl_oid_valid("99999999999999999999.1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thumbprint),
        cmocka_unit_test(test_oid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
