/* multifind.h — many short-pattern searches over one text, answered together.
 *
 * Each query asks for the first occurrence of a short pattern that starts at
 * or after an offset and ends by a limit. Searching for each on its own costs
 * the distance to its answer, and with thousands of patterns that are far
 * away or absent (a hostile profile full of stray text) that is text length x
 * queries. vl_multifind gives the same answers with one rolling-hash pass
 * over the text per distinct pattern length: O(text x lengths + queries x
 * log queries) time, O(queries) memory. */
#ifndef VL_MULTIFIND_H
#define VL_MULTIFIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VL_MULTIFIND_MAX 64        /* longest pattern */
#define VL_MULTIFIND_NONE SIZE_MAX /* no occurrence */

typedef struct vl_mf_query {
    const char *pat; /* the bytes to find (need not be NUL-terminated) */
    size_t len;      /* 1..VL_MULTIFIND_MAX; other lengths find nothing */
    size_t from;     /* the occurrence starts at an offset >= from (changed:
                        advanced past what was searched directly) */
    size_t to;       /* and ends at or before offset `to` (past its last byte) */
    size_t at;       /* result: offset of the first such occurrence that
                        `accept` takes, VL_MULTIFIND_NONE if none */
} vl_mf_query;

/* Does the occurrence at text[at] count? NULL accepts every occurrence. */
typedef bool (*vl_mf_accept)(const char *text, size_t text_len, size_t at, void *user);

/* Sets q[i].at for every query, exactly as a forward memcmp scan from each
 * query's `from` would. Never fails: without memory it scans query by query. */
void vl_multifind(const char *text, size_t text_len, vl_mf_query *q, size_t n, vl_mf_accept accept,
                  void *user);

#endif
