using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>ConvertTo-VpnLintSarif: findings from the pipeline to one SARIF 2.1.0 log.</summary>
    [Cmdlet(VerbsData.ConvertTo, "VpnLintSarif")]
    [OutputType(typeof(string))]
    public sealed class ConvertToVpnLintSarifCommand : PSCmdlet
    {
        private readonly List<Finding> findings = new List<Finding>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public Finding[] InputObject { get; set; } = new Finding[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BasePath { get; set; }

        protected override void ProcessRecord()
        {
            findings.AddRange(InputObject);
        }

        protected override void EndProcessing()
        {
            string baseDir = BasePath != null
                ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(BasePath)
                : SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            try
            {
                WriteObject(Linter.ToSarif(findings, baseDir));
            }
            catch (VpnLintException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, "SarifFailed", null));
            }
        }
    }
}
