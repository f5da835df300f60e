/* parse.c — bytes -> lossless rasphone.pbk model (see pbk.h).
 *
 * Walk 1 (parse_lines), over the bytes: splits and classifies the physical
 * lines, turns KV lines into logical kvs (joining hex-blob runs), tags each
 * with its scope and its entry/MEDIA/DEVICE/PhoneNumber indexes, and checks
 * UTF-8 and NUL bytes a chunk behind. Walk 2 (parse_all), over the kvs:
 * copies the values into one buffer, slices the tree (flat arrays, sliced per
 * parent) and fills what rules read instead of walking the model themselves:
 * the per-key kv index, the entry-level key table and the census counts.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise */
#endif
#include "pbk/pbk.h"

#include "core/input.h"

#include <stdio.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* The model of a large phonebook is hundreds of MB of fresh memory per
 * build: ask Linux for transparent huge pages for the big arrays (a 2 MiB
 * page fault instead of 512 small ones; where THP is "madvise"). A hint:
 * errors are ignored. */
static void *advise_huge(void *ptr, size_t size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (ptr && size >= ((size_t)8 << 20)) {
        uintptr_t a = ((uintptr_t)ptr + 4095) & ~(uintptr_t)4095;
        uintptr_t e = ((uintptr_t)ptr + size) & ~(uintptr_t)4095;
        if (e > a)
            (void)madvise((void *)a, e - a, MADV_HUGEPAGE);
    }
#else
    (void)size;
#endif
    return ptr;
}

/* Keys of a PhoneNumber group inside a DEVICE subsection (reference §1.8). */
static const char *const phone_group_keys[] = {"AreaCode",        "CountryCode", "CountryID",
                                               "UseDialingRules", "Comment",     "FriendlyName"};

static bool is_phone_group_key(const char *k, size_t n)
{
    for (size_t i = 0; i < VL_ARRAY_LEN(phone_group_keys); i++)
        if (strlen(phone_group_keys[i]) == n && memcmp(phone_group_keys[i], k, n) == 0)
            return true;
    return false;
}

static bool key_is(const char *k, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return m == n && memcmp(k, lit, n) == 0;
}

static bool is_hex_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

static bool all_hex(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_hex_char(s[i]))
            return false;
    return true;
}

static int add_problem(vl_pbk *p, size_t *cap, unsigned line, const char *fmt, ...) VL_PRINTF(4, 5);

static int add_problem(vl_pbk *p, size_t *cap, unsigned line, const char *fmt, ...)
{
    vl_pbk_problem *np = vl_grow(p->problems, p->n_problems, cap, sizeof *np, 8);
    if (!np)
        return VPNLINT_ENOMEM;
    p->problems = np;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vl_vsprintf(fmt, ap);
    va_end(ap);
    if (!msg)
        return VPNLINT_ENOMEM;
    p->problems[p->n_problems].line = line;
    p->problems[p->n_problems].message = msg;
    p->n_problems++;
    return 0;
}

void vl_pbk_free(vl_pbk *p)
{
    if (!p)
        return;
    vpnlint_free(p->names);
    vpnlint_free(p->name_lens);
    vpnlint_free(p->name_flags);
    vpnlint_free(p->name_ci);
    vpnlint_free(p->name_vals);
    vpnlint_free(p->name_slots);
    vpnlint_free(p->name_next);
    vpnlint_free(p->name_nkv);
    vpnlint_free(p->name_col);
    vpnlint_free(p->ecol_kv);
    vpnlint_free(p->ecol_int);
    vpnlint_free(p->key_memo);
    vpnlint_free(p->kid_start);
    vpnlint_free(p->kid_kvs);
    for (size_t i = 0; i < p->n_problems; i++)
        vpnlint_free(p->problems[i].message);
    vpnlint_free(p->problems);
    vpnlint_free(p->lines);
    vpnlint_free(p->kvs);
    vpnlint_free(p->values);
    vpnlint_free(p->entries);
    if (!p->borrowed)
        vpnlint_free(p->bytes);
    vl_arena_free(p->arena);
    vpnlint_free(p);
}

/* ------------------------------------------------- interned key names */

static size_t name_hash(const vl_pbk *p, const char *k, size_t n)
{
    return (size_t)vl_siphash(&p->name_key, k, n);
}

/* Resizes *arr to n items of `size` bytes; false (and *arr untouched) when
 * out of memory. */
static bool resize(void **arr, size_t n, size_t size)
{
    void *q = vl_realloc(*arr, n * size);
    if (!q)
        return false;
    *arr = q;
    return true;
}

static bool name_grow(vl_pbk *p)
{
    size_t ncap = p->name_cap ? p->name_cap * 2 : 256;
    size_t half = ncap / 2; /* the table is kept at most half full */
    uint32_t *slots = vl_calloc(ncap, sizeof *slots);
    if (!p->name_cap)
        vl_hash_key_init(&p->name_key); /* the first table: a fresh key */
    /* per-name arrays: on failure the ones already grown are merely larger */
    if (!slots || !resize((void **)&p->name_lens, half, sizeof *p->name_lens) ||
        !resize((void **)&p->names, half, sizeof *p->names) ||
        !resize((void **)&p->name_ci, half, sizeof *p->name_ci) ||
        !resize((void **)&p->name_flags, half, sizeof *p->name_flags) ||
        !resize((void **)&p->name_next, half, sizeof *p->name_next) ||
        !resize((void **)&p->name_vals, half, sizeof *p->name_vals) ||
        !resize((void **)&p->name_col, half, sizeof *p->name_col) ||
        !resize((void **)&p->name_nkv, half, sizeof *p->name_nkv)) {
        vpnlint_free(slots);
        return false;
    }
    for (size_t i = 0; i < p->n_names; i++) {
        size_t at = name_hash(p, p->names[i], p->name_lens[i]) & (ncap - 1);
        while (slots[at])
            at = (at + 1) & (ncap - 1);
        slots[at] = (uint32_t)(i + 1);
    }
    vpnlint_free(p->name_slots);
    p->name_slots = slots;
    p->name_cap = ncap;
    return true;
}

/* Slot of key[0..n) in the table: holds 1 + its id, or 0 where it would go. */
static size_t name_slot(const vl_pbk *p, const char *key, size_t n)
{
    size_t mask = p->name_cap - 1, at = name_hash(p, key, n) & mask;
    for (;;) {
        uint32_t v = p->name_slots[at];
        if (!v || (p->name_lens[v - 1] == n && memcmp(p->names[v - 1], key, n) == 0))
            return at;
        at = (at + 1) & mask;
    }
}

/* Id of key[0..n), interned on first sight; -1 when out of memory. */
static int64_t name_intern(vl_pbk *p, const char *key, size_t n)
{
    if (p->n_names * 2 >= p->name_cap && !name_grow(p))
        return -1;
    size_t at = name_slot(p, key, n);
    if (p->name_slots[at])
        return p->name_slots[at] - 1;
    char *copy = vl_arena_strndup(p->arena, key, n);
    if (!copy)
        return -1;
    size_t id = p->n_names++;
    p->names[id] = copy;
    p->name_lens[id] = n;
    size_t i = 0;
    while (i < n && (key[i] == ' ' || key[i] == '\t'))
        i++;
    unsigned role = key_is(key, n, "NETCOMPONENTS") ? VL_PBK_ROLE_NETCOMPONENTS
                    : key_is(key, n, "MEDIA")       ? VL_PBK_ROLE_MEDIA
                    : key_is(key, n, "DEVICE")      ? VL_PBK_ROLE_DEVICE
                    : key_is(key, n, "PhoneNumber") ? VL_PBK_ROLE_PHONENUMBER
                                                    : VL_PBK_ROLE_NONE;
    p->name_flags[id] = (uint8_t)((vl_pbk_is_secret_key(copy, n) ? VL_PBK_NAME_SECRET : 0) |
                                  (vl_pbk_is_blob_key_n(copy, n) ? VL_PBK_NAME_BLOB : 0) |
                                  (i < n && key[i] == '[' ? 0 : VL_PBK_NAME_PLAIN) |
                                  (is_phone_group_key(key, n) ? VL_PBK_NAME_PHONE : 0) |
                                  role << VL_PBK_NAME_ROLE_SHIFT);
    p->name_next[id] = 0;
    p->name_vals[id] = 0;
    p->name_col[id] = -1;
    p->name_nkv[id] = 0;
    p->name_ci[id] = vl_pbk_known_key_ci(copy, n);
    p->name_slots[at] = (uint32_t)(id + 1);
    return (int64_t)id;
}

#define KEY_MEMO_SLOTS 256u

int32_t vl_pbk_key_id(const vl_pbk *p, const char *key)
{
    if (!p || !key || !p->name_cap)
        return -1;
    /* Rules look the same literal up once per entry: remember the answer by
     * the pointer, and check the text (the pointer may be a reused buffer). */
    struct vl_pbk_key_memo *m = NULL;
    if (p->key_memo) {
        uintptr_t h = (uintptr_t)key;
        m = &p->key_memo[(h ^ h >> 9) >> 3 & (KEY_MEMO_SLOTS - 1)];
        if (m->ptr == key && strcmp(m->copy, key) == 0)
            return m->id;
    }
    size_t n = strlen(key);
    int32_t id = (int32_t)p->name_slots[name_slot(p, key, n)] - 1;
    if (m) {
        const char *copy = id >= 0 ? p->names[id] : NULL;
        if (id < 0 && p->key_memo_copies < 1024) {
            /* a cache beside the model */
            ((vl_pbk *)(uintptr_t)p)->key_memo_copies++;
            copy = vl_arena_strndup(p->arena, key, n);
        }
        if (copy) {
            m->ptr = key;
            m->copy = copy;
            m->id = id;
        }
    }
    return id;
}

const uint32_t *vl_pbk_kvs_of(const vl_pbk *p, int32_t id, size_t *n)
{
    if (id < 0 || (size_t)id >= p->n_names || !p->kid_start) {
        *n = 0;
        return NULL;
    }
    *n = p->kid_start[id + 1] - p->kid_start[id];
    return p->kid_kvs + p->kid_start[id];
}

void vl_pbk_key_set(const vl_pbk *p, const char *const *list, size_t n, bool *set)
{
    for (size_t i = 0; i < n; i++) {
        int32_t id = vl_pbk_key_id(p, list[i]);
        if (id >= 0)
            set[id] = true;
    }
}

size_t vl_pbk_bytes(const vl_pbk *p, const unsigned char **data)
{
    *data = p->bytes;
    return p->len;
}

/* Classifies a line; for a header sets *name_off and *name_len, for a kv *eq (the
 * offset of the first '=' in the line). Returns the type; *bad_header is set
 * for a '[' line that is not a well-formed header. */
static int classify(const unsigned char *s, size_t n, size_t *name_off, size_t *name_len,
                    size_t *eq, bool *bad_header)
{
    size_t i = 0;
    *bad_header = false;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == n)
        return VL_PBK_LINE_BLANK;
    const unsigned char *e = memchr(s + i, '=', n - i);
    if (s[i] == '[') {
        size_t j = n;
        while (j > i + 1 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
            j--;
        if (j > i + 1 && s[j - 1] == ']') {
            *name_off = i + 1;
            *name_len = j - 1 - (i + 1);
            return VL_PBK_LINE_HEADER;
        }
        if (!e)
            *bad_header = true;
    }
    if (e && e > s) {
        *eq = (size_t)(e - s);
        return VL_PBK_LINE_KV;
    }
    return VL_PBK_LINE_OTHER;
}

typedef struct walk {
    int32_t entry, media, device, phone;
    bool in_phone; /* the last kv continued the current PhoneNumber group */
    int state;     /* scope of the current section: ENTRY/NETCOMPONENTS/MEDIA/DEVICE */
    size_t n_media, n_devices, n_phones, n_netcomp; /* totals */
    int32_t media_in_entry, devices_in_media, phones_in_device;
} walk;

/* Grows *arr (of `size`-byte items, *cap of them) to hold at least one more. */
static bool grow(void **arr, size_t *cap, size_t size)
{
    size_t ncap = *cap < 64 ? 64 : *cap + *cap / 2;
    if (!resize(arr, ncap, size))
        return false;
    *cap = ncap;
    return true;
}

/* Does interned key `id` start the text at s ("id=")? Only for keys that
 * always make a kv line (not "[..." ones, whose lines may be headers). The
 * name holds no '=' and no '\n', so a match is the line's key. */
static inline bool key_starts(const vl_pbk *p, uint32_t id, const unsigned char *s, size_t avail)
{
    size_t l = p->name_lens[id];
    return (p->name_flags[id] & VL_PBK_NAME_PLAIN) && l < avail && s[l] == '=' &&
           memcmp(p->names[id], s, l) == 0;
}

static unsigned name_role(const vl_pbk *p, uint32_t id)
{
    return (p->name_flags[id] >> VL_PBK_NAME_ROLE_SHIFT) & 7u;
}

/* Pass 1: one walk over the bytes that splits and classifies the lines,
 * makes the kvs (joining hex-blob runs) and tags them with their scope and
 * entry/MEDIA/DEVICE/PhoneNumber indexes. Windows writes every entry's keys
 * in the same order, so the key that followed the previous line's key last
 * time is tried first (one memcmp instead of finding '=' and hashing). */
static int parse_lines(vl_pbk *p, walk *w, size_t *pcap, size_t *values_len)
{
    const unsigned char *b = p->bytes;
    size_t n = p->len, pos = p->bom_len;
    /* ~34 bytes a line in Windows' phonebooks: one allocation of each array
     * for most files (untouched capacity costs address space, not memory) */
    size_t lcap = (n - pos) / 24 + 64, kcap = lcap, ecap = 0;
    p->lines = advise_huge(vl_malloc(lcap * sizeof *p->lines), lcap * sizeof *p->lines);
    p->kvs = advise_huge(vl_malloc(kcap * sizeof *p->kvs), kcap * sizeof *p->kvs);
    if (!p->lines || !p->kvs)
        return VPNLINT_ENOMEM;
    size_t orphan_lines = 0, vtotal = 0;
    unsigned first_orphan = 0;
    int32_t prev = -1;         /* kv of the previous physical line, if a kv line */
    uint32_t after_header = 0; /* 1 + id of the key that followed the last header */
    int rc;
    /* UTF-8 validity and NUL bytes are checked a chunk at a time just behind
     * the parse, while the bytes are in cache (chunks end at a line start,
     * and no UTF-8 sequence holds a '\n', so the verdict is the whole file's) */
    size_t checked = pos;
    p->utf8_valid = true;
    bool nul = pos && memchr(b, 0, pos);

    while (pos < n) {
        if (pos - checked >= ((size_t)64 << 10)) {
            p->utf8_valid =
                p->utf8_valid && vl_utf8_valid((const char *)b + checked, pos - checked);
            nul = nul || memchr(b + checked, 0, pos - checked);
            checked = pos;
        }
        if (p->n_lines == lcap && !grow((void **)&p->lines, &lcap, sizeof *p->lines))
            return VPNLINT_ENOMEM;
        size_t li = p->n_lines++;
        vl_pbk_line *ln = &p->lines[li];
        const unsigned char *s = b + pos;
        unsigned lineno = (unsigned)(li + 1);

        /* the predicted key: after the previous kv's key, or after a header */
        uint32_t guess =
            prev >= 0 ? p->name_next[p->kvs[prev].kid]
                      : (li && p->lines[li - 1].type == VL_PBK_LINE_HEADER ? after_header : 0);
        int64_t kid = -1;
        size_t eq = 0;
        if (guess && key_starts(p, guess - 1, s, n - pos))
            kid = guess - 1;
        else if (prev >= 0 && key_starts(p, p->kvs[prev].kid, s, n - pos))
            kid = p->kvs[prev].kid; /* the next line of a blob */
        if (kid >= 0)
            eq = p->name_lens[kid];

        const unsigned char *nl = memchr(s + eq, '\n', n - pos - eq);
        size_t end = nl ? (size_t)(nl - b) : n;
        size_t len = end - pos;
        if (nl) {
            if (len && b[end - 1] == '\r') {
                len--;
                ln->eol = VL_PBK_EOL_CRLF;
                p->n_eol_crlf++;
            } else {
                ln->eol = VL_PBK_EOL_LF;
                p->n_eol_lf++;
            }
            pos = end + 1;
        } else {
            if (b[n - 1] == '\r') {
                len--;
                ln->eol = VL_PBK_EOL_CR;
                p->n_eol_cr++;
            } else {
                ln->eol = VL_PBK_EOL_NONE;
            }
            pos = n;
        }
        if (len > VL_PBK_MAX_LINE)
            return vl_error_set(VPNLINT_ETOOBIG,
                                "line %u is %zu bytes long (256 MiB or more); rasphone.pbk "
                                "lines are a few hundred bytes: check the file",
                                lineno, len);
        ln->off = (uint32_t)(s - b);
        ln->len = (uint32_t)len & VL_PBK_MAX_LINE;

        if (kid < 0) {
            size_t name_off = 0, name_len = 0;
            bool bad_header;
            ln->type = (unsigned)classify(s, len, &name_off, &name_len, &eq, &bad_header) & 3u;
            if (ln->type == VL_PBK_LINE_HEADER) {
                if (p->n_entries == ecap && !grow((void **)&p->entries, &ecap, sizeof *p->entries))
                    return VPNLINT_ENOMEM;
                vl_pbk_entry *e = &p->entries[p->n_entries++];
                memset(e, 0, sizeof *e);
                e->name = vl_arena_strndup(p->arena, (const char *)s + name_off, name_len);
                if (!e->name)
                    return VPNLINT_ENOMEM;
                e->name_len = name_len;
                e->name_utf8 = vl_utf8_valid(e->name, name_len);
                e->line = lineno;
                e->line_index = li;
                e->owner = p;
                w->entry = (int32_t)(p->n_entries - 1);
                w->media = w->device = w->phone = -1;
                w->in_phone = false;
                w->state = VL_PBK_SCOPE_ENTRY;
                w->media_in_entry = 0;
                prev = -1;
                continue;
            }
            if (bad_header) {
                rc = add_problem(p, pcap, lineno,
                                 "line starts with '[' but is not a section header: the closing "
                                 "']' is missing or followed by text; write it as [Entry Name]");
                if (rc)
                    return rc;
            }
            if (ln->type != VL_PBK_LINE_KV) {
                if (ln->type == VL_PBK_LINE_OTHER && w->entry < 0) {
                    if (!orphan_lines++)
                        first_orphan = lineno;
                } else if (ln->type == VL_PBK_LINE_OTHER) {
                    p->n_stray_lines++;
                }
                prev = -1;
                continue;
            }
            kid = name_intern(p, (const char *)s, eq);
            if (kid < 0)
                return VPNLINT_ENOMEM;
        } else {
            ln->type = VL_PBK_LINE_KV;
        }
        /* teach the guesser */
        if (prev >= 0) {
            if (p->kvs[prev].kid != (uint32_t)kid)
                p->name_next[p->kvs[prev].kid] = (uint32_t)kid + 1;
        } else if (li && p->lines[li - 1].type == VL_PBK_LINE_HEADER)
            after_header = (uint32_t)kid + 1;

        size_t vlen = len - eq - 1;
        /* Continuation of a hex blob? */
        if (prev >= 0 && p->kvs[prev].kid == (uint32_t)kid) {
            vl_pbk_kv *pk = &p->kvs[prev];
            bool join = false;
            if (p->name_flags[kid] & VL_PBK_NAME_BLOB) {
                join = true;
            } else {
                /* Unknown key: join only a well-formed wrapped hex run (every
                 * line so far exactly 128 hex characters). The run's lines
                 * are contiguous and each earlier one was checked when the
                 * line after it joined, so only the previous line is left
                 * to check (checking them all again made a long run
                 * quadratic: minutes for a 5 MB file). */
                join = vlen > 0 && vlen <= 128 && all_hex(s + eq + 1, vlen);
                if (join) {
                    const vl_pbk_line *pl = &p->lines[li - 1];
                    size_t pv = pl->len - eq - 1;
                    join = pv == 128 && all_hex(b + pl->off + eq + 1, pv);
                }
            }
            if (join) {
                if (!pk->blob)
                    p->n_hex_runs++;
                pk->blob = true;
                pk->value_len += (uint32_t)vlen;
                vtotal += vlen;
                continue;
            }
        }

        if (p->n_kvs == kcap && !grow((void **)&p->kvs, &kcap, sizeof *p->kvs))
            return VPNLINT_ENOMEM;
        vl_pbk_kv *kv = &p->kvs[p->n_kvs];
        kv->value_len = (uint32_t)vlen;
        vtotal += vlen + 1;
        kv->line = lineno;
        kv->kid = (uint32_t)kid;
        p->name_nkv[kid]++;
        kv->blob = (p->name_flags[kid] & VL_PBK_NAME_BLOB) != 0;
        kv->entry = w->entry;
        kv->starts = 0;
        prev = (int32_t)p->n_kvs;
        p->n_kvs++;

        if (w->entry < 0) {
            kv->scope = VL_PBK_SCOPE_ENTRY;
            if (!orphan_lines++)
                first_orphan = lineno;
            continue;
        }
        unsigned role = name_role(p, (uint32_t)kid);
        if (role == VL_PBK_ROLE_NETCOMPONENTS) {
            w->state = VL_PBK_SCOPE_NETCOMPONENTS;
            w->media = w->device = w->phone = -1;
            w->in_phone = false;
            w->n_netcomp++;
            kv->scope = VL_PBK_SCOPE_NETCOMPONENTS;
            continue;
        }
        if (role == VL_PBK_ROLE_MEDIA) {
            w->state = VL_PBK_SCOPE_MEDIA;
            w->media = w->media_in_entry++;
            w->devices_in_media = 0;
            w->device = w->phone = -1;
            w->in_phone = false;
            w->n_media++;
            kv->scope = VL_PBK_SCOPE_MEDIA;
            kv->starts = VL_PBK_STARTS_MEDIA;
            continue;
        }
        if (role == VL_PBK_ROLE_DEVICE) {
            if (w->media < 0) {
                rc = add_problem(p, pcap, lineno,
                                 "DEVICE= before any MEDIA= in this entry: every DEVICE "
                                 "subsection belongs to a MEDIA block; add MEDIA=rastapi, Port= "
                                 "and Device= above it");
                if (rc)
                    return rc;
                w->media = w->media_in_entry++;
                w->devices_in_media = 0;
                w->n_media++;
                kv->starts = VL_PBK_STARTS_MEDIA; /* an implicit MEDIA */
            }
            w->state = VL_PBK_SCOPE_DEVICE;
            w->device = w->devices_in_media++;
            w->phone = -1;
            w->phones_in_device = 0;
            w->in_phone = false;
            w->n_devices++;
            kv->scope = VL_PBK_SCOPE_DEVICE;
            kv->starts |= VL_PBK_STARTS_DEVICE;
            continue;
        }
        switch (w->state) {
        case VL_PBK_SCOPE_ENTRY:
            kv->scope = VL_PBK_SCOPE_ENTRY;
            if (p->name_col[kid] < 0)
                p->name_col[kid] = (int32_t)p->n_cols++;
            break;
        case VL_PBK_SCOPE_NETCOMPONENTS:
            kv->scope = VL_PBK_SCOPE_NETCOMPONENTS;
            break;
        case VL_PBK_SCOPE_MEDIA:
            kv->scope = VL_PBK_SCOPE_MEDIA;
            break;
        default:
            if (role == VL_PBK_ROLE_PHONENUMBER) {
                w->phone = w->phones_in_device++;
                w->in_phone = true;
                w->n_phones++;
                kv->starts = VL_PBK_STARTS_PHONE;
            } else if (!(w->in_phone && (p->name_flags[kid] & VL_PBK_NAME_PHONE))) {
                w->in_phone = false;
            }
            kv->scope = w->in_phone ? VL_PBK_SCOPE_PHONE : VL_PBK_SCOPE_DEVICE;
            break;
        }
    }
    p->utf8_valid = p->utf8_valid && vl_utf8_valid((const char *)b + checked, n - checked);
    nul = nul || memchr(b + checked, 0, n - checked);
    if (nul) { /* reported first, before the problems met on the way */
        rc = add_problem(p, pcap, 1,
                         "the phonebook contains NUL bytes (UTF-16 or binary data); "
                         "rasphone.pbk is an 8-bit text file: save it as UTF-8");
        if (rc)
            return rc;
        vl_pbk_problem first = p->problems[p->n_problems - 1];
        memmove(p->problems + 1, p->problems, (p->n_problems - 1) * sizeof *p->problems);
        p->problems[0] = first;
    }
    if (orphan_lines) {
        rc = add_problem(p, pcap, first_orphan,
                         "%zu line%s before the first [entry] header belong to no entry; "
                         "Windows ignores them: move them under an entry or delete them",
                         orphan_lines, orphan_lines == 1 ? "" : "s");
        if (rc)
            return rc;
    }
    /* give back the capacity the length estimate left unused (address
     * space only: it was never touched) */
    vl_pbk_line *lines = vl_realloc(p->lines, (p->n_lines ? p->n_lines : 1) * sizeof *p->lines);
    if (lines)
        p->lines = lines;
    vl_pbk_kv *kvs = vl_realloc(p->kvs, (p->n_kvs ? p->n_kvs : 1) * sizeof *p->kvs);
    if (kvs)
        p->kvs = kvs;
    *values_len = vtotal;
    return 0;
}

/* A key met again in the same part of an entry (PBK003 reports it). */
static void mark_dup(vl_pbk_entry *e, uint32_t *seen, uint32_t part)
{
    if (*seen == part)
        e->dup_sub = true;
    *seen = part;
}

static int parse_all(vl_pbk *p)
{
    size_t pcap = 0;
    walk w = {.entry = -1, .media = -1, .device = -1, .phone = -1, .state = VL_PBK_SCOPE_ENTRY};
    size_t vtotal = 0;
    int rc = parse_lines(p, &w, &pcap, &vtotal);
    if (rc)
        return rc;
    size_t n_entries = p->n_entries;
    if (!p->entries && !(p->entries = vl_calloc(1, sizeof *p->entries)))
        return VPNLINT_ENOMEM;
    for (size_t i = 0; i < n_entries; i++) {
        vl_pbk_entry *e = &p->entries[i];
        size_t end = i + 1 < n_entries ? p->entries[i + 1].line_index : p->n_lines;
        e->n_lines = end - e->line_index;
        e->last_line = (unsigned)end;
    }

    /* Pass 2: one walk over the kvs that copies the values (NUL-terminated,
     * blob lines joined) into one buffer, slices the tree and marks entries
     * with a repeated entry-level key (their lookups must scan). */
    p->values = advise_huge(vl_malloc(vtotal ? vtotal : 1), vtotal);
    vl_pbk_media *media = vl_arena_alloc(p->arena, (w.n_media + 1) * sizeof *media);
    vl_pbk_device *devs = vl_arena_alloc(p->arena, (w.n_devices + 1) * sizeof *devs);
    vl_pbk_group *phones = vl_arena_alloc(p->arena, (w.n_phones + 1) * sizeof *phones);
    vl_pbk_group *ncs = vl_arena_alloc(p->arena, (w.n_netcomp + 1) * sizeof *ncs);
    size_t nn = p->n_names ? p->n_names : 1;
    /* per scope, per key: the part (numbered from 1) that last had the key */
    uint32_t *seen = vl_calloc(nn * 5, sizeof *seen);
    uint32_t part = 0, part_e = 0, part_nc = 0, part_m = 0, part_d = 0, part_ph = 0;
    if (!p->values || !media || !devs || !phones || !ncs || !seen) {
        vpnlint_free(seen);
        return VPNLINT_ENOMEM;
    }
    /* the entry-level key table, unless it would outgrow the kvs (a file
     * whose entries each have their own keys): lookups then scan */
    size_t cells = p->n_cols * n_entries;
    if (n_entries && p->n_cols && cells / n_entries == p->n_cols && cells <= 2 * p->n_kvs + 4096) {
        p->ecol_kv = advise_huge(vl_calloc(cells, sizeof *p->ecol_kv), cells * sizeof *p->ecol_kv);
        p->ecol_int =
            advise_huge(vl_calloc(cells, sizeof *p->ecol_int), cells * sizeof *p->ecol_int);
        if (!p->ecol_kv || !p->ecol_int) {
            vpnlint_free(seen);
            return VPNLINT_ENOMEM;
        }
    }
    memset(media, 0, (w.n_media + 1) * sizeof *media);
    memset(devs, 0, (w.n_devices + 1) * sizeof *devs);
    memset(phones, 0, (w.n_phones + 1) * sizeof *phones);
    memset(ncs, 0, (w.n_netcomp + 1) * sizeof *ncs);

    /* kvs by key id (a counting sort, filled in the walk: file order) */
    p->kid_start = vl_calloc(p->n_names + 2, sizeof *p->kid_start);
    p->kid_kvs = advise_huge(vl_malloc((p->n_kvs ? p->n_kvs : 1) * sizeof *p->kid_kvs),
                             p->n_kvs * sizeof *p->kid_kvs);
    p->key_memo = vl_calloc(KEY_MEMO_SLOTS, sizeof *p->key_memo);
    if (!p->kid_start || !p->kid_kvs || !p->key_memo) {
        vpnlint_free(seen);
        return VPNLINT_ENOMEM;
    }
    for (size_t i = 0; i < p->n_names; i++)
        p->kid_start[i + 2] = p->kid_start[i + 1] + p->name_nkv[i];
    char *vp = p->values;
    size_t k = 0, mi = 0, di = 0, pi = 0, ni = 0;
    vl_pbk_entry *e = NULL;
    vl_pbk_media *m = NULL;
    vl_pbk_device *d = NULL;
    vl_pbk_group *nc = NULL, *ph = NULL;
    for (; k < p->n_kvs; k++) {
        vl_pbk_kv *kv = &p->kvs[k];
        const vl_pbk_line *pl = &p->lines[kv->line - 1];
        p->kid_kvs[p->kid_start[kv->kid + 1]++] = (uint32_t)k;
        size_t skip = p->name_lens[kv->kid] + 1;
        uint16_t small = 1; /* table cell: not a small number, until seen to be one */
        kv->voff = (uint32_t)(vp - p->values);
        const char *value = vp;
        unsigned n_lines = vl_pbk_kv_n_lines(p, kv);
        if (n_lines == 1) {
            const unsigned char *v = p->bytes + pl->off + skip;
            size_t vl = kv->value_len;
            memcpy(vp, v, vl);
            vp += vl;
            if (vl) {
                uint8_t *nv = &p->name_vals[kv->kid];
                if (vl > 1 || (v[0] != '0' && v[0] != '1'))
                    *nv |= VL_PBK_VALS_NOT_BOOL;
                /* 1-18 digits: a number (vl_pbk_kv_int); small ones go in the table */
                unsigned long long num = 0;
                size_t j = 0;
                if (vl <= 18)
                    for (; j < vl && (unsigned char)(v[j] - '0') < 10; j++)
                        num = num * 10 + (unsigned)(v[j] - '0');
                if (j < vl || vl > 18)
                    *nv |= VL_PBK_VALS_NOT_DIGITS;
                else if (num <= 65533)
                    small = (uint16_t)(num + 2);
                if (v[vl - 1] == ' ' || v[vl - 1] == '\t')
                    p->n_pad_values++;
            }
        } else {
            p->name_vals[kv->kid] |= VL_PBK_VALS_NOT_BOOL | VL_PBK_VALS_NOT_DIGITS;
            for (unsigned j = 0; j < n_lines; j++, pl++) {
                memcpy(vp, p->bytes + pl->off + skip, pl->len - skip);
                vp += pl->len - skip;
            }
            if (kv->value_len && (vp[-1] == ' ' || vp[-1] == '\t'))
                p->n_pad_values++;
        }
        *vp++ = '\0';
        if (kv->blob && !vl_pbk_hex_valid(value, kv->value_len, NULL))
            p->n_bad_hex++; /* checked while the value is in cache (PBK007) */
        if (kv->entry < 0)
            continue; /* orphans: all at the start */
        vl_pbk_entry *ke = &p->entries[kv->entry];
        if (ke != e) {
            e = ke;
            part_e = ++part;
            e->all = kv;
            e->keys = kv;
            m = NULL;
            d = NULL;
            nc = ph = NULL;
        }
        e->n_all++;
        switch (kv->scope) {
        case VL_PBK_SCOPE_ENTRY:
            e->n_keys++;
            if (seen[kv->kid] == part_e) {
                e->dup_keys = true;
            } else if (p->ecol_kv) { /* the entry's first kv of the key (written, never read:
                                        the fresh table's pages are not faulted in twice) */
                size_t cell = (size_t)p->name_col[kv->kid] * n_entries + (size_t)kv->entry;
                p->ecol_kv[cell] = (uint32_t)k + 1;
                p->ecol_int[cell] = small;
            }
            seen[kv->kid] = part_e;
            break;
        case VL_PBK_SCOPE_NETCOMPONENTS:
            if (!nc || name_role(p, kv->kid) == VL_PBK_ROLE_NETCOMPONENTS) {
                nc = &ncs[ni++];
                if (!e->netcomponents)
                    e->netcomponents = nc;
                e->n_netcomponents++;
                nc->keys = kv;
                nc->line = kv->line;
                part_nc = ++part;
            }
            nc->n_keys++;
            mark_dup(e, &seen[1 * nn + kv->kid], part_nc);
            break;
        default: /* MEDIA, DEVICE or PHONE */
            if (!m || (kv->starts & VL_PBK_STARTS_MEDIA)) {
                m = &media[mi++];
                if (!e->media)
                    e->media = m;
                e->n_media++;
                m->keys = kv;
                m->line = kv->line;
                /* a DEVICE= without a MEDIA= before it gets an implicit MEDIA */
                m->implicit = kv->scope != VL_PBK_SCOPE_MEDIA;
                d = NULL;
                ph = NULL;
            }
            if (kv->scope == VL_PBK_SCOPE_MEDIA) {
                if (!m->n_keys++)
                    part_m = ++part;
                mark_dup(e, &seen[2 * nn + kv->kid], part_m);
                break;
            }
            if (!d || (kv->starts & VL_PBK_STARTS_DEVICE)) {
                d = &devs[di++];
                if (!m->devices)
                    m->devices = d;
                m->n_devices++;
                d->keys = kv;
                d->line = kv->line;
                ph = NULL;
                part_d = ++part;
            }
            d->n_keys++;
            if (kv->scope == VL_PBK_SCOPE_DEVICE)
                mark_dup(e, &seen[3 * nn + kv->kid], part_d);
            if (kv->scope == VL_PBK_SCOPE_PHONE) {
                if (!ph || (kv->starts & VL_PBK_STARTS_PHONE)) {
                    ph = &phones[pi++];
                    if (!d->phones)
                        d->phones = ph;
                    d->n_phones++;
                    ph->keys = kv;
                    ph->line = kv->line;
                    part_ph = ++part;
                }
                ph->n_keys++;
                mark_dup(e, &seen[4 * nn + kv->kid], part_ph);
            }
            break;
        }
    }
    vpnlint_free(seen);
    /* Orphans are the kvs with entry -1 (all at the start). */
    k = 0;
    while (k < p->n_kvs && p->kvs[k].entry < 0)
        k++;
    p->orphans = p->kvs;
    p->n_orphans = k;
    /* the guesses and counts only served the parse */
    vpnlint_free(p->name_next);
    p->name_next = NULL;
    vpnlint_free(p->name_nkv);
    p->name_nkv = NULL;
    return 0;
}

/* Builds the model over `bytes`: copied, or borrowed (kept by the caller until vl_pbk_free). */
static int parse_bytes(vl_pbk **out, const void *bytes, size_t len, bool borrow)
{
    *out = NULL;
    vl_pbk *p = vl_calloc(1, sizeof *p);
    if (!p)
        return vl_error_oom();
    p->arena = vl_arena_new();
    p->borrowed = borrow;
    static const unsigned char empty[1];
    if (borrow && !bytes)
        bytes = empty;
    p->bytes = borrow ? (unsigned char *)(uintptr_t)bytes : vl_malloc(len + 1);
    if (!p->arena || !p->bytes) {
        vl_pbk_free(p);
        return vl_error_oom();
    }
    if (!borrow) {
        if (len)
            memcpy(p->bytes, bytes, len);
        p->bytes[len] = 0;
    }
    p->len = len;
    if (len >= 3 && p->bytes[0] == 0xEF && p->bytes[1] == 0xBB && p->bytes[2] == 0xBF)
        p->bom_len = 3;
    int rc = len >= UINT32_MAX
                 ? vl_error_set(VPNLINT_ETOOBIG, "the phonebook is 4 GiB or larger; rasphone.pbk "
                                                 "files are a few kilobytes: check the file")
                 : parse_all(p);
    if (rc) {
        vl_pbk_free(p);
        return rc == VPNLINT_ENOMEM ? vl_error_oom() : rc;
    }
    *out = p;
    return 0;
}

int vl_pbk_parse(vl_pbk **out, const void *bytes, size_t len)
{
    return parse_bytes(out, bytes, len, false);
}

int vl_pbk_build(vl_pbk **out, vl_input *in, const vpnlint_options *opt)
{
    (void)opt;
    /* The model reads in->bytes, never the loader's decoded text or its line
     * table, and no phonebook rule does: drop them before the model is built
     * (a 10 MB phonebook held 14 MB of them at the peak). */
    if (!in->text_borrowed)
        vpnlint_free(in->text);
    in->text = NULL;
    in->text_borrowed = false;
    in->text_len = 0;
    vpnlint_free(in->line_starts);
    in->line_starts = NULL;
    in->n_lines = 0;
    /* the engine frees the model before the input: borrow its bytes (no copy) */
    int rc = parse_bytes(out, in->bytes, in->len, true);
    if (rc)
        return rc;
    const vl_pbk *p = *out;
    for (size_t i = 0; i < p->n_problems; i++)
        vl_input_add_parse_error(in, p->problems[i].line, 0, "%s", p->problems[i].message);
    return 0;
}
