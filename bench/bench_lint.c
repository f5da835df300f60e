/* bench_lint — the work bench/run measures:
 *   bench_lint parse FILE N   bare libxml2 parse (xmlReadMemory + free), N times
 *   bench_lint lint  FILE N   the full ProfileXML lint of the same bytes, N times
 *   bench_lint lint  FILE N IDS   the same with only the listed rules
 * Under callgrind the difference of the two totals is what vpnlint adds. */
#include "vpnlint.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: bench_lint parse|lint FILE N [ONLY-RULES]\n");
        return 3;
    }
    size_t len;
    char *data = slurp(argv[2], &len);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", argv[2]);
        return 2;
    }
    long n = strtol(argv[3], NULL, 10);
    xmlInitParser();
    size_t findings = 0;
    for (long i = 0; i < n; i++) {
        if (strcmp(argv[1], "parse") == 0) {
            xmlDocPtr d = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET);
            xmlFreeDoc(d);
        } else {
            vpnlint_report *r = NULL;
            vpnlint_options opt = VPNLINT_OPTIONS_INIT;
            opt.only = argc == 5 ? argv[4] : NULL; /* cost of the model alone: "IN001" */
            if (vpnlint_report_new(&r, &opt) != VPNLINT_OK)
                return 1;
            vpnlint_report_add_buffer(r, argv[2], data, len);
            findings += vpnlint_report_finding_count(r);
            vpnlint_report_free(r);
        }
    }
    printf("%s %s x%ld findings=%zu\n", argv[1], argv[2], n, findings);
    free(data);
    return 0;
}
