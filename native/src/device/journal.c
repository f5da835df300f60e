/* journal.c — the repair journal: what was changed, the value before and
 * after, when, and whether the change completed. A step is written (state
 * "pending") before the change is made and marked "done" after it, so a
 * journal always holds the value to restore, however the process ends. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "device/device.h"

#include <cjson/cJSON.h>
#include <string.h>
#include <time.h>

#define VL_JOURNAL_FORMAT "vpnlint-journal"
#define VL_JOURNAL_VERSION 1
#define VL_JOURNAL_MAX_BYTES (1024u * 1024u)

struct vl_journal {
    cJSON *root;
    cJSON *steps; /* borrowed from root */
};

static const char *const state_names[] = {"pending", "done", "undone"};

static void now_iso(char buf[32])
{
    time_t t = time(NULL);
    struct tm tmv;
#ifdef _WIN32
    struct tm *p = gmtime(&t); /* thread-local buffer in the Windows CRT */
    if (p)
        tmv = *p;
    else
        memset(&tmv, 0, sizeof tmv);
#else
    if (!gmtime_r(&t, &tmv))
        memset(&tmv, 0, sizeof tmv);
#endif
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tmv);
}

static int journal_new(vl_journal **out)
{
    vl_journal *j = vl_calloc(1, sizeof *j);
    char when[32];
    now_iso(when);
    if (!j || !(j->root = cJSON_CreateObject()) ||
        !cJSON_AddStringToObject(j->root, "format", VL_JOURNAL_FORMAT) ||
        !cJSON_AddNumberToObject(j->root, "version", VL_JOURNAL_VERSION) ||
        !cJSON_AddStringToObject(j->root, "tool", "vpnlint " VPNLINT_VERSION_STRING) ||
        !cJSON_AddStringToObject(j->root, "created", when) ||
        !(j->steps = cJSON_AddArrayToObject(j->root, "steps"))) {
        vl_journal_free(j);
        return vl_error_oom();
    }
    *out = j;
    return VPNLINT_OK;
}

static bool valid_step(const cJSON *s)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(s, "state");
    if (!cJSON_IsObject(s) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(s, "what")) ||
        !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(s, "target")) || !cJSON_IsString(st))
        return false;
    bool known = false;
    for (size_t i = 0; i < VL_ARRAY_LEN(state_names); i++)
        known = known || strcmp(st->valuestring, state_names[i]) == 0;
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(s, "before");
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(s, "after");
    return known && (cJSON_IsNumber(b) || cJSON_IsNull(b)) &&
           (cJSON_IsNumber(a) || cJSON_IsNull(a));
}

int vl_journal_load(vl_journal **out, const char *path, bool *existed)
{
    *out = NULL;
    if (existed)
        *existed = false;
    char *data = NULL;
    size_t len = 0;
    uint64_t size = 0;
    int rc = vl_read_file(path, VL_JOURNAL_MAX_BYTES, &data, &len, &size);
    if (rc == VPNLINT_ENOTFOUND) {
        vpnlint_error_clear();
        return journal_new(out);
    }
    if (rc != VPNLINT_OK)
        return rc;
    if (existed)
        *existed = true;
    cJSON *root = cJSON_ParseWithLength(data, len);
    vpnlint_free(data);
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
    cJSON *steps = cJSON_GetObjectItemCaseSensitive(root, "steps");
    if (!root || !cJSON_IsString(fmt) || strcmp(fmt->valuestring, VL_JOURNAL_FORMAT) != 0 ||
        !cJSON_IsArray(steps)) {
        cJSON_Delete(root);
        return vl_error_set(VPNLINT_EPARSE,
                            "'%s' is not a vpnlint journal (expected JSON with \"format\": \"%s\" "
                            "and a \"steps\" array); name a journal that vpnlint wrote",
                            path, VL_JOURNAL_FORMAT);
    }
    if (!cJSON_IsNumber(ver) || ver->valueint != VL_JOURNAL_VERSION) {
        cJSON_Delete(root);
        return vl_error_set(VPNLINT_EUNSUPPORTED,
                            "'%s' is a journal of another format version; use the vpnlint "
                            "version that wrote it",
                            path);
    }
    int index = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, steps)
    {
        if (!valid_step(s)) {
            cJSON_Delete(root);
            return vl_error_set(VPNLINT_EPARSE,
                                "'%s': step %d is incomplete (needs what, target, before, after "
                                "and state); the journal was edited or damaged",
                                path, index + 1);
        }
        index++;
    }
    vl_journal *j = vl_calloc(1, sizeof *j);
    if (!j) {
        cJSON_Delete(root);
        return vl_error_oom();
    }
    j->root = root;
    j->steps = steps;
    *out = j;
    return VPNLINT_OK;
}

void vl_journal_free(vl_journal *j)
{
    if (!j)
        return;
    cJSON_Delete(j->root);
    vpnlint_free(j);
}

size_t vl_journal_count(const vl_journal *j)
{
    return (size_t)cJSON_GetArraySize(j->steps);
}

static long long num_or_absent(const cJSON *v)
{
    return cJSON_IsNumber(v) ? (long long)v->valuedouble : -1;
}

int vl_journal_step(const vl_journal *j, size_t index, vl_step *out)
{
    const cJSON *s = cJSON_GetArrayItem(j->steps, (int)index);
    if (!s)
        return vl_error_set(VPNLINT_ENOTFOUND, "journal has no step %zu", index + 1);
    memset(out, 0, sizeof *out);
    out->what = cJSON_GetObjectItemCaseSensitive(s, "what")->valuestring;
    out->target = cJSON_GetObjectItemCaseSensitive(s, "target")->valuestring;
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(s, "name");
    out->name = cJSON_IsString(name) ? name->valuestring : NULL;
    out->before = num_or_absent(cJSON_GetObjectItemCaseSensitive(s, "before"));
    out->after = num_or_absent(cJSON_GetObjectItemCaseSensitive(s, "after"));
    out->reboot_required = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(s, "reboot_required"));
    const char *st = cJSON_GetObjectItemCaseSensitive(s, "state")->valuestring;
    for (size_t i = 0; i < VL_ARRAY_LEN(state_names); i++)
        if (strcmp(st, state_names[i]) == 0)
            out->state = (int)i;
    return VPNLINT_OK;
}

static cJSON *num_or_null(long long v)
{
    return v < 0 ? cJSON_CreateNull() : cJSON_CreateNumber((double)v);
}

int vl_journal_add(vl_journal *j, const vl_step *step, size_t *index)
{
    char when[32];
    now_iso(when);
    cJSON *s = cJSON_CreateObject();
    if (!s || !cJSON_AddStringToObject(s, "what", step->what) ||
        !cJSON_AddStringToObject(s, "target", step->target) ||
        (step->name && !cJSON_AddStringToObject(s, "name", step->name)) ||
        !cJSON_AddItemToObject(s, "before", num_or_null(step->before)) ||
        !cJSON_AddItemToObject(s, "after", num_or_null(step->after)) ||
        !cJSON_AddStringToObject(s, "when", when) ||
        !cJSON_AddStringToObject(s, "state", state_names[VL_STEP_PENDING]) ||
        !cJSON_AddBoolToObject(s, "reboot_required", step->reboot_required)) {
        cJSON_Delete(s);
        return vl_error_oom();
    }
    if (!cJSON_AddItemToArray(j->steps, s)) {
        cJSON_Delete(s);
        return vl_error_oom();
    }
    if (index)
        *index = vl_journal_count(j) - 1;
    return VPNLINT_OK;
}

int vl_journal_set_state(vl_journal *j, size_t index, int state)
{
    cJSON *s = cJSON_GetArrayItem(j->steps, (int)index);
    if (!s || state < 0 || (size_t)state >= VL_ARRAY_LEN(state_names))
        return vl_error_set(VPNLINT_EINVALID, "no journal step %zu or bad state", index + 1);
    char when[32];
    now_iso(when);
    cJSON *st = cJSON_CreateString(state_names[state]);
    cJSON *w = cJSON_CreateString(when);
    if (!st || !w) {
        cJSON_Delete(st);
        cJSON_Delete(w);
        return vl_error_oom();
    }
    cJSON_ReplaceItemInObjectCaseSensitive(s, "state", st);
    cJSON_DeleteItemFromObjectCaseSensitive(s, "updated");
    cJSON_AddItemToObject(s, "updated", w);
    return VPNLINT_OK;
}

int vl_journal_save(const vl_journal *j, const char *path)
{
    char *text = cJSON_Print(j->root);
    if (!text)
        return vl_error_oom();
    size_t n = strlen(text);
    char *with_nl = vl_malloc(n + 2);
    if (!with_nl) {
        cJSON_free(text);
        return vl_error_oom();
    }
    memcpy(with_nl, text, n);
    with_nl[n] = '\n';
    with_nl[n + 1] = 0;
    cJSON_free(text);
    int rc = vl_dev_write_atomic(path, with_nl, n + 1);
    vpnlint_free(with_nl);
    return rc;
}
