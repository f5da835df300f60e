using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Set-RasPhonebookEntry: changes (or removes) one key of one phonebook entry, safely: only the
    /// target line changes, a backup is written first, the file is replaced atomically.</summary>
    [Cmdlet(VerbsCommon.Set, "RasPhonebookEntry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
            DefaultParameterSetName = SetSet)]
    [OutputType(typeof(PhonebookChange))]
    public sealed class SetRasPhonebookEntryCommand : PSCmdlet
    {
        private const string SetSet = "Set";
        private const string RemoveSet = "Remove";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Key { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 3, ParameterSetName = SetSet)]
        [AllowEmptyString]
        public string Value { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = RemoveSet)]
        public SwitchParameter Remove { get; set; }

        [Parameter]
        [ValidateRange(1, 1000000)]
        public int Media { get; set; }

        [Parameter]
        [ValidateRange(1, 1000000)]
        public int Device { get; set; }

        [Parameter]
        [ValidateRange(1, 1000000)]
        public int Phone { get; set; }

        [Parameter]
        public SwitchParameter AllowHidden { get; set; }

        protected override void ProcessRecord()
        {
            string file = PathArgs.ResolveOne(this, Path);
            var position = new PhonebookPosition
            {
                Media = MyInvocation.BoundParameters.ContainsKey(nameof(Media)) ? Media : (int?)null,
                Device = MyInvocation.BoundParameters.ContainsKey(nameof(Device)) ? Device : (int?)null,
                Phone = MyInvocation.BoundParameters.ContainsKey(nameof(Phone)) ? Phone : (int?)null,
            };
            try
            {
                PhonebookChange? change = Phonebook.Set(file, Name, Key, Remove ? null : Value, position, AllowHidden, Confirm.For(this));
                if (change != null)
                {
                    if (!change.Changed)
                    {
                        WriteVerbose($"[{Name}] {Key} already has that value; {file} was not written.");
                    }
                    WriteObject(change);
                }
            }
            catch (VpnLintException e)
            {
                WriteError(ErrorRecords.From(e, "PhonebookEditFailed", file));
            }
        }
    }
}
