/* probe.c — vpnlint_probe(): reads a ProfileXML or a phonebook entry (or
 * takes a host name), works out the servers, protocols, IKEv2 proposals and
 * trusted roots, and runs the IKEv2 and SSTP probes against each server.
 * Findings are NETnnn rules (native/src/rules/net/), added through the report
 * API like the device checks. */
#include "probe/probe.h"

#include "core/engine.h"
#include "core/input.h"
#include "pbk/pbk.h"
#include "profilexml/model.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vl_net_finding(vpnlint_report *report, const char *where, const char *rule_id, int severity,
                   const char *fmt, ...)
{
    vpnlint_rule_info info;
    int rc = vpnlint_rule_find(&info, rule_id);
    if (rc != VPNLINT_OK)
        return rc;
    const vl_rule *rule = vl_rule_lookup(rule_id);
    if (rule && !vl_rule_enabled(report, rule))
        return VPNLINT_OK;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vl_vsprintf(fmt, ap);
    va_end(ap);
    if (!msg)
        return vl_error_oom();
    rc = vpnlint_report_add_finding(report, where, rule_id,
                                    severity < 0 ? info.default_severity : severity, msg, 0, 0);
    vpnlint_free(msg);
    return rc;
}

/* ------------------------------------------------------- proposals */

static void add_id(uint16_t *ids, size_t *n, uint16_t id)
{
    if (*n < VL_IKE_MAX_ALGS)
        ids[(*n)++] = id;
}

static void add_encr(vl_ike_proposal *p, uint16_t id, uint16_t keylen)
{
    if (p->n_encr < VL_IKE_MAX_ALGS) {
        p->encr_keylen[p->n_encr] = keylen;
        p->encr[p->n_encr++] = id;
    }
}

static void add_sha_set(vl_ike_proposal *p, bool integ)
{
    add_id(p->prf, &p->n_prf, VL_IKE_PRF_SHA1);
    add_id(p->prf, &p->n_prf, VL_IKE_PRF_SHA256);
    add_id(p->prf, &p->n_prf, VL_IKE_PRF_SHA384);
    if (integ) {
        add_id(p->integ, &p->n_integ, VL_IKE_INTEG_SHA1_96);
        add_id(p->integ, &p->n_integ, VL_IKE_INTEG_SHA256_128);
        add_id(p->integ, &p->n_integ, VL_IKE_INTEG_SHA384_192);
    }
}

/* What Windows 10/11 offer without a custom IPsec policy (strongSwan's
 * Windows interop notes): 3DES/AES-CBC with SHA-1/SHA-2 and MODP 1024;
 * Windows 11 adds AES-GCM with MODP 1024; the NegotiateDH2048_AES256
 * registry value adds AES-256-CBC with MODP 2048. */
size_t vl_ike_default_proposals(vl_ike_proposal *out, size_t max)
{
    size_t n = 0;
    if (n < max) {
        vl_ike_proposal *p = &out[n++];
        memset(p, 0, sizeof *p);
        p->label = "Windows default set";
        add_encr(p, VL_IKE_ENCR_3DES, 0);
        add_encr(p, VL_IKE_ENCR_AES_CBC, 128);
        add_encr(p, VL_IKE_ENCR_AES_CBC, 192);
        add_encr(p, VL_IKE_ENCR_AES_CBC, 256);
        add_sha_set(p, true);
        add_id(p->dh, &p->n_dh, 2);
    }
    if (n < max) {
        vl_ike_proposal *p = &out[n++];
        memset(p, 0, sizeof *p);
        p->label = "Windows 11 AES-GCM default set";
        add_encr(p, VL_IKE_ENCR_AES_GCM_16, 128);
        add_encr(p, VL_IKE_ENCR_AES_GCM_16, 256);
        add_sha_set(p, false);
        add_id(p->dh, &p->n_dh, 2);
    }
    if (n < max) {
        vl_ike_proposal *p = &out[n++];
        memset(p, 0, sizeof *p);
        p->label = "Windows set with NegotiateDH2048_AES256=1";
        add_encr(p, VL_IKE_ENCR_AES_CBC, 256);
        add_sha_set(p, true);
        add_id(p->dh, &p->n_dh, 14);
    }
    return n;
}

/* CryptographySuite -> one proposal. false when an IKE part is missing or
 * cannot be offered in IKEv2 (then Windows' defaults are probed). */
static bool suite_proposal(const vl_profile *px, vl_ike_proposal *p)
{
    const char *enc = vl_px_value(px, VL_PX_CS_EncryptionMethod);
    const char *integ = vl_px_value(px, VL_PX_CS_IntegrityCheckMethod);
    const char *dh = vl_px_value(px, VL_PX_CS_DHGroup);
    if (!enc || !integ || !dh)
        return false;
    memset(p, 0, sizeof *p);
    p->label = "profile CryptographySuite";
    bool aead = false;
    if (!vl_strcasecmp(enc, "DES"))
        add_encr(p, VL_IKE_ENCR_DES, 0);
    else if (!vl_strcasecmp(enc, "DES3"))
        add_encr(p, VL_IKE_ENCR_3DES, 0);
    else if (!vl_strcasecmp(enc, "AES128"))
        add_encr(p, VL_IKE_ENCR_AES_CBC, 128);
    else if (!vl_strcasecmp(enc, "AES192"))
        add_encr(p, VL_IKE_ENCR_AES_CBC, 192);
    else if (!vl_strcasecmp(enc, "AES256"))
        add_encr(p, VL_IKE_ENCR_AES_CBC, 256);
    else if (!vl_strcasecmp(enc, "AES_GCM_128"))
        add_encr(p, VL_IKE_ENCR_AES_GCM_16, 128), aead = true;
    else if (!vl_strcasecmp(enc, "AES_GCM_256"))
        add_encr(p, VL_IKE_ENCR_AES_GCM_16, 256), aead = true;
    else
        return false;
    uint16_t prf, ig;
    if (!vl_strcasecmp(integ, "MD5"))
        prf = VL_IKE_PRF_MD5, ig = VL_IKE_INTEG_MD5_96;
    else if (!vl_strcasecmp(integ, "SHA196"))
        prf = VL_IKE_PRF_SHA1, ig = VL_IKE_INTEG_SHA1_96;
    else if (!vl_strcasecmp(integ, "SHA256"))
        prf = VL_IKE_PRF_SHA256, ig = VL_IKE_INTEG_SHA256_128;
    else if (!vl_strcasecmp(integ, "SHA384"))
        prf = VL_IKE_PRF_SHA384, ig = VL_IKE_INTEG_SHA384_192;
    else
        return false;
    add_id(p->prf, &p->n_prf, prf);
    if (!aead)
        add_id(p->integ, &p->n_integ, ig);
    uint16_t g;
    if (!vl_strcasecmp(dh, "Group1"))
        g = 1;
    else if (!vl_strcasecmp(dh, "Group2"))
        g = 2;
    else if (!vl_strcasecmp(dh, "Group14"))
        g = 14;
    else if (!vl_strcasecmp(dh, "ECP256"))
        g = 19;
    else if (!vl_strcasecmp(dh, "ECP384"))
        g = 20;
    else if (!vl_strcasecmp(dh, "Group24"))
        g = 24;
    else
        return false;
    add_id(p->dh, &p->n_dh, g);
    return true;
}

/* ------------------------------------------------------- targets */

typedef struct plan {
    char *servers[8];
    size_t n_servers;
    bool ike, sstp;
    vl_ike_proposal props[4];
    size_t n_props;
    bool suite;
    char *roots[16];
    size_t n_roots;
    unsigned sstp_port;
} plan;

static void plan_free(plan *p)
{
    for (size_t i = 0; i < p->n_servers; i++)
        vpnlint_free(p->servers[i]);
    for (size_t i = 0; i < p->n_roots; i++)
        vpnlint_free(p->roots[i]);
}

/* "a.example.com;Friendly,b.example.com" -> servers. */
static int add_servers(plan *pl, const char *list)
{
    const char *s = list;
    while (*s && pl->n_servers < VL_ARRAY_LEN(pl->servers)) {
        const char *end = strchr(s, ',');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        const char *semi = memchr(s, ';', n);
        size_t len = semi ? (size_t)(semi - s) : n;
        size_t tl;
        const char *t = vl_trim(s, len, &tl);
        if (tl) {
            char *name = vl_strndup(t, tl);
            if (!name)
                return vl_error_oom();
            pl->servers[pl->n_servers++] = name;
        }
        if (!end)
            break;
        s = end + 1;
    }
    return VPNLINT_OK;
}

/* "5a 86 2f ..." -> "5a862f..." (40 lowercase hex digits), NULL if not a SHA-1. */
static char *thumbprint(const char *text)
{
    char hex[41];
    size_t n = 0;
    for (const char *c = text; *c; c++) {
        if (isxdigit((unsigned char)*c)) {
            if (n == 40)
                return NULL;
            hex[n++] = (char)tolower((unsigned char)*c);
        } else if (!vl_is_space(*c) && *c != ':') {
            return NULL;
        }
    }
    if (n != 40)
        return NULL;
    hex[40] = '\0';
    return vl_strdup(hex);
}

static int plan_profile(plan *pl, const vl_profile *px, int protocol)
{
    const char *servers = vl_px_value(px, VL_PX_NP_Servers);
    if (servers) {
        int rc = add_servers(pl, servers);
        if (rc != VPNLINT_OK)
            return rc;
    }
    unsigned protos = vl_px_protocols(px);
    pl->ike = (protos & VL_PROTO_IKEV2) != 0;
    pl->sstp = (protos & VL_PROTO_SSTP) != 0;
    if (protocol == 1 || protocol == 2) {
        pl->ike = protocol == 1;
        pl->sstp = protocol == 2;
    } else if (!pl->ike && !pl->sstp) {
        return vl_error_set(VPNLINT_EINVALID,
                            "the profile uses neither IKEv2 nor SSTP (NativeProtocolType %s): "
                            "the probe speaks those two; force one with --protocol",
                            vl_px_value(px, VL_PX_NP_NativeProtocolType)
                                ? vl_px_value(px, VL_PX_NP_NativeProtocolType)
                                : "absent");
    }
    if (vl_px_first(px, VL_PX_NP_CryptographySuite) && suite_proposal(px, &pl->props[0])) {
        pl->n_props = 1;
        pl->suite = true;
    }
    for (const vl_el *e = vl_eap_find(px, NULL, "TrustedRootCA");
         e && pl->n_roots < VL_ARRAY_LEN(pl->roots); e = vl_eap_find(px, e, "TrustedRootCA")) {
        char *t = thumbprint(e->text);
        if (!t)
            continue;
        bool dup = false;
        for (size_t i = 0; i < pl->n_roots; i++)
            dup = dup || strcmp(pl->roots[i], t) == 0;
        if (dup)
            vpnlint_free(t);
        else
            pl->roots[pl->n_roots++] = t;
    }
    return VPNLINT_OK;
}

static int plan_pbk(plan *pl, const vl_pbk *pb, const char *entry, int protocol)
{
    const vl_pbk_entry *e = NULL;
    if (entry) {
        size_t first = 0;
        size_t n = vl_pbk_entries_named(pb, entry, strlen(entry), &first);
        if (n == 0)
            return vl_error_set(VPNLINT_ENOTFOUND,
                                "the phonebook has no entry [%s] (vpnlint pbk list shows them)",
                                entry);
        if (n > 1)
            return vl_error_set(VPNLINT_EAMBIGUOUS, "the phonebook has %zu entries named [%s]", n,
                                entry);
        e = &pb->entries[first];
    } else if (pb->n_entries == 1) {
        e = &pb->entries[0];
    } else {
        return vl_error_set(VPNLINT_EINVALID,
                            "the phonebook has %zu entries: name one with --entry", pb->n_entries);
    }
    const vl_pbk_kv *ph = vl_pbk_entry_get_any(e, "PhoneNumber");
    if (ph && ph->value_len) {
        char *v = vl_strndup(vl_pbk_kv_value(pb, ph), ph->value_len);
        if (!v)
            return vl_error_oom();
        int rc = add_servers(pl, v);
        vpnlint_free(v);
        if (rc != VPNLINT_OK)
            return rc;
    }
    long long st = 0;
    if (!vl_pbk_entry_int(e, "VpnStrategy", &st))
        st = 0;
    switch (st) {
    case 5:
    case 12:
    case 13:
        pl->sstp = true;
        break;
    case 7:
        pl->ike = true;
        break;
    case 1:
    case 3:
    case 9:
        break;
    default:
        pl->ike = pl->sstp = true;
        break;
    }
    if (protocol == 1 || protocol == 2) {
        pl->ike = protocol == 1;
        pl->sstp = protocol == 2;
    } else if (!pl->ike && !pl->sstp) {
        return vl_error_set(VPNLINT_EINVALID,
                            "the entry's VpnStrategy=%lld (%s) uses neither IKEv2 nor SSTP: the "
                            "probe speaks those two; force one with --protocol",
                            st, vl_pbk_vpn_strategy_name(st) ? vl_pbk_vpn_strategy_name(st) : "?");
    }
    return VPNLINT_OK;
}

static int load_plan(plan *pl, const char *path, const vpnlint_probe_options *o)
{
    char *data = NULL;
    size_t len = 0;
    uint64_t size = 0;
    int rc = vl_read_file(path, VPNLINT_DEFAULT_MAX_BYTES, &data, &len, &size);
    if (rc != VPNLINT_OK)
        return rc;
    vl_input in;
    memset(&in, 0, sizeof in);
    in.path = path;
    rc = vl_input_decode(&in, data, len);
    if (rc == VPNLINT_OK && in.decode_error.message)
        rc = vl_error_set(VPNLINT_EPARSE, "%s: %s", path, in.decode_error.message);
    if (rc == VPNLINT_OK && in.kind == VPNLINT_KIND_PROFILEXML) {
        vpnlint_options opt = VPNLINT_OPTIONS_INIT;
        opt.max_bytes = VPNLINT_DEFAULT_MAX_BYTES;
        opt.max_depth = VPNLINT_DEFAULT_MAX_DEPTH;
        vl_profile *px = NULL;
        rc = vl_profile_build(&px, &in, &opt);
        if (rc == VPNLINT_OK && (!px || !px->els || px->n_els == 0))
            rc = vl_error_set(VPNLINT_EPARSE,
                              "%s: the ProfileXML does not parse; run vpnlint lint on it", path);
        if (rc == VPNLINT_OK)
            rc = plan_profile(pl, px, o->protocol);
        vl_profile_free(px);
    } else if (rc == VPNLINT_OK && in.kind == VPNLINT_KIND_PBK) {
        vl_pbk *pb = NULL;
        rc = vl_pbk_parse(&pb, data, len);
        if (rc == VPNLINT_OK)
            rc = plan_pbk(pl, pb, o->entry, o->protocol);
        vl_pbk_free(pb);
    } else if (rc == VPNLINT_OK) {
        rc = vl_error_set(VPNLINT_EPARSE, "%s is neither a ProfileXML nor a rasphone.pbk phonebook",
                          path);
    }
    vl_input_clear(&in);
    free(data);
    return rc;
}

int vpnlint_probe(vpnlint_report *report, const char *path, const vpnlint_probe_options *opts)
{
    vpnlint_probe_options o = VPNLINT_PROBE_OPTIONS_INIT;
    if (!report)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_probe: NULL report");
    if (opts) {
        if (opts->version < 1 || opts->version > VPNLINT_PROBE_OPTIONS_VERSION)
            return vl_error_set(VPNLINT_EINVALID,
                                "vpnlint_probe: options version %u is not supported",
                                opts->version);
        o = *opts;
    }
    if (o.protocol < 0 || o.protocol > 2)
        return vl_error_set(VPNLINT_EINVALID, "protocol %d is not auto, ikev2 or sstp", o.protocol);
    if (!path && !o.server)
        return vl_error_set(VPNLINT_EINVALID,
                            "nothing to probe: give a profile, a phonebook or a server name");
    if (o.timeout_ms == 0)
        o.timeout_ms = 5000;
    if (o.timeout_ms > 600000)
        return vl_error_set(VPNLINT_EINVALID, "a timeout over 600 s is not useful");
    plan pl;
    memset(&pl, 0, sizeof pl);
    int rc = VPNLINT_OK;
    if (path)
        rc = load_plan(&pl, path, &o);
    else {
        pl.ike = o.protocol != 2;
        pl.sstp = o.protocol != 1;
    }
    if (rc == VPNLINT_OK && o.server) {
        for (size_t i = 0; i < pl.n_servers; i++)
            vpnlint_free(pl.servers[i]);
        pl.n_servers = 0;
        rc = add_servers(&pl, o.server);
    }
    if (rc == VPNLINT_OK && pl.n_servers == 0)
        rc = vl_error_set(VPNLINT_EINVALID,
                          "%s names no server (NativeProfile/Servers or PhoneNumber); give one "
                          "with --server",
                          path ? path : "the input");
    if (rc != VPNLINT_OK) {
        plan_free(&pl);
        return rc;
    }
    if (!pl.n_props)
        pl.n_props = vl_ike_default_proposals(pl.props, VL_ARRAY_LEN(pl.props));
    for (size_t i = 0; i < pl.n_servers && rc == VPNLINT_OK; i++) {
        vl_probe_target t;
        memset(&t, 0, sizeof t);
        t.server = pl.servers[i];
        t.where = path ? path : pl.servers[i];
        t.props = pl.props;
        t.n_props = pl.n_props;
        t.from_profile_suite = pl.suite;
        t.roots = pl.roots;
        t.n_roots = pl.n_roots;
        t.timeout_ms = o.timeout_ms;
        t.ike_port = o.ike_port ? o.ike_port : 500;
        t.natt_port = o.natt_port ? o.natt_port : 4500;
        t.sstp_port = o.sstp_port ? o.sstp_port : 443;
        t.ca_file = o.ca_file;
        if (pl.ike)
            rc = vl_probe_ike(report, &t);
        if (rc == VPNLINT_OK && pl.sstp) {
            rc = vl_probe_sstp(report, &t);
            if (rc == VPNLINT_EUNSUPPORTED && o.protocol != 2)
                rc = vl_net_finding(report, t.where, "NET028", -1, "%s: %s", t.server,
                                    vpnlint_error_last());
        }
    }
    plan_free(&pl);
    return rc;
}
