using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Get-VpnErrorInfo: the error-code knowledge base of the native library.</summary>
    [Cmdlet(VerbsCommon.Get, "VpnErrorInfo")]
    [OutputType(typeof(ErrorInfo))]
    public sealed class GetVpnErrorInfoCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Code { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                if (Code == null)
                {
                    WriteObject(ErrorKnowledgeBase.GetAll(), true);
                    return;
                }
            }
            catch (VpnLintException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, "KnowledgeBaseFailed", null));
            }
            foreach (string c in Code!)
            {
                try
                {
                    WriteObject(ErrorKnowledgeBase.Lookup(c));
                }
                catch (VpnLintException e)
                {
                    WriteError(ErrorRecords.From(e, "ErrorCodeNotFound", c));
                }
            }
        }
    }
}
