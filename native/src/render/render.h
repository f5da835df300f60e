/* render.h — renderers of a report and of the rule catalogue. */
#ifndef VL_RENDER_H
#define VL_RENDER_H

#include "core/engine.h"

#include <cjson/cJSON.h>

char *vl_render_text(const vpnlint_report *r);
char *vl_render_json(const vpnlint_report *r);
char *vl_render_sarif(const vpnlint_report *r);
char *vl_render_intune(const vpnlint_report *r);

char *vl_render_rules_text(void);
char *vl_render_rules_json(void);
char *vl_render_rules_markdown(void);

/* "in 3 file(s)", "in 2 file(s) and 5 device location(s)": device findings
 * are recorded under their location (a service, a registry key), not a file. */
void vl_render_scope(vl_buf *b, const vpnlint_report *r);

/* cJSON -> library-owned string (vpnlint_free), and frees the cJSON tree. */
char *vl_json_finish(cJSON *root, bool pretty);

#endif
