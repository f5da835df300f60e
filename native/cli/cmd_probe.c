/* cmd_probe.c — `vpnlint probe`: ask the VPN server itself (IKEv2 on UDP
 * 500/4500, SSTP on TCP 443) with the profile's servers and proposals. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void probe_help(void)
{
    puts("usage: vpnlint probe [options] PROFILE.xml|PHONEBOOK\n"
         "       vpnlint probe [options] --server HOST\n"
         "\n"
         "Asks the VPN server whether it answers on UDP 500 and 4500, which of the\n"
         "profile's IKEv2 proposals (CryptographySuite, or Windows' default sets) it\n"
         "accepts, and whether its TLS certificate fits what the profile trusts (SSTP).\n"
         "Only IKE_SA_INIT and SSTP_DUPLEX_POST are sent: never IKE_AUTH, never a\n"
         "credential. Findings are NETnnn rules (vpnlint rules lists them).\n"
         "\n"
         "options:\n"
         "  --entry NAME                   phonebook entry (needed when there are several)\n"
         "  --server HOST                  probe HOST instead of the input's servers\n"
         "  --protocol ikev2|sstp|auto     what to probe (default: what the input uses)\n"
         "  --timeout S                    seconds to wait per port (default 5)\n"
         "  --format text|json|sarif       output format (default text)\n"
         "  --ike-port N, --natt-port N, --sstp-port N   ports (500, 4500, 443)\n"
         "  --ca-file FILE                 PEM roots the client trusts (SSTP; default:\n"
         "                                 the profile's TrustedRootCA, else this system)\n"
         "  --fail-on error|warning|info   lowest severity that fails (default error)\n"
         "\n"
         "exit codes: 0 nothing at or above the fail level, 1 findings, 2 the input\n"
         "could not be read, 3 usage error");
}

static int port_arg(const char *v, unsigned *out)
{
    char *end;
    unsigned long p = strtoul(v, &end, 10);
    if (*end || p == 0 || p > 65535)
        return -1;
    *out = (unsigned)p;
    return 0;
}

int cmd_probe(int argc, char **argv)
{
    vpnlint_probe_options o = VPNLINT_PROBE_OPTIONS_INIT;
    int format = VPNLINT_FORMAT_TEXT, fail_on = VPNLINT_SEVERITY_ERROR;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            probe_help();
            return EXIT_CLEAN;
        } else if ((v = cli_opt(argc, argv, &i, "--entry", &missing))) {
            o.entry = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--server", &missing))) {
            o.server = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--protocol", &missing))) {
            if (strcmp(v, "auto") == 0)
                o.protocol = VPNLINT_PROBE_AUTO;
            else if (strcmp(v, "ikev2") == 0)
                o.protocol = VPNLINT_PROBE_IKEV2;
            else if (strcmp(v, "sstp") == 0)
                o.protocol = VPNLINT_PROBE_SSTP;
            else
                return cli_usage_error("unknown --protocol '%s' (ikev2, sstp, auto)", v);
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--timeout", &missing))) {
            char *end;
            double s = strtod(v, &end);
            if (*end || !(s > 0) || s > 600)
                return cli_usage_error("--timeout wants seconds between 0 and 600, not '%s'", v);
            o.timeout_ms = (unsigned)(s * 1000.0 + 0.5);
            if (o.timeout_ms == 0)
                o.timeout_ms = 1;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--format", &missing))) {
            format = cli_format(v);
            if (format != VPNLINT_FORMAT_TEXT && format != VPNLINT_FORMAT_JSON &&
                format != VPNLINT_FORMAT_SARIF)
                return cli_usage_error("unknown --format '%s' (text, json, sarif)", v);
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--ike-port", &missing))) {
            if (port_arg(v, &o.ike_port))
                return cli_usage_error("--ike-port wants a port number, not '%s'", v);
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--natt-port", &missing))) {
            if (port_arg(v, &o.natt_port))
                return cli_usage_error("--natt-port wants a port number, not '%s'", v);
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--sstp-port", &missing))) {
            if (port_arg(v, &o.sstp_port))
                return cli_usage_error("--sstp-port wants a port number, not '%s'", v);
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--ca-file", &missing))) {
            o.ca_file = v;
        } else if (!missing && (v = cli_opt(argc, argv, &i, "--fail-on", &missing))) {
            if (strcmp(v, "error") == 0)
                fail_on = VPNLINT_SEVERITY_ERROR;
            else if (strcmp(v, "warning") == 0)
                fail_on = VPNLINT_SEVERITY_WARNING;
            else if (strcmp(v, "info") == 0)
                fail_on = VPNLINT_SEVERITY_INFO;
            else
                return cli_usage_error("unknown --fail-on '%s' (error, warning, info)", v);
        } else if (missing) {
            return cli_usage_error("option %s needs a value", a);
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("unknown option '%s' (see vpnlint probe --help)", a);
        } else if (path) {
            return cli_usage_error("probe takes one profile or phonebook, not '%s' as well", a);
        } else {
            path = a;
        }
    }
    if (!path && !o.server)
        return cli_usage_error("probe needs a profile, a phonebook or --server HOST");
    vpnlint_report *r = NULL;
    if (vpnlint_report_new(&r, NULL) != VPNLINT_OK)
        return cli_usage_error("%s", vpnlint_error_last());
    int rc = vpnlint_probe(r, path, &o);
    if (rc != VPNLINT_OK) {
        fprintf(stderr, "vpnlint probe: %s\n", vpnlint_error_last());
        vpnlint_report_free(r);
        switch (rc) {
        case VPNLINT_EINVALID:
        case VPNLINT_EUNSUPPORTED:
            return EXIT_USAGE;
        default:
            return EXIT_UNREADABLE;
        }
    }
    char *text = NULL;
    int exit_code = EXIT_CLEAN;
    if (vpnlint_report_render(&text, r, format) != VPNLINT_OK) {
        fprintf(stderr, "vpnlint probe: %s\n", vpnlint_error_last());
        exit_code = EXIT_UNREADABLE;
    } else {
        fputs(text, stdout);
        vpnlint_free(text);
        if (vpnlint_report_max_severity(r) >= fail_on)
            exit_code = EXIT_FINDINGS;
    }
    vpnlint_report_free(r);
    return exit_code;
}
