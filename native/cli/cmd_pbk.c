/* cmd_pbk.c — `vpnlint pbk`: read and safely edit rasphone.pbk phonebooks
 * through the library's phonebook API (see docs/pbk-editing.md). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char pbk_help[] =
    "usage:\n"
    "  vpnlint pbk list FILE\n"
    "  vpnlint pbk get FILE --entry NAME [--key KEY] [--media N] [--device N] [--phone N]\n"
    "  vpnlint pbk set FILE --entry NAME --key KEY --value V [--media N] [--device N]\n"
    "                       [--phone N] [--dry-run] [--allow-hidden]\n"
    "  vpnlint pbk unset FILE --entry NAME --key KEY [--media N] [--device N] [--phone N]\n"
    "                       [--dry-run] [--allow-hidden]\n"
    "  vpnlint pbk restore BACKUP [--to FILE]\n"
    "\n"
    "  list     one line per entry: line, [name], type, VpnStrategy, server, auth, links\n"
    "  get      the entry's lines, or one key's value (hex blobs joined on one line)\n"
    "  set      change a key in place, or add it at the position Windows writes it\n"
    "  unset    remove a key (all its lines, and duplicates in the same section)\n"
    "  restore  put a backup made by set/unset back (atomically; the current file is\n"
    "           backed up first). Without --to, the file the backup was made from.\n"
    "\n"
    "  --media N, --device N, --phone N   which MEDIA (link), DEVICE or PhoneNumber\n"
    "           group, counted from 1; needed only when the entry has several\n"
    "  --dry-run   print the diff, write nothing\n"
    "  --allow-hidden   permit editing a phonebook under _hiddenPbk\n"
    "\n"
    "  set/unset print a unified diff of the change, then write a backup\n"
    "  (FILE.vpnlint-<UTC time>.bak), a temp file beside FILE, flush it and rename it\n"
    "  over FILE. Only the target lines change; line endings, encoding, order and\n"
    "  unknown keys stay as they were. Values of secret keys (PreSharedKey,\n"
    "  *Password*) are shown as ********. Entry names with bytes that are not UTF-8\n"
    "  can be given in the \\xNN form `pbk list` prints.\n"
    "\n"
    "  Note: Intune/MDM may re-apply a provisioned profile over your edit, and Windows\n"
    "  rewrites VpnStrategy after a successful dial when it is 0 (Automatic).\n"
    "\n"
    "exit codes: 0 done, 1 refused (entry/key not found, ambiguous name or key,\n"
    "  file changed since read, invalid value), 2 file unreadable or not writable,\n"
    "  3 usage error\n";

static int lib_error(int code)
{
    fprintf(stderr, "vpnlint: %s\n", vpnlint_error_last());
    switch (code) {
    case VPNLINT_EIO:
    case VPNLINT_EACCESS:
    case VPNLINT_ETOOBIG:
    case VPNLINT_ENOMEM:
        return EXIT_UNREADABLE;
    default:
        return EXIT_FINDINGS;
    }
}

static int open_error(const char *path)
{
    fprintf(stderr, "vpnlint: %s\n", vpnlint_error_last());
    (void)path;
    return EXIT_UNREADABLE;
}

static int parse_index(const char *opt, const char *v, int *out)
{
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 1000000)
        return cli_usage_error("%s needs a number from 1 (got '%s')", opt, v);
    *out = (int)n - 1;
    return 0;
}

typedef struct args {
    const char *file, *entry, *key, *value, *to;
    int media, device, phone;
    bool dry_run, allow_hidden, has_value;
} args;

static int parse_args(int argc, char **argv, args *a)
{
    memset(a, 0, sizeof *a);
    a->media = a->device = a->phone = VPNLINT_PBK_ANY;
    for (int i = 2; i < argc; i++) {
        bool missing = false;
        const char *v;
        int rc;
        if ((v = cli_opt(argc, argv, &i, "--entry", &missing))) {
            a->entry = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--key", &missing))) {
            a->key = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--value", &missing))) {
            a->value = v;
            a->has_value = true;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--to", &missing))) {
            a->to = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--media", &missing))) {
            if ((rc = parse_index("--media", v, &a->media)))
                return rc;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--device", &missing))) {
            if ((rc = parse_index("--device", v, &a->device)))
                return rc;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--phone", &missing))) {
            if ((rc = parse_index("--phone", v, &a->phone)))
                return rc;
        } else if (missing) {
            return cli_usage_error("option needs a value: '%s'", argv[i]);
        } else if (!strcmp(argv[i], "--dry-run") || !strcmp(argv[i], "-n")) {
            a->dry_run = true;
        } else if (!strcmp(argv[i], "--allow-hidden")) {
            a->allow_hidden = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error("unknown option '%s' (see vpnlint pbk --help)", argv[i]);
        } else if (!a->file) {
            a->file = argv[i];
        } else {
            return cli_usage_error("unexpected argument '%s' (see vpnlint pbk --help)", argv[i]);
        }
    }
    if (!a->file)
        return cli_usage_error("pbk %s: no file given (see vpnlint pbk --help)", argv[1]);
    return 0;
}

static int print_and_free(char *text)
{
    int rc = cli_write_output(NULL, text) == 0 ? EXIT_CLEAN : EXIT_UNREADABLE;
    vpnlint_free(text);
    return rc;
}

static int do_list(const args *a)
{
    vpnlint_pbk *pb = NULL;
    if (vpnlint_pbk_open(&pb, a->file) != VPNLINT_OK)
        return open_error(a->file);
    char *text = NULL;
    int rc = vpnlint_pbk_list(&text, pb);
    vpnlint_pbk_free(pb);
    if (rc)
        return lib_error(rc);
    return print_and_free(text);
}

static int do_get(const args *a)
{
    if (!a->entry)
        return cli_usage_error("pbk get: --entry NAME is required");
    vpnlint_pbk *pb = NULL;
    if (vpnlint_pbk_open(&pb, a->file) != VPNLINT_OK)
        return open_error(a->file);
    char *text = NULL;
    int rc = vpnlint_pbk_get(&text, pb, a->entry, a->key, a->media, a->device, a->phone);
    vpnlint_pbk_free(pb);
    if (rc)
        return lib_error(rc);
    return print_and_free(text);
}

static int do_edit(const args *a, bool set)
{
    if (!a->entry || !a->key)
        return cli_usage_error("pbk %s: --entry NAME and --key KEY are required",
                               set ? "set" : "unset");
    if (set && !a->has_value)
        return cli_usage_error("pbk set: --value V is required (use --value= for empty)");
    if (!set && a->has_value)
        return cli_usage_error("pbk unset takes no --value");
    if (!a->allow_hidden && strstr(a->file, "_hiddenPbk")) {
        fprintf(stderr,
                "vpnlint: %s is under _hiddenPbk (the copy Windows keeps for "
                "provisioned profiles); pass --allow-hidden to edit it anyway\n",
                a->file);
        return EXIT_FINDINGS;
    }
    vpnlint_pbk *pb = NULL;
    if (vpnlint_pbk_open(&pb, a->file) != VPNLINT_OK)
        return open_error(a->file);
    int rc = set ? vpnlint_pbk_set(pb, a->entry, a->key, a->value, a->media, a->device, a->phone)
                 : vpnlint_pbk_unset(pb, a->entry, a->key, a->media, a->device, a->phone);
    if (rc) {
        vpnlint_pbk_free(pb);
        return lib_error(rc);
    }
    char *diff = NULL;
    if ((rc = vpnlint_pbk_diff(&diff, pb))) {
        vpnlint_pbk_free(pb);
        return lib_error(rc);
    }
    if (!*diff)
        fprintf(stderr, "vpnlint: no change: %s already has that value\n", a->key);
    fputs(diff, stdout);
    fflush(stdout);
    bool changed = *diff != '\0';
    vpnlint_free(diff);
    if (a->dry_run || !changed) {
        if (a->dry_run && changed)
            fprintf(stderr, "vpnlint: dry run: %s not written\n", a->file);
        vpnlint_pbk_free(pb);
        return EXIT_CLEAN;
    }
    char *backup = NULL;
    rc = vpnlint_pbk_write(&backup, pb);
    vpnlint_pbk_free(pb);
    if (rc)
        return lib_error(rc);
    fprintf(stderr, "vpnlint: wrote %s (backup: %s)\n", a->file, backup ? backup : "none");
    vpnlint_free(backup);
    return EXIT_CLEAN;
}

static int do_restore(const args *a)
{
    if (a->entry || a->key || a->has_value)
        return cli_usage_error("pbk restore takes BACKUP and optionally --to FILE");
    char *target = NULL, *safety = NULL;
    int rc = vpnlint_pbk_restore(&target, &safety, a->file, a->to);
    if (rc) {
        if (rc == VPNLINT_ENOTFOUND)
            return open_error(a->file);
        return lib_error(rc);
    }
    fprintf(stderr, "vpnlint: restored %s from %s", target, a->file);
    if (safety)
        fprintf(stderr, " (its previous content is in %s)", safety);
    fputc('\n', stderr);
    vpnlint_free(target);
    vpnlint_free(safety);
    return EXIT_CLEAN;
}

int cmd_pbk(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        !strcmp(argv[1], "help")) {
        fputs(pbk_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_CLEAN;
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(pbk_help, stdout);
            return EXIT_CLEAN;
        }
    const char *verb = argv[1];
    if (strcmp(verb, "list") && strcmp(verb, "get") && strcmp(verb, "set") &&
        strcmp(verb, "unset") && strcmp(verb, "restore"))
        return cli_usage_error("unknown pbk command '%s' (list, get, set, unset, restore)", verb);
    args a;
    int rc = parse_args(argc, argv, &a);
    if (rc)
        return rc;
    if (!strcmp(verb, "list"))
        return do_list(&a);
    if (!strcmp(verb, "get"))
        return do_get(&a);
    if (!strcmp(verb, "set"))
        return do_edit(&a, true);
    if (!strcmp(verb, "unset"))
        return do_edit(&a, false);
    return do_restore(&a);
}
