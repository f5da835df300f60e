/* rule.h — what a rule is, and what it may call while it checks an input.
 *
 * Each rule is one C file under native/src/rules/<family>/<ID>_<name>.c that
 * defines exactly one descriptor with VL_RULE(ID). The build generates the
 * registry (registry_gen.c) from those file names, sorted by ID, and that one
 * table feeds the engine, `vpnlint rules`, the docs parity test and SARIF.
 */
#ifndef VL_RULE_H
#define VL_RULE_H

#include "internal.h"

typedef struct vl_ctx vl_ctx;
typedef struct vl_input vl_input;
typedef struct vl_profile vl_profile;
typedef struct vl_el vl_el;
typedef struct vl_pbk vl_pbk;

/* rule flags */
#define VL_RULE_RAW (1u << 0)    /* runs even when the input could not be parsed */
#define VL_RULE_OPT_IN (1u << 1) /* off unless enabled (e.g. by an option flag) */

typedef struct vl_rule {
    const char *id;          /* "PX020": family prefix + number, never reused */
    const char *name;        /* "unknown-element": kebab-case, reads as the problem */
    int kind;                /* vpnlint_kind of input it checks */
    int severity;            /* default vpnlint_severity */
    const char *summary;     /* one sentence, no trailing period needed */
    const char *description; /* what and why, a short paragraph */
    const char *fix;         /* how to fix it */
    const char *since;       /* vpnlint version that added it */
    unsigned int flags;      /* VL_RULE_* */
    void (*check)(vl_ctx *ctx);
} vl_rule;

#define VL_RULE(ID) const vl_rule vl_rule_##ID

/* registry (registry.c + generated table) */
extern const vl_rule *const vl_registry[];
extern const size_t vl_registry_count;
const vl_rule *vl_rule_lookup(const char *id);

/* What a check sees. Exactly one of px / pbk is set for a parsed input. */
struct vl_ctx {
    const vl_input *in;         /* bytes, encoding, envelope, parse errors */
    const vl_profile *px;       /* ProfileXML model, NULL if not parsed */
    const vl_pbk *pbk;          /* phonebook model, NULL if not a phonebook */
    const vpnlint_options *opt; /* effective options (never NULL) */
    uint32_t min_build;         /* effective minimum build (>= 10240) */
    bool min_build_set;         /* the user gave a minimum build (else the default) */
    const vl_rule *rule;        /* the rule being run */
    void *engine;               /* private to engine.c */
};

/* Report a finding of the current rule at an element (NULL = no location). */
void vl_report(vl_ctx *c, const vl_el *at, const char *fmt, ...) VL_PRINTF(3, 4);
/* Same, with a severity other than the rule's default for this finding
 * (a user's override of the rule's severity still wins). */
void vl_report_sev(vl_ctx *c, int severity, const vl_el *at, const char *fmt, ...) VL_PRINTF(4, 5);
/* Report at an explicit 1-based line/column of the original file (0 = unknown). */
void vl_report_at(vl_ctx *c, int severity, unsigned line, unsigned col, const char *fmt, ...)
    VL_PRINTF(5, 6);

/* Severity value meaning "use the rule's default" for vl_report_at. */
#define VL_SEV_DEFAULT (-2)

#endif
