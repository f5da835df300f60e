/* io.c — reading whole files with a size limit, UTF-8 paths everywhere. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include "core/win32.h"

#include <windows.h>
#include <wchar.h>

/* UTF-8 path -> wide path: absolute, with the \\?\ prefix when it is long
 * (core/win32.c), so long and non-ASCII paths open without the
 * LongPathsEnabled policy. */
static FILE *open_read(const char *path)
{
    wchar_t *w = vl_win_path(path);
    if (!w) {
        errno = EINVAL;
        return NULL;
    }
    FILE *f = _wfopen(w, L"rb");
    int e = errno;
    vpnlint_free(w);
    errno = e;
    return f;
}
#else
static FILE *open_read(const char *path)
{
    return fopen(path, "rb");
}
#endif

/* Size of a regular file, or -1 when it cannot be known (pipe, tty). */
static long long file_size(FILE *f)
{
#ifdef _WIN32
    if (_fseeki64(f, 0, SEEK_END) != 0)
        return -1;
    long long n = _ftelli64(f);
    if (_fseeki64(f, 0, SEEK_SET) != 0)
        return -1;
#else
    if (fseeko(f, 0, SEEK_END) != 0)
        return -1;
    long long n = (long long)ftello(f);
    if (fseeko(f, 0, SEEK_SET) != 0)
        return -1;
#endif
    return n;
}

void (*vl_read_hook)(const char *path);

int vl_read_file(const char *path, uint64_t limit, char **data_out, size_t *len_out,
                 uint64_t *size_out)
{
    *data_out = NULL;
    *len_out = 0;
    if (size_out)
        *size_out = 0;
    FILE *f = open_read(path);
    if (!f) {
        int e = errno;
        if (e == ENOENT)
            return vl_error_set(VPNLINT_ENOTFOUND, "%s: no such file", path);
        if (e == EACCES || e == EPERM)
            return vl_error_set(VPNLINT_EACCESS, "%s: permission denied", path);
        return vl_error_set(VPNLINT_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    long long known = file_size(f);
    if (known >= 0 && (uint64_t)known > limit) {
        fclose(f);
        if (size_out)
            *size_out = (uint64_t)known;
        return vl_error_set(VPNLINT_ETOOBIG,
                            "%s: %llu bytes is over the limit of %llu bytes; nothing was parsed",
                            path, (unsigned long long)known, (unsigned long long)limit);
    }
    if (vl_read_hook)
        vl_read_hook(path);
    size_t cap = 64 * 1024, len = 0;
    char *buf = vl_malloc(cap + 1);
    if (!buf) {
        fclose(f);
        return vl_error_oom();
    }
    for (;;) {
        if (len == cap) {
            if ((uint64_t)len > limit) /* already over: stop reading, measure */
                break;
            size_t ncap = cap * 2;
            if ((uint64_t)ncap > limit + 1)
                ncap = (size_t)(limit + 1);
            if (ncap <= cap)
                break;
            char *nb = vl_realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return vl_error_oom();
            }
            buf = nb;
            cap = ncap;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                return vl_error_set(VPNLINT_EIO, "%s: read failed: %s", path,
                                    e ? strerror(e) : "I/O error");
            }
            break;
        }
    }
    if ((uint64_t)len > limit) {
        /* A stream that grew past the limit (or a pipe): stop, keep nothing.
         * Its full size is unknown: *size_out stays 0. */
        fclose(f);
        free(buf);
        return vl_error_set(VPNLINT_ETOOBIG,
                            "%s: more than %llu bytes, over the limit; nothing was parsed", path,
                            (unsigned long long)limit);
    }
    fclose(f);
    buf[len] = '\0';
    *data_out = buf;
    *len_out = len;
    if (size_out)
        *size_out = len;
    return VPNLINT_OK;
}
