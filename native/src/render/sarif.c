/* sarif.c — SARIF 2.1.0 as GitHub code scanning accepts it: every rule in
 * tool.driver.rules[] with descriptions and help, all four region fields,
 * repository-relative URIs. */
#if !defined(_WIN32) && !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* realpath */
#endif
#include "render.h"

#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <direct.h>
#define vl_getcwd _getcwd
#else
#include <unistd.h>
#define vl_getcwd getcwd
#endif

static const char *sarif_level(int sev)
{
    return sev == VPNLINT_SEVERITY_ERROR     ? "error"
           : sev == VPNLINT_SEVERITY_WARNING ? "warning"
                                             : "note";
}

static bool is_abs(const char *p)
{
    return p[0] == '/' || p[0] == '\\' || (p[0] && p[1] == ':');
}

/* Absolute, normalised form of a path that exists; NULL otherwise. */
static char *abs_path(const char *path)
{
#ifdef _WIN32
    return _fullpath(NULL, path, 0);
#else
    return realpath(path, NULL);
#endif
}

/* A path as a URI reference: forward slashes, percent-encoded; an absolute
 * path becomes a file:// URI. */
static char *encode_uri(const char *p)
{
    vl_buf u = VL_BUF_INIT;
    if (is_abs(p)) {
        vl_buf_puts(&u, "file://");
        if (p[0] != '/' && p[0] != '\\')
            vl_buf_putc(&u, '/');
    }
    for (const unsigned char *s = (const unsigned char *)p; *s; s++) {
        unsigned char c = *s;
        if (c == '\\')
            vl_buf_putc(&u, '/');
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 strchr("-._~/:@!$&'()*+,;=", c))
            vl_buf_putc(&u, (char)c);
        else
            vl_buf_printf(&u, "%%%02X", c);
    }
    return vl_buf_detach(&u);
}

/* path -> URI relative to base (or the working directory) when the file
 * lies below it, so GitHub can map results to repository files. */
static char *make_uri(const char *path, const char *base)
{
    if (strcmp(path, "-") == 0 || strcmp(path, "<stdin>") == 0)
        return encode_uri("stdin");
    char cwd[4096];
    const char *b = base;
    if (!b && vl_getcwd(cwd, sizeof cwd))
        b = cwd;
    /* compare absolute forms, so "../x" under a base of ".." works */
    char *abs_base = b ? abs_path(b) : NULL, *abs_file = abs_path(path);
    char *uri = NULL;
    if (abs_base && abs_file) {
        size_t bl = strlen(abs_base);
        while (bl > 1 && (abs_base[bl - 1] == '/' || abs_base[bl - 1] == '\\'))
            bl--;
        if (strncmp(abs_file, abs_base, bl) == 0 && (abs_file[bl] == '/' || abs_file[bl] == '\\'))
            uri = encode_uri(abs_file + bl + 1);
    }
    free(abs_base);
    free(abs_file);
    if (uri)
        return uri;
    const char *p = path;
    while (p[0] == '.' && (p[1] == '/' || p[1] == '\\'))
        p += 2;
    return encode_uri(p);
}

static cJSON *text_obj(const char *text)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "text", text && *text ? text : "-");
    return o;
}

static cJSON *rule_descriptor(const vl_rule *x)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", x->id);
    cJSON_AddStringToObject(o, "name", x->name);
    cJSON_AddItemToObject(o, "shortDescription", text_obj(x->summary));
    cJSON_AddItemToObject(o, "fullDescription", text_obj(x->description));
    cJSON *help = cJSON_CreateObject();
    cJSON_AddStringToObject(help, "text", x->fix && *x->fix ? x->fix : x->summary);
    char *md = vl_sprintf("**%s %s**\n\n%s\n\n**How to fix:** %s\n\nSee docs/rules/%s.md.", x->id,
                          x->name, x->description, x->fix, x->id);
    if (md) {
        cJSON_AddStringToObject(help, "markdown", md);
        free(md);
    }
    cJSON_AddItemToObject(o, "help", help);
    cJSON *cfg = cJSON_AddObjectToObject(o, "defaultConfiguration");
    cJSON_AddStringToObject(cfg, "level", sarif_level(x->severity));
    cJSON *props = cJSON_AddObjectToObject(o, "properties");
    cJSON *tags = cJSON_AddArrayToObject(props, "tags");
    cJSON_AddItemToArray(tags, cJSON_CreateString(vl_kind_name(x->kind)));
    cJSON_AddItemToArray(tags, cJSON_CreateString("vpn"));
    return o;
}

/* Device and network findings sit under a place (a service, a registry key,
 * host:port), not a file. */
static bool is_place(const vl_file *f)
{
    return f->kind == VPNLINT_KIND_DEVICE || f->kind == VPNLINT_KIND_NETWORK;
}

/* Appends the location of finding `x` (NULL: of the whole input) to `locs`:
 * a file and region as GitHub needs them, or for a place a logical location
 * named after it (a place is no artifact URI). */
static void add_location(cJSON *locs, const vl_file *f, const char *uri, const vl_finding *x)
{
    cJSON *loc = cJSON_CreateObject();
    cJSON_AddItemToArray(locs, loc);
    if (is_place(f)) {
        cJSON *ll = cJSON_CreateObject();
        cJSON_AddStringToObject(ll, "fullyQualifiedName", f->path);
        cJSON_AddStringToObject(ll, "kind", "resource");
        cJSON_AddItemToArray(cJSON_AddArrayToObject(loc, "logicalLocations"), ll);
        return;
    }
    cJSON *pl = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON_AddStringToObject(cJSON_AddObjectToObject(pl, "artifactLocation"), "uri", uri);
    if (!x)
        return;
    cJSON *reg = cJSON_AddObjectToObject(pl, "region");
    unsigned line = x->line ? x->line : 1, col = x->col ? x->col : 1;
    cJSON_AddNumberToObject(reg, "startLine", line);
    cJSON_AddNumberToObject(reg, "startColumn", col);
    cJSON_AddNumberToObject(reg, "endLine", line);
    cJSON_AddNumberToObject(reg, "endColumn", col + 1);
}

/* Position of rule `x` in the registry (a finding's rule is always
 * registered). `last` caches the previous answer: findings of one rule come
 * in runs. */
static size_t registry_pos(const vl_rule *x, size_t *last)
{
    if (*last < vl_registry_count && vl_registry[*last] == x)
        return *last;
    for (size_t k = 0; k < vl_registry_count; k++)
        if (vl_registry[k] == x)
            return *last = k;
    return 0;
}

char *vl_render_sarif(const vpnlint_report *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON *runs = cJSON_AddArrayToObject(root, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);
    cJSON *tool = cJSON_AddObjectToObject(run, "tool");
    cJSON *driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "vpnlint");
    cJSON_AddStringToObject(driver, "version", VPNLINT_VERSION_STRING);
    cJSON_AddStringToObject(driver, "semanticVersion", VPNLINT_VERSION_STRING);
    cJSON_AddStringToObject(driver, "informationUri", "https://github.com/vpnlint/vpnlint");
    /* rules[] holds the rules the results reference, in registry order, as
     * GitHub needs for their help; ruleIndex points into it. Describing every
     * registered rule on each run would make every log ~300 KB. */
    size_t n_reg = vl_registry_count;
    size_t last = 0;
    int *rule_index = malloc(n_reg * sizeof *rule_index);
    if (!rule_index) {
        cJSON_Delete(root);
        return NULL;
    }
    for (size_t k = 0; k < n_reg; k++)
        rule_index[k] = -1;
    for (size_t i = 0; i < r->n_findings; i++)
        rule_index[registry_pos(r->findings[i].rule, &last)] = 0;
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    int next_index = 0;
    for (size_t k = 0; k < n_reg; k++)
        if (rule_index[k] == 0) {
            rule_index[k] = next_index++;
            cJSON_AddItemToArray(rules, rule_descriptor(vl_registry[k]));
        }

    cJSON *inv = cJSON_CreateObject();
    cJSON *invs = cJSON_AddArrayToObject(run, "invocations");
    cJSON_AddItemToArray(invs, inv);
    cJSON *notes = cJSON_CreateArray();
    bool ok = true;

    cJSON *results = cJSON_AddArrayToObject(run, "results");
    for (size_t fi = 0; fi < r->n_files; fi++) {
        const vl_file *f = &r->files[fi];
        char *uri = is_place(f) ? NULL : make_uri(f->path, r->base_dir);
        if (!uri && !is_place(f))
            continue;
        if (f->read_error) {
            ok = false;
            cJSON *n = cJSON_CreateObject();
            cJSON_AddStringToObject(n, "level", "error");
            cJSON_AddItemToObject(n, "message", text_obj(f->read_error_message));
            add_location(cJSON_AddArrayToObject(n, "locations"), f, uri, NULL);
            cJSON_AddItemToArray(notes, n);
        }
        for (size_t i = f->first_finding; i < f->first_finding + f->n_findings; i++) {
            const vl_finding *x = &r->findings[i];
            cJSON *res = cJSON_CreateObject();
            cJSON_AddItemToArray(results, res);
            cJSON_AddStringToObject(res, "ruleId", x->rule->id);
            cJSON_AddNumberToObject(res, "ruleIndex", rule_index[registry_pos(x->rule, &last)]);
            cJSON_AddStringToObject(res, "level", sarif_level(x->severity));
            cJSON_AddItemToObject(res, "message", text_obj(x->message));
            add_location(cJSON_AddArrayToObject(res, "locations"), f, uri, x);
        }
        free(uri);
    }
    cJSON_AddBoolToObject(inv, "executionSuccessful", ok);
    if (cJSON_GetArraySize(notes) > 0)
        cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
    else
        cJSON_Delete(notes);
    cJSON_AddStringToObject(run, "columnKind", "utf16CodeUnits");
    free(rule_index);
    return vl_json_finish(root, true);
}
