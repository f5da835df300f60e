using System;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>The library's error codes (vpnlint_error_code).</summary>
    public enum VpnLintErrorCode
    {
        Ok = 0,
        Error = -1,
        Invalid = -2,
        NotFound = -3,
        IO = -4,
        NoMemory = -5,
        TooBig = -6,
        Access = -7,
        Unsupported = -8,
        Conflict = -9,
        Ambiguous = -10,
        Parse = -11,
    }

    /// <summary>A failure reported by libvpnlint (or by the module on its behalf), with its code.</summary>
    public class VpnLintException : Exception
    {
        public VpnLintException(VpnLintErrorCode code, string message)
            : base(message)
        {
            Code = code;
        }

        public VpnLintException(VpnLintErrorCode code, string message, Exception inner)
            : base(message, inner)
        {
            Code = code;
        }

        /// <summary>The library's error code.</summary>
        public VpnLintErrorCode Code { get; }

        /// <summary>The PowerShell ErrorCategory name a cmdlet reports this failure with.</summary>
        public string CategoryName => ErrorMapping.CategoryName(Code);

        internal static VpnLintException FromLastError(int rc)
        {
            string? text = Utf8.FromNative(NativeMethods.vpnlint_error_last());
            VpnLintErrorCode code = NativeReport.ToErrorCode(rc);
            if (string.IsNullOrEmpty(text))
            {
                text = $"libvpnlint failed with error {rc} ({code}) and gave no message.";
            }
            return new VpnLintException(code, text!);
        }
    }

    /// <summary>The native library is missing, cannot be loaded, or is of another ABI.</summary>
    public sealed class NativeLibraryLoadException : VpnLintException
    {
        public NativeLibraryLoadException(string message, string path, string rid, Exception? inner = null)
            : base(VpnLintErrorCode.NotFound, message, inner ?? new InvalidOperationException(message))
        {
            LibraryPath = path;
            Rid = rid;
        }

        /// <summary>The absolute path that was tried.</summary>
        public string LibraryPath { get; }

        /// <summary>The runtime identifier of this process (e.g. win-x86).</summary>
        public string Rid { get; }
    }

    /// <summary>Maps library error codes to PowerShell ErrorCategory names (checked against the
    /// ErrorCategory enum by the conformance test).</summary>
    public static class ErrorMapping
    {
        public static string CategoryName(VpnLintErrorCode code)
        {
            switch (code)
            {
                case VpnLintErrorCode.Invalid:
                case VpnLintErrorCode.Ambiguous:
                    return "InvalidArgument";
                case VpnLintErrorCode.NotFound:
                    return "ObjectNotFound";
                case VpnLintErrorCode.IO:
                    return "ReadError";
                case VpnLintErrorCode.NoMemory:
                    return "ResourceUnavailable";
                case VpnLintErrorCode.TooBig:
                    return "LimitsExceeded";
                case VpnLintErrorCode.Access:
                    return "PermissionDenied";
                case VpnLintErrorCode.Unsupported:
                    return "NotImplemented";
                case VpnLintErrorCode.Conflict:
                    return "ResourceBusy";
                case VpnLintErrorCode.Parse:
                    return "InvalidData";
                default:
                    return "NotSpecified";
            }
        }
    }
}
