/* values.c — syntax checks for thumbprints, OIDs, DNS names and port lists.
 * See values.h. Written by hand because these grammars are tiny and the
 * platform functions differ between Windows and POSIX. */
#include "profilexml/values.h"

#include <ctype.h>
#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool vl_thumbprint_valid(const char *s, bool *canonical)
{
    size_t hex = 0;
    bool lower = true;
    if (canonical)
        *canonical = false;
    if (!s)
        return false;
    for (const char *q = s; *q; q++) {
        if (is_space(*q))
            continue;
        if (!is_hex(*q))
            return false;
        if (*q >= 'A' && *q <= 'F')
            lower = false;
        hex++;
    }
    if (hex != 40)
        return false;
    if (canonical) {
        /* "xx xx ... xx" (59 chars), optionally followed by one space */
        size_t n = strlen(s);
        bool shape = (n == 59 || (n == 60 && s[59] == ' '));
        for (size_t i = 0; shape && i < 59; i++)
            shape = (i % 3 == 2) ? s[i] == ' ' : is_hex(s[i]);
        *canonical = shape && lower;
    }
    return true;
}

bool vl_oid_valid(const char *s)
{
    unsigned arcs = 0;
    unsigned long long first = 0;
    const char *q = s;
    if (!s)
        return false;
    for (;;) {
        if (!is_digit(*q))
            return false; /* empty arc, sign, space, trailing dot */
        if (*q == '0' && is_digit(q[1]))
            return false; /* leading zero */
        unsigned long long v = 0;
        while (is_digit(*q)) {
            v = v * 10 + (unsigned long long)(*q - '0');
            if (v > 0xFFFFFFFFull)
                return false;
            q++;
        }
        if (arcs == 0) {
            if (v > 2)
                return false;
            first = v;
        } else if (arcs == 1 && first < 2 && v > 39) {
            return false;
        }
        arcs++;
        if (*q == '\0')
            break;
        if (*q != '.')
            return false;
        q++;
    }
    return arcs >= 2;
}

vl_dns_err vl_dns_name_check(const char *s, size_t len, unsigned flags, size_t *where)
{
    size_t w = 0;
    vl_dns_err err = VL_DNS_OK;
    size_t start = 0, end = len;

    if (len == 0) {
        err = VL_DNS_EMPTY;
        goto out;
    }
    if (len == 1 && s[0] == '.') {
        err = (flags & VL_DNS_ALLOW_ROOT) ? VL_DNS_OK : VL_DNS_EMPTY;
        goto out;
    }
    if (s[0] == '.') {
        if (!(flags & VL_DNS_ALLOW_LEADING_DOT)) {
            err = VL_DNS_EMPTY_LABEL;
            goto out;
        }
        start = 1;
    }
    if (end > start && s[end - 1] == '.') {
        if (!(flags & VL_DNS_ALLOW_TRAILING_DOT)) {
            w = end - 1;
            err = VL_DNS_EMPTY_LABEL;
            goto out;
        }
        end--;
    }
    if (end <= start) {
        err = VL_DNS_EMPTY;
        goto out;
    }
    if (end - start > 253) {
        w = start + 253;
        err = VL_DNS_NAME_LONG;
        goto out;
    }
    size_t label = start;
    for (size_t i = start; i <= end; i++) {
        if (i == end || s[i] == '.') {
            size_t n = i - label;
            w = label;
            if (n == 0) {
                err = VL_DNS_EMPTY_LABEL;
                goto out;
            }
            if (n > 63) {
                err = VL_DNS_LABEL_LONG;
                goto out;
            }
            if (n == 1 && s[label] == '*' && label == start && (flags & VL_DNS_ALLOW_WILDCARD)) {
                label = i + 1;
                continue;
            }
            if (s[label] == '-' || s[i - 1] == '-') {
                err = VL_DNS_HYPHEN_EDGE;
                goto out;
            }
            label = i + 1;
            continue;
        }
        char c = s[i];
        if (!(is_alpha(c) || is_digit(c) || c == '-' || c == '_' ||
              (c == '*' && (flags & VL_DNS_ALLOW_WILDCARD)))) {
            w = i;
            err = VL_DNS_BAD_CHAR;
            goto out;
        }
        if (c == '*' && !(i == start && (i + 1 == end || s[i + 1] == '.'))) {
            w = i;
            err = VL_DNS_BAD_CHAR;
            goto out;
        }
    }
out:
    if (where)
        *where = w;
    return err;
}

const char *vl_dns_err_text(vl_dns_err e)
{
    switch (e) {
    case VL_DNS_OK:
        return "valid";
    case VL_DNS_EMPTY:
        return "empty name";
    case VL_DNS_EMPTY_LABEL:
        return "empty label (two dots in a row, or a stray leading/trailing dot)";
    case VL_DNS_LABEL_LONG:
        return "a label is longer than 63 characters";
    case VL_DNS_NAME_LONG:
        return "the name is longer than 253 characters";
    case VL_DNS_BAD_CHAR:
        return "character not allowed in a DNS name";
    case VL_DNS_HYPHEN_EDGE:
        return "a label starts or ends with '-'";
    }
    return "invalid";
}

static bool parse_port(const char *s, size_t len, unsigned long *out)
{
    if (len == 0 || len > 5)
        return false;
    unsigned long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]))
            return false;
        v = v * 10 + (unsigned long)(s[i] - '0');
    }
    *out = v;
    return true;
}

bool vl_port_item_valid(const char *s, size_t len, const char **why)
{
    const char *dash = memchr(s, '-', len);
    unsigned long a, b;
    if (len == 0) {
        *why = "empty item";
        return false;
    }
    if (!dash) {
        if (!parse_port(s, len, &a)) {
            *why = "not a port number";
            return false;
        }
        if (a > 65535) {
            *why = "port above 65535";
            return false;
        }
        return true;
    }
    size_t la = (size_t)(dash - s), lb = len - la - 1;
    if (!parse_port(s, la, &a) || !parse_port(dash + 1, lb, &b)) {
        *why = "range is not two port numbers joined by '-'";
        return false;
    }
    if (a > 65535 || b > 65535) {
        *why = "port above 65535";
        return false;
    }
    if (a > b) {
        *why = "range start is greater than its end";
        return false;
    }
    return true;
}

bool vl_split_list(const char *list, char sep, vl_item_fn fn, void *user, bool *had_space)
{
    const char *q = list;
    if (had_space)
        *had_space = false;
    for (;;) {
        const char *e = strchr(q, sep);
        size_t n = e ? (size_t)(e - q) : strlen(q);
        const char *b = q, *f = q + n;
        while (b < f && is_space(*b))
            b++;
        while (f > b && is_space(f[-1]))
            f--;
        if (had_space && (b != q || f != q + n))
            *had_space = true;
        if (!fn(b, (size_t)(f - b), user))
            return false;
        if (!e)
            return true;
        q = e + 1;
    }
}

size_t vl_edit_distance(const char *a, const char *b, bool fold_case)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 255 || lb > 255)
        return (size_t)-1;
    size_t row[256];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            unsigned char ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
            if (fold_case) {
                ca = (unsigned char)tolower(ca);
                cb = (unsigned char)tolower(cb);
            }
            size_t best = diag + (ca == cb ? 0 : 1);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}
