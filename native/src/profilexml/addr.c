/* addr.c — strict IP literal parser and prefix helpers; see addr.h. */
#include "profilexml/addr.h"

#include <stdio.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool parse_v4(const char *s, size_t len, uint8_t out[4])
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0) {
            if (i >= len || s[i] != '.')
                return false;
            i++;
        }
        size_t start = i;
        unsigned v = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 3) {
            v = v * 10 + (unsigned)(s[i] - '0');
            i++;
        }
        size_t n = i - start;
        if (n == 0 || v > 255 || (n > 1 && s[start] == '0'))
            return false;
        if (i < len && s[i] >= '0' && s[i] <= '9')
            return false; /* four or more digits */
        out[part] = (uint8_t)v;
    }
    return i == len;
}

static bool parse_v6(const char *s, size_t len, uint8_t out[16])
{
    uint8_t b[16] = {0};
    int groups = 0; /* 16-bit groups written */
    int gap = -1;   /* group index where "::" sits */
    size_t i = 0;

    if (len >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
        if (i == len) {
            memset(out, 0, 16);
            return true;
        }
    } else if (len >= 1 && s[0] == ':') {
        return false;
    }
    for (;;) {
        if (groups >= 8)
            return false;
        size_t start = i;
        unsigned v = 0;
        while (i < len && hexval(s[i]) >= 0 && i - start < 4) {
            v = (v << 4) | (unsigned)hexval(s[i]);
            i++;
        }
        size_t n = i - start;
        if (n == 0)
            return false;
        if (i < len && s[i] == '.') {
            /* embedded IPv4 tail: must be last and fit in two groups */
            if (groups > 6)
                return false;
            if (!parse_v4(s + start, len - start, b + groups * 2))
                return false;
            groups += 2;
            i = len;
            break;
        }
        if (i < len && hexval(s[i]) >= 0)
            return false; /* five or more hex digits */
        b[groups * 2] = (uint8_t)(v >> 8);
        b[groups * 2 + 1] = (uint8_t)v;
        groups++;
        if (i == len)
            break;
        if (s[i] != ':')
            return false;
        i++;
        if (i < len && s[i] == ':') {
            if (gap >= 0)
                return false; /* second "::" */
            gap = groups;
            i++;
            if (i == len)
                break;
        } else if (i == len) {
            return false; /* trailing single ':' */
        }
    }
    if (gap < 0) {
        if (groups != 8)
            return false;
        memcpy(out, b, 16);
        return true;
    }
    if (groups > 7)
        return false; /* "::" must stand for at least one group */
    memset(out, 0, 16);
    memcpy(out, b, (size_t)gap * 2);
    int tail = groups - gap;
    memcpy(out + 16 - tail * 2, b + gap * 2, (size_t)tail * 2);
    return true;
}

bool vl_addr_parse(const char *s, size_t len, vl_addr *out)
{
    vl_addr a;
    memset(&a, 0, sizeof a);
    if (len == 0 || len > 45)
        return false;
    if (memchr(s, ':', len)) {
        if (!parse_v6(s, len, a.b))
            return false;
        a.family = 6;
    } else {
        if (!parse_v4(s, len, a.b))
            return false;
        a.family = 4;
    }
    *out = a;
    return true;
}

bool vl_addr_parse_str(const char *s, vl_addr *out)
{
    return vl_addr_parse(s, strlen(s), out);
}

unsigned vl_addr_bits(const vl_addr *a)
{
    return a->family == 6 ? 128u : 32u;
}

bool vl_cidr_parse(const char *s, size_t len, vl_addr *out, unsigned *prefix, const char **why)
{
    const char *slash = memchr(s, '/', len);
    if (!slash) {
        *why = "no '/' prefix length";
        return false;
    }
    size_t la = (size_t)(slash - s);
    if (!vl_addr_parse(s, la, out)) {
        *why = "not a valid IPv4 or IPv6 address before '/'";
        return false;
    }
    const char *p = slash + 1;
    size_t lp = len - la - 1;
    if (lp == 0 || lp > 3) {
        *why = "prefix length is not a number from 0 to 32 (IPv4) or 128 (IPv6)";
        return false;
    }
    unsigned v = 0;
    for (size_t i = 0; i < lp; i++) {
        if (p[i] < '0' || p[i] > '9') {
            *why = "prefix length is not a number";
            return false;
        }
        v = v * 10 + (unsigned)(p[i] - '0');
    }
    if (lp > 1 && p[0] == '0') {
        *why = "prefix length has a leading zero";
        return false;
    }
    if (v > vl_addr_bits(out)) {
        *why = out->family == 6 ? "prefix length above 128 for an IPv6 address"
                                : "prefix length above 32 for an IPv4 address";
        return false;
    }
    *prefix = v;
    return true;
}

void vl_addr_mask(const vl_addr *a, unsigned prefix, vl_addr *out)
{
    vl_addr r = *a;
    unsigned bits = vl_addr_bits(a);
    if (prefix > bits)
        prefix = bits;
    for (unsigned i = 0; i < bits / 8; i++) {
        unsigned first = i * 8;
        if (first >= prefix)
            r.b[i] = 0;
        else if (first + 8 > prefix)
            r.b[i] &= (uint8_t)(0xFFu << (8 - (prefix - first)));
    }
    *out = r;
}

bool vl_addr_host_bits(const vl_addr *a, unsigned prefix)
{
    vl_addr m;
    vl_addr_mask(a, prefix, &m);
    return memcmp(m.b, a->b, 16) != 0;
}

int vl_addr_cmp(const vl_addr *a, const vl_addr *b)
{
    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    return memcmp(a->b, b->b, a->family == 6 ? 16 : 4);
}

bool vl_prefix_contains(const vl_addr *a, unsigned pa, const vl_addr *b, unsigned pb)
{
    if (a->family != b->family || pa > pb)
        return false;
    vl_addr ma, mb;
    vl_addr_mask(a, pa, &ma);
    vl_addr_mask(b, pa, &mb);
    return vl_addr_cmp(&ma, &mb) == 0;
}

const char *vl_addr_format(const vl_addr *a, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    if (a->family != 6) {
        snprintf(buf, size, "%u.%u.%u.%u", a->b[0], a->b[1], a->b[2], a->b[3]);
        return buf;
    }
    unsigned g[8];
    for (int i = 0; i < 8; i++)
        g[i] = (unsigned)a->b[2 * i] << 8 | a->b[2 * i + 1];
    int best = -1, best_len = 0;
    for (int i = 0; i < 8;) {
        if (g[i] != 0) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0)
            j++;
        if (j - i > best_len && j - i >= 2) {
            best = i;
            best_len = j - i;
        }
        i = j;
    }
    char tmp[VL_ADDR_STRLEN];
    size_t n = 0;
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            tmp[n++] = ':';
            if (i == 0)
                tmp[n++] = ':';
            i += best_len - 1;
            continue;
        }
        n += (size_t)snprintf(tmp + n, sizeof tmp - n, "%x", g[i]);
        if (i < 7)
            tmp[n++] = ':';
        tmp[n] = '\0';
    }
    tmp[n] = '\0';
    snprintf(buf, size, "%s", tmp);
    return buf;
}
