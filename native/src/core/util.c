/* util.c — allocation, strings, severities, versions. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *vl_malloc(size_t n)
{
    return malloc(n ? n : 1);
}

void *vl_calloc(size_t n, size_t size)
{
    return calloc(n ? n : 1, size ? size : 1);
}

void *vl_realloc(void *p, size_t n)
{
    return realloc(p, n ? n : 1);
}

void *vl_grow(void *items, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return items;
    size_t nc = *cap ? *cap * 2 : first;
    if (nc <= *cap || nc > SIZE_MAX / size)
        return NULL; /* the size would overflow */
    void *grown = vl_realloc(items, nc * size);
    if (grown)
        *cap = nc;
    return grown;
}

void vpnlint_free(void *ptr)
{
    free(ptr);
}

char *vl_strndup(const char *s, size_t n)
{
    char *d = vl_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *vl_strdup(const char *s)
{
    return s ? vl_strndup(s, strlen(s)) : NULL;
}

char *vl_vsprintf(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return NULL;
    char *s = vl_malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *vl_sprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vl_vsprintf(fmt, ap);
    va_end(ap);
    return s;
}

int vl_strncasecmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
        if (ca != cb || ca == 0)
            return ca - cb;
    }
    return 0;
}

int vl_strcasecmp(const char *a, const char *b)
{
    return vl_strncasecmp(a, b, (size_t)-1);
}

bool vl_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *vl_trim(const char *s, size_t n, size_t *len)
{
    while (n > 0 && vl_is_space((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && vl_is_space((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

bool vl_list_contains(const char *list, const char *id)
{
    if (!list || !id)
        return false;
    size_t idlen = strlen(id);
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        size_t tn;
        const char *t = vl_trim(p, n, &tn);
        if (tn == idlen && vl_strncasecmp(t, id, idlen) == 0)
            return true;
        if (tn == 3 && vl_strncasecmp(t, "all", 3) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

const char *vl_severity_name(int severity)
{
    switch (severity) {
    case VPNLINT_SEVERITY_ERROR:
        return "error";
    case VPNLINT_SEVERITY_WARNING:
        return "warning";
    case VPNLINT_SEVERITY_INFO:
        return "info";
    case VPNLINT_SEVERITY_OFF:
        return "off";
    default:
        return "unknown";
    }
}

int vl_severity_parse(const char *s, size_t n)
{
    static const struct {
        const char *name;
        int sev;
    } names[] = {{"error", VPNLINT_SEVERITY_ERROR},  {"warning", VPNLINT_SEVERITY_WARNING},
                 {"warn", VPNLINT_SEVERITY_WARNING}, {"info", VPNLINT_SEVERITY_INFO},
                 {"note", VPNLINT_SEVERITY_INFO},    {"off", VPNLINT_SEVERITY_OFF},
                 {"none", VPNLINT_SEVERITY_OFF}};
    for (size_t i = 0; i < VL_ARRAY_LEN(names); i++)
        if (strlen(names[i].name) == n && vl_strncasecmp(s, names[i].name, n) == 0)
            return names[i].sev;
    return -2;
}

const char *vl_kind_name(int kind)
{
    switch (kind) {
    case VPNLINT_KIND_PROFILEXML:
        return "profilexml";
    case VPNLINT_KIND_PBK:
        return "pbk";
    case VPNLINT_KIND_DEVICE:
        return "device";
    case VPNLINT_KIND_NETWORK:
        return "network";
    default:
        return "unknown";
    }
}

void vpnlint_version(int *major, int *minor, int *patch)
{
    if (major)
        *major = VPNLINT_VERSION_MAJOR;
    if (minor)
        *minor = VPNLINT_VERSION_MINOR;
    if (patch)
        *patch = VPNLINT_VERSION_PATCH;
}

const char *vpnlint_version_string(void)
{
    return VPNLINT_VERSION_STRING;
}

int vpnlint_abi_version(void)
{
    return VPNLINT_ABI_VERSION;
}

size_t vl_utf8_seq(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F; /* U+D800..U+DFFF are not characters */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

bool vl_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        /* ASCII runs eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i == n)
            break;
        size_t l = vl_utf8_seq(s + i, n - i);
        if (l == 0)
            return false;
        i += l;
    }
    return true;
}
