/* probe.h — internals of the network probe (issue 10).
 *
 *   ike.c      IKE_SA_INIT request builder and answer parser (pure, fuzzed)
 *   sha1.c     SHA-1 for the NAT_DETECTION notifies (own code: keeps the IKEv2
 *              probe free of OpenSSL, which base Unix builds may lack)
 *   net.c      portable sockets: name resolution, UDP exchange with
 *              retransmission and backoff, TCP connect with a timeout
 *   ike_probe.c  asks a server on UDP 500 and 4500, turns answers into NET findings
 *   sstp.c     TLS (OpenSSL; unsupported where built without it) + SSTP_DUPLEX_POST
 *   sstp_win.c the same on Windows: Schannel (SSPI) and CryptoAPI
 *   probe.c    vpnlint_probe(): targets from a profile, phonebook entry or host
 *
 * The probe never sends IKE_AUTH and never sends credentials: the IKE_SA_INIT
 * carries a random KE value of the right length (a fixed valid point for the
 * elliptic-curve groups), so no key is ever derived. */
#ifndef VL_PROBE_H
#define VL_PROBE_H

#include "core/internal.h"

/* ------------------------------------------------------------ IKEv2 ids */
#define VL_IKE_HDR_LEN 28
#define VL_IKE_MAX_MSG 65535

/* transform types */
#define VL_IKE_T_ENCR 1
#define VL_IKE_T_PRF 2
#define VL_IKE_T_INTEG 3
#define VL_IKE_T_DH 4

/* encryption */
#define VL_IKE_ENCR_DES 2
#define VL_IKE_ENCR_3DES 3
#define VL_IKE_ENCR_AES_CBC 12
#define VL_IKE_ENCR_AES_GCM_16 20
/* prf */
#define VL_IKE_PRF_MD5 1
#define VL_IKE_PRF_SHA1 2
#define VL_IKE_PRF_SHA256 5
#define VL_IKE_PRF_SHA384 6
/* integrity */
#define VL_IKE_INTEG_MD5_96 1
#define VL_IKE_INTEG_SHA1_96 2
#define VL_IKE_INTEG_SHA256_128 12
#define VL_IKE_INTEG_SHA384_192 13

/* notify types */
#define VL_IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD 1
#define VL_IKE_N_INVALID_SYNTAX 7
#define VL_IKE_N_NO_PROPOSAL_CHOSEN 14
#define VL_IKE_N_INVALID_KE_PAYLOAD 17
#define VL_IKE_N_NAT_DETECTION_SOURCE_IP 16388
#define VL_IKE_N_NAT_DETECTION_DESTINATION_IP 16389
#define VL_IKE_N_COOKIE 16390
#define VL_IKE_N_FRAGMENTATION_SUPPORTED 16430

#define VL_IKE_MAX_ALGS 6

/* One IKE proposal: a transform set, each type with one or more choices. */
typedef struct vl_ike_proposal {
    const char *label; /* "profile CryptographySuite", "Windows default ..." */
    uint16_t encr[VL_IKE_MAX_ALGS];
    uint16_t encr_keylen[VL_IKE_MAX_ALGS]; /* bits, 0 = no key length attribute */
    size_t n_encr;
    uint16_t prf[VL_IKE_MAX_ALGS];
    size_t n_prf;
    uint16_t integ[VL_IKE_MAX_ALGS]; /* empty for AEAD ciphers */
    size_t n_integ;
    uint16_t dh[VL_IKE_MAX_ALGS]; /* dh[0] is the group of the KE payload */
    size_t n_dh;
} vl_ike_proposal;

/* Names in words: "AES-256-GCM", "SHA-256 PRF", "DH group 14 (MODP 2048)". */
const char *vl_ike_encr_name(uint16_t id, uint16_t keylen, char *buf, size_t size);
const char *vl_ike_prf_name(uint16_t id);
const char *vl_ike_integ_name(uint16_t id);
const char *vl_ike_dh_name(uint16_t group);
const char *vl_ike_notify_name(uint16_t type);
/* Length of the KE public value for a group, 0 when unknown. */
size_t vl_ike_ke_len(uint16_t group);
/* "AES-256-GCM, SHA-256 PRF, DH group 14 (MODP 2048)"; several choices of a
 * type are joined with "/". Returns buf. */
const char *vl_ike_proposal_words(const vl_ike_proposal *p, char *buf, size_t size);

/* What one request carries besides the proposal. */
typedef struct vl_ike_request {
    uint8_t spi_i[8];
    uint8_t nonce[32];
    const uint8_t *cookie; /* COOKIE notify data to echo, or NULL */
    size_t cookie_len;
    uint8_t nat_src[20]; /* SHA-1(SPIi | 0^8 | our address | our port) */
    uint8_t nat_dst[20]; /* SHA-1(SPIi | 0^8 | server address | server port) */
    bool non_esp_marker; /* prefix 4 zero bytes (UDP 4500) */
} vl_ike_request;

/* Builds an IKE_SA_INIT request into buf (at most size bytes); returns its
 * length, or 0 when it does not fit or the proposal is empty or unknown. */
size_t vl_ike_build(uint8_t *buf, size_t size, const vl_ike_request *req,
                    const vl_ike_proposal *prop);

#define VL_IKE_MAX_NAT 4

/* A parsed IKE_SA_INIT answer. */
typedef struct vl_ike_answer {
    uint8_t spi_r[8];
    bool has_sa;
    vl_ike_proposal chosen; /* the server's choice (one of each type) */
    bool has_ke;
    uint16_t ke_group;
    bool has_nonce;
    uint16_t error;            /* first error notify (type < 16384), 0 if none */
    uint16_t invalid_ke_group; /* INVALID_KE_PAYLOAD: the group the server wants, 0 */
    bool has_cookie;
    uint8_t cookie[64];
    size_t cookie_len;
    bool frag_supported;
    size_t n_nat_src;
    uint8_t nat_src[VL_IKE_MAX_NAT][20];
    bool has_nat_dst;
    uint8_t nat_dst[20];
    unsigned n_vendor_ids;
    char problem[200]; /* why the answer is malformed ("" when fine) */
} vl_ike_answer;

/* Parse results */
#define VL_IKE_PARSE_OK 0
#define VL_IKE_PARSE_NOT_OURS 1 /* well-formed header, but not an answer to spi_i */
#define VL_IKE_PARSE_MALFORMED 2

/* Parses an answer to the request with initiator SPI spi_i. With
 * non_esp_marker the datagram must start with 4 zero bytes (UDP 4500).
 * Every length field is checked against the bytes received. */
int vl_ike_parse(vl_ike_answer *out, const uint8_t *buf, size_t len, const uint8_t spi_i[8],
                 bool non_esp_marker);

/* SHA-1 for the NAT detection hashes. */
void vl_sha1(const void *data, size_t len, uint8_t out[20]);

/* ------------------------------------------------------------- sockets */
typedef struct vl_addr {
    unsigned char ss[128]; /* struct sockaddr_storage */
    int len;
    int family;
    char text[64]; /* numeric address */
} vl_addr;

/* Initialises the socket layer once (Winsock); idempotent. */
int vl_net_init(void);
/* Resolves host (name or address) for port; errors go to *err. */
int vl_net_resolve(vl_addr *out, const char *host, unsigned port, bool tcp, char *err,
                   size_t err_size);
/* The address bytes and port of an address (for NAT detection). */
size_t vl_addr_bytes(const vl_addr *a, uint8_t out[16], uint16_t *port);

/* Outcome of a UDP exchange. */
typedef enum vl_udp_status {
    VL_UDP_ANSWER = 0,
    VL_UDP_TIMEOUT = 1,
    VL_UDP_REFUSED = 2, /* ICMP port unreachable */
    VL_UDP_ERROR = 3
} vl_udp_status;

/* Called with every datagram received; returns true when it is the answer. */
typedef bool (*vl_udp_accept_fn)(const uint8_t *data, size_t len, void *ctx);

/* A connected UDP socket to one server (ICMP errors surface on it). */
typedef struct vl_udp vl_udp;
int vl_udp_open(vl_udp **out, const vl_addr *to, vl_addr *local, char *err, size_t err_size);
void vl_udp_close(vl_udp *u);
/* Sends `req` and waits for a datagram the callback accepts, retransmitting
 * after 0.5 s, 1 s, 2 s, ... until timeout_ms has passed. *sent counts
 * transmissions. */
vl_udp_status vl_udp_exchange(vl_udp *u, const uint8_t *req, size_t req_len, unsigned timeout_ms,
                              vl_udp_accept_fn accept, void *ctx, unsigned *sent, char *err,
                              size_t err_size);

/* Milliseconds of a monotonic clock. */
uint64_t vl_now_ms(void);

/* --------------------------------------------------------- probe glue */
typedef struct vl_probe_target {
    const char *server;     /* host name or address as written in the profile */
    const char *where;      /* path for findings (profile, phonebook or host) */
    vl_ike_proposal *props; /* proposals to try */
    size_t n_props;
    bool from_profile_suite; /* props come from CryptographySuite */
    char **roots;            /* TrustedRootCA thumbprints (40 lowercase hex), or NULL */
    size_t n_roots;
    unsigned timeout_ms;
    unsigned ike_port, natt_port, sstp_port;
    const char *ca_file;
} vl_probe_target;

/* Runs the IKEv2 probe of one server; findings go to report. */
int vl_probe_ike(vpnlint_report *report, const vl_probe_target *t);
/* Runs the SSTP probe of one server (VPNLINT_EUNSUPPORTED on a non-Windows
 * build without OpenSSL). */
int vl_probe_sstp(vpnlint_report *report, const vl_probe_target *t);

/* Adds a NET finding (severity < 0: the rule's default). */
int vl_net_finding(vpnlint_report *report, const char *where, const char *rule_id, int severity,
                   const char *fmt, ...) VL_PRINTF(5, 6);

/* Windows' default IKEv2 proposal sets (no CryptographySuite). */
size_t vl_ike_default_proposals(vl_ike_proposal *out, size_t max);

/* SSTP over HTTP (sstp_http.c), shared by both TLS stacks: the request
 * (returns its length, 0 when the name is too long, -1 when no randomness),
 * and the finding for the answer (resp must have room for a NUL at got). */
int vl_sstp_request(char *req, size_t size, const char *host);
/* NET024 when the profile lists TrustedRootCA thumbprints and the chain's top
 * (thumbprint: 40 lowercase hex) is not a root or not listed. */
int vl_sstp_root_finding(vpnlint_report *r, const vl_probe_target *t, const char *host,
                         unsigned port, bool self_signed, const char *thumbprint,
                         const char *subject);
int vl_sstp_answer(vpnlint_report *r, const vl_probe_target *t, const char *host, unsigned port,
                   char *resp, size_t got);

#endif
