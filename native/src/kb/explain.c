/* explain.c — public API over the knowledge base, and its renderers. */
#include "kb/kb.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

static void fill_info(vpnlint_error_info *out, const vl_kb_entry *e, size_t index)
{
    memset(out, 0, sizeof *out);
    out->index = index;
    out->code = e->code;
    out->has_value = e->has_value;
    out->value = e->value;
    out->value_signed = (int32_t)e->value;
    out->name = e->name;
    out->area = vl_kb_area_of(index);
    out->message = e->message;
    out->meaning = e->meaning;
    out->seen_in = e->seen_in ? e->seen_in : "";
    out->cause_count = e->n_causes;
}

static const char *display_of(size_t index)
{
    const vl_kb_entry *e = vl_kb_at(index);
    return e ? e->code : "";
}

VPNLINT_EXTERN(size_t) vpnlint_error_info_count(void)
{
    return vl_kb_count();
}

VPNLINT_EXTERN(int) vpnlint_error_info_at(vpnlint_error_info *out, size_t index)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_error_info_at: out is NULL");
    const vl_kb_entry *e = vl_kb_at(index);
    if (!e)
        return vl_error_set(VPNLINT_ENOTFOUND,
                            "no knowledge-base entry at index %zu (there are %zu)", index,
                            vl_kb_count());
    fill_info(out, e, index);
    return VPNLINT_OK;
}

static int not_found(const char *code_text)
{
    uint32_t v, alt;
    bool has_alt;
    if (vl_kb_parse_code(code_text, &v, &alt, &has_alt) == 0)
        return vl_error_set(VPNLINT_ENOTFOUND,
                            "code %u (0x%08X) is not in vpnlint's knowledge base; "
                            "`vpnlint explain --list` shows the %zu known codes",
                            (unsigned)v, (unsigned)v, vl_kb_count());
    return vl_error_set(VPNLINT_ENOTFOUND,
                        "'%.200s' is neither an error number nor a known error name or message; "
                        "`vpnlint explain --list` shows the %zu known codes",
                        code_text, vl_kb_count());
}

VPNLINT_EXTERN(int) vpnlint_error_info_lookup(vpnlint_error_info *out, const char *code_text)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_error_info_lookup: out is NULL");
    size_t len = 0;
    if (!code_text || (vl_trim(code_text, strlen(code_text), &len), len == 0))
        return vl_error_set(VPNLINT_EINVALID, "no error code given");
    size_t index;
    const vl_kb_entry *e = vl_kb_lookup(code_text, &index);
    if (!e)
        return not_found(code_text);
    fill_info(out, e, index);
    return VPNLINT_OK;
}

VPNLINT_EXTERN(int)
vpnlint_error_cause_at(vpnlint_error_cause *out, size_t info_index, size_t cause_index)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_error_cause_at: out is NULL");
    const vl_kb_entry *e = vl_kb_at(info_index);
    if (!e)
        return vl_error_set(VPNLINT_ENOTFOUND, "no knowledge-base entry at index %zu", info_index);
    if (cause_index >= e->n_causes)
        return vl_error_set(VPNLINT_ENOTFOUND, "%s has %zu causes, not %zu", e->name, e->n_causes,
                            cause_index + 1);
    const vl_kb_cause *c = &e->causes[cause_index];
    out->rank = (unsigned)cause_index + 1;
    out->text = c->text;
    out->check = c->check;
    out->check_kind = vl_kb_check_kind(c->check);
    out->how = c->how ? c->how : "";
    out->fix = c->fix;
    return VPNLINT_OK;
}

/* ---- text rendering */

/* Appends `text` wrapped at `width` columns; every line starts with `indent`
 * spaces except the first, which continues after `first_used` columns. */
static void put_wrapped(vl_buf *b, const char *text, size_t indent, size_t first_used, size_t width)
{
    size_t col = first_used;
    const char *p = text;
    bool first_word = true;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        if (!first_word && col + 1 + wl > width) {
            vl_buf_putc(b, '\n');
            for (size_t i = 0; i < indent; i++)
                vl_buf_putc(b, ' ');
            col = indent;
        } else if (!first_word) {
            vl_buf_putc(b, ' ');
            col++;
        }
        vl_buf_put(b, w, wl);
        col += wl;
        first_word = false;
    }
    vl_buf_putc(b, '\n');
}

static const char *check_kind_name(int kind)
{
    switch (kind) {
    case VPNLINT_CHECK_RULE:
        return "rule";
    case VPNLINT_CHECK_DEVICE:
        return "device";
    case VPNLINT_CHECK_PROBE:
        return "probe";
    default:
        return "manual";
    }
}

static void render_entry_text(vl_buf *b, const vl_kb_entry *e, size_t index)
{
    const size_t W = 100;
    const char *code = display_of(index);
    if (e->has_value && e->value >= 0x10000u)
        vl_buf_printf(b, "%s (%d) %s\n", code, (int)(int32_t)e->value, e->name);
    else if (e->has_value)
        vl_buf_printf(b, "%s %s\n", code, e->name);
    else
        vl_buf_printf(b, "%s\n", e->name);
    vl_buf_puts(b, "  Windows says: ");
    put_wrapped(b, e->message, 16, 16, W);
    vl_buf_puts(b, "  In plain words: ");
    put_wrapped(b, e->meaning, 18, 18, W);
    if (e->seen_in && *e->seen_in) {
        vl_buf_puts(b, "  Seen in: ");
        put_wrapped(b, e->seen_in, 11, 11, W);
    }
    vl_buf_puts(b, "\n  Likely causes, most likely first:\n");
    for (size_t i = 0; i < e->n_causes; i++) {
        const vl_kb_cause *c = &e->causes[i];
        char num[16];
        int nl = snprintf(num, sizeof num, "  %zu. ", i + 1);
        vl_buf_puts(b, num);
        put_wrapped(b, c->text, (size_t)nl, (size_t)nl, W);
        const size_t ind = (size_t)nl + 7;
        for (int k = 0; k < nl; k++)
            vl_buf_putc(b, ' ');
        if (c->check && *c->check) {
            int ck = vl_kb_check_kind(c->check);
            const char *hint = ck == VPNLINT_CHECK_RULE
                                   ? "`vpnlint lint` on the profile or phonebook reports it"
                               : ck == VPNLINT_CHECK_PROBE
                                   ? "`vpnlint probe` on the profile or phonebook entry reports it"
                                   : "the matching vpnlint check reports it";
            char line[256];
            snprintf(line, sizeof line, "vpnlint rule %s (%s).", c->check, hint);
            vl_buf_puts(b, "Check: ");
            char joined[1024];
            snprintf(joined, sizeof joined, "%s%s%s", line, c->how && *c->how ? " " : "",
                     c->how ? c->how : "");
            put_wrapped(b, joined, ind, ind, W);
        } else {
            vl_buf_puts(b, "Check: by hand. ");
            put_wrapped(b, c->how ? c->how : "", ind, ind + 9, W);
        }
        for (int k = 0; k < nl; k++)
            vl_buf_putc(b, ' ');
        vl_buf_puts(b, "Fix:   ");
        put_wrapped(b, c->fix, ind, ind, W);
    }
}

static cJSON *entry_json(const vl_kb_entry *e, size_t index)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "code", display_of(index));
    if (e->has_value) {
        char hex[16];
        snprintf(hex, sizeof hex, "0x%08X", (unsigned)e->value);
        cJSON_AddNumberToObject(o, "value", (double)e->value);
        cJSON_AddNumberToObject(o, "value_signed", (double)(int32_t)e->value);
        cJSON_AddStringToObject(o, "hex", hex);
    } else {
        cJSON_AddNullToObject(o, "value");
    }
    cJSON_AddStringToObject(o, "name", e->name);
    cJSON_AddStringToObject(o, "area", vl_kb_area_of(index));
    cJSON_AddStringToObject(o, "message", e->message);
    cJSON_AddStringToObject(o, "meaning", e->meaning);
    cJSON_AddStringToObject(o, "seen_in", e->seen_in ? e->seen_in : "");
    cJSON *arr = cJSON_AddArrayToObject(o, "causes");
    for (size_t i = 0; arr && i < e->n_causes; i++) {
        const vl_kb_cause *c = &e->causes[i];
        cJSON *co = cJSON_CreateObject();
        if (!co)
            break;
        cJSON_AddNumberToObject(co, "rank", (double)(i + 1));
        cJSON_AddStringToObject(co, "text", c->text);
        cJSON *chk = cJSON_AddObjectToObject(co, "check");
        if (chk) {
            cJSON_AddStringToObject(chk, "kind", check_kind_name(vl_kb_check_kind(c->check)));
            if (c->check)
                cJSON_AddStringToObject(chk, "id", c->check);
            else
                cJSON_AddNullToObject(chk, "id");
            cJSON_AddStringToObject(chk, "how", c->how ? c->how : "");
        }
        cJSON_AddStringToObject(co, "fix", c->fix);
        cJSON_AddItemToArray(arr, co);
    }
    return o;
}

char *vl_kb_entry_json(size_t index)
{
    const vl_kb_entry *e = vl_kb_at(index);
    if (!e)
        return NULL;
    cJSON *o = entry_json(e, index);
    if (!o)
        return NULL;
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return NULL;
    char *r = vl_strdup(s);
    cJSON_free(s);
    return r;
}

void vl_kb_entry_text(vl_buf *b, size_t index)
{
    const vl_kb_entry *e = vl_kb_at(index);
    if (e)
        render_entry_text(b, e, index);
}

static int finish_json(char **out, cJSON *root)
{
    if (!root)
        return vl_error_oom();
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    if (!s)
        return vl_error_oom();
    vl_buf b = VL_BUF_INIT;
    vl_buf_puts(&b, s);
    vl_buf_putc(&b, '\n');
    cJSON_free(s);
    if (!vl_buf_ok(&b)) {
        vl_buf_free(&b);
        return vl_error_oom();
    }
    *out = vl_buf_detach(&b);
    return VPNLINT_OK;
}

VPNLINT_EXTERN(int) vpnlint_explain_render(char **out, const char *code_text, int format)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_explain_render: out is NULL");
    *out = NULL;
    if (format != VPNLINT_FORMAT_TEXT && format != VPNLINT_FORMAT_JSON)
        return vl_error_set(VPNLINT_EINVALID, "explain renders text or json only");
    vpnlint_error_info info;
    int rc = vpnlint_error_info_lookup(&info, code_text);
    if (rc != VPNLINT_OK)
        return rc;
    const vl_kb_entry *e = vl_kb_at(info.index);
    if (format == VPNLINT_FORMAT_JSON) {
        cJSON *o = entry_json(e, info.index);
        if (o)
            cJSON_AddStringToObject(o, "query", code_text);
        return finish_json(out, o);
    }
    vl_buf b = VL_BUF_INIT;
    render_entry_text(&b, e, info.index);
    if (!vl_buf_ok(&b)) {
        vl_buf_free(&b);
        return vl_error_oom();
    }
    *out = vl_buf_detach(&b);
    return VPNLINT_OK;
}

VPNLINT_EXTERN(int) vpnlint_explain_list_render(char **out, int format)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_explain_list_render: out is NULL");
    *out = NULL;
    size_t n = vl_kb_count();
    if (format == VPNLINT_FORMAT_JSON) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < n; i++) {
            const vl_kb_entry *e = vl_kb_at(i);
            cJSON *o = cJSON_CreateObject();
            if (!o)
                break;
            cJSON_AddStringToObject(o, "code", display_of(i));
            cJSON_AddStringToObject(o, "name", e->name);
            cJSON_AddStringToObject(o, "area", vl_kb_area_of(i));
            cJSON_AddStringToObject(o, "meaning", e->meaning);
            cJSON_AddNumberToObject(o, "causes", (double)e->n_causes);
            cJSON_AddItemToArray(arr, o);
        }
        return finish_json(out, arr);
    }
    if (format != VPNLINT_FORMAT_TEXT)
        return vl_error_set(VPNLINT_EINVALID, "explain --list renders text or json only");
    vl_buf b = VL_BUF_INIT;
    const char *area = NULL;
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        if (!area || strcmp(area, vl_kb_area_of(i)) != 0) {
            area = vl_kb_area_of(i);
            vl_buf_printf(&b, "%s[%s]\n", i ? "\n" : "", area);
        }
        vl_buf_printf(&b, "  %-12s %-38s %zu causes\n", display_of(i), e->name, e->n_causes);
    }
    vl_buf_printf(&b, "\n%zu codes. `vpnlint explain CODE` explains one.\n", n);
    if (!vl_buf_ok(&b)) {
        vl_buf_free(&b);
        return vl_error_oom();
    }
    *out = vl_buf_detach(&b);
    return VPNLINT_OK;
}
