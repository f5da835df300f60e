/* values.h — syntax checks for small value types that several rules share:
 * certificate thumbprints, OIDs, DNS names, port lists.
 *
 * All functions are pure (no allocation, no locale), accept any NUL-terminated
 * string (never NULL unless stated) and never read past its end. */
#ifndef VL_PX_VALUES_H
#define VL_PX_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A SHA-1 certificate thumbprint: exactly 40 hex digits once ASCII whitespace
 * is removed. *canonical (if not NULL) is set to true only for the form
 * Windows itself exports: lowercase hex pairs separated by single spaces
 * ("d2 d3 8e ... c2", a trailing space allowed). Uppercase or unspaced
 * thumbprints are valid but not canonical. *canonical is false when invalid. */
bool vl_thumbprint_valid(const char *s, bool *canonical);

/* A dotted-decimal object identifier such as "1.3.6.1.5.5.7.3.2":
 * at least two arcs, arcs are decimal without leading zeros and below 2^32,
 * the first arc is 0, 1 or 2, and the second arc is below 40 when the first
 * is 0 or 1 (X.660 / RFC 5280 DER rules). No surrounding whitespace. */
bool vl_oid_valid(const char *s);

/* Why a DNS name was refused (VL_DNS_OK when it is fine). */
typedef enum vl_dns_err {
    VL_DNS_OK = 0,
    VL_DNS_EMPTY,       /* nothing, or only dots */
    VL_DNS_EMPTY_LABEL, /* "a..b", or a trailing/leading dot where not allowed */
    VL_DNS_LABEL_LONG,  /* a label longer than 63 octets */
    VL_DNS_NAME_LONG,   /* more than 253 octets in total */
    VL_DNS_BAD_CHAR,    /* a character other than letters, digits, '-', '_', '.' */
    VL_DNS_HYPHEN_EDGE  /* a label starting or ending with '-' */
} vl_dns_err;

#define VL_DNS_ALLOW_LEADING_DOT (1u << 0)  /* ".corp.example.com" (NRPT suffix form) */
#define VL_DNS_ALLOW_ROOT (1u << 1)         /* "." alone (NRPT: every name) */
#define VL_DNS_ALLOW_TRAILING_DOT (1u << 2) /* "example.com." (absolute form) */
#define VL_DNS_ALLOW_WILDCARD (1u << 3)     /* "*" as the first label */

/* Validate the DNS name in s[0..len) (len need not reach a NUL). Letters,
 * digits, '-' and '_' (used by SRV-style names and some AD domains) are
 * allowed; labels at most 63 octets; at most 253 octets without a final dot.
 * Returns the first problem found; *where (if not NULL) gets its offset. */
vl_dns_err vl_dns_name_check(const char *s, size_t len, unsigned flags, size_t *where);
const char *vl_dns_err_text(vl_dns_err e);

/* One item of a port list: "n" or "a-b" with 0 <= a <= b <= 65535, no
 * whitespace. Returns false with *why set to a static explanation. */
bool vl_port_item_valid(const char *s, size_t len, const char **why);

/* Split `list` on `sep`, calling fn(item, len, user) for each item with
 * surrounding ASCII whitespace removed; *had_space (if not NULL) reports
 * whether any whitespace had to be removed. Empty items are passed as len 0.
 * Stops and returns false as soon as fn returns false. */
typedef bool (*vl_item_fn)(const char *item, size_t len, void *user);
bool vl_split_list(const char *list, char sep, vl_item_fn fn, void *user, bool *had_space);

/* Levenshtein distance between two short strings (ASCII case folded when
 * fold_case); (size_t)-1 when either is longer than 255 bytes. */
size_t vl_edit_distance(const char *a, const char *b, bool fold_case);

#endif
