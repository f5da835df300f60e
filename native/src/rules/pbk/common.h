/* common.h — small helpers shared by the phonebook rules (PBKnnn).
 *
 * Header-only (static inline) because every .c file in this folder is a rule
 * and the registry is generated from their names.
 */
#ifndef VL_RULES_PBK_COMMON_H
#define VL_RULES_PBK_COMMON_H

#include "core/rule.h"
#include "pbk/pbk.h"

#include <stdio.h>
#include <string.h>

/* Is kv's key the key with id `id` (from vl_pbk_key_id; -1 = not in the file)? */
static inline bool pbkr_key_is(const vl_pbk_kv *kv, int32_t id)
{
    return id >= 0 && kv->kid == (uint32_t)id;
}

/* The next kv (from *it, which starts at 0) with key id `id` (any scope,
 * file order), or NULL: walks the model's per-key index instead of every kv. */
static inline const vl_pbk_kv *pbkr_next_of(const vl_pbk *p, int32_t id, size_t *it)
{
    size_t n;
    const uint32_t *ix = vl_pbk_kvs_of(p, id, &n);
    return *it < n ? &p->kvs[ix[(*it)++]] : NULL;
}

/* Walks the non-empty values of a list of keys whose values the parser
 * flagged (name_vals & flag), key by key in name-table order, each key's
 * values in file order. Set up with pbkr_flagged_init, end with
 * pbkr_flagged_free. */
typedef struct pbkr_flagged {
    bool *is; /* indexed by key id: the key is in the list */
    uint8_t flag;
    size_t id, it;
} pbkr_flagged;

/* false when the file has no such keys or memory ran out (nothing to walk). */
static inline bool pbkr_flagged_init(pbkr_flagged *w, const vl_pbk *p, const char *const *keys,
                                     size_t n, uint8_t flag)
{
    *w = (pbkr_flagged){NULL, flag, 0, 0};
    if (!p->n_names || (w->is = vl_calloc(p->n_names, sizeof *w->is)) == NULL)
        return false;
    vl_pbk_key_set(p, keys, n, w->is);
    return true;
}

static inline const vl_pbk_kv *pbkr_flagged_next(const vl_pbk *p, pbkr_flagged *w)
{
    for (; w->id < p->n_names; w->id++, w->it = 0) {
        if (!w->is[w->id] || !(p->name_vals[w->id] & w->flag))
            continue; /* every value of the key is fine (the parser checked) */
        const vl_pbk_kv *kv;
        while ((kv = pbkr_next_of(p, (int32_t)w->id, &w->it)) != NULL)
            if (kv->value_len)
                return kv;
    }
    return NULL;
}

static inline void pbkr_flagged_free(pbkr_flagged *w)
{
    vpnlint_free(w->is);
    w->is = NULL;
}

/* Same, entry-level keys of entries only (what e->keys[] hold). */
static inline const vl_pbk_kv *pbkr_next_entry_key(const vl_pbk *p, int32_t id, size_t *it)
{
    const vl_pbk_kv *kv;
    while ((kv = pbkr_next_of(p, id, it)) != NULL)
        if (kv->scope == VL_PBK_SCOPE_ENTRY && kv->entry >= 0)
            return kv;
    return NULL;
}

/* Protocol bits for what a VpnStrategy may use. */
#define PBKR_PPTP 1u
#define PBKR_L2TP 2u
#define PBKR_SSTP 4u
#define PBKR_IKEV2 8u
#define PBKR_GRE 16u
#define PBKR_PPP (PBKR_PPTP | PBKR_L2TP | PBKR_SSTP) /* PPP authentication inside */

/* A printable, bounded form of an entry name for messages: invalid UTF-8
 * bytes and control characters become '?', and long names are cut at 60
 * bytes (at a character boundary) with "...". */
static inline const char *pbkr_name(const vl_pbk_entry *e, char *buf, size_t cap)
{
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)e->name;
    size_t i = 0, n = e->name_len;
    while (i < n && o + 8 < cap) {
        if (o >= 60) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (len == 0 || i + len > n || !vl_utf8_valid((const char *)s + i, len) || c < 0x20 ||
            c == 0x7F) {
            buf[o++] = '?';
            i++;
            continue;
        }
        memcpy(buf + o, s + i, len);
        o += len;
        i += len;
    }
    buf[o] = '\0';
    return buf;
}

/* Same for any value (never call it on a secret). */
static inline const char *pbkr_text(const char *v, size_t n, char *buf, size_t cap)
{
    vl_pbk_entry tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.name = v;
    tmp.name_len = n;
    return pbkr_name(&tmp, buf, cap);
}

/* A kv's value as an integer (vl_pbk_kv_int); for the entry's first kv of
 * the key, from the parser's table (vl_pbk_entry_int) without reading the
 * value. */
static inline bool pbkr_kv_int(const vl_pbk_entry *e, const vl_pbk_kv *kv, long long *v)
{
    if (vl_pbk_entry_get(e, vl_pbk_kv_key(e->owner, kv)) == kv)
        return vl_pbk_entry_int(e, vl_pbk_kv_key(e->owner, kv), v);
    return vl_pbk_kv_int(e->owner, kv, v);
}

/* The next entry-level kv of key `id` (from *it, starting at 0) whose value
 * `decode` rejects: not a number (*is_num false), or a number (*v) it has no
 * name for. PBK004-PBK006. */
static inline const vl_pbk_kv *pbkr_next_undecodable(const vl_pbk *p, int32_t id, size_t *it,
                                                     const char *(*decode)(long long), bool *is_num,
                                                     long long *v)
{
    const vl_pbk_kv *kv;
    while ((kv = pbkr_next_entry_key(p, id, it)) != NULL) {
        *is_num = pbkr_kv_int(&p->entries[kv->entry], kv, v);
        if (!*is_num || !decode(*v))
            return kv;
    }
    return NULL;
}

/* Reports "[entry] Key='value' is not <what>" at kv (never for a secret). */
static inline void pbkr_report_not(vl_ctx *c, const vl_pbk_kv *kv, const char *what)
{
    char nb[96], vb[80];
    vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1, "[%s] %s='%s' is not %s",
                 pbkr_name(&c->pbk->entries[kv->entry], nb, sizeof nb), vl_pbk_kv_key(c->pbk, kv),
                 pbkr_text(vl_pbk_kv_value(c->pbk, kv), kv->value_len, vb, sizeof vb), what);
}

/* Entry-level integer, with a default when absent or not a number. */
static inline long long pbkr_int(const vl_pbk_entry *e, const char *key, long long dflt)
{
    long long v;
    return vl_pbk_entry_int(e, key, &v) ? v : dflt;
}

/* Is this a VPN entry? Type=2, or no Type and a DEVICE=vpn subsection. */
static inline bool pbkr_is_vpn(const vl_pbk_entry *e)
{
    long long t;
    if (vl_pbk_entry_int(e, "Type", &t))
        return t == 2;
    for (size_t m = 0; m < e->n_media; m++)
        for (size_t d = 0; d < e->media[m].n_devices; d++) {
            const vl_pbk_kv *kv = &e->media[m].devices[d].keys[0];
            if (strcmp(vl_pbk_kv_key(e->owner, kv), "DEVICE") == 0 &&
                strcmp(vl_pbk_kv_value(e->owner, kv), "vpn") == 0)
                return true;
        }
    return false;
}

/* The server names of a phonebook: the PhoneNumber kvs, then the
 * ServerListServerName ones (file order within a key). */
typedef struct pbkr_server_it {
    int32_t ids[2];
    size_t w, i;
} pbkr_server_it;

static inline pbkr_server_it pbkr_servers(const vl_pbk *p)
{
    pbkr_server_it it = {
        {vl_pbk_key_id(p, "PhoneNumber"), vl_pbk_key_id(p, "ServerListServerName")}, 0, 0};
    return it;
}

static inline const vl_pbk_kv *pbkr_next_server(const vl_pbk *p, pbkr_server_it *it)
{
    for (; it->w < 2; it->w++, it->i = 0) {
        const vl_pbk_kv *kv = pbkr_next_of(p, it->ids[it->w], &it->i);
        if (kv)
            return kv;
    }
    return NULL;
}

/* Same, only those of VPN entries. */
static inline const vl_pbk_kv *pbkr_next_vpn_server(const vl_pbk *p, pbkr_server_it *it)
{
    const vl_pbk_kv *kv;
    while ((kv = pbkr_next_server(p, it)) != NULL)
        if (kv->entry >= 0 && pbkr_is_vpn(&p->entries[kv->entry]))
            return kv;
    return NULL;
}

/* The protocols a strategy can end up using (Automatic: all four). */
static inline unsigned pbkr_strategy_protocols(long long v)
{
    switch (v) {
    case 0:
        return PBKR_PPTP | PBKR_L2TP | PBKR_SSTP | PBKR_IKEV2;
    case 1:
        return PBKR_PPTP;
    case 3:
        return PBKR_L2TP;
    case 5:
        return PBKR_SSTP;
    case 7:
        return PBKR_IKEV2;
    case 9:
        return PBKR_GRE;
    case 2:
    case 4:
    case 6:
    case 8:
        return PBKR_PPTP | PBKR_L2TP | PBKR_SSTP | PBKR_IKEV2;
    case 12:
        return PBKR_PPTP | PBKR_SSTP;
    case 13:
        return PBKR_L2TP | PBKR_SSTP;
    case 14:
        return PBKR_IKEV2 | PBKR_SSTP;
    default:
        return 0;
    }
}

/* The one protocol a strategy pins ("X only"), 0 otherwise. */
static inline unsigned pbkr_strategy_only(long long v)
{
    switch (v) {
    case 1:
        return PBKR_PPTP;
    case 3:
        return PBKR_L2TP;
    case 5:
        return PBKR_SSTP;
    case 7:
        return PBKR_IKEV2;
    default:
        return 0;
    }
}

/* The protocol a strategy uses first (pinned or "X first"/"X, then SSTP"). */
static inline unsigned pbkr_strategy_primary(long long v)
{
    const char *f = vl_pbk_vpn_strategy_first(v);
    if (!f)
        return 0;
    if (strcmp(f, "PPTP") == 0)
        return PBKR_PPTP;
    if (strcmp(f, "L2TP") == 0)
        return PBKR_L2TP;
    if (strcmp(f, "SSTP") == 0)
        return PBKR_SSTP;
    if (strcmp(f, "IKEv2") == 0)
        return PBKR_IKEV2;
    return PBKR_GRE;
}

/* The VpnStrategy line of a VPN entry whose strategy uses `proto` (PBKR_*)
 * first, with the value in *v; NULL for other entries. */
static inline const vl_pbk_kv *pbkr_vpn_strategy_of(const vl_pbk_entry *e, unsigned proto,
                                                    long long *v)
{
    const vl_pbk_kv *kv = vl_pbk_entry_get(e, "VpnStrategy");
    if (!kv || !vl_pbk_entry_int(e, "VpnStrategy", v) || pbkr_strategy_primary(*v) != proto ||
        !pbkr_is_vpn(e))
        return NULL;
    return kv;
}

/* Which protocol a WAN Miniport device name names ("WAN Miniport (L2TP)",
 * localised names keep the protocol in parentheses), 0 if none. */
static inline unsigned pbkr_device_protocol(const char *name)
{
    if (!name)
        return 0;
    static const struct {
        const char *tag;
        unsigned proto;
    } tags[] = {{"IKEv2", PBKR_IKEV2},
                {"L2TP", PBKR_L2TP},
                {"PPTP", PBKR_PPTP},
                {"SSTP", PBKR_SSTP},
                {"GRE", PBKR_GRE}};
    size_t n = strlen(name);
    for (size_t t = 0; t < VL_ARRAY_LEN(tags); t++) {
        size_t m = strlen(tags[t].tag);
        for (size_t i = 0; i + m <= n; i++)
            if (vl_strncasecmp(name + i, tags[t].tag, m) == 0)
                return tags[t].proto;
    }
    return 0;
}

static inline const char *pbkr_protocol_name(unsigned proto)
{
    switch (proto) {
    case PBKR_PPTP:
        return "PPTP";
    case PBKR_L2TP:
        return "L2TP/IPsec";
    case PBKR_SSTP:
        return "SSTP";
    case PBKR_IKEV2:
        return "IKEv2";
    case PBKR_GRE:
        return "GRE";
    default:
        return "an unknown protocol";
    }
}

/* VpnStrategy value that pins a protocol. */
static inline int pbkr_only_strategy_for(unsigned proto)
{
    switch (proto) {
    case PBKR_PPTP:
        return 1;
    case PBKR_L2TP:
        return 3;
    case PBKR_SSTP:
        return 5;
    case PBKR_IKEV2:
        return 7;
    default:
        return -1;
    }
}

/* Always On style entry: AlwaysOnCapable=1 or DeviceTunnel=1. */
static inline bool pbkr_is_always_on(const vl_pbk_entry *e)
{
    return pbkr_int(e, "AlwaysOnCapable", 0) == 1 || pbkr_int(e, "DeviceTunnel", 0) == 1;
}

/* Every PhoneNumber kv of an entry (any MEDIA/DEVICE), in file order. */
#define PBKR_FOR_KEYS(e, kvp)                                                                      \
    for (const vl_pbk_kv *kvp = (e)->all; kvp < (e)->all + (e)->n_all; kvp++)

/* AuthRestrictions in words into buf. */
static inline const char *pbkr_auth_words(unsigned long long bits, char *buf, size_t cap)
{
    vl_pbk_auth_restrictions_words(bits, buf, cap);
    return buf;
}

#endif
