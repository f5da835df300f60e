/* engine.h — the report object and the rule runner (engine.c). */
#ifndef VL_ENGINE_H
#define VL_ENGINE_H

#include "input.h"
#include "rule.h"

typedef struct vl_finding {
    const vl_rule *rule;
    int severity;
    char *message;
    unsigned line, col;
    size_t file_index;
} vl_finding;

typedef struct vl_file {
    char *path;
    int kind;
    const char *encoding;
    const char *envelope;
    int read_error;
    char *read_error_message;
    size_t first_finding, n_findings;
} vl_file;

typedef struct vl_override {
    const vl_rule *rule;
    int severity;
} vl_override;

struct vpnlint_report {
    vpnlint_options opt; /* strings below are owned copies */
    char *disable, *only, *severity, *base_dir;
    vl_override *overrides;
    size_t n_overrides;
    vl_file *files;
    size_t n_files, cap_files;
    vl_finding *findings;
    size_t n_findings, cap_findings;
};

/* Adds a finding to the report (engine-internal and device checks). */
int vl_report_add(vpnlint_report *r, size_t file_index, const vl_rule *rule, int severity,
                  unsigned line, unsigned col, const char *message);
/* Adds a file record; returns its index or (size_t)-1 on OOM. */
size_t vl_report_add_file_record(vpnlint_report *r, const char *path);
/* Is the rule enabled under the report's options? */
bool vl_rule_enabled(const vpnlint_report *r, const vl_rule *rule);
/* Effective severity of a finding of `rule` with proposed severity `sev`. */
int vl_effective_severity(const vpnlint_report *r, const vl_rule *rule, int sev);

#endif
