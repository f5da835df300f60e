/* edit.h — the phonebook editor's internals: pure in-memory edits of a
 * model's bytes, and the crash-safe file writer (see docs/pbk-editing.md). */
#ifndef VL_PBK_EDIT_H
#define VL_PBK_EDIT_H

#include "pbk/pbk.h"

/* Where an edit applies. Indexes are 0-based; -1 = not given. */
typedef struct vl_pbk_addr {
    const char *entry; /* entry name: raw bytes, or the escaped form `pbk list` prints */
    int media, device, phone;
} vl_pbk_addr;

/* Result of an edit: the new bytes and, for each new line, the index of the
 * old line it is an unchanged copy of (-1 for a new or changed line). */
typedef struct vl_pbk_edit_result {
    unsigned char *bytes; /* vl_malloc'd */
    size_t len;
    long *origin; /* vl_malloc'd, n_origin entries */
    size_t n_origin;
} vl_pbk_edit_result;

void vl_pbk_edit_result_free(vl_pbk_edit_result *r);

/* Resolves the entry named at->entry: VPNLINT_ENOTFOUND, VPNLINT_EAMBIGUOUS
 * (the name occurs more than once, also when names differ only in ASCII
 * case), or 0 with *index set. */
int vl_pbk_resolve_entry(const vl_pbk *p, const char *name, size_t *index);

/* Sets (value != NULL) or removes (value == NULL) `key` at `at`. Never
 * changes a line other than the target lines (and, when a key is appended
 * after a last line that has no line ending, that line's ending). */
int vl_pbk_edit(vl_pbk_edit_result *out, const vl_pbk *p, const vl_pbk_addr *at, const char *key,
                const char *value);

/* Escaped display form of raw name bytes (invalid UTF-8 and control bytes as
 * \xNN); appended to b. */
void vl_pbk_escape_name(vl_buf *b, const char *name, size_t len);

/* ---- file writer (write.c) */

/* Test hook: called at each stage of vl_pbk_write_file / restore (stage
 * numbers VL_PBK_STAGE_*). NULL in production. */
extern void (*vl_pbk_write_hook)(int stage);

enum {
    VL_PBK_STAGE_CHECKED = 1,    /* conflict check passed, nothing written yet */
    VL_PBK_STAGE_BACKUP_PARTIAL, /* backup temp file half written */
    VL_PBK_STAGE_BACKUP_SYNCED,  /* backup temp file complete and flushed */
    VL_PBK_STAGE_BACKUP_DONE,    /* backup file in place */
    VL_PBK_STAGE_TEMP_PARTIAL,   /* new content temp file half written */
    VL_PBK_STAGE_TEMP_SYNCED,    /* temp file complete and flushed */
    VL_PBK_STAGE_RENAMED,        /* temp renamed over the target */
    VL_PBK_STAGE_DONE            /* directory flushed */
};

/* Reads `path` whole (up to 64 MiB). */
int vl_pbk_read(const char *path, unsigned char **data, size_t *len);

/* Replaces `path` with `data` safely:
 *  1. the file must still hold exactly `expect` (else VPNLINT_ECONFLICT);
 *  2. when backup_out != NULL, writes a backup of `expect` beside it first
 *     (<path>.vpnlint-YYYYMMDDTHHMMSSZ[-N].bak, never overwriting one);
 *  3. writes a temp file in the same folder, flushes it to disk,
 *  4. checks for a conflict again, and renames the temp over `path`
 *     (atomic), then flushes the folder.
 * expect == NULL skips the conflict check (used by restore when the target
 * does not exist). */
int vl_pbk_write_file(const char *path, const unsigned char *expect, size_t expect_len,
                      bool expect_absent, const unsigned char *data, size_t len, char **backup_out);

/* The file a backup belongs to (strip ".vpnlint-<stamp>[-N].bak"), or NULL. */
char *vl_pbk_backup_target(const char *backup_path);

#endif
