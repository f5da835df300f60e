/* kb.c — the knowledge-base registry and the lookup of every code form. */
#include "kb/kb.h"

#include "core/rule.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one registry: areas in the order they are listed. */
static const vl_kb_area *const kb_areas[] = {
    &vl_kb_area_ras,
    &vl_kb_area_ike,
    &vl_kb_area_cert,
    &vl_kb_area_mdm,
};

size_t vl_kb_count(void)
{
    size_t n = 0;
    for (size_t a = 0; a < VL_ARRAY_LEN(kb_areas); a++)
        n += kb_areas[a]->count;
    return n;
}

static const vl_kb_area *area_for(size_t *index)
{
    for (size_t a = 0; a < VL_ARRAY_LEN(kb_areas); a++) {
        if (*index < kb_areas[a]->count)
            return kb_areas[a];
        *index -= kb_areas[a]->count;
    }
    return NULL;
}

const vl_kb_entry *vl_kb_at(size_t index)
{
    const vl_kb_area *area = area_for(&index);
    return area ? &area->entries[index] : NULL;
}

const char *vl_kb_area_of(size_t index)
{
    const vl_kb_area *area = area_for(&index);
    return area ? area->name : NULL;
}

const vl_kb_entry *vl_kb_find_value(uint32_t value, size_t *index_out)
{
    size_t n = vl_kb_count();
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        if (e->has_value && e->value == value) {
            if (index_out)
                *index_out = i;
            return e;
        }
    }
    return NULL;
}

const char *vl_kb_display(const vl_kb_entry *e, char buf[16])
{
    if (!e->has_value)
        return e->name;
    if (e->value < 0x10000u)
        snprintf(buf, 16, "%u", (unsigned)e->value);
    else
        snprintf(buf, 16, "0x%08X", (unsigned)e->value);
    return buf;
}

bool vl_kb_check_id(const char *check, size_t i, char id[16])
{
    const char *p = check;
    if (!p)
        return false;
    for (;;) {
        while (*p == ' ')
            p++;
        if (!*p)
            return false;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (i-- == 0) {
            size_t n = (size_t)(p - w);
            if (n > 15)
                n = 15;
            memcpy(id, w, n);
            id[n] = '\0';
            return true;
        }
    }
}

int vl_kb_check_kind(const char *check)
{
    char id[16];
    if (!vl_kb_check_id(check, 0, id))
        return VPNLINT_CHECK_MANUAL;
    if (strncmp(id, "DEV", 3) == 0)
        return VPNLINT_CHECK_DEVICE;
    if (strncmp(id, "NET", 3) == 0)
        return VPNLINT_CHECK_PROBE;
    return VPNLINT_CHECK_RULE;
}

bool vl_kb_kind_fits(int rule_kind, unsigned on)
{
    switch (rule_kind) {
    case VPNLINT_KIND_PROFILEXML:
        return (on & VL_KB_ON_PROFILE) != 0;
    case VPNLINT_KIND_PBK:
        return (on & VL_KB_ON_PBK) != 0;
    case VPNLINT_KIND_DEVICE:
        return (on & VL_KB_ON_DEVICE) != 0;
    case VPNLINT_KIND_NETWORK: /* the probe asks the server over the network */
        return (on & (VL_KB_ON_NETWORK | VL_KB_ON_SERVER | VL_KB_ON_CERT)) != 0;
    case VPNLINT_KIND_UNKNOWN: /* input rules (INnnn) read either file */
        return (on & (VL_KB_ON_PROFILE | VL_KB_ON_PBK)) != 0;
    default:
        /* a kind this table does not know yet: refuse until it is added here */
        return false;
    }
}

static const char *kind_word(int kind)
{
    switch (kind) {
    case VPNLINT_KIND_PROFILEXML:
        return "a ProfileXML rule";
    case VPNLINT_KIND_PBK:
        return "a phonebook rule";
    case VPNLINT_KIND_DEVICE:
        return "a device check";
    case VPNLINT_KIND_NETWORK:
        return "a network probe check";
    case VPNLINT_KIND_UNKNOWN:
        return "an input rule";
    default:
        return "a check of a kind the knowledge base does not know";
    }
}

/* Looks for check IDs (PX001, IN002, PBK012, DEV003, NET004) in prose; each
 * must exist and fit. Returns false with msg set at the first that does not. */
static bool ids_in_text_ok(const char *text, const char *field, unsigned on, char *msg, size_t cap)
{
    for (const char *p = text; p && *p; p++) {
        if (p != text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        size_t letters = 0;
        while (isupper((unsigned char)p[letters]))
            letters++;
        if (!((letters == 2 && (strncmp(p, "PX", 2) == 0 || strncmp(p, "IN", 2) == 0)) ||
              (letters == 3 && (strncmp(p, "PBK", 3) == 0 || strncmp(p, "DEV", 3) == 0 ||
                                strncmp(p, "NET", 3) == 0))))
            continue;
        size_t digits = 0;
        while (isdigit((unsigned char)p[letters + digits]))
            digits++;
        if (digits != 3 || isalnum((unsigned char)p[letters + digits]))
            continue;
        char id[8];
        memcpy(id, p, letters + 3);
        id[letters + 3] = '\0';
        const vl_rule *r = vl_rule_lookup(id);
        if (!r) {
            snprintf(msg, cap, "its %s mentions %s, which is not in the rule registry", field, id);
            return false;
        }
        if (!vl_kb_kind_fits(r->kind, on)) {
            snprintf(msg, cap, "its %s mentions %s, %s, but the cause is not about that input",
                     field, id, kind_word(r->kind));
            return false;
        }
    }
    return true;
}

bool vl_kb_cause_valid(const vl_kb_cause *c, char *msg, size_t cap)
{
    if (!c->text || !*c->text) {
        snprintf(msg, cap, "it has no text");
        return false;
    }
    if (!c->fix || !*c->fix) {
        snprintf(msg, cap, "it has no fix");
        return false;
    }
    if (c->on == 0 || (c->on & ~VL_KB_ON_ALL) != 0) {
        snprintf(msg, cap, "it does not say what it is about (on = 0x%X)", c->on);
        return false;
    }
    if (c->check) {
        /* IDs separated by single spaces, none twice */
        size_t len = strlen(c->check);
        if (len == 0 || c->check[0] == ' ' || c->check[len - 1] == ' ' || strstr(c->check, "  ")) {
            snprintf(msg, cap, "its check list '%s' is not IDs separated by single spaces",
                     c->check);
            return false;
        }
        char id[16], other[16];
        for (size_t i = 0; vl_kb_check_id(c->check, i, id); i++) {
            const vl_rule *r = vl_rule_lookup(id);
            if (!r) {
                snprintf(msg, cap, "it points at %s, which is not in the rule registry", id);
                return false;
            }
            if (!vl_kb_kind_fits(r->kind, c->on)) {
                snprintf(msg, cap, "it points at %s, %s, but the cause is not about that input", id,
                         kind_word(r->kind));
                return false;
            }
            for (size_t k = 0; k < i; k++)
                if (vl_kb_check_id(c->check, k, other) && strcmp(other, id) == 0) {
                    snprintf(msg, cap, "it names %s twice", id);
                    return false;
                }
        }
    } else if (!c->how || strlen(c->how) < 20) {
        snprintf(msg, cap, "it is checked by hand but does not say how");
        return false;
    }
    if (c->lint_args && !c->check) {
        snprintf(msg, cap, "it has lint options but no rule to run");
        return false;
    }
    return ids_in_text_ok(c->text, "text", c->on, msg, cap) &&
           ids_in_text_ok(c->how, "how", c->on, msg, cap) &&
           ids_in_text_ok(c->fix, "fix", c->on, msg, cap);
}

/* ---- parsing the forms users paste */

static bool is_word_char(int c)
{
    return isalnum(c) || c == '_';
}

/* Skips a leading "error", "error code", "code", "hr", "hresult", "err",
 * "#", ":" in any case, repeatedly. */
static const char *skip_prefix(const char *s, const char *end)
{
    static const char *const words[] = {"error code", "errorcode", "error",  "code", "hresult",
                                        "hr",         "err",       "status", "no.",  "number"};
    for (;;) {
        while (s < end && (vl_is_space((unsigned char)*s) || *s == '#' || *s == ':' || *s == '=' ||
                           *s == '"' || *s == '\''))
            s++;
        bool matched = false;
        for (size_t i = 0; i < VL_ARRAY_LEN(words); i++) {
            size_t n = strlen(words[i]);
            if ((size_t)(end - s) > n && vl_strncasecmp(s, words[i], n) == 0 &&
                !is_word_char((unsigned char)s[n])) {
                s += n;
                matched = true;
                break;
            }
        }
        if (!matched)
            return s;
    }
}

static bool parse_hex(const char *s, size_t n, uint32_t *out)
{
    if (n == 0 || n > 8)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        v = (v << 4) | (uint32_t)d;
    }
    *out = v;
    return true;
}

static bool parse_dec(const char *s, size_t n, uint64_t limit, uint64_t *out)
{
    if (n == 0 || n > 10)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > limit)
        return false;
    *out = v;
    return true;
}

int vl_kb_parse_code(const char *text, uint32_t *value, uint32_t *alt_hex, bool *has_alt)
{
    *has_alt = false;
    if (!text)
        return -1;
    const char *end = text + strlen(text);
    const char *s = skip_prefix(text, end);
    /* trailing white space, quotes, '.', ')' */
    while (end > s && (vl_is_space((unsigned char)end[-1]) || end[-1] == '.' || end[-1] == '"' ||
                       end[-1] == '\'' || end[-1] == ')'))
        end--;
    if (s < end && *s == '(') /* "(0x80070040)" */
        s++;
    size_t n = (size_t)(end - s);
    if (n == 0)
        return -1;
    uint64_t d;
    uint32_t h;
    if (*s == '-') {
        /* an HRESULT printed as a signed 32-bit number */
        if (!parse_dec(s + 1, n - 1, 2147483648u, &d))
            return -1;
        *value = (uint32_t)(0u - (uint32_t)d);
        return 0;
    }
    if (*s == '+') {
        s++;
        n--;
    }
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return parse_hex(s + 2, n - 2, value) ? 0 : -1;
    if (n > 1 && (s[n - 1] == 'h' || s[n - 1] == 'H'))
        return parse_hex(s, n - 1, value) ? 0 : -1;
    if (parse_dec(s, n, UINT32_MAX, &d)) {
        *value = (uint32_t)d;
        if (n == 8 && parse_hex(s, n, &h)) {
            *alt_hex = h;
            *has_alt = true;
        }
        return 0;
    }
    return parse_hex(s, n, value) ? 0 : -1;
}

/* ---- names and message fragments */

/* Case-insensitive comparison that treats runs of white space as one space
 * and ignores a trailing period. */
static void normalise(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    bool space = false;
    while (*s && vl_is_space((unsigned char)*s))
        s++;
    for (; *s && o + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (vl_is_space(c)) {
            space = true;
            continue;
        }
        if (space && o > 0)
            out[o++] = ' ';
        space = false;
        if (o + 1 < cap)
            out[o++] = (char)tolower(c);
    }
    while (o > 0 && (out[o - 1] == '.' || out[o - 1] == '"' || out[o - 1] == '\''))
        o--;
    out[o] = '\0';
}

static bool contains_ci(const char *hay, const char *needle)
{
    char h[1024], n[1024];
    normalise(hay, h, sizeof h);
    normalise(needle, n, sizeof n);
    return n[0] && strstr(h, n) != NULL;
}

static bool alias_matches(const char *aliases, const char *text, bool fragment)
{
    if (!aliases)
        return false;
    const char *p = aliases;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        char one[512];
        if (n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            if (fragment ? contains_ci(one, text) : vl_strcasecmp(one, text) == 0)
                return true;
        }
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

const vl_kb_entry *vl_kb_lookup(const char *text, size_t *index_out)
{
    if (!text)
        return NULL;
    char trimmed[512];
    size_t tl;
    const char *t = vl_trim(text, strlen(text), &tl);
    while (tl > 0 && (t[0] == '"' || t[0] == '\'')) {
        t++;
        tl--;
    }
    while (tl > 0 && (t[tl - 1] == '"' || t[tl - 1] == '\''))
        tl--;
    if (tl == 0 || tl >= sizeof trimmed)
        return NULL;
    memcpy(trimmed, t, tl);
    trimmed[tl] = '\0';

    uint32_t v, alt;
    bool has_alt;
    if (vl_kb_parse_code(trimmed, &v, &alt, &has_alt) == 0) {
        const vl_kb_entry *e = vl_kb_find_value(v, index_out);
        if (!e && has_alt)
            e = vl_kb_find_value(alt, index_out);
        /* HRESULT_FROM_WIN32(n) = 0x8007nnnn: fall back to the Win32 code */
        if (!e && (v & 0xFFFF0000u) == 0x80070000u)
            e = vl_kb_find_value(v & 0xFFFFu, index_out);
        return e;
    }
    size_t n = vl_kb_count();
    /* symbolic names and aliases, exact (case-insensitive) */
    for (size_t i = 0; i < n; i++) {
        const vl_kb_entry *e = vl_kb_at(i);
        if (vl_strcasecmp(e->name, trimmed) == 0 || alias_matches(e->aliases, trimmed, false)) {
            if (index_out)
                *index_out = i;
            return e;
        }
    }
    /* a fragment of the official message (at least a few words) */
    if (tl >= 12) {
        for (size_t i = 0; i < n; i++) {
            const vl_kb_entry *e = vl_kb_at(i);
            if (contains_ci(e->message, trimmed) || contains_ci(trimmed, e->message) ||
                alias_matches(e->aliases, trimmed, true)) {
                if (index_out)
                    *index_out = i;
                return e;
            }
        }
    }
    return NULL;
}
