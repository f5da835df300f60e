using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Resolves -Path (wildcards) and -LiteralPath to file-system provider paths.</summary>
    internal static class PathArgs
    {
        /// <summary>Provider paths; a -Path that matches nothing becomes an ObjectNotFound error.</summary>
        public static List<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
        {
            var result = new List<string>();
            foreach (string p in paths)
            {
                if (literal)
                {
                    result.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
                    continue;
                }
                try
                {
                    result.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(p, out ProviderInfo _));
                }
                catch (ItemNotFoundException e)
                {
                    cmdlet.WriteError(new ErrorRecord(e, "VpnLint.PathNotFound", ErrorCategory.ObjectNotFound, p));
                }
            }
            return result;
        }

        /// <summary>Exactly one provider path for <paramref name="path"/> (wildcards allowed); otherwise a terminating error.</summary>
        public static string ResolveOne(PSCmdlet cmdlet, string path)
        {
            List<string> all = Resolve(cmdlet, new[] { path }, false);
            if (all.Count != 1)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(
                    all.Count == 0 ? VpnLintErrorCode.NotFound : VpnLintErrorCode.Ambiguous,
                    all.Count == 0 ? $"No file matches '{path}'." : $"'{path}' matches {all.Count} files; name one phonebook.",
                    "PathNotSingle", path));
            }
            return all[0];
        }
    }
}
