/* api.c — the public phonebook API (vpnlint.h, "phonebook"): open, list,
 * get, set/unset (in memory), diff, write with backup, restore. */
#include "pbk/edit.h"

#include <stdlib.h>
#include <string.h>

struct vpnlint_pbk {
    char *path;          /* NULL for buffers */
    unsigned char *orig; /* bytes as read */
    size_t orig_len;
    vl_pbk *cur;  /* model of the current (edited) bytes */
    long *origin; /* per current line: index of the unchanged original line, or -1 */
    size_t n_origin;
};

static const char *const mask = "********";

static int init_handle(vpnlint_pbk **out, unsigned char *bytes, size_t len, const char *path)
{
    vpnlint_pbk *h = vl_calloc(1, sizeof *h);
    if (!h) {
        vpnlint_free(bytes);
        return vl_error_oom();
    }
    h->orig = bytes;
    h->orig_len = len;
    if (path && !(h->path = vl_strdup(path))) {
        vpnlint_pbk_free(h);
        return vl_error_oom();
    }
    int rc = vl_pbk_parse(&h->cur, bytes, len);
    if (rc) {
        vpnlint_pbk_free(h);
        return rc;
    }
    h->n_origin = h->cur->n_lines;
    h->origin = vl_malloc((h->n_origin ? h->n_origin : 1) * sizeof *h->origin);
    if (!h->origin) {
        vpnlint_pbk_free(h);
        return vl_error_oom();
    }
    for (size_t i = 0; i < h->n_origin; i++)
        h->origin[i] = (long)i;
    *out = h;
    return 0;
}

VPNLINT_EXTERN(int) vpnlint_pbk_open(vpnlint_pbk **out, const char *path)
{
    if (!out || !path)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_open: NULL argument");
    *out = NULL;
    unsigned char *b;
    size_t n;
    int rc = vl_pbk_read(path, &b, &n);
    if (rc)
        return rc;
    return init_handle(out, b, n, path);
}

VPNLINT_EXTERN(int) vpnlint_pbk_open_buffer(vpnlint_pbk **out, const void *data, size_t len)
{
    if (!out || (!data && len))
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_open_buffer: NULL argument");
    *out = NULL;
    unsigned char *b = vl_malloc(len + 1);
    if (!b)
        return vl_error_oom();
    if (len)
        memcpy(b, data, len);
    return init_handle(out, b, len, NULL);
}

VPNLINT_EXTERN(void) vpnlint_pbk_free(vpnlint_pbk *h)
{
    if (!h)
        return;
    vl_pbk_free(h->cur);
    vpnlint_free(h->orig);
    vpnlint_free(h->origin);
    vpnlint_free(h->path);
    vpnlint_free(h);
}

VPNLINT_EXTERN(size_t) vpnlint_pbk_entry_count(const vpnlint_pbk *h)
{
    return h ? h->cur->n_entries : 0;
}

VPNLINT_EXTERN(int) vpnlint_pbk_entry_name(char **out, const vpnlint_pbk *h, size_t index)
{
    if (!out || !h)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_entry_name: NULL argument");
    *out = NULL;
    if (index >= h->cur->n_entries)
        return vl_error_set(VPNLINT_ENOTFOUND, "no entry %zu (the phonebook has %zu)", index,
                            h->cur->n_entries);
    const vl_pbk_entry *e = &h->cur->entries[index];
    if (!(*out = vl_strndup(e->name, e->name_len)))
        return vl_error_oom();
    return 0;
}

/* Appends a value, masked when the key is a secret and the value non-empty. */
static void put_value(vl_buf *b, const vl_pbk *p, const vl_pbk_kv *kv)
{
    if (kv->value_len && (p->name_flags[kv->kid] & VL_PBK_NAME_SECRET))
        vl_buf_puts(b, mask);
    else
        vl_buf_put(b, vl_pbk_kv_value(p, kv), kv->value_len);
}

/* Appends a physical line's content, masking a secret value. */
static void put_line(vl_buf *b, const vl_pbk *p, size_t li)
{
    const vl_pbk_line *ln = &p->lines[li];
    const char *s = (const char *)p->bytes + ln->off;
    const vl_pbk_kv *kv = vl_pbk_line_kv(p, li);
    if (kv) {
        if (kv->value_len && (p->name_flags[kv->kid] & VL_PBK_NAME_SECRET)) {
            vl_buf_put(b, s, vl_pbk_kv_key_len(p, kv) + 1);
            vl_buf_puts(b, mask);
            return;
        }
    }
    vl_buf_put(b, s, ln->len);
}

static int finish(char **out, vl_buf *b)
{
    if (!vl_buf_ok(b)) {
        vl_buf_free(b);
        return vl_error_oom();
    }
    if (!b->data)
        vl_buf_puts(b, "");
    *out = vl_buf_detach(b);
    return *out ? 0 : vl_error_oom();
}

/* An entry's name and index, sorted to count sections sharing a name. */
typedef struct name_ref {
    const char *name;
    size_t len, index;
} name_ref;

static int cmp_name_ref(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    int c = memcmp(x->name, y->name, x->len);
    if (c)
        return c;
    return x->index < y->index ? -1 : (x->index > y->index);
}

/* How many sections carry each entry's name: sorted once, O(n log n) (a
 * scan per entry made `pbk list` quadratic: minutes for 100 000 entries).
 * No shared state, so handles may be used from several threads. */
static size_t *name_counts(const vl_pbk *p)
{
    size_t n = p->n_entries;
    name_ref *refs = vl_malloc((n ? n : 1) * sizeof *refs);
    size_t *cnt = vl_malloc((n ? n : 1) * sizeof *cnt);
    if (!refs || !cnt) {
        vpnlint_free(refs);
        vpnlint_free(cnt);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        refs[i] = (name_ref){p->entries[i].name, p->entries[i].name_len, i};
    qsort(refs, n, sizeof *refs, cmp_name_ref);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && refs[j].len == refs[i].len &&
               memcmp(refs[j].name, refs[i].name, refs[i].len) == 0)
            j++;
        for (size_t k = i; k < j; k++)
            cnt[refs[k].index] = j - i;
        i = j;
    }
    vpnlint_free(refs);
    return cnt;
}

/* The list is a summary: a longer value is cut (`pbk get` gives it whole). */
#define VL_PBK_LIST_MAX_VALUE 256

VPNLINT_EXTERN(int) vpnlint_pbk_list(char **out, const vpnlint_pbk *h)
{
    if (!out || !h)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_list: NULL argument");
    const vl_pbk *p = h->cur;
    size_t *counts = name_counts(p);
    if (!counts)
        return vl_error_oom();
    vl_buf b = VL_BUF_INIT;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        vl_buf_printf(&b, "%u: [", e->line);
        vl_pbk_escape_name(&b, e->name, e->name_len);
        vl_buf_puts(&b, "]");
        long long v;
        if (vl_pbk_entry_int(e, "Type", &v)) {
            const char *t = vl_pbk_entry_type_name(v);
            vl_buf_printf(&b, " type=%s", t ? t : "?");
        }
        if (vl_pbk_entry_int(e, "VpnStrategy", &v)) {
            const char *s = vl_pbk_vpn_strategy_name(v);
            vl_buf_printf(&b, " strategy=%lld (%s)", v, s ? s : "undefined");
        }
        const vl_pbk_kv *ph = vl_pbk_entry_get_any(e, "PhoneNumber");
        if (ph) {
            vl_buf_puts(&b, " server=");
            if (ph->value_len > VL_PBK_LIST_MAX_VALUE &&
                !(p->name_flags[ph->kid] & VL_PBK_NAME_SECRET)) {
                size_t cut = VL_PBK_LIST_MAX_VALUE;
                while (cut > 0 && ((unsigned char)vl_pbk_kv_value(p, ph)[cut] & 0xC0) == 0x80)
                    cut--; /* not inside a UTF-8 character */
                vl_buf_put(&b, vl_pbk_kv_value(p, ph), cut);
                vl_buf_printf(&b, "... (%zu bytes)", (size_t)ph->value_len);
            } else {
                put_value(&b, p, ph);
            }
        }
        if (vl_pbk_entry_int(e, "AuthRestrictions", &v)) {
            char words[256];
            vl_pbk_auth_restrictions_words((unsigned long long)v, words, sizeof words);
            vl_buf_printf(&b, " auth=%lld (%s", v, words);
            long long k;
            if ((v & VL_PBK_AUTH_EAP) && vl_pbk_entry_int(e, "CustomAuthKey", &k)) {
                const char *eap = vl_pbk_eap_type_name(k);
                vl_buf_printf(&b, ": %s", eap ? eap : "unknown EAP type");
            }
            vl_buf_puts(&b, ")");
        }
        if (e->n_media != 1)
            vl_buf_printf(&b, " links=%zu", e->n_media);
        if (counts[i] > 1)
            vl_buf_printf(&b, " DUPLICATE-NAME(%zu sections)", counts[i]);
        vl_buf_putc(&b, '\n');
    }
    vpnlint_free(counts);
    return finish(out, &b);
}

static bool addr_ok(const vl_pbk *p, const vl_pbk_kv *kv, int media, int device, int phone)
{
    if (media < 0 && device < 0 && phone < 0)
        return true;
    int m, d, g;
    vl_pbk_kv_place(p, kv, &m, &d, &g);
    return (media < 0 || m == media) && (device < 0 || d == device) && (phone < 0 || g == phone);
}

VPNLINT_EXTERN(int)
vpnlint_pbk_get(char **out, const vpnlint_pbk *h, const char *entry, const char *key, int media,
                int device, int phone)
{
    if (!out || !h || !entry)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_get: NULL argument");
    *out = NULL;
    const vl_pbk *p = h->cur;
    size_t ei;
    int rc = vl_pbk_resolve_entry(p, entry, &ei);
    if (rc)
        return rc;
    const vl_pbk_entry *e = &p->entries[ei];
    vl_buf b = VL_BUF_INIT;
    if (!key) {
        for (size_t li = e->line_index; li < e->line_index + e->n_lines; li++) {
            put_line(&b, p, li);
            vl_buf_putc(&b, '\n');
        }
        return finish(out, &b);
    }
    size_t n = 0;
    int32_t id = vl_pbk_key_id(p, key);
    for (size_t i = 0; i < e->n_all; i++) {
        const vl_pbk_kv *kv = &e->all[i];
        if (kv->kid == (uint32_t)id && addr_ok(p, kv, media, device, phone))
            n++;
    }
    if (n == 0) {
        vl_buf_free(&b);
        return vl_error_set(VPNLINT_ENOTFOUND, "[%s] has no key %s%s", e->name, key,
                            media >= 0 || device >= 0 || phone >= 0 ? " at that position" : "");
    }
    for (size_t i = 0; i < e->n_all; i++) {
        const vl_pbk_kv *kv = &e->all[i];
        if (kv->kid != (uint32_t)id || !addr_ok(p, kv, media, device, phone))
            continue;
        if (n > 1) {
            int m, d, g;
            vl_pbk_kv_place(p, kv, &m, &d, &g);
            vl_buf_printf(&b, "line %u", kv->line);
            if (m >= 0)
                vl_buf_printf(&b, " media %d", m + 1);
            if (d >= 0)
                vl_buf_printf(&b, " device %d", d + 1);
            if (g >= 0)
                vl_buf_printf(&b, " phone %d", g + 1);
            vl_buf_puts(&b, ": ");
        }
        put_value(&b, p, kv);
        vl_buf_putc(&b, '\n');
    }
    return finish(out, &b);
}

/* After an edit: is the key where it should be, once, with the value? */
static int verify(const vl_pbk *p, const char *entry, const char *key, const char *value, int media,
                  int device, int phone)
{
    size_t ei;
    if (vl_pbk_resolve_entry(p, entry, &ei) != 0)
        return vl_error_set(VPNLINT_ERROR,
                            "internal error: the edited phonebook lost entry [%s]; "
                            "nothing was changed",
                            entry);
    const vl_pbk_entry *e = &p->entries[ei];
    size_t n = 0;
    int32_t id = vl_pbk_key_id(p, key);
    const vl_pbk_kv *hit = NULL;
    for (size_t i = 0; i < e->n_all; i++) {
        const vl_pbk_kv *kv = &e->all[i];
        if (kv->kid == (uint32_t)id && addr_ok(p, kv, media, device, phone)) {
            n++;
            hit = kv;
        }
    }
    bool ok =
        value ? n == 1 && hit->value_len == strlen(value) &&
                    (vl_pbk_is_blob_key(key) ? vl_strcasecmp(vl_pbk_kv_value(p, hit), value) == 0
                                             : strcmp(vl_pbk_kv_value(p, hit), value) == 0)
              : n == 0;
    if (!ok)
        return vl_error_set(VPNLINT_ERROR,
                            "internal error: the edit of %s in [%s] did not read back as "
                            "expected; nothing was changed",
                            key, entry);
    return 0;
}

static int apply(vpnlint_pbk *h, const char *entry, const char *key, const char *value, int media,
                 int device, int phone)
{
    if (!h || !entry || !key)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_set/unset: NULL argument");
    vl_pbk_addr at = {entry, media < 0 ? -1 : media, device < 0 ? -1 : device,
                      phone < 0 ? -1 : phone};
    vl_pbk_edit_result r;
    int rc = vl_pbk_edit(&r, h->cur, &at, key, value);
    if (rc)
        return rc;
    const unsigned char *cur_bytes;
    size_t cur_len = vl_pbk_bytes(h->cur, &cur_bytes);
    if (r.len == cur_len && memcmp(r.bytes, cur_bytes, cur_len) == 0) {
        vl_pbk_edit_result_free(&r); /* the key already had that value */
        return 0;
    }
    vl_pbk *np = NULL;
    rc = vl_pbk_parse(&np, r.bytes, r.len);
    if (rc == 0)
        rc = verify(np, entry, key, value, at.media, at.device, at.phone);
    if (rc == 0 && np->n_lines != r.n_origin)
        rc = vl_error_set(VPNLINT_ERROR, "internal error: line map mismatch; nothing changed");
    if (rc) {
        vl_pbk_free(np);
        vl_pbk_edit_result_free(&r);
        return rc;
    }
    /* Compose the line origins: new -> previous -> original. */
    for (size_t i = 0; i < r.n_origin; i++)
        if (r.origin[i] >= 0)
            r.origin[i] = h->origin[r.origin[i]];
    vpnlint_free(h->origin);
    h->origin = r.origin;
    h->n_origin = r.n_origin;
    r.origin = NULL;
    vl_pbk_free(h->cur);
    h->cur = np;
    vl_pbk_edit_result_free(&r);
    return 0;
}

VPNLINT_EXTERN(int)
vpnlint_pbk_set(vpnlint_pbk *h, const char *entry, const char *key, const char *value, int media,
                int device, int phone)
{
    if (!value)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_set: NULL value (use unset)");
    return apply(h, entry, key, value, media, device, phone);
}

VPNLINT_EXTERN(int)
vpnlint_pbk_unset(vpnlint_pbk *h, const char *entry, const char *key, int media, int device,
                  int phone)
{
    return apply(h, entry, key, NULL, media, device, phone);
}

VPNLINT_EXTERN(int) vpnlint_pbk_bytes(const void **data, size_t *len, const vpnlint_pbk *h)
{
    if (!data || !len || !h)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_bytes: NULL argument");
    const unsigned char *b;
    *len = vl_pbk_bytes(h->cur, &b);
    *data = b;
    return 0;
}

/* ------------------------------------------------------------- diff */

typedef struct op {
    char t;      /* ' ', '-', '+' */
    size_t a, b; /* line index in old / new */
} op;

VPNLINT_EXTERN(int) vpnlint_pbk_diff(char **out, const vpnlint_pbk *h)
{
    if (!out || !h)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_diff: NULL argument");
    *out = NULL;
    const vl_pbk *cur = h->cur;
    /* Unedited (the same bytes, every line its original): nothing to show,
     * and no need to parse the original again. */
    bool same = cur->len == h->orig_len && memcmp(cur->bytes, h->orig, h->orig_len) == 0;
    for (size_t i = 0; same && i < h->n_origin; i++)
        same = h->origin[i] == (long)i;
    if (same) {
        vl_buf empty = VL_BUF_INIT;
        return finish(out, &empty);
    }
    vl_pbk *old = NULL;
    int rc = vl_pbk_parse(&old, h->orig, h->orig_len);
    if (rc)
        return rc;
    size_t cap = old->n_lines + cur->n_lines + 1, n = 0;
    op *ops = vl_malloc(cap * sizeof *ops), *tmp_ops = vl_malloc(cap * sizeof *ops);
    if (!ops || !tmp_ops) {
        vpnlint_free(ops);
        vpnlint_free(tmp_ops);
        vl_pbk_free(old);
        return vl_error_oom();
    }
    size_t j = 0;
    for (size_t i = 0; i < cur->n_lines; i++) {
        long o = h->origin[i];
        if (o >= 0) {
            while (j < (size_t)o) {
                ops[n++] = (op){'-', j, i};
                j++;
            }
            ops[n++] = (op){' ', j, i};
            j++;
        } else {
            ops[n++] = (op){'+', j, i};
        }
    }
    while (j < old->n_lines) {
        ops[n++] = (op){'-', j, cur->n_lines};
        j++;
    }
    /* Within each run of changes show the removed lines first. */
    for (size_t q = 0; q < n;) {
        if (ops[q].t == ' ') {
            q++;
            continue;
        }
        size_t r = q;
        while (r < n && ops[r].t != ' ')
            r++;
        size_t w = q;
        for (int pass = 0; pass < 2; pass++)
            for (size_t x = q; x < r; x++)
                if ((pass == 0) == (ops[x].t == '-'))
                    tmp_ops[w++] = ops[x];
        memcpy(ops + q, tmp_ops + q, (r - q) * sizeof *ops);
        q = r;
    }
    vpnlint_free(tmp_ops);
    vl_buf b = VL_BUF_INIT;
    const size_t ctx = 3;
    bool any = false;
    size_t k = 0;
    while (k < n) {
        if (ops[k].t == ' ') {
            k++;
            continue;
        }
        if (!any) {
            vl_buf_printf(&b, "--- %s\n+++ %s (edited)\n", h->path ? h->path : "(buffer)",
                          h->path ? h->path : "(buffer)");
            any = true;
        }
        size_t start = k > ctx ? k - ctx : 0, end = k, last = k;
        /* extend while the next change is within 2*ctx unchanged lines */
        for (size_t q = k; q < n; q++) {
            if (ops[q].t != ' ') {
                if (q > last + 2 * ctx)
                    break;
                last = q;
            }
        }
        end = last + ctx + 1 < n ? last + ctx + 1 : n;
        size_t a0 = ops[start].a, b0 = ops[start].b, ac = 0, bc = 0;
        for (size_t q = start; q < end; q++) {
            ac += ops[q].t != '+';
            bc += ops[q].t != '-';
        }
        vl_buf_printf(&b, "@@ -%zu,%zu +%zu,%zu @@\n", ac ? a0 + 1 : a0, ac, bc ? b0 + 1 : b0, bc);
        for (size_t q = start; q < end; q++) {
            vl_buf_putc(&b, ops[q].t);
            if (ops[q].t == '+')
                put_line(&b, cur, ops[q].b);
            else
                put_line(&b, old, ops[q].a);
            vl_buf_putc(&b, '\n');
        }
        k = end;
    }
    vpnlint_free(ops);
    vl_pbk_free(old);
    return finish(out, &b);
}

/* ------------------------------------------------------- write/restore */

VPNLINT_EXTERN(int) vpnlint_pbk_write(char **backup_path, vpnlint_pbk *h)
{
    if (backup_path)
        *backup_path = NULL;
    if (!h)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_write: NULL argument");
    if (!h->path)
        return vl_error_set(VPNLINT_EINVALID, "this phonebook was opened from memory; it has "
                                              "no file to write");
    const unsigned char *data;
    size_t len = vl_pbk_bytes(h->cur, &data);
    if (len == h->orig_len && memcmp(data, h->orig, len) == 0)
        return 0; /* nothing to write */
    char *backup = NULL;
    int rc = vl_pbk_write_file(h->path, h->orig, h->orig_len, false, data, len, &backup);
    if (rc)
        return rc;
    /* The written content is the new baseline. */
    unsigned char *copy = vl_malloc(len + 1);
    if (copy) {
        memcpy(copy, data, len);
        vpnlint_free(h->orig);
        h->orig = copy;
        h->orig_len = len;
        for (size_t i = 0; i < h->n_origin; i++)
            h->origin[i] = (long)i;
    }
    if (backup_path)
        *backup_path = backup;
    else
        vpnlint_free(backup);
    return 0;
}

VPNLINT_EXTERN(int)
vpnlint_pbk_restore(char **target_out, char **safety_backup, const char *backup_path,
                    const char *target)
{
    if (target_out)
        *target_out = NULL;
    if (safety_backup)
        *safety_backup = NULL;
    if (!backup_path)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_pbk_restore: NULL backup path");
    char *to = target ? vl_strdup(target) : vl_pbk_backup_target(backup_path);
    if (!to)
        return target ? vl_error_oom()
                      : vl_error_set(VPNLINT_EINVALID,
                                     "%s: not named like a vpnlint backup "
                                     "(<file>.vpnlint-<time>.bak); give the file to restore to",
                                     backup_path);
    unsigned char *data = NULL, *cur = NULL;
    size_t len = 0, cur_len = 0;
    int rc = vl_pbk_read(backup_path, &data, &len);
    if (rc) {
        vpnlint_free(to);
        return rc;
    }
    rc = vl_pbk_read(to, &cur, &cur_len);
    char *safety = NULL;
    if (rc == 0) {
        if (cur_len == len && memcmp(cur, data, len) == 0) {
            rc = 0; /* already identical */
        } else {
            rc = vl_pbk_write_file(to, cur, cur_len, false, data, len, &safety);
        }
    } else if (rc == VPNLINT_ENOTFOUND) {
        rc = vl_pbk_write_file(to, NULL, 0, true, data, len, NULL);
    }
    vpnlint_free(cur);
    vpnlint_free(data);
    if (rc) {
        vpnlint_free(to);
        return rc;
    }
    if (target_out)
        *target_out = to;
    else
        vpnlint_free(to);
    if (safety_backup)
        *safety_backup = safety;
    else
        vpnlint_free(safety);
    return 0;
}
