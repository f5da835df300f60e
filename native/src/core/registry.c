/* registry.c — the rule catalogue: lookups over the generated table. */
#include "rule.h"

#include <string.h>

const vl_rule *vl_rule_lookup(const char *id)
{
    if (!id)
        return NULL;
    /* The generated registry is sorted by ID (rule files are named <ID>_<name>.c
     * and families sort in ID order; test_api checks it), so search it by halves;
     * the linear pass below is the fallback that keeps a misordered table correct. */
    size_t lo = 0, hi = vl_registry_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = vl_strcasecmp(vl_registry[mid]->id, id);
        if (c == 0)
            return vl_registry[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
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
