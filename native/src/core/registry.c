/* registry.c — the rule catalogue: lookups over the generated table. */
#include "rule.h"

#include <string.h>

const vl_rule *vl_rule_lookup(const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < vl_registry_count; i++)
        if (vl_registry[i] && vl_strcasecmp(vl_registry[i]->id, id) == 0)
            return vl_registry[i];
    return NULL;
}

static void fill(vpnlint_rule_info *out, const vl_rule *r)
{
    out->id = r->id;
    out->name = r->name;
    out->kind = r->kind;
    out->default_severity = r->severity;
    out->short_description = r->summary;
    out->full_description = r->description;
    out->help = r->fix;
    out->since = r->since;
}

size_t vpnlint_rule_count(void)
{
    return vl_registry_count;
}

int vpnlint_rule_at(vpnlint_rule_info *out, size_t index)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rule_at: out is NULL");
    if (index >= vl_registry_count)
        return vl_error_set(VPNLINT_ENOTFOUND, "rule index %zu is out of range (%zu rules)", index,
                            vl_registry_count);
    fill(out, vl_registry[index]);
    return VPNLINT_OK;
}

int vpnlint_rule_find(vpnlint_rule_info *out, const char *id)
{
    if (!out || !id)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_rule_find: NULL argument");
    const vl_rule *r = vl_rule_lookup(id);
    if (!r)
        return vl_error_set(VPNLINT_ENOTFOUND, "no rule with ID '%s' (see `vpnlint rules`)", id);
    fill(out, r);
    return VPNLINT_OK;
}
