/* ike_probe.c — asks one server, over UDP 500 and 4500, which of the
 * profile's IKEv2 proposals it accepts, and turns the answers into NET
 * findings. Only IKE_SA_INIT is ever sent: no IKE_AUTH, no identity, no
 * credential. When a proposal is rejected, up to three more IKE_SA_INITs
 * find out what the server would take (the DH group it wants, or a whole
 * transform set), so the finding can say what to change. */
#include "probe/probe.h"

#include <stdio.h>
#include <string.h>

typedef enum ex_status {
    EX_ANSWER,    /* a well-formed answer (accepting, error notify) */
    EX_TIMEOUT,   /* nothing within the timeout */
    EX_REFUSED,   /* ICMP port unreachable */
    EX_MALFORMED, /* an answer that does not parse */
    EX_ERROR      /* local socket error */
} ex_status;

typedef struct ex_ctx {
    uint8_t spi_i[8];
    bool marker;
    vl_ike_answer *ans;
    int parse_rc;
} ex_ctx;

static bool accept_answer(const uint8_t *data, size_t len, void *vctx)
{
    ex_ctx *c = vctx;
    int rc = vl_ike_parse(c->ans, data, len, c->spi_i, c->marker);
    if (rc == VL_IKE_PARSE_NOT_OURS)
        return false; /* a late answer to an earlier request: keep waiting */
    c->parse_rc = rc;
    return true;
}

static void nat_hash(const uint8_t spi_i[8], const uint8_t spi_r[8], const vl_addr *a,
                     uint8_t out[20])
{
    uint8_t buf[8 + 8 + 16 + 2], ip[16];
    uint16_t port;
    size_t n = vl_addr_bytes(a, ip, &port);
    memcpy(buf, spi_i, 8);
    memcpy(buf + 8, spi_r, 8);
    memcpy(buf + 16, ip, n);
    buf[16 + n] = (uint8_t)(port >> 8);
    buf[17 + n] = (uint8_t)port;
    vl_sha1(buf, 18 + n, out);
}

typedef struct ex_result {
    ex_status status;
    vl_ike_answer ans;
    bool cookie_used;
    bool nat_client, nat_server, nat_known;
    unsigned sent;
    char detail[160];
} ex_result;

/* One IKE_SA_INIT exchange (plus one resend when the server asks for a COOKIE). */
static void exchange(const vl_addr *to, const vl_ike_proposal *p, bool marker, unsigned timeout_ms,
                     ex_result *r)
{
    memset(r, 0, sizeof *r);
    vl_udp *u = NULL;
    vl_addr local;
    if (vl_udp_open(&u, to, &local, r->detail, sizeof r->detail) != VPNLINT_OK) {
        r->status = EX_ERROR;
        return;
    }
    vl_ike_request req;
    memset(&req, 0, sizeof req);
    if (vl_random(req.spi_i, sizeof req.spi_i) != VPNLINT_OK ||
        vl_random(req.nonce, sizeof req.nonce) != VPNLINT_OK) {
        snprintf(r->detail, sizeof r->detail, "%s", vpnlint_error_last());
        r->status = EX_ERROR;
        vl_udp_close(u);
        return;
    }
    req.spi_i[0] |= 1; /* never all zero */
    uint8_t zero[8] = {0};
    nat_hash(req.spi_i, zero, &local, req.nat_src);
    nat_hash(req.spi_i, zero, to, req.nat_dst);
    req.non_esp_marker = marker;
    uint8_t msg[2048];
    uint8_t cookie_copy[64];
    ex_ctx c;
    memcpy(c.spi_i, req.spi_i, 8);
    c.marker = marker;
    c.ans = &r->ans;
    for (int round = 0; round < 3; round++) {
        size_t len = vl_ike_build(msg, sizeof msg, &req, p);
        if (!len) {
            snprintf(r->detail, sizeof r->detail, "the proposal cannot be encoded");
            r->status = EX_ERROR;
            break;
        }
        c.parse_rc = VL_IKE_PARSE_OK;
        unsigned sent = 0;
        vl_udp_status st = vl_udp_exchange(u, msg, len, timeout_ms, accept_answer, &c, &sent,
                                           r->detail, sizeof r->detail);
        r->sent += sent;
        if (st == VL_UDP_TIMEOUT) {
            r->status = EX_TIMEOUT;
            break;
        }
        if (st == VL_UDP_REFUSED) {
            r->status = EX_REFUSED;
            break;
        }
        if (st != VL_UDP_ANSWER) {
            r->status = EX_ERROR;
            break;
        }
        if (c.parse_rc != VL_IKE_PARSE_OK) {
            r->status = EX_MALFORMED;
            break;
        }
        if (r->ans.has_cookie && !r->ans.error && !r->ans.has_sa && round < 2) {
            /* RFC 7296 2.6: send the same request again, COOKIE first */
            size_t cl = r->ans.cookie_len;
            memcpy(cookie_copy, r->ans.cookie, cl);
            req.cookie = cookie_copy;
            req.cookie_len = cl;
            r->cookie_used = true;
            continue;
        }
        if (r->ans.has_cookie && !r->ans.error && !r->ans.has_sa) {
            snprintf(r->ans.problem, sizeof r->ans.problem,
                     "the server asked for a COOKIE again after it was sent back");
            r->status = EX_MALFORMED;
            break;
        }
        r->status = EX_ANSWER;
        if (r->ans.n_nat_src || r->ans.has_nat_dst) {
            uint8_t h[20];
            r->nat_known = true;
            nat_hash(req.spi_i, r->ans.spi_r, &local, h);
            r->nat_client = r->ans.has_nat_dst && memcmp(h, r->ans.nat_dst, 20) != 0;
            nat_hash(req.spi_i, r->ans.spi_r, to, h);
            bool found = false;
            for (size_t i = 0; i < r->ans.n_nat_src; i++)
                found = found || memcmp(h, r->ans.nat_src[i], 20) == 0;
            r->nat_server = r->ans.n_nat_src && !found;
        }
        break;
    }
    vl_udp_close(u);
}

static const uint16_t all_groups[] = {14, 19, 20, 24, 2, 15, 16, 5, 1};

/* `p` with every DH group this probe can encode (p's own group first). */
static void widen_dh(const vl_ike_proposal *p, vl_ike_proposal *out)
{
    *out = *p;
    out->n_dh = 1;
    for (size_t i = 0; i < VL_ARRAY_LEN(all_groups) && out->n_dh < VL_IKE_MAX_ALGS; i++)
        if (all_groups[i] != p->dh[0])
            out->dh[out->n_dh++] = all_groups[i];
}

static void broad_proposal(vl_ike_proposal *b, bool gcm, uint16_t first_group)
{
    memset(b, 0, sizeof *b);
    if (gcm) {
        b->encr[0] = VL_IKE_ENCR_AES_GCM_16, b->encr_keylen[0] = 256;
        b->encr[1] = VL_IKE_ENCR_AES_GCM_16, b->encr_keylen[1] = 128;
        b->n_encr = 2;
    } else {
        b->encr[0] = VL_IKE_ENCR_AES_CBC, b->encr_keylen[0] = 256;
        b->encr[1] = VL_IKE_ENCR_AES_CBC, b->encr_keylen[1] = 192;
        b->encr[2] = VL_IKE_ENCR_AES_CBC, b->encr_keylen[2] = 128;
        b->encr[3] = VL_IKE_ENCR_3DES;
        b->n_encr = 4;
        b->integ[0] = VL_IKE_INTEG_SHA384_192;
        b->integ[1] = VL_IKE_INTEG_SHA256_128;
        b->integ[2] = VL_IKE_INTEG_SHA1_96;
        b->n_integ = 3;
    }
    b->prf[0] = VL_IKE_PRF_SHA384;
    b->prf[1] = VL_IKE_PRF_SHA256;
    b->prf[2] = VL_IKE_PRF_SHA1;
    b->n_prf = 3;
    vl_ike_proposal one = *b;
    one.dh[0] = first_group;
    one.n_dh = 1;
    widen_dh(&one, b);
}

/* After NO_PROPOSAL_CHOSEN: what would the server take? Writes a clause
 * starting with "; " into hint (or nothing). */
static void diagnose(const vl_addr *to, const vl_ike_proposal *p, unsigned timeout_ms, char *hint,
                     size_t size, uint16_t *wanted_group)
{
    hint[0] = '\0';
    *wanted_group = 0;
    ex_result r;
    char words[256];
    /* 1: same cipher and PRF, any DH group */
    vl_ike_proposal w;
    widen_dh(p, &w);
    exchange(to, &w, false, timeout_ms, &r);
    if (r.status == EX_ANSWER && r.ans.invalid_ke_group) {
        *wanted_group = r.ans.invalid_ke_group;
        snprintf(hint, size,
                 "; the server takes this cipher and PRF but asks for %s, which the proposal "
                 "does not offer",
                 vl_ike_dh_name(r.ans.invalid_ke_group));
        return;
    }
    /* 2: a broad CBC set, then a broad GCM set */
    for (int gcm = 0; gcm < 2; gcm++) {
        vl_ike_proposal b;
        broad_proposal(&b, gcm != 0, p->dh[0]);
        exchange(to, &b, false, timeout_ms, &r);
        if (r.status == EX_ANSWER && r.ans.invalid_ke_group &&
            vl_ike_ke_len(r.ans.invalid_ke_group)) {
            broad_proposal(&b, gcm != 0, r.ans.invalid_ke_group);
            exchange(to, &b, false, timeout_ms, &r);
        }
        if (r.status == EX_ANSWER && r.ans.has_sa && !r.ans.error) {
            snprintf(hint, size, "; the server would accept %s",
                     vl_ike_proposal_words(&r.ans.chosen, words, sizeof words));
            return;
        }
    }
    snprintf(hint, size,
             "; none of the usual Windows transform sets (AES-CBC/3DES or AES-GCM "
             "with SHA-1/SHA-256/SHA-384 and DH groups 1-24) was accepted either");
}

static double secs(unsigned ms)
{
    return ms / 1000.0;
}

int vl_probe_ike(vpnlint_report *report, const vl_probe_target *t)
{
    const char *host = t->server;
    const char *w = t->where;
    char err[200];
    vl_addr to;
    int rc = vl_net_init();
    if (rc != VPNLINT_OK)
        return rc;
    if (vl_net_resolve(&to, host, t->ike_port, false, err, sizeof err) != VPNLINT_OK)
        return vl_net_finding(report, w, "NET010", -1,
                              "%s: the name does not resolve (%s); Windows fails with error 868 "
                              "before it sends anything",
                              host, err);
    char words[300];
    size_t n_accepted = 0;
    ex_result *res = vl_calloc(t->n_props ? t->n_props : 1, sizeof *res);
    if (!res)
        return vl_error_oom();
    const ex_result *first_answer = NULL, *first_accept = NULL;
    size_t tried = 0;
    for (size_t i = 0; i < t->n_props; i++) {
        exchange(&to, &t->props[i], false, t->timeout_ms, &res[i]);
        tried = i + 1;
        ex_result *r = &res[i];
        if (r->status == EX_TIMEOUT || r->status == EX_REFUSED || r->status == EX_ERROR)
            break; /* the port is the problem, not the proposal */
        if (r->status == EX_ANSWER && !first_answer)
            first_answer = r;
        if (r->status == EX_ANSWER && r->ans.has_sa && !r->ans.error) {
            n_accepted++;
            if (!first_accept)
                first_accept = r;
        }
    }
    for (size_t i = 0; i < tried; i++) {
        ex_result *r = &res[i];
        const vl_ike_proposal *p = &t->props[i];
        vl_ike_proposal_words(p, words, sizeof words);
        const char *label = p->label ? p->label : "proposal";
        switch (r->status) {
        case EX_TIMEOUT:
            rc = vl_net_finding(
                report, w, "NET001", -1,
                "%s (%s): no answer from UDP %u within %g s (%u IKE_SA_INIT sent); this is "
                "error 809: UDP %u is blocked on the way or nothing listens there",
                host, to.text, t->ike_port, secs(t->timeout_ms), r->sent, t->ike_port);
            break;
        case EX_REFUSED:
            rc = vl_net_finding(
                report, w, "NET001", -1,
                "%s (%s): no answer from UDP %u within %g s: the host answered ICMP port "
                "unreachable (nothing listens on UDP %u); this is error 809",
                host, to.text, t->ike_port, secs(t->timeout_ms), t->ike_port);
            break;
        case EX_ERROR:
            rc = vl_net_finding(report, w, "NET001", -1, "%s (%s): UDP %u could not be probed: %s",
                                host, to.text, t->ike_port, r->detail);
            break;
        case EX_MALFORMED:
            rc = vl_net_finding(report, w, "NET006", -1,
                                "%s (%s) UDP %u: the answer to IKE_SA_INIT is malformed (%s); "
                                "Windows drops it and ends with error 809 or 13843",
                                host, to.text, t->ike_port, r->ans.problem);
            break;
        case EX_ANSWER: {
            const vl_ike_answer *a = &r->ans;
            if (a->has_sa && !a->error) {
                char chosen[300];
                vl_ike_proposal_words(&a->chosen, chosen, sizeof chosen);
                rc = vl_net_finding(
                    report, w, "NET005", -1, "%s UDP %u, %s (%s): accepted%s%s%s", host,
                    t->ike_port, label, words,
                    p->n_encr + p->n_prf + p->n_integ + p->n_dh > 4 ? "; the server chose " : "",
                    p->n_encr + p->n_prf + p->n_integ + p->n_dh > 4 ? chosen : "",
                    r->cookie_used ? " (after a COOKIE round trip)" : "");
            } else if (a->error == VL_IKE_N_INVALID_KE_PAYLOAD) {
                rc = vl_net_finding(report, w, "NET004", n_accepted ? VPNLINT_SEVERITY_INFO : -1,
                                    "%s UDP %u, %s (%s): rejected, the server asks for %s; "
                                    "Windows fails with error 13868 (policy match)%s",
                                    host, t->ike_port, label, words,
                                    vl_ike_dh_name(a->invalid_ke_group),
                                    n_accepted ? " unless another proposal is accepted" : "");
            } else if (a->error == VL_IKE_N_NO_PROPOSAL_CHOSEN) {
                char hint[400];
                uint16_t group = 0;
                diagnose(&to, p, t->timeout_ms, hint, sizeof hint, &group);
                rc = vl_net_finding(report, w, group ? "NET004" : "NET003",
                                    n_accepted ? VPNLINT_SEVERITY_INFO : -1,
                                    "%s UDP %u, %s (%s): rejected (NO_PROPOSAL_CHOSEN)%s; "
                                    "Windows fails with error 13868 (policy match)%s",
                                    host, t->ike_port, label, words, hint,
                                    n_accepted ? " unless another proposal is accepted" : "");
            } else {
                rc = vl_net_finding(report, w, "NET009", -1,
                                    "%s UDP %u, %s (%s): the server answered %s (notify %u)", host,
                                    t->ike_port, label, words, vl_ike_notify_name(a->error),
                                    a->error);
            }
            break;
        }
        }
        if (rc != VPNLINT_OK)
            goto out;
    }
    if (first_answer) {
        /* fragmentation and NAT are only announced in accepting answers */
        if (first_accept && !first_accept->ans.frag_supported)
            rc = vl_net_finding(report, w, "NET007", -1,
                                "%s UDP %u: the server does not announce IKEv2 fragmentation "
                                "(RFC 7383); certificate exchanges larger than the path MTU "
                                "are then dropped as IP fragments, and Windows ends with "
                                "error 809 on such networks",
                                host, t->ike_port);
        if (rc == VPNLINT_OK && first_accept && first_accept->nat_known &&
            (first_accept->nat_client || first_accept->nat_server))
            rc = vl_net_finding(report, w, "NET008", -1,
                                "%s UDP %u: NAT detected between this machine and the server "
                                "(%s%s%s); IKE and ESP move to UDP 4500, which must be open",
                                host, t->ike_port, first_accept->nat_client ? "this side" : "",
                                first_accept->nat_client && first_accept->nat_server ? ", " : "",
                                first_accept->nat_server ? "server side" : "");
        if (rc != VPNLINT_OK)
            goto out;
        /* UDP 4500, with the non-ESP marker (RFC 3948), using the first proposal */
        vl_addr to2 = to;
        if (vl_net_resolve(&to2, to.text, t->natt_port, false, err, sizeof err) == VPNLINT_OK) {
            ex_result r4;
            exchange(&to2, &t->props[0], true, t->timeout_ms, &r4);
            if (r4.status == EX_TIMEOUT || r4.status == EX_REFUSED)
                rc = vl_net_finding(
                    report, w, "NET002", -1,
                    "%s (%s): no answer from UDP %u within %g s while UDP %u answers%s; behind "
                    "NAT (most home, hotel and mobile networks) Windows moves to UDP %u and "
                    "then fails with error 809",
                    host, to.text, t->natt_port, secs(t->timeout_ms), t->ike_port,
                    r4.status == EX_REFUSED ? " (ICMP port unreachable)" : "", t->natt_port);
            else if (r4.status == EX_MALFORMED)
                rc = vl_net_finding(report, w, "NET006", -1,
                                    "%s (%s) UDP %u: the answer to IKE_SA_INIT is malformed "
                                    "(%s)",
                                    host, to.text, t->natt_port, r4.ans.problem);
        }
    }
out:
    vpnlint_free(res);
    return rc;
}
