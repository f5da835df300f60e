using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Test-VpnProfile: lints Always On VPN ProfileXML from files, text or objects.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "VpnProfile", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestVpnProfileCommand : LintCommandBase
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string XmlSet = "Xml";
        private const string InputObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = XmlSet)]
        [ValidateNotNullOrEmpty]
        public string Xml { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter]
        [ValidateRange(10240, 99999)]
        public int MinimumBuild { get; set; }

        protected override int MinimumBuildValue => MinimumBuild;

        protected override VpnLintKind ExpectedKind => VpnLintKind.ProfileXml;

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    LintPaths(ResolvePaths(Path, false));
                    break;
                case LiteralPathSet:
                    LintPaths(ResolvePaths(LiteralPath, true));
                    break;
                case XmlSet:
                    LintText("<Xml>", Xml);
                    break;
                default:
                    LintInputObject();
                    break;
            }
        }

        private void LintInputObject()
        {
            if (InputObject == null)
            {
                return;
            }
            if (InputObject.BaseObject is string text)
            {
                LintText("<InputObject>", text);
                return;
            }
            object? xml = InputObject.Properties["ProfileXML"]?.Value;
            if (xml == null)
            {
                WriteError(ErrorRecords.From(VpnLintErrorCode.Invalid,
                    $"The input object ({InputObject.BaseObject.GetType().Name}) has no ProfileXML property. Pipe " +
                    "MDM_VPNv2_01 instances (Get-CimInstance -Namespace root\\cimv2\\mdm\\dmmap -ClassName MDM_VPNv2_01), " +
                    "files (Get-ChildItem), or use -Xml.", "NoProfileXml", InputObject));
                return;
            }
            object? id = InputObject.Properties["InstanceID"]?.Value;
            LintText(id != null ? "MDM_VPNv2_01:" + id : "<InputObject>", xml.ToString() ?? string.Empty);
        }
    }
}
