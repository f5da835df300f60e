/* pbk.h — the rasphone.pbk phonebook as rules and the editor see it.
 *
 * The model is lossless: it owns a copy of the original bytes and splits them
 * into physical lines (vl_pbk_line) that together cover every byte, so
 * serialising an unchanged model gives the input back byte for byte (BOM,
 * CRLF/LF/mixed endings, blank lines, unknown keys, duplicates, trailing
 * spaces, non-UTF-8 names all included).
 *
 * On top of the lines sits a tree (reference §1.3/§1.8):
 *
 *   vl_pbk
 *     entries[]                 one per "[name]" header, in file order
 *       keys[]                  entry-level keys (header to NETCOMPONENTS/MEDIA)
 *       netcomponents[]         "NETCOMPONENTS=" groups (normally 0 or 1)
 *       media[]                 one per "MEDIA=" line (a link)
 *         keys[]                MEDIA=, Port, Device, ...
 *         devices[]             one per "DEVICE=" line
 *           keys[]              DEVICE=, PhoneNumber, ..., TryNextAlternateOnFail
 *           phones[]            PhoneNumber groups: slices of the device's keys
 *
 * Every key list is a slice of one array (vl_pbk.kvs) in file order, so a
 * scope's keys are contiguous and the first key of a MEDIA/DEVICE/
 * NETCOMPONENTS scope is its starter line ("MEDIA=rastapi").
 *
 * Keys are compared case-sensitively ("Device" in MEDIA is not "DEVICE").
 * Keys and values are kept exactly as written (no trimming): a value with a
 * trailing space keeps it. Consecutive lines with the same hex-blob key
 * (CustomAuthData, NrptRules, Routes, ...) form ONE logical vl_pbk_kv whose
 * value is the concatenation and whose n_lines says how many physical lines
 * it spans. A blob key that appears again later, not consecutively, is a
 * second vl_pbk_kv (a duplicate).
 *
 * All strings in the model are NUL-terminated copies owned by the model
 * (valid until vl_pbk_free); *_len fields give their byte length because
 * names and values may hold any byte except CR/LF (GBK, invalid UTF-8).
 * Line numbers are 1-based lines of the original file.
 */
#ifndef VL_PBK_H
#define VL_PBK_H

#include "core/internal.h"
#include "core/rule.h"

/* ------------------------------------------------------------- lines */

typedef enum vl_pbk_line_type {
    VL_PBK_LINE_BLANK = 0, /* empty or only spaces/tabs */
    VL_PBK_LINE_HEADER,    /* "[name]" (optionally indented / followed by spaces) */
    VL_PBK_LINE_KV,        /* "Key=Value" (split on the first '=') */
    VL_PBK_LINE_OTHER      /* anything else: kept verbatim (comments, junk) */
} vl_pbk_line_type;

typedef enum vl_pbk_eol {
    VL_PBK_EOL_NONE = 0, /* last line of a file without a final line ending */
    VL_PBK_EOL_LF,       /* "\n" */
    VL_PBK_EOL_CRLF,     /* "\r\n" */
    VL_PBK_EOL_CR        /* a lone "\r" at the very end of the file */
} vl_pbk_eol;

/* A 32-bit offset and a 28-bit length keep a line at 8 bytes (the model
 * refuses phonebooks of 4 GiB or more and lines of 256 MiB or more). The
 * entry and the kv a line belongs to are found from the entries' and kvs'
 * line numbers (vl_pbk_line_entry, vl_pbk_line_kv). */
#define VL_PBK_MAX_LINE ((1u << 28) - 1)
typedef struct vl_pbk_line {
    uint32_t off;      /* byte offset of the line in vl_pbk.bytes (after any BOM) */
    uint32_t len : 28; /* bytes of content, without the line ending */
    uint32_t eol : 2;  /* vl_pbk_eol */
    uint32_t type : 2; /* vl_pbk_line_type */
} vl_pbk_line;

/* -------------------------------------------------------------- keys */

typedef enum vl_pbk_scope {
    VL_PBK_SCOPE_ENTRY = 0,     /* entry-level ("header") keys */
    VL_PBK_SCOPE_NETCOMPONENTS, /* ms_msclient, ms_server, ... */
    VL_PBK_SCOPE_MEDIA,         /* MEDIA=, Port, Device */
    VL_PBK_SCOPE_DEVICE,        /* DEVICE= and device keys outside PhoneNumber groups */
    VL_PBK_SCOPE_PHONE          /* PhoneNumber, AreaCode, ..., FriendlyName of one group */
} vl_pbk_scope;

/* 24 bytes a key: lengths, offsets and indexes are 32-bit (see
 * vl_pbk_line); the index of the first physical line in vl_pbk.lines is
 * line - 1. Read through the phonebook: the key is the interned name
 * (vl_pbk_kv_key/_key_len, from kid), the value is in vl_pbk.values
 * (vl_pbk_kv_value), a joined blob's line count is vl_pbk_kv_n_lines, and
 * the kv's MEDIA/DEVICE/PhoneNumber indexes are found from the tree
 * (vl_pbk_kv_place); the parser marks where a part starts (VL_PBK_STARTS_*). */
typedef struct vl_pbk_kv {
    uint32_t voff; /* offset of the value in vl_pbk.values (vl_pbk_kv_value) */
    uint32_t value_len;
    unsigned line;  /* 1-based line of the (first) physical line */
    int32_t entry;  /* index in vl_pbk.entries; -1 = before any header */
    uint32_t kid;   /* id of the key among the file's distinct keys (vl_pbk.names) */
    bool blob;      /* a hex-blob key (known blob key, or a wrapped hex run) */
    uint8_t scope;  /* vl_pbk_scope */
    uint8_t starts; /* VL_PBK_STARTS_*: the parts of the entry this kv opens */
} vl_pbk_kv;

#define VL_PBK_STARTS_MEDIA 1u  /* a MEDIA block (a MEDIA= line, or an implicit one) */
#define VL_PBK_STARTS_DEVICE 2u /* a DEVICE subsection */
#define VL_PBK_STARTS_PHONE 4u  /* a PhoneNumber group */

/* A run of consecutive keys (NETCOMPONENTS group or PhoneNumber group). */
typedef struct vl_pbk_group {
    vl_pbk_kv *keys; /* keys[0] is the starter ("NETCOMPONENTS=" / "PhoneNumber=") */
    size_t n_keys;
    unsigned line;
} vl_pbk_group;

typedef struct vl_pbk_device {
    vl_pbk_kv *keys; /* keys[0] is "DEVICE=<type>"; all keys of the subsection */
    size_t n_keys;
    vl_pbk_group *phones; /* PhoneNumber groups, slices of keys[] */
    size_t n_phones;
    unsigned line;
} vl_pbk_device;

typedef struct vl_pbk_media {
    vl_pbk_kv *keys; /* keys[0] is "MEDIA=<type>" unless implicit */
    size_t n_keys;   /* keys of the MEDIA block itself (up to the first DEVICE=) */
    vl_pbk_device *devices;
    size_t n_devices;
    unsigned line;
    bool implicit; /* created for a DEVICE= that had no MEDIA= before it */
} vl_pbk_media;

typedef struct vl_pbk_entry {
    const char *name; /* bytes between the first '[' and the last ']' */
    size_t name_len;
    unsigned line;      /* line of the header */
    unsigned last_line; /* last line of the section (trailing blank lines included) */
    size_t line_index;  /* index of the header in vl_pbk.lines */
    size_t n_lines;     /* physical lines of the section, header included */
    vl_pbk_kv *keys;    /* entry-level keys only */
    size_t n_keys;
    vl_pbk_kv *all; /* every key of the section, in file order */
    size_t n_all;
    vl_pbk_group *netcomponents;
    size_t n_netcomponents;
    vl_pbk_media *media;
    size_t n_media;
    bool name_utf8;             /* the name is valid UTF-8 */
    const struct vl_pbk *owner; /* the phonebook (its interned key names) */
    bool dup_keys;              /* an entry-level key appears twice */
    bool dup_sub; /* a key appears twice in one NETCOMPONENTS/MEDIA/DEVICE/PhoneNumber part */
} vl_pbk_entry;

/* A structural problem met while parsing (also sent to the input's parse
 * errors by vl_pbk_build). */
typedef struct vl_pbk_problem {
    unsigned line;
    char *message;
} vl_pbk_problem;

struct vl_pbk {
    unsigned char *bytes; /* the whole input (BOM included): an owned copy, or borrowed */
    bool borrowed;        /* bytes belong to the vl_input (vl_pbk_build) */
    size_t len;
    size_t bom_len; /* 3 when the file starts with a UTF-8 BOM, else 0 */
    vl_pbk_line *lines;
    size_t n_lines;
    vl_pbk_kv *kvs; /* every logical key/value in file order */
    char *values;   /* one buffer holding every kv's NUL-terminated value (kv->voff) */
    size_t n_kvs;
    vl_pbk_kv *orphans; /* keys before the first header (slice of kvs) */
    size_t n_orphans;
    vl_pbk_entry *entries; /* vl_malloc'd */
    size_t n_entries;
    size_t n_eol_crlf, n_eol_lf, n_eol_cr; /* line-ending census */
    bool utf8_valid;                       /* the whole file is valid UTF-8 */
    /* Census taken while parsing, so that rules whose finding is rare can
     * skip their walk over every line or kv when the count is 0: */
    size_t n_pad_values;  /* kvs whose value ends with a space or tab */
    size_t n_stray_lines; /* VL_PBK_LINE_OTHER lines inside an entry */
    size_t n_hex_runs;    /* kvs joined as a wrapped hex run without a known blob key */
    size_t n_bad_hex;     /* blob kvs whose value is not valid hex (vl_pbk_hex_valid) */
    vl_pbk_problem *problems;
    size_t n_problems;
    /* The file's distinct keys, interned: every kv's key points to names[kv->kid],
     * so rules decide per distinct key once (vl_pbk_key_id) and test kv->kid
     * per kv instead of comparing strings. */
    const char **names;
    size_t *name_lens;
    uint8_t *name_flags;  /* VL_PBK_NAME_* */
    const char **name_ci; /* vl_pbk_known_key_ci of the name (NULL when none) */
    uint8_t *name_vals;   /* VL_PBK_VALS_*: what the values of the name's kvs hold */
    size_t n_names;
    uint32_t *name_next;  /* parse-time guess: 1 + id of the key that followed this one */
    uint32_t *name_nkv;   /* parse-time: kvs of each key (for kid_start) */
    uint32_t *name_slots; /* hash table: 1 + index into names, 0 = empty */
    size_t name_cap;      /* slots (a power of two) */
    vl_hash_key name_key; /* the table's SipHash key (core/hash.c) */
    /* Entry-level keys by entry, filled while parsing (column-major: the
     * cells of one key are contiguous), for vl_pbk_entry_get/_int: rules ask
     * the same ~30 keys of every entry, and a column answers from a few bytes
     * an entry instead of the entry's kvs. Cell [name_col[id] * n_entries +
     * entry]: ecol_kv = 1 + kvs index of the entry's first kv of the key (0:
     * none); ecol_int = 0 none, 1 the value is not 0-65533, else value + 2.
     * NULL when the table would be large next to the kvs (odd files). */
    int32_t *name_col; /* per key id: its column, -1 when never an entry-level key */
    size_t n_cols;
    uint32_t *ecol_kv;
    uint16_t *ecol_int;
    /* vl_pbk_key_id's memo of recent look-ups by the caller's pointer (rules
     * pass literals): the id and an owned copy of the key to check against */
    struct vl_pbk_key_memo {
        const char *ptr, *copy;
        int32_t id;
    } * key_memo;
    size_t key_memo_copies; /* copies of absent keys made (bounded) */
    /* The kvs of each key, in file order: kvs index kid_kvs[kid_start[id] ..
     * kid_start[id + 1]) (see vl_pbk_kvs_of) */
    uint32_t *kid_start, *kid_kvs;
    vl_arena *arena;
};

/* A kv's key, exactly as written (case-sensitive, not trimmed; NUL-terminated) */
static inline const char *vl_pbk_kv_key(const vl_pbk *p, const vl_pbk_kv *kv)
{
    return p->names[kv->kid];
}
static inline size_t vl_pbk_kv_key_len(const vl_pbk *p, const vl_pbk_kv *kv)
{
    return p->name_lens[kv->kid];
}
/* A kv's value, exactly as written (a blob's lines concatenated;
 * NUL-terminated, value_len bytes) */
static inline const char *vl_pbk_kv_value(const vl_pbk *p, const vl_pbk_kv *kv)
{
    return p->values + kv->voff;
}
/* Physical lines of a kv of p->kvs: > 1 only for a joined blob. */
unsigned vl_pbk_kv_n_lines(const vl_pbk *p, const vl_pbk_kv *kv);

/* Indexes into p->kvs of every kv with key id `id` (any scope), in file
 * order; *n is set to how many (0 for id -1). */
const uint32_t *vl_pbk_kvs_of(const vl_pbk *p, int32_t id, size_t *n);

#define VL_PBK_NAME_SECRET 1u /* vl_pbk_is_secret_key */
#define VL_PBK_NAME_BLOB 2u   /* vl_pbk_is_blob_key */
/* name_vals bits (empty values never set them): */
#define VL_PBK_VALS_NOT_BOOL 1u   /* some value is not "0" or "1" */
#define VL_PBK_VALS_NOT_DIGITS 2u /* some value is not 1-18 decimal digits */
/* parser-internal: */
#define VL_PBK_NAME_PLAIN 4u     /* "name=" at a line start always makes a kv line */
#define VL_PBK_NAME_PHONE 8u     /* a key of a PhoneNumber group (AreaCode, ...) */
#define VL_PBK_NAME_ROLE_SHIFT 4 /* bits 4-6: VL_PBK_ROLE_* */
enum {
    VL_PBK_ROLE_NONE,
    VL_PBK_ROLE_NETCOMPONENTS,
    VL_PBK_ROLE_MEDIA,
    VL_PBK_ROLE_DEVICE,
    VL_PBK_ROLE_PHONENUMBER
};

/* Id of a key among the file's distinct keys (exact, case-sensitive), or -1
 * when no kv of the file has that key. */
int32_t vl_pbk_key_id(const vl_pbk *p, const char *key);
/* Marks in `set` (p->n_names bools, zeroed by the caller) the ids of the keys
 * of `list` that occur in the file. */
void vl_pbk_key_set(const vl_pbk *p, const char *const *list, size_t n, bool *set);

/* ------------------------------------------------------------ build */

/* Engine entry point: builds the model from in->bytes/in->len (never the
 * decoded text), borrowing them: free the model before the input. Structural problems go to
 * vl_input_add_parse_error. Returns 0, or VPNLINT_ENOMEM. */
int vl_pbk_build(vl_pbk **out, vl_input *in, const vpnlint_options *opt);
/* Same from raw bytes (copied); problems stay in p->problems. */
int vl_pbk_parse(vl_pbk **out, const void *bytes, size_t len);
void vl_pbk_free(vl_pbk *p);

/* Serialises the model: the original bytes (lines are never edited in
 * place; the editor builds new bytes and parses them again). Returns the
 * number of bytes and sets *data to the model's own buffer. */
size_t vl_pbk_bytes(const vl_pbk *p, const unsigned char **data);

/* ----------------------------------------------------------- lookup */

/* First kv named `key` in keys[0..n) (a slice of p->kvs; exact,
 * case-sensitive), or NULL. */
const vl_pbk_kv *vl_pbk_find(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key);
/* The `nth` (0-based) kv named `key` in keys[0..n), or NULL. */
const vl_pbk_kv *vl_pbk_find_nth(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key,
                                 size_t nth);
/* How many kvs named `key` are in keys[0..n) (a joined blob counts once). */
size_t vl_pbk_count(const vl_pbk *p, const vl_pbk_kv *keys, size_t n, const char *key);

/* Entry-level key (first occurrence) / its value ("" never NULL when found). */
const vl_pbk_kv *vl_pbk_entry_get(const vl_pbk_entry *e, const char *key);
const char *vl_pbk_entry_value(const vl_pbk_entry *e, const char *key); /* NULL if absent */
/* Entry-level key as an integer: true when present and a valid decimal
 * (optional sign, no spaces, fits in long long). */
bool vl_pbk_entry_int(const vl_pbk_entry *e, const char *key, long long *out);
/* First occurrence anywhere in the section (any scope), e.g. "PhoneNumber". */
const vl_pbk_kv *vl_pbk_entry_get_any(const vl_pbk_entry *e, const char *key);

const vl_pbk_kv *vl_pbk_media_get(const vl_pbk *p, const vl_pbk_media *m, const char *key);
const vl_pbk_kv *vl_pbk_device_get(const vl_pbk *p, const vl_pbk_device *d, const char *key);
const vl_pbk_kv *vl_pbk_group_get(const vl_pbk *p, const vl_pbk_group *g, const char *key);

/* Where a kv of p->kvs sits in its entry: 0-based index in the entry's
 * media[], the media's devices[] and the device's phones[], -1 each where
 * the kv is not in such a part (orphans: all -1). */
void vl_pbk_kv_place(const vl_pbk *p, const vl_pbk_kv *kv, int *media, int *device, int *phone);

/* Parses a kv's value as a strict decimal integer (see vl_pbk_entry_int);
 * false for a NULL kv. */
bool vl_pbk_kv_int(const vl_pbk *p, const vl_pbk_kv *kv, long long *out);
/* Same for text s[0..n). */
bool vl_pbk_int_text(const char *s, size_t n, long long *out);

/* Entries whose name equals `name` byte for byte: returns how many, and the
 * first one's index in *first (if any). */
size_t vl_pbk_entries_named(const vl_pbk *p, const char *name, size_t name_len, size_t *first);

/* The entry that holds a kv (NULL for orphan keys). */
const vl_pbk_entry *vl_pbk_kv_entry(const vl_pbk *p, const vl_pbk_kv *kv);

/* The entry holding line index `li` (0-based): 1 + its index in p->entries,
 * 0 for a line before the first header (a binary search over the entries). */
size_t vl_pbk_line_entry(const vl_pbk *p, size_t li);
/* The kv a KV line (0-based index `li`) is part of, NULL for other lines
 * (a binary search over the kvs). */
const vl_pbk_kv *vl_pbk_line_kv(const vl_pbk *p, size_t li);

/* Raw content of 1-based line `line` (no line ending); NULL if out of range. */
const char *vl_pbk_line_text(const vl_pbk *p, unsigned line, size_t *len);

/* 1-based column of the value of a kv's first line (key_len + 2). */
unsigned vl_pbk_kv_value_col(const vl_pbk *p, const vl_pbk_kv *kv);

/* Where character `off` of a blob's joined value sits in the file. */
void vl_pbk_kv_locate(const vl_pbk *p, const vl_pbk_kv *kv, size_t off, unsigned *line,
                      unsigned *col);

/* ------------------------------------------------------------ blobs */

/* Is `key` one of the known hex-blob keys (CustomAuthData, NrptRules, ...)? */
bool vl_pbk_is_blob_key(const char *key);
bool vl_pbk_is_blob_key_n(const char *key, size_t key_len);
/* Checks hex text: true when every character is a hex digit and the length
 * is even. Otherwise false, with *bad = offset of the first non-hex
 * character, or `len` when only the length is odd. */
bool vl_pbk_hex_valid(const char *hex, size_t len, size_t *bad);
/* Decodes a kv's hex value into bytes (vl_malloc'd, free with vpnlint_free).
 * VPNLINT_EPARSE when the value is not valid hex (see vl_pbk_hex_valid). */
int vl_pbk_hex_decode(const vl_pbk *p, const vl_pbk_kv *kv, unsigned char **out, size_t *out_len);

/* ---------------------------------------------------------- secrets */

/* Does this key hold a secret whose value must never be printed
 * (PreSharedKey, ApnInfoPassword, anything named like a password)? */
bool vl_pbk_is_secret_key(const char *key, size_t key_len);

/* ------------------------------------------------- decoded meanings */

/* VpnStrategy: "Automatic", "PPTP only", ..., "IKEv2 first, then SSTP only",
 * "ProfileXML protocol list"; NULL for undefined values (10, 11, <0, >15). */
const char *vl_pbk_vpn_strategy_name(long long v);
/* Protocol a strategy pins or tries first: "IKEv2", "SSTP", "L2TP", "PPTP",
 * "GRE", or NULL (Automatic, protocol list, undefined). */
const char *vl_pbk_vpn_strategy_first(long long v);
/* Does the strategy ever use L2TP / PPTP? */
bool vl_pbk_vpn_strategy_uses_l2tp(long long v);
bool vl_pbk_vpn_strategy_uses_pptp(long long v);

/* AuthRestrictions bits (decimal values as in the file). */
#define VL_PBK_AUTH_PAP 8u
#define VL_PBK_AUTH_SPAP 16u
#define VL_PBK_AUTH_MD5CHAP 32u
#define VL_PBK_AUTH_MSCHAP 64u
#define VL_PBK_AUTH_EAP 128u
#define VL_PBK_AUTH_MSCHAPV2 512u
#define VL_PBK_AUTH_W95MSCHAP 1024u
#define VL_PBK_AUTH_IKEV2_MACHINE_CERT 2048u
#define VL_PBK_AUTH_IKEV2_PSK 4096u
#define VL_PBK_AUTH_KNOWN_MASK 0x1EF8u
/* Name of one bit ("MS-CHAP v2"), NULL when not a known bit. */
const char *vl_pbk_auth_bit_name(unsigned long long bit);
/* Writes the bits in words into buf ("EAP, MS-CHAP v2"; unknown bits as
 * "unknown bit 0x4"; "none" for 0). Always NUL-terminates when cap > 0;
 * returns the length the full text needs (like snprintf). */
size_t vl_pbk_auth_restrictions_words(unsigned long long bits, char *buf, size_t cap);

/* CustomAuthKey (EAP type): "EAP-TLS (smart card or certificate)", "PEAP",
 * "EAP-MSCHAPv2", "EAP-AKA", "none", ... NULL when unknown. */
const char *vl_pbk_eap_type_name(long long v);
/* DataEncryption: "none", "optional", "required", "maximum strength"; NULL else. */
const char *vl_pbk_data_encryption_name(long long v);
/* Type: "phone", "VPN", "direct", "internet", "broadband"; NULL else. */
const char *vl_pbk_entry_type_name(long long v);

/* ---------------------------------------------------- canonical order */

/* Scope a key belongs to when it is absent from the file: VL_PBK_SCOPE_*,
 * using the order Windows writes (reference §1.2/§2). Unknown keys are
 * VL_PBK_SCOPE_ENTRY. */
int vl_pbk_key_home_scope(const char *key);
/* Rank of a key in Windows' write order within its scope (0-based), or -1
 * when the key is not known for that scope. */
int vl_pbk_key_rank(int scope, const char *key);

/* Canonical spelling of a known key (any scope) that equals key[0..n) when
 * ASCII case is ignored ("vpnstrategy" -> "VpnStrategy"); NULL if none. Note
 * "Device" (MEDIA) and "DEVICE" (subsection) are both known. */
const char *vl_pbk_known_key_ci(const char *key, size_t n);

#endif
