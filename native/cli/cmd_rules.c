/* cmd_rules.c — `vpnlint rules`: the catalogue from the one registry. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cmd_rules(int argc, char **argv)
{
    int format = VPNLINT_FORMAT_TEXT;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        const char *v = cli_opt(argc, argv, &i, "--format", &missing);
        if (v) {
            format = cli_format(v);
            if (format != VPNLINT_FORMAT_TEXT && format != VPNLINT_FORMAT_JSON &&
                format != VPNLINT_FORMAT_MARKDOWN)
                return cli_usage_error("unknown --format '%s' (text, json, markdown)", v);
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: vpnlint rules [--format text|json|markdown]");
            return EXIT_CLEAN;
        } else {
            return cli_usage_error("%s '%s' (see vpnlint rules --help)",
                                   missing ? "option needs a value:" : "unknown argument", argv[i]);
        }
    }
    char *text = NULL;
    if (vpnlint_rules_render(&text, format) != VPNLINT_OK)
        return cli_usage_error("%s", vpnlint_error_last());
    int rc = cli_write_output(NULL, text) == 0 ? EXIT_CLEAN : EXIT_UNREADABLE;
    vpnlint_free(text);
    return rc;
}
