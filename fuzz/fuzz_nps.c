/* fuzz_nps — the NPS accounting log reader (IAS/database-compatible CSV and
 * DTS XML, detected from content) and the per-user/policy summary in both
 * renderings. One harness covers both readers: the format is detected from
 * the content, as in production. The input's size picks the summary format
 * and whether records are summarised (no byte is consumed, so the seeds are
 * plain log files). */
#include "vpnlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
            if (!(mode & 1) && vpnlint_nps_summary_add(s, &rec) != VPNLINT_OK)
                abort();
        } else {
            abort();
        }
    }
    char *out = NULL;
    if (vpnlint_nps_summary_render(
            &out, s, (mode & 2) ? VPNLINT_FORMAT_JSON : VPNLINT_FORMAT_TEXT) != VPNLINT_OK)
        abort();
    vpnlint_free(out);
    vpnlint_nps_summary_free(s);
    vpnlint_nps_close(r);
    return 0;
}
