using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>What Test-VpnProfile and Test-RasPhonebook share: rule filters, path resolution,
    /// writing a lint result.</summary>
    public abstract class LintCommandBase : PSCmdlet
    {
        /// <summary>Run only these rules (IDs or wildcards).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? IncludeRule { get; set; }

        /// <summary>Skip these rules (IDs or wildcards).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? ExcludeRule { get; set; }

        /// <summary>Report only findings of these severities.</summary>
        [Parameter]
        public VpnLintSeverity[]? Severity { get; set; }

        internal LintOptions Options { get; private set; } = new LintOptions();

        protected virtual int MinimumBuildValue => 0;

        protected abstract VpnLintKind ExpectedKind { get; }

        protected override void BeginProcessing()
        {
            Options = new LintOptions
            {
                MinimumBuild = MinimumBuildValue,
                IncludeRule = IncludeRule ?? new string[0],
                ExcludeRule = ExcludeRule ?? new string[0],
                Severity = Severity ?? new VpnLintSeverity[0],
                BaseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
            };
            try
            {
                Linter.Validate(Options);
            }
            catch (VpnLintException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, "InvalidRuleFilter", null));
            }
        }

        /// <summary>Provider paths of -Path (wildcards expanded) or -LiteralPath; unmatched paths become errors.</summary>
        protected List<string> ResolvePaths(IEnumerable<string> paths, bool literal) => PathArgs.Resolve(this, paths, literal);

        protected void LintPaths(IEnumerable<string> providerPaths)
        {
            try
            {
                Write(Linter.LintFiles(providerPaths, Options));
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "LintFailed", null));
            }
        }

        protected void LintText(string displayName, string text)
        {
            try
            {
                Write(Linter.LintText(displayName, text, Options));
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "LintFailed", displayName));
            }
        }

        /// <summary>Whether an input of another kind than <see cref="ExpectedKind"/> earns a warning.</summary>
        protected virtual bool WarnOnOtherKind => true;

        protected void Write(LintResult result)
        {
            foreach (FileResult f in result.Files)
            {
                if (f.ReadError != VpnLintErrorCode.Ok)
                {
                    WriteError(ErrorRecords.From(f.ReadError, f.ReadErrorMessage, "ReadFailed", f.Path));
                }
                else if (WarnOnOtherKind && f.Kind != ExpectedKind && f.Kind != VpnLintKind.Unknown)
                {
                    WriteWarning($"{f.Path} is a {f.KindName} input; it was linted as such.");
                }
            }
            foreach (Finding finding in result.Findings)
            {
                WriteObject(finding);
            }
        }
    }
}
