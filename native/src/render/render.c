/* render.c — the public render entry points and shared helpers. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

char *vl_json_finish(cJSON *root, bool pretty)
{
    if (!root)
        return NULL;
    char *s = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!s)
        return NULL;
    char *d = vl_strdup(s);
    cJSON_free(s);
    return d;
}

void vl_render_scope(vl_buf *b, const vpnlint_report *r)
{
    size_t files = 0, places = 0;
    for (size_t i = 0; i < r->n_files; i++) {
        if (r->files[i].kind == VPNLINT_KIND_DEVICE || r->files[i].kind == VPNLINT_KIND_NETWORK)
            places++;
        else
            files++;
    }
    vl_buf_printf(b, "in %zu file(s)", files);
    if (places)
        vl_buf_printf(b, " and %zu device location(s)", places);
}

int vpnlint_report_render(char **out, const vpnlint_report *r, int format)
{
    if (!out || !r)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_render: NULL argument");
    *out = NULL;
    char *s;
    switch (format) {
    case VPNLINT_FORMAT_TEXT:
        s = vl_render_text(r);
        break;
    case VPNLINT_FORMAT_JSON:
        s = vl_render_json(r);
        break;
    case VPNLINT_FORMAT_SARIF:
        s = vl_render_sarif(r);
        break;
    case VPNLINT_FORMAT_INTUNE:
        s = vl_render_intune(r);
        break;
    default:
        return vl_error_set(VPNLINT_EINVALID,
                            "format %d cannot render a report (text, json, sarif, intune)", format);
    }
    if (!s)
        return vl_error_oom();
    *out = s;
    return VPNLINT_OK;
}

int vpnlint_rules_render(char **out, int format)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rules_render: out is NULL");
    *out = NULL;
    char *s;
    switch (format) {
    case VPNLINT_FORMAT_TEXT:
        s = vl_render_rules_text();
        break;
    case VPNLINT_FORMAT_JSON:
        s = vl_render_rules_json();
        break;
    case VPNLINT_FORMAT_MARKDOWN:
        s = vl_render_rules_markdown();
        break;
    default:
        return vl_error_set(VPNLINT_EINVALID,
                            "format %d cannot render the rules (text, json, markdown)", format);
    }
    if (!s)
        return vl_error_oom();
    *out = s;
    return VPNLINT_OK;
}
