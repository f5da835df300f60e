/* cli.h — shared pieces of the vpnlint agent's verbs. Every verb is a
 * caller of the public library API (vpnlint.h); none re-implements it. */
#ifndef VPNLINT_CLI_H
#define VPNLINT_CLI_H

#include "vpnlint.h"

#include <stdbool.h>
#include <stddef.h>

/* exit codes (ShellCheck-like) */
#define EXIT_CLEAN 0
#define EXIT_FINDINGS 1
#define EXIT_UNREADABLE 2
#define EXIT_USAGE 3

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the verb */
    const char *summary;
} cli_command;

/* Prints "vpnlint: <msg>" to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Value of "--name value" or "--name=value" at argv[*i]; advances *i. NULL
 * when argv[*i] is not that option; sets *missing when the value is absent. */
const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing);
/* Parses a format name; -1 when unknown. */
int cli_format(const char *name);
/* Writes text to path atomically (temp + rename), or to stdout when path is
 * NULL or "-". Returns 0 or an error message printed to stderr (non-zero). */
int cli_write_output(const char *path, const char *text);
/* Reads all of stdin (up to limit bytes). */
int cli_read_stdin(char **data, size_t *len, size_t limit);

/* Calls fn for every regular file under dir (recursively, sorted) whose
 * name ends in one of exts; returns 0, or -1 if dir cannot be listed. */
int cli_walk(const char *dir, const char *const *exts, int (*fn)(const char *path, void *ctx),
             void *ctx);
/* 1 directory, 0 other existing, -1 missing. */
int cli_path_kind(const char *path);

int cmd_lint(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_nps(int argc, char **argv);
int cmd_pbk(int argc, char **argv);
int cmd_detect(int argc, char **argv);
int cmd_remediate(int argc, char **argv);
int cmd_repair(int argc, char **argv);
int cmd_undo(int argc, char **argv);
int cmd_probe(int argc, char **argv);

#endif
