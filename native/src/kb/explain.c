/* explain.c — public API over the knowledge base, and its renderers. */
#include "kb/kb.h"

#include "core/rule.h"

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
 * spaces except the first, which continues after `first_used` columns.
 * Text between backquotes is kept on one line. */
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
        /* a word ends at a space outside `code` spans, so a command is
         * never broken over two lines (a span runs to its closing quote) */
        const char *w = p;
        bool in_code = false;
        while (*p && (*p != ' ' || in_code)) {
            if (*p == '`')
                in_code = !in_code;
            p++;
        }
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

/* How the checks of a cause are run: one group per input kind. */
enum { RUN_PROFILE, RUN_PBK, RUN_DEVICE, RUN_INPUT, RUN_PROBE, RUN_GROUPS };

static int run_group(const char *id)
{
    const vl_rule *r = vl_rule_lookup(id);
    switch (r ? r->kind : VPNLINT_KIND_UNKNOWN) {
    case VPNLINT_KIND_PROFILEXML:
        return RUN_PROFILE;
    case VPNLINT_KIND_PBK:
        return RUN_PBK;
    case VPNLINT_KIND_DEVICE:
        return RUN_DEVICE;
    case VPNLINT_KIND_NETWORK:
        return RUN_PROBE;
    default:
        return RUN_INPUT;
    }
}

/* The command that runs a check of `group` for cause c, e.g.
 * "vpnlint lint --target intune PROFILE.xml". */
static void run_command(char *buf, size_t cap, int group, const vl_kb_cause *c)
{
    const char *args = c->lint_args && *c->lint_args ? c->lint_args : NULL;
    switch (group) {
    case RUN_PROFILE:
        snprintf(buf, cap, "vpnlint lint %s%sPROFILE.xml", args ? args : "", args ? " " : "");
        break;
    case RUN_PBK:
        snprintf(buf, cap, "vpnlint lint rasphone.pbk");
        break;
    case RUN_DEVICE:
        snprintf(buf, cap, "vpnlint detect");
        break;
    case RUN_PROBE:
        snprintf(buf, cap, "vpnlint probe PROFILE.xml");
        break;
    default:
        snprintf(buf, cap, "vpnlint lint FILE");
        break;
    }
}

static const char *const run_where[RUN_GROUPS] = {
    [RUN_PROFILE] = "",
    [RUN_PBK] = "",
    [RUN_DEVICE] = " on the Windows client (elevated prompt)",
    [RUN_INPUT] = "",
    [RUN_PROBE] = " from the clients' network",
};

/* Which run groups an entry's causes use (bit per group). */
static unsigned groups_used(const vl_kb_entry *e)
{
    unsigned used = 0;
    char id[16];
    for (size_t i = 0; i < e->n_causes; i++)
        for (size_t k = 0; vl_kb_check_id(e->causes[i].check, k, id); k++)
            used |= 1u << run_group(id);
    return used;
}

static void put_spaces(vl_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        vl_buf_putc(b, ' ');
}

/* "Check:" lines of a cause with checks: one line per input kind,
 *   Check: PX071, PX072 - run `vpnlint lint PROFILE.xml`
 *          DEV004 - run `vpnlint detect` on the Windows client (elevated prompt)
 * then the extra note (`how`), if any. */
static void render_checks(vl_buf *b, const vl_kb_cause *c, size_t ind, size_t W)
{
    /* groups in the order their first ID appears (the primary check first) */
    int order[RUN_GROUPS], n_order = 0;
    char id[16];
    for (size_t k = 0; vl_kb_check_id(c->check, k, id); k++) {
        int g = run_group(id);
        bool seen = false;
        for (int j = 0; j < n_order; j++)
            seen = seen || order[j] == g;
        if (!seen)
            order[n_order++] = g;
    }
    bool first_line = true;
    for (int o = 0; o < n_order; o++) {
        const int g = order[o];
        char line[512], cmd[128];
        size_t n = 0;
        line[0] = '\0';
        for (size_t k = 0; vl_kb_check_id(c->check, k, id); k++) {
            if (run_group(id) != g)
                continue;
            size_t used = strlen(line);
            snprintf(line + used, sizeof line - used, "%s%s", n ? ", " : "", id);
            n++;
        }
        if (!n)
            continue;
        run_command(cmd, sizeof cmd, g, c);
        size_t used = strlen(line);
        snprintf(line + used, sizeof line - used, " - run `%s`%s", cmd, run_where[g]);
        if (first_line)
            vl_buf_puts(b, "Check: ");
        else
            put_spaces(b, ind);
        put_wrapped(b, line, ind, ind, W);
        first_line = false;
    }
    if (c->how && *c->how) {
        put_spaces(b, ind);
        put_wrapped(b, c->how, ind, ind, W);
    }
}

/* After the causes: what the placeholders in the commands mean, for the
 * kinds of check this entry uses. */
static void render_run_notes(vl_buf *b, const vl_kb_entry *e, size_t W)
{
    unsigned used = groups_used(e);
    vl_buf_puts(b, "\n  How to run the checks:\n");
    if (used & ((1u << RUN_PROFILE) | (1u << RUN_INPUT))) {
        vl_buf_puts(b, "    - PROFILE.xml: ");
        put_wrapped(b,
                    "the ProfileXML you deploy (the XML pasted into Intune, or the file your "
                    "script passes to MDM_VPNv2_01).",
                    6, 19, W);
    }
    if (used & (1u << RUN_PBK)) {
        vl_buf_puts(b, "    - rasphone.pbk: ");
        put_wrapped(b,
                    "the phonebook, %APPDATA%\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk "
                    "(your connections) or "
                    "%ProgramData%\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk (all "
                    "users').",
                    6, 20, W);
    }
    if (used & (1u << RUN_DEVICE)) {
        vl_buf_puts(b, "    - vpnlint detect: ");
        put_wrapped(b,
                    "runs on the Windows client itself and reads its services, registry and "
                    "build; it also lints the installed profiles (as SYSTEM) and phonebooks.",
                    6, 22, W);
    }
    if (used & (1u << RUN_PROBE)) {
        vl_buf_puts(b, "    - vpnlint probe: ");
        put_wrapped(b,
                    "asks the VPN server from where it runs (IKE_SA_INIT on UDP 500/4500, TLS "
                    "on TCP 443); it never sends IKE_AUTH or a credential (docs/probe.md).",
                    6, 21, W);
    }
    vl_buf_puts(b, "    - ");
    put_wrapped(
        b,
        "A check ID (PX..., PBK..., DEV..., NET...) is explained in docs/rules/ID.md; `vpnlint "
        "rules` lists them all. \"By hand\" means vpnlint cannot see that part (a "
        "certificate store, the server, the network path); the step says what to run "
        "instead.",
        6, 6, W);
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
        put_spaces(b, (size_t)nl);
        if (c->check && *c->check) {
            render_checks(b, c, ind, W);
        } else {
            vl_buf_puts(b, "Check: by hand. ");
            put_wrapped(b, c->how ? c->how : "", ind, ind + 9, W);
        }
        put_spaces(b, (size_t)nl);
        vl_buf_puts(b, "Fix:   ");
        put_wrapped(b, c->fix, ind, ind, W);
    }
    render_run_notes(b, e, W);
}

static const char *const on_names[] = {"profile", "phonebook", "device", "certificate",
                                       "server",  "network",   "secret", "deployment"};

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
        cJSON *about = cJSON_AddArrayToObject(co, "about");
        for (size_t k = 0; about && k < VL_ARRAY_LEN(on_names); k++)
            if (c->on & (1u << k))
                cJSON_AddItemToArray(about, cJSON_CreateString(on_names[k]));
        cJSON *chk = cJSON_AddObjectToObject(co, "check");
        if (chk) {
            char id[16], cmd[128];
            cJSON_AddStringToObject(chk, "kind", check_kind_name(vl_kb_check_kind(c->check)));
            if (vl_kb_check_id(c->check, 0, id))
                cJSON_AddStringToObject(chk, "id", id);
            else
                cJSON_AddNullToObject(chk, "id");
            cJSON *ids = cJSON_AddArrayToObject(chk, "ids");
            for (size_t k = 0; ids && vl_kb_check_id(c->check, k, id); k++) {
                cJSON *one = cJSON_CreateObject();
                if (!one)
                    break;
                const vl_rule *r = vl_rule_lookup(id);
                cJSON_AddStringToObject(one, "id", id);
                cJSON_AddStringToObject(one, "kind", check_kind_name(vl_kb_check_kind(id)));
                cJSON_AddStringToObject(one, "summary", r ? r->summary : "");
                run_command(cmd, sizeof cmd, run_group(id), c);
                cJSON_AddStringToObject(one, "run", cmd);
                cJSON_AddItemToArray(ids, one);
            }
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
