/* main.c — the vpnlint agent: one executable, one verb per file. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

static const cli_command commands[] = {
    {"lint", cmd_lint, "lint ProfileXML files and phonebooks (text, JSON, SARIF, Intune)"},
    {"rules", cmd_rules, "list the rules (text, JSON, Markdown)"},
    {"explain", cmd_explain, "explain a VPN error code or RasClient events: causes, checks, fixes"},
    {"nps", cmd_nps,
     "summarise NPS accounting logs per user and policy (accepts, rejects, reasons)"},
    {"pbk", cmd_pbk, "list, read and safely edit rasphone.pbk phonebooks"},
    {"detect", cmd_detect, "device checks (Windows); exit 1 when a remediation should run"},
    {"remediate", cmd_remediate, "apply the safe device repairs, then check again (Windows)"},
    {"repair", cmd_repair, "one repair: natt, prohibitipsec, service NAME (Windows)"},
    {"undo", cmd_undo, "restore what a repair journal recorded (Windows)"},
    {"probe", cmd_probe,
     "ask the VPN server: IKEv2 on UDP 500/4500, SSTP certificate (no credentials)"},
};

static void usage(FILE *to)
{
    fprintf(to, "usage: vpnlint <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(to, "\n  vpnlint <command> --help   options of a command\n"
                "  vpnlint --version\n\n"
                "exit codes: 0 clean, 1 findings at or above the fail level (or a refused\n"
                "change), 2 an input could not be read, 3 usage error\n");
}

int main(int argc, char **argv)
{
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stdin), _O_BINARY);
#endif
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("vpnlint %s (library %s, ABI %d)\n", VPNLINT_VERSION_STRING,
               vpnlint_version_string(), vpnlint_abi_version());
        return EXIT_CLEAN;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "vpnlint: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
