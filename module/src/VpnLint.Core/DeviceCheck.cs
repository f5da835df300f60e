using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>Where vpnlint runs, which decides what it can see (vpnlint_run_context).</summary>
    public enum VpnLintRunContext
    {
        Unknown = 0,
        StandardUser = 1,
        ElevatedAdministrator = 2,
        System = 3,
    }

    /// <summary>Repairs a remediation should apply (VPNLINT_FIX_*).</summary>
    [Flags]
    public enum VpnLintFix
    {
        None = 0,
        NatT = 1,
        ProhibitIpSec = 2,
        StartServices = 4,
    }

    /// <summary>The facts the device checks found.</summary>
    public sealed class DeviceState
    {
        internal DeviceState(NativeDeviceState s)
        {
            Context = Enum.IsDefined(typeof(VpnLintRunContext), s.Context) ? (VpnLintRunContext)s.Context : VpnLintRunContext.Unknown;
            OsBuild = (int)s.OsBuild;
            OsUbr = (int)s.OsUbr;
            NatT = s.Natt < 0 ? (int?)null : s.Natt;
            ProhibitIpSec = s.ProhibitIpsec < 0 ? (int?)null : s.ProhibitIpsec;
            Phonebooks = (int)s.Phonebooks;
            L2tpEntries = (int)s.L2tpEntries;
            Profiles = (int)s.Profiles;
            Fixes = (VpnLintFix)s.Fixes;
            int n = Array.IndexOf(s.ServicesToStart, (byte)0);
            string services = Encoding.UTF8.GetString(s.ServicesToStart, 0, n < 0 ? s.ServicesToStart.Length : n);
            ServicesToStart = services.Length == 0 ? new string[0] : services.Split(',');
        }

        public VpnLintRunContext Context { get; }

        public int OsBuild { get; }

        public int OsUbr { get; }

        /// <summary>AssumeUDPEncapsulationContextOnSendRule; null = absent.</summary>
        public int? NatT { get; }

        /// <summary>RasMan\Parameters\ProhibitIpSec; null = absent.</summary>
        public int? ProhibitIpSec { get; }

        public int Phonebooks { get; }

        public int L2tpEntries { get; }

        public int Profiles { get; }

        /// <summary>What a remediation should apply; None = Intune's detection exits 0.</summary>
        public VpnLintFix Fixes { get; }

        public string[] ServicesToStart { get; }
    }

    /// <summary>The findings and facts of one device check.</summary>
    public sealed class DeviceCheckResult
    {
        public DeviceCheckResult(DeviceState state, LintResult lint)
        {
            State = state;
            Lint = lint;
        }

        public DeviceState State { get; }

        /// <summary>DEVnnn findings, plus the findings of the phonebooks and installed profiles it linted.</summary>
        public LintResult Lint { get; }
    }

    /// <summary>The operation behind Test-VpnClient: the library's device checks (Windows only).</summary>
    public static class DeviceCheck
    {
        /// <summary>Runs the checks. VpnLintException Unsupported off Windows.</summary>
        public static DeviceCheckResult Run(bool phonebooks = true, bool installedProfiles = true, LintOptions? options = null)
        {
            options ??= new LintOptions();
            string? only = RuleCatalog.ToNativeList(options.IncludeRule, "IncludeRule");
            string? disable = RuleCatalog.ToNativeList(options.ExcludeRule, "ExcludeRule");
            using (var report = new NativeReport(options.MinimumBuild, only, disable, options.BaseDirectory))
            {
                var state = new NativeDeviceState { Version = 1, ServicesToStart = new byte[128] };
                uint flags = (phonebooks ? 0u : 1u) | (installedProfiles ? 0u : 2u);
                int rc = NativeMethods.vpnlint_device_check(ref state, report.Handle, flags);
                if (rc != 0)
                {
                    VpnLintException e = VpnLintException.FromLastError(rc);
                    if (e.Code == VpnLintErrorCode.Unsupported)
                    {
                        throw new VpnLintException(e.Code, "Windows only: " + e.Message + ". Run it on the Windows device.", e);
                    }
                    throw e;
                }
                LintResult all = report.ToResult(options.Severity);
                // The library applies the rule filters to the files it lints, not to its own DEVnnn
                // findings; apply them to those here, with the same expanded ID lists.
                var onlySet = only?.Split(',');
                var disableSet = disable?.Split(',');
                var findings = all.Findings.Where(f => (onlySet == null || onlySet.Contains(f.RuleId, StringComparer.OrdinalIgnoreCase))
                                                       && (disableSet == null || !disableSet.Contains(f.RuleId, StringComparer.OrdinalIgnoreCase)))
                                          .ToList();
                return new DeviceCheckResult(new DeviceState(state), new LintResult(all.Files, findings));
            }
        }
    }
}

namespace VpnLint.Interop
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeDeviceState
    {
        public uint Version;
        public int Context;
        public uint OsBuild;
        public uint OsUbr;
        public int Natt;
        public int ProhibitIpsec;
        public uint Phonebooks;
        public uint L2tpEntries;
        public uint Profiles;
        public uint Fixes;

        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 128)]
        public byte[] ServicesToStart;
    }
}
