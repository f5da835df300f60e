/* fuzz_profilexml — the whole ProfileXML path: loader (encodings, raw,
 * escaped and SyncML envelopes), safe parse, model, escaped EAP, every rule,
 * every renderer.
 *
 * Invariants checked (abort() = a finding): the two indexes that replace
 * scans answer as the scans do, on every line of the decoded input:
 *  - vl_src_line_names gives each name vl_src_column's column;
 *  - the inline vpnlint-disable index (vl_input_index_suppress) gives the
 *    answers of the scan of every range. */
#include "core/input.h"
#include "profilexml/model.h"
#include "vpnlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct line_check {
    const vl_input *in;
    unsigned line;
    size_t n;
    char names[64][32];
    unsigned cols[64];
} line_check;

static int check_name(void *ctx, const char *name, size_t len, unsigned col)
{
    line_check *lc = ctx;
    if (len >= sizeof lc->names[0])
        return 0;
    for (size_t i = 0; i < lc->n; i++)
        if (strlen(lc->names[i]) == len && memcmp(lc->names[i], name, len) == 0) {
            if (col < lc->cols[i])
                abort(); /* a later tag of a name never opens before its first */
            return 0;
        }
    if (lc->n == 64)
        return 0;
    memcpy(lc->names[lc->n], name, len);
    lc->names[lc->n][len] = '\0';
    /* a name's first tag has the scan's column */
    if (vl_src_column(lc->in, lc->line, lc->names[lc->n]) != col)
        abort();
    lc->cols[lc->n++] = col;
    return 0;
}

static void check_indexes(const uint8_t *data, size_t size)
{
    vl_input in;
    memset(&in, 0, sizeof in);
    if (vl_input_decode(&in, data, size) != VPNLINT_OK) {
        vl_input_clear(&in);
        return;
    }
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    vl_profile *px = NULL;
    if (in.kind == VPNLINT_KIND_PROFILEXML && vl_profile_build(&px, &in, &opt) == VPNLINT_OK) {
        static const char *const ids[] = {"PX020", "PX040", "px041", "all", "PX0400"};
        vl_suppress_ref *ix = in.suppress_ix;
        for (unsigned line = 0; line <= in.n_lines + 1 && ix; line++)
            for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
                bool indexed = vl_input_suppressed(&in, ids[k], line);
                in.suppress_ix = NULL; /* the scan */
                bool scanned = vl_input_suppressed(&in, ids[k], line);
                in.suppress_ix = ix;
                if (indexed != scanned)
                    abort();
            }
        vl_profile_free(px);
    }
    static line_check lc;
    for (unsigned line = 1; line <= in.n_lines && line <= 64; line++) {
        lc.in = &in;
        lc.line = line;
        lc.n = 0;
        vl_src_line_names(&in, line, check_name, &lc);
    }
    vl_input_clear(&in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_indexes(data, size);
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.flags = VPNLINT_OPT_PEDANTIC;
    opt.min_build = 17763;
    opt.target = VPNLINT_TARGET_INTUNE;
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, &opt) != VPNLINT_OK)
        abort();
    vpnlint_report_add_buffer(r, "fuzz.xml", data, size);
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF,
                                  VPNLINT_FORMAT_INTUNE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        if (vpnlint_report_render(&out, r, formats[i]) != VPNLINT_OK)
            abort();
        vpnlint_free(out);
    }
    vpnlint_report_free(r);
    return 0;
}
