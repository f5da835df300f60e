/* sstp_http.c — the parts of the SSTP probe that are the same over OpenSSL
 * (sstp.c) and Schannel (sstp_win.c): the root against TrustedRootCA, the
 * SSTP_DUPLEX_POST request and what its answer means. */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

int vl_sstp_request(char *req, size_t size, const char *host)
{
    uint8_t g[16];
    if (vl_random(g, sizeof g) != VPNLINT_OK)
        return -1;
    int n = snprintf(req, size,
                     "SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ HTTP/1.1\r\n"
                     "Host: %s\r\n"
                     "Content-Length: 18446744073709551615\r\n"
                     "SstpCorrelationID: {%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
                     "%02X%02X%02X%02X%02X%02X}\r\n\r\n",
                     host, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11],
                     g[12], g[13], g[14], g[15]);
    return n > 0 && (size_t)n < size ? n : 0;
}

int vl_sstp_answer(vpnlint_report *r, const vl_probe_target *t, const char *host, unsigned port,
                   char *resp, size_t got)
{
    const char *w = t->where;
    resp[got] = '\0';
    if (got == 0)
        return vl_net_finding(r, w, "NET026", -1,
                              "%s TCP %u: TLS works but nothing answered SSTP_DUPLEX_POST within "
                              "%g s; no SSTP server listens behind this name and port (Windows: "
                              "error 809 or 0x80072746)",
                              host, port, t->timeout_ms / 1000.0);
    char *eol = strstr(resp, "\r\n");
    if (eol)
        *eol = '\0';
    char status[96];
    size_t i = 0;
    for (; resp[i] && i < sizeof status - 1; i++)
        status[i] = (resp[i] >= 0x20 && resp[i] < 0x7F) ? resp[i] : '?';
    status[i] = '\0';
    int code = 0;
    if (sscanf(status, "HTTP/1.%*d %d", &code) != 1)
        code = 0;
    if (code == 200)
        return vl_net_finding(r, w, "NET027", -1,
                              "%s TCP %u: an SSTP server answered SSTP_DUPLEX_POST (%s); the "
                              "probe stops here, before any SSTP control message or credential",
                              host, port, status);
    return vl_net_finding(r, w, "NET026", -1,
                          "%s TCP %u: SSTP_DUPLEX_POST was answered \"%s\", not by an SSTP "
                          "server (a web server, proxy or load balancer without SSTP); Windows "
                          "fails with error 0x80072746 or 809",
                          host, port, status);
}

int vl_sstp_root_finding(vpnlint_report *r, const vl_probe_target *t, const char *host,
                         unsigned port, bool self_signed, const char *thumbprint,
                         const char *subject)
{
    const char *w = t->where;
    bool listed = false;
    for (size_t i = 0; i < t->n_roots; i++)
        listed = listed || strcmp(t->roots[i], thumbprint) == 0;
    if (!self_signed)
        return vl_net_finding(r, w, "NET024", VPNLINT_SEVERITY_WARNING,
                              "%s TCP %u: the chain ends at %s, which is not a root, and its "
                              "root is not in this machine's store: its thumbprint cannot be "
                              "compared with the profile's TrustedRootCA",
                              host, port, subject);
    if (!listed)
        return vl_net_finding(r, w, "NET024", -1,
                              "%s TCP %u: the chain ends in the root %s (thumbprint %s), which "
                              "is not among the profile's %u TrustedRootCA thumbprint(s); "
                              "Windows fails with 0x800B0109 (CERT_E_UNTRUSTEDROOT)",
                              host, port, subject, thumbprint, (unsigned)t->n_roots);
    return VPNLINT_OK;
}
