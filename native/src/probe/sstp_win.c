/* sstp_win.c — the SSTP probe on Windows: Winsock, TLS through Schannel
 * (SSPI), certificate checks through CryptoAPI (crypt32). It gives the same
 * findings as the OpenSSL path in sstp.c, in the same order and with the same
 * bounds: Server Authentication EKU (NET022), name in the certificate
 * (NET023), validity (NET025), root thumbprint against TrustedRootCA or the
 * chain against this machine's roots / --ca-file (NET024), then
 * SSTP_DUPLEX_POST and whether an SSTP server answered (NET026/NET027).
 * Nothing after the HTTP answer is sent (no SSTP control packets, no PPP, no
 * credentials: the credential handle has no client certificate). */
#include "probe/probe.h"

#ifdef _WIN32

#define SECURITY_WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <wincrypt.h>
#include <schannel.h>
#include <security.h>
#include <sspi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VL_TLS_BUF (64 * 1024 + 512) /* one TLS record and then some */
#define VL_MAX_CA 64

static void wsa_text(int e, char *why, size_t size)
{
    switch (e) {
    case WSAECONNREFUSED:
        snprintf(why, size, "Connection refused");
        break;
    case WSAETIMEDOUT:
        snprintf(why, size, "Connection timed out");
        break;
    case WSAEHOSTUNREACH:
        snprintf(why, size, "No route to host");
        break;
    case WSAENETUNREACH:
        snprintf(why, size, "Network is unreachable");
        break;
    case WSAECONNRESET:
        snprintf(why, size, "Connection reset by peer");
        break;
    default:
        snprintf(why, size, "Windows socket error %d", e);
    }
}

/* Non-blocking connect bounded by timeout_ms; then blocking with send and
 * receive timeouts. Returns the socket or INVALID_SOCKET (*why set). */
static SOCKET tcp_connect(const vl_addr *to, unsigned timeout_ms, char *why, size_t size)
{
    SOCKET s = socket(to->family, SOCK_STREAM, IPPROTO_TCP);
    if (s == INVALID_SOCKET) {
        wsa_text(WSAGetLastError(), why, size);
        return INVALID_SOCKET;
    }
    u_long on = 1;
    ioctlsocket(s, FIONBIO, &on);
    if (connect(s, (const struct sockaddr *)to->ss, to->len) != 0) {
        int e = WSAGetLastError();
        if (e != WSAEWOULDBLOCK && e != WSAEINPROGRESS) {
            wsa_text(e, why, size);
            closesocket(s);
            return INVALID_SOCKET;
        }
        fd_set wr, ex;
        FD_ZERO(&wr);
        FD_ZERO(&ex);
        FD_SET(s, &wr);
        FD_SET(s, &ex);
        struct timeval tv = {(long)(timeout_ms / 1000), (long)(timeout_ms % 1000) * 1000};
        int r = select(0, NULL, &wr, &ex, &tv);
        if (r == 0) {
            snprintf(why, size, "no answer within %g s", timeout_ms / 1000.0);
            closesocket(s);
            return INVALID_SOCKET;
        }
        int err = 0;
        int el = (int)sizeof err;
        if (r < 0 || getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &el) != 0 || err != 0 ||
            FD_ISSET(s, &ex)) {
            wsa_text(err ? err : WSAGetLastError(), why, size);
            closesocket(s);
            return INVALID_SOCKET;
        }
    }
    u_long off = 0;
    ioctlsocket(s, FIONBIO, &off);
    DWORD ms = timeout_ms ? timeout_ms : 1;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&ms, sizeof ms);
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, (const char *)&ms, sizeof ms);
    return s;
}

static bool send_all(SOCKET s, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        int n = send(s, p, len > 65536 ? 65536 : (int)len, 0);
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static const char *sec_name(SECURITY_STATUS st)
{
    switch ((unsigned long)st) {
    case 0x80090326UL:
        return "SEC_E_ILLEGAL_MESSAGE";
    case 0x80090331UL:
        return "SEC_E_ALGORITHM_MISMATCH";
    case 0x80090327UL:
        return "SEC_E_CERT_UNKNOWN";
    case 0x80090322UL:
        return "SEC_E_WRONG_PRINCIPAL";
    case 0x80090325UL:
        return "SEC_E_UNTRUSTED_ROOT";
    case 0x80090328UL:
        return "SEC_E_CERT_EXPIRED";
    case 0x80090308UL:
        return "SEC_E_INVALID_TOKEN";
    case 0x80090304UL:
        return "SEC_E_INTERNAL_ERROR";
    case 0x80090302UL:
        return "SEC_E_UNSUPPORTED_FUNCTION";
    case 0x8009030EUL:
        return "SEC_E_NO_CREDENTIALS";
    case 0x80090330UL:
        return "SEC_E_DECRYPT_FAILURE";
    case 0x80090318UL:
        return "SEC_E_INCOMPLETE_MESSAGE";
    default:
        return "Schannel error";
    }
}

static bool is_ip(const char *host, unsigned char out[16], size_t *n)
{
    struct sockaddr_in6 a6;
    struct sockaddr_in a4;
    INT l4 = (INT)sizeof a4, l6 = (INT)sizeof a6;
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s", host);
    if (WSAStringToAddressA(tmp, AF_INET, NULL, (struct sockaddr *)&a4, &l4) == 0) {
        memcpy(out, &a4.sin_addr, 4);
        *n = 4;
        return true;
    }
    snprintf(tmp, sizeof tmp, "%s", host);
    if (strchr(host, ':') &&
        WSAStringToAddressA(tmp, AF_INET6, NULL, (struct sockaddr *)&a6, &l6) == 0) {
        memcpy(out, &a6.sin6_addr, 16);
        *n = 16;
        return true;
    }
    return false;
}

/* -------------------------------------------------------- the TLS session */
typedef struct tls {
    SOCKET s;
    CredHandle cred;
    bool have_cred;
    CtxtHandle ctx;
    bool have_ctx;
    uint8_t *in; /* received, not yet consumed (ciphertext) */
    size_t in_len;
    SecPkgContext_StreamSizes sizes;
    uint64_t deadline;
} tls;

/* Reads more ciphertext into t->in; false on close, error or timeout. */
static bool tls_recv_more(tls *t)
{
    if (t->in_len >= VL_TLS_BUF || vl_now_ms() >= t->deadline)
        return false;
    int n = recv(t->s, (char *)t->in + t->in_len, (int)(VL_TLS_BUF - t->in_len), 0);
    if (n <= 0)
        return false;
    t->in_len += (size_t)n;
    return true;
}

/* Keeps the SECBUFFER_EXTRA tail of the input (or nothing). */
static void keep_extra(tls *t, const SecBuffer *bufs, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        if (bufs[i].BufferType == SECBUFFER_EXTRA && bufs[i].cbBuffer <= t->in_len) {
            memmove(t->in, t->in + t->in_len - bufs[i].cbBuffer, bufs[i].cbBuffer);
            t->in_len = bufs[i].cbBuffer;
            return;
        }
    t->in_len = 0;
}

#define VL_ISC_FLAGS                                                                               \
    (ISC_REQ_SEQUENCE_DETECT | ISC_REQ_REPLAY_DETECT | ISC_REQ_CONFIDENTIALITY |                   \
     ISC_REQ_ALLOCATE_MEMORY | ISC_REQ_STREAM | ISC_REQ_EXTENDED_ERROR |                           \
     ISC_REQ_MANUAL_CRED_VALIDATION)

/* The handshake (also used for post-handshake messages after
 * SEC_I_RENEGOTIATE). Returns SEC_E_OK or the failing status; *why says
 * what happened in words. */
static SECURITY_STATUS tls_handshake(tls *t, const wchar_t *target, bool initial, char *why,
                                     size_t size)
{
    SECURITY_STATUS st = SEC_I_CONTINUE_NEEDED;
    bool need_read = initial; /* the first call sends the ClientHello */
    if (initial) {
        SecBuffer ob = {0, SECBUFFER_TOKEN, NULL};
        SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
        ULONG attr = 0;
        st = InitializeSecurityContextW(&t->cred, NULL, (SEC_WCHAR *)target, VL_ISC_FLAGS, 0, 0,
                                        NULL, 0, &t->ctx, &od, &attr, NULL);
        if (st != SEC_I_CONTINUE_NEEDED) {
            snprintf(why, size, "%s 0x%08lX before the ClientHello", sec_name(st),
                     (unsigned long)st);
            return st;
        }
        t->have_ctx = true;
        bool sent = ob.pvBuffer && send_all(t->s, ob.pvBuffer, ob.cbBuffer);
        if (ob.pvBuffer)
            FreeContextBuffer(ob.pvBuffer);
        if (!sent) {
            snprintf(why, size, "the ClientHello could not be sent");
            return SEC_E_INTERNAL_ERROR;
        }
    } else {
        need_read = t->in_len == 0;
    }
    for (unsigned rounds = 0; rounds < 64; rounds++) {
        if (need_read && !tls_recv_more(t)) {
            snprintf(why, size,
                     vl_now_ms() >= t->deadline ? "no handshake answer within the timeout"
                                                : "the connection was closed during the handshake");
            return SEC_E_INTERNAL_ERROR;
        }
        SecBuffer ib[2] = {{(ULONG)t->in_len, SECBUFFER_TOKEN, t->in}, {0, SECBUFFER_EMPTY, NULL}};
        SecBufferDesc id = {SECBUFFER_VERSION, 2, ib};
        SecBuffer ob[3] = {
            {0, SECBUFFER_TOKEN, NULL}, {0, SECBUFFER_ALERT, NULL}, {0, SECBUFFER_EMPTY, NULL}};
        SecBufferDesc od = {SECBUFFER_VERSION, 3, ob};
        ULONG attr = 0;
        st = InitializeSecurityContextW(&t->cred, &t->ctx, (SEC_WCHAR *)target, VL_ISC_FLAGS, 0, 0,
                                        &id, 0, NULL, &od, &attr, NULL);
        bool sent = true;
        if ((st == SEC_E_OK || st == SEC_I_CONTINUE_NEEDED ||
             (FAILED(st) && (attr & ISC_RET_EXTENDED_ERROR))) &&
            ob[0].pvBuffer && ob[0].cbBuffer)
            sent = send_all(t->s, ob[0].pvBuffer, ob[0].cbBuffer);
        for (int i = 0; i < 3; i++)
            if (ob[i].pvBuffer)
                FreeContextBuffer(ob[i].pvBuffer);
        if (st == SEC_E_INCOMPLETE_MESSAGE) {
            need_read = true;
            continue;
        }
        if (!sent) {
            snprintf(why, size, "the connection was closed during the handshake");
            return SEC_E_INTERNAL_ERROR;
        }
        if (st == SEC_E_OK) {
            keep_extra(t, ib, 2);
            return SEC_E_OK;
        }
        if (st == SEC_I_CONTINUE_NEEDED) {
            keep_extra(t, ib, 2);
            need_read = t->in_len == 0;
            continue;
        }
        if (st == SEC_I_INCOMPLETE_CREDENTIALS) {
            /* the server asks for a client certificate: the probe has none
             * and sends none; go on with the same input */
            need_read = false;
            continue;
        }
        snprintf(why, size, "%s 0x%08lX", sec_name(st), (unsigned long)st);
        return st;
    }
    snprintf(why, size, "the handshake did not finish");
    return SEC_E_INTERNAL_ERROR;
}

static bool tls_send(tls *t, const char *data, size_t len)
{
    if (len > t->sizes.cbMaximumMessage)
        return false;
    size_t total = t->sizes.cbHeader + len + t->sizes.cbTrailer;
    uint8_t *m = malloc(total);
    if (!m)
        return false;
    memcpy(m + t->sizes.cbHeader, data, len);
    SecBuffer b[4] = {{t->sizes.cbHeader, SECBUFFER_STREAM_HEADER, m},
                      {(ULONG)len, SECBUFFER_DATA, m + t->sizes.cbHeader},
                      {t->sizes.cbTrailer, SECBUFFER_STREAM_TRAILER, m + t->sizes.cbHeader + len},
                      {0, SECBUFFER_EMPTY, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 4, b};
    bool ok = EncryptMessage(&t->ctx, 0, &d, 0) == SEC_E_OK &&
              send_all(t->s, m, (size_t)b[0].cbBuffer + b[1].cbBuffer + b[2].cbBuffer);
    free(m);
    return ok;
}

/* Reads plaintext (up to size bytes) into out; returns the count, 0 on
 * close, timeout or error. */
static size_t tls_read(tls *t, char *out, size_t size, const wchar_t *target)
{
    for (unsigned rounds = 0; rounds < 256 && vl_now_ms() < t->deadline; rounds++) {
        if (t->in_len == 0 && !tls_recv_more(t))
            return 0;
        SecBuffer b[4] = {{(ULONG)t->in_len, SECBUFFER_DATA, t->in},
                          {0, SECBUFFER_EMPTY, NULL},
                          {0, SECBUFFER_EMPTY, NULL},
                          {0, SECBUFFER_EMPTY, NULL}};
        SecBufferDesc d = {SECBUFFER_VERSION, 4, b};
        SECURITY_STATUS st = DecryptMessage(&t->ctx, &d, 0, NULL);
        if (st == SEC_E_INCOMPLETE_MESSAGE) {
            if (!tls_recv_more(t))
                return 0;
            continue;
        }
        if (st != SEC_E_OK && st != SEC_I_RENEGOTIATE)
            return 0; /* SEC_I_CONTEXT_EXPIRED (close_notify) or an error */
        size_t got = 0;
        for (int i = 0; i < 4; i++)
            if (b[i].BufferType == SECBUFFER_DATA && b[i].cbBuffer) {
                got = b[i].cbBuffer < size ? b[i].cbBuffer : size;
                memcpy(out, b[i].pvBuffer, got); /* pvBuffer points into t->in */
                break;
            }
        keep_extra(t, b, 4);
        if (st == SEC_I_RENEGOTIATE) {
            /* TLS 1.3 post-handshake message (a session ticket): Schannel
             * wants it run through InitializeSecurityContext */
            char why[128];
            if (tls_handshake(t, target, false, why, sizeof why) != SEC_E_OK)
                return got;
        }
        if (got)
            return got;
    }
    return 0;
}

static void tls_close(tls *t)
{
    if (t->have_ctx)
        DeleteSecurityContext(&t->ctx);
    if (t->have_cred)
        FreeCredentialsHandle(&t->cred);
    free(t->in);
}

/* ------------------------------------------------------- the certificate */

/* "/CN=x/O=y" like OpenSSL's X509_NAME_oneline (CryptoAPI's short names). */
static void name_text(CERT_NAME_BLOB *n, char *buf, size_t size)
{
    char tmp[512];
    buf[0] = '\0';
    DWORD l =
        CertNameToStrA(X509_ASN_ENCODING, n,
                       CERT_X500_NAME_STR | CERT_NAME_STR_NO_QUOTING_FLAG | CERT_NAME_STR_CRLF_FLAG,
                       tmp, sizeof tmp);
    if (l <= 1)
        return;
    size_t o = 0;
    if (o + 1 < size)
        buf[o++] = '/';
    for (const char *p = tmp; *p && o + 1 < size; p++) {
        if (*p == '\r')
            continue;
        buf[o++] = *p == '\n' ? '/' : *p;
    }
    buf[o] = '\0';
}

static CERT_ALT_NAME_INFO *san_of(PCCERT_CONTEXT c)
{
    PCERT_EXTENSION e = CertFindExtension(szOID_SUBJECT_ALT_NAME2, c->pCertInfo->cExtension,
                                          c->pCertInfo->rgExtension);
    if (!e)
        return NULL;
    CERT_ALT_NAME_INFO *info = NULL;
    DWORD n = 0;
    if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ALTERNATE_NAME, e->Value.pbData,
                             e->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &n))
        return NULL;
    return info;
}

static void wide_to_utf8(const wchar_t *w, char *out, size_t size)
{
    out[0] = '\0';
    if (w && WideCharToMultiByte(CP_UTF8, 0, w, -1, out, (int)size, NULL, NULL) <= 0)
        out[0] = '\0';
}

/* SAN DNS names and subject CN for messages: "DNS:a, DNS:b, CN=c". */
static void names_text(PCCERT_CONTEXT c, char *buf, size_t size)
{
    vl_buf b = VL_BUF_INIT;
    CERT_ALT_NAME_INFO *san = san_of(c);
    unsigned shown = 0;
    for (DWORD i = 0; san && i < san->cAltEntry && shown < 8; i++) {
        if (san->rgAltEntry[i].dwAltNameChoice != CERT_ALT_NAME_DNS_NAME)
            continue;
        char d[256];
        wide_to_utf8(san->rgAltEntry[i].pwszDNSName, d, sizeof d);
        vl_buf_printf(&b, "%sDNS:%s", b.len ? ", " : "", d);
        shown++;
    }
    if (san)
        LocalFree(san);
    char cn[256] = "";
    CertGetNameStringA(c, CERT_NAME_ATTR_TYPE, 0, (void *)szOID_COMMON_NAME, cn, sizeof cn);
    if (cn[0])
        vl_buf_printf(&b, "%sCN=%s", b.len ? ", " : "", cn);
    snprintf(buf, size, "%s", vl_buf_ok(&b) && b.len ? b.data : "no names");
    vl_buf_free(&b);
}

/* One DNS name of the certificate against the host: case-insensitive, a
 * wildcard only as the whole left-most label of a name with at least three
 * labels, standing for exactly one label. */
static bool dns_match(const char *pattern, const char *host)
{
    size_t pl = strlen(pattern), hl = strlen(host);
    if (pl && pattern[pl - 1] == '.')
        pl--;
    if (hl && host[hl - 1] == '.')
        hl--;
    if (pl == 0 || hl == 0)
        return false;
    if (pl > 2 && pattern[0] == '*' && pattern[1] == '.') {
        const char *rest = pattern + 1; /* ".example.com" */
        size_t rl = pl - 1;
        if (!memchr(rest + 1, '.', rl - 1))
            return false; /* "*.com" */
        const char *dot = memchr(host, '.', hl);
        if (!dot || dot == host)
            return false;
        size_t tail = hl - (size_t)(dot - host);
        return tail == rl && _strnicmp(dot, rest, rl) == 0;
    }
    return pl == hl && _strnicmp(pattern, host, pl) == 0;
}

/* What OpenSSL's X509_check_host / X509_check_ip_asc check: an address
 * against the SAN IP addresses; a name against the SAN DNS names, or, when
 * the certificate has no SAN DNS name, against the subject's common names. */
static bool name_matches(PCCERT_CONTEXT c, const char *host)
{
    unsigned char ip[16];
    size_t ipn = 0;
    bool want_ip = is_ip(host, ip, &ipn);
    CERT_ALT_NAME_INFO *san = san_of(c);
    bool match = false, had_dns = false;
    for (DWORD i = 0; san && i < san->cAltEntry && !match; i++) {
        CERT_ALT_NAME_ENTRY *e = &san->rgAltEntry[i];
        if (want_ip && e->dwAltNameChoice == CERT_ALT_NAME_IP_ADDRESS)
            match = e->IPAddress.cbData == ipn && memcmp(e->IPAddress.pbData, ip, ipn) == 0;
        if (!want_ip && e->dwAltNameChoice == CERT_ALT_NAME_DNS_NAME) {
            char d[256];
            had_dns = true;
            wide_to_utf8(e->pwszDNSName, d, sizeof d);
            match = dns_match(d, host);
        }
    }
    if (san)
        LocalFree(san);
    if (match || want_ip || had_dns)
        return match;
    /* every CN of the subject */
    CERT_NAME_INFO *ni = NULL;
    DWORD n = 0;
    if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_NAME, c->pCertInfo->Subject.pbData,
                             c->pCertInfo->Subject.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &ni, &n))
        return false;
    for (DWORD i = 0; i < ni->cRDN && !match; i++)
        for (DWORD j = 0; j < ni->rgRDN[i].cRDNAttr && !match; j++) {
            CERT_RDN_ATTR *a = &ni->rgRDN[i].rgRDNAttr[j];
            if (strcmp(a->pszObjId, szOID_COMMON_NAME) != 0)
                continue;
            char cn[256];
            if (CertRDNValueToStrA(a->dwValueType, &a->Value, cn, sizeof cn) > 1)
                match = dns_match(cn, host);
        }
    LocalFree(ni);
    return match;
}

/* 0 no EKU extension, 1 EKU with Server Authentication, -1 EKU without it. */
static int eku_server_auth(PCCERT_CONTEXT c)
{
    PCERT_EXTENSION e = CertFindExtension(szOID_ENHANCED_KEY_USAGE, c->pCertInfo->cExtension,
                                          c->pCertInfo->rgExtension);
    if (!e)
        return 0;
    CERT_ENHKEY_USAGE *u = NULL;
    DWORD n = 0;
    if (!CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ENHANCED_KEY_USAGE, e->Value.pbData,
                             e->Value.cbData, CRYPT_DECODE_ALLOC_FLAG, NULL, &u, &n))
        return -1;
    int found = -1;
    for (DWORD i = 0; i < u->cUsageIdentifier; i++)
        if (strcmp(u->rgpszUsageIdentifier[i], szOID_PKIX_KP_SERVER_AUTH) == 0)
            found = 1;
    LocalFree(u);
    return found;
}

/* "Jan  1 00:00:00 2021 GMT", as OpenSSL's ASN1_TIME_print. */
static void time_text(const FILETIME *ft, char *buf, size_t size)
{
    static const char *mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    SYSTEMTIME st;
    if (!FileTimeToSystemTime(ft, &st) || st.wMonth < 1 || st.wMonth > 12) {
        snprintf(buf, size, "(unknown)");
        return;
    }
    snprintf(buf, size, "%s %2u %02u:%02u:%02u %u GMT", mon[st.wMonth - 1], st.wDay, st.wHour,
             st.wMinute, st.wSecond, st.wYear);
}

static void thumb_hex(PCCERT_CONTEXT c, char out[41])
{
    uint8_t md[20];
    vl_sha1(c->pbCertEncoded, c->cbCertEncoded, md);
    for (unsigned i = 0; i < 20; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* Loads the PEM certificates of --ca-file into a memory store. */
static int load_ca_file(const char *path, HCERTSTORE *out)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    uint64_t real = 0;
    int rc = vl_read_file(path, 16u << 20, &data, &len, &real);
    if (rc != VPNLINT_OK)
        return vl_error_set(VPNLINT_EIO, "%s: cannot load trusted roots (PEM expected)", path);
    HCERTSTORE st = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    unsigned n = 0;
    static const char begin[] = "-----BEGIN CERTIFICATE-----";
    static const char end[] = "-----END CERTIFICATE-----";
    for (char *p = st ? strstr(data, begin) : NULL; p && n < VL_MAX_CA; p = strstr(p, begin)) {
        char *e = strstr(p, end);
        if (!e)
            break;
        e += sizeof end - 1;
        DWORD dl = 0;
        BYTE *der = NULL;
        if (CryptStringToBinaryA(p, (DWORD)(e - p), CRYPT_STRING_BASE64HEADER, NULL, &dl, NULL,
                                 NULL) &&
            (der = malloc(dl)) != NULL &&
            CryptStringToBinaryA(p, (DWORD)(e - p), CRYPT_STRING_BASE64HEADER, der, &dl, NULL,
                                 NULL) &&
            CertAddEncodedCertificateToStore(st, X509_ASN_ENCODING, der, dl,
                                             CERT_STORE_ADD_USE_EXISTING, NULL))
            n++;
        free(der);
        p = e;
    }
    free(data);
    if (n == 0) {
        if (st)
            CertCloseStore(st, 0);
        return vl_error_set(VPNLINT_EIO, "%s: cannot load trusted roots (PEM expected)", path);
    }
    *out = st;
    return VPNLINT_OK;
}

static bool in_store(HCERTSTORE st, PCCERT_CONTEXT c)
{
    if (!st)
        return false;
    PCCERT_CONTEXT f =
        CertFindCertificateInStore(st, X509_ASN_ENCODING, 0, CERT_FIND_EXISTING, c, NULL);
    if (f)
        CertFreeCertificateContext(f);
    return f != NULL;
}

/* The chain's problems other than validity in words ("" when none). */
static void chain_problems(DWORD err, bool root_from_ca_file, char *buf, size_t size)
{
    static const struct {
        DWORD bit;
        const char *text;
    } bits[] = {
        {CERT_TRUST_IS_UNTRUSTED_ROOT, "the root is not trusted"},
        {CERT_TRUST_IS_PARTIAL_CHAIN, "unable to get local issuer certificate"},
        {CERT_TRUST_IS_NOT_SIGNATURE_VALID, "certificate signature failure"},
        {CERT_TRUST_IS_REVOKED, "certificate revoked"},
        {CERT_TRUST_IS_CYCLIC, "the chain is cyclic"},
        {CERT_TRUST_INVALID_EXTENSION, "invalid extension"},
        {CERT_TRUST_INVALID_BASIC_CONSTRAINTS, "invalid basic constraints (an issuer is no CA)"},
        {CERT_TRUST_INVALID_NAME_CONSTRAINTS, "name constraints violated"},
        {CERT_TRUST_INVALID_POLICY_CONSTRAINTS, "policy constraints violated"},
    };
    if (root_from_ca_file)
        err &= ~(DWORD)CERT_TRUST_IS_UNTRUSTED_ROOT;
    buf[0] = '\0';
    size_t o = 0;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (err & bits[i].bit) {
            int k = snprintf(buf + o, size - o, "%s%s", o ? "; " : "", bits[i].text);
            if (k < 0 || (size_t)k >= size - o)
                return;
            o += (size_t)k;
        }
}

static int check_cert(vpnlint_report *r, const vl_probe_target *t, tls *s, const char *host,
                      unsigned port)
{
    const char *w = t->where;
    PCCERT_CONTEXT leaf = NULL;
    if (QueryContextAttributesW(&s->ctx, SECPKG_ATTR_REMOTE_CERT_CONTEXT, &leaf) != SEC_E_OK ||
        !leaf)
        return vl_net_finding(r, w, "NET021", -1, "%s TCP %u: the TLS server sent no certificate",
                              host, port);
    int rc = VPNLINT_OK;
    char subj[256], names[512];
    name_text(&leaf->pCertInfo->Subject, subj, sizeof subj);
    /* Server Authentication EKU */
    int eku = eku_server_auth(leaf);
    if (eku == 0)
        rc = vl_net_finding(r, w, "NET022", VPNLINT_SEVERITY_WARNING,
                            "%s TCP %u: the certificate %s has no Extended Key Usage; Windows "
                            "IKEv2 wants Server Authentication (1.3.6.1.5.5.7.3.1) listed, else "
                            "error 13801 / 0x80070040",
                            host, port, subj);
    else if (eku < 0)
        rc = vl_net_finding(r, w, "NET022", -1,
                            "%s TCP %u: the certificate %s lacks the Server Authentication EKU "
                            "(1.3.6.1.5.5.7.3.1); Windows refuses it with 0x80070040 (SSTP) "
                            "or 13801 (IKEv2)",
                            host, port, subj);
    /* name */
    if (rc == VPNLINT_OK && !name_matches(leaf, host)) {
        names_text(leaf, names, sizeof names);
        rc = vl_net_finding(r, w, "NET023", -1,
                            "%s TCP %u: the certificate is for %s, not for %s (the name in the "
                            "profile); Windows fails with 13801 (IKEv2) or 0x800B010F (SSTP)",
                            host, port, names, host);
    }
    /* validity */
    if (rc == VPNLINT_OK) {
        LONG v = CertVerifyTimeValidity(NULL, leaf->pCertInfo);
        char when[64];
        if (v > 0) {
            time_text(&leaf->pCertInfo->NotAfter, when, sizeof when);
            rc = vl_net_finding(r, w, "NET025", -1,
                                "%s TCP %u: the certificate %s expired on %s; Windows refuses it "
                                "with 0x800B0101 (CERT_E_EXPIRED)",
                                host, port, subj, when);
        } else if (v < 0) {
            time_text(&leaf->pCertInfo->NotBefore, when, sizeof when);
            rc = vl_net_finding(r, w, "NET025", -1,
                                "%s TCP %u: the certificate %s is not valid before %s; Windows "
                                "refuses it with 0x800B0101 (CERT_E_EXPIRED)",
                                host, port, subj, when);
        }
    }
    /* root: the chain CryptoAPI builds from the certificates the server sent
     * (leaf->hCertStore), the machine's stores and --ca-file */
    HCERTSTORE ca = NULL, extra = NULL;
    PCCERT_CHAIN_CONTEXT chain = NULL;
    if (rc == VPNLINT_OK && t->ca_file)
        rc = load_ca_file(t->ca_file, &ca);
    if (rc == VPNLINT_OK) {
        extra = CertOpenStore(CERT_STORE_PROV_COLLECTION, 0, 0, 0, NULL);
        if (extra) {
            if (leaf->hCertStore)
                CertAddStoreToCollection(extra, leaf->hCertStore, 0, 0);
            if (ca)
                CertAddStoreToCollection(extra, ca, 0, 0);
        }
        CERT_CHAIN_PARA para;
        memset(&para, 0, sizeof para);
        para.cbSize = sizeof para;
        if (!CertGetCertificateChain(NULL, leaf, NULL, extra ? extra : leaf->hCertStore, &para, 0,
                                     NULL, &chain) ||
            !chain || chain->cChain == 0 || chain->rgpChain[0]->cElement == 0) {
            rc = vl_error_set(VPNLINT_ERROR,
                              "%s TCP %u: CryptoAPI could not build the certificate chain "
                              "(CertGetCertificateChain error 0x%08lX)",
                              host, port, (unsigned long)GetLastError());
            chain = NULL;
        }
    }
    if (rc == VPNLINT_OK) {
        PCERT_SIMPLE_CHAIN sc = chain->rgpChain[0];
        PCERT_CHAIN_ELEMENT topel = sc->rgpElement[sc->cElement - 1];
        PCCERT_CONTEXT top = topel->pCertContext;
        bool self_signed = (topel->TrustStatus.dwInfoStatus & CERT_TRUST_IS_SELF_SIGNED) != 0;
        char tp[41], top_subj[256];
        thumb_hex(top, tp);
        name_text(&top->pCertInfo->Subject, top_subj, sizeof top_subj);
        if (t->n_roots) {
            rc = vl_sstp_root_finding(r, t, host, port, self_signed, tp, top_subj);
        } else {
            char problems[256];
            chain_problems(sc->TrustStatus.dwErrorStatus, self_signed && in_store(ca, top),
                           problems, sizeof problems);
            if (problems[0])
                rc = vl_net_finding(r, w, "NET024", -1,
                                    "%s TCP %u: the chain (ending at %s, thumbprint %s) does not "
                                    "verify against %s: %s; a client without that root fails "
                                    "with 0x800B0109 (CERT_E_UNTRUSTEDROOT)",
                                    host, port, top_subj, tp,
                                    t->ca_file ? t->ca_file : "this machine's trusted roots",
                                    problems);
        }
    }
    if (chain)
        CertFreeCertificateChain(chain);
    if (extra)
        CertCloseStore(extra, 0);
    if (ca)
        CertCloseStore(ca, 0);
    CertFreeCertificateContext(leaf);
    return rc;
}

/* Sends SSTP_DUPLEX_POST and reads the HTTP answer's status line. */
static int sstp_post(vpnlint_report *r, const vl_probe_target *t, tls *s, const char *host,
                     unsigned port, const wchar_t *target)
{
    const char *w = t->where;
    char req[512];
    int n = vl_sstp_request(req, sizeof req, host);
    if (n < 0)
        return vpnlint_error_last_code();
    if (n == 0)
        return vl_net_finding(r, w, "NET026", -1, "%s: the server name is too long", host);
    if (!tls_send(s, req, (size_t)n))
        return vl_net_finding(r, w, "NET026", -1,
                              "%s TCP %u: the connection closed before SSTP_DUPLEX_POST was "
                              "sent",
                              host, port);
    char resp[4096];
    size_t got = 0;
    s->deadline = vl_now_ms() + t->timeout_ms;
    while (got < sizeof resp - 1 && vl_now_ms() < s->deadline) {
        size_t k = tls_read(s, resp + got, sizeof resp - 1 - got, target);
        if (k == 0)
            break;
        got += k;
        resp[got] = '\0';
        if (strstr(resp, "\r\n\r\n"))
            break;
    }
    return vl_sstp_answer(r, t, host, port, resp, got);
}

static SECURITY_STATUS acquire(tls *s, DWORD protocols)
{
    SCHANNEL_CRED sc;
    memset(&sc, 0, sizeof sc);
    sc.dwVersion = SCHANNEL_CRED_VERSION;
    sc.grbitEnabledProtocols = protocols;
    /* no client certificate, ever; the certificate is judged below, in
     * Windows' terms, not by Schannel */
    sc.dwFlags = SCH_CRED_MANUAL_CRED_VALIDATION | SCH_CRED_NO_DEFAULT_CREDS;
    TimeStamp exp;
    return AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)UNISP_NAME_W, SECPKG_CRED_OUTBOUND, NULL,
                                     &sc, NULL, NULL, &s->cred, &exp);
}

int vl_probe_sstp(vpnlint_report *r, const vl_probe_target *t)
{
    const char *host = t->server, *w = t->where;
    unsigned port = t->sstp_port;
    char why[256];
    int rc = vl_net_init();
    if (rc != VPNLINT_OK)
        return rc;
    vl_addr to;
    if (vl_net_resolve(&to, host, port, true, why, sizeof why) != VPNLINT_OK)
        return vl_net_finding(r, w, "NET010", -1,
                              "%s: the name does not resolve (%s); Windows fails with error 868 "
                              "before it sends anything",
                              host, why);
    SOCKET sock = tcp_connect(&to, t->timeout_ms, why, sizeof why);
    if (sock == INVALID_SOCKET)
        return vl_net_finding(r, w, "NET020", -1,
                              "%s (%s): TCP %u cannot be reached: %s; this is error 809 for SSTP",
                              host, to.text, port, why);
    tls s;
    memset(&s, 0, sizeof s);
    s.s = sock;
    s.in = malloc(VL_TLS_BUF);
    wchar_t target[256];
    unsigned char ipb[16];
    size_t ipn;
    const wchar_t *tgt = NULL; /* no SNI for an address */
    if (!is_ip(host, ipb, &ipn) && MultiByteToWideChar(CP_UTF8, 0, host, -1, target,
                                                       (int)(sizeof target / sizeof *target)) > 0)
        tgt = target;
    if (!s.in) {
        rc = vl_error_set(VPNLINT_ENOMEM, "out of memory for the TLS buffer");
        goto out;
    }
    /* TLS 1.2 and, where this Schannel knows it, 1.3 (as the OpenSSL path) */
    SECURITY_STATUS st = SEC_E_UNSUPPORTED_FUNCTION;
#ifdef SP_PROT_TLS1_3_CLIENT
    st = acquire(&s, SP_PROT_TLS1_2_CLIENT | SP_PROT_TLS1_3_CLIENT);
#endif
    if (st != SEC_E_OK)
        st = acquire(&s, SP_PROT_TLS1_2_CLIENT);
    if (st != SEC_E_OK) {
        rc = vl_error_set(VPNLINT_ERROR,
                          "Schannel refused a TLS client credential (AcquireCredentialsHandle: "
                          "%s 0x%08lX)",
                          sec_name(st), (unsigned long)st);
        goto out;
    }
    s.have_cred = true;
    s.deadline = vl_now_ms() + t->timeout_ms;
    st = tls_handshake(&s, tgt, true, why, sizeof why);
    if (st != SEC_E_OK) {
        rc = vl_net_finding(r, w, "NET021", -1,
                            "%s (%s) TCP %u: the TLS handshake failed (%s); Windows fails with "
                            "error 0x80090326 or 809",
                            host, to.text, port, why);
        goto out;
    }
    if (QueryContextAttributesW(&s.ctx, SECPKG_ATTR_STREAM_SIZES, &s.sizes) != SEC_E_OK) {
        rc = vl_error_set(VPNLINT_ERROR, "Schannel did not report its stream sizes");
        goto out;
    }
    rc = check_cert(r, t, &s, host, port);
    if (rc == VPNLINT_OK)
        rc = sstp_post(r, t, &s, host, port, tgt);
out:
    tls_close(&s);
    closesocket(sock);
    return rc;
}

#else

typedef int vl_sstp_win_unused; /* ISO C: no empty translation unit */

#endif
