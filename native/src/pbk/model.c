/* model.c — lookups, blobs, secrets, decoded meanings and the canonical key
 * order of the rasphone.pbk model (see pbk.h). */
#include "pbk/pbk.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ lookup */

/* The kvs of keys[0..n) with key id `id` (an int compare a key): the nth
 * one, or NULL; *count (if not NULL) gets how many there are. */
static const vl_pbk_kv *find_id(const vl_pbk_kv *keys, size_t n, int32_t id, size_t nth,
                                size_t *count)
{
    size_t c = 0;
    const vl_pbk_kv *hit = NULL;
    if (keys && id >= 0)
        for (size_t i = 0; i < n; i++)
            if (keys[i].kid == (uint32_t)id && c++ == nth) {
                hit = &keys[i];
                if (!count)
                    break;
            }
    if (count)
        *count = c;
    return hit;
}

const vl_pbk_kv *vl_pbk_find_nth(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key,
                                 size_t nth)
{
    if (!p || !key)
        return NULL;
    return find_id(keys, n, vl_pbk_key_id(p, key), nth, NULL);
}

const vl_pbk_kv *vl_pbk_find(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key)
{
    return vl_pbk_find_nth(p, keys, n, key, 0);
}

size_t vl_pbk_count(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key)
{
    size_t c = 0;
    if (p && key)
        find_id(keys, n, vl_pbk_key_id(p, key), 0, &c);
    return c;
}

/* First kv of keys[0..n) with the key `key` of e's phonebook. */
static const vl_pbk_kv *find_interned(const vl_pbk_entry *e, const vl_pbk_kv *keys, size_t n,
                                      const char *key)
{
    return vl_pbk_find(e->owner, keys, n, key);
}

/* e's index in its phonebook's entries, or -1 (an entry made by a caller). */
static ptrdiff_t entry_index(const vl_pbk *p, const vl_pbk_entry *e)
{
    uintptr_t a = (uintptr_t)e, b = (uintptr_t)p->entries;
    if (a < b || a >= b + p->n_entries * sizeof *e || (a - b) % sizeof *e)
        return -1;
    return (ptrdiff_t)((a - b) / sizeof *e);
}

/* The table cell of entry-level key `key` in e (see vl_pbk.ecol_kv): 1 and
 * *cell, 0 when the entry has no such key, -1 when the table cannot say (no
 * table, an entry not in the model's array). */
static int entry_cell(const vl_pbk_entry *e, const char *key, size_t *cell)
{
    const vl_pbk *p = e->owner;
    ptrdiff_t ei;
    if (!p || !p->ecol_kv || (ei = entry_index(p, e)) < 0)
        return -1;
    int32_t id = vl_pbk_key_id(p, key);
    if (id < 0 || p->name_col[id] < 0)
        return 0;
    *cell = (size_t)p->name_col[id] * p->n_entries + (size_t)ei;
    return p->ecol_kv[*cell] ? 1 : 0;
}

const vl_pbk_kv *vl_pbk_entry_get(const vl_pbk_entry *e, const char *key)
{
    size_t cell;
    int r = entry_cell(e, key, &cell);
    if (r < 0)
        return find_interned(e, e->keys, e->n_keys, key);
    return r ? &e->owner->kvs[e->owner->ecol_kv[cell] - 1] : NULL;
}

const char *vl_pbk_entry_value(const vl_pbk_entry *e, const char *key)
{
    const vl_pbk_kv *kv = vl_pbk_entry_get(e, key);
    return kv ? vl_pbk_kv_value(e->owner, kv) : NULL;
}

bool vl_pbk_kv_int(const vl_pbk *p, const vl_pbk_kv *kv, long long *out)
{
    return kv && vl_pbk_int_text(vl_pbk_kv_value(p, kv), kv->value_len, out);
}

bool vl_pbk_int_text(const char *s, size_t len, long long *out)
{
    if (len == 0 || len > 20)
        return false;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+') {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == len)
        return false;
    unsigned long long v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (9223372036854775808ull - d) / 10)
            return false;
        v = v * 10 + d;
    }
    if (!neg && v > 9223372036854775807ull)
        return false;
    if (out)
        *out = neg ? (long long)(0 - v) : (long long)v;
    return true;
}

bool vl_pbk_entry_int(const vl_pbk_entry *e, const char *key, long long *out)
{
    size_t cell;
    int r = entry_cell(e, key, &cell);
    if (r < 0)
        return vl_pbk_kv_int(e->owner, find_interned(e, e->keys, e->n_keys, key), out);
    if (r == 0)
        return false;
    uint16_t small = e->owner->ecol_int[cell];
    if (small == 1) /* not a small number: parse the value */
        return vl_pbk_kv_int(e->owner, &e->owner->kvs[e->owner->ecol_kv[cell] - 1], out);
    if (out)
        *out = small - 2;
    return true;
}

const vl_pbk_kv *vl_pbk_entry_get_any(const vl_pbk_entry *e, const char *key)
{
    return find_interned(e, e->all, e->n_all, key);
}

const vl_pbk_kv *vl_pbk_media_get(const vl_pbk *p, const vl_pbk_media *m, const char *key)
{
    return vl_pbk_find(p, m->keys, m->n_keys, key);
}

const vl_pbk_kv *vl_pbk_device_get(const vl_pbk *p, const vl_pbk_device *d, const char *key)
{
    return vl_pbk_find(p, d->keys, d->n_keys, key);
}

const vl_pbk_kv *vl_pbk_group_get(const vl_pbk *p, const vl_pbk_group *g, const char *key)
{
    return vl_pbk_find(p, g->keys, g->n_keys, key);
}

/* Is kv one of keys[0..n)? */
static bool kv_in(const vl_pbk_kv *kv, const vl_pbk_kv *keys, size_t n)
{
    return keys && (uintptr_t)kv >= (uintptr_t)keys && (uintptr_t)kv < (uintptr_t)(keys + n);
}

void vl_pbk_kv_place(const vl_pbk *p, const vl_pbk_kv *kv, int *media, int *device, int *phone)
{
    *media = *device = *phone = -1;
    const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
    if (!e || kv->scope == VL_PBK_SCOPE_ENTRY || kv->scope == VL_PBK_SCOPE_NETCOMPONENTS)
        return;
    for (size_t m = 0; m < e->n_media; m++) {
        const vl_pbk_media *md = &e->media[m];
        if (kv_in(kv, md->keys, md->n_keys)) {
            *media = (int)m;
            return;
        }
        for (size_t d = 0; d < md->n_devices; d++) {
            const vl_pbk_device *dv = &md->devices[d];
            if (!kv_in(kv, dv->keys, dv->n_keys))
                continue;
            *media = (int)m;
            *device = (int)d;
            for (size_t g = 0; g < dv->n_phones; g++)
                if (kv_in(kv, dv->phones[g].keys, dv->phones[g].n_keys) &&
                    kv->scope == VL_PBK_SCOPE_PHONE)
                    *phone = (int)g;
            return;
        }
    }
}

size_t vl_pbk_entries_named(const vl_pbk *p, const char *name, size_t name_len, size_t *first)
{
    size_t c = 0;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (e->name_len == name_len && memcmp(e->name, name, name_len) == 0) {
            if (c++ == 0 && first)
                *first = i;
        }
    }
    return c;
}

const vl_pbk_entry *vl_pbk_kv_entry(const vl_pbk *p, const vl_pbk_kv *kv)
{
    if (!kv || kv->entry < 0 || (size_t)kv->entry >= p->n_entries)
        return NULL;
    return &p->entries[kv->entry];
}

size_t vl_pbk_line_entry(const vl_pbk *p, size_t li)
{
    size_t lo = 0, hi = p->n_entries; /* entries[0..lo) start at or before li */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->entries[mid].line_index <= li)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const vl_pbk_kv *vl_pbk_line_kv(const vl_pbk *p, size_t li)
{
    if (li >= p->n_lines || p->lines[li].type != VL_PBK_LINE_KV)
        return NULL;
    size_t lo = 0, hi = p->n_kvs; /* kvs[0..lo) start at or before line li + 1 */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)p->kvs[mid].line <= li + 1)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return NULL;
    const vl_pbk_kv *kv = &p->kvs[lo - 1];
    return li + 1 < (size_t)kv->line + vl_pbk_kv_n_lines(p, kv) ? kv : NULL;
}

unsigned vl_pbk_kv_n_lines(const vl_pbk *p, const vl_pbk_kv *kv)
{
    if (!kv->blob)
        return 1;
    /* a blob's lines: the KV lines from its first up to the next kv's first
     * (every KV line makes a kv or joins the one of the line before) */
    size_t k = (size_t)(kv - p->kvs);
    size_t end = k + 1 < p->n_kvs ? (size_t)p->kvs[k + 1].line - 1 : p->n_lines;
    size_t li = (size_t)kv->line;
    while (li < end && p->lines[li].type == VL_PBK_LINE_KV)
        li++;
    return (unsigned)(li - (kv->line - 1));
}

const char *vl_pbk_line_text(const vl_pbk *p, unsigned line, size_t *len)
{
    if (line == 0 || line > p->n_lines)
        return NULL;
    const vl_pbk_line *ln = &p->lines[line - 1];
    if (len)
        *len = ln->len;
    return (const char *)p->bytes + ln->off;
}

unsigned vl_pbk_kv_value_col(const vl_pbk *p, const vl_pbk_kv *kv)
{
    return (unsigned)vl_pbk_kv_key_len(p, kv) + 2;
}

void vl_pbk_kv_locate(const vl_pbk *p, const vl_pbk_kv *kv, size_t off, unsigned *line,
                      unsigned *col)
{
    unsigned l = kv->line, c = vl_pbk_kv_value_col(p, kv), n_lines = vl_pbk_kv_n_lines(p, kv);
    size_t key_len = vl_pbk_kv_key_len(p, kv);
    for (unsigned i = 0; i < n_lines; i++) {
        const vl_pbk_line *ln = &p->lines[(size_t)kv->line - 1 + i];
        size_t vlen = ln->len - key_len - 1;
        l = kv->line + i;
        if (off < vlen || i + 1 == n_lines) {
            c = (unsigned)(key_len + 2 + (off < vlen ? off : vlen));
            break;
        }
        off -= vlen;
    }
    if (line)
        *line = l;
    if (col)
        *col = c;
}

/* ------------------------------------------------------------- blobs */

static const char *const blob_keys[] = {
    "CustomAuthData",      "CustomIPSecPolicies",  "Routes", "NrptRules", "TrustedNetworks",
    "DnsSuffixSearchList", "PerAppTrafficFilters",
};

bool vl_pbk_is_blob_key_n(const char *key, size_t n)
{
    for (size_t i = 0; i < VL_ARRAY_LEN(blob_keys); i++)
        if (strlen(blob_keys[i]) == n && memcmp(blob_keys[i], key, n) == 0)
            return true;
    return false;
}

bool vl_pbk_is_blob_key(const char *key)
{
    return key && vl_pbk_is_blob_key_n(key, strlen(key));
}

/* Value of a hex digit, or -1. */
static const signed char hexval_tab[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,  ['7'] = 8,
    ['8'] = 9,  ['9'] = 10, ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
}; /* 1 + the value, so that the zero default means "not hex" */

static int hexval(unsigned char c)
{
    return hexval_tab[c] - 1;
}

/* Eight characters at a time: a byte (below 0x80) is a digit when it is in
 * 0x30..0x39, a letter when (byte | 0x20) is in 0x61..0x66; adding 0x80 - lo
 * sets a byte's top bit exactly when it is >= lo (no carry between bytes). */
static bool hex8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    if (w & high)
        return false;
    uint64_t y = w | 0x20 * ones;
    uint64_t digit = (w + 0x50 * ones) & ~(w + 0x46 * ones);
    uint64_t letter = (y + 0x1F * ones) & ~(y + 0x19 * ones);
    return ((digit | letter) & high) == high;
}

bool vl_pbk_hex_valid(const char *hex, size_t len, size_t *bad)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, hex + i, 8);
        if (!hex8(w))
            break;
    }
    for (; i < len; i++) {
        if (!hexval_tab[(unsigned char)hex[i]]) {
            if (bad)
                *bad = i;
            return false;
        }
    }
    if (len % 2) {
        if (bad)
            *bad = len;
        return false;
    }
    return true;
}

int vl_pbk_hex_decode(const vl_pbk *p, const vl_pbk_kv *kv, unsigned char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    size_t bad;
    const char *value = vl_pbk_kv_value(p, kv);
    if (!vl_pbk_hex_valid(value, kv->value_len, &bad))
        return vl_error_set(VPNLINT_EPARSE, "%s: not valid hex at character %zu",
                            vl_pbk_kv_key(p, kv), bad + 1);
    size_t n = kv->value_len / 2;
    unsigned char *b = vl_malloc(n ? n : 1);
    if (!b)
        return vl_error_oom();
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(hexval((unsigned char)value[2 * i]) << 4 |
                               hexval((unsigned char)value[2 * i + 1]));
    *out = b;
    *out_len = n;
    return 0;
}

/* ----------------------------------------------------------- secrets */

/* Does s[i..n) start with needle (lowercase ASCII letters), case ignored? */
static bool starts_ci(const char *s, size_t i, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    return m <= n - i && vl_strncasecmp(s + i, needle, m) == 0;
}

bool vl_pbk_is_secret_key(const char *key, size_t key_len)
{
    if (key_len == 2 && vl_strncasecmp(key, "Pw", 2) == 0)
        return true;
    /* one pass: every word to find starts with 'p' or 's' (either case) */
    static const unsigned char starts[256] = {['p'] = 1, ['P'] = 1, ['s'] = 2, ['S'] = 2};
    for (size_t i = 0; i < key_len; i++) {
        switch (starts[(unsigned char)key[i]]) {
        case 0:
            continue;
        case 1:
            if (starts_ci(key, i, key_len, "password") ||
                starts_ci(key, i, key_len, "presharedkey") || starts_ci(key, i, key_len, "psk"))
                return true;
            break;
        default:
            if (starts_ci(key, i, key_len, "secret"))
                return true;
        }
    }
    return false;
}

/* -------------------------------------------------- decoded meanings */

const char *vl_pbk_vpn_strategy_name(long long v)
{
    static const char *const names[] = {
        "Automatic",
        "PPTP only",
        "PPTP first",
        "L2TP/IPsec only",
        "L2TP/IPsec first",
        "SSTP only",
        "SSTP first",
        "IKEv2 only",
        "IKEv2 first",
        "GRE only",
        NULL,
        NULL,
        "PPTP, then SSTP only",
        "L2TP/IPsec, then SSTP only",
        "IKEv2, then SSTP only",
        "ProfileXML protocol list",
    };
    if (v < 0 || v >= (long long)VL_ARRAY_LEN(names))
        return NULL;
    return names[v];
}

const char *vl_pbk_vpn_strategy_first(long long v)
{
    switch (v) {
    case 1:
    case 2:
    case 12:
        return "PPTP";
    case 3:
    case 4:
    case 13:
        return "L2TP";
    case 5:
    case 6:
        return "SSTP";
    case 7:
    case 8:
    case 14:
        return "IKEv2";
    case 9:
        return "GRE";
    default:
        return NULL;
    }
}

bool vl_pbk_vpn_strategy_uses_l2tp(long long v)
{
    /* Automatic and every "first" strategy fall back through all protocols. */
    return v == 0 || v == 2 || v == 3 || v == 4 || v == 6 || v == 8 || v == 13;
}

bool vl_pbk_vpn_strategy_uses_pptp(long long v)
{
    return v == 0 || v == 1 || v == 2 || v == 4 || v == 6 || v == 8 || v == 12;
}

static const struct {
    unsigned long long bit;
    const char *name;
} auth_bits[] = {
    {VL_PBK_AUTH_PAP, "PAP"},
    {VL_PBK_AUTH_SPAP, "SPAP"},
    {VL_PBK_AUTH_MD5CHAP, "CHAP (MD5)"},
    {VL_PBK_AUTH_MSCHAP, "MS-CHAP"},
    {VL_PBK_AUTH_EAP, "EAP"},
    {VL_PBK_AUTH_MSCHAPV2, "MS-CHAP v2"},
    {VL_PBK_AUTH_W95MSCHAP, "Windows 95 MS-CHAP"},
    {VL_PBK_AUTH_IKEV2_MACHINE_CERT, "IKEv2 machine certificate"},
    {VL_PBK_AUTH_IKEV2_PSK, "IKEv2 pre-shared key"},
};

const char *vl_pbk_auth_bit_name(unsigned long long bit)
{
    for (size_t i = 0; i < VL_ARRAY_LEN(auth_bits); i++)
        if (auth_bits[i].bit == bit)
            return auth_bits[i].name;
    return NULL;
}

size_t vl_pbk_auth_restrictions_words(unsigned long long bits, char *buf, size_t cap)
{
    vl_buf b = VL_BUF_INIT;
    if (bits == 0)
        vl_buf_puts(&b, "none");
    for (unsigned i = 0; i < 64; i++) {
        unsigned long long bit = 1ull << i;
        if (!(bits & bit))
            continue;
        if (b.len)
            vl_buf_puts(&b, ", ");
        const char *n = vl_pbk_auth_bit_name(bit);
        if (n)
            vl_buf_puts(&b, n);
        else
            vl_buf_printf(&b, "unknown bit 0x%llx", bit);
    }
    size_t need = b.len;
    if (cap) {
        size_t n = need < cap - 1 ? need : cap - 1;
        if (n)
            memcpy(buf, b.data, n);
        buf[n] = '\0';
    }
    vl_buf_free(&b);
    return need;
}

const char *vl_pbk_eap_type_name(long long v)
{
    switch (v) {
    case -1:
        return "none (legacy -1)";
    case 0:
        return "none";
    case 4:
        return "EAP-MD5";
    case 13:
        return "EAP-TLS (smart card or certificate)";
    case 18:
        return "EAP-SIM";
    case 21:
        return "EAP-TTLS";
    case 23:
        return "EAP-AKA";
    case 25:
        return "PEAP";
    case 26:
        return "EAP-MSCHAPv2";
    case 50:
        return "EAP-AKA'";
    default:
        return NULL;
    }
}

const char *vl_pbk_data_encryption_name(long long v)
{
    switch (v) {
    case 0:
        return "none";
    case 8:
        return "optional";
    case 256:
        return "required";
    case 512:
        return "maximum strength";
    default:
        return NULL;
    }
}

const char *vl_pbk_entry_type_name(long long v)
{
    switch (v) {
    case 1:
        return "phone";
    case 2:
        return "VPN";
    case 3:
        return "direct";
    case 4:
        return "internet";
    case 5:
        return "broadband";
    default:
        return NULL;
    }
}

/* --------------------------------------------------- canonical order */

/* Entry-level keys in the order Windows 10/11 writes them (reference §1.2,
 * the snwaters sample), with the blob keys after their counts and legacy
 * (pre-Vista) keys next to their closest modern neighbours [INF]. */
static const char *const entry_order[] = {
    "Encoding",
    "PBVersion",
    "Type",
    "AutoLogon",
    "UseRasCredentials",
    "LowDateTime",
    "HighDateTime",
    "DialParamsUID",
    "Guid",
    "BaseProtocol",
    "VpnStrategy",
    "ExcludedProtocols",
    "LcpExtensions",
    "DataEncryption",
    "SwCompression",
    "NegotiateMultilinkAlways",
    "SkipNwcWarning",
    "SkipDownLevelDialog",
    "SkipDoubleDialDialog",
    "DialMode",
    "DialPercent",
    "DialSeconds",
    "HangUpPercent",
    "HangUpSeconds",
    "OverridePref",
    "RedialAttempts",
    "RedialSeconds",
    "IdleDisconnectSeconds",
    "RedialOnLinkFailure",
    "CallbackMode",
    "CustomDialDll",
    "CustomDialFunc",
    "CustomRasDialDll",
    "ForceSecureCompartment",
    "DisableIKENameEkuCheck",
    "AuthenticateServer",
    "ShareMsFilePrint",
    "BindMsNetClient",
    "SharedPhoneNumbers",
    "GlobalDeviceSettings",
    "PrerequisiteEntry",
    "PrerequisitePbk",
    "PreferredPort",
    "PreferredDevice",
    "PreferredBps",
    "PreferredHwFlow",
    "PreferredProtocol",
    "PreferredCompression",
    "PreferredSpeaker",
    "PreferredMdmProtocol",
    "PreviewUserPw",
    "PreviewDomain",
    "PreviewPhoneNumber",
    "ShowDialingProgress",
    "ShowMonitorIconInTaskBar",
    "CustomAuthKey",
    "CustomAuthData",
    "AuthRestrictions",
    "TypicalAuth",
    "IpPrioritizeRemote",
    "IpInterfaceMetric",
    "IpHeaderCompression",
    "IpAddress",
    "IpDnsAddress",
    "IpDns2Address",
    "IpWinsAddress",
    "IpWins2Address",
    "IpAssign",
    "IpNameAssign",
    "IpFrameSize",
    "IpDnsFlags",
    "IpNBTFlags",
    "TcpWindowSize",
    "UseFlags",
    "IpSecFlags",
    "IpDnsSuffix",
    "Ipv6Assign",
    "Ipv6Address",
    "Ipv6PrefixLength",
    "Ipv6PrioritizeRemote",
    "Ipv6InterfaceMetric",
    "Ipv6NameAssign",
    "Ipv6DnsAddress",
    "Ipv6Dns2Address",
    "Ipv6Prefix",
    "Ipv6InterfaceId",
    "DisableClassBasedDefaultRoute",
    "DisableMobility",
    "NetworkOutageTime",
    "IDI",
    "IDR",
    "ImsConfig",
    "IdiType",
    "IdrType",
    "ProvisionType",
    "PreSharedKey",
    "CacheCredentials",
    "NumCustomPolicy",
    "CustomIPSecPolicies",
    "NumEku",
    "UseMachineRootCert",
    "Disable_IKEv2_Fragmentation",
    "PlumbIKEv2TSAsRoutes",
    "NumServers",
    "ServerListServerName",
    "ServerListFriendlyName",
    "RouteVersion",
    "NumRoutes",
    "Routes",
    "NumNrptRules",
    "NrptRules",
    "AutoTiggerCapable",
    "NumAppIds",
    "NumClassicAppIds",
    "SecurityDescriptor",
    "ApnInfoProviderId",
    "ApnInfoUsername",
    "ApnInfoPassword",
    "ApnInfoAccessPoint",
    "ApnInfoAuthentication",
    "ApnInfoCompression",
    "DeviceComplianceEnabled",
    "DeviceComplianceSsoEnabled",
    "DeviceComplianceSsoEku",
    "DeviceComplianceSsoIssuer",
    "WebAuthEnabled",
    "WebAuthClientId",
    "FlagsSet",
    "Options",
    "DisableDefaultDnsSuffixes",
    "NumTrustedNetworks",
    "TrustedNetworks",
    "NumDnsSearchSuffixes",
    "DnsSuffixSearchList",
    "PowershellCreatedProfile",
    "ProxyFlags",
    "ProxySettingsModified",
    "ProvisioningAuthority",
    "AuthTypeOTP",
    "GREKeyDefined",
    "NumPerAppTrafficFilters",
    "PerAppTrafficFilters",
    "AlwaysOnCapable",
    "DeviceTunnel",
    "PrivateNetwork",
    "ManagementApp",
};
static const char *const netcomp_order[] = {"NETCOMPONENTS", "ms_msclient", "ms_server"};
static const char *const media_order[] = {"MEDIA", "Port", "Device", "ConnectBPS"};
static const char *const device_order[] = {
    "DEVICE",
    "PhoneNumber",
    "AreaCode",
    "CountryCode",
    "CountryID",
    "UseDialingRules",
    "Comment",
    "FriendlyName",
    "LastSelectedPhone",
    "PromoteAlternates",
    "TryNextAlternateOnFail",
};

static int rank_in(const char *const *list, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], key) == 0)
            return (int)i;
    return -1;
}

int vl_pbk_key_rank(int scope, const char *key)
{
    if (!key)
        return -1;
    switch (scope) {
    case VL_PBK_SCOPE_ENTRY:
        return rank_in(entry_order, VL_ARRAY_LEN(entry_order), key);
    case VL_PBK_SCOPE_NETCOMPONENTS:
        return rank_in(netcomp_order, VL_ARRAY_LEN(netcomp_order), key);
    case VL_PBK_SCOPE_MEDIA:
        return rank_in(media_order, VL_ARRAY_LEN(media_order), key);
    case VL_PBK_SCOPE_DEVICE:
    case VL_PBK_SCOPE_PHONE:
        return rank_in(device_order, VL_ARRAY_LEN(device_order), key);
    default:
        return -1;
    }
}

/* Every known key (any scope) in one open-addressed table, by a hash of
 * its ASCII-lowercased text; built once. Lookups of input names hash once
 * and usually find an empty slot at once (instead of ~180 comparisons).
 * The table is fixed and input never enters it, so no input can make a
 * lookup long: a probe ends within the table's longest run (a handful). */
#define KNOWN_SLOTS 512u
static const char *known_slots[KNOWN_SLOTS];
static vl_once known_once = VL_ONCE_INIT;

static inline unsigned char fold_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static size_t known_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a over the folded bytes */
    for (size_t i = 0; i < n; i++)
        h = (h ^ fold_ascii((unsigned char)s[i])) * 16777619u;
    return h & (KNOWN_SLOTS - 1);
}

/* The slot holding key[0..n) (ASCII case ignored), or the empty slot where
 * it would go. */
static size_t known_slot(const char *key, size_t n)
{
    size_t at = known_hash(key, n);
    while (known_slots[at] &&
           !(strlen(known_slots[at]) == n && (memcmp(known_slots[at], key, n) == 0 ||
                                              vl_strncasecmp(known_slots[at], key, n) == 0)))
        at = (at + 1) & (KNOWN_SLOTS - 1);
    return at;
}

static void known_build(void)
{
    static const struct {
        const char *const *list;
        size_t n;
    } lists[] = {{entry_order, VL_ARRAY_LEN(entry_order)},
                 {netcomp_order, VL_ARRAY_LEN(netcomp_order)},
                 {media_order, VL_ARRAY_LEN(media_order)},
                 {device_order, VL_ARRAY_LEN(device_order)}};
    /* in scope order; a key equal to an earlier one but for case keeps the
     * earlier spelling ("Device" of MEDIA before "DEVICE") */
    for (size_t l = 0; l < VL_ARRAY_LEN(lists); l++)
        for (size_t i = 0; i < lists[l].n; i++) {
            const char *k = lists[l].list[i];
            size_t at = known_slot(k, strlen(k));
            if (!known_slots[at])
                known_slots[at] = k;
        }
}

/* Canonical spelling of a known key (any scope) equal to key[0..n) when
 * ASCII case is ignored; NULL when none. */
const char *vl_pbk_known_key_ci(const char *key, size_t n)
{
    if (!key || n == 0)
        return NULL;
    vl_call_once(&known_once, known_build);
    return known_slots[known_slot(key, n)];
}

int vl_pbk_key_home_scope(const char *key)
{
    if (vl_pbk_key_rank(VL_PBK_SCOPE_ENTRY, key) >= 0)
        return VL_PBK_SCOPE_ENTRY;
    if (vl_pbk_key_rank(VL_PBK_SCOPE_NETCOMPONENTS, key) >= 0 ||
        (key && strncmp(key, "ms_", 3) == 0))
        return VL_PBK_SCOPE_NETCOMPONENTS;
    if (vl_pbk_key_rank(VL_PBK_SCOPE_MEDIA, key) >= 0)
        return VL_PBK_SCOPE_MEDIA;
    int r = vl_pbk_key_rank(VL_PBK_SCOPE_DEVICE, key);
    if (r >= 1 && r <= 7)
        return VL_PBK_SCOPE_PHONE;
    if (r >= 0)
        return VL_PBK_SCOPE_DEVICE;
    return VL_PBK_SCOPE_ENTRY;
}

/* -------------------------------------------------------------- text */
