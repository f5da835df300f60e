/* cmd_lint.c — `vpnlint lint`: the CI job. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const lint_exts[] = {".xml", ".pbk", ".syncml", NULL};

static void lint_help(void)
{
    puts("usage: vpnlint lint [options] PATH...\n"
         "\n"
         "Lints ProfileXML (raw, entity-escaped or inside SyncML) and rasphone.pbk\n"
         "phonebooks. PATH is a file, a directory (searched recursively for *.xml,\n"
         "*.pbk, *.syncml) or - for standard input. The kind of each file is detected\n"
         "from its content; in a directory, files that are neither are skipped.\n"
         "\n"
         "options:\n"
         "  --format text|json|sarif|intune   output format (default text)\n"
         "  -o, --output FILE                 write the output to FILE (atomically)\n"
         "  --base-dir DIR                    SARIF URIs relative to DIR (default: cwd)\n"
         "  --min-build N                     oldest Windows build you deploy to\n"
         "                                    (e.g. 19045 for Windows 10 22H2)\n"
         "  --target any|intune|wmi           deployment channel (default any)\n"
         "  --disable ID,...                  skip these rules\n"
         "  --only ID,...                     run only these rules\n"
         "  --severity ID=error|warning|info|off  override a rule's severity (repeatable)\n"
         "  --pedantic                        also run opt-in rules (e.g. element order)\n"
         "  --no-inline-disable               ignore <!-- vpnlint-disable ... --> comments\n"
         "  --max-bytes N                     refuse inputs larger than N bytes (16 MiB)\n"
         "  --fail-on error|warning|info      lowest severity that fails (default error)\n"
         "  --no-fail                         exit 0 even with findings (for SARIF uploads)\n"
         "\n"
         "exit codes: 0 nothing at or above the fail level, 1 findings, 2 an input\n"
         "could not be read, 3 usage error");
}

typedef struct lint_state {
    vpnlint_report *report;
    int unreadable;
    unsigned int flags; /* VPNLINT_ADD_IF_KNOWN while scanning a directory */
} lint_state;

static int add_one(const char *path, void *ctx)
{
    lint_state *st = ctx;
    int rc = vpnlint_report_add_file_ex(st->report, path, st->flags);
    if (rc == VPNLINT_ENOTFOUND && (st->flags & VPNLINT_ADD_IF_KNOWN))
        return 0; /* some other XML file in the folder: not ours */
    if (rc != VPNLINT_OK) {
        if (vpnlint_error_last_code() == VPNLINT_ENOMEM) {
            fprintf(stderr, "vpnlint: %s\n", vpnlint_error_last());
            return -1;
        }
        st->unreadable++;
    }
    return 0;
}

/* Severity overrides may be given several times: join them with commas. */
static int append_list(char **list, const char *item)
{
    size_t a = *list ? strlen(*list) : 0, b = strlen(item);
    char *n = realloc(*list, a + b + 2);
    if (!n)
        return -1;
    if (a)
        n[a++] = ',';
    memcpy(n + a, item, b + 1);
    *list = n;
    return 0;
}

int cmd_lint(int argc, char **argv)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    int format = VPNLINT_FORMAT_TEXT, fail_on = VPNLINT_SEVERITY_ERROR;
    bool no_fail = false;
    const char *output = NULL;
    char *severity = NULL, *disable = NULL, *only = NULL;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n_paths = 0;
    int rc = EXIT_CLEAN;
    if (!paths)
        return EXIT_USAGE;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            lint_help();
            goto out;
        } else if ((v = cli_opt(argc, argv, &i, "--format", &missing))) {
            format = cli_format(v);
            if (format < 0 || format == VPNLINT_FORMAT_MARKDOWN) {
                rc = cli_usage_error("unknown --format '%s' (text, json, sarif, intune)", v);
                goto out;
            }
        } else if ((v = cli_opt(argc, argv, &i, "--output", &missing)) ||
                   (!missing && (v = cli_opt(argc, argv, &i, "-o", &missing)))) {
            output = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--base-dir", &missing))) {
            opt.base_dir = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--min-build", &missing))) {
            char *end;
            unsigned long b = strtoul(v, &end, 10);
            if (*end || b < 10240 || b > 99999) {
                rc = cli_usage_error("--min-build wants a Windows build number such as 19045, "
                                     "not '%s'",
                                     v);
                goto out;
            }
            opt.min_build = (uint32_t)b;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--target", &missing))) {
            if (strcmp(v, "any") == 0)
                opt.target = VPNLINT_TARGET_ANY;
            else if (strcmp(v, "intune") == 0)
                opt.target = VPNLINT_TARGET_INTUNE;
            else if (strcmp(v, "wmi") == 0 || strcmp(v, "powershell") == 0)
                opt.target = VPNLINT_TARGET_WMI;
            else {
                rc = cli_usage_error("unknown --target '%s' (any, intune, wmi)", v);
                goto out;
            }
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--disable", &missing))) {
            if (append_list(&disable, v))
                goto oom;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--only", &missing))) {
            if (append_list(&only, v))
                goto oom;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--severity", &missing))) {
            if (append_list(&severity, v))
                goto oom;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--max-bytes", &missing))) {
            char *end;
            unsigned long long b = strtoull(v, &end, 10);
            if (*end || b == 0) {
                rc = cli_usage_error("--max-bytes wants a positive number, not '%s'", v);
                goto out;
            }
            opt.max_bytes = b;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--fail-on", &missing))) {
            if (strcmp(v, "error") == 0)
                fail_on = VPNLINT_SEVERITY_ERROR;
            else if (strcmp(v, "warning") == 0)
                fail_on = VPNLINT_SEVERITY_WARNING;
            else if (strcmp(v, "info") == 0)
                fail_on = VPNLINT_SEVERITY_INFO;
            else {
                rc = cli_usage_error("unknown --fail-on '%s' (error, warning, info)", v);
                goto out;
            }
        } else if (missing) {
            rc = cli_usage_error("option %s needs a value", a);
            goto out;
        } else if (strcmp(a, "--no-fail") == 0) {
            no_fail = true;
        } else if (strcmp(a, "--pedantic") == 0) {
            opt.flags |= VPNLINT_OPT_PEDANTIC;
        } else if (strcmp(a, "--no-inline-disable") == 0) {
            opt.flags |= VPNLINT_OPT_NO_INLINE_DISABLE;
        } else if (a[0] == '-' && a[1] != '\0') {
            rc = cli_usage_error("unknown option '%s' (see vpnlint lint --help)", a);
            goto out;
        } else {
            paths[n_paths++] = a;
        }
    }
    if (n_paths == 0) {
        rc = cli_usage_error("lint needs at least one PATH (a file, a directory or -)");
        goto out;
    }
    opt.severity = severity;
    opt.disable = disable;
    opt.only = only;

    lint_state st = {NULL, 0, 0};
    if (vpnlint_report_new(&st.report, &opt) != VPNLINT_OK) {
        rc = cli_usage_error("%s", vpnlint_error_last());
        goto out;
    }
    for (size_t i = 0; i < n_paths; i++) {
        const char *p = paths[i];
        if (strcmp(p, "-") == 0) {
            char *data;
            size_t len;
            size_t limit = opt.max_bytes ? (size_t)opt.max_bytes : VPNLINT_DEFAULT_MAX_BYTES;
            int r = cli_read_stdin(&data, &len, limit);
            if (r == -2) {
                /* over the limit: let the library record it as a finding */
                vpnlint_report_add_buffer(st.report, "<stdin>", "", 0);
                fprintf(stderr,
                        "vpnlint: <stdin>: more than %zu bytes, over the limit; "
                        "nothing was parsed\n",
                        limit);
                st.unreadable++;
                continue;
            }
            if (r != 0) {
                fprintf(stderr, "vpnlint: cannot read standard input\n");
                st.unreadable++;
                continue;
            }
            vpnlint_report_add_buffer(st.report, "<stdin>", data, len);
            free(data);
            continue;
        }
        int kind = cli_path_kind(p);
        if (kind == 1) {
            st.flags = VPNLINT_ADD_IF_KNOWN;
            int walked = cli_walk(p, lint_exts, add_one, &st);
            st.flags = 0;
            if (walked != 0) {
                fprintf(stderr, "vpnlint: %s: cannot list the directory\n", p);
                st.unreadable++;
            }
        } else if (add_one(p, &st) != 0) {
            break;
        }
    }
    char *text = NULL;
    if (vpnlint_report_render(&text, st.report, format) != VPNLINT_OK) {
        fprintf(stderr, "vpnlint: %s\n", vpnlint_error_last());
        rc = EXIT_UNREADABLE;
    } else {
        if (format == VPNLINT_FORMAT_INTUNE) {
            size_t n = strlen(text);
            char *t = realloc(text, n + 2);
            if (t) {
                text = t;
                text[n] = '\n';
                text[n + 1] = '\0';
            }
        }
        if (cli_write_output(output, text) != 0)
            rc = EXIT_UNREADABLE;
        vpnlint_free(text);
    }
    if (rc == EXIT_CLEAN) {
        int max = vpnlint_report_max_severity(st.report);
        if (st.unreadable)
            rc = EXIT_UNREADABLE;
        else if (!no_fail && max >= fail_on)
            rc = EXIT_FINDINGS;
    }
    vpnlint_report_free(st.report);
out:
    free(paths);
    free(severity);
    free(disable);
    free(only);
    return rc;
oom:
    rc = cli_usage_error("out of memory");
    goto out;
}
