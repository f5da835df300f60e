/* fuzz_nps — the NPS accounting log reader (IAS/database-compatible CSV and
 * DTS XML, detected from content) and the per-user/policy summary in both
 * renderings. One harness covers both readers: the format is detected from
 * the content, as in production. The input's size picks whether records are
 * summarised (no byte is consumed, so the seeds are plain log files); the
 * summary is rendered as text and JSON. */
#include "vpnlint.h"
#include "core/internal.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* NULL counts as valid (absent) */
static int nps_utf8_ok(const char *str)
{
    return !str || vl_utf8_valid(str, strlen(str));
}

static int nps_record_utf8(const vpnlint_nps_record *r)
{
    const char *const f[] = {r->timestamp,      r->computer,       r->packet_type_name,
                             r->user_name,      r->fq_user_name,   r->calling_station,
                             r->called_station, r->client_ip,      r->client_name,
                             r->nas_ip,         r->tunnel_client,  r->framed_ip,
                             r->policy,         r->proxy_policy,   r->reason_name,
                             r->reason_text,    r->auth_type_name, r->eap_type};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (!nps_utf8_ok(f[i]))
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned mode = (unsigned)(size & 3);
    vpnlint_nps_reader *r = NULL;
    if (vpnlint_nps_open_buffer(&r, data, size) != VPNLINT_OK)
        return 0;
    int fmt = vpnlint_nps_format_of(r);
    if (fmt != VPNLINT_NPS_UNKNOWN && fmt != VPNLINT_NPS_CSV && fmt != VPNLINT_NPS_XML)
        abort();
    vpnlint_nps_summary *s = NULL;
    if (vpnlint_nps_summary_new(&s) != VPNLINT_OK)
        abort();
    for (size_t guard = 0; guard < 1000000; guard++) {
        vpnlint_nps_record rec;
        const char *err = NULL;
        int rc = vpnlint_nps_next(&rec, &err, r);
        if (rc == VPNLINT_NPS_END || rc < 0)
            break;
        if (rc == VPNLINT_NPS_SKIPPED) {
            if (!err || !err[0])
                abort(); /* a skipped record must say why */
            vpnlint_nps_summary_add_skipped(s);
        } else if (rc == VPNLINT_NPS_RECORD) {
            if (!rec.timestamp || !rec.reason_text || !rec.reason_name)
                abort();
            if (!nps_record_utf8(&rec))
                abort(); /* whatever the log's code page, strings are UTF-8 */
            if (!(mode & 1) && vpnlint_nps_summary_add(s, &rec) != VPNLINT_OK)
                abort();
        } else {
            abort();
        }
    }
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON};
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL;
        if (vpnlint_nps_summary_render(&out, s, formats[i]) != VPNLINT_OK || !nps_utf8_ok(out))
            abort(); /* the JSON summary is valid UTF-8 */
        vpnlint_free(out);
    }
    vpnlint_nps_summary_free(s);
    vpnlint_nps_close(r);
    return 0;
}
