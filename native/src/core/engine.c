/* engine.c — the report: inputs in, rules run once each, findings out.
 *
 * bytes -> vl_input_decode (loader) -> model (ProfileXML / phonebook) ->
 * every enabled rule of that kind -> findings (inline suppressions and
 * severity overrides applied) -> renderers (render/). */
#include "engine.h"

#include "pbk/pbk.h"
#include "profilexml/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns on long lines: vl_src_column scans a line from its start, so many
 * findings on one long line (a one-line profile, as scripts and OMA-URI
 * payloads write them) would cost findings x line length. The first time a
 * finding points into a line of 1 KB or more, the line's tag names are
 * listed once (vl_src_line_names) with the column of each one's first tag,
 * keyed by (line, name); a (line, NULL) entry marks the line as listed. */
typedef struct col_name {
    unsigned line, col;
    const char *name; /* into the input's text; NULL: the line's marker */
    size_t len;
} col_name;

#define VL_MEMO_MIN_LINE 1024 /* shorter lines are scanned every time */

typedef struct run {
    vpnlint_report *report;
    size_t file_index;
    vl_input *in;
    col_name *cols;
    size_t n_cols, cap_cols;
    vl_hash_index cols_ix;
} run;

/* ------------------------------------------------------------- options */

static int check_list(const char *list, const char *what)
{
    if (!list)
        return VPNLINT_OK;
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        size_t tn;
        const char *t = vl_trim(p, n, &tn);
        char id[64];
        if (tn > 0) {
            if (tn >= sizeof id)
                return vl_error_set(VPNLINT_EINVALID, "%s: rule ID '%.*s' is too long", what,
                                    (int)(tn > 40 ? 40 : tn), t);
            memcpy(id, t, tn);
            id[tn] = '\0';
            if (vl_strcasecmp(id, "all") != 0 && !vl_rule_lookup(id))
                return vl_error_set(VPNLINT_EINVALID,
                                    "%s: unknown rule ID '%s' (list them with `vpnlint rules`)",
                                    what, id);
        }
        if (!end)
            break;
        p = end + 1;
    }
    return VPNLINT_OK;
}

static int parse_overrides(vpnlint_report *r)
{
    const char *p = r->severity;
    if (!p)
        return VPNLINT_OK;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (n > 0) {
            if (!eq)
                return vl_error_set(VPNLINT_EINVALID,
                                    "severity override '%.*s' must look like ID=error|warning|"
                                    "info|off",
                                    (int)(n > 60 ? 60 : n), p);
            size_t idn;
            const char *id = vl_trim(p, (size_t)(eq - p), &idn);
            size_t lvn;
            const char *lv = vl_trim(eq + 1, n - (size_t)(eq - p) - 1, &lvn);
            char idbuf[64];
            if (idn == 0 || idn >= sizeof idbuf)
                return vl_error_set(VPNLINT_EINVALID, "severity override: bad rule ID");
            memcpy(idbuf, id, idn);
            idbuf[idn] = '\0';
            const vl_rule *rule = vl_rule_lookup(idbuf);
            if (!rule)
                return vl_error_set(VPNLINT_EINVALID,
                                    "severity override: unknown rule ID '%s' (list them with "
                                    "`vpnlint rules`)",
                                    idbuf);
            int sev = vl_severity_parse(lv, lvn);
            if (sev == -2)
                return vl_error_set(VPNLINT_EINVALID,
                                    "severity override for %s: '%.*s' is not one of error, "
                                    "warning, info, off",
                                    idbuf, (int)(lvn > 20 ? 20 : lvn), lv);
            vl_override *o = vl_realloc(r->overrides, (r->n_overrides + 1) * sizeof *o);
            if (!o)
                return vl_error_oom();
            r->overrides = o;
            o[r->n_overrides].rule = rule;
            o[r->n_overrides].severity = sev;
            r->n_overrides++;
        }
        if (!end)
            break;
        p = end + 1;
    }
    return VPNLINT_OK;
}

int vpnlint_options_init(vpnlint_options *opts, unsigned int version)
{
    if (!opts)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_options_init: opts is NULL");
    if (version != VPNLINT_OPTIONS_VERSION)
        return vl_error_set(VPNLINT_EINVALID, "options version %u is not supported (this is %u)",
                            version, VPNLINT_OPTIONS_VERSION);
    vpnlint_options init = VPNLINT_OPTIONS_INIT;
    *opts = init;
    return VPNLINT_OK;
}

int vpnlint_report_new(vpnlint_report **out, const vpnlint_options *opts)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_new: out is NULL");
    *out = NULL;
    vpnlint_options defaults = VPNLINT_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    if (opts->version != VPNLINT_OPTIONS_VERSION)
        return vl_error_set(VPNLINT_EINVALID,
                            "options version %u is not supported (this library is %u); "
                            "initialise them with VPNLINT_OPTIONS_INIT",
                            opts->version, VPNLINT_OPTIONS_VERSION);
    if (opts->target < VPNLINT_TARGET_ANY || opts->target > VPNLINT_TARGET_WMI)
        return vl_error_set(VPNLINT_EINVALID, "unknown deployment target %d", opts->target);
    vpnlint_report *r = vl_calloc(1, sizeof *r);
    if (!r)
        return vl_error_oom();
    r->opt = *opts;
    int rc = VPNLINT_OK;
    if ((opts->disable && !(r->disable = vl_strdup(opts->disable))) ||
        (opts->only && !(r->only = vl_strdup(opts->only))) ||
        (opts->severity && !(r->severity = vl_strdup(opts->severity))) ||
        (opts->base_dir && !(r->base_dir = vl_strdup(opts->base_dir))))
        rc = vl_error_oom();
    r->opt.disable = r->disable;
    r->opt.only = r->only;
    r->opt.severity = r->severity;
    r->opt.base_dir = r->base_dir;
    if (!r->opt.max_bytes)
        r->opt.max_bytes = VPNLINT_DEFAULT_MAX_BYTES;
    if (!r->opt.max_depth || r->opt.max_depth > VPNLINT_DEFAULT_MAX_DEPTH)
        r->opt.max_depth = VPNLINT_DEFAULT_MAX_DEPTH;
    r->min_build_set = r->opt.min_build != 0;
    if (!r->opt.min_build)
        r->opt.min_build = 10240;
    if (rc == VPNLINT_OK)
        rc = check_list(r->disable, "disabled rules");
    if (rc == VPNLINT_OK)
        rc = check_list(r->only, "selected rules");
    if (rc == VPNLINT_OK)
        rc = parse_overrides(r);
    if (rc != VPNLINT_OK) {
        vpnlint_report_free(r);
        return rc;
    }
    *out = r;
    return VPNLINT_OK;
}

void vpnlint_report_free(vpnlint_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_files; i++) {
        free(r->files[i].path);
        free(r->files[i].read_error_message);
    }
    for (size_t i = 0; i < r->n_findings; i++)
        free(r->findings[i].message);
    free(r->files);
    free(r->findings);
    free(r->overrides);
    free(r->disable);
    free(r->only);
    free(r->severity);
    free(r->base_dir);
    free(r);
}

bool vl_rule_enabled(const vpnlint_report *r, const vl_rule *rule)
{
    if (!r->only && !r->disable && !r->n_overrides) /* the common case */
        return !(rule->flags & VL_RULE_OPT_IN) || (r->opt.flags & VPNLINT_OPT_PEDANTIC);
    if (r->only && !vl_list_contains(r->only, rule->id))
        return false;
    if (r->disable && vl_list_contains(r->disable, rule->id))
        return false;
    for (size_t i = 0; i < r->n_overrides; i++)
        if (r->overrides[i].rule == rule && r->overrides[i].severity == VPNLINT_SEVERITY_OFF)
            return false;
    /* opt-in rules run when named in `only` or with VPNLINT_OPT_PEDANTIC */
    if ((rule->flags & VL_RULE_OPT_IN) && !(r->opt.flags & VPNLINT_OPT_PEDANTIC) &&
        !(r->only && vl_list_contains(r->only, rule->id)))
        return false;
    return true;
}

int vl_effective_severity(const vpnlint_report *r, const vl_rule *rule, int sev)
{
    for (size_t i = 0; i < r->n_overrides; i++)
        if (r->overrides[i].rule == rule)
            return r->overrides[i].severity;
    return sev;
}

size_t vl_report_add_file_record(vpnlint_report *r, const char *path)
{
    if (r->n_files == r->cap_files) {
        size_t nc = r->cap_files ? r->cap_files * 2 : 8;
        vl_file *f = vl_realloc(r->files, nc * sizeof *f);
        if (!f)
            return (size_t)-1;
        r->files = f;
        r->cap_files = nc;
    }
    vl_file *f = &r->files[r->n_files];
    memset(f, 0, sizeof *f);
    f->path = vl_strdup(path ? path : "<input>");
    if (!f->path)
        return (size_t)-1;
    f->encoding = "";
    f->envelope = "none";
    f->first_finding = r->n_findings;
    return r->n_files++;
}

int vl_report_add(vpnlint_report *r, size_t file_index, const vl_rule *rule, int severity,
                  unsigned line, unsigned col, const char *message)
{
    vl_finding *grown = vl_grow(r->findings, r->n_findings, &r->cap_findings, sizeof *grown, 32);
    if (!grown)
        return vl_error_oom();
    r->findings = grown;
    char *m = vl_strdup(message);
    if (!m)
        return vl_error_oom();
    vl_finding *f = &r->findings[r->n_findings++];
    f->rule = rule;
    f->severity = severity;
    f->message = m;
    f->line = line;
    f->col = col;
    f->file_index = file_index;
    r->files[file_index].n_findings++;
    return VPNLINT_OK;
}

/* ---------------------------------------------------- reporting (rules) */

static void report_v(vl_ctx *c, int severity, unsigned line, unsigned col, const char *fmt,
                     va_list ap) VL_VPRINTF(5);
static void report_v(vl_ctx *c, int severity, unsigned line, unsigned col, const char *fmt,
                     va_list ap)
{
    run *rn = c->engine;
    if (line && !(rn->report->opt.flags & VPNLINT_OPT_NO_INLINE_DISABLE) &&
        vl_input_suppressed(rn->in, c->rule->id, line))
        return;
    int sev = severity == VL_SEV_DEFAULT ? c->rule->severity : severity;
    sev = vl_effective_severity(rn->report, c->rule, sev);
    if (sev == VPNLINT_SEVERITY_OFF)
        return;
    /* one formatting pass into a stack buffer; the rare long message is
     * formatted again on the heap */
    char local[512];
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(local, sizeof local, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    if ((size_t)n < sizeof local) {
        vl_report_add(rn->report, rn->file_index, c->rule, sev, line, col, local);
        return;
    }
    char *msg = vl_vsprintf(fmt, ap);
    if (!msg)
        return;
    vl_report_add(rn->report, rn->file_index, c->rule, sev, line, col, msg);
    free(msg);
}

static uint64_t col_hash(const vl_hash_index *ix, unsigned line, const char *name, size_t len)
{
    return name ? vl_hash_mem(ix, line, name, len) : vl_hash_mem(ix, line, "", 0) ^ 1u;
}

static uint64_t col_hash_at(const vl_hash_index *ix, const void *items, size_t i)
{
    const col_name *m = (const col_name *)items + i;
    return col_hash(ix, m->line, m->name, m->len);
}

/* The entry of (line, name[0..len)) (name NULL: the line's marker), or
 * NULL; *slot is where it would go. The index must have room for one more. */
static col_name *col_find(run *rn, unsigned line, const char *name, size_t len, size_t *slot)
{
    size_t j = vl_hash_slot0(&rn->cols_ix, col_hash(&rn->cols_ix, line, name, len));
    for (; rn->cols_ix.slot[j]; j = vl_hash_next(&rn->cols_ix, j)) {
        col_name *m = &rn->cols[rn->cols_ix.slot[j] - 1];
        if (m->line == line &&
            (name ? m->name && m->len == len && memcmp(m->name, name, len) == 0 : !m->name))
            return m;
    }
    *slot = j;
    return NULL;
}

/* Adds (line, name) unless it is there (the first column stays). */
static int col_add(run *rn, unsigned line, const char *name, size_t len, unsigned col)
{
    size_t j;
    if (vl_hash_reserve(&rn->cols_ix, rn->n_cols, col_hash_at, rn->cols) != VPNLINT_OK)
        return VPNLINT_ENOMEM;
    if (col_find(rn, line, name, len, &j))
        return VPNLINT_OK;
    col_name *grown = vl_grow(rn->cols, rn->n_cols, &rn->cap_cols, sizeof *grown, 64);
    if (!grown)
        return vl_error_oom();
    rn->cols = grown;
    rn->cols[rn->n_cols++] = (col_name){line, col, name, len};
    rn->cols_ix.slot[j] = rn->n_cols;
    return VPNLINT_OK;
}

typedef struct line_lister {
    run *rn;
    unsigned line;
} line_lister;

static int col_add_name(void *ctx, const char *name, size_t len, unsigned col)
{
    line_lister *l = ctx;
    return col_add(l->rn, l->line, name, len, col);
}

static unsigned column_of(run *rn, unsigned line, const char *name)
{
    const vl_input *in = rn->in;
    if (!vl_src_is_name(name) || line == 0 || !in->line_starts || line > in->n_lines)
        return vl_src_column(in, line, name);
    size_t end = line < in->n_lines ? in->line_starts[line] : in->text_len;
    if (end - in->line_starts[line - 1] < VL_MEMO_MIN_LINE)
        return vl_src_column(in, line, name); /* a short line: scan it */
    size_t j;
    if (vl_hash_reserve(&rn->cols_ix, rn->n_cols, col_hash_at, rn->cols) != VPNLINT_OK)
        return vl_src_column(in, line, name);
    if (!col_find(rn, line, NULL, 0, &j)) { /* list the line's names once */
        line_lister l = {rn, line};
        if (vl_src_line_names(in, line, col_add_name, &l) != VPNLINT_OK ||
            col_add(rn, line, NULL, 0, 0) != VPNLINT_OK)
            return vl_src_column(in, line, name); /* out of memory: scan */
        if (vl_hash_reserve(&rn->cols_ix, rn->n_cols, col_hash_at, rn->cols) != VPNLINT_OK)
            return vl_src_column(in, line, name);
    }
    const col_name *m = col_find(rn, line, name, strlen(name), &j);
    return m ? m->col : 1; /* no tag of that name on the line: 1, as the scan */
}

static void el_location(vl_ctx *c, const vl_el *at, unsigned *line, unsigned *col)
{
    *line = at ? at->line : 0;
    *col = at ? column_of(c->engine, *line, at->name) : 0;
}

void vl_report(vl_ctx *c, const vl_el *at, const char *fmt, ...)
{
    unsigned line, col;
    el_location(c, at, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report_v(c, VL_SEV_DEFAULT, line, col, fmt, ap);
    va_end(ap);
}

void vl_report_sev(vl_ctx *c, int severity, const vl_el *at, const char *fmt, ...)
{
    unsigned line, col;
    el_location(c, at, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    report_v(c, severity, line, col, fmt, ap);
    va_end(ap);
}

void vl_report_at(vl_ctx *c, int severity, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_v(c, severity, line, col, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------- the runner */

static int cmp_finding(const void *a, const void *b)
{
    const vl_finding *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    int c = strcmp(x->rule->id, y->rule->id);
    if (c)
        return c;
    return x < y ? -1 : (x > y);
}

static void run_rules(vpnlint_report *r, size_t file_index, vl_input *in, const vl_profile *px,
                      const vl_pbk *pbk)
{
    run rn = {r, file_index, in, NULL, 0, 0, {NULL, 0, {0, 0}}};
    vl_ctx c;
    memset(&c, 0, sizeof c);
    c.in = in;
    c.px = px;
    c.pbk = pbk;
    c.opt = &r->opt;
    c.min_build = r->opt.min_build;
    c.min_build_set = r->min_build_set;
    c.engine = &rn;
    bool parsed = px != NULL || pbk != NULL;
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *rule = vl_registry[i];
        if (!rule || !rule->check)
            continue;
        if (rule->kind != VPNLINT_KIND_UNKNOWN && rule->kind != in->kind)
            continue;
        if (!parsed && !(rule->flags & VL_RULE_RAW))
            continue;
        if (!vl_rule_enabled(r, rule))
            continue;
        c.rule = rule;
        rule->check(&c);
    }
    free(rn.cols);
    vl_hash_free(&rn.cols_ix);
    vl_file *f = &r->files[file_index];
    if (f->n_findings > 1)
        qsort(r->findings + f->first_finding, f->n_findings, sizeof(vl_finding), cmp_finding);
}

/* real_size of a stream that ran over the limit before its end */
#define VL_SIZE_UNKNOWN UINT64_MAX

/* in_place: data[len] is '\0' and data outlives the lint (a file we read) */
static int lint_bytes(vpnlint_report *r, size_t fi, const void *data, size_t len,
                      uint64_t real_size, unsigned flags, bool in_place)
{
    vl_input in;
    memset(&in, 0, sizeof in);
    in.path = r->files[fi].path;
    int rc = VPNLINT_OK;
    if (real_size > r->opt.max_bytes) {
        in.too_big = true;
        in.size = real_size == VL_SIZE_UNKNOWN ? 0 : real_size;
        in.kind = VPNLINT_KIND_UNKNOWN;
        in.envelope = "none";
        in.encoding = "";
    } else {
        rc = in_place ? vl_input_decode_in_place(&in, data, len) : vl_input_decode(&in, data, len);
        if (rc != VPNLINT_OK) {
            vl_input_clear(&in);
            return rc;
        }
    }
    if ((flags & VPNLINT_ADD_IF_KNOWN) && in.kind == VPNLINT_KIND_UNKNOWN && !in.too_big &&
        !in.decode_error.message) {
        /* not ours (a .csproj in a scanned folder): forget the record */
        vl_input_clear(&in);
        free(r->files[fi].path);
        r->n_files--;
        return VPNLINT_ENOTFOUND;
    }
    vl_profile *px = NULL;
    if (in.kind == VPNLINT_KIND_PROFILEXML && !in.decode_error.message)
        rc = vl_profile_build(&px, &in, &r->opt);
    vl_pbk *pbk = NULL;
    if (rc == VPNLINT_OK && in.kind == VPNLINT_KIND_PBK && !in.too_big)
        rc = vl_pbk_build(&pbk, &in, &r->opt);
    vl_file *f = &r->files[fi];
    f->kind = in.kind;
    f->encoding = in.encoding ? in.encoding : "";
    f->envelope = in.envelope ? in.envelope : "none";
    if (rc == VPNLINT_OK)
        run_rules(r, fi, &in, px, pbk);
    vl_profile_free(px);
    vl_pbk_free(pbk);
    vl_input_clear(&in);
    return rc;
}

int vpnlint_report_add_buffer(vpnlint_report *r, const char *display_path, const void *data,
                              size_t len)
{
    if (!r || (!data && len))
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_add_buffer: NULL argument");
    size_t fi = vl_report_add_file_record(r, display_path ? display_path : "<input>");
    if (fi == (size_t)-1)
        return vl_error_oom();
    return lint_bytes(r, fi, data ? data : "", len, len, 0, false);
}

int vpnlint_report_add_file(vpnlint_report *r, const char *path)
{
    return vpnlint_report_add_file_ex(r, path, 0);
}

int vpnlint_report_add_file_ex(vpnlint_report *r, const char *path, unsigned int flags)
{
    if (!r || !path)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_add_file: NULL argument");
    size_t fi = vl_report_add_file_record(r, path);
    if (fi == (size_t)-1)
        return vl_error_oom();
    char *data = NULL;
    size_t len = 0;
    uint64_t size = 0;
    int rc = vl_read_file(path, r->opt.max_bytes, &data, &len, &size);
    if (rc == VPNLINT_ETOOBIG)
        return lint_bytes(r, fi, NULL, 0, size ? size : VL_SIZE_UNKNOWN, flags, false);
    if (rc != VPNLINT_OK) {
        r->files[fi].read_error = rc;
        r->files[fi].read_error_message = vl_strdup(vpnlint_error_last());
        return rc;
    }
    rc = lint_bytes(r, fi, data, len, len, flags, true);
    free(data);
    if (rc == VPNLINT_ENOTFOUND && (flags & VPNLINT_ADD_IF_KNOWN))
        return vl_error_set(VPNLINT_ENOTFOUND, "%s: neither ProfileXML nor a phonebook; skipped",
                            path);
    return rc;
}

int vpnlint_report_add_finding(vpnlint_report *r, const char *path, const char *rule_id,
                               int severity, const char *message, unsigned int line,
                               unsigned int column)
{
    if (!r || !rule_id || !message)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_add_finding: NULL argument");
    const vl_rule *rule = vl_rule_lookup(rule_id);
    if (!rule)
        return vl_error_set(VPNLINT_ENOTFOUND, "no rule with ID '%s'", rule_id);
    if (severity < VPNLINT_SEVERITY_INFO || severity > VPNLINT_SEVERITY_ERROR)
        return vl_error_set(VPNLINT_EINVALID, "severity %d is not info, warning or error",
                            severity);
    const char *p = path ? path : "<input>";
    size_t fi = (size_t)-1;
    /* findings of one path group under one file record, in order */
    if (r->n_files > 0 && strcmp(r->files[r->n_files - 1].path, p) == 0)
        fi = r->n_files - 1;
    if (fi == (size_t)-1) {
        fi = vl_report_add_file_record(r, p);
        if (fi == (size_t)-1)
            return vl_error_oom();
        r->files[fi].kind = rule->kind;
    }
    return vl_report_add(r, fi, rule, severity, line, column, message);
}

/* ------------------------------------------------------------ accessors */

size_t vpnlint_report_file_count(const vpnlint_report *r)
{
    return r ? r->n_files : 0;
}

int vpnlint_report_file(vpnlint_file_info *out, const vpnlint_report *r, size_t index)
{
    if (!out || !r)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_file: NULL argument");
    if (index >= r->n_files)
        return vl_error_set(VPNLINT_ENOTFOUND, "file index %zu out of range", index);
    const vl_file *f = &r->files[index];
    out->path = f->path;
    out->kind = f->kind;
    out->kind_name = vl_kind_name(f->kind);
    out->encoding = f->encoding;
    out->envelope = f->envelope;
    out->read_error = f->read_error;
    out->read_error_message = f->read_error_message ? f->read_error_message : "";
    out->finding_count = f->n_findings;
    return VPNLINT_OK;
}

size_t vpnlint_report_finding_count(const vpnlint_report *r)
{
    return r ? r->n_findings : 0;
}

int vpnlint_report_finding(vpnlint_finding *out, const vpnlint_report *r, size_t index)
{
    if (!out || !r)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_report_finding: NULL argument");
    if (index >= r->n_findings)
        return vl_error_set(VPNLINT_ENOTFOUND, "finding index %zu out of range", index);
    const vl_finding *f = &r->findings[index];
    out->rule_id = f->rule->id;
    out->severity = f->severity;
    out->message = f->message;
    out->help = f->rule->fix;
    out->path = r->files[f->file_index].path;
    out->line = f->line;
    out->column = f->col;
    out->file_index = f->file_index;
    return VPNLINT_OK;
}

int vpnlint_report_max_severity(const vpnlint_report *r)
{
    int max = -1;
    for (size_t i = 0; r && i < r->n_findings; i++)
        if (r->findings[i].severity > max)
            max = r->findings[i].severity;
    return max;
}
