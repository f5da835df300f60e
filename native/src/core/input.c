/* input.c — the loader: bytes -> UTF-8 text, encoding, kind and envelope. */
#include "input.h"

#include <ctype.h>
#include <libxml/encoding.h>
#include <stdlib.h>
#include <string.h>

void vl_input_add_parse_error(vl_input *in, unsigned line, unsigned col, const char *fmt, ...)
{
    if (in->n_parse_errors >= 16) /* hostile input: keep the first few */
        return;
    vl_diag *d = vl_realloc(in->parse_errors, (in->n_parse_errors + 1) * sizeof *d);
    if (!d)
        return;
    in->parse_errors = d;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vl_vsprintf(fmt, ap);
    va_end(ap);
    if (!msg)
        return;
    d[in->n_parse_errors].line = line;
    d[in->n_parse_errors].col = col;
    d[in->n_parse_errors].message = msg;
    in->n_parse_errors++;
}

void vl_input_add_suppress(vl_input *in, const char *rules, size_t n, unsigned first, unsigned last)
{
    free(in->suppress_ix); /* out of date */
    in->suppress_ix = NULL;
    in->n_suppress_ix = 0;
    vl_suppress *s = vl_grow(in->suppress, in->n_suppress, &in->cap_suppress, sizeof *s, 8);
    if (!s)
        return;
    in->suppress = s;
    char *r = vl_strndup(rules, n);
    if (!r)
        return;
    for (char *p = r; *p; p++)
        if (*p == ' ' || *p == '\t')
            *p = ',';
    s[in->n_suppress].rules = r;
    s[in->n_suppress].first = first;
    s[in->n_suppress].last = last;
    in->n_suppress++;
}

/* Rule IDs compare as vl_list_contains matches them: ASCII case ignored. */
static int id_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    for (size_t i = 0; i < an && i < bn; i++) {
        int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return an < bn ? -1 : an > bn;
}

static int ref_cmp(const void *pa, const void *pb)
{
    const vl_suppress_ref *a = pa, *b = pb;
    int c = id_cmp(a->id, a->id_len, b->id, b->id_len);
    if (c)
        return c;
    return a->first < b->first ? -1 : a->first > b->first;
}

void vl_input_index_suppress(vl_input *in)
{
    free(in->suppress_ix);
    in->suppress_ix = NULL;
    in->n_suppress_ix = 0;
    size_t n = 0, cap = 0;
    vl_suppress_ref *ix = NULL;
    for (size_t i = 0; i < in->n_suppress; i++) {
        const vl_suppress *s = &in->suppress[i];
        for (const char *p = s->rules; *p;) {
            const char *end = strchr(p, ',');
            size_t len = end ? (size_t)(end - p) : strlen(p), tn;
            const char *t = vl_trim(p, len, &tn);
            if (tn) { /* an empty item matches no rule */
                vl_suppress_ref *g = vl_grow(ix, n, &cap, sizeof *g, 16);
                if (!g) {
                    free(ix); /* out of memory: the ranges are scanned instead */
                    return;
                }
                ix = g;
                ix[n++] = (vl_suppress_ref){t, tn, s->first, s->last};
            }
            p += len + (end != NULL);
        }
    }
    if (!n)
        return;
    qsort(ix, n, sizeof *ix, ref_cmp);
    for (size_t i = 1; i < n; i++)
        if (id_cmp(ix[i].id, ix[i].id_len, ix[i - 1].id, ix[i - 1].id_len) == 0 &&
            ix[i - 1].reach > ix[i].reach)
            ix[i].reach = ix[i - 1].reach;
    in->suppress_ix = ix;
    in->n_suppress_ix = n;
}

/* Is `line` inside a range that names id[0..len) in the index? */
static bool ix_covers(const vl_input *in, const char *id, size_t len, unsigned line)
{
    const vl_suppress_ref *ix = in->suppress_ix;
    /* the first entry of the ID, then the last one of it with first <= line */
    size_t lo = 0, hi = in->n_suppress_ix;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (id_cmp(ix[mid].id, ix[mid].id_len, id, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t start = lo;
    hi = in->n_suppress_ix;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = id_cmp(ix[mid].id, ix[mid].id_len, id, len);
        if (c < 0 || (c == 0 && ix[mid].first <= line))
            lo = mid + 1;
        else
            hi = mid;
    }
    /* ix[lo - 1], if of this ID, has the reach of every range of the ID
     * that starts at or before the line */
    return lo > start && ix[lo - 1].reach >= line;
}

bool vl_input_suppressed(const vl_input *in, const char *rule_id, unsigned line)
{
    if (in->suppress_ix)
        return ix_covers(in, rule_id, strlen(rule_id), line) || ix_covers(in, "all", 3, line);
    for (size_t i = 0; i < in->n_suppress; i++) {
        const vl_suppress *s = &in->suppress[i];
        if (line >= s->first && line <= s->last && vl_list_contains(s->rules, rule_id))
            return true;
    }
    return false;
}

bool vl_directive_parse(const char *comment, const char **rules, size_t *n, bool *file_wide)
{
    const char *p = strstr(comment, "vpnlint-disable");
    if (!p)
        return false;
    p += strlen("vpnlint-disable");
    *file_wide = false;
    if (strncmp(p, "-file", 5) == 0) {
        *file_wide = true;
        p += 5;
    }
    if (*p != ' ' && *p != '\t' && *p != '=')
        return false;
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *e = p;
    while (*e && *e != '\n' && *e != '\r' && !(e[0] == '-' && e[1] == '-'))
        e++;
    size_t len;
    *rules = vl_trim(p, (size_t)(e - p), &len);
    *n = len;
    return len > 0;
}

void vl_input_clear(vl_input *in)
{
    if (!in->text_borrowed)
        free(in->text);
    free(in->decode_error.message);
    for (size_t i = 0; i < in->n_parse_errors; i++)
        free(in->parse_errors[i].message);
    free(in->parse_errors);
    free(in->line_starts);
    for (size_t i = 0; i < in->n_suppress; i++)
        free(in->suppress[i].rules);
    free(in->suppress);
    free(in->suppress_ix);
    memset(in, 0, sizeof *in);
}

/* UTF-16 -> UTF-8 through libxml2's converters. */
static int decode_utf16(vl_input *in, const unsigned char *p, size_t n, bool le)
{
    xmlCharEncodingHandlerPtr h =
        xmlGetCharEncodingHandler(le ? XML_CHAR_ENCODING_UTF16LE : XML_CHAR_ENCODING_UTF16BE);
    if (!h || !h->input)
        return vl_error_set(VPNLINT_ERROR, "libxml2 has no UTF-16 converter");
    if (n > (size_t)0x3FFFFFFF)
        return vl_error_set(VPNLINT_ETOOBIG, "input too large to convert");
    size_t cap = n / 2 * 3 + 4;
    char *out = vl_malloc(cap + 1);
    if (!out)
        return vl_error_oom();
    int outlen = (int)cap, inlen = (int)n;
    int rc = h->input((unsigned char *)out, &outlen, p, &inlen);
    if (rc < 0 || inlen < (int)n) {
        /* Where did it stop? Count lines in what converted. */
        unsigned line = 1;
        for (int i = 0; i < outlen && outlen > 0; i++)
            if (out[i] == '\n')
                line++;
        in->decode_error.line = line;
        in->decode_error.col = 0;
        in->decode_error.message =
            vl_sprintf("the %s text is not valid at byte %d (an unpaired surrogate or a cut-off "
                       "character); save the file again as UTF-8 or UTF-16 with a BOM",
                       le ? "UTF-16LE" : "UTF-16BE", inlen + 2);
        if (outlen < 0)
            outlen = 0;
    }
    out[outlen] = '\0';
    in->text = out;
    in->text_len = (size_t)outlen;
    return VPNLINT_OK;
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && vl_is_space((unsigned char)*p))
        p++;
    return p;
}

static bool starts(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* Skips the prolog (declaration, comments, PIs, doctype) and returns the
 * start of the root element's name, or NULL. */
static const char *root_name(const char *p, const char *end)
{
    for (;;) {
        p = skip_ws(p, end);
        if (p >= end || *p != '<')
            return NULL;
        if (starts(p, end, "<?")) {
            const char *e = strstr(p, "?>");
            if (!e || e >= end)
                return NULL;
            p = e + 2;
        } else if (starts(p, end, "<!--")) {
            const char *e = strstr(p + 4, "-->");
            if (!e || e >= end)
                return NULL;
            p = e + 3;
        } else if (starts(p, end, "<!")) {
            const char *e = memchr(p, '>', (size_t)(end - p));
            if (!e)
                return NULL;
            p = e + 1;
        } else {
            return p + 1;
        }
    }
}

static bool name_is(const char *name, const char *end, const char *local)
{
    /* accept a prefix ("x:VPNProfile") and any case (PX002 reports both) */
    const char *n = name;
    while (n < end && *n != '>' && *n != ' ' && *n != ':' && *n != '/' && !vl_is_space(*n))
        n++;
    if (n < end && *n == ':')
        name = n + 1;
    size_t len = strlen(local);
    if ((size_t)(end - name) < len || vl_strncasecmp(name, local, len) != 0)
        return false;
    char c = name + len < end ? name[len] : '\0';
    return c == '>' || c == '/' || vl_is_space((unsigned char)c) || c == '\0';
}

static void detect_kind(vl_input *in)
{
    const char *p = in->text, *end = in->text + in->text_len;
    const char *s = skip_ws(p, end);
    in->kind = VPNLINT_KIND_UNKNOWN;
    in->envelope = "none";
    if (s < end && *s == '<') {
        const char *name = root_name(s, end);
        if (name && name_is(name, end, "SyncML")) {
            in->kind = VPNLINT_KIND_PROFILEXML;
            in->envelope = "syncml";
        } else if (name && name_is(name, end, "VPNProfile")) {
            in->kind = VPNLINT_KIND_PROFILEXML;
            in->envelope = "raw";
        } else if (strstr(s, "<VPNProfile") || strstr(s, "&lt;VPNProfile")) {
            /* some other root around a profile: lint it, rules say what is wrong */
            in->kind = VPNLINT_KIND_PROFILEXML;
            in->envelope = "raw";
        }
        return;
    }
    if (starts(s, end, "&lt;")) {
        in->kind = VPNLINT_KIND_PROFILEXML;
        in->envelope = "escaped";
        return;
    }
    if (s < end && *s == '[') {
        in->kind = VPNLINT_KIND_PBK;
        in->envelope = "none";
        return;
    }
    /* A phonebook with junk before its first entry (a stray line, an editor's
     * note): a "[name]" header among the first lines, with Key=Value lines. */
    const char *line = s;
    bool header = false, kv = false;
    for (int n = 0; n < 64 && line < end; n++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *le = nl ? nl : end;
        size_t tl;
        const char *t = vl_trim(line, (size_t)(le - line), &tl);
        if (tl >= 2 && t[0] == '[' && t[tl - 1] == ']')
            header = true;
        else if (header && tl > 1 && memchr(t, '=', tl) && t[0] != '=')
            kv = true;
        if (header && kv) {
            in->kind = VPNLINT_KIND_PBK;
            in->envelope = "none";
            return;
        }
        if (!nl)
            break;
        line = nl + 1;
    }
}

static int index_lines(vl_input *in)
{
    size_t cap = 64, n = 0;
    size_t *ls = vl_malloc(cap * sizeof *ls);
    if (!ls)
        return vl_error_oom();
    ls[n++] = 0;
    const char *p = in->text, *end = in->text + in->text_len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        if (n == cap) {
            cap *= 2;
            size_t *nl = vl_realloc(ls, cap * sizeof *nl);
            if (!nl) {
                free(ls);
                return vl_error_oom();
            }
            ls = nl;
        }
        ls[n++] = (size_t)(p - in->text);
    }
    in->line_starts = ls;
    in->n_lines = n;
    return VPNLINT_OK;
}

/* Sets the decode error for a NUL byte at text[at]. */
static void nul_error(vl_input *in, const char *text, size_t at)
{
    unsigned line = 1;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n')
            line++;
    in->decode_error.line = line;
    in->decode_error.message =
        vl_sprintf("the file contains a NUL byte at offset %zu; it is binary or in an "
                   "encoding without a BOM (save it as UTF-8)",
                   at);
}

/* UTF-8 text whose first non-blank byte is '[' is a phonebook (detect_kind),
 * and the phonebook model reads in->bytes: no decoded copy, no line table. */
static bool pbk_text(vl_input *in, const unsigned char *t, size_t n)
{
    size_t i = 0;
    while (i < n && vl_is_space(t[i]))
        i++;
    if (i == n || t[i] != '[')
        return false;
    const unsigned char *z = memchr(t, 0, n);
    if (z)
        nul_error(in, (const char *)t, (size_t)(z - t));
    in->kind = VPNLINT_KIND_PBK;
    in->envelope = "none";
    return true;
}

static int decode(vl_input *in, const void *data, size_t len, bool in_place);

int vl_input_decode(vl_input *in, const void *data, size_t len)
{
    return decode(in, data, len, false);
}

int vl_input_decode_in_place(vl_input *in, const void *data, size_t len)
{
    return decode(in, data, len, true);
}

/* UTF-8 bytes as the text: the caller's when they may be borrowed. */
static int utf8_text(vl_input *in, const char *s, size_t len, bool in_place)
{
    in->text_len = len;
    if (in_place) {
        in->text = (char *)s; /* not written to: text_borrowed */
        in->text_borrowed = true;
        return VPNLINT_OK;
    }
    in->text = vl_strndup(s, len);
    return in->text ? VPNLINT_OK : vl_error_oom();
}

static int decode(vl_input *in, const void *data, size_t len, bool in_place)
{
    const unsigned char *b = data;
    in->bytes = b;
    in->len = len;
    in->size = len;
    int rc;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        in->encoding = "utf-8-bom";
        in->has_bom = true;
        if (pbk_text(in, b + 3, len - 3))
            return VPNLINT_OK;
        rc = utf8_text(in, (const char *)b + 3, len - 3, in_place);
    } else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        in->encoding = "utf-16le";
        in->has_bom = true;
        rc = decode_utf16(in, b + 2, len - 2, true);
    } else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        in->encoding = "utf-16be";
        in->has_bom = true;
        rc = decode_utf16(in, b + 2, len - 2, false);
    } else if (len >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 && b[3] == 0) {
        /* UTF-16LE without a BOM: Windows tools write it; libxml2 reads it. */
        in->encoding = "utf-16le";
        rc = decode_utf16(in, b, len, true);
    } else {
        in->encoding = "utf-8";
        if (pbk_text(in, b, len))
            return VPNLINT_OK;
        rc = utf8_text(in, (const char *)b, len, in_place);
    }
    if (rc != VPNLINT_OK)
        return rc;
    /* A NUL byte in the text ends what the XML parser and C strings see. */
    if (strlen(in->text) != in->text_len && !in->decode_error.message) {
        nul_error(in, in->text, strlen(in->text));
    }
    if ((rc = index_lines(in)) != VPNLINT_OK)
        return rc;
    detect_kind(in);
    return VPNLINT_OK;
}

static bool name_end(char c)
{
    return !(c == '_' || c == '-' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
             (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80);
}

/* The column of the tag that a name at p (in the line starting at ls)
 * opens: "<name", "<prefix:name" or "&lt;name"; 0 when p opens none. */
static unsigned open_column(const char *ls, const char *p)
{
    const char *open = NULL;
    if (p > ls && (p[-1] == '<' || p[-1] == ':'))
        open = p - 1;
    else if (p - ls >= 4 && memcmp(p - 4, "&lt;", 4) == 0)
        open = p - 4;
    if (!open)
        return 0;
    if (*open == ':') { /* back up over the prefix to the '<' */
        const char *q = open;
        while (q > ls && q[-1] != '<' && q[-1] != ';' && !vl_is_space((unsigned char)q[-1]))
            q--;
        open = q > ls ? q - 1 : q;
    }
    return (unsigned)(open - ls) + 1;
}

/* The bytes of a line, without its line break; false for no such line. */
static bool line_bounds(const vl_input *in, unsigned line, const char **ls, const char **le)
{
    if (line == 0 || !in->line_starts || line > in->n_lines)
        return false;
    *ls = in->text + in->line_starts[line - 1];
    *le = line < in->n_lines ? in->text + in->line_starts[line] : in->text + in->text_len;
    return true;
}

unsigned vl_src_column(const vl_input *in, unsigned line, const char *name)
{
    const char *ls, *le;
    if (!line_bounds(in, line, &ls, &le))
        return line ? 1 : 0;
    size_t nlen = name ? strlen(name) : 0;
    if (nlen == 0)
        return 1;
    for (const char *p = ls; p + nlen <= le; p++) {
        if (memcmp(p, name, nlen) != 0)
            continue;
        if (p + nlen < le && !name_end(p[nlen]))
            continue;
        unsigned col = open_column(ls, p);
        if (col)
            return col;
    }
    return 1;
}

bool vl_src_is_name(const char *name)
{
    if (!name || !*name)
        return false;
    for (const char *p = name; *p; p++)
        if (name_end(*p))
            return false;
    return true;
}

int vl_src_line_names(const vl_input *in, unsigned line,
                      int (*each)(void *ctx, const char *name, size_t len, unsigned col), void *ctx)
{
    const char *ls, *le;
    if (!line_bounds(in, line, &ls, &le))
        return VPNLINT_OK;
    /* vl_src_column's matches start after '<', ':' or ';' (of "&lt;") and
     * end at a non-name byte: exactly the maximal runs of name bytes */
    for (const char *p = ls; p < le;) {
        if (name_end(*p)) {
            p++;
            continue;
        }
        const char *e = p;
        while (e < le && !name_end(*e))
            e++;
        unsigned col = open_column(ls, p);
        if (col) {
            int rc = each(ctx, p, (size_t)(e - p), col);
            if (rc)
                return rc;
        }
        p = e;
    }
    return VPNLINT_OK;
}
