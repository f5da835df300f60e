/* device.h — internals of the device checks and repairs (issue 7).
 *
 * The Win32 code (check_win.c, repair_win.c) is compiled on Windows only;
 * stub.c answers VPNLINT_EUNSUPPORTED elsewhere. What can be decided without
 * Windows (the January 2022 regression window, L2TP entries in a phonebook,
 * the journal format and its atomic write) lives in common.c/journal.c and
 * is unit-tested on every platform. */
#ifndef VL_DEVICE_H
#define VL_DEVICE_H

#include "core/internal.h"

/* Registry locations (below HKEY_LOCAL_MACHINE). */
#define VL_NATT_KEY "SYSTEM\\CurrentControlSet\\Services\\PolicyAgent"
#define VL_NATT_VALUE "AssumeUDPEncapsulationContextOnSendRule"
#define VL_RASMAN_PARAMS_KEY "SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters"
#define VL_PROHIBIT_IPSEC_VALUE "ProhibitIpSec"

/* ---- the January 2022 L2TP/IKE regression (KB5009543 / KB5009566) */
typedef enum vl_regression {
    VL_REGRESSION_NONE = 0,    /* build not concerned */
    VL_REGRESSION_FIXED = 1,   /* concerned build, the fix (or later) installed */
    VL_REGRESSION_AFFECTED = 2 /* inside the window: broken update, no fix */
} vl_regression;

/* Judges build.ubr; *fix_kb (optional) names the fixing update. */
vl_regression vl_dev_regression(uint32_t build, uint32_t ubr, const char **fix_kb);

/* ---- phonebook scan: VPN entries and how many use L2TP first or only */
typedef struct vl_pbk_scan {
    unsigned entries;      /* [sections] */
    unsigned l2tp_primary; /* VpnStrategy 3 (L2TP only), 4 (L2TP first), 13 (L2TP, SSTP) */
    unsigned l2tp_maybe;   /* strategies that fall back to L2TP (0, 2, 6, 8) */
} vl_pbk_scan;

/* Scans phonebook bytes (ANSI/UTF-8, or UTF-16 with a BOM). */
void vl_dev_scan_pbk(const void *data, size_t len, vl_pbk_scan *out);

/* ---- journal (journal.c): JSON, one step per change, written atomically */
typedef struct vl_journal vl_journal;

typedef enum vl_step_state {
    VL_STEP_PENDING = 0, /* recorded before the change; the change may or may not have happened */
    VL_STEP_DONE = 1,
    VL_STEP_UNDONE = 2
} vl_step_state;

typedef struct vl_step {
    const char *what;   /* "registry-dword" | "service-start" */
    const char *target; /* "HKLM\\...\\PolicyAgent" or a service name */
    const char *name;   /* value name (registry) or NULL */
    long long before;   /* -1 = absent (registry) / service state code */
    long long after;
    int state; /* vl_step_state */
    bool reboot_required;
} vl_step;

/* Loads `path`; a missing file gives an empty journal (*existed = false). */
int vl_journal_load(vl_journal **out, const char *path, bool *existed);
void vl_journal_free(vl_journal *j);
size_t vl_journal_count(const vl_journal *j);
int vl_journal_step(const vl_journal *j, size_t index, vl_step *out);
/* Appends a step (state PENDING, when = now); returns its index via *index. */
int vl_journal_add(vl_journal *j, const vl_step *step, size_t *index);
int vl_journal_set_state(vl_journal *j, size_t index, int state);
/* Writes the journal atomically (temporary file in the same folder, then
 * rename over the old one). */
int vl_journal_save(const vl_journal *j, const char *path);

/* Writes data to path atomically: never leaves a partial file behind. */
int vl_dev_write_atomic(const char *path, const char *data, size_t len);

/* Test hook: when VPNLINT_TEST_PAUSE_AT names `stage`, says so on stderr and
 * sleeps (a test then kills the process there). */
void vl_dev_test_pause(const char *stage);

/* Adds a DEV finding with the rule's default severity. */
int vl_dev_finding(vpnlint_report *report, const char *where, const char *rule_id, const char *fmt,
                   ...) VL_PRINTF(4, 5);

#endif
