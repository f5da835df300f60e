/* testutil.c — see testutil.h. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#ifndef _WIN32
#include <dirent.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <sys/stat.h>
#endif

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

int tu_make_temp_dir(char *buf, size_t size, const char *prefix)
{
#ifdef _WIN32
    static unsigned counter;
    char base[MAX_PATH];
    DWORD n = GetTempPathA(MAX_PATH, base);
    if (n == 0 || n >= MAX_PATH)
        return -1;
    for (int tries = 0; tries < 100; tries++) {
        int w = snprintf(buf, size, "%s%s-%lu-%u", base, prefix,
                         (unsigned long)GetCurrentProcessId(), counter++);
        if (w < 0 || (size_t)w >= size)
            return -1;
        if (CreateDirectoryA(buf, NULL))
            return 0;
        if (GetLastError() != ERROR_ALREADY_EXISTS)
            return -1;
    }
    return -1;
#else
    int w = snprintf(buf, size, "/tmp/%s-XXXXXX", prefix);
    if (w < 0 || (size_t)w >= size)
        return -1;
    return mkdtemp(buf) ? 0 : -1;
#endif
}

int tu_set_file_size(const char *path, long long bytes)
{
    FILE *f = fopen(path, "ab");
    if (!f)
        return -1;
#ifdef _WIN32
    int rc = _chsize_s(_fileno(f), bytes) == 0 ? 0 : -1;
#else
    int rc = ftruncate(fileno(f), (off_t)bytes);
#endif
    fclose(f);
    return rc;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Windows (MSVC has no dirent.h): FindFirstFile; elsewhere readdir. */
size_t tu_list_dir(const char *dir, char ***out)
{
    *out = NULL;
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
#ifdef _WIN32
    char pattern[1024];
    snprintf(pattern, sizeof pattern, "%s\\*", dir);
    WIN32_FIND_DATAA fd;
    HANDLE h = FindFirstFileA(pattern, &fd);
    if (h == INVALID_HANDLE_VALUE) {
        free(v);
        return 0;
    }
    do {
        const char *name = fd.cFileName;
#else
    DIR *d = opendir(dir);
    if (!d) {
        free(v);
        return 0;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
#endif
        if (name[0] == '.')
            continue;
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
        }
        size_t len = strlen(name) + 1;
        v[n] = malloc(len);
        memcpy(v[n++], name, len);
#ifdef _WIN32
    } while (FindNextFileA(h, &fd));
    FindClose(h);
#else
    }
    closedir(d);
#endif
    qsort(v, n, sizeof *v, cmp);
    *out = v;
    return n;
}

void tu_free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int tu_is_dir(const char *path)
{
#ifdef _WIN32
    DWORD a = GetFileAttributesA(path);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
#else
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
#endif
}

int tu_remove_dir(const char *path)
{
#ifdef _WIN32
    return RemoveDirectoryA(path) ? 0 : -1;
#else
    return rmdir(path);
#endif
}

vpnlint_report *tu_lint_opts(const char *name, const void *data, size_t len,
                             const vpnlint_options *opt)
{
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, opt), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_buffer(r, name, data, len), VPNLINT_OK);
    return r;
}

vpnlint_report *tu_lint(const char *name, const char *xml)
{
    return tu_lint_opts(name, xml, strlen(xml), NULL);
}

size_t tu_count(const vpnlint_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        if (strcmp(f.rule_id, id) == 0)
            n++;
    }
    return n;
}

int tu_has_at(const vpnlint_report *r, const char *id, unsigned line)
{
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        if (strcmp(f.rule_id, id) == 0 && f.line == line)
            return 1;
    }
    return 0;
}

void tu_dump(const vpnlint_report *r)
{
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        printf("    %s:%u:%u %s %s\n", f.path, f.line, f.column, f.rule_id, f.message);
    }
}
