/* bench_lint — the work bench/run measures:
 *   bench_lint parse FILE N   bare libxml2 parse (xmlReadMemory + free), N times
 *   bench_lint lint  FILE N [IDS]  the full lint (ProfileXML or phonebook, detected
 *                             from the content) of the same bytes, N times; with IDS
 *                             only the listed rules ("IN001": the model alone)
 *   bench_lint time  FILE N [IDS]  the full lint N times, timed one by one with a
 *                             monotonic clock; prints "ns=T1,T2,..." (wall time)
 *                             and "cpu_ns=C1,C2,..." (this process's CPU time)
 * Under callgrind the difference of two totals (N runs minus 0 runs) is what
 * one kind of work costs, without the process start. */
#define _POSIX_C_SOURCE 200809L
#include "vpnlint.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

static int lint_once(const char *name, const char *data, size_t len, const char *only,
                     size_t *findings)
{
    /* no input size limit: the benchmark feeds inputs far above the CLI's 16 MiB default */
    vpnlint_options o = VPNLINT_OPTIONS_INIT;
    o.max_bytes = (uint64_t)1 << 40;
    o.only = only;
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, &o) != VPNLINT_OK)
        return -1;
    vpnlint_report_add_buffer(r, name, data, len);
    *findings += vpnlint_report_finding_count(r);
    vpnlint_report_free(r);
    return 0;
}

static long long now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: bench_lint parse|lint|time FILE N [ONLY-RULES]\n");
        return 3;
    }
    size_t len;
    char *data = slurp(argv[2], &len);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    long n = strtol(argv[3], NULL, 10);
    const char *only = argc == 5 ? argv[4] : NULL;
    xmlInitParser();
    size_t findings = 0;
    if (strcmp(argv[1], "time") == 0) {
        long long *wall = calloc((size_t)(n > 0 ? n : 1), 2 * sizeof *wall),
                  *cpu = wall + (n > 0 ? n : 1);
        if (!wall)
            return 1;
        for (long i = 0; i < n; i++) {
            long long w0 = now_ns(CLOCK_MONOTONIC), c0 = now_ns(CLOCK_PROCESS_CPUTIME_ID);
            if (lint_once(argv[2], data, len, only, &findings) != 0)
                return 1;
            cpu[i] = now_ns(CLOCK_PROCESS_CPUTIME_ID) - c0;
            wall[i] = now_ns(CLOCK_MONOTONIC) - w0;
        }
        printf("ns=");
        for (long i = 0; i < n; i++)
            printf("%s%lld", i ? "," : "", wall[i]);
        printf("\ncpu_ns=");
        for (long i = 0; i < n; i++)
            printf("%s%lld", i ? "," : "", cpu[i]);
        printf("\nfindings=%zu\n", findings);
        free(wall);
        free(data);
        return 0;
    }
    for (long i = 0; i < n; i++) {
        if (strcmp(argv[1], "parse") == 0) {
            xmlDocPtr d = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET);
            xmlFreeDoc(d);
        } else if (lint_once(argv[2], data, len, only, &findings) != 0) {
            return 1;
        }
    }
    printf("%s %s x%ld findings=%zu\n", argv[1], argv[2], n, findings);
    free(data);
    return 0;
}
