using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Repair-L2tpNatT: sets AssumeUDPEncapsulationContextOnSendRule (L2TP/IPsec behind NAT) through
    /// the library's journaled repair, or undoes it.</summary>
    [Cmdlet(VerbsDiagnostic.Repair, "L2tpNatT", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
            DefaultParameterSetName = SetSet)]
    [OutputType(typeof(RepairResult))]
    public sealed class RepairL2tpNatTCommand : PSCmdlet
    {
        private const string SetSet = "Set";
        private const string UndoSet = "Undo";

        [Parameter(Position = 0, ParameterSetName = SetSet)]
        [ValidateSet("0", "1", "2")]
        public int Value { get; set; } = NatTRepair.DefaultValue;

        [Parameter(ParameterSetName = SetSet)]
        [ValidateNotNullOrEmpty]
        public string? Journal { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UndoSet)]
        [ValidateNotNullOrEmpty]
        public string Undo { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            try
            {
                RepairResult? r;
                if (ParameterSetName == UndoSet)
                {
                    r = NatTRepair.Undo(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Undo), Confirm.For(this));
                }
                else
                {
                    string? journal = Journal != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Journal) : null;
                    r = NatTRepair.Set(Value, journal, Confirm.For(this));
                }
                if (r != null)
                {
                    if (!r.Changed)
                    {
                        WriteVerbose(r.Message);
                    }
                    if (r.RebootRequired && r.Changed)
                    {
                        WriteWarning("Restart Windows for the change to take effect.");
                    }
                    WriteObject(r);
                }
            }
            catch (VpnLintException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, "RepairFailed", NatTRepair.Target));
            }
        }
    }
}
