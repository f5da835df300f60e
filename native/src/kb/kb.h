/* kb.h — the error-code knowledge base (internal).
 *
 * Every known code is one vl_kb_entry, compiled in. Entries live in one source
 * file per area (kb_ras.c, kb_ike.c, kb_cert.c, kb_mdm.c); kb.c holds the one
 * registry of areas and the lookup that accepts every form users paste:
 * 809, "Error 809", 0x329, 329h, -2146762495, 800B0109, ERROR_VPN_TIMEOUT, or
 * a fragment of the official message.
 *
 * A cause says what it is about (`on`, VL_KB_ON_*) and names the checks that
 * decide it: rule and device-check IDs (PXnnn, PBKnnn, DEVnnn) separated by
 * single spaces, the primary one first; or NULL when it must be checked by
 * hand, and then `how` says how and why vpnlint cannot tell. Every ID must
 * exist in the registry and its kind must fit `on` (a PX rule only for a
 * cause in the ProfileXML, a PBK rule for one in the phonebook, a DEV check
 * for one on the Windows client): vl_kb_cause_valid() decides that and
 * test_kb_codes.c applies it to every cause. */
#ifndef VL_KB_H
#define VL_KB_H

#include "core/internal.h"

/* Where a cause lives, i.e. which input could show it (bits). */
#define VL_KB_ON_PROFILE (1u << 0) /* the ProfileXML (PX rules) */
#define VL_KB_ON_PBK (1u << 1)     /* a rasphone.pbk entry (PBK rules) */
#define VL_KB_ON_DEVICE (1u << 2)  /* the Windows client: services, registry, build, account */
#define VL_KB_ON_CERT (1u << 3)    /* a certificate or certificate store (client or server) */
#define VL_KB_ON_SERVER (1u << 4)  /* the VPN server, NPS or the directory */
#define VL_KB_ON_NETWORK (1u << 5) /* the path between client and server: firewalls, NAT, DNS */
#define VL_KB_ON_SECRET (1u << 6)  /* a pre-shared key or password (never read) */
#define VL_KB_ON_DEPLOY (1u << 7)  /* the deployment: Intune policy, OMA-URI, script */
#define VL_KB_ON_ALL 0xFFu

typedef struct vl_kb_cause {
    const char *text;      /* the cause, in plain words */
    unsigned on;           /* VL_KB_ON_* bits, at least one */
    const char *check;     /* "PX071 PX072": the checks that decide it, or NULL: by hand */
    const char *how;       /* how to check it (mandatory when check is NULL, else extra) */
    const char *fix;       /* what to change */
    const char *lint_args; /* `vpnlint lint` options the PX rules need ("--target intune") */
} vl_kb_cause;

typedef struct vl_kb_entry {
    const char *code;          /* display form: "809", "0x800B0109", or the name */
    uint32_t value;            /* the code; HRESULTs as unsigned 32-bit */
    bool has_value;            /* false for message-only entries (WMI/MI texts) */
    const char *name;          /* official symbolic name: ERROR_VPN_TIMEOUT */
    const char *message;       /* the official message (Windows wording) */
    const char *meaning;       /* what it means, plain words */
    const char *aliases;       /* '|'-separated extra names and message fragments */
    const char *seen_in;       /* where users meet it (event, dialog, Intune...) */
    const vl_kb_cause *causes; /* ranked: most likely first */
    size_t n_causes;
} vl_kb_entry;

#define VL_KB_CAUSES(arr) (arr), VL_ARRAY_LEN(arr)

typedef struct vl_kb_area {
    const char *name;  /* "ras", "ike", "cert", "mdm" */
    const char *title; /* "RAS / VPN client (6xx-8xx)" */
    const vl_kb_entry *entries;
    size_t count;
} vl_kb_area;

extern const vl_kb_area vl_kb_area_ras;
extern const vl_kb_area vl_kb_area_ike;
extern const vl_kb_area vl_kb_area_cert;
extern const vl_kb_area vl_kb_area_mdm;

/* The registry: every entry of every area, in area order. */
size_t vl_kb_count(void);
const vl_kb_entry *vl_kb_at(size_t index);
const char *vl_kb_area_of(size_t index);
const vl_kb_entry *vl_kb_find_value(uint32_t value, size_t *index_out);

/* Parses a numeric code form into a 32-bit value. Accepts decimal, negative
 * decimal (an HRESULT printed as signed), 0x/0X hex, hex with a trailing h,
 * bare hex containing a-f, and an "error"/"code"/"error code"/"hr" prefix.
 * A bare 8-digit number without a-f can be read both ways: *value is the
 * decimal reading and *alt_hex the hex one (*has_alt set).
 * Returns 0, or -1 if the text is not a number. */
int vl_kb_parse_code(const char *text, uint32_t *value, uint32_t *alt_hex, bool *has_alt);

/* Finds the entry for any accepted form; NULL when unknown.
 * *index_out is set when found. */
const vl_kb_entry *vl_kb_lookup(const char *text, size_t *index_out);

/* What e->code must be: "809" below 0x10000, "0x800B0109" above, the name
 * for entries without a value (checked by the tests). buf holds 16 bytes. */
const char *vl_kb_display(const vl_kb_entry *e, char buf[16]);

/* The check kind (vpnlint_check_kind) of a check list: that of its first ID. */
int vl_kb_check_kind(const char *check);

/* Splits a check list: copies its i-th ID (0-based) into id[16]; false when
 * there is no i-th ID. */
bool vl_kb_check_id(const char *check, size_t i, char id[16]);

/* Whether a rule of vpnlint_kind `kind` can decide a cause about `on`. */
bool vl_kb_kind_fits(int rule_kind, unsigned on);

/* Checks one cause: text and fix present, `on` set, the check list well
 * formed, every ID (in the list and in the prose) existing with a kind that
 * fits `on`, and `how` present for a cause checked by hand. Returns true when
 * sound; otherwise false with the problem in msg. */
bool vl_kb_cause_valid(const vl_kb_cause *c, char *msg, size_t cap);

/* explain.c: one entry rendered (library-owned JSON string / appended text) */
char *vl_kb_entry_json(size_t index);
void vl_kb_entry_text(vl_buf *b, size_t index);

/* NPS tables (nps_tables.c) */
const char *vl_nps_reason_name(int code);      /* "IAS_NO_SUCH_USER" or NULL */
const char *vl_nps_reason_text(int code);      /* plain words, NULL if unknown */
const char *vl_nps_auth_type_name(int code);   /* "MS-CHAP v2", NULL if unknown */
const char *vl_nps_packet_type_name(int code); /* "Access-Accept", NULL if unknown */
size_t vl_nps_reason_count(void);
int vl_nps_reason_code_at(size_t i);

#endif
