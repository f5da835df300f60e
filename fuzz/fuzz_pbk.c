/* fuzz_pbk — the rasphone.pbk path: lossless parse, the byte-identical
 * round trip (asserted here), every rule and renderer, the read-only API
 * (list, get, diff) and the in-memory editor (set/unset, never the disk).
 *
 * Invariants checked (abort() = a finding):
 *  - serialising the unchanged model gives the input back byte for byte,
 *    through the internal model and through the public handle;
 *  - the model's physical lines cover every byte exactly once;
 *  - an unedited handle diffs to "";
 *  - an edit's result parses again and round-trips; every new line that the
 *    editor says is a copy of an old line has the old line's content. */
#include "pbk/edit.h"
#include "vpnlint.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const size_t pbk_eol_len[] = {0, 1, 2, 1};

static void pbk_check_round_trip(const vl_pbk *p, const uint8_t *data, size_t size)
{
    const unsigned char *out = NULL;
    size_t n = vl_pbk_bytes(p, &out);
    if (n != size || (size && memcmp(out, data, size) != 0))
        abort(); /* the unchanged model must serialise to its input */
    size_t covered = p->bom_len;
    for (size_t i = 0; i < p->n_lines; i++) {
        const vl_pbk_line *l = &p->lines[i];
        /* lines must tile the bytes in order (eol is a 2-bit field: always
         * a vl_pbk_eol) */
        if (l->off != covered)
            abort();
        covered += l->len + pbk_eol_len[l->eol];
    }
    if (covered != size)
        abort();
}

static void pbk_lint(const uint8_t *data, size_t size)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.flags = VPNLINT_OPT_PEDANTIC;
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, &opt) != VPNLINT_OK)
        abort();
    vpnlint_report_add_buffer(r, "rasphone.pbk", data, size);
    static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON, VPNLINT_FORMAT_SARIF,
                                  VPNLINT_FORMAT_INTUNE};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *out = NULL;
        if (vpnlint_report_render(&out, r, formats[i]) != VPNLINT_OK)
            abort();
        vpnlint_free(out);
    }
    vpnlint_report_free(r);
}

/* An in-memory edit through the internal editor; checks its promises. */
static void pbk_edit_internal(const vl_pbk *p, size_t entry, const char *key, const char *value,
                              int media, int device, int phone)
{
    if (entry >= p->n_entries)
        return;
    vl_buf name = VL_BUF_INIT;
    vl_pbk_escape_name(&name, p->entries[entry].name, p->entries[entry].name_len);
    if (!vl_buf_ok(&name)) {
        vl_buf_free(&name);
        return;
    }
    vl_pbk_addr at = {name.data ? name.data : "", media, device, phone};
    vl_pbk_edit_result res = {0};
    if (vl_pbk_edit(&res, p, &at, key, value) == VPNLINT_OK) {
        vl_pbk *q = NULL;
        if (vl_pbk_parse(&q, res.bytes, res.len) != VPNLINT_OK)
            abort(); /* parsing only fails on ENOMEM */
        pbk_check_round_trip(q, res.bytes, res.len);
        if (res.n_origin != q->n_lines)
            abort();
        for (size_t i = 0; i < res.n_origin; i++) {
            long o = res.origin[i];
            if (o < 0)
                continue;
            if ((size_t)o >= p->n_lines)
                abort();
            const vl_pbk_line *a = &p->lines[o], *b = &q->lines[i];
            if (a->len != b->len || memcmp(p->bytes + a->off, q->bytes + b->off, a->len) != 0)
                abort(); /* a line said to be copied must be unchanged */
        }
        vl_pbk_free(q);
    }
    vl_pbk_edit_result_free(&res);
    vl_buf_free(&name);
}

static const char *const pbk_keys[] = {"VpnStrategy", "PhoneNumber",  "CustomAuthData", "Port",
                                       "ms_server",   "PreSharedKey", "Comment",        "DEVICE",
                                       "MEDIA",       "NewKey"};

static void pbk_api(const uint8_t *data, size_t size, unsigned sel)
{
    vpnlint_pbk *h = NULL;
    if (vpnlint_pbk_open_buffer(&h, data, size) != VPNLINT_OK)
        return;
    const void *b = NULL;
    size_t n = 0;
    if (vpnlint_pbk_bytes(&b, &n, h) != VPNLINT_OK || n != size ||
        (size && memcmp(b, data, size) != 0))
        abort();
    char *out = NULL;
    if (vpnlint_pbk_diff(&out, h) != VPNLINT_OK || out[0] != '\0')
        abort(); /* nothing edited, nothing to diff */
    vpnlint_free(out);
    if (vpnlint_pbk_list(&out, h) == VPNLINT_OK)
        vpnlint_free(out);
    size_t ne = vpnlint_pbk_entry_count(h);
    for (size_t i = 0; i < ne && i < 8; i++) {
        char *name = NULL;
        if (vpnlint_pbk_entry_name(&name, h, i) != VPNLINT_OK)
            continue;
        if (vpnlint_pbk_get(&out, h, name, NULL, -1, -1, -1) == VPNLINT_OK)
            vpnlint_free(out);
        const char *key = pbk_keys[(sel + i) % (sizeof pbk_keys / sizeof pbk_keys[0])];
        if (vpnlint_pbk_get(&out, h, name, key, -1, -1, -1) == VPNLINT_OK)
            vpnlint_free(out);
        if (vpnlint_pbk_get(&out, h, name, key, 0, 0, 0) == VPNLINT_OK)
            vpnlint_free(out);
        if (i == 0) {
            /* edits: set then unset, diff each time; the disk is never touched */
            if (vpnlint_pbk_set(h, name, key, (sel & 1) ? "14" : "0A0B", -1, -1, -1) ==
                VPNLINT_OK) {
                if (vpnlint_pbk_diff(&out, h) == VPNLINT_OK)
                    vpnlint_free(out);
            }
            if (vpnlint_pbk_unset(h, name, key, -1, -1, -1) == VPNLINT_OK) {
                if (vpnlint_pbk_diff(&out, h) == VPNLINT_OK)
                    vpnlint_free(out);
            }
            if (vpnlint_pbk_bytes(&b, &n, h) != VPNLINT_OK)
                abort();
        }
        vpnlint_free(name);
    }
    if (vpnlint_pbk_write(NULL, h) == VPNLINT_OK)
        abort(); /* a buffer handle must refuse to write */
    vpnlint_pbk_free(h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vl_pbk *p = NULL;
    if (vl_pbk_parse(&p, data, size) != VPNLINT_OK)
        return 0;
    pbk_check_round_trip(p, data, size);
    unsigned sel = size ? data[size - 1] : 0;
    const char *key = pbk_keys[sel % (sizeof pbk_keys / sizeof pbk_keys[0])];
    pbk_edit_internal(p, 0, key, "1", -1, -1, -1);
    pbk_edit_internal(p, 0, key, NULL, -1, -1, -1);
    if (p->n_entries > 1)
        pbk_edit_internal(p, p->n_entries - 1,
                          pbk_keys[(sel >> 4) % (sizeof pbk_keys / sizeof pbk_keys[0])],
                          "0102030405060708", 0, 0, 0);
    vl_pbk_free(p);
    pbk_api(data, size, sel);
    pbk_lint(data, size);
    return 0;
}
