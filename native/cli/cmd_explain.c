/* cmd_explain.c — `vpnlint explain CODE...`, `--list`, `--event FILE|-`.
 * Uses the public API only. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void explain_usage(FILE *f)
{
    fputs("usage: vpnlint explain [--format text|json] CODE...\n"
          "       vpnlint explain --list [--format text|json]\n"
          "       vpnlint explain --event FILE|- [--format text|json]\n"
          "CODE is any form Windows shows: 809, \"Error 809\", 0x800B0109, 800B0109,\n"
          "-2146762495, ERROR_VPN_TIMEOUT, or the words of the message.\n"
          "--event reads exported RasClient events (event text or wevtutil XML).\n",
          f);
}

/* Reads a whole file ("-" = stdin) into memory, up to limit bytes. */
static int read_all(const char *path, size_t limit, char **out, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "vpnlint: %s: cannot open: %s\n", path, strerror(errno));
        return -1;
    }
    if (f != stdin) {
        /* a regular file over the limit is refused from its size, unread */
#ifdef _WIN32
        long long size = _fseeki64(f, 0, SEEK_END) == 0 ? _ftelli64(f) : -1;
        if (_fseeki64(f, 0, SEEK_SET) != 0)
            size = -1;
#else
        long long size = fseeko(f, 0, SEEK_END) == 0 ? (long long)ftello(f) : -1;
        if (fseeko(f, 0, SEEK_SET) != 0)
            size = -1;
#endif
        if (size > (long long)limit) {
            fprintf(stderr,
                    "vpnlint: %s: %lld bytes is larger than %zu MiB; nothing was read. Filter it "
                    "to RasClient events first\n",
                    path, size, limit >> 20);
            fclose(f);
            return -1;
        }
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap >= limit) {
                fprintf(stderr,
                        "vpnlint: %s: larger than %zu MiB; filter it to RasClient "
                        "events first\n",
                        path, limit >> 20);
                free(buf);
                buf = NULL;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf)
        return -1;
    if (err) {
        fprintf(stderr, "vpnlint: %s: read error\n", path);
        free(buf);
        return -1;
    }
    *out = buf;
    *len = n;
    return 0;
}

int cmd_explain(int argc, char **argv)
{
    int format = VPNLINT_FORMAT_TEXT;
    int list = 0;
    const char *event = NULL;
    const char **codes = calloc((size_t)argc + 1, sizeof *codes);
    size_t ncodes = 0;
    if (!codes)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[2] == 'f' && a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (v && strcmp(v, "json") == 0)
                format = VPNLINT_FORMAT_JSON;
            else if (v && strcmp(v, "text") == 0)
                format = VPNLINT_FORMAT_TEXT;
            else {
                fprintf(stderr, "vpnlint explain: --format must be text or json\n");
                free(codes);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--list") == 0) {
            list = 1;
        } else if (strcmp(a, "--event") == 0 || strcmp(a, "--events") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "vpnlint explain: --event needs a file name or -\n");
                free(codes);
                return EXIT_USAGE;
            }
            event = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            explain_usage(stdout);
            free(codes);
            return 0;
        } else if (strcmp(a, "--") == 0) {
            while (++i < argc)
                codes[ncodes++] = argv[i];
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "vpnlint explain: unknown option %s\n", a);
            explain_usage(stderr);
            free(codes);
            return EXIT_USAGE;
        } else {
            codes[ncodes++] = a; /* includes negative numbers like -2146762495 */
        }
    }
    int status = 0;
    char *out = NULL;
    if (list) {
        if (vpnlint_explain_list_render(&out, format) != VPNLINT_OK) {
            fprintf(stderr, "vpnlint explain: %s\n", vpnlint_error_last());
            status = EXIT_UNREADABLE;
        } else {
            fputs(out, stdout);
        }
        vpnlint_free(out);
    } else if (event) {
        char *data = NULL;
        size_t len = 0;
        vpnlint_rasevents *ev = NULL;
        if (read_all(event, 64u << 20, &data, &len) != 0) {
            status = EXIT_UNREADABLE;
        } else if (vpnlint_rasevents_parse(&ev, data, len) != VPNLINT_OK) {
            fprintf(stderr, "vpnlint explain: %s: %s\n", event, vpnlint_error_last());
            status = EXIT_UNREADABLE;
        } else if (vpnlint_rasevents_render(&out, ev, format) != VPNLINT_OK) {
            fprintf(stderr, "vpnlint explain: %s\n", vpnlint_error_last());
            status = EXIT_UNREADABLE;
        } else {
            fputs(out, stdout);
            /* exit 1 when the events hold failures, like lint with findings */
            vpnlint_rasevent e;
            for (size_t k = 0; k < vpnlint_rasevents_count(ev); k++)
                if (vpnlint_rasevents_at(&e, ev, k) == VPNLINT_OK && e.has_code)
                    status = EXIT_FINDINGS;
        }
        vpnlint_free(out);
        vpnlint_rasevents_free(ev);
        free(data);
    } else if (ncodes == 0) {
        explain_usage(stderr);
        status = EXIT_USAGE;
    } else {
        if (format == VPNLINT_FORMAT_JSON && ncodes > 1)
            fputs("[\n", stdout);
        int printed = 0;
        for (size_t k = 0; k < ncodes; k++) {
            if (vpnlint_explain_render(&out, codes[k], format) != VPNLINT_OK) {
                fprintf(stderr, "vpnlint explain: %s\n", vpnlint_error_last());
                status = EXIT_UNREADABLE;
                continue;
            }
            if (format == VPNLINT_FORMAT_JSON && ncodes > 1 && printed)
                fputs(",\n", stdout);
            else if (format == VPNLINT_FORMAT_TEXT && printed)
                fputs("\n", stdout);
            size_t l = strlen(out);
            if (format == VPNLINT_FORMAT_JSON && ncodes > 1 && l && out[l - 1] == '\n')
                out[l - 1] = '\0';
            fputs(out, stdout);
            printed = 1;
            vpnlint_free(out);
            out = NULL;
        }
        if (format == VPNLINT_FORMAT_JSON && ncodes > 1)
            fputs("\n]\n", stdout);
    }
    free(codes);
    return status;
}
