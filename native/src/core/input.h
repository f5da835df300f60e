/* input.h — one input as the loader leaves it: bytes, decoded text, kind,
 * envelope and the problems met on the way (consumed by envelope rules). */
#ifndef VL_INPUT_H
#define VL_INPUT_H

#include "internal.h"

typedef struct vl_input vl_input;

typedef struct vl_diag {
    unsigned line, col; /* 1-based, in the original file; 0 = unknown */
    char *message;
} vl_diag;

/* Where a parsed XML document's text sits in the original file, so that
 * findings on its nodes point into the file the user has. */
typedef struct vl_src {
    const char *text; /* decoded original file text (UTF-8, NUL-terminated) */
    size_t text_len;
    unsigned line_base; /* original line of the parsed text's line 1 */
    bool escaped;       /* the parsed text was entity-escaped in the file */
} vl_src;

/* An inline suppression: findings of `rules` (comma list, "all" allowed) on
 * lines first..last (inclusive) are dropped. */
typedef struct vl_suppress {
    char *rules;
    unsigned first, last;
} vl_suppress;

/* One rule ID of one suppression, in the index: sorted by ID (ASCII case
 * ignored) and then first line; reach = the largest `last` of its ID's
 * entries up to here, so "is line L covered for ID X" is two binary searches. */
typedef struct vl_suppress_ref {
    const char *id; /* into the vl_suppress's rules */
    size_t id_len;
    unsigned first, reach;
} vl_suppress_ref;

struct vl_input {
    const char *path;
    const unsigned char *bytes; /* original bytes (borrowed) */
    size_t len;
    char *text; /* decoded UTF-8 text without BOM, NUL-terminated (owned unless
                 * text_borrowed: then it is the caller's bytes) */
    bool text_borrowed;
    size_t text_len;
    const char *encoding; /* "utf-8", "utf-8-bom", "utf-16le", "utf-16be" */
    bool has_bom;
    int kind;              /* vpnlint_kind */
    const char *envelope;  /* "raw", "escaped", "syncml", "none" */
    bool too_big;          /* over max_bytes: nothing was parsed */
    uint64_t size;         /* real size in bytes; 0 with too_big: a stream that ran over */
    vl_diag decode_error;  /* message != NULL when decoding failed */
    vl_diag *parse_errors; /* XML well-formedness / safety problems */
    size_t n_parse_errors;
    size_t *line_starts; /* offset of each line's first byte in text */
    size_t n_lines;
    vl_suppress *suppress; /* inline vpnlint-disable ranges */
    size_t n_suppress, cap_suppress;
    vl_suppress_ref *suppress_ix; /* vl_input_index_suppress; NULL: scan the ranges */
    size_t n_suppress_ix;
};

/* Decodes bytes into in->text and detects kind and envelope. */
int vl_input_decode(vl_input *in, const void *data, size_t len);
/* The same for bytes with a '\0' after them that outlive `in`: UTF-8 text
 * is used in place instead of copied. */
int vl_input_decode_in_place(vl_input *in, const void *data, size_t len);
void vl_input_add_parse_error(vl_input *in, unsigned line, unsigned col, const char *fmt, ...)
    VL_PRINTF(4, 5);
void vl_input_add_suppress(vl_input *in, const char *rules, size_t n, unsigned first,
                           unsigned last);
/* Indexes the ranges added so far, so that vl_input_suppressed takes
 * O(log n) instead of a scan of every range (call after the last add; an
 * add drops the index, and without one the ranges are scanned). */
void vl_input_index_suppress(vl_input *in);
bool vl_input_suppressed(const vl_input *in, const char *rule_id, unsigned line);
void vl_input_clear(vl_input *in);

/* Parses a "vpnlint-disable ..." directive in comment text. Returns true and
 * sets *rules and *n (a comma or space separated list) and *file_wide for
 * "vpnlint-disable-file". */
bool vl_directive_parse(const char *comment, const char **rules, size_t *n, bool *file_wide);

/* 1-based column of the first occurrence of `<name` (or `&lt;name`, or a
 * prefixed `:name`) on `line` of the original text; 1 when not found, 0 if
 * line is 0. Columns count bytes of the UTF-8 text. */
unsigned vl_src_column(const vl_input *in, unsigned line, const char *name);
/* Is name made only of the bytes of XML names (vl_src_line_names finds
 * only such names)? */
bool vl_src_is_name(const char *name);
/* Calls each(ctx, name, len, col) for every name on the line that opens a
 * tag, in order, with the column vl_src_column gives for its first one;
 * stops at (and returns) the first non-zero return. */
int vl_src_line_names(const vl_input *in, unsigned line,
                      int (*each)(void *ctx, const char *name, size_t len, unsigned col),
                      void *ctx);

#endif
