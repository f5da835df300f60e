/* The IKEv2 probe's pure parts: SHA-1 (NAT detection), the IKE_SA_INIT
 * builder, the answer parser on good, truncated and corrupted answers, the
 * proposal words, and vpnlint_probe's refusals that need no network. The
 * probe against strongSwan and openssl s_server runs in
 * scripts/test.d/70-probe.sh (network namespaces). */
#include "testutil.h"

#include "probe/probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void hex(const uint8_t *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void test_sha1_vectors(void **state)
{
    (void)state;
    uint8_t md[20];
    char h[41];
    vl_sha1("", 0, md);
    hex(md, 20, h);
    assert_string_equal(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    vl_sha1("abc", 3, md);
    hex(md, 20, h);
    assert_string_equal(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    vl_sha1(m, strlen(m), md);
    hex(md, 20, h);
    assert_string_equal(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    char *million = malloc(1000000);
    assert_non_null(million);
    memset(million, 'a', 1000000);
    vl_sha1(million, 1000000, md);
    free(million);
    hex(md, 20, h);
    assert_string_equal(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

static vl_ike_proposal gcm14(void)
{
    vl_ike_proposal p;
    memset(&p, 0, sizeof p);
    p.encr[0] = VL_IKE_ENCR_AES_GCM_16;
    p.encr_keylen[0] = 128;
    p.n_encr = 1;
    p.prf[0] = VL_IKE_PRF_SHA256;
    p.n_prf = 1;
    p.dh[0] = 14;
    p.n_dh = 1;
    return p;
}

static void test_proposal_words(void **state)
{
    (void)state;
    char buf[256];
    vl_ike_proposal p = gcm14();
    assert_string_equal(vl_ike_proposal_words(&p, buf, sizeof buf),
                        "AES-128-GCM, SHA-256 PRF, DH group 14 (MODP 2048)");
    vl_ike_proposal d[4];
    assert_int_equal(vl_ike_default_proposals(d, 4), 3);
    assert_string_equal(vl_ike_proposal_words(&d[0], buf, sizeof buf),
                        "3DES/AES-128-CBC/AES-192-CBC/AES-256-CBC, "
                        "HMAC-SHA1-96/HMAC-SHA-256-128/HMAC-SHA-384-192 integrity, "
                        "SHA-1/SHA-256/SHA-384 PRF, DH group 2 (MODP 1024)");
    /* a small buffer is cut, never overrun */
    char small[8];
    vl_ike_proposal_words(&p, small, sizeof small);
    assert_int_equal(strlen(small), 7);
}

static size_t build(uint8_t *buf, size_t size, const vl_ike_proposal *p, bool marker,
                    vl_ike_request *req)
{
    memset(req, 0, sizeof *req);
    for (int i = 0; i < 8; i++)
        req->spi_i[i] = (uint8_t)(0xA0 + i);
    for (int i = 0; i < 32; i++)
        req->nonce[i] = (uint8_t)i;
    req->non_esp_marker = marker;
    return vl_ike_build(buf, size, req, p);
}

/* The request's layout: header, SA, KE (256 bytes for group 14), Ni, 3 notifies. */
static void test_build_request(void **state)
{
    (void)state;
    uint8_t buf[2048];
    vl_ike_request req;
    vl_ike_proposal p = gcm14();
    size_t n = build(buf, sizeof buf, &p, false, &req);
    /* 28 header + SA (4 + 8 + 12 + 8 + 8) + KE (8 + 256) + Ni (4 + 32) + 3 notifies
     * (8 + 20, 8 + 20, 8) */
    assert_int_equal(n, 28 + 40 + 264 + 36 + 28 + 28 + 8);
    assert_int_equal(buf[16], 33);   /* first payload SA */
    assert_int_equal(buf[17], 0x20); /* IKEv2 */
    assert_int_equal(buf[18], 34);   /* IKE_SA_INIT */
    assert_int_equal(buf[19], 0x08); /* initiator */
    assert_int_equal(((size_t)buf[26] << 8) | buf[27], n);
    /* KE: group 14, value below the MODP prime */
    size_t ke = 28 + 40;
    assert_int_equal(buf[ke], 40); /* next: Ni */
    assert_int_equal((buf[ke + 4] << 8) | buf[ke + 5], 14);
    assert_true(buf[ke + 8] < 0xFF);
    /* with the non-ESP marker: 4 zero bytes in front, same length field */
    uint8_t buf2[2048];
    size_t n2 = build(buf2, sizeof buf2, &p, true, &req);
    assert_int_equal(n2, n + 4);
    assert_memory_equal(buf2, "\0\0\0\0", 4);
    /* does not fit: 0, never an overrun */
    assert_int_equal(build(buf, 100, &p, false, &req), 0);
    /* ECP 256: the fixed valid point (64 bytes) */
    p.dh[0] = 19;
    n = build(buf, sizeof buf, &p, false, &req);
    assert_int_equal(n, 28 + 40 + 72 + 36 + 28 + 28 + 8);
    /* unknown group: refused */
    p.dh[0] = 99;
    assert_int_equal(build(buf, sizeof buf, &p, false, &req), 0);
}

/* Our own request with the response flag set is a well-formed accepting answer. */
static size_t make_answer(uint8_t *buf, size_t size, vl_ike_request *req)
{
    vl_ike_proposal p = gcm14();
    size_t n = build(buf, size, &p, false, req);
    buf[19] = 0x20;
    memset(buf + 8, 0x5B, 8); /* SPIr */
    return n;
}

static void test_parse_accepting_answer(void **state)
{
    (void)state;
    uint8_t buf[2048];
    vl_ike_request req;
    size_t n = make_answer(buf, sizeof buf, &req);
    vl_ike_answer a;
    assert_int_equal(vl_ike_parse(&a, buf, n, req.spi_i, false), VL_IKE_PARSE_OK);
    assert_true(a.has_sa);
    assert_int_equal(a.chosen.encr[0], VL_IKE_ENCR_AES_GCM_16);
    assert_int_equal(a.chosen.encr_keylen[0], 128);
    assert_int_equal(a.chosen.dh[0], 14);
    assert_true(a.has_ke);
    assert_true(a.has_nonce);
    assert_true(a.frag_supported);
    assert_int_equal(a.n_nat_src, 1);
    assert_true(a.has_nat_dst);
    assert_int_equal(a.error, 0);
    /* another SPI: not ours, keep waiting */
    uint8_t other[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    assert_int_equal(vl_ike_parse(&a, buf, n, other, false), VL_IKE_PARSE_NOT_OURS);
    /* on UDP 4500 the marker is required */
    assert_int_equal(vl_ike_parse(&a, buf, n, req.spi_i, true), VL_IKE_PARSE_MALFORMED);
    uint8_t m[2048 + 4] = {0};
    memcpy(m + 4, buf, n);
    assert_int_equal(vl_ike_parse(&a, m, n + 4, req.spi_i, true), VL_IKE_PARSE_OK);
}

/* Every truncation of a good answer is malformed (with a reason), never a crash. */
static void test_parse_truncated(void **state)
{
    (void)state;
    uint8_t buf[2048];
    vl_ike_request req;
    size_t n = make_answer(buf, sizeof buf, &req);
    vl_ike_answer a;
    for (size_t len = 0; len < n; len++) {
        uint8_t *copy = malloc(len ? len : 1); /* exact size: ASan sees any over-read */
        assert_non_null(copy);
        memcpy(copy, buf, len);
        int rc = vl_ike_parse(&a, copy, len, req.spi_i, false);
        free(copy);
        assert_int_equal(rc, VL_IKE_PARSE_MALFORMED);
        assert_true(a.problem[0] != '\0');
    }
    assert_int_equal(vl_ike_parse(&a, buf, 200, req.spi_i, false), VL_IKE_PARSE_MALFORMED);
    assert_non_null(strstr(a.problem, "truncated: the header says"));
}

/* Corrupting any length byte gives malformed or a consistent parse, never a crash;
 * the header length mismatch is named. */
static void test_parse_corrupted_lengths(void **state)
{
    (void)state;
    uint8_t buf[2048];
    vl_ike_request req;
    size_t n = make_answer(buf, sizeof buf, &req);
    vl_ike_answer a;
    for (size_t i = 16; i < n; i++) {
        for (int v = 0; v < 256; v += 51) {
            uint8_t *copy = malloc(n);
            assert_non_null(copy);
            memcpy(copy, buf, n);
            copy[i] = (uint8_t)v;
            int rc = vl_ike_parse(&a, copy, n, req.spi_i, false);
            free(copy);
            assert_true(rc == VL_IKE_PARSE_OK || rc == VL_IKE_PARSE_MALFORMED);
        }
    }
    /* SA payload length bigger than the message */
    buf[28 + 2] = 0x7F;
    assert_int_equal(vl_ike_parse(&a, buf, n, req.spi_i, false), VL_IKE_PARSE_MALFORMED);
    assert_non_null(strstr(a.problem, "payload 1 (type 33)"));
}

/* header + one notify */
static size_t notify_answer(uint8_t *buf, const uint8_t spi[8], unsigned type, const uint8_t *data,
                            size_t dn)
{
    memset(buf, 0, 28);
    memcpy(buf, spi, 8);
    buf[16] = 41;
    buf[17] = 0x20;
    buf[18] = 34;
    buf[19] = 0x20;
    size_t len = 28 + 8 + dn;
    buf[26] = (uint8_t)(len >> 8);
    buf[27] = (uint8_t)len;
    uint8_t *p = buf + 28;
    p[0] = 0;
    p[1] = 0;
    p[2] = (uint8_t)((8 + dn) >> 8);
    p[3] = (uint8_t)(8 + dn);
    p[4] = 0;
    p[5] = 0;
    p[6] = (uint8_t)(type >> 8);
    p[7] = (uint8_t)type;
    if (dn)
        memcpy(p + 8, data, dn);
    return len;
}

static void test_parse_error_notifies(void **state)
{
    (void)state;
    uint8_t spi[8] = {9, 9, 9, 9, 9, 9, 9, 9}, buf[256];
    vl_ike_answer a;
    size_t n = notify_answer(buf, spi, VL_IKE_N_NO_PROPOSAL_CHOSEN, NULL, 0);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_OK);
    assert_int_equal(a.error, VL_IKE_N_NO_PROPOSAL_CHOSEN);
    uint8_t g[2] = {0, 19};
    n = notify_answer(buf, spi, VL_IKE_N_INVALID_KE_PAYLOAD, g, 2);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_OK);
    assert_int_equal(a.error, VL_IKE_N_INVALID_KE_PAYLOAD);
    assert_int_equal(a.invalid_ke_group, 19);
    /* INVALID_KE_PAYLOAD with 3 bytes: malformed */
    uint8_t g3[3] = {0, 19, 0};
    n = notify_answer(buf, spi, VL_IKE_N_INVALID_KE_PAYLOAD, g3, 3);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_MALFORMED);
    assert_non_null(strstr(a.problem, "INVALID_KE_PAYLOAD"));
    /* COOKIE */
    uint8_t c[16];
    memset(c, 0xC0, sizeof c);
    n = notify_answer(buf, spi, VL_IKE_N_COOKIE, c, sizeof c);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_OK);
    assert_true(a.has_cookie);
    assert_int_equal(a.cookie_len, 16);
    /* a COOKIE longer than 64 bytes */
    uint8_t big[65] = {0};
    n = notify_answer(buf, spi, VL_IKE_N_COOKIE, big, sizeof big);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_MALFORMED);
    /* only a status notify: no SA, no error */
    n = notify_answer(buf, spi, VL_IKE_N_FRAGMENTATION_SUPPORTED, NULL, 0);
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_MALFORMED);
    assert_non_null(strstr(a.problem, "neither an SA payload nor an error notify"));
    /* a request (no response flag) */
    n = notify_answer(buf, spi, VL_IKE_N_NO_PROPOSAL_CHOSEN, NULL, 0);
    buf[19] = 0x08;
    assert_int_equal(vl_ike_parse(&a, buf, n, spi, false), VL_IKE_PARSE_MALFORMED);
}

static void test_probe_refusals(void **state)
{
    (void)state;
    char dir[512], path[600];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vl-probe"), 0);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    /* nothing to probe */
    assert_int_equal(vpnlint_probe(r, NULL, NULL), VPNLINT_EINVALID);
    /* a profile without Servers */
    snprintf(path, sizeof path, "%s/noserver.xml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("<VPNProfile><NativeProfile><NativeProtocolType>IKEv2</NativeProtocolType>"
          "</NativeProfile></VPNProfile>",
          f);
    fclose(f);
    assert_int_equal(vpnlint_probe(r, path, NULL), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "names no server"));
    remove(path);
    /* a PPTP-only profile */
    snprintf(path, sizeof path, "%s/pptp.xml", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("<VPNProfile><NativeProfile><Servers>vpn.example.com</Servers>"
          "<NativeProtocolType>PPTP</NativeProtocolType></NativeProfile></VPNProfile>",
          f);
    fclose(f);
    assert_int_equal(vpnlint_probe(r, path, NULL), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "neither IKEv2 nor SSTP"));
    remove(path);
    /* a phonebook with two entries and no --entry; an unknown entry */
    snprintf(path, sizeof path, "%s/two.pbk", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs("[A]\r\nType=2\r\nVpnStrategy=7\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\n"
          "PhoneNumber=a.example.com\r\n\r\n[B]\r\nType=2\r\nVpnStrategy=7\r\n",
          f);
    fclose(f);
    assert_int_equal(vpnlint_probe(r, path, NULL), VPNLINT_EINVALID);
    assert_non_null(strstr(vpnlint_error_last(), "--entry"));
    vpnlint_probe_options o = VPNLINT_PROBE_OPTIONS_INIT;
    o.entry = "C";
    assert_int_equal(vpnlint_probe(r, path, &o), VPNLINT_ENOTFOUND);
    o.entry = "B"; /* no PhoneNumber */
    assert_int_equal(vpnlint_probe(r, path, &o), VPNLINT_EINVALID);
    remove(path);
    /* a missing file */
    snprintf(path, sizeof path, "%s/missing.xml", dir);
    assert_int_equal(vpnlint_probe(r, path, NULL), VPNLINT_ENOTFOUND);
    /* a bad options version */
    o.version = 99;
    assert_int_equal(vpnlint_probe(r, NULL, &o), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_report_finding_count(r), 0);
    vpnlint_report_free(r);
    tu_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha1_vectors),         cmocka_unit_test(test_proposal_words),
        cmocka_unit_test(test_build_request),        cmocka_unit_test(test_parse_accepting_answer),
        cmocka_unit_test(test_parse_truncated),      cmocka_unit_test(test_parse_corrupted_lengths),
        cmocka_unit_test(test_parse_error_notifies), cmocka_unit_test(test_probe_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
