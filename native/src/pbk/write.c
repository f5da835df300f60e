/* write.c — crash-safe replacement of a phonebook file (see edit.h and
 * docs/pbk-editing.md): conflict check, backup, temp file in the same
 * folder, flush, atomic rename, folder flush. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "pbk/edit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#define VL_PBK_MAX_FILE (64u * 1024u * 1024u)

void (*vl_pbk_write_hook)(int stage) = NULL;

static void stage(int s)
{
    if (vl_pbk_write_hook)
        vl_pbk_write_hook(s);
}

/* ------------------------------------------------------ platform I/O */

#ifdef _WIN32

static wchar_t *wide(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0)
        return NULL;
    wchar_t *w = vl_malloc((size_t)n * sizeof *w);
    if (w && MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n) <= 0) {
        vpnlint_free(w);
        return NULL;
    }
    return w;
}

static int win_error(const char *what, const char *path)
{
    DWORD e = GetLastError();
    int code = VPNLINT_EIO;
    if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND)
        code = VPNLINT_ENOTFOUND;
    else if (e == ERROR_ACCESS_DENIED)
        code = VPNLINT_EACCESS;
    else if (e == ERROR_SHARING_VIOLATION || e == ERROR_LOCK_VIOLATION)
        return vl_error_set(VPNLINT_EACCESS,
                            "%s: %s: the file is in use (locked by another program, e.g. the "
                            "Remote Access Connection Manager); close it and retry",
                            path, what);
    return vl_error_set(code, "%s: %s failed (Windows error %lu)", path, what, (unsigned long)e);
}

int vl_pbk_read(const char *path, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    wchar_t *w = wide(path);
    if (!w)
        return vl_error_set(VPNLINT_EINVALID, "%s: path is not valid UTF-8", path);
    /* FILE_SHARE_READ only: fails while another program has it open for writing. */
    HANDLE h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    vpnlint_free(w);
    if (h == INVALID_HANDLE_VALUE)
        return win_error("open", path);
    LARGE_INTEGER sz;
    if (!GetFileSizeEx(h, &sz)) {
        CloseHandle(h);
        return win_error("size", path);
    }
    if ((unsigned long long)sz.QuadPart > VL_PBK_MAX_FILE) {
        CloseHandle(h);
        return vl_error_set(VPNLINT_ETOOBIG,
                            "%s: %lld bytes is over the 64 MiB limit for a phonebook "
                            "(Windows phonebooks are a few KB); nothing was read",
                            path, (long long)sz.QuadPart);
    }
    if (vl_read_hook)
        vl_read_hook(path);
    size_t n = (size_t)sz.QuadPart;
    unsigned char *b = vl_malloc(n + 1);
    if (!b) {
        CloseHandle(h);
        return vl_error_oom();
    }
    size_t got = 0;
    while (got < n) {
        DWORD r = 0;
        if (!ReadFile(h, b + got, (DWORD)(n - got), &r, NULL) || r == 0)
            break;
        got += r;
    }
    CloseHandle(h);
    if (got != n) {
        vpnlint_free(b);
        return vl_error_set(VPNLINT_EIO, "%s: short read", path);
    }
    b[n] = 0;
    *data = b;
    *len = n;
    return 0;
}

/* Writes data to a new unique temp file next to `path`; flushes it. */
static int write_temp(const char *path, const unsigned char *data, size_t len, int partial_stage,
                      int synced_stage, char **tmp_out)
{
    *tmp_out = NULL;
    for (int attempt = 0; attempt < 100; attempt++) {
        char *tmp = vl_sprintf("%s.vpnlint-tmp-%lu-%d", path, (unsigned long)GetCurrentProcessId(),
                               attempt);
        wchar_t *w = tmp ? wide(tmp) : NULL;
        if (!w) {
            vpnlint_free(tmp);
            return vl_error_oom();
        }
        HANDLE h = CreateFileW(w, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE) {
            DWORD e = GetLastError();
            vpnlint_free(w);
            if (e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS) {
                vpnlint_free(tmp);
                continue;
            }
            int rc = win_error("create temp file", tmp);
            vpnlint_free(tmp);
            return rc;
        }
        size_t off = 0;
        bool ok = true;
        while (ok && off < len) {
            size_t chunk = len - off;
            if (off == 0 && len > 1)
                chunk = len / 2;
            if (chunk > 1u << 30)
                chunk = 1u << 30;
            DWORD wr = 0;
            ok = WriteFile(h, data + off, (DWORD)chunk, &wr, NULL) && wr == chunk;
            off += wr;
            if (ok && off < len)
                stage(partial_stage);
        }
        ok = ok && FlushFileBuffers(h);
        CloseHandle(h);
        if (!ok) {
            int rc = win_error("write temp file", tmp);
            DeleteFileW(w);
            vpnlint_free(w);
            vpnlint_free(tmp);
            return rc;
        }
        vpnlint_free(w);
        stage(synced_stage);
        *tmp_out = tmp;
        return 0;
    }
    return vl_error_set(VPNLINT_EIO, "%s: cannot create a temp file beside it", path);
}

static int move_file(const char *from, const char *to, bool replace)
{
    wchar_t *wf = wide(from), *wt = wide(to);
    if (!wf || !wt) {
        vpnlint_free(wf);
        vpnlint_free(wt);
        return vl_error_oom();
    }
    DWORD flags = MOVEFILE_WRITE_THROUGH | (replace ? MOVEFILE_REPLACE_EXISTING : 0);
    BOOL ok = MoveFileExW(wf, wt, flags);
    int rc = 0;
    if (!ok) {
        DWORD e = GetLastError();
        rc = (e == ERROR_ALREADY_EXISTS || e == ERROR_FILE_EXISTS) ? 1 : win_error("rename", to);
    }
    vpnlint_free(wf);
    vpnlint_free(wt);
    return rc;
}

static void remove_file(const char *path)
{
    wchar_t *w = wide(path);
    if (w)
        DeleteFileW(w);
    vpnlint_free(w);
}

static void sync_dir(const char *path)
{
    (void)path; /* MOVEFILE_WRITE_THROUGH already flushed the rename */
}

#else /* POSIX */

static int errno_code(int e)
{
    switch (e) {
    case ENOENT:
        return VPNLINT_ENOTFOUND;
    case EACCES:
    case EPERM:
    case EROFS:
        return VPNLINT_EACCESS;
    default:
        return VPNLINT_EIO;
    }
}

int vl_pbk_read(const char *path, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO without a writer must not hang; it is
     * refused below like any other file that is not a regular file. */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return vl_error_set(errno_code(errno), "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return vl_error_set(VPNLINT_EIO,
                            "%s: not a regular file (a folder, pipe or device); give the path "
                            "of the phonebook file itself",
                            path);
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    if ((unsigned long long)st.st_size > VL_PBK_MAX_FILE) {
        close(fd);
        return vl_error_set(VPNLINT_ETOOBIG,
                            "%s: %lld bytes is over the 64 MiB limit for a phonebook "
                            "(Windows phonebooks are a few KB); nothing was read",
                            path, (long long)st.st_size);
    }
    if (vl_read_hook)
        vl_read_hook(path);
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *b = vl_malloc(cap);
    if (!b) {
        close(fd);
        return vl_error_oom();
    }
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > VL_PBK_MAX_FILE) {
                vpnlint_free(b);
                close(fd);
                return vl_error_set(
                    VPNLINT_ETOOBIG,
                    "%s: grew past the 64 MiB limit for a phonebook while being read; nothing "
                    "was kept",
                    path);
            }
            unsigned char *nb = vl_realloc(b, cap * 2);
            if (!nb) {
                vpnlint_free(b);
                close(fd);
                return vl_error_oom();
            }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + n, cap - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            vpnlint_free(b);
            close(fd);
            return vl_error_set(VPNLINT_EIO, "%s: read failed: %s", path, strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    b[n] = 0;
    *data = b;
    *len = n;
    return 0;
}

static int write_all(int fd, const unsigned char *data, size_t len, int partial_stage)
{
    size_t off = 0;
    bool first = true;
    while (off < len) {
        size_t chunk = len - off;
        if (first && len > 1)
            chunk = len / 2; /* two writes, so a crash between them is testable */
        ssize_t w = write(fd, data + off, chunk);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        off += (size_t)w;
        if (first && off < len)
            stage(partial_stage);
        first = false;
    }
    return 0;
}

static int write_temp(const char *path, const unsigned char *data, size_t len, int partial_stage,
                      int synced_stage, char **tmp_out)
{
    *tmp_out = NULL;
    char *tmp = vl_sprintf("%s.vpnlint-tmp-XXXXXX", path);
    if (!tmp)
        return vl_error_oom();
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        int rc = vl_error_set(errno_code(e), "%s: cannot create a temp file beside it: %s", path,
                              strerror(e));
        vpnlint_free(tmp);
        return rc;
    }
    struct stat st;
    if (stat(path, &st) == 0)
        (void)fchmod(fd, st.st_mode & 07777); /* keep the target's permissions */
    else
        (void)fchmod(fd, 0644);
    if (write_all(fd, data, len, partial_stage) != 0 || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        int rc =
            vl_error_set(VPNLINT_EIO, "%s: writing the temp file failed: %s", tmp, strerror(e));
        vpnlint_free(tmp);
        return rc;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        int rc =
            vl_error_set(VPNLINT_EIO, "%s: closing the temp file failed: %s", tmp, strerror(e));
        vpnlint_free(tmp);
        return rc;
    }
    stage(synced_stage);
    *tmp_out = tmp;
    return 0;
}

/* Returns 0, 1 when `to` exists and !replace, or an error code. */
static int move_file(const char *from, const char *to, bool replace)
{
    if (replace) {
        if (rename(from, to) != 0)
            return vl_error_set(errno_code(errno), "%s: rename failed: %s", to, strerror(errno));
        return 0;
    }
    /* link() never replaces an existing file: atomic "create if absent". */
    if (link(from, to) != 0) {
        if (errno == EEXIST)
            return 1;
        return vl_error_set(errno_code(errno), "%s: cannot create: %s", to, strerror(errno));
    }
    unlink(from);
    return 0;
}

static void remove_file(const char *path)
{
    unlink(path);
}

static void sync_dir(const char *path)
{
    char *dir = vl_strdup(path);
    if (!dir)
        return;
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = 0;
    else if (slash)
        *slash = 0;
    const char *name = slash ? dir : "."; /* no slash: the working directory */
    int fd = open(name, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    vpnlint_free(dir);
}

#endif

/* ---------------------------------------------------------- writer */

static int check_unchanged(const char *path, const unsigned char *expect, size_t expect_len,
                           bool expect_absent)
{
    unsigned char *now = NULL;
    size_t n = 0;
    int rc = vl_pbk_read(path, &now, &n);
    if (expect_absent) {
        vpnlint_free(now);
        if (rc == 0)
            return vl_error_set(VPNLINT_ECONFLICT,
                                "%s: the file appeared while it was being written; nothing was "
                                "changed",
                                path);
        return rc == VPNLINT_ENOTFOUND ? 0 : rc;
    }
    if (rc == VPNLINT_ENOTFOUND)
        return vl_error_set(VPNLINT_ECONFLICT,
                            "%s: the file was deleted or moved since it was read; nothing was "
                            "changed",
                            path);
    if (rc)
        return rc;
    bool same = n == expect_len && (n == 0 || memcmp(now, expect, n) == 0);
    vpnlint_free(now);
    if (!same)
        return vl_error_set(VPNLINT_ECONFLICT,
                            "%s: the file changed since it was read (its content hash differs: "
                            "Windows, Intune or another tool wrote it); nothing was changed. "
                            "Read it again and redo the edit",
                            path);
    return 0;
}

static int write_backup(const char *path, const unsigned char *data, size_t len, char **out)
{
    *out = NULL;
    char *tmp = NULL;
    int rc =
        write_temp(path, data, len, VL_PBK_STAGE_BACKUP_PARTIAL, VL_PBK_STAGE_BACKUP_SYNCED, &tmp);
    if (rc)
        return rc;
    time_t now = time(NULL);
    struct tm tm;
#ifdef _WIN32
    gmtime_s(&tm, &now);
#else
    gmtime_r(&now, &tm);
#endif
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    for (int i = 1; i < 1000; i++) {
        char *name = i == 1 ? vl_sprintf("%s.vpnlint-%s.bak", path, stamp)
                            : vl_sprintf("%s.vpnlint-%s-%d.bak", path, stamp, i);
        if (!name) {
            remove_file(tmp);
            vpnlint_free(tmp);
            return vl_error_oom();
        }
        rc = move_file(tmp, name, false);
        if (rc == 0) {
            vpnlint_free(tmp);
            sync_dir(path);
            *out = name;
            return 0;
        }
        vpnlint_free(name);
        if (rc < 0)
            break;
    }
    remove_file(tmp);
    vpnlint_free(tmp);
    return rc < 0 ? rc : vl_error_set(VPNLINT_EIO, "%s: no free backup file name", path);
}

int vl_pbk_write_file(const char *path, const unsigned char *expect, size_t expect_len,
                      bool expect_absent, const unsigned char *data, size_t len, char **backup_out)
{
    if (backup_out)
        *backup_out = NULL;
    int rc = check_unchanged(path, expect, expect_len, expect_absent);
    if (rc)
        return rc;
    stage(VL_PBK_STAGE_CHECKED);
    char *backup = NULL;
    if (backup_out && !expect_absent) {
        if ((rc = write_backup(path, expect, expect_len, &backup)))
            return rc;
        stage(VL_PBK_STAGE_BACKUP_DONE);
    }
    char *tmp = NULL;
    rc = write_temp(path, data, len, VL_PBK_STAGE_TEMP_PARTIAL, VL_PBK_STAGE_TEMP_SYNCED, &tmp);
    if (rc) {
        vpnlint_free(backup);
        return rc;
    }
    /* Last look before the rename: somebody may have written meanwhile. */
    rc = check_unchanged(path, expect, expect_len, expect_absent);
    if (rc == 0)
        rc = move_file(tmp, path, true);
    if (rc) {
        remove_file(tmp);
        vpnlint_free(tmp);
        vpnlint_free(backup);
        return rc;
    }
    vpnlint_free(tmp);
    stage(VL_PBK_STAGE_RENAMED);
    sync_dir(path);
    stage(VL_PBK_STAGE_DONE);
    if (backup_out)
        *backup_out = backup;
    else
        vpnlint_free(backup);
    return 0;
}

char *vl_pbk_backup_target(const char *backup_path)
{
    const char *m = NULL, *p = backup_path;
    while ((p = strstr(p, ".vpnlint-")) != NULL) {
        m = p;
        p++;
    }
    size_t n = strlen(backup_path);
    if (!m || n < 4 || strcmp(backup_path + n - 4, ".bak") != 0)
        return NULL;
    /* stamp: 8 digits 'T' 6 digits 'Z', optional -N */
    const char *s = m + 9;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        bool ok = i == 8 ? c == 'T' : i == 15 ? c == 'Z' : (c >= '0' && c <= '9');
        if (!ok)
            return NULL;
    }
    s += 16;
    if (*s == '-') {
        s++;
        if (!(*s >= '0' && *s <= '9'))
            return NULL;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (strcmp(s, ".bak") != 0)
        return NULL;
    return vl_strndup(backup_path, (size_t)(m - backup_path));
}
