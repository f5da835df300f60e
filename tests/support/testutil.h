/* testutil.h — helpers shared by the cmocka tests. */
#ifndef VPNLINT_TESTUTIL_H
#define VPNLINT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vpnlint.h"

/* Reads a whole file (NUL-terminated); NULL if it cannot be read. */
char *tu_read_file(const char *path, size_t *len);
/* Sorted names in a directory (regular files and dirs, no dot entries);
 * returns the count, names in *out (free with tu_free_names). */
size_t tu_list_dir(const char *dir, char ***out);
void tu_free_names(char **names, size_t n);
int tu_is_dir(const char *path);
/* Lints bytes with default options; caller frees the report. */
vpnlint_report *tu_lint(const char *name, const char *xml);
vpnlint_report *tu_lint_opts(const char *name, const void *data, size_t len,
                             const vpnlint_options *opt);
/* Number of findings of rule `id` in the report. */
size_t tu_count(const vpnlint_report *r, const char *id);
/* Is there a finding of `id` on `line`? */
int tu_has_at(const vpnlint_report *r, const char *id, unsigned line);
/* Prints all findings (for failing tests). */
void tu_dump(const vpnlint_report *r);

#endif
