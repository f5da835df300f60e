/* The loader and the ProfileXML model: encodings, envelopes (raw, escaped,
 * SyncML), escaped EAP, and locations that point into the original file. */
#include "testutil.h"

#include "core/input.h"
#include "profilexml/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loaded {
    vl_input in;
    vl_profile *px;
} loaded;

static void load(loaded *l, const void *data, size_t len)
{
    memset(l, 0, sizeof *l);
    assert_int_equal(vl_input_decode(&l->in, data, len), VPNLINT_OK);
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    assert_int_equal(vl_profile_build(&l->px, &l->in, &opt), VPNLINT_OK);
}

static void unload(loaded *l)
{
    vl_profile_free(l->px);
    vl_input_clear(&l->in);
}

static const char *profile =
    "<VPNProfile>\n"
    "  <AlwaysOn>true</AlwaysOn>\n"
    "  <NativeProfile>\n"
    "    <Servers>vpn.example.com</Servers>\n"
    "    <NativeProtocolType>IKEv2</NativeProtocolType>\n"
    "    <RoutingPolicyType>SplitTunnel</RoutingPolicyType>\n"
    "  </NativeProfile>\n"
    "  <Route><Address>10.0.0.0</Address><PrefixSize>8</PrefixSize></Route>\n"
    "  <Route><Address>10.1.0.0</Address><PrefixSize>16</PrefixSize></Route>\n"
    "</VPNProfile>\n";

static void test_raw_profile_model(void **state)
{
    (void)state;
    loaded l;
    load(&l, profile, strlen(profile));
    assert_int_equal(l.in.kind, VPNLINT_KIND_PROFILEXML);
    assert_string_equal(l.in.envelope, "raw");
    assert_string_equal(l.in.encoding, "utf-8");
    assert_non_null(l.px);
    const vl_el *servers = vl_px_first(l.px, VL_PX_NP_Servers);
    assert_non_null(servers);
    assert_string_equal(servers->text, "vpn.example.com");
    assert_int_equal(servers->line, 4);
    assert_int_equal(vl_src_column(&l.in, servers->line, servers->name), 5);
    assert_int_equal(vl_px_count(l.px, VL_PX_Route), 2);
    const vl_el *r1 = vl_px_first(l.px, VL_PX_Route);
    const vl_el *r2 = vl_px_next(l.px, r1);
    assert_int_equal(r2->line, 9);
    assert_string_equal(vl_px_child(l.px, r2, VL_PX_RT_Address)->text, "10.1.0.0");
    assert_true(vl_px_bool(l.px, VL_PX_AlwaysOn, false));
    assert_int_equal(vl_px_protocols(l.px), VL_PROTO_IKEV2);
    assert_int_equal(vl_px_routing(l.px), VL_ROUTE_SPLIT);
    unload(&l);
}

static void test_utf16_and_bom(void **state)
{
    (void)state;
    /* UTF-16LE with BOM, converted by hand */
    size_t n = strlen(profile);
    unsigned char *u = malloc(2 + 2 * n);
    u[0] = 0xFF;
    u[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        u[2 + 2 * i] = (unsigned char)profile[i];
        u[3 + 2 * i] = 0;
    }
    loaded l;
    load(&l, u, 2 + 2 * n);
    assert_string_equal(l.in.encoding, "utf-16le");
    assert_true(l.in.has_bom);
    assert_int_equal(vl_px_first(l.px, VL_PX_NP_Servers)->line, 4);
    unload(&l);
    /* big endian */
    u[0] = 0xFE;
    u[1] = 0xFF;
    for (size_t i = 0; i < n; i++) {
        u[2 + 2 * i] = 0;
        u[3 + 2 * i] = (unsigned char)profile[i];
    }
    load(&l, u, 2 + 2 * n);
    assert_string_equal(l.in.encoding, "utf-16be");
    assert_non_null(vl_px_first(l.px, VL_PX_NP_Servers));
    unload(&l);
    free(u);
    /* UTF-8 with BOM */
    char *b = malloc(n + 3);
    memcpy(b, "\xEF\xBB\xBF", 3);
    memcpy(b + 3, profile, n);
    load(&l, b, n + 3);
    assert_string_equal(l.in.encoding, "utf-8-bom");
    assert_non_null(vl_px_first(l.px, VL_PX_NP_Servers));
    unload(&l);
    free(b);
}

static void test_utf16_declaration_is_ignored(void **state)
{
    (void)state;
    /* What PowerShell's Out-File writes: a UTF-16 declaration in a file we
     * have already decoded; libxml2 must not switch encodings again. */
    const char *x = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<VPNProfile><DnsSuffix>a.b"
                    "</DnsSuffix></VPNProfile>";
    size_t n = strlen(x);
    unsigned char *u = malloc(2 + 2 * n);
    u[0] = 0xFF;
    u[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        u[2 + 2 * i] = (unsigned char)x[i];
        u[3 + 2 * i] = 0;
    }
    loaded l;
    load(&l, u, 2 + 2 * n);
    assert_non_null(l.px);
    assert_int_equal(l.in.n_parse_errors, 0);
    assert_string_equal(vl_px_value(l.px, VL_PX_DnsSuffix), "a.b");
    unload(&l);
    free(u);
}

static void test_escaped_profile(void **state)
{
    (void)state;
    const char *x = "&lt;VPNProfile&gt;\n"
                    "  &lt;NativeProfile&gt;\n"
                    "    &lt;Servers&gt;vpn.example.com&lt;/Servers&gt;\n"
                    "  &lt;/NativeProfile&gt;\n"
                    "&lt;/VPNProfile&gt;\n";
    loaded l;
    load(&l, x, strlen(x));
    assert_string_equal(l.in.envelope, "escaped");
    assert_non_null(l.px);
    const vl_el *s = vl_px_first(l.px, VL_PX_NP_Servers);
    assert_non_null(s);
    assert_int_equal(s->line, 3);
    assert_int_equal(vl_src_column(&l.in, 3, "Servers"), 5); /* the & of &lt;Servers */
    unload(&l);
}

static void test_syncml_escaped_and_inline(void **state)
{
    (void)state;
    const char *x =
        "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody><Atomic><CmdID>1</CmdID>\n"
        "<Add><CmdID>2</CmdID><Item>\n"
        "<Target><LocURI>./Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML</LocURI></Target>\n"
        "<Meta><Format xmlns=\"syncml:metinf\">chr</Format></Meta>\n"
        "<Data>&lt;VPNProfile&gt;\n"
        "&lt;NativeProfile&gt;&lt;Servers&gt;vpn.example.com&lt;/Servers&gt;&lt;/"
        "NativeProfile&gt;\n"
        "&lt;/VPNProfile&gt;</Data>\n"
        "</Item></Add></Atomic><Final/></SyncBody></SyncML>\n";
    loaded l;
    load(&l, x, strlen(x));
    assert_string_equal(l.in.envelope, "syncml");
    assert_non_null(l.px);
    const vl_el *s = vl_px_first(l.px, VL_PX_NP_Servers);
    assert_non_null(s);
    assert_int_equal(s->line, 6);
    unload(&l);

    const char *y = "<SyncML><SyncBody><Replace><Item>\n"
                    "<Target><LocURI>./User/Vendor/MSFT/VPNv2/Test/ProfileXML</LocURI></Target>\n"
                    "<Data><![CDATA[<VPNProfile>\n"
                    "<DnsSuffix>corp.example.com</DnsSuffix>\n"
                    "</VPNProfile>]]></Data></Item></Replace></SyncBody></SyncML>\n";
    load(&l, y, strlen(y));
    assert_non_null(l.px);
    assert_int_equal(vl_px_first(l.px, VL_PX_DnsSuffix)->line, 4);
    unload(&l);

    const char *z = "<SyncML><SyncBody><Add><Item>\n"
                    "<Target><LocURI>./Device/Vendor/MSFT/VPNv2/T/ProfileXML</LocURI></Target>\n"
                    "<Data><VPNProfile>\n"
                    "<DnsSuffix>corp.example.com</DnsSuffix>\n"
                    "</VPNProfile></Data></Item></Add></SyncBody></SyncML>\n";
    load(&l, z, strlen(z));
    assert_non_null(l.px);
    assert_int_equal(vl_px_first(l.px, VL_PX_DnsSuffix)->line, 4);
    unload(&l);

    const char *none = "<SyncML><SyncBody><Add><Item><Target><LocURI>./Vendor/MSFT/Other</LocURI>"
                       "</Target><Data>x</Data></Item></Add></SyncBody></SyncML>";
    load(&l, none, strlen(none));
    assert_null(l.px);
    assert_int_equal(l.in.n_parse_errors, 1);
    assert_non_null(strstr(l.in.parse_errors[0].message, "/ProfileXML"));
    unload(&l);
}

static const char *eap_escaped =
    "<VPNProfile>\n"
    "  <NativeProfile>\n"
    "    <Authentication><UserMethod>Eap</UserMethod><Eap>\n"
    "      <Configuration>\n"
    "&lt;EapHostConfig xmlns=&quot;http://www.microsoft.com/provisioning/EapHostConfig&quot;&gt;\n"
    "  &lt;EapMethod&gt;\n"
    "    &lt;Type "
    "xmlns=&quot;http://www.microsoft.com/provisioning/EapCommon&quot;&gt;13&lt;/Type&gt;\n"
    "  &lt;/EapMethod&gt;\n"
    "&lt;/EapHostConfig&gt;\n"
    "      </Configuration>\n"
    "    </Eap></Authentication>\n"
    "  </NativeProfile>\n"
    "</VPNProfile>\n";

static void test_escaped_eap_locations(void **state)
{
    (void)state;
    loaded l;
    load(&l, eap_escaped, strlen(eap_escaped));
    assert_non_null(l.px);
    assert_int_equal(l.px->eap_form, VL_EAP_ESCAPED);
    const vl_el *t = vl_eap_find(l.px, NULL, "Type");
    assert_non_null(t);
    assert_string_equal(t->text, "13");
    assert_string_equal(t->ns, "http://www.microsoft.com/provisioning/EapCommon");
    assert_int_equal(t->line, 7);
    assert_int_equal(vl_src_column(&l.in, 7, "Type"), 5);
    assert_int_equal(vl_px_eap_type(l.px), 13);
    unload(&l);
}

static void test_inline_eap_and_comment_only(void **state)
{
    (void)state;
    const char *x = "<VPNProfile><NativeProfile><Authentication><Eap><Configuration>\n"
                    "<EapHostConfig xmlns=\"http://www.microsoft.com/provisioning/EapHostConfig\">"
                    "<EapMethod><Type xmlns=\"http://www.microsoft.com/provisioning/EapCommon\">25"
                    "</Type></EapMethod></EapHostConfig>\n"
                    "</Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    loaded l;
    load(&l, x, strlen(x));
    assert_int_equal(l.px->eap_form, VL_EAP_INLINE);
    assert_int_equal(vl_px_eap_type(l.px), 25);
    assert_int_equal(l.px->n_eap, 3);
    unload(&l);
    const char *y = "<VPNProfile><NativeProfile><Authentication><Eap><Configuration>\n"
                    "<!-- paste EAP here -->\n"
                    "</Configuration></Eap></Authentication></NativeProfile></VPNProfile>";
    load(&l, y, strlen(y));
    assert_int_equal(l.px->eap_form, VL_EAP_EMPTY);
    unload(&l);
}

static void test_unknown_and_stray(void **state)
{
    (void)state;
    const char *x = "<VPNProfile>\n<DomainNameInformationList><DomainName>a</DomainName>"
                    "</DomainNameInformationList>\n<!-- c -->>\n</VPNProfile>";
    loaded l;
    load(&l, x, strlen(x));
    assert_int_equal(l.px->n_els, 2); /* root + the unknown element (not its child) */
    assert_int_equal(l.px->els[1].def, VL_PX_UNKNOWN);
    assert_int_equal(l.px->n_stray, 1);
    assert_int_equal(l.px->stray[0].line, 3);
    unload(&l);
}

/* Stray lines and next elements in a large document. Route i takes 6 lines
 * from line 2 + 6i, its stray text on the third:
 *   s<i>          its own text, found there (libxml2 says the sixth line,
 *                 where the text node ends)
 *   &amp;e<i>     decoded "&e<i>" is not in the file: libxml2's line stays
 *   &#115;<i+1>   decoded "s<i+1>" is first found in Route i+1, 6 lines on
 * Searched one at a time, the missing texts each scanned to the end of the
 * file, and the next-element back-fill was quadratic as well; the answers
 * must not change. */
static void test_many_strays(void **state)
{
    (void)state;
    enum { N = 10000 };
    vl_buf x = VL_BUF_INIT;
    vl_buf_puts(&x, "<VPNProfile>\n");
    for (int i = 0; i < N; i++) {
        vl_buf_puts(&x, "<Route>\n\n  ");
        if (i % 10 == 5)
            vl_buf_printf(&x, "&#115;%d", i + 1);
        else if (i % 2)
            vl_buf_printf(&x, "&amp;e%d", i);
        else
            vl_buf_printf(&x, "s%d", i);
        vl_buf_puts(&x, "\n\n\n<Address>10.0.0.1</Address><PrefixSize>32</PrefixSize></Route>\n");
    }
    vl_buf_puts(&x, "</VPNProfile>\n");
    assert_true(vl_buf_ok(&x));
    loaded l;
    load(&l, x.data, x.len);
    assert_int_equal(l.px->n_stray, N);
    for (int i = 0; i < N; i++) {
        const vl_stray *s = &l.px->stray[i];
        unsigned route = 2 + 6 * (unsigned)i;
        char own[32];
        if (i % 10 == 5)
            snprintf(own, sizeof own, "s%d", i + 1);
        else if (i % 2)
            snprintf(own, sizeof own, "&e%d", i);
        else
            snprintf(own, sizeof own, "s%d", i);
        assert_string_equal(s->text, own);
        assert_string_equal(s->all, own);
        assert_int_equal(s->parent, 1 + 3 * i);
        assert_int_equal(s->anchor, route);
        assert_int_equal(s->prev_last, 0);
        assert_int_equal(s->next_element, route + 5);
        assert_int_equal(s->line, i % 10 == 5 ? route + 8 : route + 2);
        assert_string_equal(vl_px_container_text(l.px, &l.px->els[s->parent]), own);
    }
    unload(&l);
    vl_buf_free(&x);
}

static void test_inline_suppression_ranges(void **state)
{
    (void)state;
    const char *x = "<!-- vpnlint-disable-file PX029 -->\n"
                    "<VPNProfile>\n"
                    "  <!-- vpnlint-disable PX041, PX042 -->\n"
                    "  <Route>\n"
                    "    <Address>10.0.0.1</Address>\n"
                    "  </Route>\n"
                    "  <Route><Address>10.0.0.2</Address></Route>\n"
                    "</VPNProfile>\n";
    loaded l;
    load(&l, x, strlen(x));
    assert_true(vl_input_suppressed(&l.in, "PX029", 7));
    assert_true(vl_input_suppressed(&l.in, "PX041", 5));
    assert_true(vl_input_suppressed(&l.in, "PX042", 4));
    assert_false(vl_input_suppressed(&l.in, "PX041", 7));
    assert_false(vl_input_suppressed(&l.in, "PX040", 5));
    unload(&l);
}

/* The suppression index (sorted IDs, reach of the ranges) answers as the
 * plain scan of every range does: random ranges (nested, overlapping,
 * sharing a first line) and lists (case, blanks, empty items, "all"). */
static void test_suppression_index_matches_scan(void **state)
{
    (void)state;
    static const char *const lists[] = {
        "PX041", "px041", "PX042, PX041", " PX043 ",      "PX041,,PX044", ",",
        "all",   "ALL",   "PX04",         "PX0411,PX045", "PX042 PX046"};
    static const char *const ids[] = {"PX041", "PX042", "PX043",  "PX044", "PX045",
                                      "PX046", "PX04",  "PX0411", "PX047"};
    uint32_t seed = 20261207u;
    for (int round = 0; round < 40; round++) {
        vl_input in;
        memset(&in, 0, sizeof in);
        int n = 1 + round % 13 * 3;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned first = 1 + (seed >> 8) % 120, len = (seed >> 20) % 40;
            const char *l = lists[(seed >> 4) % (sizeof lists / sizeof lists[0])];
            if (round % 5 == 0 && i % 7 == 3)
                l = "PX047"; /* a rule only some rounds name */
            vl_input_add_suppress(&in, l, strlen(l), first, first + len);
        }
        bool scan[sizeof ids / sizeof ids[0]][170];
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
            for (unsigned line = 0; line < 170; line++)
                scan[k][line] = vl_input_suppressed(&in, ids[k], line);
        vl_input_index_suppress(&in);
        assert_non_null(in.suppress_ix);
        for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
            for (unsigned line = 0; line < 170; line++)
                assert_int_equal(vl_input_suppressed(&in, ids[k], line), scan[k][line]);
        /* an add drops the index; the scan answers again */
        vl_input_add_suppress(&in, "PX048", 5, 160, 162); /* after every other range */
        assert_null(in.suppress_ix);
        assert_true(vl_input_suppressed(&in, "px048", 161));
        assert_false(vl_input_suppressed(&in, "PX048", 163));
        vl_input_clear(&in);
    }
}

/* vl_src_line_names (one pass over a line) gives every name the column
 * vl_src_column (a scan per name) gives: random long lines of tags,
 * prefixes, "&lt;", blanks and name bytes. */
typedef struct first_cols {
    char names[512][24];
    unsigned cols[512];
    size_t n;
} first_cols;

static int keep_first(void *ctx, const char *name, size_t len, unsigned col)
{
    first_cols *fc = ctx;
    if (len >= sizeof fc->names[0])
        return 0;
    for (size_t i = 0; i < fc->n; i++)
        if (strlen(fc->names[i]) == len && memcmp(fc->names[i], name, len) == 0)
            return 0;
    if (fc->n == 512)
        return 1;
    memcpy(fc->names[fc->n], name, len);
    fc->names[fc->n][len] = '\0';
    fc->cols[fc->n++] = col;
    return 0;
}

static void test_line_names_match_column_scan(void **state)
{
    (void)state;
    static const char *const parts[] = {"<", ":", "&lt;", ";", " ",  "a",   "b",  "ab",      "-",
                                        ".", "1", "/>",   ">", "\t", "p:a", "<b", "\xc3\xa9"};
    static const char *const probes[] = {"a", "b", "ab", "a-b", "p", "ba", "a.1", "zz", "\xc3\xa9"};
    uint32_t seed = 7u;
    static first_cols fc;
    for (int round = 0; round < 30; round++) {
        char line[1400];
        size_t n = 0;
        while (n < sizeof line - 8) {
            seed = seed * 1103515245u + 12345u;
            const char *pt = parts[(seed >> 8) % (sizeof parts / sizeof parts[0])];
            memcpy(line + n, pt, strlen(pt));
            n += strlen(pt);
        }
        memcpy(line + n, "\nx\n", 4);
        n += 4;
        vl_input in;
        memset(&in, 0, sizeof in);
        assert_int_equal(vl_input_decode(&in, line, n), VPNLINT_OK);
        memset(&fc, 0, sizeof fc);
        assert_int_equal(vl_src_line_names(&in, 1, keep_first, &fc), VPNLINT_OK);
        assert_true(fc.n > 0);
        for (size_t i = 0; i < fc.n; i++)
            assert_int_equal(fc.cols[i], vl_src_column(&in, 1, fc.names[i]));
        for (size_t k = 0; k < sizeof probes / sizeof probes[0]; k++) {
            unsigned want = vl_src_column(&in, 1, probes[k]), got = 1;
            for (size_t i = 0; i < fc.n; i++)
                if (strcmp(fc.names[i], probes[k]) == 0)
                    got = fc.cols[i];
            assert_int_equal(got, want);
        }
        vl_input_clear(&in);
    }
    assert_true(vl_src_is_name("Unknown1"));
    assert_false(vl_src_is_name("!--"));
    assert_false(vl_src_is_name(""));
    assert_false(vl_src_is_name(NULL));
}

static void test_kind_detection(void **state)
{
    (void)state;
    vl_input in;
    memset(&in, 0, sizeof in);
    const char *pbk = "\r\n[Contoso VPN]\r\nEncoding=1\r\n";
    assert_int_equal(vl_input_decode(&in, pbk, strlen(pbk)), VPNLINT_OK);
    assert_int_equal(in.kind, VPNLINT_KIND_PBK);
    vl_input_clear(&in);
    const char *junk = "note: exported by hand\r\n[Contoso VPN]\r\nEncoding=1\r\n";
    assert_int_equal(vl_input_decode(&in, junk, strlen(junk)), VPNLINT_OK);
    assert_int_equal(in.kind, VPNLINT_KIND_PBK);
    vl_input_clear(&in);
    const char *prose = "Some text [with brackets]\nand no keys\n";
    assert_int_equal(vl_input_decode(&in, prose, strlen(prose)), VPNLINT_OK);
    assert_int_equal(in.kind, VPNLINT_KIND_UNKNOWN);
    vl_input_clear(&in);
    const char *other = "<html><body>hi</body></html>";
    assert_int_equal(vl_input_decode(&in, other, strlen(other)), VPNLINT_OK);
    assert_int_equal(in.kind, VPNLINT_KIND_UNKNOWN);
    vl_input_clear(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_profile_model),
        cmocka_unit_test(test_utf16_and_bom),
        cmocka_unit_test(test_utf16_declaration_is_ignored),
        cmocka_unit_test(test_escaped_profile),
        cmocka_unit_test(test_syncml_escaped_and_inline),
        cmocka_unit_test(test_escaped_eap_locations),
        cmocka_unit_test(test_inline_eap_and_comment_only),
        cmocka_unit_test(test_unknown_and_stray),
        cmocka_unit_test(test_many_strays),
        cmocka_unit_test(test_inline_suppression_ranges),
        cmocka_unit_test(test_suppression_index_matches_scan),
        cmocka_unit_test(test_line_names_match_column_scan),
        cmocka_unit_test(test_kind_detection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
