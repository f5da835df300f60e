/* NPS accounting logs: IAS CSV and DTS XML, streamed; malformed records are
 * reported with their line and skipped; the summary counts per user/policy. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "kb/kb.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32 /* the CLI tests below use a POSIX shell (popen, quoting) */
#include <sys/wait.h>
#endif

#define FIX(name) VPNLINT_FIXTURES_DIR "/kb/" name

typedef struct seen {
    int records, skipped;
    unsigned long skipped_lines[8];
    char errors[8][200];
} seen;

static void read_all(const char *path, seen *s, vpnlint_nps_summary *sum, int expect_format)
{
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open(&r, path), VPNLINT_OK);
    assert_int_equal(vpnlint_nps_format_of(r), expect_format);
    vpnlint_nps_record rec;
    const char *err;
    int rc;
    memset(s, 0, sizeof *s);
    while ((rc = vpnlint_nps_next(&rec, &err, r)) != VPNLINT_NPS_END) {
        assert_true(rc == VPNLINT_NPS_RECORD || rc == VPNLINT_NPS_SKIPPED);
        if (rc == VPNLINT_NPS_SKIPPED) {
            assert_non_null(err);
            if (s->skipped < 8) {
                s->skipped_lines[s->skipped] = rec.line;
                snprintf(s->errors[s->skipped], sizeof s->errors[0], "%s", err);
            }
            s->skipped++;
            if (sum)
                vpnlint_nps_summary_add_skipped(sum);
            continue;
        }
        s->records++;
        if (sum)
            assert_int_equal(vpnlint_nps_summary_add(sum, &rec), VPNLINT_OK);
    }
    vpnlint_nps_close(r);
}

static void test_csv_fields(void **state)
{
    (void)state;
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open(&r, FIX("nps_ias.log")), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    /* line 1: Access-Request, quoted field with a comma inside */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 1);
    assert_int_equal(rec.packet_type, 1);
    assert_string_equal(rec.packet_type_name, "Access-Request");
    assert_string_equal(rec.user_name, "alice@corp.example");
    assert_string_equal(rec.fq_user_name, "CORP\\alice");
    assert_string_equal(rec.calling_station, "203.0.113.5");
    assert_string_equal(rec.client_name, "RRAS, Edge");
    assert_string_equal(rec.timestamp, "2024-01-15 10:00:01");
    assert_int_equal(rec.reason_code, -1); /* empty field */
    assert_int_equal(rec.auth_type, -1);
    assert_string_equal(rec.proxy_policy, "Use Windows authentication for all users");
    /* line 2: Access-Accept */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 2);
    assert_int_equal(rec.packet_type, 2);
    assert_string_equal(rec.user_name, "");
    assert_string_equal(rec.policy, "Virtual Private Network (VPN) Connections");
    assert_int_equal(rec.reason_code, 0);
    assert_string_equal(rec.reason_name, "IAS_SUCCESS");
    assert_string_equal(rec.auth_type_name, "EAP");
    assert_string_equal(rec.eap_type, "Microsoft: Smart Card or other certificate");
    /* line 3 is empty; line 4: reject with "" inside a quoted field */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 4);
    assert_int_equal(rec.packet_type, 3);
    assert_string_equal(rec.policy, "VPN \"Contractors\", EU");
    assert_int_equal(rec.reason_code, 16);
    assert_string_equal(rec.reason_name, "IAS_AUTH_FAILURE");
    assert_non_null(strstr(rec.reason_text, "password"));
    assert_string_equal(rec.auth_type_name, "PEAP");
    /* line 5: unterminated quote, reported and skipped */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 5);
    assert_non_null(strstr(err, "not closed"));
    /* reading goes on */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 6);
    assert_int_equal(rec.reason_code, 66);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 7);
    assert_non_null(strstr(err, "6 fields, expected 66"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.reason_code, 8);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.packet_type, 4);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
}

static void test_csv_header_row_skipped(void **state)
{
    (void)state;
    seen s;
    read_all(FIX("nps_ias_header.log"), &s, NULL, VPNLINT_NPS_CSV);
    assert_int_equal(s.records, 2);
    assert_int_equal(s.skipped, 0);
}

static void test_csv_malformed_variants(void **state)
{
    (void)state;
    static const char log[] =
        "\"a\"x,1\n" /* 1: text after a closing quote */
        "abc\"def\n" /* 2: stray quote */
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n" /* 3: 66 empty fields,
                                                                                 no date */
        "\n"
        "   \r\n";
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open_buffer(&r, log, sizeof log - 1), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 1);
    assert_non_null(strstr(err, "after a closing quote"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 2);
    assert_non_null(strstr(err, "stray quote"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 3);
    assert_non_null(strstr(err, "Record-Date"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);

    /* a line over the limit is skipped whole, the next one is read */
    size_t big = 70000;
    char *data = malloc(big + 200);
    assert_non_null(data);
    memset(data, 'x', big);
    data[big] = '\n';
    strcpy(data + big + 1, "\"only\",\"two\"\n");
    assert_int_equal(vpnlint_nps_open_buffer(&r, data, strlen(data)), VPNLINT_OK);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 1);
    assert_non_null(strstr(err, "longer than"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 2);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
    free(data);

    /* empty input: no records; UTF-16 refused with a reason */
    assert_int_equal(vpnlint_nps_open_buffer(&r, "", 0), VPNLINT_OK);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
    assert_int_equal(vpnlint_nps_open_buffer(&r, "\xff\xfe\"\0", 4), VPNLINT_EUNSUPPORTED);
    assert_null(r);
    assert_non_null(strstr(vpnlint_error_last(), "UTF-16"));
    assert_int_equal(vpnlint_nps_open(&r, FIX("does-not-exist.log")), VPNLINT_EIO);
}

static void test_xml_records(void **state)
{
    (void)state;
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open(&r, FIX("nps_dts.xml")), VPNLINT_OK);
    assert_int_equal(vpnlint_nps_format_of(r), VPNLINT_NPS_XML);
    vpnlint_nps_record rec;
    const char *err;
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 1);
    assert_int_equal(rec.packet_type, 2);
    assert_string_equal(rec.fq_user_name, "CORP\\alice");
    assert_string_equal(rec.client_name, "RRAS & Edge");
    assert_string_equal(rec.timestamp, "2024-01-15 10:00:02");
    assert_string_equal(rec.policy, "Virtual Private Network (VPN) Connections");
    assert_string_equal(rec.auth_type_name, "EAP");
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 2);
    assert_int_equal(rec.reason_code, 16);
    assert_string_equal(rec.fq_user_name, "CORP\\bob"); /* from SAM-Account-Name */
    assert_string_equal(rec.policy, "VPN, \"Contractors\"");
    assert_string_equal(rec.calling_station, "198.51.100.7");
    /* line 3: mismatched tag */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 3);
    assert_non_null(strstr(err, "malformed <Event>"));
    /* line 4: an entity reference is refused, not expanded */
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 4);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 5);
    assert_int_equal(rec.reason_code, 8);
    assert_int_equal(rec.auth_type, -1);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
}

static void test_xml_split_and_truncated(void **state)
{
    (void)state;
    static const char xml[] =
        "\n<Event><Timestamp>01/15/2024 10:00:00.000</Timestamp>\n"
        "<Packet-Type>2</Packet-Type><User-Name>a</User-Name></Event><Event>"
        "<Timestamp>01/15/2024 10:00:01.000</Timestamp><Packet-Type>3</Packet-Type>"
        "<Reason-Code>48</Reason-Code></Event>\n"
        "<Event><Timestamp>01/15/2024 10:00:02.000</Timestamp><!DOCTYPE x></Event>\n"
        "<Event><Timestamp>01/15/2024 10:00:03.000</Timestamp>";
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open_buffer(&r, xml, sizeof xml - 1), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 2); /* spans lines 2-3 */
    assert_string_equal(rec.user_name, "a");
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 3); /* second event on the same line */
    assert_int_equal(rec.reason_code, 48);
    assert_string_equal(rec.reason_name, "IAS_NO_POLICY_MATCH");
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 4);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 5);
    assert_non_null(strstr(err, "not closed"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
}

static void test_xml_attribute_flood_skipped(void **state)
{
    (void)state;
    /* a record whose element has more attributes than any NPS log writes is
     * skipped with the reason before the XML reader sees it; the next is read */
    char *xml = malloc(8192);
    assert_non_null(xml);
    size_t k = (size_t)sprintf(xml, "<Event><Timestamp data_type=\"4\"");
    for (int i = 0; i < 300; i++)
        k += (size_t)sprintf(xml + k, " a%d=\"\"", i);
    k += (size_t)sprintf(xml + k, ">01/15/2024 10:00:00.000</Timestamp></Event>\n"
                                  "<Event><Timestamp data_type=\"4\">01/15/2024 10:00:01.000"
                                  "</Timestamp><User-Name>b</User-Name></Event>\n");
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open_buffer(&r, xml, k), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_SKIPPED);
    assert_int_equal(rec.line, 1);
    assert_non_null(strstr(err, "more than 256 attributes"));
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 2);
    assert_string_equal(rec.user_name, "b");
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
    free(xml);
}

static void test_xml_record_over_many_lines(void **state)
{
    (void)state;
    /* one <Event> over L lines (well under the record limit), closed at the
     * start of its last line, where the next one begins */
    enum { L = 30000 };
    static const char head[] = "<Event><Timestamp>01/15/2024 10:00:00.000</Timestamp>"
                               "<User-Name>u1</User-Name><Packet-Type>2</Packet-Type>";
    static const char tail[] = "</Event><Event><Timestamp>01/15/2024 10:00:01.000</Timestamp>"
                               "<User-Name>u2</User-Name><Packet-Type>3</Packet-Type></Event>\n";
    size_t n = 0;
    char *xml = malloc(sizeof head + L + sizeof tail);
    memcpy(xml, head, sizeof head - 1);
    n += sizeof head - 1;
    memset(xml + n, '\n', L);
    n += L;
    memcpy(xml + n, tail, sizeof tail - 1);
    n += sizeof tail - 1;
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open_buffer(&r, xml, n), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 1);
    assert_string_equal(rec.user_name, "u1");
    assert_int_equal(rec.packet_type, 2);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, L + 1);
    assert_string_equal(rec.user_name, "u2");
    assert_int_equal(rec.packet_type, 3);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
    free(xml);
}

static void test_xml_many_records_on_one_line(void **state)
{
    (void)state;
    /* K records on line 1, then one that starts there and ends on line 3 */
    enum { K = 500 };
    size_t cap = K * 128 + 256, n = 0;
    char *xml = malloc(cap);
    for (size_t i = 0; i < K; i++)
        n += (size_t)snprintf(xml + n, cap - n,
                              "<Event><Timestamp>01/15/2024 10:00:00.000</Timestamp>"
                              "<User-Name>u%zu</User-Name><Packet-Type>2</Packet-Type></Event>",
                              i);
    n += (size_t)snprintf(xml + n, cap - n,
                          "<Event><Timestamp>01/15/2024 10:00:01.000</Timestamp>\n\n"
                          "<User-Name>last</User-Name><Packet-Type>3</Packet-Type></Event>\n");
    vpnlint_nps_reader *r = NULL;
    assert_int_equal(vpnlint_nps_open_buffer(&r, xml, n), VPNLINT_OK);
    vpnlint_nps_record rec;
    const char *err;
    for (size_t i = 0; i < K; i++) {
        char want[16];
        snprintf(want, sizeof want, "u%zu", i);
        assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
        assert_int_equal(rec.line, 1);
        assert_string_equal(rec.user_name, want);
    }
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_RECORD);
    assert_int_equal(rec.line, 1);
    assert_string_equal(rec.user_name, "last");
    assert_int_equal(rec.packet_type, 3);
    assert_int_equal(vpnlint_nps_next(&rec, &err, r), VPNLINT_NPS_END);
    vpnlint_nps_close(r);
    free(xml);
}

static void test_summary(void **state)
{
    (void)state;
    vpnlint_nps_summary *sum = NULL;
    assert_int_equal(vpnlint_nps_summary_new(&sum), VPNLINT_OK);
    seen s;
    read_all(FIX("nps_ias.log"), &s, sum, VPNLINT_NPS_CSV);
    assert_int_equal(s.records, 6);
    assert_int_equal(s.skipped, 2);
    assert_int_equal(s.skipped_lines[0], 5);
    assert_int_equal(s.skipped_lines[1], 7);
    char *out = NULL;
    assert_int_equal(vpnlint_nps_summary_render(&out, sum, VPNLINT_FORMAT_JSON), VPNLINT_OK);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((int)cJSON_GetObjectItem(j, "records")->valuedouble, 6);
    assert_int_equal((int)cJSON_GetObjectItem(j, "skipped")->valuedouble, 2);
    cJSON *users = cJSON_GetObjectItem(j, "users");
    /* bob first: most rejects */
    cJSON *bob = cJSON_GetArrayItem(users, 0);
    assert_string_equal(cJSON_GetObjectItem(bob, "user")->valuestring, "CORP\\bob");
    assert_int_equal((int)cJSON_GetObjectItem(bob, "rejects")->valuedouble, 2);
    cJSON *reasons = cJSON_GetObjectItem(bob, "reject_reasons");
    assert_int_equal(cJSON_GetArraySize(reasons), 2);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(reasons, 1), "name")->valuestring,
                        "IAS_INVALID_AUTH_TYPE");
    int alice_found = 0;
    cJSON *u;
    cJSON_ArrayForEach(u, users)
    {
        if (strcmp(cJSON_GetObjectItem(u, "user")->valuestring, "CORP\\alice") == 0) {
            alice_found = 1;
            assert_int_equal((int)cJSON_GetObjectItem(u, "accepts")->valuedouble, 1);
            assert_int_equal((int)cJSON_GetObjectItem(u, "requests")->valuedouble, 1);
            cJSON *cl = cJSON_GetObjectItem(u, "client_addresses");
            assert_string_equal(cJSON_GetArrayItem(cl, 0)->valuestring, "203.0.113.5");
            cJSON *eap = cJSON_GetObjectItem(u, "eap_types");
            assert_string_equal(cJSON_GetArrayItem(eap, 0)->valuestring,
                                "Microsoft: Smart Card or other certificate");
        }
    }
    assert_true(alice_found);
    cJSON *pols = cJSON_GetObjectItem(j, "policies");
    assert_int_equal(cJSON_GetArraySize(pols), 3); /* VPN, Contractors, none matched */
    cJSON_Delete(j);
    vpnlint_free(out);
    assert_int_equal(vpnlint_nps_summary_render(&out, sum, VPNLINT_FORMAT_TEXT), VPNLINT_OK);
    assert_non_null(strstr(out, "CORP\\bob: 0 accepted, 2 rejected"));
    assert_non_null(strstr(out, "reason 66 IAS_INVALID_AUTH_TYPE"));
    assert_non_null(strstr(out, "2 malformed records skipped"));
    vpnlint_free(out);
    vpnlint_nps_summary_free(sum);
}

static void test_reason_table(void **state)
{
    (void)state;
    assert_true(vl_nps_reason_count() >= 90);
    int prev = -1;
    for (size_t i = 0; i < vl_nps_reason_count(); i++) {
        int c = vl_nps_reason_code_at(i);
        assert_true(c > prev); /* sorted, unique */
        prev = c;
        assert_true(strlen(vpnlint_nps_reason_text(c)) > 5);
    }
    assert_int_equal(prev, 302);
    assert_string_equal(vpnlint_nps_reason_text(12345), "");
    assert_string_equal(vl_nps_auth_type_name(4), "MS-CHAP v2");
    assert_null(vl_nps_auth_type_name(12));
}

#ifndef _WIN32
static int run(const char *args, char *buf, size_t cap)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' %s 2>&1", VPNLINT_CLI_PATH, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(buf, 1, cap - 1, p);
    buf[n] = '\0';
    int st = pclose(p);
    return WEXITSTATUS(st);
}

static void test_cli_nps(void **state)
{
    (void)state;
    char buf[65536];
    int st = run("nps " FIX("nps_ias.log"), buf, sizeof buf);
    assert_int_equal(st, 1); /* malformed records were skipped */
    assert_non_null(strstr(buf, "nps_ias.log:5: warning: malformed record skipped"));
    assert_non_null(strstr(buf, "nps_ias.log:7: warning"));
    st = run("nps --user bob --format json " FIX("nps_dts.xml") " " FIX("nps_ias_header.log"), buf,
             sizeof buf);
    assert_int_equal(st, 1);
    const char *json = strchr(buf, '{');
    assert_non_null(json);
    cJSON *j = cJSON_Parse(json);
    assert_non_null(j);
    cJSON *users = cJSON_GetObjectItem(j, "users");
    assert_int_equal(cJSON_GetArraySize(users), 1);
    assert_int_equal((int)cJSON_GetObjectItem(cJSON_GetArrayItem(users, 0), "rejects")->valuedouble,
                     2);
    cJSON_Delete(j);
    st = run("nps --since 2024-01-16 --format json " FIX("nps_ias_header.log"), buf, sizeof buf);
    assert_int_equal(st, 0);
    j = cJSON_Parse(buf);
    assert_non_null(j);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "users")), 0);
    cJSON_Delete(j);
    assert_int_equal(run("nps --since yesterday x", buf, sizeof buf), 3);
    assert_int_equal(run("nps", buf, sizeof buf), 3);
    assert_int_equal(run("nps /nonexistent/IN2401.log", buf, sizeof buf), 2);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_fields),
        cmocka_unit_test(test_csv_header_row_skipped),
        cmocka_unit_test(test_csv_malformed_variants),
        cmocka_unit_test(test_xml_records),
        cmocka_unit_test(test_xml_split_and_truncated),
        cmocka_unit_test(test_xml_attribute_flood_skipped),
        cmocka_unit_test(test_xml_record_over_many_lines),
        cmocka_unit_test(test_xml_many_records_on_one_line),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_reason_table),
#ifndef _WIN32
        cmocka_unit_test(test_cli_nps),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
