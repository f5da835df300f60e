/* intune.c — one line for an Intune Remediations detection script:
 * at most 2048 bytes, cut on a UTF-8 boundary, no secrets (messages never
 * hold them). */
#include "render.h"

#include <string.h>

#define VL_INTUNE_MAX 2048

char *vl_render_intune(const vpnlint_report *r)
{
    size_t counts[3] = {0, 0, 0}, unreadable = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].severity >= 0 && r->findings[i].severity <= 2)
            counts[r->findings[i].severity]++;
    for (size_t i = 0; i < r->n_files; i++)
        if (r->files[i].read_error)
            unreadable++;
    vl_buf b = VL_BUF_INIT;
    vl_buf_printf(&b, "vpnlint %s: %s - %zu error(s), %zu warning(s), %zu info ",
                  VPNLINT_VERSION_STRING, counts[2] || unreadable ? "FAIL" : "OK", counts[2],
                  counts[1], counts[0]);
    vl_render_scope(&b, r);
    if (unreadable)
        vl_buf_printf(&b, ", %zu unreadable", unreadable);
    /* most severe first */
    for (int sev = VPNLINT_SEVERITY_ERROR; sev >= VPNLINT_SEVERITY_INFO; sev--)
        for (size_t i = 0; i < r->n_findings; i++) {
            const vl_finding *x = &r->findings[i];
            if (x->severity != sev)
                continue;
            const char *path = r->files[x->file_index].path;
            const char *base = path;
            for (const char *p = path; *p; p++)
                if (*p == '/' || *p == '\\')
                    base = p + 1;
            vl_buf_printf(&b, "; %s %s:%u %s", x->rule->id, base, x->line, x->message);
            if (b.len > VL_INTUNE_MAX)
                goto done;
        }
done:
    if (!vl_buf_ok(&b))
        return NULL;
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n' || b.data[i] == '\r')
            b.data[i] = ' ';
    if (b.len > VL_INTUNE_MAX) {
        size_t cut = VL_INTUNE_MAX - 3; /* room for "..." */
        while (cut > 0 && ((unsigned char)b.data[cut] & 0xC0) == 0x80)
            cut--;
        b.len = cut;
        b.data[cut] = '\0';
        vl_buf_puts(&b, "...");
    }
    return vl_buf_detach(&b);
}
