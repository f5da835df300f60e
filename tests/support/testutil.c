/* testutil.c — see testutil.h. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

size_t tu_list_dir(const char *dir, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
        }
        v[n++] = strdup(e->d_name);
    }
    closedir(d);
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
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
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
