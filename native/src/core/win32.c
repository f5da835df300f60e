/* win32.c — see win32.h. */
#include "core/win32.h"

#ifdef _WIN32
#include "core/internal.h"

#include <string.h>
#include <windows.h>

wchar_t *vl_utf8_to_wide(const char *s)
{
    if (!s) {
        vl_error_set(VPNLINT_EINVALID, "no string given");
        return NULL;
    }
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0) {
        vl_error_set(VPNLINT_EINVALID, "'%s' is not valid UTF-8; pass paths and names as UTF-8", s);
        return NULL;
    }
    wchar_t *w = vl_malloc((size_t)n * sizeof(wchar_t));
    if (!w) {
        vl_error_oom();
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
    return w;
}

char *vl_wide_to_utf8(const wchar_t *w)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0) {
        vl_error_set(VPNLINT_EINVALID, "a Windows string could not be converted to UTF-8");
        return NULL;
    }
    char *s = vl_malloc((size_t)n);
    if (!s) {
        vl_error_oom();
        return NULL;
    }
    WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    return s;
}

wchar_t *vl_win_path(const char *utf8_path)
{
    wchar_t *w = vl_utf8_to_wide(utf8_path);
    if (!w)
        return NULL;
    for (wchar_t *p = w; *p; p++)
        if (*p == L'/')
            *p = L'\\';
    /* Already in the \\?\ or \\.\ namespace: use as is. */
    if (w[0] == L'\\' && w[1] == L'\\' && (w[2] == L'?' || w[2] == L'.') && w[3] == L'\\')
        return w;
    DWORD need = GetFullPathNameW(w, 0, NULL, NULL);
    if (need == 0) {
        char *why = vl_win_error_text(GetLastError());
        vl_error_set(VPNLINT_EINVALID, "cannot make '%s' an absolute path: %s", utf8_path,
                     why ? why : "unknown error");
        vpnlint_free(why);
        vpnlint_free(w);
        return NULL;
    }
    wchar_t *full = vl_malloc((size_t)need * sizeof(wchar_t));
    if (!full) {
        vpnlint_free(w);
        vl_error_oom();
        return NULL;
    }
    DWORD got = GetFullPathNameW(w, need, full, NULL);
    vpnlint_free(w);
    if (got == 0 || got >= need) {
        vpnlint_free(full);
        vl_error_set(VPNLINT_EINVALID, "cannot make '%s' an absolute path", utf8_path);
        return NULL;
    }
    /* MAX_PATH counts the NUL; folders must leave room for an 8.3 name (12). */
    if (got < MAX_PATH - 12)
        return full;
    bool unc = full[0] == L'\\' && full[1] == L'\\';
    const wchar_t *prefix = unc ? L"\\\\?\\UNC\\" : L"\\\\?\\";
    const wchar_t *rest = unc ? full + 2 : full;
    size_t np = wcslen(prefix), nr = wcslen(rest);
    wchar_t *out = vl_malloc((np + nr + 1) * sizeof(wchar_t));
    if (!out) {
        vpnlint_free(full);
        vl_error_oom();
        return NULL;
    }
    memcpy(out, prefix, np * sizeof(wchar_t));
    memcpy(out + np, rest, (nr + 1) * sizeof(wchar_t));
    vpnlint_free(full);
    return out;
}

char *vl_win_error_text(unsigned long code)
{
    wchar_t *msg = NULL;
    DWORD n = FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
        NULL, (DWORD)code, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), (LPWSTR)&msg, 0, NULL);
    if (n == 0 || !msg) {
        n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                               FORMAT_MESSAGE_IGNORE_INSERTS,
                           NULL, (DWORD)code, 0, (LPWSTR)&msg, 0, NULL);
    }
    char *out = NULL;
    if (n > 0 && msg) {
        while (n > 0 && (msg[n - 1] == L'\r' || msg[n - 1] == L'\n' || msg[n - 1] == L' ' ||
                         msg[n - 1] == L'.'))
            msg[--n] = 0;
        char *text = vl_wide_to_utf8(msg);
        if (text) {
            out = vl_sprintf("%s (Windows error %lu)", text, code);
            vpnlint_free(text);
        }
    }
    if (msg)
        LocalFree(msg);
    return out ? out : vl_sprintf("Windows error %lu", code);
}
#else
/* ISO C forbids an empty translation unit. */
typedef int vl_win32_unused;
#endif
