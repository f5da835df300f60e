using System;
using System.Management.Automation;

namespace VpnLint.Commands
{
    internal static class ErrorRecords
    {
        public static ErrorCategory Category(VpnLintErrorCode code) =>
            (ErrorCategory)Enum.Parse(typeof(ErrorCategory), ErrorMapping.CategoryName(code));

        public static ErrorRecord From(VpnLintException e, string errorId, object? target)
        {
            ErrorCategory category = e is NativeLibraryLoadException ? ErrorCategory.NotInstalled : Category(e.Code);
            return new ErrorRecord(e, "VpnLint." + errorId, category, target);
        }

        public static ErrorRecord From(VpnLintErrorCode code, string message, string errorId, object? target) =>
            From(new VpnLintException(code, message), errorId, target);
    }
}
