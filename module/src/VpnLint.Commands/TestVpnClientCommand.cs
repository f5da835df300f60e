using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Test-VpnClient: the device checks of the native library (services, NAT-T, ProhibitIpSec, the
    /// phonebooks and installed profiles, run context, OS build) as finding objects. Windows only.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "VpnClient")]
    [OutputType(typeof(Finding))]
    public sealed class TestVpnClientCommand : LintCommandBase
    {
        [Parameter]
        public SwitchParameter SkipPhonebook { get; set; }

        [Parameter]
        public SwitchParameter SkipInstalledProfile { get; set; }

        protected override VpnLintKind ExpectedKind => VpnLintKind.Device;

        protected override bool WarnOnOtherKind => false;

        protected override void ProcessRecord()
        {
            DeviceCheckResult result;
            try
            {
                result = DeviceCheck.Run(!SkipPhonebook, !SkipInstalledProfile, Options);
            }
            catch (VpnLintException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, "DeviceCheckFailed", null));
                return;
            }
            DeviceState s = result.State;
            WriteVerbose($"Context {s.Context}, OS build {s.OsBuild}.{s.OsUbr}, NAT-T {NatTRepair.Describe(s.NatT)}, " +
                         $"{s.Phonebooks} phonebook(s), {s.L2tpEntries} L2TP entr(ies), {s.Profiles} installed profile(s), fixes: {s.Fixes}.");
            Write(result.Lint);
        }
    }
}
