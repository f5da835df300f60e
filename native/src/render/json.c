/* json.c — the report and the rule catalogue as JSON (cJSON). */
#include "render.h"

char *vl_render_json(const vpnlint_report *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "tool", "vpnlint");
    cJSON_AddStringToObject(root, "version", VPNLINT_VERSION_STRING);
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    size_t counts[3] = {0, 0, 0};
    for (size_t fi = 0; fi < r->n_files; fi++) {
        const vl_file *f = &r->files[fi];
        cJSON *jf = cJSON_CreateObject();
        cJSON_AddItemToArray(files, jf);
        cJSON_AddStringToObject(jf, "path", f->path);
        cJSON_AddStringToObject(jf, "kind", vl_kind_name(f->kind));
        cJSON_AddStringToObject(jf, "encoding", f->encoding);
        cJSON_AddStringToObject(jf, "envelope", f->envelope);
        if (f->read_error)
            cJSON_AddStringToObject(jf, "error", f->read_error_message);
        cJSON *jfind = cJSON_AddArrayToObject(jf, "findings");
        for (size_t i = f->first_finding; i < f->first_finding + f->n_findings; i++) {
            const vl_finding *x = &r->findings[i];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(jfind, o);
            cJSON_AddStringToObject(o, "rule", x->rule->id);
            cJSON_AddStringToObject(o, "name", x->rule->name);
            cJSON_AddStringToObject(o, "severity", vl_severity_name(x->severity));
            cJSON_AddStringToObject(o, "message", x->message);
            cJSON_AddNumberToObject(o, "line", x->line);
            cJSON_AddNumberToObject(o, "column", x->col);
            cJSON_AddStringToObject(o, "help", x->rule->fix ? x->rule->fix : "");
            if (x->severity >= 0 && x->severity <= 2)
                counts[x->severity]++;
        }
    }
    cJSON *sum = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(sum, "files", (double)r->n_files);
    cJSON_AddNumberToObject(sum, "errors", (double)counts[2]);
    cJSON_AddNumberToObject(sum, "warnings", (double)counts[1]);
    cJSON_AddNumberToObject(sum, "info", (double)counts[0]);
    return vl_json_finish(root, true);
}

char *vl_render_rules_json(void)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *x = vl_registry[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "id", x->id);
        cJSON_AddStringToObject(o, "name", x->name);
        cJSON_AddStringToObject(o, "kind", vl_kind_name(x->kind));
        cJSON_AddStringToObject(o, "severity", vl_severity_name(x->severity));
        cJSON_AddStringToObject(o, "summary", x->summary);
        cJSON_AddStringToObject(o, "description", x->description);
        cJSON_AddStringToObject(o, "help", x->fix);
        cJSON_AddStringToObject(o, "since", x->since);
        cJSON_AddBoolToObject(o, "optIn", (x->flags & VL_RULE_OPT_IN) != 0);
    }
    return vl_json_finish(arr, true);
}
