/* net.c — the probe's sockets: BSD sockets on Linux, Winsock on Windows.
 * One connected UDP socket per exchange (so ICMP port unreachable comes back
 * as an error), retransmission with backoff, a hard overall deadline. */
#if !defined(_WIN32) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
typedef SOCKET vl_sock;
#define VL_BAD_SOCK INVALID_SOCKET
#define vl_close closesocket
static int sock_err(void)
{
    return WSAGetLastError();
}
#define VL_EREFUSED WSAECONNREFUSED
#define VL_ERESET WSAECONNRESET
#else
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
typedef int vl_sock;
#define VL_BAD_SOCK (-1)
#define vl_close close
static int sock_err(void)
{
    return errno;
}
#define VL_EREFUSED ECONNREFUSED
#define VL_ERESET ECONNRESET
#endif

uint64_t vl_now_ms(void)
{
#ifdef _WIN32
    return (uint64_t)GetTickCount64();
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
#endif
}

int vl_net_init(void)
{
#ifdef _WIN32
    static int done;
    if (!done) {
        WSADATA wsa;
        int rc = WSAStartup(MAKEWORD(2, 2), &wsa);
        if (rc != 0)
            return vl_error_set(VPNLINT_ERROR, "Winsock did not start (WSAStartup error %d)", rc);
        done = 1;
    }
#endif
    return VPNLINT_OK;
}

static void addr_text(vl_addr *a)
{
    a->text[0] = '\0';
    char host[sizeof a->text];
    if (getnameinfo((const struct sockaddr *)a->ss, (socklen_t)a->len, host, sizeof host, NULL, 0,
                    NI_NUMERICHOST) == 0)
        memcpy(a->text, host, sizeof a->text);
}

int vl_net_resolve(vl_addr *out, const char *host, unsigned port, bool tcp, char *err,
                   size_t err_size)
{
    memset(out, 0, sizeof *out);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = tcp ? SOCK_STREAM : SOCK_DGRAM;
    char ports[8];
    snprintf(ports, sizeof ports, "%u", port);
    int rc = getaddrinfo(host, ports, &hints, &res);
    if (rc != 0 || !res) {
#ifdef _WIN32
        snprintf(err, err_size, "Windows socket error %d", rc);
#else
        snprintf(err, err_size, "%s", gai_strerror(rc));
#endif
        if (res)
            freeaddrinfo(res);
        return VPNLINT_ENOTFOUND;
    }
    /* prefer IPv4 (what most VPN servers publish), else the first answer */
    struct addrinfo *pick = res;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next)
        if (ai->ai_family == AF_INET) {
            pick = ai;
            break;
        }
    if (pick->ai_addrlen > sizeof out->ss) {
        freeaddrinfo(res);
        snprintf(err, err_size, "address too long");
        return VPNLINT_ERROR;
    }
    memcpy(out->ss, pick->ai_addr, pick->ai_addrlen);
    out->len = (int)pick->ai_addrlen;
    out->family = pick->ai_family;
    freeaddrinfo(res);
    addr_text(out);
    return VPNLINT_OK;
}

size_t vl_addr_bytes(const vl_addr *a, uint8_t out[16], uint16_t *port)
{
    if (a->family == AF_INET) {
        struct sockaddr_in s;
        memcpy(&s, a->ss, sizeof s);
        memcpy(out, &s.sin_addr, 4);
        *port = ntohs(s.sin_port);
        return 4;
    }
    if (a->family == AF_INET6) {
        struct sockaddr_in6 s;
        memcpy(&s, a->ss, sizeof s);
        memcpy(out, &s.sin6_addr, 16);
        *port = ntohs(s.sin6_port);
        return 16;
    }
    *port = 0;
    return 0;
}

/* Waits up to ms for the socket to become readable: 1 ready, 2 error
 * pending (POLLERR/POLLHUP only), 0 timeout, -1 failure. */
static int wait_readable(vl_sock s, unsigned ms)
{
#ifdef _WIN32
    WSAPOLLFD p;
    p.fd = s;
    p.events = POLLRDNORM;
    p.revents = 0;
    int rc = WSAPoll(&p, 1, (INT)ms);
    bool readable = (p.revents & POLLRDNORM) != 0;
#else
    struct pollfd p;
    p.fd = s;
    p.events = POLLIN;
    p.revents = 0;
    int rc;
    do
        rc = poll(&p, 1, (int)ms);
    while (rc < 0 && errno == EINTR);
    bool readable = (p.revents & POLLIN) != 0;
#endif
    if (rc < 0)
        return -1;
    if (rc == 0)
        return 0;
    return readable ? 1 : 2;
}

static int set_nonblocking(vl_sock s)
{
#ifdef _WIN32
    u_long on = 1;
    return ioctlsocket(s, FIONBIO, &on) == 0 ? 0 : -1;
#else
    int fl = fcntl(s, F_GETFL, 0);
    return fl >= 0 && fcntl(s, F_SETFL, fl | O_NONBLOCK) == 0 ? 0 : -1;
#endif
}

static bool would_block(int e)
{
#ifdef _WIN32
    return e == WSAEWOULDBLOCK;
#else
    return e == EAGAIN || e == EWOULDBLOCK || e == EINTR;
#endif
}

struct vl_udp {
    vl_sock s;
    uint8_t *buf;
    size_t cap;
};

int vl_udp_open(vl_udp **out, const vl_addr *to, vl_addr *local, char *err, size_t err_size)
{
    *out = NULL;
    err[0] = '\0';
    vl_udp *u = vl_calloc(1, sizeof *u);
    if (!u)
        return vl_error_oom();
    u->cap = VL_IKE_MAX_MSG + 64;
    u->buf = vl_malloc(u->cap);
    if (!u->buf) {
        vpnlint_free(u);
        return vl_error_oom();
    }
    u->s = socket(to->family, SOCK_DGRAM, IPPROTO_UDP);
    if (u->s == VL_BAD_SOCK) {
        snprintf(err, err_size, "cannot create a UDP socket (error %d)", sock_err());
        goto fail;
    }
    /* never block in recv: a poll that reports only an error must not hang */
    if (set_nonblocking(u->s) != 0) {
        snprintf(err, err_size, "cannot make the socket non-blocking (error %d)", sock_err());
        goto fail;
    }
    /* connected: only the server's datagrams arrive, ICMP errors surface */
    if (connect(u->s, (const struct sockaddr *)to->ss, (socklen_t)to->len) != 0) {
        snprintf(err, err_size, "cannot address %s (error %d)", to->text, sock_err());
        goto fail;
    }
    memset(local, 0, sizeof *local);
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    if (getsockname(u->s, (struct sockaddr *)&ss, &sl) != 0 || (size_t)sl > sizeof local->ss) {
        snprintf(err, err_size, "cannot read the local address (error %d)", sock_err());
        goto fail;
    }
    memcpy(local->ss, &ss, sl);
    local->len = (int)sl;
    local->family = ss.ss_family;
    addr_text(local);
    *out = u;
    return VPNLINT_OK;
fail:
    vl_udp_close(u);
    return VPNLINT_ERROR;
}

void vl_udp_close(vl_udp *u)
{
    if (!u)
        return;
    if (u->s != VL_BAD_SOCK)
        vl_close(u->s);
    vpnlint_free(u->buf);
    vpnlint_free(u);
}

vl_udp_status vl_udp_exchange(vl_udp *u, const uint8_t *req, size_t req_len, unsigned timeout_ms,
                              vl_udp_accept_fn accept, void *ctx, unsigned *sent, char *err,
                              size_t err_size)
{
    *sent = 0;
    err[0] = '\0';
    uint64_t start = vl_now_ms(), deadline = start + timeout_ms;
    unsigned backoff = 500;
    uint64_t next_send = start;
    for (;;) {
        uint64_t now = vl_now_ms();
        if (now >= deadline)
            return VL_UDP_TIMEOUT;
        if (now >= next_send) {
            (void)send(u->s, (const char *)req, (int)req_len, 0);
            (*sent)++;
            next_send = now + backoff;
            if (backoff < 8000)
                backoff *= 2;
        }
        uint64_t until = next_send < deadline ? next_send : deadline;
        unsigned wait = until > now ? (unsigned)(until - now) : 0;
        int r = wait_readable(u->s, wait);
        if (r < 0) {
            snprintf(err, err_size, "waiting for an answer failed (error %d)", sock_err());
            return VL_UDP_ERROR;
        }
        if (r == 0)
            continue;
        int n = (int)recv(u->s, (char *)u->buf, (int)u->cap, 0);
        if (n < 0) {
            int e = sock_err();
            if (e == VL_EREFUSED || e == VL_ERESET)
                return VL_UDP_REFUSED;
            if (would_block(e)) {
                if (r == 2) /* an error without a datagram: ICMP unreachable */
                    return VL_UDP_REFUSED;
                continue;
            }
            snprintf(err, err_size, "receiving failed (error %d)", e);
            return VL_UDP_ERROR;
        }
        if (accept(u->buf, (size_t)n, ctx))
            return VL_UDP_ANSWER;
    }
}
