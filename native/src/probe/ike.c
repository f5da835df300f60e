/* ike.c — IKEv2 IKE_SA_INIT request builder and answer parser (RFC 7296).
 *
 * The builder writes SA (one proposal), KE, Ni, NAT_DETECTION_SOURCE_IP,
 * NAT_DETECTION_DESTINATION_IP and IKEV2_FRAGMENTATION_SUPPORTED (RFC 7383),
 * preceded by COOKIE when the server asked for one. The parser reads an
 * untrusted datagram: every length (header, payload, proposal, transform,
 * attribute, notify) is checked against what remains before it is used. */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------- names */

const char *vl_ike_encr_name(uint16_t id, uint16_t keylen, char *buf, size_t size)
{
    switch (id) {
    case VL_IKE_ENCR_DES:
        snprintf(buf, size, "DES");
        break;
    case VL_IKE_ENCR_3DES:
        snprintf(buf, size, "3DES");
        break;
    case VL_IKE_ENCR_AES_CBC:
        snprintf(buf, size, "AES-%u-CBC", keylen ? keylen : 128u);
        break;
    case VL_IKE_ENCR_AES_GCM_16:
        snprintf(buf, size, "AES-%u-GCM", keylen ? keylen : 128u);
        break;
    default:
        snprintf(buf, size, "cipher %u", id);
        break;
    }
    return buf;
}

const char *vl_ike_prf_name(uint16_t id)
{
    switch (id) {
    case VL_IKE_PRF_MD5:
        return "MD5";
    case VL_IKE_PRF_SHA1:
        return "SHA-1";
    case VL_IKE_PRF_SHA256:
        return "SHA-256";
    case VL_IKE_PRF_SHA384:
        return "SHA-384";
    case 7:
        return "SHA-512";
    default:
        return "unknown PRF";
    }
}

const char *vl_ike_integ_name(uint16_t id)
{
    switch (id) {
    case VL_IKE_INTEG_MD5_96:
        return "HMAC-MD5-96";
    case VL_IKE_INTEG_SHA1_96:
        return "HMAC-SHA1-96";
    case VL_IKE_INTEG_SHA256_128:
        return "HMAC-SHA-256-128";
    case VL_IKE_INTEG_SHA384_192:
        return "HMAC-SHA-384-192";
    case 14:
        return "HMAC-SHA-512-256";
    default:
        return "unknown integrity";
    }
}

const char *vl_ike_dh_name(uint16_t group)
{
    switch (group) {
    case 1:
        return "DH group 1 (MODP 768)";
    case 2:
        return "DH group 2 (MODP 1024)";
    case 5:
        return "DH group 5 (MODP 1536)";
    case 14:
        return "DH group 14 (MODP 2048)";
    case 15:
        return "DH group 15 (MODP 3072)";
    case 16:
        return "DH group 16 (MODP 4096)";
    case 19:
        return "DH group 19 (ECP 256)";
    case 20:
        return "DH group 20 (ECP 384)";
    case 21:
        return "DH group 21 (ECP 521)";
    case 24:
        return "DH group 24 (MODP 2048, 256-bit subgroup)";
    case 31:
        return "DH group 31 (Curve25519)";
    default:
        return "an unknown DH group";
    }
}

const char *vl_ike_notify_name(uint16_t type)
{
    switch (type) {
    case 1:
        return "UNSUPPORTED_CRITICAL_PAYLOAD";
    case 4:
        return "INVALID_IKE_SPI";
    case 5:
        return "INVALID_MAJOR_VERSION";
    case 7:
        return "INVALID_SYNTAX";
    case 9:
        return "INVALID_MESSAGE_ID";
    case 11:
        return "INVALID_SPI";
    case 14:
        return "NO_PROPOSAL_CHOSEN";
    case 17:
        return "INVALID_KE_PAYLOAD";
    case 24:
        return "AUTHENTICATION_FAILED";
    case 43:
        return "TEMPORARY_FAILURE";
    case 44:
        return "CHILD_SA_NOT_FOUND";
    default:
        return type < 16384 ? "an error notify" : "a status notify";
    }
}

size_t vl_ike_ke_len(uint16_t group)
{
    switch (group) {
    case 1:
        return 96;
    case 2:
        return 128;
    case 5:
        return 192;
    case 14:
    case 24:
        return 256;
    case 15:
        return 384;
    case 16:
        return 512;
    case 19:
        return 64;
    case 20:
        return 96;
    default:
        return 0;
    }
}

static void join_ids(vl_buf *b, const uint16_t *ids, const uint16_t *keylens, size_t n,
                     const char *(*name)(uint16_t))
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            vl_buf_putc(b, '/');
        if (keylens) {
            char tmp[32];
            vl_buf_puts(b, vl_ike_encr_name(ids[i], keylens[i], tmp, sizeof tmp));
        } else {
            vl_buf_puts(b, name(ids[i]));
        }
    }
}

const char *vl_ike_proposal_words(const vl_ike_proposal *p, char *buf, size_t size)
{
    vl_buf b = VL_BUF_INIT;
    join_ids(&b, p->encr, p->encr_keylen, p->n_encr, NULL);
    if (p->n_integ) {
        vl_buf_puts(&b, ", ");
        join_ids(&b, p->integ, NULL, p->n_integ, vl_ike_integ_name);
        vl_buf_puts(&b, " integrity");
    }
    vl_buf_puts(&b, ", ");
    join_ids(&b, p->prf, NULL, p->n_prf, vl_ike_prf_name);
    vl_buf_puts(&b, " PRF, ");
    if (p->n_dh == 1) {
        vl_buf_puts(&b, vl_ike_dh_name(p->dh[0]));
    } else {
        vl_buf_puts(&b, "DH groups ");
        for (size_t i = 0; i < p->n_dh; i++)
            vl_buf_printf(&b, "%s%u", i ? "/" : "", p->dh[i]);
    }
    if (size) {
        size_t n = vl_buf_ok(&b) ? b.len : 0;
        if (n >= size)
            n = size - 1;
        if (n)
            memcpy(buf, b.data, n);
        buf[n] = '\0';
    }
    vl_buf_free(&b);
    return buf;
}

/* ---------------------------------------------------------- builder */

/* A valid public point for each elliptic-curve group (x | y, RFC 5903):
 * servers check the point is on the curve before they answer. */
static const uint8_t ecp256_point[64] = {
    0xb2, 0x19, 0x97, 0x7b, 0x14, 0xf5, 0xdf, 0xec, 0xb6, 0x9f, 0xa7, 0x3f, 0x37, 0x6d, 0x9e, 0xd7,
    0x8f, 0x42, 0x70, 0x08, 0x7b, 0x3e, 0x06, 0xde, 0x38, 0xed, 0x9e, 0x19, 0xc0, 0x44, 0x9a, 0xbc,
    0x25, 0x37, 0x64, 0x9b, 0x77, 0x40, 0x6d, 0x38, 0xb6, 0x52, 0xc3, 0x18, 0x08, 0xcb, 0x5e, 0x49,
    0xa2, 0xc9, 0x25, 0x91, 0x75, 0x03, 0xf0, 0x29, 0x76, 0xa5, 0x47, 0x08, 0x8a, 0x28, 0xc8, 0x2e};
static const uint8_t ecp384_point[96] = {
    0x95, 0xd9, 0x7e, 0x37, 0xe9, 0xa1, 0x4a, 0x6a, 0x50, 0x3a, 0x4d, 0x7f, 0x4e, 0xc6, 0x95, 0x0f,
    0x4b, 0x26, 0xb0, 0x3f, 0x38, 0x26, 0x80, 0xaf, 0xa3, 0x52, 0xe9, 0x27, 0x0a, 0x35, 0x50, 0xe7,
    0xe9, 0x36, 0xfc, 0x77, 0x03, 0x3c, 0xf7, 0x9c, 0x80, 0xba, 0xbc, 0x8b, 0x87, 0x27, 0xd4, 0x26,
    0xc9, 0x0e, 0x6d, 0x67, 0x49, 0x9d, 0xe5, 0xf4, 0xcf, 0xba, 0x91, 0x43, 0x6c, 0x19, 0x4c, 0x53,
    0x1e, 0x93, 0x36, 0xb3, 0xf7, 0x50, 0x45, 0xf9, 0xde, 0xc3, 0x26, 0x7b, 0xcb, 0xfc, 0x08, 0x08,
    0x6f, 0xcf, 0xeb, 0xc0, 0x35, 0x97, 0x43, 0xef, 0x4d, 0x42, 0x14, 0x2a, 0x59, 0x4c, 0x0a, 0x4d};

typedef struct wr {
    uint8_t *p;
    size_t size, len;
    bool ok;
} wr;

static void put(wr *w, const void *d, size_t n)
{
    if (!w->ok || n > w->size - w->len) {
        w->ok = false;
        return;
    }
    if (n)
        memcpy(w->p + w->len, d, n);
    w->len += n;
}
static void put8(wr *w, unsigned v)
{
    uint8_t b = (uint8_t)v;
    put(w, &b, 1);
}
static void put16(wr *w, unsigned v)
{
    uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    put(w, b, 2);
}
static void patch16(wr *w, size_t at, size_t v)
{
    if (w->ok && at + 2 <= w->len) {
        w->p[at] = (uint8_t)(v >> 8);
        w->p[at + 1] = (uint8_t)v;
    }
}

/* Opens a payload: writes the generic header with a placeholder length and
 * returns where it starts. The previous payload's next-payload byte is
 * patched through *next_at. */
static size_t open_payload(wr *w, size_t *next_at, unsigned type)
{
    if (w->ok && *next_at < w->len)
        w->p[*next_at] = (uint8_t)type;
    size_t at = w->len;
    *next_at = at;
    put8(w, 0); /* next payload: patched by the next one */
    put8(w, 0);
    put16(w, 0);
    return at;
}
static void close_payload(wr *w, size_t at)
{
    patch16(w, at + 2, w->len - at);
}

static void put_transform(wr *w, bool last, unsigned type, unsigned id, unsigned keylen)
{
    put8(w, last ? 0 : 3);
    put8(w, 0);
    put16(w, keylen ? 12 : 8);
    put8(w, type);
    put8(w, 0);
    put16(w, id);
    if (keylen) {
        put16(w, 0x800E); /* Key Length, TV format */
        put16(w, keylen);
    }
}

static void put_notify(wr *w, size_t *next_at, unsigned type, const void *data, size_t n)
{
    size_t at = open_payload(w, next_at, 41);
    put8(w, 0); /* protocol: none */
    put8(w, 0); /* SPI size */
    put16(w, type);
    put(w, data, n);
    close_payload(w, at);
}

size_t vl_ike_build(uint8_t *buf, size_t size, const vl_ike_request *req,
                    const vl_ike_proposal *prop)
{
    if (!prop->n_encr || !prop->n_prf || !prop->n_dh)
        return 0;
    size_t ke_len = vl_ike_ke_len(prop->dh[0]);
    if (!ke_len)
        return 0;
    size_t n_tr = prop->n_encr + prop->n_prf + prop->n_integ + prop->n_dh;
    wr w = {buf, size, 0, true};
    size_t marker = 0;
    if (req->non_esp_marker) {
        put(&w, "\0\0\0\0", 4);
        marker = 4;
    }
    /* header */
    put(&w, req->spi_i, 8);
    put(&w, "\0\0\0\0\0\0\0\0", 8);
    size_t next_at = w.len;
    put8(&w, 0);            /* first payload: patched */
    put8(&w, 0x20);         /* version 2.0 */
    put8(&w, 34);           /* IKE_SA_INIT */
    put8(&w, 0x08);         /* initiator */
    put(&w, "\0\0\0\0", 4); /* message ID 0 */
    put(&w, "\0\0\0\0", 4); /* length: patched */
    if (req->cookie && req->cookie_len)
        put_notify(&w, &next_at, VL_IKE_N_COOKIE, req->cookie, req->cookie_len);
    /* SA */
    size_t sa = open_payload(&w, &next_at, 33);
    size_t prop_at = w.len;
    put8(&w, 0); /* last proposal */
    put8(&w, 0);
    put16(&w, 0); /* proposal length: patched */
    put8(&w, 1);  /* proposal number */
    put8(&w, 1);  /* protocol: IKE */
    put8(&w, 0);  /* SPI size */
    put8(&w, (unsigned)n_tr);
    size_t k = 0;
    for (size_t i = 0; i < prop->n_encr; i++)
        put_transform(&w, ++k == n_tr, VL_IKE_T_ENCR, prop->encr[i], prop->encr_keylen[i]);
    for (size_t i = 0; i < prop->n_prf; i++)
        put_transform(&w, ++k == n_tr, VL_IKE_T_PRF, prop->prf[i], 0);
    for (size_t i = 0; i < prop->n_integ; i++)
        put_transform(&w, ++k == n_tr, VL_IKE_T_INTEG, prop->integ[i], 0);
    for (size_t i = 0; i < prop->n_dh; i++)
        put_transform(&w, ++k == n_tr, VL_IKE_T_DH, prop->dh[i], 0);
    patch16(&w, prop_at + 2, w.len - prop_at);
    close_payload(&w, sa);
    /* KE: a value of the right length; never used to derive a key */
    size_t ke = open_payload(&w, &next_at, 34);
    put16(&w, prop->dh[0]);
    put16(&w, 0);
    if (prop->dh[0] == 19) {
        put(&w, ecp256_point, sizeof ecp256_point);
    } else if (prop->dh[0] == 20) {
        put(&w, ecp384_point, sizeof ecp384_point);
    } else if (w.ok && ke_len <= w.size - w.len) {
        uint8_t *v = w.p + w.len;
        /* derived from the nonce: below the MODP prime (which starts with
         * 0xFF bytes) and above 1 */
        for (size_t i = 0; i < ke_len; i++)
            v[i] = (uint8_t)(req->nonce[i % 32] ^ (uint8_t)(i * 151u));
        v[0] = (uint8_t)(0x40 | (v[0] & 0x3F));
        w.len += ke_len;
    } else {
        w.ok = false;
    }
    close_payload(&w, ke);
    /* Ni */
    size_t ni = open_payload(&w, &next_at, 40);
    put(&w, req->nonce, sizeof req->nonce);
    close_payload(&w, ni);
    put_notify(&w, &next_at, VL_IKE_N_NAT_DETECTION_SOURCE_IP, req->nat_src, 20);
    put_notify(&w, &next_at, VL_IKE_N_NAT_DETECTION_DESTINATION_IP, req->nat_dst, 20);
    put_notify(&w, &next_at, VL_IKE_N_FRAGMENTATION_SUPPORTED, NULL, 0);
    if (!w.ok)
        return 0;
    size_t total = w.len - marker;
    uint8_t *h = w.p + marker;
    h[24] = (uint8_t)(total >> 24);
    h[25] = (uint8_t)(total >> 16);
    h[26] = (uint8_t)(total >> 8);
    h[27] = (uint8_t)total;
    return w.len;
}

/* ----------------------------------------------------------- parser */

static unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}
static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int bad(vl_ike_answer *a, const char *fmt, ...) VL_PRINTF(2, 3);
static int bad(vl_ike_answer *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->problem, sizeof a->problem, fmt, ap);
    va_end(ap);
    return VL_IKE_PARSE_MALFORMED;
}

static int parse_sa(vl_ike_answer *a, const uint8_t *p, size_t n)
{
    /* an answer carries exactly one proposal */
    if (n < 8)
        return bad(a, "SA payload too short for a proposal (%zu bytes)", n);
    size_t plen = rd16(p + 2);
    if (plen < 8 || plen > n)
        return bad(a, "proposal length %zu does not fit the SA payload (%zu bytes)", plen, n);
    if (p[0] != 0 || plen != n)
        return bad(a, "the answer's SA payload holds more than one proposal");
    if (p[5] != 1)
        return bad(a, "the answer's proposal is for protocol %u, not IKE", p[5]);
    size_t spi = p[6], ntr = p[7];
    if (8 + spi > plen)
        return bad(a, "proposal SPI size %zu does not fit the proposal", spi);
    size_t off = 8 + spi;
    vl_ike_proposal *c = &a->chosen;
    for (size_t t = 0; t < ntr; t++) {
        if (plen - off < 8)
            return bad(a, "transform %zu of %zu is cut off", t + 1, ntr);
        const uint8_t *tr = p + off;
        size_t tlen = rd16(tr + 2);
        if (tlen < 8 || tlen > plen - off)
            return bad(a, "transform length %zu does not fit the proposal", tlen);
        bool last = t + 1 == ntr;
        if ((last && tr[0] != 0) || (!last && tr[0] != 3))
            return bad(a, "transform count (%zu) and last-transform marks disagree", ntr);
        unsigned type = tr[4], id = rd16(tr + 6);
        unsigned keylen = 0;
        size_t ao = 8;
        while (ao < tlen) {
            if (tlen - ao < 4)
                return bad(a, "transform attribute is cut off");
            unsigned at = rd16(tr + ao);
            if (at & 0x8000) {
                if ((at & 0x7FFF) == 14)
                    keylen = rd16(tr + ao + 2);
                ao += 4;
            } else {
                size_t alen = rd16(tr + ao + 2);
                if (alen > tlen - ao - 4)
                    return bad(a, "transform attribute length %zu does not fit", alen);
                ao += 4 + alen;
            }
        }
        switch (type) {
        case VL_IKE_T_ENCR:
            if (c->n_encr < VL_IKE_MAX_ALGS) {
                c->encr_keylen[c->n_encr] = (uint16_t)keylen;
                c->encr[c->n_encr++] = (uint16_t)id;
            }
            break;
        case VL_IKE_T_PRF:
            if (c->n_prf < VL_IKE_MAX_ALGS)
                c->prf[c->n_prf++] = (uint16_t)id;
            break;
        case VL_IKE_T_INTEG:
            if (id != 0 && c->n_integ < VL_IKE_MAX_ALGS)
                c->integ[c->n_integ++] = (uint16_t)id;
            break;
        case VL_IKE_T_DH:
            if (c->n_dh < VL_IKE_MAX_ALGS)
                c->dh[c->n_dh++] = (uint16_t)id;
            break;
        default:
            break;
        }
        off += tlen;
    }
    if (off != plen)
        return bad(a, "%zu bytes after the last transform of the proposal", plen - off);
    if (!c->n_encr || !c->n_prf || !c->n_dh)
        return bad(a, "the accepted proposal lacks a cipher, PRF or DH group");
    a->has_sa = true;
    return VL_IKE_PARSE_OK;
}

static int parse_notify(vl_ike_answer *a, const uint8_t *p, size_t n)
{
    if (n < 4)
        return bad(a, "notify payload too short (%zu bytes)", n);
    size_t spi = p[1];
    unsigned type = rd16(p + 2);
    if (4 + spi > n)
        return bad(a, "notify SPI size %zu does not fit the payload", spi);
    const uint8_t *d = p + 4 + spi;
    size_t dn = n - 4 - spi;
    switch (type) {
    case VL_IKE_N_INVALID_KE_PAYLOAD:
        if (dn != 2)
            return bad(a, "INVALID_KE_PAYLOAD carries %zu bytes, not a 2-byte DH group", dn);
        a->invalid_ke_group = (uint16_t)rd16(d);
        break;
    case VL_IKE_N_COOKIE:
        if (dn < 1 || dn > sizeof a->cookie)
            return bad(a, "COOKIE of %zu bytes (1 to 64 allowed)", dn);
        memcpy(a->cookie, d, dn);
        a->cookie_len = dn;
        a->has_cookie = true;
        return VL_IKE_PARSE_OK;
    case VL_IKE_N_FRAGMENTATION_SUPPORTED:
        a->frag_supported = true;
        return VL_IKE_PARSE_OK;
    case VL_IKE_N_NAT_DETECTION_SOURCE_IP:
        if (dn != 20)
            return bad(a, "NAT_DETECTION_SOURCE_IP of %zu bytes, not a 20-byte SHA-1", dn);
        if (a->n_nat_src < VL_IKE_MAX_NAT)
            memcpy(a->nat_src[a->n_nat_src++], d, 20);
        return VL_IKE_PARSE_OK;
    case VL_IKE_N_NAT_DETECTION_DESTINATION_IP:
        if (dn != 20)
            return bad(a, "NAT_DETECTION_DESTINATION_IP of %zu bytes, not a 20-byte SHA-1", dn);
        memcpy(a->nat_dst, d, 20);
        a->has_nat_dst = true;
        return VL_IKE_PARSE_OK;
    default:
        break;
    }
    if (type < 16384 && !a->error)
        a->error = (uint16_t)type;
    return VL_IKE_PARSE_OK;
}

int vl_ike_parse(vl_ike_answer *a, const uint8_t *buf, size_t len, const uint8_t spi_i[8],
                 bool non_esp_marker)
{
    memset(a, 0, sizeof *a);
    if (non_esp_marker) {
        if (len < 4)
            return bad(a, "%zu bytes: too short even for the non-ESP marker", len);
        if (rd32(buf) != 0)
            return bad(a, "the datagram on UDP 4500 does not start with the non-ESP marker");
        buf += 4;
        len -= 4;
    }
    if (len < VL_IKE_HDR_LEN)
        return bad(a, "%zu bytes: shorter than an IKE header (28 bytes)", len);
    if (memcmp(buf, spi_i, 8) != 0)
        return VL_IKE_PARSE_NOT_OURS;
    if ((buf[17] >> 4) != 2)
        return bad(a, "IKE major version %u, not 2", buf[17] >> 4);
    if (buf[18] != 34)
        return bad(a, "exchange type %u, not IKE_SA_INIT (34)", buf[18]);
    if (!(buf[19] & 0x20))
        return bad(a, "the message is not marked as a response");
    if (rd32(buf + 20) != 0)
        return bad(a, "message ID %lu, not 0", (unsigned long)rd32(buf + 20));
    uint32_t total = rd32(buf + 24);
    if (total != len)
        return bad(a, "%s: the header says %lu bytes, %zu arrived",
                   total > len ? "truncated" : "trailing bytes", (unsigned long)total, len);
    memcpy(a->spi_r, buf + 8, 8);
    unsigned next = buf[16];
    size_t off = VL_IKE_HDR_LEN;
    unsigned count = 0;
    while (next != 0) {
        if (len - off < 4)
            return bad(a, "payload %u (type %u) is cut off after %zu bytes", count + 1, next, off);
        const uint8_t *p = buf + off;
        size_t plen = rd16(p + 2);
        if (plen < 4 || plen > len - off)
            return bad(a, "payload %u (type %u) says %zu bytes, %zu remain", count + 1, next, plen,
                       len - off);
        const uint8_t *body = p + 4;
        size_t n = plen - 4;
        int rc = VL_IKE_PARSE_OK;
        switch (next) {
        case 33: /* SA */
            if (a->has_sa)
                return bad(a, "more than one SA payload");
            rc = parse_sa(a, body, n);
            break;
        case 34: /* KE */
            if (n < 4)
                return bad(a, "KE payload too short (%zu bytes)", n);
            a->ke_group = (uint16_t)rd16(body);
            if (vl_ike_ke_len(a->ke_group) && n - 4 != vl_ike_ke_len(a->ke_group))
                return bad(a, "KE value of %zu bytes for %s (%zu expected)", n - 4,
                           vl_ike_dh_name(a->ke_group), vl_ike_ke_len(a->ke_group));
            a->has_ke = true;
            break;
        case 40: /* Nr */
            if (n < 16 || n > 256)
                return bad(a, "nonce of %zu bytes (16 to 256 allowed)", n);
            a->has_nonce = true;
            break;
        case 41: /* N */
            rc = parse_notify(a, body, n);
            break;
        case 43: /* V */
            a->n_vendor_ids++;
            break;
        case 38: /* CERTREQ */
            break;
        case 46:
        case 53:
            return bad(a, "encrypted payload in IKE_SA_INIT");
        default:
            if (p[1] & 0x80)
                return bad(a, "unknown critical payload type %u", next);
            break;
        }
        if (rc != VL_IKE_PARSE_OK)
            return rc;
        next = p[0];
        off += plen;
        count++;
    }
    if (off != len)
        return bad(a, "%zu bytes after the last payload", len - off);
    if (!a->error && !a->has_cookie) {
        if (!a->has_sa)
            return bad(a, "neither an SA payload nor an error notify");
        if (!a->has_ke || !a->has_nonce)
            return bad(a, "the accepting answer lacks its KE or nonce payload");
    }
    return VL_IKE_PARSE_OK;
}
