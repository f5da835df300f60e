using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Get-VpnLintRule: the rule catalogue of the native library.</summary>
    [Cmdlet(VerbsCommon.Get, "VpnLintRule")]
    [OutputType(typeof(RuleInfo))]
    public sealed class GetVpnLintRuleCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RuleId")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter]
        public VpnLintKind[]? Kind { get; set; }

        [Parameter]
        public VpnLintSeverity[]? Severity { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                foreach (RuleInfo r in RuleCatalog.Query(Id, Kind, Severity,
                             id => WriteError(ErrorRecords.From(VpnLintErrorCode.NotFound,
                                 $"No rule has the ID '{id}'.", "RuleNotFound", id))))
                {
                    WriteObject(r);
                }
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "RuleCatalogFailed", null));
            }
        }
    }
}
