/* text.c — gcc-style lines: file:line:col: severity: [ID] message */
#include "render.h"

char *vl_render_text(const vpnlint_report *r)
{
    vl_buf b = VL_BUF_INIT;
    size_t counts[3] = {0, 0, 0};
    for (size_t fi = 0; fi < r->n_files; fi++) {
        const vl_file *f = &r->files[fi];
        if (f->read_error) {
            vl_buf_printf(&b, "%s: error: %s\n", f->path, f->read_error_message);
            continue;
        }
        for (size_t i = f->first_finding; i < f->first_finding + f->n_findings; i++) {
            const vl_finding *x = &r->findings[i];
            if (x->line)
                vl_buf_printf(&b, "%s:%u:%u: ", f->path, x->line, x->col ? x->col : 1);
            else
                vl_buf_printf(&b, "%s: ", f->path);
            vl_buf_printf(&b, "%s: [%s] %s\n", vl_severity_name(x->severity), x->rule->id,
                          x->message);
            if (x->rule->fix && *x->rule->fix)
                vl_buf_printf(&b, "    help: %s\n", x->rule->fix);
            if (x->severity >= 0 && x->severity <= 2)
                counts[x->severity]++;
        }
    }
    vl_buf_printf(&b, "%zu error(s), %zu warning(s), %zu info ", counts[2], counts[1], counts[0]);
    vl_render_scope(&b, r);
    vl_buf_putc(&b, '\n');
    return vl_buf_detach(&b);
}

char *vl_render_rules_text(void)
{
    vl_buf b = VL_BUF_INIT;
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *x = vl_registry[i];
        vl_buf_printf(&b, "%-7s %-8s %-10s %-40s %s\n", x->id, vl_severity_name(x->severity),
                      vl_kind_name(x->kind), x->name, x->summary);
    }
    return vl_buf_detach(&b);
}

char *vl_render_rules_markdown(void)
{
    vl_buf b = VL_BUF_INIT;
    vl_buf_puts(&b, "# vpnlint rules\n\n"
                    "Generated from the rule registry by `vpnlint rules --format markdown`.\n\n"
                    "| ID | Name | Applies to | Default severity | Summary |\n"
                    "|---|---|---|---|---|\n");
    for (size_t i = 0; i < vl_registry_count; i++) {
        const vl_rule *x = vl_registry[i];
        vl_buf_printf(&b, "| [%s](%s.md) | %s | %s | %s | %s |\n", x->id, x->id, x->name,
                      vl_kind_name(x->kind), vl_severity_name(x->severity), x->summary);
    }
    return vl_buf_detach(&b);
}
