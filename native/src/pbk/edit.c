/* edit.c — in-memory set/unset on a phonebook's bytes (see edit.h).
 *
 * An edit never rewrites the file from the tree: it copies every original
 * line byte for byte and only replaces, inserts or deletes the target
 * lines. New keys go to their canonical position (model.c's order tables);
 * hex blobs are written in lines of 128 hex characters like Windows does.
 */
#include "pbk/edit.h"

#include <string.h>

#define VL_PBK_WRAP 128

void vl_pbk_edit_result_free(vl_pbk_edit_result *r)
{
    if (!r)
        return;
    vpnlint_free(r->bytes);
    vpnlint_free(r->origin);
    r->bytes = NULL;
    r->origin = NULL;
    r->len = r->n_origin = 0;
}

void vl_pbk_escape_name(vl_buf *b, const char *name, size_t len)
{
    const unsigned char *s = (const unsigned char *)name;
    bool utf8 = vl_utf8_valid(name, len);
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x20 || s[i] == 0x7F || (s[i] >= 0x80 && !utf8) || s[i] == '\\')
            vl_buf_printf(b, s[i] == '\\' ? "\\\\" : "\\x%02X", s[i]);
        else
            vl_buf_putc(b, (char)s[i]);
    }
}

static bool name_matches_escaped(const vl_pbk_entry *e, const char *name)
{
    vl_buf b = VL_BUF_INIT;
    vl_pbk_escape_name(&b, e->name, e->name_len);
    bool eq =
        vl_buf_ok(&b) && b.len == strlen(name) && memcmp(b.data ? b.data : "", name, b.len) == 0;
    vl_buf_free(&b);
    return eq;
}

static bool ascii_case_eq(const char *a, size_t an, const char *b, size_t bn)
{
    if (an != bn)
        return false;
    for (size_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

int vl_pbk_resolve_entry(const vl_pbk *p, const char *name, size_t *index)
{
    if (!name)
        return vl_error_set(VPNLINT_EINVALID, "no entry name given");
    size_t nlen = strlen(name), first = 0;
    size_t n = vl_pbk_entries_named(p, name, nlen, &first);
    bool escaped = false;
    if (n == 0) {
        for (size_t i = 0; i < p->n_entries; i++) {
            if (name_matches_escaped(&p->entries[i], name)) {
                if (n++ == 0)
                    first = i;
            }
        }
        escaped = n > 0;
    }
    if (n == 0) {
        size_t ci = 0, at = 0;
        for (size_t i = 0; i < p->n_entries; i++)
            if (ascii_case_eq(p->entries[i].name, p->entries[i].name_len, name, nlen) && ci++ == 0)
                at = i;
        if (ci)
            return vl_error_set(VPNLINT_ENOTFOUND,
                                "no entry named [%s]; the entry at line %u differs only in case: "
                                "give its exact name",
                                name, p->entries[at].line);
        return vl_error_set(VPNLINT_ENOTFOUND,
                            "no entry named [%s] in the phonebook; `vpnlint pbk list` shows "
                            "the names",
                            name);
    }
    if (n > 1) {
        unsigned second = 0;
        for (size_t i = first + 1; i < p->n_entries; i++) {
            const vl_pbk_entry *e = &p->entries[i];
            if ((!escaped && e->name_len == nlen && memcmp(e->name, name, nlen) == 0) ||
                (escaped && name_matches_escaped(e, name))) {
                second = e->line;
                break;
            }
        }
        return vl_error_set(VPNLINT_EAMBIGUOUS,
                            "entry name [%s] is ambiguous: %zu sections have it (lines %u and "
                            "%u); Windows uses one of them and ignores the rest. Rename or "
                            "remove the duplicate first; nothing was changed",
                            name, n, p->entries[first].line, second);
    }
    /* Names that differ only in ASCII case are the same entry to Windows. */
    const vl_pbk_entry *e = &p->entries[first];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *o = &p->entries[i];
        if (i != first && ascii_case_eq(o->name, o->name_len, e->name, e->name_len))
            return vl_error_set(VPNLINT_EAMBIGUOUS,
                                "entry name [%s] is ambiguous: the entry at line %u has the same "
                                "name in another letter case, and Windows compares names "
                                "without case; nothing was changed",
                                name, o->line);
    }
    *index = first;
    return 0;
}

static const char *scope_word(int scope)
{
    switch (scope) {
    case VL_PBK_SCOPE_ENTRY:
        return "entry-level";
    case VL_PBK_SCOPE_NETCOMPONENTS:
        return "NETCOMPONENTS";
    case VL_PBK_SCOPE_MEDIA:
        return "MEDIA";
    case VL_PBK_SCOPE_DEVICE:
        return "DEVICE";
    default:
        return "PhoneNumber-group";
    }
}

static bool matches_addr(const vl_pbk *p, const vl_pbk_kv *kv, const vl_pbk_addr *at)
{
    if (at->media < 0 && at->device < 0 && at->phone < 0)
        return true;
    int m, d, g;
    vl_pbk_kv_place(p, kv, &m, &d, &g);
    return (at->media < 0 || m == at->media) && (at->device < 0 || d == at->device) &&
           (at->phone < 0 || g == at->phone);
}

static bool same_scope(const vl_pbk *p, const vl_pbk_kv *a, const vl_pbk_kv *b)
{
    int am, ad, ag, bm, bd, bg;
    vl_pbk_kv_place(p, a, &am, &ad, &ag);
    vl_pbk_kv_place(p, b, &bm, &bd, &bg);
    return a->scope == b->scope && am == bm && ad == bd && ag == bg;
}

/* The plan of an edit in line indexes of the old file. */
typedef struct plan {
    size_t rs, re;  /* replace/delete old lines [rs, re) (rs == re: none) */
    long ins_after; /* insert the new lines after this old line; -1 = none */
    const char *key;
    char *value; /* normalised value, NULL for a delete */
    bool blob;
    size_t *del; /* extra old lines to delete (duplicates on unset) */
    size_t n_del;
} plan;

static int validate_key(const char *key)
{
    size_t n = key ? strlen(key) : 0;
    if (n == 0)
        return vl_error_set(VPNLINT_EINVALID, "no key given");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c == '=' || c == '\r' || c == '\n' || c < 0x20 || c == 0x7F)
            return vl_error_set(VPNLINT_EINVALID,
                                "key \"%s\" contains '=' or a control character; give the key "
                                "name only (e.g. VpnStrategy)",
                                key);
    }
    if (key[0] == ' ' || key[0] == '\t' || key[n - 1] == ' ' || key[n - 1] == '\t' || key[0] == '[')
        return vl_error_set(VPNLINT_EINVALID,
                            "key \"%s\" starts or ends with a space or starts with '['", key);
    if (!strcmp(key, "MEDIA") || !strcmp(key, "DEVICE") || !strcmp(key, "NETCOMPONENTS"))
        return vl_error_set(VPNLINT_EINVALID,
                            "%s= starts a subsection; adding or removing links and devices is "
                            "not supported by the editor",
                            key);
    return 0;
}

static int normalise_value(const char *key, const char *value, char **out)
{
    size_t n = strlen(value);
    for (size_t i = 0; i < n; i++)
        if (value[i] == '\r' || value[i] == '\n')
            return vl_error_set(VPNLINT_EINVALID,
                                "the value for %s contains a line break; phonebook values are "
                                "one line",
                                key);
    char *v = vl_strndup(value, n);
    if (!v)
        return vl_error_oom();
    if (vl_pbk_is_blob_key(key)) {
        size_t bad;
        if (!vl_pbk_hex_valid(v, n, &bad)) {
            vpnlint_free(v);
            if (bad == n)
                return vl_error_set(VPNLINT_EINVALID,
                                    "%s is a hex blob and needs an even number of hex digits "
                                    "(got %zu)",
                                    key, n);
            return vl_error_set(VPNLINT_EINVALID,
                                "%s is a hex blob: character %zu of the value is not a hex "
                                "digit",
                                key, bad + 1);
        }
        for (size_t i = 0; i < n; i++)
            if (v[i] >= 'a' && v[i] <= 'f')
                v[i] = (char)(v[i] - 32);
    }
    *out = v;
    return 0;
}

/* Last physical line index of a kv. */
static size_t kv_last_line(const vl_pbk *p, const vl_pbk_kv *kv)
{
    return (size_t)kv->line - 1 + vl_pbk_kv_n_lines(p, kv) - 1;
}

/* Index of the line after which a new `key` goes in a scope's keys. */
static size_t insert_point(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, int scope,
                           const char *key, size_t fallback_line)
{
    int r = vl_pbk_key_rank(scope, key);
    const vl_pbk_kv *after = NULL;
    if (r >= 0) {
        for (size_t i = 0; i < n; i++) {
            int kr = vl_pbk_key_rank(scope, vl_pbk_kv_key(p, &keys[i]));
            if (kr >= 0 && kr < r)
                after = &keys[i];
        }
    } else if (n) {
        after = &keys[n - 1];
    }
    return after ? kv_last_line(p, after) : fallback_line;
}

static int pick_index(int given, size_t count, const char *what, const char *opt, const char *ename,
                      int *out)
{
    if (given >= 0) {
        if ((size_t)given >= count)
            return vl_error_set(VPNLINT_ENOTFOUND,
                                "[%s] has %zu %s section%s; %s %d does not exist (counted from 1)",
                                ename, count, what, count == 1 ? "" : "s", opt, given + 1);
        *out = given;
        return 0;
    }
    if (count == 0)
        return vl_error_set(VPNLINT_ENOTFOUND, "[%s] has no %s section", ename, what);
    if (count > 1)
        return vl_error_set(VPNLINT_EAMBIGUOUS,
                            "[%s] has %zu %s sections; choose one with %s N (counted from 1)",
                            ename, count, what, opt);
    *out = 0;
    return 0;
}

/* Finds where a new key goes; sets pl->ins_after. */
static int plan_insert(plan *pl, const vl_pbk *p, const vl_pbk_entry *e, const vl_pbk_addr *at,
                       const char *key)
{
    int home = vl_pbk_key_home_scope(key);
    bool known = home != VL_PBK_SCOPE_ENTRY || vl_pbk_key_rank(VL_PBK_SCOPE_ENTRY, key) >= 0;
    int scope = home;
    if (!known) {
        scope = at->phone >= 0    ? VL_PBK_SCOPE_PHONE
                : at->device >= 0 ? VL_PBK_SCOPE_DEVICE
                : at->media >= 0  ? VL_PBK_SCOPE_MEDIA
                                  : VL_PBK_SCOPE_ENTRY;
    } else if ((home == VL_PBK_SCOPE_ENTRY || home == VL_PBK_SCOPE_NETCOMPONENTS) &&
               (at->media >= 0 || at->device >= 0 || at->phone >= 0)) {
        return vl_error_set(VPNLINT_EINVALID,
                            "%s is an %s key; it does not belong to a MEDIA, DEVICE or "
                            "PhoneNumber group: drop --media/--device/--phone",
                            key, scope_word(home));
    } else if (home == VL_PBK_SCOPE_MEDIA && (at->device >= 0 || at->phone >= 0)) {
        return vl_error_set(VPNLINT_EINVALID, "%s is a MEDIA key: drop --device/--phone", key);
    } else if (home == VL_PBK_SCOPE_DEVICE && at->phone >= 0) {
        return vl_error_set(VPNLINT_EINVALID, "%s is a DEVICE key: drop --phone", key);
    }
    (void)p;
    const char *en = e->name;
    int rc, mi = 0, di = 0, gi = 0;
    switch (scope) {
    case VL_PBK_SCOPE_ENTRY:
        pl->ins_after = (long)insert_point(p, e->keys, e->n_keys, scope, key, e->line_index);
        return 0;
    case VL_PBK_SCOPE_NETCOMPONENTS:
        if ((rc = pick_index(-1, e->n_netcomponents, "NETCOMPONENTS", "(none)", en, &mi)))
            return rc;
        pl->ins_after =
            (long)insert_point(p, e->netcomponents[mi].keys, e->netcomponents[mi].n_keys, scope,
                               key, e->netcomponents[mi].keys[0].line - 1);
        return 0;
    default:
        break;
    }
    if ((rc = pick_index(at->media, e->n_media, "MEDIA", "--media", en, &mi)))
        return rc;
    const vl_pbk_media *m = &e->media[mi];
    if (scope == VL_PBK_SCOPE_MEDIA) {
        if (m->implicit)
            return vl_error_set(VPNLINT_EINVALID,
                                "MEDIA %d of [%s] has no MEDIA= line (its DEVICE= stands alone); "
                                "fix the file's structure first",
                                mi + 1, en);
        pl->ins_after = (long)insert_point(p, m->keys, m->n_keys, scope, key, m->keys[0].line - 1);
        return 0;
    }
    if ((rc = pick_index(at->device, m->n_devices, "DEVICE", "--device", en, &di)))
        return rc;
    const vl_pbk_device *d = &m->devices[di];
    if (scope == VL_PBK_SCOPE_DEVICE ||
        (scope == VL_PBK_SCOPE_PHONE && !strcmp(key, "PhoneNumber") && d->n_phones == 0)) {
        if (known) {
            pl->ins_after = (long)insert_point(p, d->keys, d->n_keys, VL_PBK_SCOPE_DEVICE, key,
                                               d->keys[0].line - 1);
        } else {
            /* unknown device key: after the last device-level key */
            const vl_pbk_kv *last = &d->keys[0];
            for (size_t i = 0; i < d->n_keys; i++)
                last = &d->keys[i];
            pl->ins_after = (long)kv_last_line(p, last);
        }
        return 0;
    }
    if (d->n_phones == 0)
        return vl_error_set(VPNLINT_ENOTFOUND,
                            "DEVICE %d of [%s] has no PhoneNumber group; set PhoneNumber first",
                            di + 1, en);
    if ((rc = pick_index(at->phone, d->n_phones, "PhoneNumber", "--phone", en, &gi)))
        return rc;
    const vl_pbk_group *g = &d->phones[gi];
    pl->ins_after = (long)insert_point(p, g->keys, g->n_keys, known ? VL_PBK_SCOPE_DEVICE : -1, key,
                                       g->keys[0].line - 1);
    if (!known)
        pl->ins_after = (long)kv_last_line(p, &g->keys[g->n_keys - 1]);
    return 0;
}

static const char *eol_bytes(int eol, size_t *n)
{
    switch (eol) {
    case VL_PBK_EOL_CRLF:
        *n = 2;
        return "\r\n";
    case VL_PBK_EOL_LF:
        *n = 1;
        return "\n";
    case VL_PBK_EOL_CR:
        *n = 1;
        return "\r";
    default:
        *n = 0;
        return "";
    }
}

/* Emits the new key's line(s) with line ending `inner` between lines and
 * `last` after the final one. Returns the number of lines. */
static size_t emit_kv(vl_buf *b, const plan *pl, int inner, int last)
{
    size_t n_in, n_last;
    const char *s_in = eol_bytes(inner, &n_in), *s_last = eol_bytes(last, &n_last);
    size_t klen = strlen(pl->key), vlen = strlen(pl->value);
    size_t chunk = pl->blob ? VL_PBK_WRAP : (vlen ? vlen : 1);
    size_t lines = 0, off = 0;
    do {
        size_t take = vlen - off < chunk ? vlen - off : chunk;
        vl_buf_put(b, pl->key, klen);
        vl_buf_putc(b, '=');
        vl_buf_put(b, pl->value + off, take);
        off += take;
        lines++;
        if (off < vlen)
            vl_buf_put(b, s_in, n_in);
        else
            vl_buf_put(b, s_last, n_last);
    } while (off < vlen);
    return lines;
}

static int dominant_eol(const vl_pbk *p)
{
    if (p->n_eol_lf > p->n_eol_crlf)
        return VL_PBK_EOL_LF;
    return VL_PBK_EOL_CRLF;
}

static bool is_deleted(const plan *pl, size_t li)
{
    if (li >= pl->rs && li < pl->re)
        return true;
    for (size_t i = 0; i < pl->n_del; i++)
        if (pl->del[i] == li)
            return true;
    return false;
}

static int render(vl_pbk_edit_result *out, const vl_pbk *p, const plan *pl)
{
    vl_buf b = VL_BUF_INIT;
    size_t cap = p->n_lines + 64 + (pl->value ? strlen(pl->value) / VL_PBK_WRAP : 0);
    long *origin = vl_malloc(cap * sizeof *origin);
    size_t no = 0;
    if (!origin)
        return vl_error_oom();
    vl_buf_put(&b, (const char *)p->bytes, p->bom_len);
    int dom = dominant_eol(p);
    for (size_t li = 0; li < p->n_lines; li++) {
        const vl_pbk_line *ln = &p->lines[li];
        if (is_deleted(pl, li)) {
            if (li == pl->rs && pl->value) {
                /* replacement: keep the old endings */
                int inner = p->lines[li].eol, last = p->lines[pl->re - 1].eol;
                if (inner != VL_PBK_EOL_LF && inner != VL_PBK_EOL_CRLF)
                    inner = dom;
                size_t k = emit_kv(&b, pl, inner, last);
                for (size_t i = 0; i < k; i++)
                    origin[no++] = -1;
            }
            continue;
        }
        bool anchor = pl->ins_after >= 0 && (size_t)pl->ins_after == li;
        if (anchor && (ln->eol == VL_PBK_EOL_NONE || ln->eol == VL_PBK_EOL_CR)) {
            /* appending after a last line without a (proper) line ending:
             * that line gains one, the new line keeps the old ending */
            size_t n;
            const char *s = eol_bytes(dom, &n);
            vl_buf_put(&b, (const char *)p->bytes + ln->off, ln->len);
            vl_buf_put(&b, s, n);
            origin[no++] = -1;
            size_t k = emit_kv(&b, pl, dom, ln->eol);
            for (size_t i = 0; i < k; i++)
                origin[no++] = -1;
            continue;
        }
        size_t n;
        eol_bytes(ln->eol, &n);
        vl_buf_put(&b, (const char *)p->bytes + ln->off, ln->len + n);
        origin[no++] = (long)li;
        if (anchor) {
            size_t k = emit_kv(&b, pl, ln->eol, ln->eol);
            for (size_t i = 0; i < k; i++)
                origin[no++] = -1;
        }
        if (no + VL_PBK_WRAP + 4 > cap) {
            cap = cap * 2 + VL_PBK_WRAP;
            long *o2 = vl_realloc(origin, cap * sizeof *origin);
            if (!o2) {
                vpnlint_free(origin);
                vl_buf_free(&b);
                return vl_error_oom();
            }
            origin = o2;
        }
    }
    if (!vl_buf_ok(&b)) {
        vpnlint_free(origin);
        vl_buf_free(&b);
        return vl_error_oom();
    }
    out->len = b.len;
    out->bytes = (unsigned char *)vl_buf_detach(&b);
    out->origin = origin;
    out->n_origin = no;
    return 0;
}

int vl_pbk_edit(vl_pbk_edit_result *out, const vl_pbk *p, const vl_pbk_addr *at, const char *key,
                const char *value)
{
    memset(out, 0, sizeof *out);
    int rc = validate_key(key);
    if (rc)
        return rc;
    size_t ei;
    if ((rc = vl_pbk_resolve_entry(p, at->entry, &ei)))
        return rc;
    const vl_pbk_entry *e = &p->entries[ei];
    plan pl = {.rs = 0, .re = 0, .ins_after = -1, .key = key, .blob = vl_pbk_is_blob_key(key)};
    if (value && (rc = normalise_value(key, value, &pl.value)))
        return rc;

    /* Existing occurrences at the address. */
    const vl_pbk_kv *hits[2] = {NULL, NULL};
    size_t n_hits = 0;
    uint32_t kid = (uint32_t)vl_pbk_key_id(p, key); /* UINT32_MAX: absent */
    bool one_scope = true;
    for (size_t i = 0; i < e->n_all; i++) {
        const vl_pbk_kv *kv = &e->all[i];
        if (kv->kid != kid || !matches_addr(p, kv, at))
            continue;
        if (n_hits < 2)
            hits[n_hits] = kv;
        if (n_hits && !same_scope(p, kv, hits[0]))
            one_scope = false;
        n_hits++;
    }
    if (n_hits > 1 && !one_scope) {
        vpnlint_free(pl.value);
        return vl_error_set(VPNLINT_EAMBIGUOUS,
                            "%s occurs %zu times in [%s] (lines %u and %u, in different "
                            "MEDIA/DEVICE/PhoneNumber groups); choose one with --media, --device "
                            "or --phone (counted from 1); nothing was changed",
                            key, n_hits, e->name, hits[0]->line, hits[1]->line);
    }
    if (n_hits > 1 && value) {
        vpnlint_free(pl.value);
        return vl_error_set(VPNLINT_EAMBIGUOUS,
                            "%s occurs %zu times in the same %s section of [%s] (lines %u and "
                            "%u); Windows reads only one of them. Run `vpnlint pbk unset` for "
                            "it first, then set it again; nothing was changed",
                            key, n_hits, scope_word(hits[0]->scope), e->name, hits[0]->line,
                            hits[1]->line);
    }
    if (n_hits == 0 && !value)
        return vl_error_set(VPNLINT_ENOTFOUND, "[%s] has no %s to remove here", e->name, key);

    if (n_hits >= 1) {
        pl.rs = (size_t)hits[0]->line - 1;
        pl.re = kv_last_line(p, hits[0]) + 1;
        if (n_hits > 1) {
            /* unset of same-scope duplicates: remove every one */
            for (size_t i = 0; i < e->n_all; i++) {
                const vl_pbk_kv *kv = &e->all[i];
                if (kv != hits[0] && kv->kid == kid && matches_addr(p, kv, at))
                    pl.n_del += vl_pbk_kv_n_lines(p, kv);
            }
            pl.del = vl_malloc(pl.n_del * sizeof *pl.del);
            if (!pl.del)
                return vl_error_oom();
            size_t k = 0;
            for (size_t i = 0; i < e->n_all; i++) {
                const vl_pbk_kv *kv = &e->all[i];
                if (kv != hits[0] && kv->kid == kid && matches_addr(p, kv, at))
                    for (unsigned j = 0, nl = vl_pbk_kv_n_lines(p, kv); j < nl; j++)
                        pl.del[k++] = (size_t)kv->line - 1 + j;
            }
        }
    } else if ((rc = plan_insert(&pl, p, e, at, key))) {
        vpnlint_free(pl.value);
        return rc;
    }
    rc = render(out, p, &pl);
    vpnlint_free(pl.value);
    vpnlint_free(pl.del);
    return rc;
}
