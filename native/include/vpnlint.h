/*
 * vpnlint.h — the one public header of libvpnlint.
 *
 * Conventions (after libgit2 and cmark):
 *  - Every fallible function returns an int: 0 (VPNLINT_OK) on success or a
 *    negative vpnlint_error_code. The message of the last failure on the
 *    calling thread is returned by vpnlint_error_last(); it is owned by the
 *    library and valid until the next failing call on that thread.
 *  - Handles are opaque and freed by their own *_free function.
 *  - Out-parameters come first.
 *  - Every string the library allocates for the caller (char **out) is freed
 *    with vpnlint_free(), never with the caller's own free().
 *  - Structs filled by the library (vpnlint_finding, vpnlint_rule_info,
 *    vpnlint_file_info) hold borrowed pointers that live as long as the
 *    object they came from (the report, or the process for rules).
 *  - Strings in and out are UTF-8. Paths are UTF-8 on every platform.
 *  - Options structs carry a version and are initialised with *_INIT or
 *    vpnlint_options_init(); fields are only ever appended.
 */
#ifndef VPNLINT_H
#define VPNLINT_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(VPNLINT_STATIC)
#define VPNLINT_EXTERN(type) type __cdecl
#elif defined(VPNLINT_BUILDING)
#define VPNLINT_EXTERN(type) __declspec(dllexport) type __cdecl
#else
#define VPNLINT_EXTERN(type) __declspec(dllimport) type __cdecl
#endif
#elif defined(__GNUC__)
#define VPNLINT_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define VPNLINT_EXTERN(type) type
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- version */

#define VPNLINT_VERSION_MAJOR 0
#define VPNLINT_VERSION_MINOR 1
#define VPNLINT_VERSION_PATCH 0
#define VPNLINT_VERSION_STRING "0.1.0"
/** Bumped whenever a struct layout or function signature changes. */
#define VPNLINT_ABI_VERSION 1

VPNLINT_EXTERN(void) vpnlint_version(int *major, int *minor, int *patch);
VPNLINT_EXTERN(const char *) vpnlint_version_string(void);
/** The ABI version the library was built with; bindings compare it with
 *  VPNLINT_ABI_VERSION of the header they were written against. */
VPNLINT_EXTERN(int) vpnlint_abi_version(void);

/* ----------------------------------------------------------------- errors */

typedef enum vpnlint_error_code {
    VPNLINT_OK = 0,
    VPNLINT_ERROR = -1,        /* generic failure */
    VPNLINT_EINVALID = -2,     /* invalid argument or option */
    VPNLINT_ENOTFOUND = -3,    /* file, entry, key, rule or code not found */
    VPNLINT_EIO = -4,          /* read or write failed */
    VPNLINT_ENOMEM = -5,       /* out of memory */
    VPNLINT_ETOOBIG = -6,      /* input over a configured limit */
    VPNLINT_EACCESS = -7,      /* permission denied, elevation needed */
    VPNLINT_EUNSUPPORTED = -8, /* not available on this platform */
    VPNLINT_ECONFLICT = -9,    /* target changed since it was read */
    VPNLINT_EAMBIGUOUS = -10,  /* a name matches more than one object */
    VPNLINT_EPARSE = -11       /* data is malformed */
} vpnlint_error_code;

/** Message of the last failure on this thread; never NULL ("" if none). */
VPNLINT_EXTERN(const char *) vpnlint_error_last(void);
/** Code of the last failure on this thread (VPNLINT_OK if none). */
VPNLINT_EXTERN(int) vpnlint_error_last_code(void);
VPNLINT_EXTERN(void) vpnlint_error_clear(void);

/** Frees any string or buffer the library returned through an out-param. */
VPNLINT_EXTERN(void) vpnlint_free(void *ptr);

/* ----------------------------------------------------- shared enumerations */

typedef enum vpnlint_severity {
    VPNLINT_SEVERITY_OFF = -1, /* only in overrides: the rule is disabled */
    VPNLINT_SEVERITY_INFO = 0,
    VPNLINT_SEVERITY_WARNING = 1,
    VPNLINT_SEVERITY_ERROR = 2
} vpnlint_severity;

typedef enum vpnlint_kind {
    VPNLINT_KIND_UNKNOWN = 0,
    VPNLINT_KIND_PROFILEXML = 1, /* VPNv2 CSP ProfileXML (raw, escaped or SyncML) */
    VPNLINT_KIND_PBK = 2,        /* rasphone.pbk phonebook */
    VPNLINT_KIND_DEVICE = 3      /* findings of device checks */
} vpnlint_kind;

typedef enum vpnlint_target {
    VPNLINT_TARGET_ANY = 0,    /* no deployment channel assumed */
    VPNLINT_TARGET_INTUNE = 1, /* Intune custom OMA-URI / SyncML */
    VPNLINT_TARGET_WMI = 2     /* MDM_VPNv2_01 via PowerShell/WMI */
} vpnlint_target;

typedef enum vpnlint_format {
    VPNLINT_FORMAT_TEXT = 0,    /* file:line:col: severity: [ID] message */
    VPNLINT_FORMAT_JSON = 1,
    VPNLINT_FORMAT_SARIF = 2,   /* SARIF 2.1.0 */
    VPNLINT_FORMAT_INTUNE = 3,  /* one line, at most 2048 bytes */
    VPNLINT_FORMAT_MARKDOWN = 4 /* rule catalogue only */
} vpnlint_format;

/* ---------------------------------------------------------------- options */

#define VPNLINT_OPTIONS_VERSION 1

/** Default input size limit (16 MiB) and element nesting limit. */
#define VPNLINT_DEFAULT_MAX_BYTES (16u * 1024u * 1024u)
#define VPNLINT_DEFAULT_MAX_DEPTH 256u

/** flags */
#define VPNLINT_OPT_PEDANTIC (1u << 0)          /* also run opt-in (pedantic) rules */
#define VPNLINT_OPT_NO_INLINE_DISABLE (1u << 1) /* ignore vpnlint-disable comments */

typedef struct vpnlint_options {
    unsigned int version;   /* VPNLINT_OPTIONS_VERSION */
    uint32_t min_build;     /* oldest Windows build targeted, e.g. 19045; 0 = 10240 */
    int target;             /* vpnlint_target */
    const char *disable;    /* "ID,ID,..." rules to skip, or NULL */
    const char *only;       /* "ID,ID,..." run only these rules, or NULL for all */
    const char *severity;   /* "ID=error|warning|info|off,..." overrides, or NULL */
    uint64_t max_bytes;     /* input size limit; 0 = VPNLINT_DEFAULT_MAX_BYTES */
    unsigned int max_depth; /* element nesting limit; 0 = default, capped at 256 */
    unsigned int flags;     /* VPNLINT_OPT_* */
    const char *base_dir;   /* SARIF: URIs are made relative to it; NULL = cwd */
} vpnlint_options;

#define VPNLINT_OPTIONS_INIT {VPNLINT_OPTIONS_VERSION, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL}

/** Fills *opts with defaults for the given struct version. */
VPNLINT_EXTERN(int) vpnlint_options_init(vpnlint_options *opts, unsigned int version);

/* ------------------------------------------------------------------ rules */

typedef struct vpnlint_rule_info {
    const char *id;                /* "PX020" */
    const char *name;              /* "unknown-element" */
    int kind;                      /* vpnlint_kind the rule applies to */
    int default_severity;          /* vpnlint_severity */
    const char *short_description; /* one sentence */
    const char *full_description;  /* a paragraph: what and why */
    const char *help;              /* how to fix */
    const char *since;             /* vpnlint version that added it */
} vpnlint_rule_info;

VPNLINT_EXTERN(size_t) vpnlint_rule_count(void);
VPNLINT_EXTERN(int) vpnlint_rule_at(vpnlint_rule_info *out, size_t index);
/** Looks a rule up by ID (case-insensitive); VPNLINT_ENOTFOUND if none. */
VPNLINT_EXTERN(int) vpnlint_rule_find(vpnlint_rule_info *out, const char *id);
/** Renders the rule catalogue as TEXT, JSON or MARKDOWN. */
VPNLINT_EXTERN(int) vpnlint_rules_render(char **out, int format);

/* ----------------------------------------------------------------- report */

/** A report collects the findings of any number of linted inputs. */
typedef struct vpnlint_report vpnlint_report;

typedef struct vpnlint_finding {
    const char *rule_id;
    int severity; /* effective severity after overrides */
    const char *message;
    const char *help; /* fix hint of the rule */
    const char *path; /* as given when the input was added */
    unsigned int line;   /* 1-based; 0 when unknown */
    unsigned int column; /* 1-based; 0 when unknown */
    size_t file_index;
} vpnlint_finding;

typedef struct vpnlint_file_info {
    const char *path;
    int kind;              /* vpnlint_kind detected from content */
    const char *kind_name; /* "profilexml", "pbk", "unknown", ... */
    const char *encoding;  /* "utf-8", "utf-8-bom", "utf-16le", "utf-16be", ... */
    const char *envelope;  /* "raw", "escaped", "syncml", "none" */
    int read_error;        /* 0, or the vpnlint_error_code reading it failed with */
    const char *read_error_message; /* "" when read_error is 0 */
    size_t finding_count;
} vpnlint_file_info;

VPNLINT_EXTERN(int) vpnlint_report_new(vpnlint_report **out, const vpnlint_options *opts);
VPNLINT_EXTERN(void) vpnlint_report_free(vpnlint_report *report);

/** Reads and lints a file; its kind is detected from the content. Returns 0
 *  when the file was read (whatever it contained), or the error that stopped
 *  reading it; either way the file is recorded in the report. */
VPNLINT_EXTERN(int) vpnlint_report_add_file(vpnlint_report *report, const char *path);
/** Lints bytes held by the caller; display_path names them in findings. */
VPNLINT_EXTERN(int) vpnlint_report_add_buffer(vpnlint_report *report, const char *display_path,
                                              const void *data, size_t len);
/** Adds a finding made elsewhere (e.g. objects from PowerShell's pipeline),
 *  so it can be rendered with the others. rule_id must exist. */
VPNLINT_EXTERN(int) vpnlint_report_add_finding(vpnlint_report *report, const char *path,
                                               const char *rule_id, int severity,
                                               const char *message, unsigned int line,
                                               unsigned int column);

VPNLINT_EXTERN(size_t) vpnlint_report_file_count(const vpnlint_report *report);
VPNLINT_EXTERN(int) vpnlint_report_file(vpnlint_file_info *out, const vpnlint_report *report,
                                        size_t index);
VPNLINT_EXTERN(size_t) vpnlint_report_finding_count(const vpnlint_report *report);
VPNLINT_EXTERN(int) vpnlint_report_finding(vpnlint_finding *out, const vpnlint_report *report,
                                           size_t index);
/** Highest effective severity in the report, or -1 when it has no finding. */
VPNLINT_EXTERN(int) vpnlint_report_max_severity(const vpnlint_report *report);
/** Renders the report as TEXT, JSON, SARIF or INTUNE. */
VPNLINT_EXTERN(int) vpnlint_report_render(char **out, const vpnlint_report *report, int format);

/* --------------------------------------------------------------- phonebook */
/* (rasphone.pbk model and editor: see issue 4) */

/* ------------------------------------------------------- error knowledge */
/* (error codes, RasClient events, NPS logs: see issue 5) */

/* ----------------------------------------------------- device and repair */
/* (Windows device checks and repairs: see issue 7) */

#ifdef __cplusplus
}
#endif

#endif /* VPNLINT_H */
