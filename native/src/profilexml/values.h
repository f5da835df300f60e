/* values.h — syntax of certificate thumbprints and OIDs as ProfileXML and
 * its EAP configuration carry them (TrustedRootCA, IssuerHash, Sso/IssuerHash,
 * EKUOID, Sso/Eku).
 *
 * NOTE for the merge: branch rules-semantics writes a file with the same
 * name and the same two signatures; keep one copy (the stricter, tested one). */
#ifndef VL_PX_VALUES_H
#define VL_PX_VALUES_H

#include <stdbool.h>

/* A SHA-1 thumbprint: exactly 40 hex digits once ASCII spaces are removed
 * (Windows exports lowercase pairs separated by single spaces, often with a
 * trailing space; unspaced and uppercase forms are accepted by Windows too).
 * *canonical (may be NULL) is set to true when the text is in the exported
 * form: lowercase pairs separated by one space, optional trailing space.
 * Invisible characters pasted from the certificate dialog (U+200E) make the
 * value invalid. */
bool vl_thumbprint_valid(const char *s, bool *canonical);

/* A dotted-decimal object identifier: at least two arcs, first arc 0, 1 or 2,
 * second arc at most 39 under 0 and 1, no empty arcs, no leading zeros, no
 * spaces. */
bool vl_oid_valid(const char *s);

#endif
