/* IN001 input-too-large — any input over the size limit is refused. */
#include "core/input.h"
#include "core/rule.h"

static void check(vl_ctx *c)
{
    if (!c->in->too_big)
        return;
    if (c->in->size)
        vl_report_at(c, VL_SEV_DEFAULT, 0, 0,
                     "the input is %llu bytes, over the limit of %llu bytes; nothing was parsed",
                     (unsigned long long)c->in->size, (unsigned long long)c->opt->max_bytes);
    else /* a pipe or a growing file: reading stopped at the limit */
        vl_report_at(
            c, VL_SEV_DEFAULT, 0, 0,
            "the input is more than %llu bytes (the limit; it was read as a stream, so its "
            "full size is unknown); nothing was parsed",
            (unsigned long long)c->opt->max_bytes);
}

VL_RULE(IN001) = {
    .id = "IN001",
    .name = "input-too-large",
    .kind = VPNLINT_KIND_UNKNOWN,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The input is larger than the size limit and was not parsed",
    .description = "vpnlint refuses inputs over a size limit (16 MiB unless --max-bytes says "
                   "otherwise) so that a hostile or mistaken input cannot exhaust memory. Real "
                   "VPN profiles are a few kilobytes and phonebooks rarely exceed a megabyte.",
    .fix = "Check that you passed the right file; raise the limit with --max-bytes only if "
           "the file is genuinely that large.",
    .since = "0.1.0",
    .flags = VL_RULE_RAW,
    .check = check,
};
