/*
 * vpnlint.h — the one public header of libvpnlint.
 *
 * Conventions (after libgit2 and cmark):
 *  - Every fallible function returns an int: 0 (VPNLINT_OK) on success or a
 *    negative vpnlint_error_code. The message of the last failure on the
 *    calling thread is returned by vpnlint_error_last(); it is owned by the
 *    library and valid until the next failing call on that thread.
 *  - Handles are opaque and freed by their own *_free function.
 *  - Threads: the library has no global mutable state (the last error is per
 *    thread; fixed lookup tables are built once, on first use, thread-safely),
 *    so different handles may be used on different threads at once.
 *    A handle is used by one thread at a time, read-only calls included
 *    (lookups fill caches inside the handle).
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
    VPNLINT_KIND_DEVICE = 3,     /* findings of device checks */
    VPNLINT_KIND_NETWORK = 4     /* findings of the network probe (vpnlint_probe) */
} vpnlint_kind;

typedef enum vpnlint_target {
    VPNLINT_TARGET_ANY = 0,    /* no deployment channel assumed */
    VPNLINT_TARGET_INTUNE = 1, /* Intune custom OMA-URI / SyncML */
    VPNLINT_TARGET_WMI = 2     /* MDM_VPNv2_01 via PowerShell/WMI */
} vpnlint_target;

typedef enum vpnlint_format {
    VPNLINT_FORMAT_TEXT = 0, /* file:line:col: severity: [ID] message */
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

#define VPNLINT_OPTIONS_INIT                                                                       \
    {                                                                                              \
        VPNLINT_OPTIONS_VERSION, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL                             \
    }

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
    const char *help;    /* fix hint of the rule */
    const char *path;    /* as given when the input was added */
    unsigned int line;   /* 1-based; 0 when unknown */
    unsigned int column; /* 1-based; 0 when unknown */
    size_t file_index;
} vpnlint_finding;

typedef struct vpnlint_file_info {
    const char *path;
    int kind;                       /* vpnlint_kind detected from content */
    const char *kind_name;          /* "profilexml", "pbk", "unknown", ... */
    const char *encoding;           /* "utf-8", "utf-8-bom", "utf-16le", "utf-16be", ... */
    const char *envelope;           /* "raw", "escaped", "syncml", "none" */
    int read_error;                 /* 0, or the vpnlint_error_code reading it failed with */
    const char *read_error_message; /* "" when read_error is 0 */
    size_t finding_count;
} vpnlint_file_info;

VPNLINT_EXTERN(int) vpnlint_report_new(vpnlint_report **out, const vpnlint_options *opts);
VPNLINT_EXTERN(void) vpnlint_report_free(vpnlint_report *report);

/** Reads and lints a file; its kind is detected from the content. Returns 0
 *  when the file was read (whatever it contained), or the error that stopped
 *  reading it; either way the file is recorded in the report. */
VPNLINT_EXTERN(int) vpnlint_report_add_file(vpnlint_report *report, const char *path);
/** Flags of vpnlint_report_add_file_ex. */
#define VPNLINT_ADD_IF_KNOWN                                                                       \
    (1u << 0) /* record the file only if it is ProfileXML or a                                     \
                 phonebook; others return VPNLINT_ENOTFOUND (for                                   \
                 directory scans) */
VPNLINT_EXTERN(int)
vpnlint_report_add_file_ex(vpnlint_report *report, const char *path, unsigned int flags);
/** Lints bytes held by the caller; display_path names them in findings. */
VPNLINT_EXTERN(int)
vpnlint_report_add_buffer(vpnlint_report *report, const char *display_path, const void *data,
                          size_t len);
/** Adds a finding made elsewhere (e.g. objects from PowerShell's pipeline),
 *  so it can be rendered with the others. rule_id must exist. */
VPNLINT_EXTERN(int)
vpnlint_report_add_finding(vpnlint_report *report, const char *path, const char *rule_id,
                           int severity, const char *message, unsigned int line,
                           unsigned int column);

VPNLINT_EXTERN(size_t) vpnlint_report_file_count(const vpnlint_report *report);
VPNLINT_EXTERN(int)
vpnlint_report_file(vpnlint_file_info *out, const vpnlint_report *report, size_t index);
VPNLINT_EXTERN(size_t) vpnlint_report_finding_count(const vpnlint_report *report);
VPNLINT_EXTERN(int)
vpnlint_report_finding(vpnlint_finding *out, const vpnlint_report *report, size_t index);
/** Highest effective severity in the report, or -1 when it has no finding. */
VPNLINT_EXTERN(int) vpnlint_report_max_severity(const vpnlint_report *report);
/** Renders the report as TEXT, JSON, SARIF or INTUNE. */
VPNLINT_EXTERN(int) vpnlint_report_render(char **out, const vpnlint_report *report, int format);

/* --------------------------------------------------------------- phonebook */
/*
 * rasphone.pbk reader and safe editor (docs/pbk-editing.md).
 *
 * A handle holds the file's bytes as read plus the edits made so far (in
 * memory). Edits change only their target lines; nothing touches the disk
 * until vpnlint_pbk_write(), which refuses (VPNLINT_ECONFLICT) when the file
 * changed since it was read, writes a backup first and replaces the file
 * atomically. Entry names are matched byte for byte (or in the escaped form
 * vpnlint_pbk_list prints for non-UTF-8 names); a name held by more than one
 * section gives VPNLINT_EAMBIGUOUS.
 *
 * media/device/phone address one MEDIA (link), DEVICE subsection or
 * PhoneNumber group, counted from 0 in this API (the CLI and the text this
 * API returns count from 1); VPNLINT_PBK_ANY means "the only one there is".
 * Values of secret keys (PreSharedKey, *Password*, ...) never appear in text
 * the API returns: they are shown as "********".
 */
typedef struct vpnlint_pbk vpnlint_pbk;

#define VPNLINT_PBK_ANY (-1)

/** Reads a phonebook (at most 64 MiB). */
VPNLINT_EXTERN(int) vpnlint_pbk_open(vpnlint_pbk **out, const char *path);
/** A phonebook from memory (copied); vpnlint_pbk_write is refused. */
VPNLINT_EXTERN(int) vpnlint_pbk_open_buffer(vpnlint_pbk **out, const void *data, size_t len);
VPNLINT_EXTERN(void) vpnlint_pbk_free(vpnlint_pbk *pbk);

VPNLINT_EXTERN(size_t) vpnlint_pbk_entry_count(const vpnlint_pbk *pbk);
/** Raw name of entry `index` (bytes as in the file, may be non-UTF-8). */
VPNLINT_EXTERN(int) vpnlint_pbk_entry_name(char **out, const vpnlint_pbk *pbk, size_t index);
/** One line per entry: line, name, type, strategy, server, auth, links. */
VPNLINT_EXTERN(int) vpnlint_pbk_list(char **out, const vpnlint_pbk *pbk);
/** key == NULL: the entry's lines. Otherwise the key's value (a hex blob
 *  joined into one line); when the key occurs in several links and no index
 *  narrows it, one "media N device N phone N: value" line each. */
VPNLINT_EXTERN(int)
vpnlint_pbk_get(char **out, const vpnlint_pbk *pbk, const char *entry, const char *key, int media,
                int device, int phone);
/** Sets a key (in place, or inserted at its canonical position). */
VPNLINT_EXTERN(int)
vpnlint_pbk_set(vpnlint_pbk *pbk, const char *entry, const char *key, const char *value, int media,
                int device, int phone);
/** Removes a key (all its lines; every duplicate in the same section). */
VPNLINT_EXTERN(int)
vpnlint_pbk_unset(vpnlint_pbk *pbk, const char *entry, const char *key, int media, int device,
                  int phone);
/** Unified diff of the file as read against the edited content ("" if none). */
VPNLINT_EXTERN(int) vpnlint_pbk_diff(char **out, const vpnlint_pbk *pbk);
/** The edited content (borrowed, valid until the next edit or free). */
VPNLINT_EXTERN(int) vpnlint_pbk_bytes(const void **data, size_t *len, const vpnlint_pbk *pbk);
/** Writes the edits: conflict check, backup, temp file, flush, atomic rename.
 *  *backup_path (may be NULL) receives the backup's path, or NULL when
 *  there was nothing to write. */
VPNLINT_EXTERN(int) vpnlint_pbk_write(char **backup_path, vpnlint_pbk *pbk);
/** Puts a backup back, atomically. target NULL = the file the backup was made
 *  from (its name without ".vpnlint-<time>.bak"). The current target is
 *  backed up first (*safety_backup, may be NULL). */
VPNLINT_EXTERN(int)
vpnlint_pbk_restore(char **target_out, char **safety_backup, const char *backup_path,
                    const char *target);

/* ------------------------------------------------------- error knowledge */
/* Error codes, RasClient events and NPS accounting logs (issue 5). Every
 * string returned through a struct here is borrowed: knowledge-base strings
 * live as long as the process, event strings as long as their list, NPS
 * record strings until the next vpnlint_nps_next() on that reader. */

/** How a cause of an error is tested. */
typedef enum vpnlint_check_kind {
    VPNLINT_CHECK_MANUAL = 0, /* by hand: `how` says how and why */
    VPNLINT_CHECK_RULE = 1,   /* a lint rule (PXnnn ProfileXML, PBKnnn phonebook) */
    VPNLINT_CHECK_DEVICE = 2, /* a device check (DEVnnn) */
    VPNLINT_CHECK_PROBE = 3   /* a network probe (NETnnn) */
} vpnlint_check_kind;

typedef struct vpnlint_error_info {
    size_t index;         /* position in the knowledge base */
    const char *code;     /* display form: "809", "0x800B0109", or the name */
    int has_value;        /* 0 for message-only entries (WMI CreateInstance texts) */
    uint32_t value;       /* the code; HRESULTs as unsigned 32-bit */
    int32_t value_signed; /* the same as a signed number (-2146762487) */
    const char *name;     /* official symbolic name: "ERROR_VPN_TIMEOUT" */
    const char *area;     /* "ras", "ike", "cert", "mdm" */
    const char *message;  /* the official message */
    const char *meaning;  /* what it means, in plain words */
    const char *seen_in;  /* where users meet it */
    size_t cause_count;
} vpnlint_error_info;

typedef struct vpnlint_error_cause {
    unsigned int rank; /* 1 = most likely */
    const char *text;  /* the cause */
    int check_kind;    /* vpnlint_check_kind of the first (primary) check */
    const char *check; /* the checks that decide it, IDs separated by single spaces, primary
                          first ("DEV004 DEV005 PBK039"); NULL when checked by hand */
    const char *how;   /* how to check it by hand, or a note on the checks ("" if none) */
    const char *fix;   /* what to change */
} vpnlint_error_cause;

VPNLINT_EXTERN(size_t) vpnlint_error_info_count(void);
VPNLINT_EXTERN(int) vpnlint_error_info_at(vpnlint_error_info *out, size_t index);
/** Looks a code up in any form: 809, "Error 809", 0x800B0109, 800B0109,
 *  -2146762487, ERROR_VPN_TIMEOUT (any case), or a fragment of the official
 *  message. VPNLINT_ENOTFOUND if unknown, VPNLINT_EINVALID if empty. */
VPNLINT_EXTERN(int) vpnlint_error_info_lookup(vpnlint_error_info *out, const char *code_text);
VPNLINT_EXTERN(int)
vpnlint_error_cause_at(vpnlint_error_cause *out, size_t info_index, size_t cause_index);
/** Renders the explanation of one code as TEXT or JSON. */
VPNLINT_EXTERN(int) vpnlint_explain_render(char **out, const char *code_text, int format);
/** Renders the list of known codes as TEXT or JSON. */
VPNLINT_EXTERN(int) vpnlint_explain_list_render(char **out, int format);

/* RasClient events (exported event text, or wevtutil XML). */
typedef struct vpnlint_rasevents vpnlint_rasevents;

typedef struct vpnlint_rasevent {
    unsigned int event_id;  /* 20227, 20226, ...; 0 when not stated */
    const char *time;       /* as found ("" when not found) */
    const char *user;       /* "" when not found */
    const char *connection; /* connection name, "" when not found */
    const char *code_text;  /* the code as written, "" when the event has none */
    int has_code;
    uint32_t code;
    unsigned int line; /* 1-based line of the message in the input */
} vpnlint_rasevent;

/** Parses RasClient events from text or XML (detected). Events without a
 *  connection name or code are kept with empty fields. */
VPNLINT_EXTERN(int) vpnlint_rasevents_parse(vpnlint_rasevents **out, const void *data, size_t len);
VPNLINT_EXTERN(void) vpnlint_rasevents_free(vpnlint_rasevents *events);
VPNLINT_EXTERN(size_t) vpnlint_rasevents_count(const vpnlint_rasevents *events);
VPNLINT_EXTERN(int)
vpnlint_rasevents_at(vpnlint_rasevent *out, const vpnlint_rasevents *events, size_t index);
/** Groups the events by connection and code and explains each code once. */
VPNLINT_EXTERN(int)
vpnlint_rasevents_render(char **out, const vpnlint_rasevents *events, int format);

/* NPS accounting logs: IAS/ODBC "database-compatible" CSV or DTS XML,
 * streamed (memory does not grow with the log). */
typedef struct vpnlint_nps_reader vpnlint_nps_reader;

typedef enum vpnlint_nps_format {
    VPNLINT_NPS_UNKNOWN = 0,
    VPNLINT_NPS_CSV = 1, /* IAS / database-compatible, seed 002 column order */
    VPNLINT_NPS_XML = 2  /* DTS-compliant XML (<Event> per record) */
} vpnlint_nps_format;

typedef struct vpnlint_nps_record {
    unsigned long line;    /* 1-based line where the record starts */
    const char *timestamp; /* "YYYY-MM-DD HH:MM:SS" (log's local time) */
    const char *computer;  /* NPS server name */
    int packet_type;       /* 1 request, 2 accept, 3 reject, 4/5 accounting, 11 challenge; -1 */
    const char *packet_type_name;
    const char *user_name;       /* User-Name as sent by the client */
    const char *fq_user_name;    /* Fully-Qualified-Distinguished-Name (DOMAIN\user) */
    const char *calling_station; /* Calling-Station-ID: the VPN client's address */
    const char *called_station;
    const char *client_ip;   /* Client-IP-Address: the RADIUS client (VPN server) */
    const char *client_name; /* Client-Friendly-Name */
    const char *nas_ip;
    const char *tunnel_client;  /* Tunnel-Client-Endpt */
    const char *framed_ip;      /* address given to the VPN client */
    const char *policy;         /* network policy (Policy-Name / NP-Policy-Name) */
    const char *proxy_policy;   /* connection request policy */
    int reason_code;            /* -1 when absent */
    const char *reason_name;    /* "IAS_NO_SUCH_USER", "" when unknown */
    const char *reason_text;    /* plain words, "" when unknown */
    int auth_type;              /* -1 when absent */
    const char *auth_type_name; /* "EAP", "PEAP", "MS-CHAP v2" ... */
    const char *eap_type;       /* EAP-Friendly-Name */
} vpnlint_nps_record;

/** Opens a log; "-" is standard input. The format is detected from content. */
VPNLINT_EXTERN(int) vpnlint_nps_open(vpnlint_nps_reader **out, const char *path);
/** Reads from bytes held by the caller (they must outlive the reader). */
VPNLINT_EXTERN(int) vpnlint_nps_open_buffer(vpnlint_nps_reader **out, const void *data, size_t len);
VPNLINT_EXTERN(void) vpnlint_nps_close(vpnlint_nps_reader *reader);
VPNLINT_EXTERN(int) vpnlint_nps_format_of(const vpnlint_nps_reader *reader);

#define VPNLINT_NPS_RECORD 1  /* *out holds a record */
#define VPNLINT_NPS_SKIPPED 2 /* a malformed record was skipped: see *error_out */
#define VPNLINT_NPS_END 0
/** Next record. Returns VPNLINT_NPS_RECORD, VPNLINT_NPS_SKIPPED (out->line
 *  and *error_out say where and why; reading can go on), VPNLINT_NPS_END, or
 *  a negative error (I/O). *error_out may be NULL. */
VPNLINT_EXTERN(int)
vpnlint_nps_next(vpnlint_nps_record *out, const char **error_out, vpnlint_nps_reader *reader);

/** Per user and per policy summary of records. */
typedef struct vpnlint_nps_summary vpnlint_nps_summary;
VPNLINT_EXTERN(int) vpnlint_nps_summary_new(vpnlint_nps_summary **out);
VPNLINT_EXTERN(void) vpnlint_nps_summary_free(vpnlint_nps_summary *summary);
VPNLINT_EXTERN(int)
vpnlint_nps_summary_add(vpnlint_nps_summary *summary, const vpnlint_nps_record *record);
/** Counts a skipped malformed record (shown in the summary). */
VPNLINT_EXTERN(void) vpnlint_nps_summary_add_skipped(vpnlint_nps_summary *summary);
VPNLINT_EXTERN(int)
vpnlint_nps_summary_render(char **out, const vpnlint_nps_summary *summary, int format);
/** Reason-Code in words ("" for unknown codes, never NULL). */
VPNLINT_EXTERN(const char *) vpnlint_nps_reason_text(int reason_code);

/* ----------------------------------------------------- device and repair */
/* Windows device checks and repairs (issue 7). On other platforms every
 * function here fails with VPNLINT_EUNSUPPORTED and a message saying so.
 *
 * vpnlint_device_check() adds DEVnnn findings (rules of kind
 * VPNLINT_KIND_DEVICE) to a report and lints the phonebooks and installed
 * MDM_VPNv2_01 profiles it finds into the same report. Repairs change one
 * thing each, are idempotent (nothing is written when the state is already
 * the wanted one), refuse with VPNLINT_EACCESS without the rights they need,
 * and record what they change in a JSON journal (written atomically) that
 * vpnlint_repair_undo() replays backwards. */

/** vpnlint_device_check flags */
#define VPNLINT_DEVICE_NO_PHONEBOOKS (1u << 0) /* do not look for or lint phonebooks */
#define VPNLINT_DEVICE_NO_WMI (1u << 1)        /* do not query installed MDM profiles */

typedef enum vpnlint_run_context {
    VPNLINT_CONTEXT_UNKNOWN = 0,
    VPNLINT_CONTEXT_STANDARD = 1, /* standard user (or admin, not elevated) */
    VPNLINT_CONTEXT_ELEVATED = 2, /* elevated administrator */
    VPNLINT_CONTEXT_SYSTEM = 3    /* LocalSystem (Intune remediation default) */
} vpnlint_run_context;

/** What a remediation should do (vpnlint_device_state.fixes). */
#define VPNLINT_FIX_NATT (1u << 0)           /* set AssumeUDPEncapsulationContextOnSendRule=2 */
#define VPNLINT_FIX_PROHIBIT_IPSEC (1u << 1) /* set RasMan\Parameters\ProhibitIpSec=0 */
#define VPNLINT_FIX_START_SERVICES                                                                 \
    (1u << 2) /* start stopped VPN services (see services_to_start) */

#define VPNLINT_DEVICE_STATE_VERSION 1

typedef struct vpnlint_device_state {
    unsigned int version;        /* VPNLINT_DEVICE_STATE_VERSION, set by the caller */
    int context;                 /* vpnlint_run_context */
    uint32_t os_build;           /* e.g. 19044 */
    uint32_t os_ubr;             /* update build revision, e.g. 1466 */
    int natt;                    /* AssumeUDPEncapsulationContextOnSendRule: -1 absent */
    int prohibit_ipsec;          /* RasMan\Parameters\ProhibitIpSec: -1 absent */
    unsigned int phonebooks;     /* phonebook files found and linted */
    unsigned int l2tp_entries;   /* VPN entries that use L2TP first or only */
    unsigned int profiles;       /* MDM_VPNv2_01 profiles read (0 if WMI failed) */
    unsigned int fixes;          /* VPNLINT_FIX_* a remediation should apply */
    char services_to_start[128]; /* "RasMan,IKEEXT": stopped, startable VPN services */
} vpnlint_device_state;

/** Runs the device checks, adding findings and linted files to `report`.
 *  `state` (optional) receives the facts found and the fixes a remediation
 *  should apply; fixes == 0 means Intune's detection should exit 0. */
VPNLINT_EXTERN(int)
vpnlint_device_check(vpnlint_device_state *state, vpnlint_report *report, unsigned int flags);

/** Plans a remediation from a phonebook file alone, on any operating system
 *  (nothing is read from or written to the registry): lints the phonebook
 *  into `report`, counts its L2TP entries into state->l2tp_entries and sets
 *  state->fixes to what a remediation would apply for them (the NAT-T value
 *  when L2TP entries exist). state->natt and state->prohibit_ipsec are -2:
 *  not read. */
VPNLINT_EXTERN(int)
vpnlint_device_plan_pbk(vpnlint_device_state *state, vpnlint_report *report, const char *pbk_path);

/** The NAT-T value that is wanted: 0, 1 or 2 (2: client and server may be behind NAT). */
#define VPNLINT_NATT_DEFAULT 2

/** vpnlint_repair_* flags */
#define VPNLINT_REPAIR_DRY_RUN (1u << 0) /* compute before/after, write nothing */

typedef struct vpnlint_repair_result {
    int changed;         /* 1 when something was written, 0 when already right */
    int reboot_required; /* 1 when Windows needs a restart for the change */
    long long before;    /* previous value; -1 = absent. Services: 1 stopped, 4 running */
    long long after;     /* value now (or planned, for a dry run) */
    char *message;       /* one sentence for people (freed by vpnlint_repair_result_clear) */
    char *journal_path;  /* the journal written, or NULL when nothing changed */
} vpnlint_repair_result;

/** Frees the strings of a result and zeroes it. */
VPNLINT_EXTERN(void) vpnlint_repair_result_clear(vpnlint_repair_result *result);

/** Sets HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent\
 *  AssumeUDPEncapsulationContextOnSendRule (REG_DWORD) to `value` (0, 1, 2).
 *  `journal` names the journal file; NULL = a new file under
 *  %ProgramData%\vpnlint\journal\. An existing journal is appended to. */
VPNLINT_EXTERN(int)
vpnlint_repair_natt(vpnlint_repair_result *out, int value, const char *journal, unsigned int flags);
/** Sets HKLM\SYSTEM\CurrentControlSet\Services\RasMan\Parameters\ProhibitIpSec to 0. */
VPNLINT_EXTERN(int)
vpnlint_repair_prohibit_ipsec(vpnlint_repair_result *out, const char *journal, unsigned int flags);
/** Starts one of the VPN services (RasMan, IKEEXT, PolicyAgent, BFE, SstpSvc)
 *  when it is stopped and not disabled. */
VPNLINT_EXTERN(int)
vpnlint_repair_start_service(vpnlint_repair_result *out, const char *service, const char *journal,
                             unsigned int flags);
/** Restores what a journal recorded, newest step first (an absent value is
 *  deleted again). VPNLINT_ECONFLICT when a value changed since the repair. */
VPNLINT_EXTERN(int)
vpnlint_repair_undo(vpnlint_repair_result *out, const char *journal, unsigned int flags);

/* ---------------------------------------------------------- network probe */
/* Asks the VPN server itself (issue 10, docs/probe.md). IKEv2: IKE_SA_INIT on
 * UDP 500 and, with the non-ESP marker, UDP 4500, once per proposal (the
 * profile's CryptographySuite, or Windows' default proposal sets). SSTP: TCP
 * + TLS, the certificate against the profile, SSTP_DUPLEX_POST. IKE_AUTH is
 * never sent, nor any credential. Results are NETnnn findings (rules of kind
 * VPNLINT_KIND_NETWORK) added to `report`; the SSTP probe needs OpenSSL and
 * is not in Windows builds (a NET028 note in auto mode, VPNLINT_EUNSUPPORTED
 * when SSTP was asked for). */

#define VPNLINT_PROBE_OPTIONS_VERSION 1

typedef enum vpnlint_probe_protocol {
    VPNLINT_PROBE_AUTO = 0, /* what the profile or entry uses */
    VPNLINT_PROBE_IKEV2 = 1,
    VPNLINT_PROBE_SSTP = 2
} vpnlint_probe_protocol;

typedef struct vpnlint_probe_options {
    unsigned int version;    /* VPNLINT_PROBE_OPTIONS_VERSION */
    const char *entry;       /* phonebook entry (needed when it has several) */
    const char *server;      /* probe this host (instead of the input's servers) */
    int protocol;            /* vpnlint_probe_protocol */
    unsigned int timeout_ms; /* per exchange and port; 0 = 5000 */
    unsigned int ike_port;   /* 0 = 500 */
    unsigned int natt_port;  /* 0 = 4500 */
    unsigned int sstp_port;  /* 0 = 443 */
    const char *ca_file;     /* PEM roots the client trusts (SSTP); NULL = system store */
} vpnlint_probe_options;

#define VPNLINT_PROBE_OPTIONS_INIT                                                                 \
    {                                                                                              \
        VPNLINT_PROBE_OPTIONS_VERSION, NULL, NULL, 0, 0, 0, 0, 0, NULL                             \
    }

/** Probes the servers of a ProfileXML or phonebook entry (`path`), or only
 *  opts->server when path is NULL. Returns 0 when the probe ran (whatever it
 *  found), or the error that kept it from running (unreadable input, no
 *  server, unknown entry, ...). */
VPNLINT_EXTERN(int)
vpnlint_probe(vpnlint_report *report, const char *path, const vpnlint_probe_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* VPNLINT_H */
