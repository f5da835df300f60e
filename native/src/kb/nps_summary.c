/* nps_summary.c — per-user and per-policy summary of NPS records.
 * Memory grows with the number of distinct users and policies, never with
 * the number of records; each value set keeps at most SET_MAX values. */
#include "kb/kb.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SET_MAX 8
#define REASON_MAX 16

typedef struct nps_strset {
    char *v[SET_MAX];
    size_t n;
    unsigned long more; /* distinct values not kept */
} nps_strset;

typedef struct reasoncount {
    int code;
    unsigned long n;
} reasoncount;

typedef struct group {
    char *key;
    unsigned long accepts, rejects, requests;
    reasoncount reasons[REASON_MAX];
    size_t nreasons;
    unsigned long other_reasons;
    nps_strset auth, eap, servers, clients,
        related; /* related: policies of a user, users of a policy */
    char first[20], last[20];
} group;

typedef struct gmap {
    group *g;
    size_t n, cap;
    vl_hash_index ix;
} gmap;

struct vpnlint_nps_summary {
    gmap users, policies;
    unsigned long records, skipped;
};

static uint64_t group_hash_at(const vl_hash_index *ix, const void *items, size_t i)
{
    return vl_hash_str(ix, 0, ((const group *)items)[i].key);
}

static group *gmap_get(gmap *m, const char *key)
{
    if (vl_hash_reserve(&m->ix, m->n, group_hash_at, m->g) != VPNLINT_OK)
        return NULL;
    size_t j = vl_hash_slot0(&m->ix, vl_hash_str(&m->ix, 0, key));
    for (; m->ix.slot[j]; j = vl_hash_next(&m->ix, j)) {
        group *g = &m->g[m->ix.slot[j] - 1];
        if (strcmp(g->key, key) == 0)
            return g;
    }
    group *grown = vl_grow(m->g, m->n, &m->cap, sizeof *grown, 32);
    if (!grown)
        return NULL;
    m->g = grown;
    group *g = &m->g[m->n];
    memset(g, 0, sizeof *g);
    g->key = vl_strdup(key);
    if (!g->key)
        return NULL;
    m->ix.slot[j] = ++m->n;
    return g;
}

static void set_free(nps_strset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
}

static void gmap_free(gmap *m)
{
    for (size_t i = 0; i < m->n; i++) {
        group *g = &m->g[i];
        free(g->key);
        set_free(&g->auth);
        set_free(&g->eap);
        set_free(&g->servers);
        set_free(&g->clients);
        set_free(&g->related);
    }
    free(m->g);
    vl_hash_free(&m->ix);
}

static void set_add(nps_strset *s, const char *v)
{
    if (!v || !*v)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], v) == 0)
            return;
    if (s->n < SET_MAX) {
        char *d = vl_strdup(v);
        if (d)
            s->v[s->n++] = d;
    } else if (s->more < 1000000) {
        s->more++; /* an upper bound: repeated unseen values count again */
    }
}

VPNLINT_EXTERN(int) vpnlint_nps_summary_new(vpnlint_nps_summary **out)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_summary_new: out is NULL");
    *out = vl_calloc(1, sizeof **out);
    return *out ? VPNLINT_OK : vl_error_oom();
}

VPNLINT_EXTERN(void) vpnlint_nps_summary_free(vpnlint_nps_summary *s)
{
    if (!s)
        return;
    gmap_free(&s->users);
    gmap_free(&s->policies);
    free(s);
}

VPNLINT_EXTERN(void) vpnlint_nps_summary_add_skipped(vpnlint_nps_summary *s)
{
    if (s)
        s->skipped++;
}

static void add_to(group *g, const vpnlint_nps_record *r, const char *related)
{
    if (r->packet_type == 2)
        g->accepts++;
    else if (r->packet_type == 3)
        g->rejects++;
    else if (r->packet_type == 1)
        g->requests++;
    if (r->packet_type == 3 && r->reason_code >= 0) {
        size_t i;
        for (i = 0; i < g->nreasons; i++)
            if (g->reasons[i].code == r->reason_code)
                break;
        if (i < g->nreasons)
            g->reasons[i].n++;
        else if (g->nreasons < REASON_MAX)
            g->reasons[g->nreasons++] = (reasoncount){r->reason_code, 1};
        else
            g->other_reasons++;
    }
    if (r->auth_type_name && *r->auth_type_name)
        set_add(&g->auth, r->auth_type_name);
    set_add(&g->eap, r->eap_type);
    if (r->client_ip && *r->client_ip) {
        char buf[300];
        if (r->client_name && *r->client_name)
            snprintf(buf, sizeof buf, "%s (%s)", r->client_ip, r->client_name);
        else
            snprintf(buf, sizeof buf, "%s", r->client_ip);
        set_add(&g->servers, buf);
    }
    set_add(&g->clients, r->calling_station);
    set_add(&g->clients, r->tunnel_client);
    set_add(&g->related, related);
    if (r->timestamp && *r->timestamp) {
        if (!g->first[0] || strcmp(r->timestamp, g->first) < 0)
            snprintf(g->first, sizeof g->first, "%s", r->timestamp);
        if (strcmp(r->timestamp, g->last) > 0)
            snprintf(g->last, sizeof g->last, "%s", r->timestamp);
    }
}

static const char *user_key(const vpnlint_nps_record *r)
{
    if (r->fq_user_name && *r->fq_user_name)
        return r->fq_user_name;
    if (r->user_name && *r->user_name)
        return r->user_name;
    return "(no user name)";
}

VPNLINT_EXTERN(int) vpnlint_nps_summary_add(vpnlint_nps_summary *s, const vpnlint_nps_record *r)
{
    if (!s || !r)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_summary_add: NULL argument");
    s->records++;
    /* accounting records say nothing about access decisions */
    if (r->packet_type != 1 && r->packet_type != 2 && r->packet_type != 3)
        return VPNLINT_OK;
    const char *user = user_key(r);
    const char *policy = (r->policy && *r->policy) ? r->policy : NULL;
    group *u = gmap_get(&s->users, user);
    if (!u)
        return vl_error_oom();
    add_to(u, r, policy);
    if (r->packet_type != 1) {
        group *p = gmap_get(&s->policies, policy ? policy : "(no network policy matched)");
        if (!p)
            return vl_error_oom();
        add_to(p, r, user);
    }
    return VPNLINT_OK;
}

static int cmp_group(const void *a, const void *b)
{
    const group *x = *(const group *const *)a, *y = *(const group *const *)b;
    /* most rejects first, then by name */
    if (x->rejects != y->rejects)
        return x->rejects < y->rejects ? 1 : -1;
    return vl_strcasecmp(x->key, y->key);
}

static group **sorted(const gmap *m)
{
    group **v = vl_calloc(m->n + 1, sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < m->n; i++)
        v[i] = &m->g[i];
    qsort(v, m->n, sizeof *v, cmp_group);
    return v;
}

static void put_set(vl_buf *b, const char *label, const nps_strset *s)
{
    if (s->n == 0)
        return;
    vl_buf_printf(b, "    %s: ", label);
    for (size_t i = 0; i < s->n; i++)
        vl_buf_printf(b, "%s%s", i ? ", " : "", s->v[i]);
    if (s->more)
        vl_buf_printf(b, " (+%lu more)", s->more);
    vl_buf_putc(b, '\n');
}

static void text_groups(vl_buf *b, const char *title, const gmap *m, const char *related_label)
{
    vl_buf_printf(b, "\n%s (%zu)\n", title, m->n);
    group **v = sorted(m);
    if (!v)
        return;
    for (size_t i = 0; i < m->n; i++) {
        const group *g = v[i];
        vl_buf_printf(b, "  %s: %lu accepted, %lu rejected", g->key, g->accepts, g->rejects);
        if (g->requests)
            vl_buf_printf(b, " (%lu requests)", g->requests);
        vl_buf_putc(b, '\n');
        for (size_t k = 0; k < g->nreasons; k++) {
            const char *name = vl_nps_reason_name(g->reasons[k].code);
            const char *text = vl_nps_reason_text(g->reasons[k].code);
            vl_buf_printf(b, "    rejected %lux: reason %d%s%s: %s\n", g->reasons[k].n,
                          g->reasons[k].code, name ? " " : "", name ? name : "",
                          text ? text : "(unknown reason code)");
        }
        if (g->other_reasons)
            vl_buf_printf(b, "    rejected %lux for other reasons\n", g->other_reasons);
        put_set(b, "authentication", &g->auth);
        put_set(b, "EAP type", &g->eap);
        put_set(b, related_label, &g->related);
        put_set(b, "VPN server (RADIUS client)", &g->servers);
        put_set(b, "client address", &g->clients);
        if (g->first[0])
            vl_buf_printf(b, "    seen: %s .. %s\n", g->first, g->last);
    }
    free(v);
}

static cJSON *json_set(const nps_strset *s)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < s->n; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(s->v[i]));
    return a;
}

static cJSON *json_groups(const gmap *m, const char *key_name, const char *related_name)
{
    cJSON *arr = cJSON_CreateArray();
    group **v = sorted(m);
    if (!arr || !v) {
        free(v);
        return arr;
    }
    for (size_t i = 0; i < m->n; i++) {
        const group *g = v[i];
        cJSON *o = cJSON_CreateObject();
        if (!o)
            break;
        cJSON_AddStringToObject(o, key_name, g->key);
        cJSON_AddNumberToObject(o, "accepts", (double)g->accepts);
        cJSON_AddNumberToObject(o, "rejects", (double)g->rejects);
        cJSON_AddNumberToObject(o, "requests", (double)g->requests);
        cJSON *rs = cJSON_AddArrayToObject(o, "reject_reasons");
        for (size_t k = 0; rs && k < g->nreasons; k++) {
            cJSON *ro = cJSON_CreateObject();
            if (!ro)
                break;
            const char *name = vl_nps_reason_name(g->reasons[k].code);
            const char *text = vl_nps_reason_text(g->reasons[k].code);
            cJSON_AddNumberToObject(ro, "reason_code", g->reasons[k].code);
            if (name)
                cJSON_AddStringToObject(ro, "name", name);
            else
                cJSON_AddNullToObject(ro, "name");
            cJSON_AddStringToObject(ro, "text", text ? text : "");
            cJSON_AddNumberToObject(ro, "count", (double)g->reasons[k].n);
            cJSON_AddItemToArray(rs, ro);
        }
        cJSON_AddItemToObject(o, "auth_types", json_set(&g->auth));
        cJSON_AddItemToObject(o, "eap_types", json_set(&g->eap));
        cJSON_AddItemToObject(o, related_name, json_set(&g->related));
        cJSON_AddItemToObject(o, "radius_clients", json_set(&g->servers));
        cJSON_AddItemToObject(o, "client_addresses", json_set(&g->clients));
        cJSON_AddStringToObject(o, "first", g->first);
        cJSON_AddStringToObject(o, "last", g->last);
        cJSON_AddItemToArray(arr, o);
    }
    free(v);
    return arr;
}

VPNLINT_EXTERN(int) vpnlint_nps_summary_render(char **out, const vpnlint_nps_summary *s, int format)
{
    if (!out || !s)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_summary_render: NULL argument");
    *out = NULL;
    if (format == VPNLINT_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        if (!root)
            return vl_error_oom();
        cJSON_AddNumberToObject(root, "records", (double)s->records);
        cJSON_AddNumberToObject(root, "skipped", (double)s->skipped);
        cJSON_AddItemToObject(root, "users", json_groups(&s->users, "user", "policies"));
        cJSON_AddItemToObject(root, "policies", json_groups(&s->policies, "policy", "users"));
        char *j = cJSON_Print(root);
        cJSON_Delete(root);
        if (!j)
            return vl_error_oom();
        *out = vl_sprintf("%s\n", j);
        cJSON_free(j);
        return *out ? VPNLINT_OK : vl_error_oom();
    }
    if (format != VPNLINT_FORMAT_TEXT)
        return vl_error_set(VPNLINT_EINVALID, "nps renders text or json only");
    vl_buf b = VL_BUF_INIT;
    vl_buf_printf(&b, "NPS accounting: %lu records", s->records);
    if (s->skipped)
        vl_buf_printf(&b, ", %lu malformed records skipped", s->skipped);
    vl_buf_putc(&b, '\n');
    text_groups(&b, "Users", &s->users, "network policy");
    text_groups(&b, "Network policies", &s->policies, "users");
    if (!vl_buf_ok(&b)) {
        vl_buf_free(&b);
        return vl_error_oom();
    }
    *out = vl_buf_detach(&b);
    return VPNLINT_OK;
}
