/* test_pbk_index.c — what the phonebook parser precomputes for the rules:
 * the per-key kv index (vl_pbk_kvs_of), the census counts rules use to skip
 * their walks, the duplicate flags, what the values of each key hold, the
 * per-key entry columns behind vl_pbk_entry_get/_int and vl_pbk_key_id's
 * memo. Each is checked against a plain scan of the model, on a hand-made
 * file and on files built to hit the edge cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pbk/pbk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vl_pbk *parse(const char *text)
{
    vl_pbk *p = NULL;
    assert_int_equal(vl_pbk_parse(&p, text, strlen(text)), 0);
    assert_non_null(p);
    return p;
}

/* First entry-level kv of e named key, by a scan of e->keys. */
static const vl_pbk_kv *scan_get(const vl_pbk_entry *e, const char *key)
{
    for (size_t i = 0; i < e->n_keys; i++)
        if (strcmp(vl_pbk_kv_key(e->owner, &e->keys[i]), key) == 0)
            return &e->keys[i];
    return NULL;
}

/* vl_pbk_kvs_of lists exactly the kvs of each key, in file order. */
static void check_index(const vl_pbk *p)
{
    size_t total = 0;
    for (size_t id = 0; id < p->n_names; id++) {
        size_t n;
        const uint32_t *ix = vl_pbk_kvs_of(p, (int32_t)id, &n);
        size_t want = 0;
        for (size_t i = 0; i < p->n_kvs; i++)
            if (p->kvs[i].kid == id) {
                assert_true(want < n);
                assert_int_equal(ix[want], i);
                want++;
            }
        assert_int_equal(n, want);
        total += n;
    }
    assert_int_equal(total, p->n_kvs);
    size_t n = 99;
    assert_null(vl_pbk_kvs_of(p, -1, &n));
    assert_int_equal(n, 0);
}

static const char sample[] = "[One]\r\n"
                             "Encoding=1\r\n"
                             "Type=2\r\n"
                             "VpnStrategy=7\r\n"
                             "VpnStrategy=5\r\n"
                             "AutoLogon=yes\r\n"
                             "IpInterfaceMetric=-3\r\n"
                             "Guid= padded \r\n"
                             "Routes=0102\r\n"
                             "Routes=0304\r\n"
                             "\r\n"
                             "MEDIA=rastapi\r\n"
                             "Port=VPN2-0\r\n"
                             "Device=WAN Miniport (IKEv2)\r\n"
                             "\r\n"
                             "DEVICE=vpn\r\n"
                             "PhoneNumber=vpn.example.com\r\n"
                             "AreaCode=\r\n"
                             "AreaCode=1\r\n"
                             "Comment=x\r\n"
                             "PhoneNumber=two.example.com\r\n"
                             "Comment=y\r\n"
                             "PromoteAlternates=0\r\n"
                             "\r\n"
                             "[Two]\r\n"
                             "Type=2\r\n"
                             "AutoLogon=1\r\n"
                             "IpInterfaceMetric=25\r\n"
                             "; a stray comment\r\n"
                             "Custom=" /* a wrapped hex run of an unknown key */
                             "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                             "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF\r\n"
                             "Custom=ABCD\r\n"
                             "\r\n";

static void test_index_and_census(void **state)
{
    (void)state;
    vl_pbk *p = parse(sample);
    check_index(p);
    assert_int_equal(p->n_entries, 2);
    const vl_pbk_entry *one = &p->entries[0], *two = &p->entries[1];

    /* duplicates: VpnStrategy twice in [One]'s header keys; AreaCode twice in
     * the first PhoneNumber group; Comment once per group is no duplicate */
    assert_true(one->dup_keys);
    assert_true(one->dup_sub);
    assert_false(two->dup_keys);
    assert_false(two->dup_sub);

    /* census */
    assert_int_equal(p->n_pad_values, 1);  /* "Guid= padded " */
    assert_int_equal(p->n_stray_lines, 1); /* "; a stray comment" */
    assert_int_equal(p->n_hex_runs, 1);    /* Custom= joined over two lines */

    /* what the values hold */
    int32_t auto_logon = vl_pbk_key_id(p, "AutoLogon"), type = vl_pbk_key_id(p, "Type");
    int32_t metric = vl_pbk_key_id(p, "IpInterfaceMetric"), area = vl_pbk_key_id(p, "AreaCode");
    int32_t promote = vl_pbk_key_id(p, "PromoteAlternates");
    assert_true(auto_logon >= 0 && type >= 0 && metric >= 0 && area >= 0 && promote >= 0);
    assert_true(p->name_vals[auto_logon] & VL_PBK_VALS_NOT_BOOL);
    assert_true(p->name_vals[auto_logon] & VL_PBK_VALS_NOT_DIGITS);
    assert_true(p->name_vals[type] & VL_PBK_VALS_NOT_BOOL); /* "2" */
    assert_false(p->name_vals[type] & VL_PBK_VALS_NOT_DIGITS);
    assert_true(p->name_vals[metric] & VL_PBK_VALS_NOT_DIGITS); /* "-3" */
    assert_int_equal(p->name_vals[area], 0);                    /* "" and "1" */
    assert_int_equal(p->name_vals[promote], 0);
    vl_pbk_free(p);
}

static void test_entry_lookups_match_a_scan(void **state)
{
    (void)state;
    vl_pbk *p = parse(sample);
    static const char *const keys[] = {
        "Encoding",    "Type", "VpnStrategy", "AutoLogon", "IpInterfaceMetric", "Guid", "Routes",
        "PhoneNumber", "Port", "Custom",      "Missing"};
    for (int round = 0; round < 2; round++) /* the second round reads the built columns */
        for (size_t i = 0; i < p->n_entries; i++) {
            const vl_pbk_entry *e = &p->entries[i];
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
                const vl_pbk_kv *want = scan_get(e, keys[k]);
                assert_ptr_equal(vl_pbk_entry_get(e, keys[k]), want);
                long long v = 12345, w = 0;
                bool ok = vl_pbk_entry_int(e, keys[k], &v);
                assert_int_equal(ok, vl_pbk_kv_int(p, want, &w));
                if (ok)
                    assert_int_equal(v, w);
            }
        }
    /* the first of two VpnStrategy lines wins */
    long long v = 0;
    assert_true(vl_pbk_entry_int(&p->entries[0], "VpnStrategy", &v));
    assert_int_equal(v, 7);
    assert_true(vl_pbk_entry_int(&p->entries[0], "IpInterfaceMetric", &v));
    assert_int_equal(v, -3);
    /* PhoneNumber is not an entry-level key */
    assert_null(vl_pbk_entry_get(&p->entries[0], "PhoneNumber"));

    /* an entry copied out of the model is looked up by a scan */
    vl_pbk_entry copy = p->entries[1];
    assert_ptr_equal(vl_pbk_entry_get(&copy, "AutoLogon"), scan_get(&p->entries[1], "AutoLogon"));
    assert_true(vl_pbk_entry_int(&copy, "IpInterfaceMetric", &v));
    assert_int_equal(v, 25);
    vl_pbk_free(p);
}

/* The memo is keyed by the caller's pointer: a buffer reused for another key
 * must not get the first key's answer. */
static void test_key_id_memo_checks_the_text(void **state)
{
    (void)state;
    vl_pbk *p = parse(sample);
    char buf[32];
    int32_t ids[4];
    const char *const names[] = {"Type", "AutoLogon", "NoSuchKey", "Type"};
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < 4; i++) {
            snprintf(buf, sizeof buf, "%s", names[i]);
            int32_t id = vl_pbk_key_id(p, buf);
            if (round == 0)
                ids[i] = id;
            assert_int_equal(id, ids[i]);
            if (id >= 0)
                assert_string_equal(p->names[id], names[i]);
        }
    assert_int_equal(ids[2], -1);
    assert_int_equal(ids[0], ids[3]);
    assert_int_not_equal(ids[0], ids[1]);
    /* many different absent keys through one buffer: still right */
    for (int i = 0; i < 3000; i++) {
        snprintf(buf, sizeof buf, "Absent%d", i);
        assert_int_equal(vl_pbk_key_id(p, buf), -1);
    }
    snprintf(buf, sizeof buf, "Type");
    assert_int_equal(vl_pbk_key_id(p, buf), ids[0]);
    vl_pbk_free(p);
}

/* Windows writes every entry in the same key order, which the parser uses to
 * guess the next key: files that break the pattern (keys in another order,
 * "[..." keys, a key that is a prefix of the next one, lines without an end)
 * must give the same model as a careful reading. */
static void test_key_guessing_edge_cases(void **state)
{
    (void)state;
    static const char text[] = "[A]\n"
                               "Key=1\n"
                               "KeyLonger=2\n"
                               "[x=y\n" /* a kv line whose key starts with '[' */
                               "Other=3\n"
                               "[B]\n"
                               "KeyLonger=4\n" /* the guess after the header is "Key" */
                               "Key=5\n"
                               "[x=y]\n" /* now a header: "[x=y]" is a section name */
                               "Key=6\n"
                               "  Key=7\n"
                               "Key";
    vl_pbk *p = parse(text);
    check_index(p);
    assert_int_equal(p->n_entries, 3);
    assert_string_equal(p->entries[2].name, "x=y");
    assert_int_equal(p->entries[0].n_keys, 4);
    assert_string_equal(vl_pbk_kv_key(p, &p->entries[0].keys[2]), "[x");
    assert_string_equal(vl_pbk_kv_value(p, &p->entries[0].keys[2]), "y");
    assert_string_equal(vl_pbk_kv_key(p, &p->entries[1].keys[0]), "KeyLonger");
    assert_string_equal(vl_pbk_kv_value(p, &p->entries[1].keys[0]), "4");
    assert_string_equal(vl_pbk_kv_key(p, &p->entries[1].keys[1]), "Key");
    assert_string_equal(vl_pbk_kv_value(p, &p->entries[1].keys[1]), "5");
    assert_int_equal(p->entries[2].n_keys, 2);
    assert_string_equal(vl_pbk_kv_key(p, &p->entries[2].keys[1]), "  Key");
    assert_int_equal(p->n_lines, 12);
    assert_int_equal(p->lines[11].type, VL_PBK_LINE_OTHER); /* "Key" without '=' */
    assert_int_equal(p->lines[11].eol, VL_PBK_EOL_NONE);
    const unsigned char *data;
    size_t n = vl_pbk_bytes(p, &data);
    assert_int_equal(n, strlen(text));
    assert_memory_equal(data, text, n);
    vl_pbk_free(p);
}

/* UTF-8 validity and NUL bytes are checked in chunks behind the parse: the
 * verdict must be the whole file's, wherever the bad byte sits. */
static void test_utf8_and_nul_over_chunks(void **state)
{
    (void)state;
    size_t cap = 400000, n = 0;
    char *big = malloc(cap);
    assert_non_null(big);
    n += (size_t)snprintf(big + n, cap - n, "[E]\r\n");
    while (n < 300000)
        n += (size_t)snprintf(big + n, cap - n, "Comment=caf\xc3\xa9 %zu\r\n", n);
    for (int round = 0; round < 4; round++) {
        char *t = malloc(n);
        assert_non_null(t);
        memcpy(t, big, n);
        size_t at = 0;
        if (round == 1) { /* a lone continuation byte deep in the file */
            at = 200001;
            t[at] = (char)0x80;
        } else if (round == 2) { /* a 2-byte sequence cut by a line end at ~64 KB */
            at = (size_t)(strstr(t + 65536, "\r\n") - t);
            t[at - 1] = (char)0xC3;
        } else if (round == 3) { /* a NUL byte after a broken header */
            memcpy(t + 100000, "\r\n[broken\r\n", 12);
            t[250000] = '\0';
        }
        vl_pbk *p = NULL;
        assert_int_equal(vl_pbk_parse(&p, t, n), 0);
        assert_int_equal(p->utf8_valid, vl_utf8_valid(t, n));
        assert_int_equal(p->utf8_valid, round == 0 || round == 3);
        if (round == 3) {
            assert_true(p->n_problems >= 2);
            assert_non_null(strstr(p->problems[0].message, "NUL bytes"));
            assert_non_null(strstr(p->problems[1].message, "not a section header"));
        } else {
            for (size_t i = 0; i < p->n_problems; i++)
                assert_null(strstr(p->problems[i].message, "NUL bytes"));
        }
        vl_pbk_free(p);
        free(t);
    }
    free(big);
}

/* Blob values that are not hex are counted by the parser (PBK007 skips its
 * walk when there are none). */
static void test_bad_hex_census(void **state)
{
    (void)state;
    vl_pbk *p = parse("[A]\nRoutes=0A0B\nCustomAuthData=0G\nNrptRules=ABC\nGuid=XYZ\n");
    assert_int_equal(p->n_bad_hex, 2); /* 0G, ABC; Guid is no blob */
    vl_pbk_free(p);
    p = parse(sample);
    assert_int_equal(p->n_bad_hex, 0);
    vl_pbk_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_and_census),
        cmocka_unit_test(test_entry_lookups_match_a_scan),
        cmocka_unit_test(test_key_id_memo_checks_the_text),
        cmocka_unit_test(test_key_guessing_edge_cases),
        cmocka_unit_test(test_utf8_and_nul_over_chunks),
        cmocka_unit_test(test_bad_hex_census),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
