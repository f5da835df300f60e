using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Restore-RasPhonebook: puts a backup made by Set-RasPhonebookEntry back.</summary>
    [Cmdlet(VerbsData.Restore, "RasPhonebook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PhonebookRestore))]
    public sealed class RestoreRasPhonebookCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string BackupPath { get; set; } = string.Empty;

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Destination { get; set; }

        protected override void ProcessRecord()
        {
            string backup = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BackupPath);
            string? destination = Destination != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination) : null;
            try
            {
                PhonebookRestore? r = Phonebook.Restore(backup, destination, Confirm.For(this));
                if (r != null)
                {
                    WriteObject(r);
                }
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "PhonebookRestoreFailed", backup));
            }
        }
    }
}
