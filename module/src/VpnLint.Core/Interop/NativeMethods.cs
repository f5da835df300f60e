using System;
using System.Runtime.InteropServices;

namespace VpnLint.Interop
{
    // Layouts mirror native/include/vpnlint.h (VPNLINT_ABI_VERSION 1). Strings
    // are IntPtr: borrowed pointers are decoded with Utf8.FromNative, owned
    // ones with Utf8.TakeNative (which calls vpnlint_free).

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeOptions
    {
        public uint Version;
        public uint MinBuild;
        public int Target;
        public IntPtr Disable;
        public IntPtr Only;
        public IntPtr Severity;
        public ulong MaxBytes;
        public uint MaxDepth;
        public uint Flags;
        public IntPtr BaseDir;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeRuleInfo
    {
        public IntPtr Id;
        public IntPtr Name;
        public int Kind;
        public int DefaultSeverity;
        public IntPtr ShortDescription;
        public IntPtr FullDescription;
        public IntPtr Help;
        public IntPtr Since;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeFinding
    {
        public IntPtr RuleId;
        public int Severity;
        public IntPtr Message;
        public IntPtr Help;
        public IntPtr Path;
        public uint Line;
        public uint Column;
        public UIntPtr FileIndex;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeFileInfo
    {
        public IntPtr Path;
        public int Kind;
        public IntPtr KindName;
        public IntPtr Encoding;
        public IntPtr Envelope;
        public int ReadError;
        public IntPtr ReadErrorMessage;
        public UIntPtr FindingCount;
    }

    /// <summary>The exported functions of libvpnlint this module uses.</summary>
    internal static class NativeMethods
    {
        public const string Library = NativeLoader.LibraryName;
        public const int OptionsVersion = 1;

        // version and errors
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_abi_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr vpnlint_version_string();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr vpnlint_error_last();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_error_last_code();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_error_clear();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_free(IntPtr ptr);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_options_init(ref NativeOptions opts, uint version);

        // rules
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr vpnlint_rule_count();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_rule_at(out NativeRuleInfo info, UIntPtr index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_rule_find(out NativeRuleInfo info, byte[] id);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_rules_render(out IntPtr text, int format);

        // report
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_new(out IntPtr report, ref NativeOptions opts);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_report_free(IntPtr report);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_add_file(IntPtr report, byte[] path);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_add_buffer(IntPtr report, byte[] displayPath, byte[] data, UIntPtr len);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_add_finding(IntPtr report, byte[] path, byte[] ruleId, int severity,
                                                             byte[] message, uint line, uint column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr vpnlint_report_file_count(IntPtr report);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_file(out NativeFileInfo info, IntPtr report, UIntPtr index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr vpnlint_report_finding_count(IntPtr report);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_finding(out NativeFinding finding, IntPtr report, UIntPtr index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_max_severity(IntPtr report);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_report_render(out IntPtr text, IntPtr report, int format);

        // error-code knowledge base
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr vpnlint_error_info_count();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_error_info_at(out NativeErrorInfo info, UIntPtr index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_error_info_lookup(out NativeErrorInfo info, byte[] codeText);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_error_cause_at(out NativeErrorCause cause, UIntPtr infoIndex, UIntPtr causeIndex);

        // phonebook
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_open(out IntPtr pbk, byte[] path);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_pbk_free(IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern UIntPtr vpnlint_pbk_entry_count(IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_entry_name(out IntPtr name, IntPtr pbk, UIntPtr index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_list(out IntPtr text, IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_get(out IntPtr text, IntPtr pbk, byte[] entry, byte[]? key, int media, int device, int phone);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_set(IntPtr pbk, byte[] entry, byte[] key, byte[] value, int media, int device, int phone);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_unset(IntPtr pbk, byte[] entry, byte[] key, int media, int device, int phone);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_diff(out IntPtr text, IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_bytes(out IntPtr data, out UIntPtr len, IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_write(out IntPtr backupPath, IntPtr pbk);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_pbk_restore(out IntPtr target, out IntPtr safetyBackup, byte[] backupPath, byte[]? target2);

        // NPS accounting logs
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_nps_open(out IntPtr reader, byte[] path);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_nps_close(IntPtr reader);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_nps_format_of(IntPtr reader);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_nps_next(out NativeNpsRecord record, out IntPtr error, IntPtr reader);

        // device checks and repairs
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_device_check(ref NativeDeviceState state, IntPtr report, uint flags);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void vpnlint_repair_result_clear(ref NativeRepairResult result);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_repair_natt(out NativeRepairResult result, int value, byte[]? journal, uint flags);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_repair_undo(out NativeRepairResult result, byte[] journal, uint flags);

        // network probe
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int vpnlint_probe(IntPtr report, byte[]? path, ref NativeProbeOptions opts);

        /// <summary>Throws a <see cref="VpnLintException"/> carrying the library's last error when rc is non-zero.</summary>
        public static void Check(int rc)
        {
            if (rc != 0)
            {
                throw VpnLintException.FromLastError(rc);
            }
        }
    }
}
