/* addr.h — strict IPv4/IPv6 literal parsing and prefix arithmetic for the
 * route, DNS server and traffic filter rules.
 *
 * Why not inet_pton: it is POSIX, not C11; Windows' InetPton lives in
 * ws2_32 and needs WSAStartup; and the two disagree on corner cases. This is
 * a small strict parser with the same accepted language as glibc's
 * inet_pton, which is also what Windows' strict RtlIpv4StringToAddress /
 * RtlIpv6StringToAddress accept:
 *   IPv4: exactly four dotted decimal octets 0-255, no leading zeros ("010"
 *         is refused: some parsers read it as octal), no whitespace.
 *   IPv6: RFC 4291 section 2.2 text form: up to eight groups of 1-4 hex
 *         digits, at most one "::", an optional dotted IPv4 tail taking the
 *         last two groups. No zone index ("%eth0"), no brackets, no prefix.
 * Nothing here allocates; inputs are (pointer, length) and need not be
 * NUL-terminated. */
#ifndef VL_PX_ADDR_H
#define VL_PX_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct vl_addr {
    int family;    /* 4 or 6 */
    uint8_t b[16]; /* network byte order; IPv4 uses b[0..3] */
} vl_addr;

/* Longest text vl_addr_format writes, with the NUL. */
#define VL_ADDR_STRLEN 46

bool vl_addr_parse(const char *s, size_t len, vl_addr *out);
/* Same, from a NUL-terminated string. */
bool vl_addr_parse_str(const char *s, vl_addr *out);

/* 32 or 128. */
unsigned vl_addr_bits(const vl_addr *a);

/* "a/n" with a valid address and 0 <= n <= vl_addr_bits (decimal, no
 * leading zeros except "0"). *why gets a static reason on failure. */
bool vl_cidr_parse(const char *s, size_t len, vl_addr *out, unsigned *prefix, const char **why);

/* Are any bits after the first `prefix` bits set? (prefix <= bits) */
bool vl_addr_host_bits(const vl_addr *a, unsigned prefix);
/* *out = a with all bits after `prefix` cleared. */
void vl_addr_mask(const vl_addr *a, unsigned prefix, vl_addr *out);
/* Same family required; memcmp order (numeric order). */
int vl_addr_cmp(const vl_addr *a, const vl_addr *b);
/* Does network a/pa contain network b/pb (same family, pa <= pb)? */
bool vl_prefix_contains(const vl_addr *a, unsigned pa, const vl_addr *b, unsigned pb);

/* Canonical text: dotted quad, or RFC 5952 (lowercase, longest run of two
 * or more zero groups as "::", first run on ties). Returns buf. */
const char *vl_addr_format(const vl_addr *a, char *buf, size_t size);

#endif
