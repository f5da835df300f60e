using System;
using System.Runtime.InteropServices;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>What Repair-L2tpNatT did (or found).</summary>
    public sealed class RepairResult
    {
        public RepairResult(string target, int? previous, int? current, bool changed, bool rebootRequired, string? journalPath,
                            string message)
        {
            Target = target;
            Previous = previous;
            Current = current;
            Changed = changed;
            RebootRequired = rebootRequired;
            JournalPath = journalPath;
            Message = message;
        }

        /// <summary>The registry value (or service) repaired.</summary>
        public string Target { get; }

        /// <summary>The value before; null = absent.</summary>
        public int? Previous { get; }

        /// <summary>The value now; null = absent.</summary>
        public int? Current { get; }

        /// <summary>False when the value was already right: nothing was written.</summary>
        public bool Changed { get; }

        /// <summary>Windows needs a restart for the change to take effect.</summary>
        public bool RebootRequired { get; }

        /// <summary>The journal that Repair-L2tpNatT -Undo takes; null when nothing changed.</summary>
        public string? JournalPath { get; }

        /// <summary>The library's sentence about what happened.</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }

    /// <summary>
    /// The operation behind Repair-L2tpNatT: HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent\
    /// AssumeUDPEncapsulationContextOnSendRule through the library's repair (Windows only). The library plans
    /// the change in a dry run first; <see cref="ShouldChange"/> decides before anything is written.
    /// </summary>
    public static class NatTRepair
    {
        public const string Target = @"HKLM\SYSTEM\CurrentControlSet\Services\PolicyAgent\AssumeUDPEncapsulationContextOnSendRule";

        /// <summary>The value Windows needs when the server and/or the client are behind NAT.</summary>
        public const int DefaultValue = 2;

        private const uint DryRun = 1;

        /// <summary>What each value means.</summary>
        public static string Describe(int? value)
        {
            switch (value)
            {
                case null:
                    return "absent (behaves as 0)";
                case 0:
                    return "0: no security associations with servers behind NAT (the default)";
                case 1:
                    return "1: security associations with servers behind NAT";
                case 2:
                    return "2: security associations when the server and the client are behind NAT";
                default:
                    return value + ": not a value Windows knows";
            }
        }

        /// <summary>
        /// Sets the value. Returns the result (Changed false and nothing asked when it is already right), or null
        /// when <paramref name="shouldChange"/> declined. <paramref name="journal"/> null = a new journal under
        /// %ProgramData%\vpnlint\journal. Throws VpnLintException: Unsupported off Windows, Access without
        /// elevation, Invalid for a value other than 0, 1, 2.
        /// </summary>
        public static RepairResult? Set(int value, string? journal, ShouldChange shouldChange)
        {
            if (value < 0 || value > 2)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid,
                    $"NAT-T value {value}: use 0 (no NAT-T to servers behind NAT), 1 (server behind NAT) or 2 (server and/or client behind NAT).");
            }
            NativeRepairResult plan = Run((out NativeRepairResult r) => NativeMethods.vpnlint_repair_natt(out r, value, Utf8.ToNative(journal), DryRun),
                                          out string planMessage, out string? _);
            if (plan.Before == value)
            {
                return new RepairResult(Target, value, value, false, false, null, planMessage);
            }
            if (!shouldChange(Target, $"Set to {Describe(value)} (now {Describe(ToValue(plan.Before))})", planMessage))
            {
                return null;
            }
            NativeRepairResult done = Run((out NativeRepairResult r) => NativeMethods.vpnlint_repair_natt(out r, value, Utf8.ToNative(journal), 0),
                                          out string message, out string? journalPath);
            return new RepairResult(Target, ToValue(done.Before), ToValue(done.After), done.Changed != 0, done.RebootRequired != 0,
                                    journalPath, message);
        }

        /// <summary>
        /// Restores what a journal recorded (newest step first; an absent value is deleted again). Returns null when
        /// declined; Changed false and nothing asked when there is nothing to restore. VpnLintException Conflict when
        /// the value changed since the repair.
        /// </summary>
        public static RepairResult? Undo(string journal, ShouldChange shouldChange)
        {
            NativeRepairResult plan = Run((out NativeRepairResult r) => NativeMethods.vpnlint_repair_undo(out r, Utf8.ToNative(journal)!, DryRun),
                                          out string planMessage, out string? _);
            // The library sets before/after only for steps it would restore (and they then differ).
            if (plan.Before == plan.After)
            {
                return new RepairResult(journal, null, null, false, false, journal, planMessage);
            }
            if (!shouldChange(journal, "Undo the repairs recorded in the journal", planMessage))
            {
                return null;
            }
            NativeRepairResult done = Run((out NativeRepairResult r) => NativeMethods.vpnlint_repair_undo(out r, Utf8.ToNative(journal)!, 0),
                                          out string message, out string? journalPath);
            return new RepairResult(journal, ToValue(done.Before), ToValue(done.After), done.Changed != 0, done.RebootRequired != 0,
                                    journalPath, message);
        }

        internal static int? ToValue(long v) => v < 0 ? (int?)null : (int)v;

        private delegate int RepairCall(out NativeRepairResult r);

        private static NativeRepairResult Run(RepairCall call, out string message, out string? journalPath)
        {
            NativeLoader.EnsureLoaded();
            int rc = call(out NativeRepairResult r);
            try
            {
                if (rc != 0)
                {
                    VpnLintException e = VpnLintException.FromLastError(rc);
                    if (e.Code == VpnLintErrorCode.Unsupported)
                    {
                        throw new VpnLintException(e.Code, "Windows only: " + e.Message + ". Run it on the Windows device.", e);
                    }
                    throw e;
                }
                message = Utf8.FromNative(r.Message) ?? string.Empty;
                journalPath = Utf8.FromNative(r.JournalPath);
                return r;
            }
            finally
            {
                NativeMethods.vpnlint_repair_result_clear(ref r);
            }
        }
    }
}

namespace VpnLint.Interop
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeRepairResult
    {
        public int Changed;
        public int RebootRequired;
        public long Before;
        public long After;
        public IntPtr Message;
        public IntPtr JournalPath;
    }
}
