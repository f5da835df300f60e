/* win32.h — UTF-8 <-> UTF-16 and path helpers for the Win32 code paths.
 * Declared on every platform, defined on Windows only (win32.c). */
#ifndef VL_WIN32_H
#define VL_WIN32_H

#ifdef _WIN32
#include <wchar.h>

/* UTF-8 -> UTF-16 (NUL-terminated, vl_malloc'ed); NULL + error set when the
 * input is not valid UTF-8 or memory runs out. */
wchar_t *vl_utf8_to_wide(const char *s);
/* UTF-16 -> UTF-8 (vl_malloc'ed); NULL + error set on failure. */
char *vl_wide_to_utf8(const wchar_t *w);
/* A path for CreateFileW/_wfopen: UTF-8 -> UTF-16, made absolute, with the
 * \\?\ (or \\?\UNC\) prefix when it is longer than MAX_PATH allows, so long
 * paths work without the LongPathsEnabled policy. Forward slashes become
 * backslashes. NULL + error set on failure. */
wchar_t *vl_win_path(const char *utf8_path);
/* Text of a Win32 error code (FormatMessageW), UTF-8, vl_malloc'ed. */
char *vl_win_error_text(unsigned long code);
#endif

#endif
