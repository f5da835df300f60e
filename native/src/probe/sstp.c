/* sstp.c — the SSTP probe: TCP connect, TLS handshake, the server
 * certificate against the profile (Server Authentication EKU, name, root
 * thumbprint, validity), then SSTP_DUPLEX_POST and whether an SSTP server
 * answers it. Nothing after the HTTP answer is sent (no SSTP control
 * packets, no PPP, no credentials).
 *
 * TLS is OpenSSL here. Windows builds use Schannel instead (sstp_win.c,
 * the same findings); a non-Windows build without OpenSSL answers
 * VPNLINT_EUNSUPPORTED. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#if defined(VPNLINT_HAVE_OPENSSL) && !defined(_WIN32)

#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* Non-blocking connect bounded by timeout_ms; then blocking with send and
 * receive timeouts. Returns the socket or -1 (*why set). */
static int tcp_connect(const vl_addr *to, unsigned timeout_ms, char *why, size_t size)
{
    int s = socket(to->family, SOCK_STREAM, 0);
    if (s < 0) {
        snprintf(why, size, "cannot create a TCP socket (%s)", strerror(errno));
        return -1;
    }
    int fl = fcntl(s, F_GETFL, 0);
    fcntl(s, F_SETFL, fl | O_NONBLOCK);
    int rc = connect(s, (const struct sockaddr *)to->ss, (socklen_t)to->len);
    if (rc != 0 && errno != EINPROGRESS) {
        snprintf(why, size, "%s", strerror(errno));
        close(s);
        return -1;
    }
    if (rc != 0) {
        struct pollfd p = {s, POLLOUT, 0};
        uint64_t deadline = vl_now_ms() + timeout_ms;
        int r;
        do {
            uint64_t now = vl_now_ms();
            int left = now < deadline ? (int)(deadline - now) : 0;
            r = poll(&p, 1, left);
        } while (r < 0 && errno == EINTR);
        if (r == 0) {
            snprintf(why, size, "no answer within %g s", timeout_ms / 1000.0);
            close(s);
            return -1;
        }
        int err = 0;
        socklen_t el = sizeof err;
        if (r < 0 || getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &el) != 0 || err != 0) {
            snprintf(why, size, "%s", strerror(err ? err : errno));
            close(s);
            return -1;
        }
    }
    fcntl(s, F_SETFL, fl);
    struct timeval tv = {(time_t)(timeout_ms / 1000), (long)(timeout_ms % 1000) * 1000};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return s;
}

static void ssl_errors(char *buf, size_t size)
{
    unsigned long e = ERR_get_error();
    if (e)
        ERR_error_string_n(e, buf, size);
    else
        snprintf(buf, size, "the connection was closed during the handshake");
    ERR_clear_error();
}

static bool is_ip(const char *host)
{
    unsigned char b[16];
    return inet_pton(AF_INET, host, b) == 1 || inet_pton(AF_INET6, host, b) == 1;
}

static void sha1_hex(X509 *x, char out[41])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    out[0] = '\0';
    if (X509_digest(x, EVP_sha1(), md, &n) != 1 || n != 20)
        return;
    for (unsigned i = 0; i < 20; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static void subject_text(X509 *x, char *buf, size_t size)
{
    buf[0] = '\0';
    X509_NAME_oneline(X509_get_subject_name(x), buf, (int)size);
}

/* SAN DNS names and subject CN for messages. */
static void names_text(X509 *x, char *buf, size_t size)
{
    vl_buf b = VL_BUF_INIT;
    GENERAL_NAMES *san = X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
    int n = san ? sk_GENERAL_NAME_num(san) : 0;
    for (int i = 0; i < n && i < 8; i++) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(san, i);
        if (g->type == GEN_DNS) {
            const unsigned char *d = ASN1_STRING_get0_data(g->d.dNSName);
            int l = ASN1_STRING_length(g->d.dNSName);
            vl_buf_printf(&b, "%sDNS:%.*s", b.len ? ", " : "", l, (const char *)d);
        }
    }
    GENERAL_NAMES_free(san);
    char cn[256] = "";
    X509_NAME_get_text_by_NID(X509_get_subject_name(x), NID_commonName, cn, sizeof cn);
    if (cn[0])
        vl_buf_printf(&b, "%sCN=%s", b.len ? ", " : "", cn);
    snprintf(buf, size, "%s", vl_buf_ok(&b) && b.len ? b.data : "no names");
    vl_buf_free(&b);
}

static int check_cert(vpnlint_report *r, const vl_probe_target *t, SSL *ssl, const char *host,
                      unsigned port)
{
    const char *w = t->where;
    X509 *leaf = SSL_get1_peer_certificate(ssl);
    if (!leaf)
        return vl_net_finding(r, w, "NET021", -1, "%s TCP %u: the TLS server sent no certificate",
                              host, port);
    int rc = VPNLINT_OK;
    char subj[256], names[512];
    subject_text(leaf, subj, sizeof subj);
    /* Server Authentication EKU */
    uint32_t xf = X509_get_extension_flags(leaf);
    if (!(xf & EXFLAG_XKUSAGE))
        rc = vl_net_finding(r, w, "NET022", VPNLINT_SEVERITY_WARNING,
                            "%s TCP %u: the certificate %s has no Extended Key Usage; Windows "
                            "IKEv2 wants Server Authentication (1.3.6.1.5.5.7.3.1) listed, else "
                            "error 13801 / 0x80070040",
                            host, port, subj);
    else if (!(X509_get_extended_key_usage(leaf) & XKU_SSL_SERVER))
        rc = vl_net_finding(r, w, "NET022", -1,
                            "%s TCP %u: the certificate %s lacks the Server Authentication EKU "
                            "(1.3.6.1.5.5.7.3.1); Windows refuses it with 0x80070040 (SSTP) "
                            "or 13801 (IKEv2)",
                            host, port, subj);
    /* name */
    int match =
        is_ip(host) ? X509_check_ip_asc(leaf, host, 0) : X509_check_host(leaf, host, 0, 0, NULL);
    if (rc == VPNLINT_OK && match != 1) {
        names_text(leaf, names, sizeof names);
        rc = vl_net_finding(r, w, "NET023", -1,
                            "%s TCP %u: the certificate is for %s, not for %s (the name in the "
                            "profile); Windows fails with 13801 (IKEv2) or 0x800B010F (SSTP)",
                            host, port, names, host);
    }
    /* validity */
    if (rc == VPNLINT_OK) {
        const ASN1_TIME *na = X509_get0_notAfter(leaf), *nb = X509_get0_notBefore(leaf);
        char when[64] = "";
        BIO *bio = BIO_new(BIO_s_mem());
        if (bio) {
            ASN1_TIME_print(bio, X509_cmp_current_time(na) < 0 ? na : nb);
            int l = BIO_read(bio, when, (int)sizeof when - 1);
            when[l > 0 ? l : 0] = '\0';
            BIO_free(bio);
        }
        if (X509_cmp_current_time(na) < 0)
            rc = vl_net_finding(r, w, "NET025", -1,
                                "%s TCP %u: the certificate %s expired on %s; Windows refuses it "
                                "with 0x800B0101 (CERT_E_EXPIRED)",
                                host, port, subj, when);
        else if (X509_cmp_current_time(nb) > 0)
            rc = vl_net_finding(r, w, "NET025", -1,
                                "%s TCP %u: the certificate %s is not valid before %s; Windows "
                                "refuses it with 0x800B0101 (CERT_E_EXPIRED)",
                                host, port, subj, when);
    }
    /* root */
    if (rc == VPNLINT_OK) {
        long vr = SSL_get_verify_result(ssl);
        STACK_OF(X509) *chain = vr == X509_V_OK ? SSL_get0_verified_chain(ssl) : NULL;
        if (!chain)
            chain = SSL_get_peer_cert_chain(ssl);
        int n = chain ? sk_X509_num(chain) : 0;
        X509 *top = n ? sk_X509_value(chain, n - 1) : leaf;
        bool self_signed = X509_check_issued(top, top) == X509_V_OK;
        char tp[41], top_subj[256];
        sha1_hex(top, tp);
        subject_text(top, top_subj, sizeof top_subj);
        if (t->n_roots) {
            rc = vl_sstp_root_finding(r, t, host, port, self_signed, tp, top_subj);
        } else if (vr != X509_V_OK && vr != X509_V_ERR_CERT_HAS_EXPIRED &&
                   vr != X509_V_ERR_CERT_NOT_YET_VALID) {
            rc = vl_net_finding(r, w, "NET024", -1,
                                "%s TCP %u: the chain (ending at %s, thumbprint %s) does not "
                                "verify against %s: %s; a client without that root fails with "
                                "0x800B0109 (CERT_E_UNTRUSTEDROOT)",
                                host, port, top_subj, tp,
                                t->ca_file ? t->ca_file : "this machine's trusted roots",
                                X509_verify_cert_error_string(vr));
        }
    }
    X509_free(leaf);
    return rc;
}

/* Sends SSTP_DUPLEX_POST and reads the HTTP answer's status line. */
static int sstp_post(vpnlint_report *r, const vl_probe_target *t, SSL *ssl, const char *host,
                     unsigned port)
{
    const char *w = t->where;
    char req[512];
    int n = vl_sstp_request(req, sizeof req, host);
    if (n < 0)
        return vpnlint_error_last_code();
    if (n == 0)
        return vl_net_finding(r, w, "NET026", -1, "%s: the server name is too long", host);
    if (SSL_write(ssl, req, n) != n)
        return vl_net_finding(r, w, "NET026", -1,
                              "%s TCP %u: the connection closed before SSTP_DUPLEX_POST was "
                              "sent",
                              host, port);
    char resp[4096];
    size_t got = 0;
    uint64_t deadline = vl_now_ms() + t->timeout_ms;
    while (got < sizeof resp - 1 && vl_now_ms() < deadline) {
        int k = SSL_read(ssl, resp + got, (int)(sizeof resp - 1 - got));
        if (k <= 0)
            break;
        got += (size_t)k;
        resp[got] = '\0';
        if (strstr(resp, "\r\n\r\n"))
            break;
    }
    return vl_sstp_answer(r, t, host, port, resp, got);
}

int vl_probe_sstp(vpnlint_report *r, const vl_probe_target *t)
{
    const char *host = t->server, *w = t->where;
    unsigned port = t->sstp_port;
    char why[256];
    vl_addr to;
    if (vl_net_resolve(&to, host, port, true, why, sizeof why) != VPNLINT_OK)
        return vl_net_finding(r, w, "NET010", -1,
                              "%s: the name does not resolve (%s); Windows fails with error 868 "
                              "before it sends anything",
                              host, why);
    int s = tcp_connect(&to, t->timeout_ms, why, sizeof why);
    if (s < 0)
        return vl_net_finding(r, w, "NET020", -1,
                              "%s (%s): TCP %u cannot be reached: %s; this is error 809 for SSTP",
                              host, to.text, port, why);
    int rc = VPNLINT_OK;
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    if (!ssl) {
        rc = vl_error_set(VPNLINT_ENOMEM, "OpenSSL could not create a TLS context");
        goto out;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (t->ca_file) {
        if (SSL_CTX_load_verify_locations(ctx, t->ca_file, NULL) != 1) {
            rc = vl_error_set(VPNLINT_EIO, "%s: cannot load trusted roots (PEM expected)",
                              t->ca_file);
            goto out;
        }
    } else {
        SSL_CTX_set_default_verify_paths(ctx);
    }
    SSL_set_verify(ssl, SSL_VERIFY_NONE, NULL); /* judged below, in Windows' terms */
    if (!is_ip(host))
        SSL_set_tlsext_host_name(ssl, host);
    SSL_set_fd(ssl, s);
    if (SSL_connect(ssl) != 1) {
        ssl_errors(why, sizeof why);
        rc = vl_net_finding(r, w, "NET021", -1,
                            "%s (%s) TCP %u: the TLS handshake failed (%s); Windows fails with "
                            "error 0x80090326 or 809",
                            host, to.text, port, why);
        goto out;
    }
    rc = check_cert(r, t, ssl, host, port);
    if (rc == VPNLINT_OK)
        rc = sstp_post(r, t, ssl, host, port);
    SSL_shutdown(ssl);
out:
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    close(s);
    return rc;
}

#elif !defined(_WIN32)

int vl_probe_sstp(vpnlint_report *r, const vl_probe_target *t)
{
    (void)r;
    (void)t;
    return vl_error_set(VPNLINT_EUNSUPPORTED,
                        "the SSTP probe is not available in this build (it was built without "
                        "OpenSSL); the IKEv2 probe is");
}

#else

typedef int vl_sstp_openssl_unused; /* Windows: sstp_win.c (Schannel) */

#endif
