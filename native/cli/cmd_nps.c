/* cmd_nps.c — `vpnlint nps FILE... [--since DATE] [--user NAME] [--format text|json]`.
 * Streams each log through the public reader; malformed records are reported
 * on stderr with file and line and skipped. Uses the public API only. */
#include "cli.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void nps_usage(FILE *f)
{
    fputs("usage: vpnlint nps [--since DATE] [--user NAME] [--format text|json] FILE...\n"
          "FILE is an NPS accounting log (IN*.log, IAS/database-compatible CSV or DTS XML);\n"
          "- reads standard input. DATE is YYYY-MM-DD or \"YYYY-MM-DD HH:MM[:SS]\" (log time).\n"
          "NAME matches User-Name or DOMAIN\\user, with or without the domain.\n",
          f);
}

/* "2024-01-15", "2024-01-15T10:00", "2024-01-15 10:00:05" -> "YYYY-MM-DD HH:MM:SS" */
static int parse_since(const char *s, char out[64])
{
    int y, mo, d, h = 0, mi = 0, se = 0;
    char sep = 0;
    int n = sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &se);
    if (n != 3 && n < 6)
        return -1;
    if (n >= 4 && sep != 'T' && sep != ' ')
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59)
        return -1;
    if (y < 1000 || y > 9999)
        return -1;
    snprintf(out, 64, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se);
    return 0;
}

static int ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* NAME matches "alice", "CORP\alice", "alice@corp.example" in either field. */
static int user_matches(const char *want, const char *have)
{
    if (!have || !*have)
        return 0;
    size_t wl = strlen(want), hl = strlen(have);
    if (wl == hl && ieq(want, have, wl))
        return 1;
    const char *bs = strrchr(have, '\\');
    if (bs && strlen(bs + 1) == wl && ieq(bs + 1, want, wl))
        return 1;
    const char *at = strchr(have, '@');
    if (at && (size_t)(at - have) == wl && ieq(have, want, wl))
        return 1;
    return 0;
}

int cmd_nps(int argc, char **argv)
{
    int format = VPNLINT_FORMAT_TEXT;
    const char *user = NULL;
    char since[64] = "";
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    if (!files)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) {
            i++;
            if (v && strcmp(v, "json") == 0)
                format = VPNLINT_FORMAT_JSON;
            else if (v && strcmp(v, "text") == 0)
                format = VPNLINT_FORMAT_TEXT;
            else {
                fprintf(stderr, "vpnlint nps: --format must be text or json\n");
                free(files);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--since") == 0) {
            i++;
            if (!v || parse_since(v, since) != 0) {
                fprintf(stderr,
                        "vpnlint nps: --since wants YYYY-MM-DD or \"YYYY-MM-DD HH:MM:SS\"\n");
                free(files);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--user") == 0) {
            i++;
            if (!v || !*v) {
                fprintf(stderr, "vpnlint nps: --user needs a name\n");
                free(files);
                return EXIT_USAGE;
            }
            user = v;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            nps_usage(stdout);
            free(files);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "vpnlint nps: unknown option %s\n", a);
            nps_usage(stderr);
            free(files);
            return EXIT_USAGE;
        } else {
            files[nfiles++] = a;
        }
    }
    if (nfiles == 0) {
        nps_usage(stderr);
        free(files);
        return EXIT_USAGE;
    }
    vpnlint_nps_summary *sum = NULL;
    if (vpnlint_nps_summary_new(&sum) != VPNLINT_OK) {
        free(files);
        return EXIT_USAGE;
    }
    int status = 0;
    for (size_t k = 0; k < nfiles; k++) {
        vpnlint_nps_reader *r = NULL;
        if (vpnlint_nps_open(&r, files[k]) != VPNLINT_OK) {
            fprintf(stderr, "vpnlint nps: %s\n", vpnlint_error_last());
            status = EXIT_UNREADABLE;
            continue;
        }
        vpnlint_nps_record rec;
        const char *err;
        int rc;
        while ((rc = vpnlint_nps_next(&rec, &err, r)) != VPNLINT_NPS_END) {
            if (rc < 0) {
                fprintf(stderr, "vpnlint nps: %s: %s\n", files[k], vpnlint_error_last());
                status = EXIT_UNREADABLE;
                break;
            }
            if (rc == VPNLINT_NPS_SKIPPED) {
                fprintf(stderr, "%s:%lu: warning: malformed record skipped: %s\n", files[k],
                        rec.line, err ? err : "");
                vpnlint_nps_summary_add_skipped(sum);
                if (status == 0)
                    status = EXIT_FINDINGS;
                continue;
            }
            if (since[0] && strcmp(rec.timestamp, since) < 0)
                continue;
            if (user && !user_matches(user, rec.user_name) && !user_matches(user, rec.fq_user_name))
                continue;
            if (vpnlint_nps_summary_add(sum, &rec) != VPNLINT_OK) {
                fprintf(stderr, "vpnlint nps: %s\n", vpnlint_error_last());
                status = EXIT_UNREADABLE;
                break;
            }
        }
        vpnlint_nps_close(r);
    }
    char *out = NULL;
    if (vpnlint_nps_summary_render(&out, sum, format) == VPNLINT_OK)
        fputs(out, stdout);
    else {
        fprintf(stderr, "vpnlint nps: %s\n", vpnlint_error_last());
        status = EXIT_UNREADABLE;
    }
    vpnlint_free(out);
    vpnlint_nps_summary_free(sum);
    free(files);
    return status;
}
