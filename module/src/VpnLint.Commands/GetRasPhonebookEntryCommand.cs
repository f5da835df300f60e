using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Get-RasPhonebookEntry: the entries of rasphone.pbk phonebooks as objects (secrets masked).</summary>
    [Cmdlet(VerbsCommon.Get, "RasPhonebookEntry", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PhonebookEntry))]
    public sealed class GetRasPhonebookEntryCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(Position = 1, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            IEnumerable<string> files;
            if (ParameterSetName == LiteralPathSet)
            {
                files = PathArgs.Resolve(this, LiteralPath, true);
            }
            else if (Path != null)
            {
                files = PathArgs.Resolve(this, Path, false);
            }
            else
            {
                IReadOnlyList<string> defaults = Linter.DefaultPhonebooks();
                if (defaults.Count == 0)
                {
                    WriteError(ErrorRecords.From(VpnLintErrorCode.NotFound,
                        "No phonebook was given and none was found at %APPDATA% or %ProgramData%\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk. Use -Path.",
                        "NoPhonebook", null));
                    return;
                }
                files = defaults;
            }
            foreach (string file in files)
            {
                try
                {
                    WriteObject(Phonebook.GetEntries(file, Name), true);
                }
                catch (VpnLintException e)
                {
                    WriteError(ErrorRecords.From(e, "PhonebookReadFailed", file));
                }
            }
        }
    }
}
