/* util.c — option parsing, output, stdin and directory walking for verbs. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("vpnlint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return EXIT_USAGE;
}

const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    *missing = false;
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

int cli_format(const char *name)
{
    static const struct {
        const char *n;
        int f;
    } f[] = {{"text", VPNLINT_FORMAT_TEXT},         {"json", VPNLINT_FORMAT_JSON},
             {"sarif", VPNLINT_FORMAT_SARIF},       {"intune", VPNLINT_FORMAT_INTUNE},
             {"markdown", VPNLINT_FORMAT_MARKDOWN}, {"md", VPNLINT_FORMAT_MARKDOWN}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (strcmp(name, f[i].n) == 0)
            return f[i].f;
    return -1;
}

int cli_write_output(const char *path, const char *text)
{
    size_t n = strlen(text);
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(text, 1, n, stdout) != n || fflush(stdout) != 0) {
            fprintf(stderr, "vpnlint: writing to standard output failed\n");
            return 1;
        }
        return 0;
    }
    /* temp file beside the target, then an atomic rename */
    size_t tl = strlen(path) + 32;
    char *tmp = malloc(tl);
    if (!tmp)
        return 1;
#ifdef _WIN32
    snprintf(tmp, tl, "%s.tmp%lu", path, (unsigned long)GetCurrentProcessId());
#else
    snprintf(tmp, tl, "%s.tmp%ld", path, (long)getpid());
#endif
    FILE *f = fopen(tmp, "wb");
    int rc = 0;
    if (!f || fwrite(text, 1, n, f) != n || fflush(f) != 0) {
        fprintf(stderr, "vpnlint: cannot write %s: %s\n", tmp, strerror(errno));
        rc = 1;
    }
    if (f && fclose(f) != 0)
        rc = 1;
#ifdef _WIN32
    if (rc == 0) {
        wchar_t wt[4096], wp[4096];
        if (!MultiByteToWideChar(CP_UTF8, 0, tmp, -1, wt, 4096) ||
            !MultiByteToWideChar(CP_UTF8, 0, path, -1, wp, 4096) ||
            !MoveFileExW(wt, wp, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
            fprintf(stderr, "vpnlint: cannot replace %s (error %lu)\n", path, GetLastError());
            rc = 1;
        }
    }
#else
    if (rc == 0 && rename(tmp, path) != 0) {
        fprintf(stderr, "vpnlint: cannot replace %s: %s\n", path, strerror(errno));
        rc = 1;
    }
#endif
    if (rc != 0)
        remove(tmp);
    free(tmp);
    return rc;
}

int cli_read_stdin(char **data, size_t *len, size_t limit)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                free(buf);
                return -2;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, stdin);
        n += r;
        if (r == 0)
            break;
    }
    if (n > limit) {
        free(buf);
        return -2;
    }
    *data = buf;
    *len = n;
    return 0;
}

static bool has_ext(const char *name, const char *const *exts)
{
    size_t nl = strlen(name);
    for (; *exts; exts++) {
        size_t el = strlen(*exts);
        if (nl > el) {
            const char *e = name + nl - el;
            bool same = true;
            for (size_t i = 0; i < el; i++)
                if ((e[i] | 0x20) != ((*exts)[i] | 0x20))
                    same = false;
            if (same)
                return true;
        }
    }
    return false;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct name_list {
    char **v;
    size_t n, cap;
} name_list;

static int push_name(name_list *l, const char *s)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 32;
        char **v = realloc(l->v, nc * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = nc;
    }
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (!d)
        return -1;
    memcpy(d, s, n + 1);
    l->v[l->n++] = d;
    return 0;
}

#ifdef _WIN32
int cli_path_kind(const char *path)
{
    wchar_t w[4096];
    if (!MultiByteToWideChar(CP_UTF8, 0, path, -1, w, 4096))
        return -1;
    DWORD a = GetFileAttributesW(w);
    if (a == INVALID_FILE_ATTRIBUTES)
        return -1;
    return (a & FILE_ATTRIBUTE_DIRECTORY) ? 1 : 0;
}

static int list_dir(const char *dir, name_list *files, name_list *dirs)
{
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s\\*", dir);
    wchar_t w[4096];
    if (!MultiByteToWideChar(CP_UTF8, 0, pattern, -1, w, 4096))
        return -1;
    WIN32_FIND_DATAW fd;
    HANDLE h = FindFirstFileW(w, &fd);
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    do {
        char name[1024];
        if (!WideCharToMultiByte(CP_UTF8, 0, fd.cFileName, -1, name, sizeof name, NULL, NULL))
            continue;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        if (fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)
            continue;
        if (push_name((fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? dirs : files, name))
            break;
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    return 0;
}
#define SEP "\\"
#else
int cli_path_kind(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return S_ISDIR(st.st_mode) ? 1 : 0;
}

static int list_dir(const char *dir, name_list *files, name_list *dirs)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(full, &st) != 0 || S_ISLNK(st.st_mode))
            continue; /* never follow links out of the tree */
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
            continue;
        if (push_name(S_ISDIR(st.st_mode) ? dirs : files, e->d_name))
            break;
    }
    closedir(d);
    return 0;
}
#define SEP "/"
#endif

static void free_list(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

int cli_walk(const char *dir, const char *const *exts, int (*fn)(const char *, void *), void *ctx)
{
    name_list files = {0}, dirs = {0};
    if (list_dir(dir, &files, &dirs) != 0)
        return -1;
    if (files.n > 1)
        qsort(files.v, files.n, sizeof(char *), cmp_str);
    if (dirs.n > 1)
        qsort(dirs.v, dirs.n, sizeof(char *), cmp_str);
    size_t dl = strlen(dir);
    bool trailing = dl > 0 && (dir[dl - 1] == '/' || dir[dl - 1] == '\\');
    for (size_t i = 0; i < files.n; i++) {
        if (!has_ext(files.v[i], exts))
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s%s%s", dir, trailing ? "" : SEP, files.v[i]);
        fn(full, ctx);
    }
    for (size_t i = 0; i < dirs.n; i++) {
        if (dirs.v[i][0] == '.')
            continue; /* .git and friends */
        char full[4096];
        snprintf(full, sizeof full, "%s%s%s", dir, trailing ? "" : SEP, dirs.v[i]);
        cli_walk(full, exts, fn, ctx);
    }
    free_list(&files);
    free_list(&dirs);
    return 0;
}
