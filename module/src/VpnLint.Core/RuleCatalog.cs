using System;
using System.Collections.Generic;
using System.Linq;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>The library's rule registry (Get-VpnLintRule, -IncludeRule completion).</summary>
    public static class RuleCatalog
    {
        /// <summary>Every rule, in registry order (sorted by ID).</summary>
        public static IReadOnlyList<RuleInfo> GetAll()
        {
            NativeLoader.EnsureLoaded();
            ulong n = NativeMethods.vpnlint_rule_count().ToUInt64();
            var list = new List<RuleInfo>();
            for (ulong i = 0; i < n; i++)
            {
                NativeMethods.Check(NativeMethods.vpnlint_rule_at(out NativeRuleInfo ri, new UIntPtr(i)));
                list.Add(Convert(ri));
            }
            return list;
        }

        /// <summary>One rule by ID (case-insensitive); VpnLintException NotFound if none.</summary>
        public static RuleInfo Find(string id)
        {
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_rule_find(out NativeRuleInfo ri, Utf8.ToNative(id)!));
            return Convert(ri);
        }

        /// <summary>
        /// Rules matching any of <paramref name="ids"/> (wildcards allowed; none = all), and of one of
        /// the kinds and default severities given (none = any). An ID without wildcards that names no
        /// rule is reported through <paramref name="notFound"/>.
        /// </summary>
        public static IReadOnlyList<RuleInfo> Query(IList<string>? ids, IList<VpnLintKind>? kinds,
                                                    IList<VpnLintSeverity>? severities, Action<string>? notFound = null)
        {
            IReadOnlyList<RuleInfo> all = GetAll();
            IEnumerable<RuleInfo> q = all;
            if (ids != null && ids.Count > 0)
            {
                foreach (string id in ids.Where(i => !Wildcard.HasWildcard(i)))
                {
                    if (!all.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
                    {
                        notFound?.Invoke(id);
                    }
                }
                q = q.Where(r => ids.Any(p => Wildcard.IsMatch(r.Id, p)));
            }
            if (kinds != null && kinds.Count > 0)
            {
                q = q.Where(r => kinds.Contains(r.Kind));
            }
            if (severities != null && severities.Count > 0)
            {
                q = q.Where(r => severities.Contains(r.DefaultSeverity));
            }
            return q.ToList();
        }

        /// <summary>Rule IDs starting with <paramref name="prefix"/> (tab completion); quotes are ignored.</summary>
        public static IReadOnlyList<string> Complete(string? prefix)
        {
            string p = (prefix ?? string.Empty).Trim('\'', '"');
            return GetAll().Select(r => r.Id)
                           .Where(id => id.StartsWith(p, StringComparison.OrdinalIgnoreCase) || (Wildcard.HasWildcard(p) && Wildcard.IsMatch(id, p)))
                           .ToList();
        }

        /// <summary>
        /// Expands IDs and wildcards into the comma list the library takes; null when the list is empty.
        /// An ID or pattern that matches no rule is an error (VpnLintException NotFound).
        /// </summary>
        public static string? ToNativeList(IList<string>? patterns, string parameterName)
        {
            // The common case (no filter) returns before Expand, so a lint call without filters does not
            // JIT the LINQ below or load System.Linq.
            return patterns == null || patterns.Count == 0 ? null : Expand(patterns, parameterName);
        }

        private static string Expand(IList<string> patterns, string parameterName)
        {
            IReadOnlyList<RuleInfo> all = GetAll();
            var ids = new List<string>();
            foreach (string p in patterns)
            {
                var hits = all.Where(r => Wildcard.IsMatch(r.Id, p)).Select(r => r.Id).ToList();
                if (hits.Count == 0)
                {
                    throw new VpnLintException(VpnLintErrorCode.NotFound,
                        $"{parameterName}: no rule matches '{p}'. Get-VpnLintRule lists the rule IDs.");
                }
                ids.AddRange(hits.Where(h => !ids.Contains(h)));
            }
            return string.Join(",", ids);
        }

        /// <summary>The catalogue rendered by the library (Text, Json or Markdown).</summary>
        public static string Render(VpnLintFormat format)
        {
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_rules_render(out IntPtr text, (int)format));
            return Utf8.TakeNative(text) ?? string.Empty;
        }

        private static RuleInfo Convert(NativeRuleInfo ri) =>
            new RuleInfo(
                Utf8.FromNative(ri.Id) ?? string.Empty,
                Utf8.FromNative(ri.Name) ?? string.Empty,
                NativeReport.ToKind(ri.Kind),
                NativeReport.ToSeverity(ri.DefaultSeverity),
                Utf8.FromNative(ri.ShortDescription) ?? string.Empty,
                Utf8.FromNative(ri.FullDescription) ?? string.Empty,
                Utf8.FromNative(ri.Help) ?? string.Empty,
                Utf8.FromNative(ri.Since) ?? string.Empty);
    }
}
