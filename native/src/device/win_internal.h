/* win_internal.h — registry and service helpers of the Win32 device code. */
#ifndef VL_DEVICE_WIN_INTERNAL_H
#define VL_DEVICE_WIN_INTERNAL_H
#ifdef _WIN32
#include "core/internal.h"

/* Reads a REG_DWORD below HKLM (64-bit view). *out = -1 when the key or the
 * value is absent. VPNLINT_EPARSE when the value has another type,
 * VPNLINT_EACCESS when reading is denied. */
int vl_win_reg_get_dword(const char *key, const char *value, long long *out);
/* Writes a REG_DWORD below HKLM (creating the key), or deletes the value
 * when v < 0; flushed to disk before returning. VPNLINT_EACCESS without rights. */
int vl_win_reg_set_dword(const char *key, const char *value, long long v);
/* VPNLINT_OK when this process may write values of `key`; VPNLINT_EACCESS otherwise. */
int vl_win_reg_check_write(const char *key);

typedef struct vl_win_service {
    unsigned long state;      /* SERVICE_STOPPED (1) ... SERVICE_RUNNING (4) */
    unsigned long start_type; /* SERVICE_AUTO_START ... SERVICE_DISABLED */
    bool running;
} vl_win_service;

/* VPNLINT_ENOTFOUND when the service does not exist (Win32 error 1060). */
int vl_win_service_query(const char *name, vl_win_service *out);
/* Start / stop and wait (up to 30 s) until the service is running / stopped. */
int vl_win_service_start(const char *name);
int vl_win_service_stop(const char *name);

int vl_win_run_context(void);

#endif
#endif
