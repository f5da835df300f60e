/* strbuf.c — growable string buffer. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool grow(vl_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *d = vl_realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void vl_buf_put(vl_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void vl_buf_puts(vl_buf *b, const char *s)
{
    vl_buf_put(b, s, strlen(s));
}

void vl_buf_putc(vl_buf *b, char c)
{
    vl_buf_put(b, &c, 1);
}

void vl_buf_printf(vl_buf *b, const char *fmt, ...)
{
    va_list ap, cp;
    va_start(ap, fmt);
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n >= 0 && grow(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        b->len += (size_t)n;
    } else if (n < 0) {
        b->failed = true;
    }
    va_end(ap);
}

bool vl_buf_ok(const vl_buf *b)
{
    return !b->failed;
}

char *vl_buf_detach(vl_buf *b)
{
    if (b->failed) {
        vl_buf_free(b);
        return NULL;
    }
    char *d = b->data ? b->data : vl_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void vl_buf_free(vl_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}
