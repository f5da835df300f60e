using System;
using System.Globalization;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Test-VpnServer: the library's network probe (vpnlint_probe, as `vpnlint probe`) of the servers of a
    /// ProfileXML or phonebook entry, or of one server, as NETnnn finding objects.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "VpnServer", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestVpnServerCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Optional: without it (and without -LiteralPath) only -Server is probed.</summary>
        [Parameter(Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Entry { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        [Parameter]
        [ValidateSet("Auto", "IKEv2", "SSTP", IgnoreCase = true)]
        public string Protocol { get; set; } = "Auto";

        [Parameter]
        [ValidateRange(1, 600)]
        public int TimeoutSeconds { get; set; } = 5;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CaFile { get; set; }

        private ProbeOptions options = new ProbeOptions();

        protected override void BeginProcessing()
        {
            options = new ProbeOptions
            {
                Entry = Entry,
                Server = Server,
                Protocol = (VpnProbeProtocol)Enum.Parse(typeof(VpnProbeProtocol), Protocol, true),
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                CaFile = CaFile != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(CaFile) : null,
            };
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == LiteralPathSet)
            {
                foreach (string p in PathArgs.Resolve(this, LiteralPath, true))
                {
                    Probe(p);
                }
            }
            else if (Path != null && Path.Length > 0)
            {
                foreach (string p in PathArgs.Resolve(this, Path, false))
                {
                    Probe(p);
                }
            }
            else if (Server != null)
            {
                Probe(null);
            }
            else
            {
                ThrowTerminatingError(ErrorRecords.From(VpnLintErrorCode.Invalid,
                    "Nothing to probe: give a ProfileXML or phonebook (-Path, -LiteralPath) or a server name (-Server).",
                    "NothingToProbe", null));
            }
        }

        private void Probe(string? path)
        {
            string what = path ?? Server ?? string.Empty;
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Probing {0}{1} ({2}, up to {3} s per port and exchange).",
                what, path != null && Server != null ? " at " + Server : string.Empty, options.Protocol, TimeoutSeconds));
            LintResult result;
            try
            {
                result = ServerProbe.Run(path, options);
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "ProbeFailed", what));
                return;
            }
            foreach (Finding f in result.Findings)
            {
                WriteObject(f);
            }
        }
    }
}
