using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Test-RasPhonebook: lints rasphone.pbk phonebooks (default: the user's and all users').</summary>
    [Cmdlet(VerbsDiagnostic.Test, "RasPhonebook", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(Finding))]
    public sealed class TestRasPhonebookCommand : LintCommandBase
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        protected override VpnLintKind ExpectedKind => VpnLintKind.Phonebook;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == LiteralPathSet)
            {
                LintPaths(ResolvePaths(LiteralPath, true));
                return;
            }
            if (Path != null)
            {
                LintPaths(ResolvePaths(Path, false));
                return;
            }
            IReadOnlyList<string> defaults = Linter.DefaultPhonebooks();
            if (defaults.Count == 0)
            {
                WriteError(ErrorRecords.From(VpnLintErrorCode.NotFound,
                    "No phonebook was given and none was found at %APPDATA% or %ProgramData%\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk. Use -Path.",
                    "NoPhonebook", null));
                return;
            }
            LintPaths(defaults);
        }
    }
}
