/* rasevents.c — RasClient events from exported text or wevtutil XML.
 *
 * Text: whatever Windows gives the admin (Event Viewer "Save as text" rows,
 * the General tab copied, `wevtutil qe /f:text`, Get-WinEvent | Format-List,
 * with wrapped lines). White space is collapsed first, so a message wrapped
 * over lines reads as one; the RasClient sentences are then anchored:
 *   20227 "... dialed a connection named NAME which has failed. The error code
 *          returned on failure is CODE."
 *   20226 "... connection named NAME which has terminated. The reason code
 *          returned on termination is CODE."
 *   20221 "... connection profile named NAME. ..." (dial started, no code)
 *   20220 "The connection to NAME made using device ... The error code ..."
 * Event ID and time come from the nearest header before the message.
 *
 * XML: `wevtutil qe Application /q:...` prints <Event> elements without a
 * root; they are parsed with libxml2's reader inside a synthetic root (no
 * DTD, no entities, no network). The rendered <Message> is used when present
 * (/f:RenderedXml), else the <EventData> values. */
#include "core/xml.h"
#include "kb/kb.h"

#include <cjson/cJSON.h>
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RAS_MAX_INPUT (64u * 1024u * 1024u)

struct vpnlint_rasevents {
    vpnlint_rasevent *items;
    size_t n, cap;
};

/* Copy of s[0..n) as valid UTF-8: every byte that does not start a valid
 * sequence becomes U+FFFD, so the JSON rendering is always valid UTF-8
 * whatever code page or broken export the events came from. */
static char *dup_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0;
    for (size_t i = 0; i < n;) {
        size_t l = vl_utf8_seq(u + i, n - i);
        if (l == 0) {
            bad++;
            l = 1;
        }
        i += l;
    }
    char *r = vl_malloc(n + bad * 2 + 1);
    if (!r)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t l = vl_utf8_seq(u + i, n - i);
        if (l == 0) {
            memcpy(r + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i++;
        } else {
            memcpy(r + k, s + i, l);
            k += l;
            i += l;
        }
    }
    r[k] = '\0';
    return r;
}

static void free_event(vpnlint_rasevent *e)
{
    free((char *)e->time);
    free((char *)e->user);
    free((char *)e->connection);
    free((char *)e->code_text);
}

VPNLINT_EXTERN(void) vpnlint_rasevents_free(vpnlint_rasevents *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->n; i++)
        free_event(&ev->items[i]);
    free(ev->items);
    free(ev);
}

VPNLINT_EXTERN(size_t) vpnlint_rasevents_count(const vpnlint_rasevents *ev)
{
    return ev ? ev->n : 0;
}

VPNLINT_EXTERN(int)
vpnlint_rasevents_at(vpnlint_rasevent *out, const vpnlint_rasevents *ev, size_t index)
{
    if (!out || !ev)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rasevents_at: NULL argument");
    if (index >= ev->n)
        return vl_error_set(VPNLINT_ENOTFOUND, "no event %zu (there are %zu)", index, ev->n);
    *out = ev->items[index];
    return VPNLINT_OK;
}

/* Adds an event; strings are copied (NULL = ""). */
static int add_event(vpnlint_rasevents *ev, unsigned id, const char *time, size_t time_len,
                     const char *user, size_t user_len, const char *conn, size_t conn_len,
                     const char *code, size_t code_len, unsigned line)
{
    vpnlint_rasevent *items = vl_grow(ev->items, ev->n, &ev->cap, sizeof *items, 16);
    if (!items)
        return vl_error_oom();
    ev->items = items;
    vpnlint_rasevent *e = &ev->items[ev->n];
    memset(e, 0, sizeof *e);
    size_t l;
    const char *t;
    t = vl_trim(time ? time : "", time ? time_len : 0, &l);
    e->time = dup_utf8(t, l);
    t = vl_trim(user ? user : "", user ? user_len : 0, &l);
    e->user = dup_utf8(t, l);
    t = vl_trim(conn ? conn : "", conn ? conn_len : 0, &l);
    e->connection = dup_utf8(t, l);
    t = vl_trim(code ? code : "", code ? code_len : 0, &l);
    while (l > 0 && (t[l - 1] == '.' || t[l - 1] == ',' || t[l - 1] == '"'))
        l--;
    e->code_text = dup_utf8(t, l);
    if (!e->time || !e->user || !e->connection || !e->code_text) {
        free_event(e);
        return vl_error_oom();
    }
    uint32_t v, alt;
    bool has_alt;
    if (l > 0 && vl_kb_parse_code(e->code_text, &v, &alt, &has_alt) == 0) {
        e->has_code = 1;
        e->code = v;
        if (has_alt && !vl_kb_find_value(v, NULL) && vl_kb_find_value(alt, NULL))
            e->code = alt;
    }
    e->event_id = id;
    e->line = line;
    ev->n++;
    return VPNLINT_OK;
}

/* ---- normalised text: white space collapsed, with the source line of
 * every character kept for reporting. */
typedef struct norm {
    char *s;
    unsigned *line;
    size_t n;
} norm;

static int normalise_text(norm *out, const char *text, size_t len, unsigned first_line)
{
    out->s = vl_malloc(len + 1);
    out->line = vl_malloc((len + 1) * sizeof(unsigned));
    out->n = 0;
    if (!out->s || !out->line)
        return vl_error_oom();
    unsigned line = first_line;
    bool space = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            line++;
        if (vl_is_space(c) || c == 0) {
            space = true;
            continue;
        }
        if (space && out->n > 0) {
            out->s[out->n] = ' ';
            out->line[out->n++] = line;
        }
        space = false;
        out->s[out->n] = (char)c;
        out->line[out->n++] = line;
    }
    out->s[out->n] = '\0';
    out->line[out->n] = line;
    return VPNLINT_OK;
}

static void norm_free(norm *n)
{
    free(n->s);
    free(n->line);
}

/* Case-sensitive search in [from, to). */
static const char *find_in(const char *from, const char *to, const char *needle)
{
    size_t nl = strlen(needle);
    if (nl == 0 || to < from || (size_t)(to - from) < nl)
        return NULL;
    const char *last = to - nl; /* the last place a match can start */
    for (const char *p = from; p <= last; p++) {
        p = memchr(p, needle[0], (size_t)(last - p) + 1);
        if (!p)
            return NULL;
        if (memcmp(p + 1, needle + 1, nl - 1) == 0)
            return p;
    }
    return NULL;
}

/* The next occurrence of one needle, remembered between calls so that a scan
 * that moves forward never searches the same bytes twice (a text with many
 * events and no further anchor would otherwise cost O(events x length)). */
typedef struct anchor {
    const char *needle;
    const char *from; /* where the last search started, NULL before the first */
    const char *at;   /* its answer */
} anchor;

static const char *anchor_next(anchor *an, const char *from, const char *to)
{
    if (!an->from || from < an->from || (an->at && an->at < from)) {
        an->from = from;
        an->at = find_in(from, to, an->needle);
    }
    return an->at;
}

static const char *rfind_in(const char *from, const char *to, const char *needle)
{
    size_t nl = strlen(needle);
    if ((size_t)(to - from) < nl)
        return NULL;
    for (const char *p = to - nl; p >= from; p--) {
        if (memcmp(p, needle, nl) == 0)
            return p;
        if (p == from)
            break;
    }
    return NULL;
}

/* A header before a message: event ID or time, at a normalised offset. */
typedef struct marker {
    size_t at;
    unsigned id; /* 0 when this marker is a time */
    const char *time;
    size_t time_len;
} marker;

static bool read_uint(const char *p, const char *end, unsigned *out)
{
    unsigned v = 0;
    const char *s = p;
    while (p < end && *p >= '0' && *p <= '9' && v < 100000000u)
        v = v * 10 + (unsigned)(*p++ - '0');
    if (p == s)
        return false;
    *out = v;
    return true;
}

/* Collects ID and time headers in the normalised text. */
/* Adds marker `x` to the list kept in position order (a marker found behind
 * the scan, like the time of an Event Viewer row, goes before the later ones;
 * equal positions keep their order). False when out of memory. */
static bool add_marker(marker **m, size_t *n, size_t *cap, marker x)
{
    if (*n == *cap) {
        marker *g = vl_realloc(*m, *cap * 2 * sizeof **m);
        if (!g)
            return false;
        *m = g;
        *cap *= 2;
    }
    size_t i = *n;
    while (i > 0 && (*m)[i - 1].at > x.at) {
        (*m)[i] = (*m)[i - 1];
        i--;
    }
    (*m)[i] = x;
    (*n)++;
    return true;
}

/* The event id and time headers of a text export, in position order. */
static size_t collect_markers(const norm *nt, marker **out)
{
    static const char *const id_keys[] = {"Event ID: ", "EventID: ", "Id : ", "RasClient "};
    static const char *const time_keys[] = {"Date: ", "TimeCreated : ", "Logged: "};
    size_t cap = 64, n = 0;
    marker *m = vl_malloc(cap * sizeof *m);
    if (!m)
        return 0;
    const char *s = nt->s, *end = nt->s + nt->n;
    for (const char *p = s; p < end; p++) {
        for (size_t k = 0; k < VL_ARRAY_LEN(id_keys); k++) {
            size_t kl = strlen(id_keys[k]);
            unsigned v;
            if (*p == id_keys[k][0] && (size_t)(end - p) > kl && memcmp(p, id_keys[k], kl) == 0 &&
                read_uint(p + kl, end, &v) && v >= 20000 && v < 21000) {
                if (!add_marker(&m, &n, &cap, (marker){(size_t)(p - s), v, NULL, 0}))
                    goto out;
                /* Event Viewer rows: "Error 1/15/2024 10:00:00 AM RasClient 20227" */
                if (k == 3) {
                    const char *q = p;
                    int tokens = 0;
                    while (q > s && tokens < 3) {
                        q--;
                        while (q > s && q[-1] != ' ')
                            q--;
                        tokens++;
                    }
                    if (tokens == 3 && q < p &&
                        !add_marker(&m, &n, &cap,
                                    (marker){(size_t)(q - s), 0, q, (size_t)(p - q - 1)}))
                        goto out;
                }
            }
        }
        for (size_t k = 0; k < VL_ARRAY_LEN(time_keys); k++) {
            size_t kl = strlen(time_keys[k]);
            if (*p == time_keys[k][0] && (size_t)(end - p) > kl &&
                memcmp(p, time_keys[k], kl) == 0) {
                const char *v = p + kl, *q = v;
                /* a date token, then a time token and an AM/PM token if present */
                int tokens = 0;
                while (q < end && tokens < 3) {
                    const char *w = q;
                    while (q < end && *q != ' ')
                        q++;
                    size_t wl = (size_t)(q - w);
                    bool ok =
                        tokens == 0 || (tokens == 1 && memchr(w, ':', wl)) ||
                        (tokens == 2 && wl == 2 && (w[0] == 'A' || w[0] == 'P') && w[1] == 'M');
                    if (!ok) {
                        q = w;
                        break;
                    }
                    tokens++;
                    if (q < end)
                        q++;
                }
                while (q > v && q[-1] == ' ')
                    q--;
                if (!add_marker(&m, &n, &cap, (marker){(size_t)(p - s), 0, v, (size_t)(q - v)}))
                    goto out;
            }
        }
    }
out: /* out of memory: the markers found so far */
    *out = m;
    return n;
}

/* Parses the messages in normalised text [from,to) of one event (or a whole
 * export). `given_id`/`given_time` come from XML; 0/NULL for text. */
static int scan_messages(vpnlint_rasevents *ev, const norm *nt, size_t from, size_t to,
                         unsigned given_id, const char *given_time)
{
    const char *s = nt->s;
    const char *end = nt->s + to;
    marker *mk = NULL;
    size_t nmk = given_id ? 0 : collect_markers(nt, &mk);
    size_t mk_next = 0;         /* first marker not yet behind the scan */
    size_t region_start = from; /* headers for the next event are after this */
    const char *p = s + from;
    int rc = VPNLINT_OK;
    anchor named = {"connection named ", NULL, NULL};
    anchor prof = {"connection profile named ", NULL, NULL};
    anchor failure = {"code returned on failure is ", NULL, NULL};
    anchor coid = {"CoId=", NULL, NULL};
    for (;;) {
        /* next anchor of any kind */
        const char *a_named = anchor_next(&named, p, end);
        const char *a_prof = anchor_next(&prof, p, end);
        const char *a_code = anchor_next(&failure, p, end);
        const char *a = NULL;
        int kind = 0;
        if (a_named && (!a || a_named < a)) {
            a = a_named;
            kind = 1;
        }
        if (a_prof && (!a || a_prof < a)) {
            a = a_prof;
            kind = 2;
        }
        if (a_code && (!a || a_code < a)) {
            a = a_code;
            kind = 3;
        }
        if (!a)
            break;
        /* the message runs to the next anchor (or 1000 characters) */
        const char *next = NULL;
        const char *after = a + 10;
        const char *cands[3] = {anchor_next(&named, after, end), anchor_next(&prof, after, end),
                                anchor_next(&coid, after, end)};
        for (int i = 0; i < 3; i++)
            if (cands[i] && (!next || cands[i] < next))
                next = cands[i];
        const char *msg_end = next ? next : end;
        if (msg_end - a > 1000)
            msg_end = a + 1000;
        if (msg_end > end)
            msg_end = end;

        const char *name = NULL, *name_end = NULL, *code = NULL, *code_end = NULL;
        const char *user = NULL, *user_end = NULL;
        unsigned implied = 0;
        if (kind == 1 || kind == 2) {
            name =
                a + (kind == 1 ? strlen("connection named ") : strlen("connection profile named "));
            const char *w = find_in(name, msg_end, " which has ");
            const char *u = find_in(name, msg_end, " using ");
            const char *dot = find_in(name, msg_end, ". ");
            name_end = w ? w : u ? u : dot ? dot : msg_end;
            if (kind == 2)
                name_end = dot && (!w || dot < w) ? dot : name_end;
            if (kind == 1 && w && find_in(w, msg_end, " which has failed"))
                implied = 20227;
            else if (kind == 1 && w && find_in(w, msg_end, " which has terminated"))
                implied = 20226;
            else if (kind == 2)
                implied = 20221;
            else if (kind == 1 && u)
                implied = 20222;
        }
        const char *cf = find_in(a, msg_end, "code returned on failure is ");
        const char *ct = find_in(a, msg_end, "code returned on termination is ");
        if (cf) {
            code = cf + strlen("code returned on failure is ");
        } else if (ct) {
            code = ct + strlen("code returned on termination is ");
        }
        if (code) {
            code_end = code;
            while (code_end < msg_end && *code_end != ' ')
                code_end++;
        }
        if (kind == 3) {
            /* 20220: "The connection to NAME made using device ..." */
            const char *ct2 = rfind_in(s + region_start, a, "The connection to ");
            if (ct2) {
                name = ct2 + strlen("The connection to ");
                const char *mu = find_in(name, a, " made using");
                name_end = mu ? mu : name;
                if (mu)
                    implied = 20220;
            }
            if (!implied)
                implied = 20227;
        }
        /* "The user DOMAIN\user dialed ..." shortly before the anchor */
        const char *lo = a - s > 300 ? a - 300 : s + region_start;
        if (lo < s + region_start)
            lo = s + region_start;
        const char *tu = rfind_in(lo, a, "The user ");
        if (tu) {
            user = tu + strlen("The user ");
            const char *d = find_in(user, a, " dialed");
            const char *h = find_in(user, a, " has ");
            const char *i2 = find_in(user, a, " is ");
            user_end = d ? d : h ? h : i2 ? i2 : user;
        }
        /* headers between the previous event and this one */
        unsigned id = given_id;
        const char *time = given_time;
        size_t time_len = given_time ? strlen(given_time) : 0;
        size_t at = (size_t)(a - s);
        /* the markers are in position order and the regions move forward */
        while (mk_next < nmk && mk[mk_next].at < region_start)
            mk_next++;
        for (size_t i = mk_next; i < nmk && mk[i].at <= at; i++, mk_next = i) {
            if (mk[i].id)
                id = mk[i].id;
            else {
                time = mk[i].time;
                time_len = mk[i].time_len;
            }
        }
        if (!id)
            id = implied;
        rc = add_event(ev, id, time, time_len, user, user ? (size_t)(user_end - user) : 0, name,
                       name ? (size_t)(name_end - name) : 0, code,
                       code ? (size_t)(code_end - code) : 0, nt->line[at]);
        if (rc != VPNLINT_OK)
            break;
        region_start = (size_t)(msg_end - s);
        p = msg_end;
        if (p >= end)
            break;
    }
    free(mk);
    return rc;
}

/* ---- XML */

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && vl_is_space((unsigned char)*p))
        p++;
    return p;
}

static int parse_xml(vpnlint_rasevents *ev, const char *text, size_t len)
{
    const char *end = text + len;
    const char *p = skip_ws(text, end);
    unsigned skipped_lines = 0;
    for (const char *q = text; q < p; q++)
        skipped_lines += *q == '\n';
    if ((size_t)(end - p) > 5 && memcmp(p, "<?xml", 5) == 0) {
        const char *q = find_in(p, end, "?>");
        if (!q)
            return vl_error_set(VPNLINT_EPARSE, "line 1: unterminated XML declaration");
        for (const char *r = p; r < q; r++)
            skipped_lines += *r == '\n';
        p = q + 2;
    }
    if (find_in(p, end, "<!DOCTYPE") || find_in(p, end, "<!ENTITY"))
        return vl_error_set(VPNLINT_EPARSE,
                            "the XML has a DOCTYPE or entity declaration; vpnlint refuses them "
                            "(export with `wevtutil qe ... /f:xml` gives none)");
    unsigned flood = vl_xml_attr_flood_line(p, (size_t)(end - p));
    if (flood)
        return vl_error_set(VPNLINT_EPARSE,
                            "line %u: an element has more than %d attributes; vpnlint refuses "
                            "the file (an exported event has a few on each element)",
                            skipped_lines + flood, VL_XML_MAX_ATTRS);
    vl_buf doc = VL_BUF_INIT;
    vl_buf_puts(&doc, "<vpnlint-events>");
    vl_buf_put(&doc, p, (size_t)(end - p));
    vl_buf_puts(&doc, "</vpnlint-events>");
    if (!vl_buf_ok(&doc)) {
        vl_buf_free(&doc);
        return vl_error_oom();
    }
    xmlTextReaderPtr r = xmlReaderForMemory(doc.data, (int)doc.len, NULL, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (!r) {
        vl_buf_free(&doc);
        return vl_error_oom();
    }
    int rc = VPNLINT_OK;
    /* per event state */
    bool in_event = false;
    unsigned ev_line = 0, ev_id = 0;
    char provider[128] = "", time[64] = "";
    vl_buf message = VL_BUF_INIT;
    enum { MAXDATA = 12 };
    /* <Data> values: text nodes are appended in place (amortised O(1)), and
     * any <Data> after the last slot still adds to the last one */
    vl_buf data[MAXDATA];
    for (size_t i = 0; i < MAXDATA; i++)
        data[i] = (vl_buf)VL_BUF_INIT;
    size_t ndata = 0;
    const char *cur = NULL; /* element whose text we collect */
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        if (type == XML_READER_TYPE_ELEMENT && name) {
            if (strcmp(name, "Event") == 0) {
                in_event = true;
                /* the start tag's own line: the parser's position may be
                 * lines ahead (it reads in chunks) */
                long l = xmlGetLineNo(xmlTextReaderCurrentNode(r));
                ev_line = (l > 0 ? (unsigned)l : (unsigned)xmlTextReaderGetParserLineNumber(r)) +
                          skipped_lines;
                ev_id = 0;
                provider[0] = time[0] = '\0';
                vl_buf_free(&message);
                for (size_t i = 0; i < ndata; i++)
                    vl_buf_free(&data[i]);
                ndata = 0;
            } else if (in_event && strcmp(name, "Provider") == 0) {
                xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST "Name");
                if (v) {
                    snprintf(provider, sizeof provider, "%s", (const char *)v);
                    xmlFree(v);
                }
            } else if (in_event && strcmp(name, "TimeCreated") == 0) {
                xmlChar *v = xmlTextReaderGetAttribute(r, BAD_CAST "SystemTime");
                if (v) {
                    snprintf(time, sizeof time, "%s", (const char *)v);
                    xmlFree(v);
                }
            } else if (in_event && (strcmp(name, "EventID") == 0 || strcmp(name, "Message") == 0 ||
                                    strcmp(name, "Data") == 0)) {
                cur = strcmp(name, "EventID") == 0   ? "id"
                      : strcmp(name, "Message") == 0 ? "msg"
                                                     : "data";
                if (xmlTextReaderIsEmptyElement(r)) {
                    if (cur[0] == 'd' && ndata < MAXDATA)
                        vl_buf_put(&data[ndata++], "", 0);
                    cur = NULL;
                } else if (cur[0] == 'd' && ndata < MAXDATA) {
                    vl_buf_put(&data[ndata++], "", 0);
                }
            }
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   cur) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (!v)
                v = "";
            if (cur[0] == 'i') {
                unsigned id;
                if (read_uint(v, v + strlen(v), &id))
                    ev_id = id;
            } else if (cur[0] == 'm') {
                vl_buf_puts(&message, v);
            } else if (ndata > 0) {
                vl_buf_puts(&data[ndata - 1], v); /* ignored once it failed */
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && name) {
            if (strcmp(name, "EventID") == 0 || strcmp(name, "Message") == 0 ||
                strcmp(name, "Data") == 0)
                cur = NULL;
            if (strcmp(name, "Event") == 0 && in_event) {
                in_event = false;
                if (provider[0] && vl_strcasecmp(provider, "RasClient") != 0)
                    continue;
                if (message.len > 0 && vl_buf_ok(&message)) {
                    norm nt;
                    rc = normalise_text(&nt, message.data, message.len, ev_line);
                    size_t before = ev->n;
                    if (rc == VPNLINT_OK)
                        rc = scan_messages(ev, &nt, 0, nt.n, ev_id, time);
                    norm_free(&nt);
                    if (rc != VPNLINT_OK)
                        break;
                    if (ev->n > before)
                        continue;
                }
                /* EventData: [RoutingDomainID,] [CoId,] user, connection, code;
                 * a value that ran out of memory is NULL */
                const char *d[MAXDATA];
                for (size_t i = 0; i < ndata; i++)
                    d[i] = vl_buf_ok(&data[i]) ? data[i].data : NULL;
                const char *code = NULL, *conn = NULL, *user = NULL;
                size_t ci = ndata;
                for (size_t i = ndata; i-- > 0;) {
                    uint32_t v, alt;
                    bool ha;
                    if (d[i] && d[i][0] && vl_kb_parse_code(d[i], &v, &alt, &ha) == 0) {
                        code = d[i];
                        ci = i;
                        break;
                    }
                }
                size_t base = code ? ci : ndata;
                if (base >= 1 && d[base - 1] && d[base - 1][0] != '{')
                    conn = d[base - 1];
                if (base >= 2 && d[base - 2] && d[base - 2][0] != '{')
                    user = d[base - 2];
                rc = add_event(ev, ev_id, time, strlen(time), user, user ? strlen(user) : 0, conn,
                               conn ? strlen(conn) : 0, code, code ? strlen(code) : 0, ev_line);
                if (rc != VPNLINT_OK)
                    break;
            }
        }
    }
    if (ret < 0 && rc == VPNLINT_OK) {
        const xmlError *err = xmlGetLastError();
        unsigned line = (unsigned)xmlTextReaderGetParserLineNumber(r) + skipped_lines;
        rc = vl_error_set(VPNLINT_EPARSE, "line %u: the event XML is not well-formed (%s)", line,
                          err && err->message ? err->message : "parse error");
    }
    for (size_t i = 0; i < ndata; i++)
        vl_buf_free(&data[i]);
    vl_buf_free(&message);
    xmlFreeTextReader(r);
    vl_buf_free(&doc);
    return rc;
}

/* ---- UTF-16 input (Event Viewer saves text as UTF-16LE) */

static char *utf16le_to_utf8(const unsigned char *p, size_t len, size_t *out_len)
{
    vl_buf b = VL_BUF_INIT;
    for (size_t i = 0; i + 1 < len; i += 2) {
        uint32_t c = (uint32_t)p[i] | ((uint32_t)p[i + 1] << 8);
        if (c >= 0xD800 && c < 0xDC00 && i + 3 < len) {
            uint32_t lo = (uint32_t)p[i + 2] | ((uint32_t)p[i + 3] << 8);
            if (lo >= 0xDC00 && lo < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (c >= 0xD800 && c < 0xE000)
            c = 0xFFFD; /* a lone surrogate is no character: U+FFFD, never CESU bytes */
        char u[4];
        size_t n;
        if (c < 0x80) {
            u[0] = (char)c;
            n = 1;
        } else if (c < 0x800) {
            u[0] = (char)(0xC0 | (c >> 6));
            u[1] = (char)(0x80 | (c & 0x3F));
            n = 2;
        } else if (c < 0x10000) {
            u[0] = (char)(0xE0 | (c >> 12));
            u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
            n = 3;
        } else {
            u[0] = (char)(0xF0 | (c >> 18));
            u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[3] = (char)(0x80 | (c & 0x3F));
            n = 4;
        }
        vl_buf_put(&b, u, n);
    }
    if (!vl_buf_ok(&b)) {
        vl_buf_free(&b);
        return NULL;
    }
    *out_len = b.len;
    return vl_buf_detach(&b);
}

VPNLINT_EXTERN(int) vpnlint_rasevents_parse(vpnlint_rasevents **out, const void *data, size_t len)
{
    if (!out || (!data && len))
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rasevents_parse: NULL argument");
    *out = NULL;
    if (len > RAS_MAX_INPUT)
        return vl_error_set(VPNLINT_ETOOBIG,
                            "the event export is %zu bytes; the limit is %u MiB: filter it to "
                            "RasClient events first",
                            len, RAS_MAX_INPUT / (1024u * 1024u));
    const unsigned char *b = data;
    char *conv = NULL;
    const char *text = data;
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        conv = utf16le_to_utf8(b + 2, len - 2, &len);
        if (!conv)
            return vl_error_oom();
        text = conv;
    } else if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        text += 3;
        len -= 3;
    }
    vpnlint_rasevents *ev = vl_calloc(1, sizeof *ev);
    if (!ev) {
        free(conv);
        return vl_error_oom();
    }
    int rc;
    const char *p = skip_ws(text, text + len);
    if (p < text + len && *p == '<') {
        rc = parse_xml(ev, text, len);
    } else {
        norm nt;
        rc = normalise_text(&nt, text, len, 1);
        if (rc == VPNLINT_OK)
            rc = scan_messages(ev, &nt, 0, nt.n, 0, NULL);
        norm_free(&nt);
    }
    free(conv);
    if (rc != VPNLINT_OK) {
        vpnlint_rasevents_free(ev);
        return rc;
    }
    *out = ev;
    return VPNLINT_OK;
}

/* ---- rendering: group by connection and code, explain each code once */

typedef struct evgroup {
    const char *connection;
    bool has_code;
    uint32_t code;
    const char *code_text;
    unsigned event_id;
    unsigned long count;
    const char *last_time;
    unsigned first_line;
} evgroup;

/* The groups in order of first appearance, and a hash index over them
 * (open addressing, at most half full) so that an event finds its group in
 * O(1) whatever the number of distinct (connection, code) pairs. */
typedef struct evgroups {
    evgroup *g;
    size_t n, cap;
    vl_hash_index ix;
} evgroups;

/* A group is one connection and, with a code, that code; without, the
 * event id. */
static uint64_t group_hash(const vl_hash_index *ix, const char *connection, bool has_code,
                           uint32_t v)
{
    return vl_hash_str(ix, (uint64_t)has_code << 32 | v, connection);
}

static uint64_t group_hash_at(const vl_hash_index *ix, const void *items, size_t i)
{
    const evgroup *g = (const evgroup *)items + i;
    return group_hash(ix, g->connection, g->has_code, g->has_code ? g->code : g->event_id);
}

static int add_group(evgroups *gs, const vpnlint_rasevent *e)
{
    int rc = vl_hash_reserve(&gs->ix, gs->n, group_hash_at, gs->g);
    if (rc != VPNLINT_OK)
        return rc;
    size_t j = vl_hash_slot0(&gs->ix, group_hash(&gs->ix, e->connection, e->has_code,
                                                 e->has_code ? e->code : e->event_id));
    for (; gs->ix.slot[j]; j = vl_hash_next(&gs->ix, j)) {
        evgroup *g = &gs->g[gs->ix.slot[j] - 1];
        if (strcmp(g->connection, e->connection) == 0 && g->has_code == (bool)e->has_code &&
            (!e->has_code ? g->event_id == e->event_id : g->code == e->code)) {
            g->count++;
            if (*e->time)
                g->last_time = e->time;
            return VPNLINT_OK;
        }
    }
    evgroup *ng = vl_grow(gs->g, gs->n, &gs->cap, sizeof *ng, 16);
    if (!ng)
        return vl_error_oom();
    gs->g = ng;
    gs->g[gs->n++] = (evgroup){e->connection, e->has_code, e->code, e->code_text,
                               e->event_id,   1,           e->time, e->line};
    gs->ix.slot[j] = gs->n;
    return VPNLINT_OK;
}

static const char *event_kind(unsigned id)
{
    switch (id) {
    case 20220:
        return "connection terminated";
    case 20221:
        return "dial started";
    case 20222:
        return "link being established";
    case 20223:
        return "link established";
    case 20224:
        return "link established";
    case 20225:
        return "connected";
    case 20226:
        return "disconnected";
    case 20227:
        return "failed";
    default:
        return "event";
    }
}

VPNLINT_EXTERN(int) vpnlint_rasevents_render(char **out, const vpnlint_rasevents *ev, int format)
{
    if (!out || !ev)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rasevents_render: NULL argument");
    *out = NULL;
    if (format != VPNLINT_FORMAT_TEXT && format != VPNLINT_FORMAT_JSON)
        return vl_error_set(VPNLINT_EINVALID, "explain --event renders text or json only");
    evgroups groups = {NULL, 0, 0, {NULL, 0, {0, 0}}};
    for (size_t i = 0; i < ev->n; i++) {
        int rc = add_group(&groups, &ev->items[i]);
        if (rc != VPNLINT_OK) {
            free(groups.g);
            vl_hash_free(&groups.ix);
            return rc;
        }
    }
    vl_hash_free(&groups.ix);
    evgroup *gs = groups.g;
    size_t ng = groups.n;
    /* distinct known codes, in order of first appearance */
    size_t *codes = vl_calloc(ng + 1, sizeof *codes);
    size_t ncodes = 0;
    if (!codes) {
        free(gs);
        return vl_error_oom();
    }
    for (size_t i = 0; i < ng; i++) {
        size_t idx;
        if (!gs[i].has_code || !vl_kb_find_value(gs[i].code, &idx))
            continue;
        bool seen = false;
        for (size_t k = 0; k < ncodes; k++)
            seen = seen || codes[k] == idx;
        if (!seen)
            codes[ncodes++] = idx;
    }
    int rc = VPNLINT_OK;
    if (format == VPNLINT_FORMAT_JSON) {
        cJSON *root = cJSON_CreateObject();
        cJSON *ga = root ? cJSON_AddArrayToObject(root, "groups") : NULL;
        for (size_t i = 0; ga && i < ng; i++) {
            cJSON *o = cJSON_CreateObject();
            if (!o)
                break;
            cJSON_AddStringToObject(o, "connection", gs[i].connection);
            cJSON_AddNumberToObject(o, "event_id", gs[i].event_id);
            if (gs[i].has_code) {
                cJSON_AddStringToObject(o, "code_text", gs[i].code_text);
                cJSON_AddNumberToObject(o, "code", (double)gs[i].code);
                const vl_kb_entry *e = vl_kb_find_value(gs[i].code, NULL);
                if (e)
                    cJSON_AddStringToObject(o, "name", e->name);
                else
                    cJSON_AddNullToObject(o, "name");
            } else {
                cJSON_AddNullToObject(o, "code");
            }
            cJSON_AddNumberToObject(o, "count", (double)gs[i].count);
            cJSON_AddStringToObject(o, "last_time", gs[i].last_time);
            cJSON_AddNumberToObject(o, "first_line", gs[i].first_line);
            cJSON_AddItemToArray(ga, o);
        }
        cJSON *xa = root ? cJSON_AddArrayToObject(root, "explanations") : NULL;
        for (size_t k = 0; xa && k < ncodes; k++) {
            char *j = vl_kb_entry_json(codes[k]);
            cJSON *o = j ? cJSON_Parse(j) : NULL;
            free(j);
            if (o)
                cJSON_AddItemToArray(xa, o);
        }
        if (root)
            cJSON_AddNumberToObject(root, "events", (double)ev->n);
        char *s = root ? cJSON_Print(root) : NULL;
        cJSON_Delete(root);
        if (!s)
            rc = vl_error_oom();
        else {
            *out = vl_sprintf("%s\n", s);
            cJSON_free(s);
            if (!*out)
                rc = vl_error_oom();
        }
    } else {
        vl_buf b = VL_BUF_INIT;
        size_t nfail = 0;
        for (size_t i = 0; i < ev->n; i++)
            nfail += ev->items[i].has_code ? 1 : 0;
        vl_buf_printf(&b, "RasClient events: %zu, %zu with an error or reason code\n", ev->n,
                      nfail);
        if (ev->n == 0)
            vl_buf_puts(&b, "No RasClient connection messages found (English event text or "
                            "wevtutil XML is expected).\n");
        for (size_t i = 0; i < ng; i++) {
            const evgroup *g = &gs[i];
            const char *conn = *g->connection ? g->connection : "(connection name not found)";
            if (g->has_code) {
                const vl_kb_entry *e = vl_kb_find_value(g->code, NULL);
                vl_buf_printf(&b, "  %-28s %s %s %s, %lux", conn, event_kind(g->event_id),
                              g->code_text, e ? e->name : "(not in the knowledge base)", g->count);
            } else {
                vl_buf_printf(&b, "  %-28s %s (%u), %lux", conn, event_kind(g->event_id),
                              g->event_id, g->count);
            }
            if (g->last_time && *g->last_time)
                vl_buf_printf(&b, ", last %s", g->last_time);
            vl_buf_printf(&b, " (line %u)\n", g->first_line);
        }
        for (size_t k = 0; k < ncodes; k++) {
            vl_buf_puts(&b, "\n");
            vl_kb_entry_text(&b, codes[k]);
        }
        if (!vl_buf_ok(&b)) {
            vl_buf_free(&b);
            rc = vl_error_oom();
        } else {
            *out = vl_buf_detach(&b);
        }
    }
    free(codes);
    free(gs);
    return rc;
}
