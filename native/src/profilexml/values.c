/* values.c — see values.h. */
#include "values.h"

#include <stddef.h>
#include <string.h>

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool vl_thumbprint_valid(const char *s, bool *canonical)
{
    if (canonical)
        *canonical = false;
    if (!s)
        return false;
    size_t digits = 0;
    bool canon = true;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == ' ') {
            /* canonical: a space only after each complete pair, never doubled */
            if (digits == 0 || digits % 2 != 0 || s[i - 1] == ' ')
                canon = false;
            continue;
        }
        if (!is_hex(c))
            return false;
        if (c >= 'A' && c <= 'F')
            canon = false;
        /* canonical: a pair starts after a space (except the first) */
        if (digits > 0 && digits % 2 == 0 && s[i - 1] != ' ')
            canon = false;
        digits++;
        if (digits > 40)
            return false;
    }
    if (digits != 40)
        return false;
    if (canonical)
        *canonical = canon;
    return true;
}

bool vl_oid_valid(const char *s)
{
    if (!s || !*s)
        return false;
    unsigned arcs = 0;
    const char *p = s;
    unsigned long first = 0;
    for (;;) {
        const char *start = p;
        unsigned long v = 0;
        bool big = false;
        while (*p >= '0' && *p <= '9') {
            if (v > 100000000ul)
                big = true;
            else
                v = v * 10 + (unsigned long)(*p - '0');
            p++;
        }
        size_t len = (size_t)(p - start);
        if (len == 0)
            return false; /* empty arc or a non-digit */
        if (len > 1 && *start == '0')
            return false; /* leading zero */
        if (arcs == 0) {
            if (big || v > 2)
                return false;
            first = v;
        } else if (arcs == 1 && first < 2 && (big || v > 39)) {
            return false;
        }
        arcs++;
        if (*p == '\0')
            break;
        if (*p != '.')
            return false;
        p++;
    }
    return arcs >= 2;
}
