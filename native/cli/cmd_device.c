/* cmd_device.c — the device verbs of the agent (Windows):
 *   vpnlint detect [--intune]      device checks; exit 1 only when a remediation should run
 *   vpnlint remediate [--intune]   safe repairs only, then detect again
 *   vpnlint repair natt|prohibitipsec|service NAME [--value N] [--dry-run] [--journal FILE]
 *   vpnlint undo JOURNAL [--dry-run]
 * Elsewhere the library answers VPNLINT_EUNSUPPORTED and the verbs say plainly
 * that they need Windows (exit 3). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#include <shellapi.h>
#endif

#define INTUNE_MAX 2047 /* Intune keeps 2048 characters; stay under */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* On Windows argv is in the ANSI code page: take the arguments again from
 * the UTF-16 command line so non-ASCII journal paths survive. `argv` is the
 * verb's argv (main's argv + 1). Returns argv itself elsewhere. */
static char **utf8_args(int argc, char **argv)
{
#ifdef _WIN32
    int n = 0;
    wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!w || n != argc + 1) {
        if (w)
            LocalFree(w);
        return argv;
    }
    char **out = calloc((size_t)argc + 1, sizeof *out);
    for (int i = 0; out && i < argc; i++) {
        int len = WideCharToMultiByte(CP_UTF8, 0, w[i + 1], -1, NULL, 0, NULL, NULL);
        out[i] = len > 0 ? malloc((size_t)len) : NULL;
        if (!out[i]) {
            LocalFree(w);
            return argv; /* leaks the partial copy; process exits soon */
        }
        WideCharToMultiByte(CP_UTF8, 0, w[i + 1], -1, out[i], len, NULL, NULL);
    }
    LocalFree(w);
    return out ? out : argv;
#else
    (void)argc;
    return argv;
#endif
}

/* Exit code and message for a failed library call. */
static int fail(const char *verb)
{
    int code = vpnlint_error_last_code();
    fprintf(stderr, "vpnlint %s: %s\n", verb, vpnlint_error_last());
    switch (code) {
    case VPNLINT_EUNSUPPORTED:
    case VPNLINT_EINVALID:
        return EXIT_USAGE;
    case VPNLINT_EACCESS:
    case VPNLINT_ECONFLICT:
        return EXIT_FINDINGS; /* a refused change */
    default:
        return EXIT_UNREADABLE;
    }
}

static void fixes_text(char *buf, size_t size, const vpnlint_device_state *st)
{
    buf[0] = '\0';
    size_t n = 0;
    if (st->fixes & VPNLINT_FIX_NATT)
        n += (size_t)snprintf(buf + n, size - n, "%sset NAT-T value to 2", n ? ", " : "");
    if (n < size && (st->fixes & VPNLINT_FIX_PROHIBIT_IPSEC))
        n += (size_t)snprintf(buf + n, size - n, "%sset ProhibitIpSec to 0", n ? ", " : "");
    if (n < size && (st->fixes & VPNLINT_FIX_START_SERVICES))
        snprintf(buf + n, size - n, "%sstart %s", n ? ", " : "", st->services_to_start);
}

/* One line, under 2048 characters, cut on a UTF-8 boundary. */
static void print_intune(const vpnlint_device_state *st, const vpnlint_report *r)
{
    char fixes[512];
    fixes_text(fixes, sizeof fixes, st);
    char *summary = NULL;
    if (vpnlint_report_render(&summary, r, VPNLINT_FORMAT_INTUNE) != VPNLINT_OK)
        summary = NULL;
    size_t cap = INTUNE_MAX + 1;
    char *line = malloc(cap + 1);
    if (!line) {
        vpnlint_free(summary);
        return;
    }
    int n = snprintf(line, cap, "%s%s | %s", st->fixes ? "REMEDIATE: " : "NO REMEDIATION NEEDED",
                     st->fixes ? fixes : "", summary ? summary : "");
    vpnlint_free(summary);
    size_t len = n < 0 ? 0 : (size_t)n;
    if (len > INTUNE_MAX) {
        len = INTUNE_MAX - 3;
        while (len > 0 && ((unsigned char)line[len] & 0xC0) == 0x80)
            len--;
        memcpy(line + len, "...", 4);
        len += 3;
    }
    for (size_t i = 0; i < len; i++)
        if (line[i] == '\n' || line[i] == '\r')
            line[i] = ' ';
    line[len] = '\0';
    puts(line);
    free(line);
}

static void print_text(const vpnlint_device_state *st, const vpnlint_report *r)
{
    char *text = NULL;
    if (vpnlint_report_render(&text, r, VPNLINT_FORMAT_TEXT) == VPNLINT_OK && text) {
        fputs(text, stdout);
        vpnlint_free(text);
    }
    char fixes[512];
    fixes_text(fixes, sizeof fixes, st);
    if (st->fixes)
        printf("remediation needed: %s (run `vpnlint remediate` elevated)\n", fixes);
    else
        puts("no remediation needed");
}

static int run_check(const char *verb, vpnlint_device_state *st, vpnlint_report **r, unsigned flags)
{
    if (vpnlint_report_new(r, NULL) != VPNLINT_OK)
        return fail(verb);
    memset(st, 0, sizeof *st);
    st->version = VPNLINT_DEVICE_STATE_VERSION;
    if (vpnlint_device_check(st, *r, flags) != VPNLINT_OK) {
        int rc = fail(verb);
        vpnlint_report_free(*r);
        *r = NULL;
        return rc;
    }
    return EXIT_CLEAN;
}

static int parse_common(int argc, char **argv, int *i, bool *intune, unsigned *flags)
{
    if (strcmp(argv[*i], "--intune") == 0)
        *intune = true;
    else if (strcmp(argv[*i], "--no-wmi") == 0)
        *flags |= VPNLINT_DEVICE_NO_WMI;
    else if (strcmp(argv[*i], "--no-phonebooks") == 0)
        *flags |= VPNLINT_DEVICE_NO_PHONEBOOKS;
    else
        return cli_usage_error("%s: unknown option '%s' (see vpnlint %s --help)", argv[0], argv[*i],
                               argv[0]);
    (void)argc;
    return 0;
}

int cmd_detect(int argc, char **argv)
{
    bool intune = false;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: vpnlint detect [--intune] [--no-wmi] [--no-phonebooks]\n"
                 "\n"
                 "Runs the device checks (Windows): VPN services, the L2TP NAT-T and\n"
                 "ProhibitIpSec values against the L2TP connections present, phonebooks and\n"
                 "installed MDM profiles (linted), run context, OS build.\n"
                 "  --intune          one line under 2048 characters (Intune Remediations)\n"
                 "  --no-wmi          do not query installed MDM_VPNv2_01 profiles\n"
                 "  --no-phonebooks   do not look for phonebooks\n"
                 "\n"
                 "exit codes: 0 no remediation needed, 1 a remediation should run,\n"
                 "2 the checks failed, 3 usage error or not Windows");
            return EXIT_CLEAN;
        }
        int rc = parse_common(argc, argv, &i, &intune, &flags);
        if (rc)
            return rc;
    }
    vpnlint_device_state st;
    vpnlint_report *r = NULL;
    int rc = run_check("detect", &st, &r, flags);
    if (rc != EXIT_CLEAN)
        return rc;
    if (intune)
        print_intune(&st, r);
    else
        print_text(&st, r);
    vpnlint_report_free(r);
    return st.fixes ? EXIT_FINDINGS : EXIT_CLEAN;
}

static void report_result(const char *verb, const vpnlint_repair_result *res, bool quiet)
{
    if (!quiet)
        printf("vpnlint %s: %s\n", verb, res->message ? res->message : "done");
}

/* `remediate --dry-run --pbk FILE`: what a remediation would do for the L2TP
 * connections of one phonebook, on any OS, without touching the registry. */
static int plan_from_phonebook(const char *pbk, bool intune)
{
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, NULL) != VPNLINT_OK)
        return fail("remediate");
    vpnlint_device_state st;
    memset(&st, 0, sizeof st);
    st.version = VPNLINT_DEVICE_STATE_VERSION;
    if (vpnlint_device_plan_pbk(&st, r, pbk) != VPNLINT_OK) {
        int rc = vpnlint_error_last_code() == VPNLINT_ENOTFOUND ||
                         vpnlint_error_last_code() == VPNLINT_EIO
                     ? EXIT_UNREADABLE
                     : EXIT_USAGE;
        fprintf(stderr, "vpnlint remediate: %s\n", vpnlint_error_last());
        vpnlint_report_free(r);
        return rc;
    }
    vpnlint_report_free(r);
    if (st.fixes & VPNLINT_FIX_NATT)
        printf("vpnlint remediate (dry run): would set HKLM\\SYSTEM\\CurrentControlSet\\Services\\"
               "PolicyAgent\\AssumeUDPEncapsulationContextOnSendRule to %d, because %u L2TP "
               "connection(s) in %s use L2TP first or only; a restart follows. The registry "
               "was not read: on the device, `vpnlint remediate` changes it only if it is "
               "not already %d.\n",
               VPNLINT_NATT_DEFAULT, st.l2tp_entries, pbk, VPNLINT_NATT_DEFAULT);
    else if (!intune)
        printf("vpnlint remediate (dry run): nothing to do for %s: no connection uses L2TP "
               "first or only.\n",
               pbk);
    return EXIT_CLEAN;
}

int cmd_remediate(int argc, char **argv)
{
    argv = utf8_args(argc, argv);
    bool intune = false, dry_run = false;
    unsigned flags = 0;
    const char *journal = NULL, *pbk = NULL;
    for (int i = 1; i < argc; i++) {
        bool missing = false;
        const char *v;
        if ((v = cli_opt(argc, argv, &i, "--journal", &missing))) {
            journal = v;
            continue;
        }
        if (!missing && (v = cli_opt(argc, argv, &i, "--pbk", &missing))) {
            pbk = v;
            continue;
        }
        if (missing)
            return cli_usage_error("remediate: %s needs a file name", argv[i]);
        if (strcmp(argv[i], "--dry-run") == 0) {
            dry_run = true;
            continue;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: vpnlint remediate [--intune] [--journal FILE] [--no-wmi]\n"
                 "       vpnlint remediate --dry-run --pbk FILE   (any OS: plan only)\n"
                 "\n"
                 "Runs the device checks, applies only the safe repairs they call for\n"
                 "(NAT-T value 2 with L2TP connections present, ProhibitIpSec=0, starting a\n"
                 "stopped automatic VPN service), records them in one journal (default\n"
                 "%ProgramData%\\vpnlint\\journal\\), then checks again. Needs an elevated\n"
                 "prompt or SYSTEM. Undo with: vpnlint undo JOURNAL.\n"
                 "\n"
                 "exit codes: 0 nothing left to remediate, 1 a repair was refused or the\n"
                 "re-check still needs one, 2 the checks failed, 3 usage error or not Windows");
            return EXIT_CLEAN;
        }
        int rc = parse_common(argc, argv, &i, &intune, &flags);
        if (rc)
            return rc;
    }
    if (pbk && !dry_run)
        return cli_usage_error("remediate: --pbk plans from a phonebook and needs --dry-run");
    if (dry_run && pbk)
        return plan_from_phonebook(pbk, intune);
    if (dry_run)
        return cli_usage_error("remediate --dry-run: give the phonebook to plan from with --pbk "
                               "FILE (the live device is only read by detect)");
    vpnlint_device_state st;
    vpnlint_report *r = NULL;
    int rc = run_check("remediate", &st, &r, flags);
    if (rc != EXIT_CLEAN)
        return rc;
    vpnlint_report_free(r);
    char *jpath = journal ? dup_str(journal) : NULL;
    bool failed = false, reboot = false;
    vpnlint_repair_result res;
    memset(&res, 0, sizeof res);
    if (st.fixes & VPNLINT_FIX_NATT) {
        if (vpnlint_repair_natt(&res, VPNLINT_NATT_DEFAULT, jpath, 0) != VPNLINT_OK) {
            fail("remediate");
            failed = true;
        } else {
            report_result("remediate", &res, intune);
            reboot |= res.reboot_required != 0;
            if (!jpath && res.journal_path)
                jpath = dup_str(res.journal_path);
        }
        vpnlint_repair_result_clear(&res);
    }
    if (!failed && (st.fixes & VPNLINT_FIX_PROHIBIT_IPSEC)) {
        if (vpnlint_repair_prohibit_ipsec(&res, jpath, 0) != VPNLINT_OK) {
            fail("remediate");
            failed = true;
        } else {
            report_result("remediate", &res, intune);
            reboot |= res.reboot_required != 0;
            if (!jpath && res.journal_path)
                jpath = dup_str(res.journal_path);
        }
        vpnlint_repair_result_clear(&res);
    }
    if (!failed && (st.fixes & VPNLINT_FIX_START_SERVICES)) {
        char names[sizeof st.services_to_start];
        memcpy(names, st.services_to_start, sizeof names);
        for (char *name = names; name && *name && !failed;) {
            char *comma = strchr(name, ',');
            if (comma)
                *comma = '\0';
            if (vpnlint_repair_start_service(&res, name, jpath, 0) != VPNLINT_OK) {
                fail("remediate");
                failed = true;
            } else {
                report_result("remediate", &res, intune);
                if (!jpath && res.journal_path)
                    jpath = dup_str(res.journal_path);
            }
            vpnlint_repair_result_clear(&res);
            name = comma ? comma + 1 : NULL;
        }
    }
    /* verify */
    rc = run_check("remediate", &st, &r, flags);
    if (rc != EXIT_CLEAN) {
        free(jpath);
        return rc;
    }
    if (intune) {
        print_intune(&st, r);
    } else {
        char fixes[512];
        fixes_text(fixes, sizeof fixes, &st);
        if (st.fixes)
            printf("vpnlint remediate: still needed after the repairs: %s\n", fixes);
        else
            puts("vpnlint remediate: re-check: no remediation needed");
        if (jpath)
            printf("vpnlint remediate: journal: %s (undo with: vpnlint undo \"%s\")\n", jpath,
                   jpath);
        if (reboot)
            puts("vpnlint remediate: reboot required for the registry changes to take effect");
    }
    vpnlint_report_free(r);
    free(jpath);
    return failed || st.fixes ? EXIT_FINDINGS : EXIT_CLEAN;
}

static void repair_help(void)
{
    puts("usage: vpnlint repair natt [--value 0|1|2] [--dry-run] [--journal FILE]\n"
         "       vpnlint repair prohibitipsec [--dry-run] [--journal FILE]\n"
         "       vpnlint repair service NAME [--dry-run] [--journal FILE]\n"
         "\n"
         "natt           sets HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent\\\n"
         "               AssumeUDPEncapsulationContextOnSendRule (REG_DWORD):\n"
         "                 0  no NAT-T security associations with servers behind NAT (default)\n"
         "                 1  allowed when the server is behind NAT\n"
         "                 2  allowed when the server and/or the client are behind NAT (default\n"
         "                    of this command; the usual fix for error 809)\n"
         "prohibitipsec  sets RasMan\\Parameters\\ProhibitIpSec to 0 when it is set\n"
         "service NAME   starts RasMan, IKEEXT, PolicyAgent, BFE or SstpSvc when stopped\n"
         "\n"
         "Nothing is written when the value is already right. Changes are recorded in a\n"
         "JSON journal (default %ProgramData%\\vpnlint\\journal\\); undo with\n"
         "`vpnlint undo JOURNAL`. Registry changes need a restart. Needs an elevated\n"
         "prompt or SYSTEM.\n"
         "\n"
         "exit codes: 0 done (or nothing to do), 1 refused (rights, conflict), 2 failed,\n"
         "3 usage error or not Windows");
}

int cmd_repair(int argc, char **argv)
{
    argv = utf8_args(argc, argv);
    if (argc < 2) {
        repair_help();
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        repair_help();
        return EXIT_CLEAN;
    }
    const char *what = argv[1];
    const char *service = NULL, *journal = NULL;
    int value = VPNLINT_NATT_DEFAULT;
    unsigned flags = 0;
    int i = 2;
    if (strcmp(what, "service") == 0) {
        if (argc < 3 || argv[2][0] == '-')
            return cli_usage_error("repair service: name the service (e.g. RasMan)");
        service = argv[2];
        i = 3;
    } else if (strcmp(what, "natt") != 0 && strcmp(what, "prohibitipsec") != 0) {
        return cli_usage_error("repair: unknown repair '%s' (natt, prohibitipsec, service)", what);
    }
    for (; i < argc; i++) {
        bool missing = false;
        const char *v;
        if ((v = cli_opt(argc, argv, &i, "--journal", &missing))) {
            journal = v;
        } else if ((v = cli_opt(argc, argv, &i, "--value", &missing))) {
            if (strcmp(what, "natt") != 0)
                return cli_usage_error("repair %s: --value applies to natt only", what);
            if (strlen(v) != 1 || v[0] < '0' || v[0] > '2')
                return cli_usage_error("repair natt: --value must be 0, 1 or 2 (got '%s')", v);
            value = v[0] - '0';
        } else if (missing) {
            return cli_usage_error("repair: %s needs a value", argv[i]);
        } else if (strcmp(argv[i], "--dry-run") == 0) {
            flags |= VPNLINT_REPAIR_DRY_RUN;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            repair_help();
            return EXIT_CLEAN;
        } else {
            return cli_usage_error("repair: unknown option '%s' (see vpnlint repair --help)",
                                   argv[i]);
        }
    }
    vpnlint_repair_result res;
    int rc;
    if (strcmp(what, "natt") == 0)
        rc = vpnlint_repair_natt(&res, value, journal, flags);
    else if (strcmp(what, "prohibitipsec") == 0)
        rc = vpnlint_repair_prohibit_ipsec(&res, journal, flags);
    else
        rc = vpnlint_repair_start_service(&res, service, journal, flags);
    if (rc != VPNLINT_OK)
        return fail("repair");
    printf("vpnlint repair: %s\n", res.message);
    if (res.changed && res.journal_path)
        printf("vpnlint repair: journal: %s\n", res.journal_path);
    if (res.changed && res.reboot_required)
        puts("vpnlint repair: reboot required");
    vpnlint_repair_result_clear(&res);
    return EXIT_CLEAN;
}

int cmd_undo(int argc, char **argv)
{
    argv = utf8_args(argc, argv);
    const char *journal = NULL;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dry-run") == 0) {
            flags |= VPNLINT_REPAIR_DRY_RUN;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: vpnlint undo JOURNAL [--dry-run]\n"
                 "\n"
                 "Restores what a repair journal recorded, newest change first (a value that\n"
                 "was absent is deleted again). Refuses (exit 1) when a value changed since\n"
                 "the repair. exit codes: 0 restored (or nothing left to undo), 1 refused,\n"
                 "2 failed, 3 usage error or not Windows");
            return EXIT_CLEAN;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("undo: unknown option '%s'", argv[i]);
        } else if (journal) {
            return cli_usage_error("undo: one journal at a time");
        } else {
            journal = argv[i];
        }
    }
    if (!journal)
        return cli_usage_error("undo: name the journal file a repair wrote");
    vpnlint_repair_result res;
    if (vpnlint_repair_undo(&res, journal, flags) != VPNLINT_OK)
        return fail("undo");
    printf("vpnlint undo: %s\n", res.message);
    vpnlint_repair_result_clear(&res);
    return EXIT_CLEAN;
}
