using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace VpnLint.Interop
{
    /// <summary>Owns a vpnlint_report and the option strings it points to.</summary>
    internal sealed class NativeReport : IDisposable
    {
        private readonly List<IntPtr> strings = new List<IntPtr>();
        private IntPtr report;

        public NativeReport(int minBuild, string? only, string? disable, string? baseDir)
        {
            NativeLoader.EnsureLoaded();
            var opts = default(NativeOptions);
            NativeMethods.Check(NativeMethods.vpnlint_options_init(ref opts, NativeMethods.OptionsVersion));
            opts.MinBuild = (uint)Math.Max(0, minBuild);
            opts.Only = Keep(only);
            opts.Disable = Keep(disable);
            opts.BaseDir = Keep(baseDir);
            try
            {
                NativeMethods.Check(NativeMethods.vpnlint_report_new(out report, ref opts));
            }
            catch
            {
                FreeStrings();
                throw;
            }
        }

        ~NativeReport()
        {
            Release();
        }

        public IntPtr Handle => report != IntPtr.Zero ? report : throw new ObjectDisposedException(nameof(NativeReport));

        public void Dispose()
        {
            Release();
            GC.SuppressFinalize(this);
        }

        public int FileCount => (int)NativeMethods.vpnlint_report_file_count(Handle).ToUInt64();

        public int FindingCount => (int)NativeMethods.vpnlint_report_finding_count(Handle).ToUInt64();

        /// <summary>Adds a file; a read failure is recorded in the report rather than thrown.</summary>
        public void AddFile(string path)
        {
            int before = FileCount;
            int rc = NativeMethods.vpnlint_report_add_file(Handle, Utf8.ToNative(path)!);
            if (rc != 0 && FileCount == before)
            {
                throw VpnLintException.FromLastError(rc);
            }
        }

        public void AddBuffer(string displayPath, byte[] data)
        {
            int before = FileCount;
            int rc = NativeMethods.vpnlint_report_add_buffer(Handle, Utf8.ToNative(displayPath)!, data, new UIntPtr((uint)data.Length));
            if (rc != 0 && FileCount == before)
            {
                throw VpnLintException.FromLastError(rc);
            }
        }

        public void AddFinding(Finding f)
        {
            NativeMethods.Check(NativeMethods.vpnlint_report_add_finding(
                Handle, Utf8.ToNative(f.File)!, Utf8.ToNative(f.RuleId)!, (int)f.Severity, Utf8.ToNative(f.Message)!,
                (uint)Math.Max(0, f.Line), (uint)Math.Max(0, f.Column)));
        }

        public FileResult GetFile(int index)
        {
            NativeMethods.Check(NativeMethods.vpnlint_report_file(out NativeFileInfo fi, Handle, new UIntPtr((uint)index)));
            int err = fi.ReadError;
            return new FileResult(
                Utf8.FromNative(fi.Path) ?? string.Empty,
                ToKind(fi.Kind),
                Utf8.FromNative(fi.KindName) ?? string.Empty,
                Utf8.FromNative(fi.Encoding) ?? string.Empty,
                Utf8.FromNative(fi.Envelope) ?? string.Empty,
                ToErrorCode(err),
                Utf8.FromNative(fi.ReadErrorMessage) ?? string.Empty,
                (int)fi.FindingCount.ToUInt64());
        }

        public Finding GetFinding(int index)
        {
            NativeMethods.Check(NativeMethods.vpnlint_report_finding(out NativeFinding nf, Handle, new UIntPtr((uint)index)));
            return new Finding(
                Utf8.FromNative(nf.RuleId) ?? string.Empty,
                ToSeverity(nf.Severity),
                Utf8.FromNative(nf.Message) ?? string.Empty,
                Utf8.FromNative(nf.Help) ?? string.Empty,
                Utf8.FromNative(nf.Path) ?? string.Empty,
                (int)nf.Line,
                (int)nf.Column);
        }

        public int MaxSeverity => NativeMethods.vpnlint_report_max_severity(Handle);

        public string Render(VpnLintFormat format)
        {
            NativeMethods.Check(NativeMethods.vpnlint_report_render(out IntPtr text, Handle, (int)format));
            return Utf8.TakeNative(text) ?? string.Empty;
        }

        public LintResult ToResult(ICollection<VpnLintSeverity>? severityFilter)
        {
            int fileCount = FileCount;
            var files = new List<FileResult>(fileCount);
            for (int i = 0; i < fileCount; i++)
            {
                files.Add(GetFile(i));
            }
            int findingCount = FindingCount;
            var findings = new List<Finding>(findingCount);
            for (int i = 0; i < findingCount; i++)
            {
                Finding f = GetFinding(i);
                if (severityFilter == null || severityFilter.Count == 0 || severityFilter.Contains(f.Severity))
                {
                    findings.Add(f);
                }
            }
            return new LintResult(files, findings);
        }

        // Range checks rather than Enum.IsDefined, which reflects over the enum on first use.
        internal static VpnLintKind ToKind(int k) =>
            k >= (int)VpnLintKind.Unknown && k <= (int)VpnLintKind.Network ? (VpnLintKind)k : VpnLintKind.Unknown;

        /// <summary>A library return code as VpnLintErrorCode; a code this module does not know is Error.</summary>
        internal static VpnLintErrorCode ToErrorCode(int rc) =>
            rc <= (int)VpnLintErrorCode.Ok && rc >= (int)VpnLintErrorCode.Parse ? (VpnLintErrorCode)rc : VpnLintErrorCode.Error;

        internal static VpnLintSeverity ToSeverity(int s) =>
            s <= 0 ? VpnLintSeverity.Information : s >= 2 ? VpnLintSeverity.Error : VpnLintSeverity.Warning;

        private IntPtr Keep(string? s)
        {
            IntPtr p = Utf8.AllocHGlobal(s);
            if (p != IntPtr.Zero)
            {
                strings.Add(p);
            }
            return p;
        }

        private void Release()
        {
            if (report != IntPtr.Zero)
            {
                NativeMethods.vpnlint_report_free(report);
                report = IntPtr.Zero;
            }
            FreeStrings();
        }

        private void FreeStrings()
        {
            foreach (IntPtr p in strings)
            {
                Marshal.FreeHGlobal(p);
            }
            strings.Clear();
        }
    }
}
