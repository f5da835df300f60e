using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>One likely cause of an error code, and how to check and fix it.</summary>
    public sealed class ErrorCause
    {
        public ErrorCause(int rank, string text, string checkKind, string? check, string how, string fix)
        {
            Rank = rank;
            Text = text;
            CheckKind = checkKind;
            Check = check;
            How = how;
            Fix = fix;
        }

        /// <summary>1 = most likely.</summary>
        public int Rank { get; }

        public string Text { get; }

        /// <summary>Manual, Rule, Device or Probe: the kind of the first (primary) check.</summary>
        public string CheckKind { get; }

        /// <summary>The rule and check IDs that test it, separated by single spaces, primary first
        /// ("DEV004 DEV005 PBK039"), or null when it is checked by hand.</summary>
        public string? Check { get; }

        public string How { get; }

        public string Fix { get; }

        public override string ToString() => Rank + ". " + Text;
    }

    /// <summary>An entry of the error-code knowledge base (Get-VpnErrorInfo).</summary>
    public sealed class ErrorInfo
    {
        public ErrorInfo(string code, string name, long? value, string area, string message, string meaning, string seenIn,
                         IReadOnlyList<ErrorCause> causes)
        {
            Code = code;
            Name = name;
            Value = value;
            Area = area;
            Message = message;
            Meaning = meaning;
            SeenIn = seenIn;
            Causes = causes;
        }

        /// <summary>Display form: "809", "0x800B0109", or the name.</summary>
        public string Code { get; }

        /// <summary>Official symbolic name, e.g. ERROR_VPN_TIMEOUT.</summary>
        public string Name { get; }

        /// <summary>The code as an unsigned 32-bit number; null for message-only entries.</summary>
        public long? Value { get; }

        /// <summary>"ras", "ike", "cert", "mdm".</summary>
        public string Area { get; }

        public string Message { get; }

        public string Meaning { get; }

        public string SeenIn { get; }

        public IReadOnlyList<ErrorCause> Causes { get; }

        public override string ToString() => Code + " " + Name + ": " + Message;
    }

    /// <summary>The library's knowledge base of VPN error codes.</summary>
    public static class ErrorKnowledgeBase
    {
        public static IReadOnlyList<ErrorInfo> GetAll()
        {
            NativeLoader.EnsureLoaded();
            ulong n = NativeMethods.vpnlint_error_info_count().ToUInt64();
            var list = new List<ErrorInfo>();
            for (ulong i = 0; i < n; i++)
            {
                NativeMethods.Check(NativeMethods.vpnlint_error_info_at(out NativeErrorInfo info, new UIntPtr(i)));
                list.Add(Convert(info));
            }
            return list;
        }

        /// <summary>Looks a code up in any form (809, 0x800B0109, -2146762487, ERROR_VPN_TIMEOUT, a
        /// fragment of the message); VpnLintException NotFound when unknown.</summary>
        public static ErrorInfo Lookup(string code)
        {
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_error_info_lookup(out NativeErrorInfo info, Utf8.ToNative(code)!));
            return Convert(info);
        }

        private static readonly string[] CheckKinds = { "Manual", "Rule", "Device", "Probe" };

        private static ErrorInfo Convert(NativeErrorInfo info)
        {
            var causes = new List<ErrorCause>();
            for (ulong c = 0; c < info.CauseCount.ToUInt64(); c++)
            {
                NativeMethods.Check(NativeMethods.vpnlint_error_cause_at(out NativeErrorCause nc, info.Index, new UIntPtr(c)));
                causes.Add(new ErrorCause(
                    (int)nc.Rank,
                    Utf8.FromNative(nc.Text) ?? string.Empty,
                    nc.CheckKind >= 0 && nc.CheckKind < CheckKinds.Length ? CheckKinds[nc.CheckKind] : "Manual",
                    Utf8.FromNative(nc.Check),
                    Utf8.FromNative(nc.How) ?? string.Empty,
                    Utf8.FromNative(nc.Fix) ?? string.Empty));
            }
            return new ErrorInfo(
                Utf8.FromNative(info.Code) ?? string.Empty,
                Utf8.FromNative(info.Name) ?? string.Empty,
                info.HasValue != 0 ? info.Value : (long?)null,
                Utf8.FromNative(info.Area) ?? string.Empty,
                Utf8.FromNative(info.Message) ?? string.Empty,
                Utf8.FromNative(info.Meaning) ?? string.Empty,
                Utf8.FromNative(info.SeenIn) ?? string.Empty,
                causes);
        }
    }
}

namespace VpnLint.Interop
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeErrorInfo
    {
        public UIntPtr Index;
        public IntPtr Code;
        public int HasValue;
        public uint Value;
        public int ValueSigned;
        public IntPtr Name;
        public IntPtr Area;
        public IntPtr Message;
        public IntPtr Meaning;
        public IntPtr SeenIn;
        public UIntPtr CauseCount;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeErrorCause
    {
        public uint Rank;
        public IntPtr Text;
        public int CheckKind;
        public IntPtr Check;
        public IntPtr How;
        public IntPtr Fix;
    }
}
