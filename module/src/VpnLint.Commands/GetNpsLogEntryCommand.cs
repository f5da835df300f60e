using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Get-NpsLogEntry: records of NPS accounting logs, streamed one by one.</summary>
    [Cmdlet(VerbsCommon.Get, "NpsLogEntry", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(NpsLogEntry))]
    public sealed class GetNpsLogEntryCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = new string[0];

        [Parameter]
        public DateTime Since { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? User { get; set; }

        protected override void ProcessRecord()
        {
            List<string> files = ParameterSetName == LiteralPathSet
                ? PathArgs.Resolve(this, LiteralPath, true)
                : PathArgs.Resolve(this, Path, false);
            DateTime? since = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? Since : (DateTime?)null;
            foreach (string file in files)
            {
                try
                {
                    foreach (NpsLogEntry e in NpsLog.Read(file, since, User, s => WriteWarning(s.ToString())))
                    {
                        WriteObject(e);
                    }
                }
                catch (VpnLintException e)
                {
                    WriteError(ErrorRecords.From(e, "NpsLogReadFailed", file));
                }
            }
        }
    }
}
