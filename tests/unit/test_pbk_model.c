/* test_pbk_model.c — the lossless rasphone.pbk model: byte-identical round
 * trips (corpus + synthetic set), tree shape, blob joining, lookups and the
 * decoded meanings rules print. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pbk/pbk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef VPNLINT_CORPUS_DIR
#define VPNLINT_CORPUS_DIR "../shared/corpus"
#endif
#ifndef VPNLINT_ROOT_DIR
#define VPNLINT_ROOT_DIR "."
#endif

/* The corpus lives beside the repository (../shared/corpus); from a git
 * worktree under wt/ it is one level further up. $VPNLINT_CORPUS_DIR wins. */
static const char *corpus_dir(void)
{
    static char found[1024];
    const char *env = getenv("VPNLINT_CORPUS_DIR");
    const char *cands[] = {env, VPNLINT_CORPUS_DIR, VPNLINT_ROOT_DIR "/../../shared/corpus"};
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        if (!cands[i])
            continue;
        snprintf(found, sizeof found, "%s/pbk/snwaters-test-rasphone.pbk", cands[i]);
        FILE *f = fopen(found, "rb");
        if (f) {
            fclose(f);
            snprintf(found, sizeof found, "%s", cands[i]);
            return found;
        }
    }
    return VPNLINT_CORPUS_DIR;
}

/* ---------------------------------------------------------- helpers */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

static vl_pbk *parse_str(const char *s, size_t n)
{
    vl_pbk *p = NULL;
    assert_int_equal(vl_pbk_parse(&p, s, n), 0);
    assert_non_null(p);
    return p;
}

static void assert_round_trip(const char *s, size_t n)
{
    vl_pbk *p = parse_str(s, n);
    const unsigned char *out;
    size_t m = vl_pbk_bytes(p, &out);
    assert_int_equal(m, n);
    assert_memory_equal(out, s, n);
    /* the lines cover every byte after the BOM, in order, without gaps */
    size_t at = p->bom_len;
    for (size_t i = 0; i < p->n_lines; i++) {
        const vl_pbk_line *ln = &p->lines[i];
        assert_int_equal(ln->off, at);
        size_t eol = ln->eol == VL_PBK_EOL_CRLF ? 2 : ln->eol == VL_PBK_EOL_NONE ? 0 : 1;
        at += ln->len + eol;
    }
    assert_int_equal(at, n);
    vl_pbk_free(p);
}

/* A Windows-style VPN entry; eol alternates CRLF/LF when mixed. */
static void put_line(char **buf, size_t *len, const char *text, const char *eol)
{
    size_t a = strlen(text), b = strlen(eol);
    *buf = realloc(*buf, *len + a + b + 1);
    memcpy(*buf + *len, text, a);
    memcpy(*buf + *len + a, eol, b);
    *len += a + b;
    (*buf)[*len] = 0;
}

static const char *const entry_lines[] = {
    "Encoding=1",
    "PBVersion=8",
    "Type=2",
    "AutoLogon=0",
    "UseRasCredentials=1",
    "VpnStrategy=7",
    "DataEncryption=256",
    "CustomAuthKey=25",
    "CustomAuthData=31444243190000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000",
    "CustomAuthData=0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20212223242526"
    "2728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
    "CustomAuthData=AABBCCDD",
    "AuthRestrictions=128",
    "IpInterfaceMetric=3",
    "PreSharedKey=",
    "",
    "NETCOMPONENTS=",
    "ms_msclient=1",
    "ms_server=1",
    "",
    "MEDIA=rastapi",
    "Port=VPN2-0",
    "Device=WAN Miniport (IKEv2)",
    "",
    "DEVICE=vpn",
    "PhoneNumber=vpn.example.com",
    "AreaCode=",
    "CountryCode=0",
    "CountryID=0",
    "UseDialingRules=0",
    "Comment=",
    "FriendlyName=",
    "LastSelectedPhone=0",
    "PromoteAlternates=0",
    "TryNextAlternateOnFail=1",
    "",
};

static char *make_entry_file(const char *name, int eol_mode /* 0 CRLF 1 LF 2 mixed */, bool bom,
                             size_t *len)
{
    char *b = calloc(1, 1);
    *len = 0;
    if (bom)
        put_line(&b, len, "\xEF\xBB\xBF", "");
    char hdr[600];
    snprintf(hdr, sizeof hdr, "[%s]", name);
    size_t k = 0;
    const char *eols[2] = {"\r\n", "\n"};
    put_line(&b, len, hdr, eols[eol_mode == 2 ? (k++ % 2) : (size_t)eol_mode]);
    for (size_t i = 0; i < sizeof entry_lines / sizeof *entry_lines; i++)
        put_line(&b, len, entry_lines[i], eols[eol_mode == 2 ? (k++ % 2) : (size_t)eol_mode]);
    return b;
}

/* ------------------------------------------------------------ tests */

static void test_corpus_round_trip(void **state)
{
    (void)state;
    const char *files[] = {"lenoba-VPN-ImportExporter-rasphone.pbk", "snwaters-test-rasphone.pbk"};
    for (size_t i = 0; i < 2; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/pbk/%s", corpus_dir(), files[i]);
        size_t n;
        char *s = read_all(path, &n);
        if (!s)
            fail_msg("cannot read corpus file %s", path);
        assert_true(n > 1000);
        assert_round_trip(s, n);
        free(s);
    }
}

static void test_corpus_tree(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/pbk/snwaters-test-rasphone.pbk", corpus_dir());
    size_t n;
    char *s = read_all(path, &n);
    assert_non_null(s);
    vl_pbk *p = parse_str(s, n);
    assert_int_equal(p->n_entries, 1);
    const vl_pbk_entry *e = &p->entries[0];
    assert_string_equal(e->name, "Turner AlwaysOn VPN");
    assert_int_equal(e->n_netcomponents, 1);
    assert_int_equal(e->n_media, 1);
    assert_int_equal(e->media[0].n_devices, 1);
    assert_int_equal(e->media[0].devices[0].n_phones, 1);
    /* CustomAuthData: 8 physical lines, 7x128 + 38 hex characters */
    const vl_pbk_kv *cad = vl_pbk_entry_get(e, "CustomAuthData");
    assert_non_null(cad);
    assert_true(cad->blob);
    assert_int_equal(vl_pbk_kv_n_lines(p, cad), 8);
    assert_int_equal(cad->value_len, 7 * 128 + 38);
    assert_int_equal(cad->line, 51);
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "CustomAuthData"), 1);
    unsigned char *blob;
    size_t blen;
    assert_int_equal(vl_pbk_hex_decode(p, cad, &blob, &blen), 0);
    assert_int_equal(blen, 467);
    assert_memory_equal(blob, "1DBC", 4);
    vpnlint_free(blob);
    unsigned l, c;
    vl_pbk_kv_locate(p, cad, 130, &l, &c);
    assert_int_equal(l, 52);
    assert_int_equal(c, (unsigned)strlen("CustomAuthData=") + 3);
    const vl_pbk_kv *nrpt = vl_pbk_entry_get(e, "NrptRules");
    assert_int_equal(vl_pbk_kv_n_lines(p, nrpt), 6);
    /* Device (MEDIA) and DEVICE are different keys */
    assert_string_equal(vl_pbk_kv_value(p, vl_pbk_media_get(p, &e->media[0], "Device")),
                        "WAN Miniport (SSTP)");
    assert_null(vl_pbk_media_get(p, &e->media[0], "DEVICE"));
    assert_string_equal(vl_pbk_kv_key(p, &e->media[0].devices[0].keys[0]), "DEVICE");
    assert_string_equal(
        vl_pbk_kv_value(p, vl_pbk_group_get(p, &e->media[0].devices[0].phones[0], "PhoneNumber")),
        "aovpn.turner-industries.com");
    assert_non_null(vl_pbk_device_get(p, &e->media[0].devices[0], "TryNextAlternateOnFail"));
    assert_int_equal(vl_pbk_device_get(p, &e->media[0].devices[0], "TryNextAlternateOnFail")->scope,
                     VL_PBK_SCOPE_DEVICE);
    long long v;
    assert_true(vl_pbk_entry_int(e, "VpnStrategy", &v));
    assert_int_equal(v, 6);
    assert_string_equal(vl_pbk_vpn_strategy_name(v), "SSTP first");
    assert_true(vl_pbk_entry_int(e, "LowDateTime", &v));
    assert_int_equal(v, -103058144);
    assert_int_equal(p->n_eol_crlf, p->n_lines);
    assert_int_equal(p->n_problems, 0);
    vl_pbk_free(p);
    free(s);
}

static void test_synthetic_endings(void **state)
{
    (void)state;
    for (int mode = 0; mode < 3; mode++) {
        for (int bom = 0; bom < 2; bom++) {
            size_t n;
            char *s = make_entry_file("Contoso VPN", mode, bom, &n);
            assert_round_trip(s, n);
            vl_pbk *p = parse_str(s, n);
            assert_int_equal(p->bom_len, bom ? 3 : 0);
            assert_int_equal(p->n_entries, 1);
            assert_string_equal(p->entries[0].name, "Contoso VPN");
            const vl_pbk_kv *cad = vl_pbk_entry_get(&p->entries[0], "CustomAuthData");
            assert_int_equal(vl_pbk_kv_n_lines(p, cad), 3);
            assert_int_equal(cad->value_len, 128 + 128 + 8);
            if (mode == 0)
                assert_int_equal(p->n_eol_lf, 0);
            if (mode == 1)
                assert_int_equal(p->n_eol_crlf, 0);
            if (mode == 2)
                assert_true(p->n_eol_crlf > 10 && p->n_eol_lf > 10);
            vl_pbk_free(p);
            free(s);
        }
    }
}

static void test_synthetic_odd_shapes(void **state)
{
    (void)state;
    /* no blank lines, 5-key entries back to back, no final newline */
    const char nb[] = "[a]\nMEDIA=rastapi\nPort=VPN2-0\nDevice=WAN Miniport (IKEv2)\nDEVICE=vpn\n"
                      "PhoneNumber=a.example\n[b]\nMEDIA=rastapi\nPort=VPN2-0\n"
                      "Device=WAN Miniport (IKEv2)\nDEVICE=vpn\nPhoneNumber=b.example";
    assert_round_trip(nb, sizeof nb - 1);
    vl_pbk *p = parse_str(nb, sizeof nb - 1);
    assert_int_equal(p->n_entries, 2);
    assert_int_equal(p->entries[1].media[0].devices[0].n_phones, 1);
    assert_int_equal(p->lines[p->n_lines - 1].eol, VL_PBK_EOL_NONE);
    vl_pbk_free(p);

    /* trailing spaces, unknown keys, comment-like lines, junk, lone CR at EOF */
    const char odd[] = "; leading comment\r\n\r\n[x] \r\nEncoding=1 \r\nFooBar=baz=qux\r\n"
                       "'quote comment\r\njunk line\r\n  \t\r\n=novalue\r\nType=2\r";
    assert_round_trip(odd, sizeof odd - 1);
    p = parse_str(odd, sizeof odd - 1);
    assert_int_equal(p->n_entries, 1);
    assert_string_equal(vl_pbk_entry_value(&p->entries[0], "Encoding"), "1 ");
    assert_string_equal(vl_pbk_entry_value(&p->entries[0], "FooBar"), "baz=qux");
    assert_string_equal(vl_pbk_entry_value(&p->entries[0], "Type"), "2");
    assert_int_equal(p->lines[p->n_lines - 1].eol, VL_PBK_EOL_CR);
    assert_int_equal(p->lines[0].type, VL_PBK_LINE_OTHER);
    assert_int_equal(p->n_problems, 1); /* a line before the first header */
    assert_int_equal(p->problems[0].line, 1);
    vl_pbk_free(p);

    /* empty file and a file of only blank lines */
    assert_round_trip("", 0);
    assert_round_trip("\r\n\n", 3);

    /* an unterminated header and a DEVICE without MEDIA are structural problems */
    const char bad[] = "[ok]\nType=2\n[broken\nDEVICE=vpn\nPhoneNumber=h\n";
    assert_round_trip(bad, sizeof bad - 1);
    p = parse_str(bad, sizeof bad - 1);
    assert_int_equal(p->n_problems, 2);
    assert_int_equal(p->entries[0].n_media, 1);
    assert_true(p->entries[0].media[0].implicit);
    assert_int_equal(p->entries[0].media[0].n_devices, 1);
    vl_pbk_free(p);
}

static void test_synthetic_names(void **state)
{
    (void)state;
    /* CJK UTF-8 name and localised device name */
    const char cjk[] = "[\xE5\xAE\xBD\xE5\xB8\xA6\xE8\xBF\x9E\xE6\x8E\xA5]\r\nType=5\r\n\r\n"
                       "MEDIA=rastapi\r\nPort=PPPoE5-0\r\n"
                       "Device=WAN \xE5\xBE\xAE\xE5\x9E\x8B\xE7\xAB\xAF\xE5\x8F\xA3(PPPOE)\r\n\r\n"
                       "DEVICE=PPPoE\r\nLastSelectedPhone=0\r\n";
    assert_round_trip(cjk, sizeof cjk - 1);
    vl_pbk *p = parse_str(cjk, sizeof cjk - 1);
    assert_true(p->entries[0].name_utf8);
    assert_true(p->utf8_valid);
    assert_int_equal(p->entries[0].media[0].devices[0].n_phones, 0);
    vl_pbk_free(p);

    /* the same name in GBK bytes (mislabelled Encoding=1) */
    const char gbk[] = "[\xBF\xED\xB4\xF8\xC1\xAC\xBD\xD3]\r\nEncoding=1\r\nType=5\r\n";
    assert_round_trip(gbk, sizeof gbk - 1);
    p = parse_str(gbk, sizeof gbk - 1);
    assert_false(p->entries[0].name_utf8);
    assert_false(p->utf8_valid);
    assert_int_equal(p->entries[0].name_len, 8);
    assert_memory_equal(p->entries[0].name, "\xBF\xED\xB4\xF8\xC1\xAC\xBD\xD3", 8);
    vl_pbk_free(p);

    /* a 257-character name (one over RAS_MaxEntryName) */
    char name[258];
    memset(name, 'N', 257);
    name[257] = 0;
    size_t n;
    char *s = make_entry_file(name, 0, false, &n);
    assert_round_trip(s, n);
    p = parse_str(s, n);
    assert_int_equal(p->entries[0].name_len, 257);
    vl_pbk_free(p);
    free(s);

    /* a name with ']' inside: first '[' to last ']' */
    const char br[] = "[a]b]\nType=2\n";
    p = parse_str(br, sizeof br - 1);
    assert_string_equal(p->entries[0].name, "a]b");
    vl_pbk_free(p);
}

static const char multilink[] =
    "[Multi]\r\nType=1\r\nSharedPhoneNumbers=0\r\n\r\n"
    "MEDIA=rastapi\r\nPort=COM1\r\nDevice=Modem A\r\n\r\n"
    "DEVICE=modem\r\nPhoneNumber=5550100\r\nAreaCode=\r\nComment=first\r\n"
    "PhoneNumber=5550101\r\nAreaCode=\r\nComment=alternate\r\n"
    "LastSelectedPhone=0\r\nPromoteAlternates=0\r\nTryNextAlternateOnFail=1\r\n\r\n"
    "MEDIA=rastapi\r\nPort=COM2\r\nDevice=Modem B\r\n\r\n"
    "DEVICE=modem\r\nPhoneNumber=5550200\r\nAreaCode=\r\n"
    "LastSelectedPhone=0\r\nPromoteAlternates=0\r\nTryNextAlternateOnFail=1\r\n\r\n";

static void test_multilink(void **state)
{
    (void)state;
    assert_round_trip(multilink, sizeof multilink - 1);
    vl_pbk *p = parse_str(multilink, sizeof multilink - 1);
    const vl_pbk_entry *e = &p->entries[0];
    assert_int_equal(e->n_media, 2);
    assert_string_equal(vl_pbk_kv_value(p, vl_pbk_media_get(p, &e->media[1], "Port")), "COM2");
    const vl_pbk_device *d = &e->media[0].devices[0];
    assert_int_equal(d->n_phones, 2);
    assert_string_equal(vl_pbk_kv_value(p, &d->phones[1].keys[0]), "5550101");
    assert_string_equal(vl_pbk_kv_value(p, vl_pbk_group_get(p, &d->phones[1], "Comment")),
                        "alternate");
    assert_int_equal(d->phones[0].n_keys, 3);
    const vl_pbk_kv *lsp = vl_pbk_device_get(p, d, "LastSelectedPhone");
    assert_int_equal(lsp->scope, VL_PBK_SCOPE_DEVICE);
    int m, dv, g;
    vl_pbk_kv_place(p, lsp, &m, &dv, &g);
    assert_int_equal(m, 0);
    assert_int_equal(dv, 0);
    assert_int_equal(g, -1);
    vl_pbk_kv_place(p, vl_pbk_group_get(p, &d->phones[1], "Comment"), &m, &dv, &g);
    assert_int_equal(g, 1);
    assert_int_equal(e->media[1].devices[0].n_phones, 1);
    assert_int_equal(vl_pbk_count(p, e->all, e->n_all, "PhoneNumber"), 3);
    vl_pbk_kv_place(p, vl_pbk_find_nth(p, e->all, e->n_all, "Port", 1), &m, &dv, &g);
    assert_int_equal(m, 1);
    assert_int_equal(dv, -1);
    vl_pbk_free(p);
}

static void test_duplicates(void **state)
{
    (void)state;
    const char dup[] = "[Same]\nVpnStrategy=7\nVpnStrategy=8\nCustomAuthData=AA\nType=2\n"
                       "CustomAuthData=BB\n\n[Same]\nType=2\n[same]\nType=2\n";
    assert_round_trip(dup, sizeof dup - 1);
    vl_pbk *p = parse_str(dup, sizeof dup - 1);
    assert_int_equal(p->n_entries, 3);
    size_t first = 99;
    assert_int_equal(vl_pbk_entries_named(p, "Same", 4, &first), 2);
    assert_int_equal(first, 0);
    const vl_pbk_entry *e = &p->entries[0];
    /* scalar duplicates stay separate kvs; a non-consecutive blob key repeats */
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "VpnStrategy"), 2);
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "CustomAuthData"), 2);
    assert_string_equal(
        vl_pbk_kv_value(p, vl_pbk_find_nth(p, e->keys, e->n_keys, "VpnStrategy", 1)), "8");
    assert_int_equal(vl_pbk_find_nth(p, e->keys, e->n_keys, "VpnStrategy", 1)->line, 3);
    vl_pbk_free(p);

    /* a known blob key joins whatever its wrapping (even non-hex lines) */
    const char odd_wrap[] = "[w]\nCustomAuthData=AB\nCustomAuthData=CDEF\nCustomAuthData=zz\n"
                            "Routes=01\nType=2\n";
    p = parse_str(odd_wrap, sizeof odd_wrap - 1);
    e = &p->entries[0];
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "CustomAuthData"), 1);
    assert_string_equal(vl_pbk_entry_value(e, "CustomAuthData"), "ABCDEFzz");
    assert_int_equal(vl_pbk_kv_n_lines(p, vl_pbk_entry_get(e, "CustomAuthData")), 3);
    assert_true(vl_pbk_entry_get(e, "Routes")->blob);
    assert_int_equal(vl_pbk_kv_n_lines(p, vl_pbk_entry_get(e, "Routes")), 1);
    vl_pbk_free(p);

    /* an unknown key repeated consecutively joins only as a wrapped hex run */
    char hex[129];
    memset(hex, 'A', 128);
    hex[128] = 0;
    char buf[600];
    snprintf(buf, sizeof buf, "[u]\nFutureBlob=%s\nFutureBlob=0102\nFlag=1\nFlag=1\n", hex);
    p = parse_str(buf, strlen(buf));
    e = &p->entries[0];
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "FutureBlob"), 1);
    assert_int_equal(vl_pbk_entry_get(e, "FutureBlob")->value_len, 132);
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "Flag"), 2);
    vl_pbk_free(p);

    /* a short line ends the run: the line after it starts a new kv */
    snprintf(buf, sizeof buf, "[u]\nFutureBlob=%s\nFutureBlob=0102\nFutureBlob=%s\n", hex, hex);
    p = parse_str(buf, strlen(buf));
    e = &p->entries[0];
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "FutureBlob"), 2);
    assert_int_equal(vl_pbk_entry_get(e, "FutureBlob")->value_len, 132);
    vl_pbk_free(p);

    /* a run of 40 000 lines (5 MB) is one kv; checking every earlier line
     * for each new one made this quadratic (minutes; found by fuzzing) */
    const size_t run = 40000, per = sizeof "FutureBlob=" - 1 + 128 + 1;
    size_t big_len = 4 + run * per + sizeof "FutureBlob=01\n" - 1;
    char *big = malloc(big_len + 1);
    assert_non_null(big);
    char *at = big;
    memcpy(at, "[u]\n", 4);
    at += 4;
    for (size_t i = 0; i < run; i++) {
        memcpy(at, "FutureBlob=", 11);
        memcpy(at + 11, hex, 128);
        at[139] = '\n';
        at += per;
    }
    memcpy(at, "FutureBlob=01\n", 14);
    assert_int_equal((size_t)(at + 14 - big), big_len);
    p = parse_str(big, big_len);
    e = &p->entries[0];
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "FutureBlob"), 1);
    assert_int_equal(vl_pbk_entry_get(e, "FutureBlob")->value_len, run * 128 + 2);
    assert_int_equal(vl_pbk_kv_n_lines(p, vl_pbk_entry_get(e, "FutureBlob")), run + 1);
    vl_pbk_free(p);
    free(big);
}

static void test_decoders(void **state)
{
    (void)state;
    assert_string_equal(vl_pbk_vpn_strategy_name(0), "Automatic");
    assert_string_equal(vl_pbk_vpn_strategy_name(14), "IKEv2, then SSTP only");
    assert_null(vl_pbk_vpn_strategy_name(10));
    assert_null(vl_pbk_vpn_strategy_name(11));
    assert_null(vl_pbk_vpn_strategy_name(16));
    assert_null(vl_pbk_vpn_strategy_name(-1));
    assert_string_equal(vl_pbk_vpn_strategy_first(3), "L2TP");
    assert_true(vl_pbk_vpn_strategy_uses_l2tp(13));
    assert_false(vl_pbk_vpn_strategy_uses_l2tp(7));
    assert_true(vl_pbk_vpn_strategy_uses_pptp(1));
    assert_false(vl_pbk_vpn_strategy_uses_pptp(14));
    char w[128];
    vl_pbk_auth_restrictions_words(640, w, sizeof w);
    assert_string_equal(w, "EAP, MS-CHAP v2");
    vl_pbk_auth_restrictions_words(544, w, sizeof w);
    assert_string_equal(w, "CHAP (MD5), MS-CHAP v2");
    vl_pbk_auth_restrictions_words(0, w, sizeof w);
    assert_string_equal(w, "none");
    size_t need = vl_pbk_auth_restrictions_words(4 | 2048, w, sizeof w);
    assert_string_equal(w, "unknown bit 0x4, IKEv2 machine certificate");
    assert_int_equal(need, strlen(w));
    need = vl_pbk_auth_restrictions_words(632, w, 5);
    assert_string_equal(w, "PAP,");
    assert_true(need > 20);
    assert_string_equal(vl_pbk_eap_type_name(25), "PEAP");
    assert_string_equal(vl_pbk_eap_type_name(26), "EAP-MSCHAPv2");
    assert_string_equal(vl_pbk_eap_type_name(13), "EAP-TLS (smart card or certificate)");
    assert_null(vl_pbk_eap_type_name(99));
    assert_string_equal(vl_pbk_data_encryption_name(256), "required");
    assert_null(vl_pbk_data_encryption_name(1));
    assert_string_equal(vl_pbk_entry_type_name(2), "VPN");
    assert_true(vl_pbk_is_secret_key("PreSharedKey", 12));
    assert_true(vl_pbk_is_secret_key("ApnInfoPassword", 15));
    assert_false(vl_pbk_is_secret_key("PhoneNumber", 11));
    assert_int_equal(vl_pbk_key_home_scope("Port"), VL_PBK_SCOPE_MEDIA);
    assert_int_equal(vl_pbk_key_home_scope("AreaCode"), VL_PBK_SCOPE_PHONE);
    assert_int_equal(vl_pbk_key_home_scope("PromoteAlternates"), VL_PBK_SCOPE_DEVICE);
    assert_int_equal(vl_pbk_key_home_scope("VpnStrategy"), VL_PBK_SCOPE_ENTRY);
    assert_true(vl_pbk_key_rank(VL_PBK_SCOPE_ENTRY, "VpnStrategy") <
                vl_pbk_key_rank(VL_PBK_SCOPE_ENTRY, "DataEncryption"));
    size_t bad;
    assert_false(vl_pbk_hex_valid("ABC", 3, &bad));
    assert_int_equal(bad, 3);
    assert_false(vl_pbk_hex_valid("ABXD", 4, &bad));
    assert_int_equal(bad, 2);
    assert_true(vl_pbk_hex_valid("abCD", 4, NULL));
}

static void test_kv_int(void **state)
{
    (void)state;
    const char s[] = "[i]\nA=12\nB= 12\nC=-7\nD=\nE=99999999999999999999\nF=+3\nG=1x\n";
    vl_pbk *p = parse_str(s, sizeof s - 1);
    const vl_pbk_entry *e = &p->entries[0];
    long long v;
    assert_true(vl_pbk_entry_int(e, "A", &v));
    assert_int_equal(v, 12);
    assert_false(vl_pbk_entry_int(e, "B", &v));
    assert_true(vl_pbk_entry_int(e, "C", &v));
    assert_int_equal(v, -7);
    assert_false(vl_pbk_entry_int(e, "D", &v));
    assert_false(vl_pbk_entry_int(e, "E", &v));
    assert_true(vl_pbk_entry_int(e, "F", &v));
    assert_false(vl_pbk_entry_int(e, "G", &v));
    assert_false(vl_pbk_entry_int(e, "Missing", &v));
    vl_pbk_free(p);
}

/* Untrusted input never crashes: every prefix and some byte flips of a
 * real file still round-trip. */
static void test_prefixes_and_mutations(void **state)
{
    (void)state;
    size_t n;
    char *s = make_entry_file("Fuzz", 2, true, &n);
    for (size_t k = 0; k <= n; k++)
        assert_round_trip(s, k);
    const unsigned char junk[] = {0, '\r', '\n', '[', ']', '=', 0xFF, 0xC3};
    for (size_t k = 0; k < n; k += 7) {
        char *m = malloc(n);
        memcpy(m, s, n);
        m[k] = (char)junk[k % sizeof junk];
        assert_round_trip(m, n);
        free(m);
    }
    free(s);
}

#ifndef VPNLINT_PROFILES_DIR
#define VPNLINT_PROFILES_DIR "profiles"
#endif

/* The example phonebooks in profiles/pbk say what README.md says they do. */
static void test_profiles(void **state)
{
    (void)state;
    size_t n;
    char *s = read_all(VPNLINT_PROFILES_DIR "/pbk/aovpn-user.pbk", &n);
    assert_non_null(s);
    assert_round_trip(s, n);
    vl_pbk *p = parse_str(s, n);
    assert_int_equal(p->n_entries, 1);
    assert_int_equal(p->n_eol_lf, 0);
    const vl_pbk_entry *e = &p->entries[0];
    long long v;
    assert_true(vl_pbk_entry_int(e, "VpnStrategy", &v));
    assert_string_equal(vl_pbk_vpn_strategy_name(v), "IKEv2, then SSTP only");
    const vl_pbk_kv *routes = vl_pbk_entry_get(e, "Routes");
    assert_true(vl_pbk_entry_int(e, "NumRoutes", &v));
    assert_int_equal(routes->value_len, (size_t)v * 72);
    assert_int_equal(routes->line, 102);
    const vl_pbk_kv *cad = vl_pbk_entry_get(e, "CustomAuthData");
    unsigned char *b;
    size_t bl;
    assert_int_equal(vl_pbk_hex_decode(p, cad, &b, &bl), 0);
    assert_memory_equal(b, "1DBC\x19\0\0\0", 8);
    vpnlint_free(b);
    assert_string_equal(vl_pbk_entry_value(e, "PreSharedKey"), "");
    vl_pbk_free(p);
    free(s);

    s = read_all(VPNLINT_PROFILES_DIR "/pbk/l2tp-classic-mistakes.pbk", &n);
    assert_non_null(s);
    assert_round_trip(s, n);
    p = parse_str(s, n);
    assert_int_equal(p->n_entries, 3);
    assert_int_equal(vl_pbk_entries_named(p, "Office L2TP", 11, NULL), 2);
    assert_int_equal(p->entries[1].line, 145);
    assert_true(p->n_eol_lf > 100 && p->n_eol_crlf > 100);
    e = &p->entries[2];
    assert_int_equal(vl_pbk_count(p, e->keys, e->n_keys, "VpnStrategy"), 2);
    assert_int_equal(vl_pbk_entry_get(e, "CustomIPSecPolicies")->value_len, 47);
    assert_string_equal(vl_pbk_entry_value(&p->entries[0], "Encoding"), "1 ");
    assert_true(vl_pbk_entry_int(&p->entries[0], "AuthRestrictions", &v));
    assert_int_equal(v, 8);
    vl_pbk_free(p);
    free(s);
}

/* Keys are interned per file: one id and one pointer per distinct key, with
 * the per-name facts rules use (secret, blob, canonical spelling). */
/* A line of 256 MiB or more does not fit the model's 28-bit line length:
 * refused with ETOOBIG and a message, never truncated; one byte shorter is
 * parsed whole. */
static void test_line_limit(void **state)
{
    (void)state;
    size_t n = (size_t)VL_PBK_MAX_LINE + 1;
    char *b = malloc(n + 16);
    assert_non_null(b);
    memcpy(b, "[E]\nKey=", 8);
    memset(b + 8, 'A', n);
    vl_pbk *p = NULL;
    assert_int_equal(vl_pbk_parse(&p, b, 4 + n), VPNLINT_ETOOBIG); /* line 2: n bytes */
    assert_null(p);
    assert_non_null(strstr(vpnlint_error_last(), "line 2"));
    assert_int_equal(vl_pbk_parse(&p, b, 4 + n - 1), VPNLINT_OK);
    assert_int_equal(p->n_lines, 2);
    assert_int_equal(p->lines[1].len, VL_PBK_MAX_LINE);
    assert_int_equal(p->kvs[0].value_len, VL_PBK_MAX_LINE - 4);
    vl_pbk_free(p);
    free(b);
}

static void test_interned_keys(void **state)
{
    (void)state;
    const char t[] = "[a]\r\nType=2\r\nPreSharedKey=\r\nType=3\r\nCustomAuthData=AB\r\n"
                     "CustomAuthData=CD\r\nvpnstrategy=7\r\n[b]\r\nType=2\r\n";
    vl_pbk *p = parse_str(t, sizeof t - 1);
    assert_int_equal(p->n_kvs, 6);
    assert_int_equal(p->n_names, 4);
    const vl_pbk_kv *k = p->kvs;
    assert_int_equal(k[0].kid, k[2].kid);
    assert_int_equal(k[0].kid, k[5].kid);
    assert_ptr_equal(vl_pbk_kv_key(p, &k[0]), vl_pbk_kv_key(p, &k[5]));
    assert_int_equal(vl_pbk_key_id(p, "Type"), (int32_t)k[0].kid);
    assert_int_equal(vl_pbk_key_id(p, "type"), -1);
    assert_int_equal(vl_pbk_key_id(p, "NumRoutes"), -1);
    assert_true(p->name_flags[k[1].kid] & VL_PBK_NAME_SECRET);
    assert_false(p->name_flags[k[0].kid] & VL_PBK_NAME_SECRET);
    assert_true(p->name_flags[k[3].kid] & VL_PBK_NAME_BLOB);
    assert_string_equal(vl_pbk_kv_value(p, &k[3]), "ABCD");
    assert_string_equal(p->name_ci[k[4].kid], "VpnStrategy");
    assert_string_equal(p->name_ci[k[1].kid], "PreSharedKey");
    assert_string_equal(vl_pbk_entry_value(&p->entries[0], "Type"), "2");
    assert_null(vl_pbk_entry_value(&p->entries[1], "PreSharedKey"));
    bool set[4] = {false, false, false, false};
    const char *const list[] = {"Type", "NotInFile", "vpnstrategy"};
    vl_pbk_key_set(p, list, 3, set);
    assert_true(set[k[0].kid] && set[k[4].kid]);
    assert_false(set[k[1].kid] || set[k[3].kid]);
    vl_pbk_free(p);

    /* many distinct keys: the table grows and every key keeps its own id */
    char big[600 * 16];
    size_t n = (size_t)snprintf(big, sizeof big, "[x]\n");
    for (int i = 0; i < 600; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "K%03d=%d\n", i, i);
    p = parse_str(big, n);
    assert_int_equal(p->n_names, 600);
    for (int i = 0; i < 600; i++) {
        char key[8];
        snprintf(key, sizeof key, "K%03d", i);
        int32_t id = vl_pbk_key_id(p, key);
        assert_true(id >= 0);
        assert_string_equal(p->names[id], key);
        assert_int_equal(p->kvs[i].kid, (uint32_t)id);
    }
    vl_pbk_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_round_trip),
        cmocka_unit_test(test_corpus_tree),
        cmocka_unit_test(test_synthetic_endings),
        cmocka_unit_test(test_synthetic_odd_shapes),
        cmocka_unit_test(test_synthetic_names),
        cmocka_unit_test(test_multilink),
        cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_decoders),
        cmocka_unit_test(test_kv_int),
        cmocka_unit_test(test_prefixes_and_mutations),
        cmocka_unit_test(test_profiles),
        cmocka_unit_test(test_interned_keys),
        cmocka_unit_test(test_line_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
