/* nps.c — streaming reader for NPS accounting logs.
 *
 * Two formats, detected from the first non-blank byte:
 *  - IAS / "database-compatible" CSV: one record per line, 66 columns in the
 *    order of Microsoft's header (seed 002), strings in double quotes ("" is
 *    a quote), numbers bare, no header row (a pasted header row is skipped).
 *  - DTS-compliant XML: one <Event> element per record, no root element.
 *    Each <Event> (at most NPS_MAX_RECORD bytes) is read with libxml2's
 *    xmlTextReader: no DTD, no entity substitution, no network.
 * Memory is fixed: one input buffer, one line/record buffer, one field
 * buffer, whatever the size of the log. A malformed record is reported
 * (VPNLINT_NPS_SKIPPED with its line) and reading goes on. */
#include "core/xml.h"
#include "kb/kb.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NPS_IOBUF (64u * 1024u)
#define NPS_MAX_LINE (64u * 1024u) /* longest CSV line / XML record accepted */
#define NPS_COLUMNS 66
#define NPS_MAX_FIELDS 80

enum {
    C_COMPUTER = 0,
    C_SERVICE = 1,
    C_DATE = 2,
    C_TIME = 3,
    C_PACKET = 4,
    C_USER = 5,
    C_FQ = 6,
    C_CALLED = 7,
    C_CALLING = 8,
    C_FRAMED_IP = 10,
    C_NAS_IP = 12,
    C_CLIENT_IP = 15,
    C_CLIENT_NAME = 16,
    C_AUTH = 23,
    C_POLICY = 24,
    C_REASON = 25,
    C_EAP = 30,
    C_TUNNEL_CLIENT = 46,
    C_PROXY_POLICY = 60
};

/* XML element -> record field */
enum {
    X_TIMESTAMP,
    X_COMPUTER,
    X_USER,
    X_FQ,
    X_SAM,
    X_CALLED,
    X_CALLING,
    X_FRAMED_IP,
    X_NAS_IP,
    X_CLIENT_IP,
    X_CLIENT_NAME,
    X_AUTH,
    X_POLICY,
    X_REASON,
    X_EAP,
    X_TUNNEL_CLIENT,
    X_PROXY_POLICY,
    X_PACKET,
    X__COUNT
};
static const struct {
    const char *name;
    int field;
} xml_names[] = {
    {"Timestamp", X_TIMESTAMP},
    {"Computer-Name", X_COMPUTER},
    {"User-Name", X_USER},
    {"Fully-Qualifed-User-Name", X_FQ}, /* sic: NPS spells it so */
    {"Fully-Qualified-User-Name", X_FQ},
    {"SAM-Account-Name", X_SAM},
    {"Called-Station-Id", X_CALLED},
    {"Calling-Station-Id", X_CALLING},
    {"Framed-IP-Address", X_FRAMED_IP},
    {"NAS-IP-Address", X_NAS_IP},
    {"Client-IP-Address", X_CLIENT_IP},
    {"Client-Friendly-Name", X_CLIENT_NAME},
    {"Authentication-Type", X_AUTH},
    {"NP-Policy-Name", X_POLICY},
    {"Policy-Name", X_POLICY},
    {"Reason-Code", X_REASON},
    {"EAP-Friendly-Name", X_EAP},
    {"Tunnel-Client-Endpt", X_TUNNEL_CLIENT},
    {"Proxy-Policy-Name", X_PROXY_POLICY},
    {"Packet-Type", X_PACKET},
};

struct vpnlint_nps_reader {
    FILE *f;
    bool own_file;
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    int format;
    bool started;
    /* input buffer */
    unsigned char in[NPS_IOBUF];
    size_t in_pos, in_len;
    bool in_eof, io_error;
    unsigned long line_no; /* lines consumed so far */
    /* current line / XML record */
    char line[NPS_MAX_LINE + 1];
    size_t line_len;
    bool line_too_long;
    /* XML: text after the last </Event> on the current line, from
     * pending[pending_off] (records are consumed by moving the offset; the
     * rest is moved to the front only when a line is appended) */
    char pending[NPS_MAX_LINE + 1];
    size_t pending_off, pending_len;
    unsigned long pending_line;
    /* parsed values */
    char fields[NPS_MAX_LINE + NPS_MAX_FIELDS + 1];
    const char *field[NPS_MAX_FIELDS];
    size_t nfields;
    const char *xval[X__COUNT];
    char ts[32];
    char err[320];
    xmlTextReaderPtr xr;
};

/* ---- input */

static bool fill(vpnlint_nps_reader *r)
{
    if (r->in_eof)
        return false;
    if (r->f) {
        size_t n = fread(r->in, 1, sizeof r->in, r->f);
        if (n == 0) {
            if (ferror(r->f))
                r->io_error = true;
            r->in_eof = true;
            return false;
        }
        r->in_pos = 0;
        r->in_len = n;
        return true;
    }
    if (r->mem_pos >= r->mem_len) {
        r->in_eof = true;
        return false;
    }
    size_t n = r->mem_len - r->mem_pos;
    if (n > sizeof r->in)
        n = sizeof r->in;
    memcpy(r->in, r->mem + r->mem_pos, n);
    r->mem_pos += n;
    r->in_pos = 0;
    r->in_len = n;
    return true;
}

/* Reads the next line into r->line (without CR/LF). Returns false at end.
 * A line longer than NPS_MAX_LINE is consumed whole and flagged. */
static bool read_line(vpnlint_nps_reader *r)
{
    r->line_len = 0;
    r->line_too_long = false;
    bool any = false;
    for (;;) {
        if (r->in_pos >= r->in_len && !fill(r))
            break;
        any = true;
        unsigned char *start = r->in + r->in_pos;
        size_t avail = r->in_len - r->in_pos;
        unsigned char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        if (r->line_len + take > NPS_MAX_LINE) {
            r->line_too_long = true;
            size_t room = NPS_MAX_LINE - r->line_len;
            memcpy(r->line + r->line_len, start, room);
            r->line_len = NPS_MAX_LINE;
        } else if (!r->line_too_long) {
            memcpy(r->line + r->line_len, start, take);
            r->line_len += take;
        }
        r->in_pos += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!any)
        return false;
    r->line_no++;
    if (r->line_len > 0 && r->line[r->line_len - 1] == '\r')
        r->line_len--;
    r->line[r->line_len] = '\0';
    return true;
}

/* ---- open / close */

static int detect(vpnlint_nps_reader *r)
{
    if (!fill(r)) {
        r->format = VPNLINT_NPS_CSV; /* empty: no records */
        return r->io_error ? vl_error_set(VPNLINT_EIO, "cannot read the NPS log") : VPNLINT_OK;
    }
    const unsigned char *b = r->in;
    if (r->in_len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return vl_error_set(VPNLINT_EUNSUPPORTED,
                            "the NPS log is UTF-16; NPS writes UTF-8/ANSI logs, so this file was "
                            "re-saved: save it as UTF-8 and try again");
    if (r->in_len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        r->in_pos = 3;
    size_t i = r->in_pos;
    while (i < r->in_len && vl_is_space(b[i]))
        i++;
    r->format = (i < r->in_len && b[i] == '<') ? VPNLINT_NPS_XML : VPNLINT_NPS_CSV;
    return VPNLINT_OK;
}

static int open_common(vpnlint_nps_reader **out, vpnlint_nps_reader *r)
{
    int rc = detect(r);
    if (rc != VPNLINT_OK) {
        vpnlint_nps_close(r);
        return rc;
    }
    *out = r;
    return VPNLINT_OK;
}

VPNLINT_EXTERN(int) vpnlint_nps_open(vpnlint_nps_reader **out, const char *path)
{
    if (!out || !path)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_open: NULL argument");
    *out = NULL;
    vpnlint_nps_reader *r = vl_calloc(1, sizeof *r);
    if (!r)
        return vl_error_oom();
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            free(r);
            return vl_error_set(VPNLINT_EIO, "%s: cannot open the NPS log", path);
        }
        r->own_file = true;
    }
    return open_common(out, r);
}

VPNLINT_EXTERN(int) vpnlint_nps_open_buffer(vpnlint_nps_reader **out, const void *data, size_t len)
{
    if (!out || (!data && len))
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_open_buffer: NULL argument");
    *out = NULL;
    vpnlint_nps_reader *r = vl_calloc(1, sizeof *r);
    if (!r)
        return vl_error_oom();
    r->mem = data;
    r->mem_len = len;
    return open_common(out, r);
}

VPNLINT_EXTERN(void) vpnlint_nps_close(vpnlint_nps_reader *r)
{
    if (!r)
        return;
    if (r->xr)
        xmlFreeTextReader(r->xr);
    if (r->own_file && r->f)
        fclose(r->f);
    free(r);
}

VPNLINT_EXTERN(int) vpnlint_nps_format_of(const vpnlint_nps_reader *r)
{
    return r ? r->format : VPNLINT_NPS_UNKNOWN;
}

/* ---- helpers */

static int to_int(const char *s)
{
    if (!s || !*s)
        return -1;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000000L)
            return -2;
        v = v * 10 + (*p - '0');
    }
    return (int)v;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "MM/DD/YYYY" + "HH:MM:SS[.mmm]" -> "YYYY-MM-DD HH:MM:SS" */
static bool make_timestamp(char out[32], const char *date, const char *time)
{
    if (!date || strlen(date) != 10 || date[2] != '/' || date[5] != '/' || !digits(date, 2) ||
        !digits(date + 3, 2) || !digits(date + 6, 4))
        return false;
    if (!time || strlen(time) < 8 || time[2] != ':' || time[5] != ':' || !digits(time, 2) ||
        !digits(time + 3, 2) || !digits(time + 6, 2))
        return false;
    snprintf(out, 32, "%.4s-%.2s-%.2s %.8s", date + 6, date, date + 3, time);
    return true;
}

static void fill_common(vpnlint_nps_record *out, vpnlint_nps_reader *r)
{
    out->timestamp = r->ts;
    out->packet_type_name = vl_nps_packet_type_name(out->packet_type);
    if (!out->packet_type_name)
        out->packet_type_name = "";
    const char *rn = out->reason_code >= 0 ? vl_nps_reason_name(out->reason_code) : NULL;
    const char *rt = out->reason_code >= 0 ? vl_nps_reason_text(out->reason_code) : NULL;
    out->reason_name = rn ? rn : "";
    out->reason_text = rt ? rt : "";
    const char *an = out->auth_type >= 0 ? vl_nps_auth_type_name(out->auth_type) : NULL;
    out->auth_type_name = an ? an : "";
}

static int skipped(vpnlint_nps_record *out, const char **error_out, vpnlint_nps_reader *r,
                   unsigned long line)
{
    memset(out, 0, sizeof *out);
    out->line = line;
    out->packet_type = out->reason_code = out->auth_type = -1;
    out->timestamp = out->computer = out->packet_type_name = out->user_name = out->fq_user_name =
        out->calling_station = out->called_station = out->client_ip = out->client_name =
            out->nas_ip = out->tunnel_client = out->framed_ip = out->policy = out->proxy_policy =
                out->reason_name = out->reason_text = out->auth_type_name = out->eap_type = "";
    if (error_out)
        *error_out = r->err;
    return VPNLINT_NPS_SKIPPED;
}

/* ---- CSV */

/* Splits r->line into r->field[]; false with r->err set when malformed. */
static bool split_csv(vpnlint_nps_reader *r)
{
    const char *p = r->line, *end = r->line + r->line_len;
    char *o = r->fields;
    r->nfields = 0;
    for (;;) {
        if (r->nfields == NPS_MAX_FIELDS) {
            snprintf(r->err, sizeof r->err, "more than %d fields (expected %d)", NPS_MAX_FIELDS,
                     NPS_COLUMNS);
            return false;
        }
        r->field[r->nfields++] = o;
        if (p < end && *p == '"') {
            const char *open = p++;
            for (;;) {
                if (p >= end) {
                    snprintf(r->err, sizeof r->err,
                             "quoted field opened at column %zu is not closed",
                             (size_t)(open - r->line) + 1);
                    return false;
                }
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        *o++ = '"';
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                *o++ = *p++;
            }
            if (p < end && *p != ',') {
                snprintf(r->err, sizeof r->err,
                         "unexpected character '%c' after a closing quote at column %zu",
                         (*p >= 32 && *p < 127) ? *p : '?', (size_t)(p - r->line) + 1);
                return false;
            }
        } else {
            while (p < end && *p != ',') {
                if (*p == '"') {
                    snprintf(r->err, sizeof r->err,
                             "stray quote inside an unquoted field at column %zu",
                             (size_t)(p - r->line) + 1);
                    return false;
                }
                *o++ = *p++;
            }
        }
        *o++ = '\0';
        if (p >= end)
            break;
        p++; /* the comma */
    }
    /* Logs written in an ANSI code page (or damaged) hold bytes that are not
     * UTF-8: each becomes '?', in place, so every record string (and the
     * JSON summary) is valid UTF-8. */
    unsigned char *u = (unsigned char *)r->fields;
    size_t n = (size_t)(o - r->fields);
    for (size_t i = 0; i < n;) {
        size_t l = vl_utf8_seq(u + i, n - i);
        if (l == 0) {
            u[i] = '?';
            l = 1;
        }
        i += l;
    }
    return true;
}

static const char *fld(const vpnlint_nps_reader *r, int i)
{
    return (size_t)i < r->nfields ? r->field[i] : "";
}

static int next_csv(vpnlint_nps_record *out, const char **error_out, vpnlint_nps_reader *r)
{
    for (;;) {
        if (!read_line(r))
            return r->io_error ? vl_error_set(VPNLINT_EIO, "read error in the NPS log")
                               : VPNLINT_NPS_END;
        size_t tl;
        vl_trim(r->line, r->line_len, &tl);
        if (tl == 0)
            continue;
        if (r->line_too_long) {
            snprintf(r->err, sizeof r->err, "line longer than %u bytes", NPS_MAX_LINE);
            return skipped(out, error_out, r, r->line_no);
        }
        if (!split_csv(r))
            return skipped(out, error_out, r, r->line_no);
        if (strcmp(fld(r, 0), "ComputerName") == 0 && strcmp(fld(r, 1), "ServiceName") == 0)
            continue; /* the header row Microsoft suggests pasting in */
        if (r->nfields != NPS_COLUMNS) {
            snprintf(r->err, sizeof r->err,
                     "%zu fields, expected %d (IAS database-compatible format)", r->nfields,
                     NPS_COLUMNS);
            return skipped(out, error_out, r, r->line_no);
        }
        if (!make_timestamp(r->ts, fld(r, C_DATE), fld(r, C_TIME))) {
            snprintf(r->err, sizeof r->err,
                     "Record-Date/Record-Time '%.20s %.20s' is not MM/DD/YYYY HH:MM:SS",
                     fld(r, C_DATE), fld(r, C_TIME));
            return skipped(out, error_out, r, r->line_no);
        }
        int pt = to_int(fld(r, C_PACKET)), rc = to_int(fld(r, C_REASON)),
            at = to_int(fld(r, C_AUTH));
        if (pt == -2 || rc == -2 || at == -2) {
            snprintf(r->err, sizeof r->err,
                     "Packet-Type, Reason-Code or Authentication-Type is not a number");
            return skipped(out, error_out, r, r->line_no);
        }
        memset(out, 0, sizeof *out);
        out->line = r->line_no;
        out->computer = fld(r, C_COMPUTER);
        out->packet_type = pt;
        out->user_name = fld(r, C_USER);
        out->fq_user_name = fld(r, C_FQ);
        out->called_station = fld(r, C_CALLED);
        out->calling_station = fld(r, C_CALLING);
        out->framed_ip = fld(r, C_FRAMED_IP);
        out->nas_ip = fld(r, C_NAS_IP);
        out->client_ip = fld(r, C_CLIENT_IP);
        out->client_name = fld(r, C_CLIENT_NAME);
        out->auth_type = at;
        out->policy = fld(r, C_POLICY);
        out->reason_code = rc;
        out->eap_type = fld(r, C_EAP);
        out->tunnel_client = fld(r, C_TUNNEL_CLIENT);
        out->proxy_policy = fld(r, C_PROXY_POLICY);
        fill_common(out, r);
        if (error_out)
            *error_out = NULL;
        return VPNLINT_NPS_RECORD;
    }
}

/* ---- XML */

static const char *find_mem(const char *h, size_t hl, const char *n)
{
    size_t nl = strlen(n);
    for (size_t i = 0; i + nl <= hl; i++)
        if (memcmp(h + i, n, nl) == 0)
            return h + i;
    return NULL;
}

/* Parses one <Event>...</Event> held in r->line. */
static bool parse_event(vpnlint_nps_reader *r, const char *chunk, size_t len)
{
    for (int i = 0; i < X__COUNT; i++)
        r->xval[i] = "";
    if (vl_xml_attr_flood_line(chunk, len)) {
        snprintf(r->err, sizeof r->err, "an element has more than %d attributes", VL_XML_MAX_ATTRS);
        return false;
    }
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    if (r->xr) {
        if (xmlReaderNewMemory(r->xr, chunk, (int)len, NULL, NULL, opts) != 0) {
            snprintf(r->err, sizeof r->err, "cannot start the XML reader");
            return false;
        }
    } else {
        r->xr = xmlReaderForMemory(chunk, (int)len, NULL, NULL, opts);
        if (!r->xr) {
            snprintf(r->err, sizeof r->err, "cannot start the XML reader (out of memory)");
            return false;
        }
    }
    xmlResetLastError();
    char *o = r->fields;
    char *o_end = r->fields + sizeof r->fields;
    int cur = -1, depth_event = -1;
    int ret;
    bool root_seen = false;
    while ((ret = xmlTextReaderRead(r->xr)) == 1) {
        int type = xmlTextReaderNodeType(r->xr);
        int depth = xmlTextReaderDepth(r->xr);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
            type == XML_READER_TYPE_ENTITY) {
            snprintf(r->err, sizeof r->err, "DTDs and entity references are not accepted");
            return false;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            const char *name = (const char *)xmlTextReaderConstLocalName(r->xr);
            if (depth == 0) {
                if (!name || strcmp(name, "Event") != 0) {
                    snprintf(r->err, sizeof r->err, "expected <Event>, found <%.40s>",
                             name ? name : "?");
                    return false;
                }
                root_seen = true;
                depth_event = depth;
            } else if (depth == depth_event + 1 && name) {
                cur = -1;
                for (size_t i = 0; i < VL_ARRAY_LEN(xml_names); i++)
                    if (strcmp(xml_names[i].name, name) == 0)
                        cur = xml_names[i].field;
                if (xmlTextReaderIsEmptyElement(r->xr))
                    cur = -1;
            }
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && cur >= 0 &&
                   depth == depth_event + 2) {
            const char *v = (const char *)xmlTextReaderConstValue(r->xr);
            size_t vl = v ? strlen(v) : 0;
            if (o + vl + 1 > o_end) {
                snprintf(r->err, sizeof r->err, "record values too long");
                return false;
            }
            memcpy(o, v, vl);
            o[vl] = '\0';
            r->xval[cur] = o;
            o += vl + 1;
        } else if (type == XML_READER_TYPE_END_ELEMENT && depth == depth_event + 1) {
            cur = -1;
        }
    }
    if (ret < 0 || !root_seen) {
        const xmlError *e = xmlGetLastError();
        char msg[200] = "not well-formed XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t ml = strlen(msg);
            while (ml > 0 && vl_is_space((unsigned char)msg[ml - 1]))
                msg[--ml] = '\0';
        }
        snprintf(r->err, sizeof r->err, "malformed <Event>: %s", msg);
        return false;
    }
    return true;
}

static int next_xml(vpnlint_nps_record *out, const char **error_out, vpnlint_nps_reader *r)
{
    for (;;) {
        /* assemble one record from the pending text and following lines;
         * pending_line is the line of pending[pending_off] */
        const char *close;
        /* pending[pending_off..from) holds no start of "</Event>": each
         * line is searched once, not the whole record again after every line */
        size_t from = r->pending_off;
        while (!(close = find_mem(r->pending + from, r->pending_len - from, "</Event>"))) {
            if (r->pending_off) {
                memmove(r->pending, r->pending + r->pending_off, r->pending_len - r->pending_off);
                r->pending_len -= r->pending_off;
                r->pending_off = 0;
            }
            from = r->pending_len >= 7 ? r->pending_len - 7 : 0; /* strlen("</Event>") - 1 */
            if (!read_line(r)) {
                if (r->io_error)
                    return vl_error_set(VPNLINT_EIO, "read error in the NPS log");
                unsigned long at = r->pending_line;
                const char *s = r->pending, *e = r->pending + r->pending_len;
                while (s < e && vl_is_space((unsigned char)*s))
                    at += *s++ == '\n';
                r->pending_len = 0;
                if (s == e)
                    return VPNLINT_NPS_END;
                snprintf(r->err, sizeof r->err, "the last <Event> is not closed (truncated log?)");
                return skipped(out, error_out, r, at);
            }
            if (r->line_too_long || r->pending_len + r->line_len + 1 > NPS_MAX_LINE) {
                r->pending_len = 0;
                snprintf(r->err, sizeof r->err, "record longer than %u bytes", NPS_MAX_LINE);
                return skipped(out, error_out, r, r->line_no);
            }
            if (r->pending_len == 0)
                r->pending_line = r->line_no;
            memcpy(r->pending + r->pending_len, r->line, r->line_len);
            r->pending_len += r->line_len;
            r->pending[r->pending_len++] = '\n';
        }
        const char *rec = r->pending + r->pending_off;
        size_t rec_len = (size_t)(close - rec) + strlen("</Event>");
        unsigned long start_line = r->pending_line;
        const char *s = rec;
        while (s < close && vl_is_space((unsigned char)*s))
            start_line += *s++ == '\n';
        size_t n = (size_t)(rec + rec_len - s);
        memcpy(r->line, s, n);
        r->line[n] = '\0';
        for (size_t i = 0; i < rec_len; i++)
            r->pending_line += rec[i] == '\n';
        /* many records on one line: each is consumed without moving the
         * rest of the line */
        r->pending_off += rec_len;
        if (r->pending_off == r->pending_len)
            r->pending_off = r->pending_len = 0;
        if (!parse_event(r, r->line, n))
            return skipped(out, error_out, r, start_line);
        /* "01/15/2024 10:00:01.123" */
        const char *ts = r->xval[X_TIMESTAMP];
        char date[11] = "";
        if (strlen(ts) >= 19) {
            memcpy(date, ts, 10);
            date[10] = '\0';
        }
        if (!make_timestamp(r->ts, date, strlen(ts) >= 19 ? ts + 11 : "")) {
            snprintf(r->err, sizeof r->err, "<Timestamp> '%.30s' is not MM/DD/YYYY HH:MM:SS", ts);
            return skipped(out, error_out, r, start_line);
        }
        int pt = to_int(r->xval[X_PACKET]), rc = to_int(r->xval[X_REASON]),
            at = to_int(r->xval[X_AUTH]);
        if (pt == -2 || rc == -2 || at == -2) {
            snprintf(r->err, sizeof r->err,
                     "Packet-Type, Reason-Code or Authentication-Type is not a number");
            return skipped(out, error_out, r, start_line);
        }
        memset(out, 0, sizeof *out);
        out->line = start_line;
        out->computer = r->xval[X_COMPUTER];
        out->packet_type = pt;
        out->user_name = r->xval[X_USER];
        out->fq_user_name = *r->xval[X_FQ] ? r->xval[X_FQ] : r->xval[X_SAM];
        out->called_station = r->xval[X_CALLED];
        out->calling_station = r->xval[X_CALLING];
        out->framed_ip = r->xval[X_FRAMED_IP];
        out->nas_ip = r->xval[X_NAS_IP];
        out->client_ip = r->xval[X_CLIENT_IP];
        out->client_name = r->xval[X_CLIENT_NAME];
        out->auth_type = at;
        out->policy = r->xval[X_POLICY];
        out->reason_code = rc;
        out->eap_type = r->xval[X_EAP];
        out->tunnel_client = r->xval[X_TUNNEL_CLIENT];
        out->proxy_policy = r->xval[X_PROXY_POLICY];
        fill_common(out, r);
        if (error_out)
            *error_out = NULL;
        return VPNLINT_NPS_RECORD;
    }
}

VPNLINT_EXTERN(int)
vpnlint_nps_next(vpnlint_nps_record *out, const char **error_out, vpnlint_nps_reader *r)
{
    if (error_out)
        *error_out = NULL;
    if (!out || !r)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_nps_next: NULL argument");
    return r->format == VPNLINT_NPS_XML ? next_xml(out, error_out, r) : next_csv(out, error_out, r);
}
