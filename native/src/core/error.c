/* error.c — the thread-local last error (libgit2 style). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#if defined(_MSC_VER)
#define VL_THREAD_LOCAL __declspec(thread)
#else
#define VL_THREAD_LOCAL _Thread_local
#endif

static VL_THREAD_LOCAL char last_message[1024];
static VL_THREAD_LOCAL int last_code;

int vl_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    last_code = code;
    return code;
}

int vl_error_oom(void)
{
    return vl_error_set(VPNLINT_ENOMEM, "out of memory");
}

const char *vpnlint_error_last(void)
{
    return last_message;
}

int vpnlint_error_last_code(void)
{
    return last_code;
}

void vpnlint_error_clear(void)
{
    last_message[0] = '\0';
    last_code = VPNLINT_OK;
}
