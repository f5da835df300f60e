/* RasClient events from exported text (Format-List, Event Viewer rows,
 * UTF-16) and wevtutil XML: connection, code, grouping, one explanation per
 * code. */
#include "testutil.h"

#include "core/internal.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIX(name) VPNLINT_FIXTURES_DIR "/kb/" name

static vpnlint_rasevents *parse_file(const char *path)
{
    size_t len;
    char *data = tu_read_file(path, &len);
    assert_non_null(data);
    vpnlint_rasevents *ev = NULL;
    int rc = vpnlint_rasevents_parse(&ev, data, len);
    if (rc != VPNLINT_OK)
        fail_msg("%s: %s", path, vpnlint_error_last());
    free(data);
    return ev;
}

static vpnlint_rasevent at(const vpnlint_rasevents *ev, size_t i)
{
    vpnlint_rasevent e;
    assert_int_equal(vpnlint_rasevents_at(&e, ev, i), VPNLINT_OK);
    return e;
}

static void check_formatlist(vpnlint_rasevents *ev)
{
    assert_int_equal(vpnlint_rasevents_count(ev), 5);
    vpnlint_rasevent e = at(ev, 0);
    assert_int_equal(e.event_id, 20227);
    assert_string_equal(e.connection, "Contoso AOVPN User Tunnel");
    assert_string_equal(e.user, "CORP\\alice");
    assert_string_equal(e.code_text, "809");
    assert_true(e.has_code);
    assert_int_equal(e.code, 809);
    assert_string_equal(e.time, "1/15/2024 10:02:11 AM");
    assert_int_equal(e.line, 6); /* "named ..." wrapped onto line 6 */
    e = at(ev, 1);
    assert_int_equal(e.event_id, 20221);
    assert_false(e.has_code);
    assert_string_equal(e.connection, "Contoso AOVPN User Tunnel");
    e = at(ev, 2);
    assert_string_equal(e.connection, "Contoso Device Tunnel");
    assert_string_equal(e.user, "SYSTEM");
    assert_int_equal(e.code, 13806);
    e = at(ev, 4);
    assert_int_equal(e.event_id, 20226);
    assert_int_equal(e.code, 829);
}

static void test_formatlist_text(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = parse_file(FIX("rasclient_formatlist.txt"));
    check_formatlist(ev);
    vpnlint_rasevents_free(ev);
}

static void test_utf16_export(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = parse_file(FIX("rasclient_utf16.txt"));
    check_formatlist(ev);
    vpnlint_rasevents_free(ev);
}

static void test_event_viewer_rows(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = parse_file(FIX("rasclient_eventviewer.txt"));
    assert_int_equal(vpnlint_rasevents_count(ev), 2);
    vpnlint_rasevent e = at(ev, 0);
    assert_int_equal(e.event_id, 20227);
    assert_string_equal(e.connection, "VPN (Contoso, EU)");
    assert_string_equal(e.user, "CORP\\bob");
    assert_string_equal(e.code_text, "-2146762495");
    assert_int_equal(e.code, 0x800B0101u);
    assert_string_equal(e.time, "1/16/2024 8:15:00 AM");
    assert_int_equal(e.line, 2);
    e = at(ev, 1);
    assert_int_equal(e.event_id, 20221);
    assert_string_equal(e.connection, "VPN (Contoso, EU)");
    assert_false(e.has_code);
    vpnlint_rasevents_free(ev);
}

static void test_wevtutil_xml(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = parse_file(FIX("rasclient_wevtutil.xml"));
    /* the Application Error event is not RasClient's */
    assert_int_equal(vpnlint_rasevents_count(ev), 3);
    vpnlint_rasevent e = at(ev, 0);
    assert_int_equal(e.event_id, 20227);
    assert_string_equal(e.connection, "Contoso AOVPN & Friends");
    assert_string_equal(e.user, "CORP\\carol");
    assert_int_equal(e.code, 13801);
    assert_string_equal(e.time, "2024-01-17T07:00:00.1234567Z");
    assert_int_equal(e.line, 1);
    e = at(ev, 1); /* from the rendered message */
    assert_string_equal(e.connection, "Contoso AOVPN & Friends");
    assert_int_equal(e.code, 13801);
    assert_int_equal(e.line, 3);
    e = at(ev, 2);
    assert_int_equal(e.code, 0x800B0109u);
    vpnlint_rasevents_free(ev);
}

static void test_hostile_xml(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = NULL;
    static const char dtd[] = "<!DOCTYPE x [<!ENTITY a \"b\">]><Event>&a;</Event>";
    assert_int_equal(vpnlint_rasevents_parse(&ev, dtd, sizeof dtd - 1), VPNLINT_EPARSE);
    assert_null(ev);
    static const char broken[] = "<Event><System>\n<EventID>20227</EventID></Event>";
    assert_int_equal(vpnlint_rasevents_parse(&ev, broken, sizeof broken - 1), VPNLINT_EPARSE);
    assert_non_null(strstr(vpnlint_error_last(), "line 2"));
    /* a start tag with more attributes than any export has: refused, with its line */
    char *flood = malloc(8192);
    assert_non_null(flood);
    size_t k = (size_t)sprintf(flood, "\n\n<Event><System><Provider");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(flood + k, " a%d=''", i);
    k += (size_t)sprintf(flood + k, "/><EventID>20227</EventID></System></Event>");
    assert_int_equal(vpnlint_rasevents_parse(&ev, flood, k), VPNLINT_EPARSE);
    assert_null(ev);
    assert_non_null(strstr(vpnlint_error_last(), "line 3: an element has more than 256"));
    free(flood);
    static const char empty[] = "";
    assert_int_equal(vpnlint_rasevents_parse(&ev, empty, 0), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_count(ev), 0);
    vpnlint_rasevents_free(ev);
    static const char junk[] = "connection named which has failed. The error code returned on "
                               "failure is";
    assert_int_equal(vpnlint_rasevents_parse(&ev, junk, sizeof junk - 1), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_count(ev), 1);
    assert_false(at(ev, 0).has_code);
    vpnlint_rasevents_free(ev);
}

static void test_render_groups_and_explains_once(void **state)
{
    (void)state;
    vpnlint_rasevents *ev = parse_file(FIX("rasclient_formatlist.txt"));
    char *out = NULL;
    assert_int_equal(vpnlint_rasevents_render(&out, ev, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    /* 809 twice for the user tunnel: one group line, one explanation */
    assert_non_null(strstr(out, "Contoso AOVPN User Tunnel"));
    assert_non_null(strstr(out, "809 ERROR_VPN_TIMEOUT, 2x"));
    const char *first = strstr(out, "\n809 ERROR_VPN_TIMEOUT\n");
    assert_non_null(first);
    assert_null(strstr(first + 1, "\n809 ERROR_VPN_TIMEOUT\n"));
    assert_non_null(strstr(out, "\n13806 ERROR_IPSEC_IKE_NO_CERT\n"));
    vpnlint_free(out);

    assert_int_equal(vpnlint_rasevents_render(&out, ev, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *ex = cJSON_GetObjectItem(j, "explanations");
    /* 809, 13806 (829 is not in the knowledge base) */
    assert_int_equal(cJSON_GetArraySize(ex), 2);
    cJSON *groups = cJSON_GetObjectItem(j, "groups");
    assert_int_equal(cJSON_GetArraySize(groups), 4); /* 809 x2, 20221, 13806, 829 */
    cJSON_Delete(j);
    vpnlint_free(out);
    vpnlint_rasevents_free(ev);
}

/* Appends printf output to a malloc'd buffer. */
static void put(char **b, size_t *len, size_t *cap, const char *fmt, ...) VL_PRINTF(4, 5);
static void put(char **b, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof tmp);
    if (*len + (size_t)n + 1 > *cap) {
        *cap = (*len + (size_t)n + 1) * 2;
        *b = realloc(*b, *cap);
        assert_non_null(*b);
    }
    memcpy(*b + *len, tmp, (size_t)n + 1);
    *len += (size_t)n;
}

static void test_many_events(void **state)
{
    (void)state;
    /* E events, one a line, over up to C connections in a scrambled order
     * (new ones keep appearing while earlier ones repeat); by i % 3: code
     * 809, code 13801, or no code (event 20221) */
    enum { E = 12000, C = 2000, KINDS = 3 };
    static const unsigned codes[KINDS] = {809, 13801, 0};
    char *x = NULL;
    size_t len = 0, cap = 0;
    int *group_of = malloc(C * KINDS * sizeof *group_of); /* key -> group, -1 none */
    size_t *first = malloc(E * sizeof *first), *count = calloc(E, sizeof *count);
    size_t *last = malloc(E * sizeof *last), *key_of_group = malloc(E * sizeof *key_of_group);
    size_t ngroups = 0;
    for (size_t k = 0; k < C * KINDS; k++)
        group_of[k] = -1;
    for (size_t i = 0; i < E; i++) {
        size_t seen = i / 4 + 1 < C ? i / 4 + 1 : C; /* connections so far */
        size_t c = i * 7919 % 65521 % seen, kind = i % KINDS, key = c * KINDS + kind;
        put(&x, &len, &cap,
            "<Event><System><Provider Name='RasClient'/><EventID>%u</EventID>"
            "<TimeCreated SystemTime='2024-01-17T%02zu:%02zu:%02zuZ'/></System><EventData>"
            "<Data>{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}</Data><Data>CORP\\u%zu</Data>"
            "<Data>VPN %zu</Data>",
            codes[kind] ? 20227u : 20221u, i / 3600, i / 60 % 60, i % 60, i % 13, c);
        if (codes[kind])
            put(&x, &len, &cap, "<Data>%u</Data>", codes[kind]);
        put(&x, &len, &cap, "</EventData></Event>\n");
        if (group_of[key] < 0) {
            group_of[key] = (int)ngroups;
            key_of_group[ngroups] = key;
            first[ngroups++] = i; /* the group's first event */
        }
        count[group_of[key]]++;
        last[group_of[key]] = i;
    }
    vpnlint_rasevents *ev = NULL;
    assert_int_equal(vpnlint_rasevents_parse(&ev, x, len), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_count(ev), E);
    vpnlint_rasevent e = at(ev, E - 1);
    assert_string_equal(e.connection, "VPN 631"); /* 11999 * 7919 % 65521 % 2000 */
    assert_string_equal(e.user, "CORP\\u0");
    char *out = NULL;
    assert_int_equal(vpnlint_rasevents_render(&out, ev, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal(cJSON_GetObjectItem(j, "events")->valuedouble, E);
    cJSON *groups = cJSON_GetObjectItem(j, "groups");
    /* every (connection, code) pair once, in order of first appearance */
    assert_int_equal(cJSON_GetArraySize(groups), ngroups);
    size_t gi = 0;
    for (cJSON *g = groups->child; g; g = g->next, gi++) {
        size_t c = key_of_group[gi] / KINDS, kind = key_of_group[gi] % KINDS;
        char want[64];
        snprintf(want, sizeof want, "VPN %zu", c);
        assert_string_equal(cJSON_GetObjectItem(g, "connection")->valuestring, want);
        cJSON *code = cJSON_GetObjectItem(g, "code");
        if (codes[kind]) {
            assert_int_equal(code->valuedouble, codes[kind]);
            assert_int_equal(cJSON_GetObjectItem(g, "event_id")->valuedouble, 20227);
        } else {
            assert_true(cJSON_IsNull(code));
            assert_int_equal(cJSON_GetObjectItem(g, "event_id")->valuedouble, 20221);
        }
        assert_int_equal(cJSON_GetObjectItem(g, "count")->valuedouble, count[gi]);
        /* the line of the group's first event: one event a line */
        assert_int_equal(cJSON_GetObjectItem(g, "first_line")->valuedouble, first[gi] + 1);
        assert_int_equal(at(ev, first[gi]).line, first[gi] + 1);
        snprintf(want, sizeof want, "2024-01-17T%02zu:%02zu:%02zuZ", last[gi] / 3600,
                 last[gi] / 60 % 60, last[gi] % 60);
        assert_string_equal(cJSON_GetObjectItem(g, "last_time")->valuestring, want);
    }
    assert_int_equal(gi, ngroups);
    /* each code is explained once */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "explanations")), 2);
    cJSON_Delete(j);
    vpnlint_free(out);
    vpnlint_rasevents_free(ev);

    /* one event with D <Data> after user, connection and code, and one whose
     * connection <Data> is P text pieces (split by comments and CDATA) */
    enum { D = 20000, P = 20000 };
    len = 0;
    put(&x, &len, &cap,
        "<Event><System><Provider Name='RasClient'/><EventID>20227</EventID></System>"
        "<EventData><Data>{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}</Data><Data>CORP\\carol</Data>"
        "<Data>Contoso</Data><Data>809</Data>");
    for (size_t i = 0; i < D; i++)
        put(&x, &len, &cap, "<Data>x%zu</Data>", i);
    put(&x, &len, &cap,
        "</EventData></Event>\n<Event><System><Provider Name='RasClient'/>"
        "<EventID>20227</EventID></System><EventData><Data>CORP\\dave</Data><Data>");
    for (size_t i = 0; i < P; i++)
        put(&x, &len, &cap, "a<!--c--><![CDATA[b]]>");
    put(&x, &len, &cap, "</Data><Data>720</Data></EventData></Event>\n");
    assert_int_equal(vpnlint_rasevents_parse(&ev, x, len), VPNLINT_OK);
    assert_int_equal(vpnlint_rasevents_count(ev), 2);
    e = at(ev, 0);
    assert_string_equal(e.user, "CORP\\carol");
    assert_string_equal(e.connection, "Contoso");
    assert_true(e.has_code);
    assert_int_equal(e.code, 809);
    e = at(ev, 1);
    assert_string_equal(e.user, "CORP\\dave");
    assert_int_equal(strlen(e.connection), 2 * P);
    for (size_t i = 0; i < 2 * P; i += 2)
        assert_true(e.connection[i] == 'a' && e.connection[i + 1] == 'b');
    assert_int_equal(e.code, 720);
    assert_int_equal(vpnlint_rasevents_render(&out, ev, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "RasClient events: 2, 2 with an error or reason code\n"
                                "  Contoso                      failed 809 ERROR_VPN_TIMEOUT, 1x"));
    vpnlint_free(out);
    vpnlint_rasevents_free(ev);
    free(group_of);
    free(first);
    free(count);
    free(last);
    free(key_of_group);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_formatlist_text),
        cmocka_unit_test(test_utf16_export),
        cmocka_unit_test(test_event_viewer_rows),
        cmocka_unit_test(test_wevtutil_xml),
        cmocka_unit_test(test_hostile_xml),
        cmocka_unit_test(test_render_groups_and_explains_once),
        cmocka_unit_test(test_many_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
