using System.Management.Automation;

namespace VpnLint.Commands
{
    /// <summary>Turns a cmdlet's ShouldProcess into the "should I?" callback the operations take, so that
    /// -WhatIf prints the library's dry-run details (a diff, the planned registry change).</summary>
    internal static class Confirm
    {
        public static ShouldChange For(Cmdlet cmdlet) =>
            (target, action, description) => cmdlet.ShouldProcess(
                $"{action} on \"{target}\":\n{description.TrimEnd()}",
                $"{action} on \"{target}\"?\n{description.TrimEnd()}",
                "Confirm");
    }
}
