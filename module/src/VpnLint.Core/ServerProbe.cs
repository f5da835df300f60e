using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>What the network probe asks the server (vpnlint_probe_protocol).</summary>
    public enum VpnProbeProtocol
    {
        /// <summary>What the profile or phonebook entry uses (both without an input).</summary>
        Auto = 0,
        IKEv2 = 1,
        SSTP = 2,
    }

    /// <summary>What one probe asks and of whom (vpnlint_probe_options).</summary>
    public sealed class ProbeOptions
    {
        /// <summary>Phonebook entry; needed when the phonebook has several.</summary>
        public string? Entry { get; set; }

        /// <summary>Probe this host instead of the input's servers (the input's crypto and roots are kept).</summary>
        public string? Server { get; set; }

        public VpnProbeProtocol Protocol { get; set; } = VpnProbeProtocol.Auto;

        /// <summary>Per exchange and port; zero = the library's default (5 s); at most 600 s.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.Zero;

        /// <summary>UDP port of IKE; 0 = 500.</summary>
        public int IkePort { get; set; }

        /// <summary>UDP port of IKE behind NAT (non-ESP marker); 0 = 4500.</summary>
        public int NattPort { get; set; }

        /// <summary>TCP port of SSTP; 0 = 443.</summary>
        public int SstpPort { get; set; }

        /// <summary>PEM file of the roots the client trusts (SSTP); null = the profile's TrustedRootCA, else the system's.</summary>
        public string? CaFile { get; set; }

        /// <summary>Report only findings of these severities; empty = all.</summary>
        public IList<VpnLintSeverity> Severity { get; set; } = new List<VpnLintSeverity>();
    }

    /// <summary>
    /// The operation behind Test-VpnServer: the library's network probe (vpnlint_probe, the call behind
    /// `vpnlint probe`). IKEv2 IKE_SA_INIT on UDP 500/4500 with the profile's proposals, SSTP's TLS
    /// certificate against the profile; never IKE_AUTH, never a credential. Findings are NETnnn rules.
    /// </summary>
    public static class ServerProbe
    {
        /// <summary>The longest timeout the library accepts.</summary>
        public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(600);

        /// <summary>
        /// Probes the servers of a ProfileXML or phonebook at <paramref name="path"/> (absolute or relative to
        /// the process's current directory), or only <see cref="ProbeOptions.Server"/> when path is null.
        /// Throws <see cref="VpnLintException"/> when the probe cannot run (unreadable input, no server,
        /// unknown entry, bad option); what the servers answered are findings.
        /// </summary>
        public static LintResult Run(string? path, ProbeOptions? options = null)
        {
            options ??= new ProbeOptions();
            Validate(path, options);
            var strings = new List<IntPtr>();
            try
            {
                var o = new NativeProbeOptions
                {
                    Version = NativeProbeOptions.CurrentVersion,
                    Entry = Keep(strings, options.Entry),
                    Server = Keep(strings, options.Server),
                    Protocol = (int)options.Protocol,
                    TimeoutMs = (uint)Math.Ceiling(options.Timeout.TotalMilliseconds),
                    IkePort = (uint)options.IkePort,
                    NattPort = (uint)options.NattPort,
                    SstpPort = (uint)options.SstpPort,
                    CaFile = Keep(strings, options.CaFile),
                };
                using (var report = new NativeReport(0, null, null, null))
                {
                    NativeMethods.Check(NativeMethods.vpnlint_probe(report.Handle, Utf8.ToNative(path), ref o));
                    return report.ToResult(options.Severity);
                }
            }
            finally
            {
                foreach (IntPtr p in strings)
                {
                    Marshal.FreeHGlobal(p);
                }
            }
        }

        /// <summary>What the module can tell before calling the library (which checks the rest, such as the
        /// protocol's range and the timeout's upper bound, and says so in its own words).</summary>
        private static void Validate(string? path, ProbeOptions o)
        {
            if (path != null && path.Length == 0)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid, "The path of the profile or phonebook to probe is empty.");
            }
            if (o.Server != null && o.Server.Trim().Length == 0)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid, "The server name to probe is empty.");
            }
            if (o.Timeout < TimeSpan.Zero)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid, $"The probe timeout ({o.Timeout}) is negative.");
            }
            if (o.Timeout.TotalMilliseconds > uint.MaxValue)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid,
                    $"A probe timeout of {o.Timeout} is not useful; give at most {MaxTimeout.TotalSeconds} s.");
            }
            foreach ((string name, int port) in new[] { ("IkePort", o.IkePort), ("NattPort", o.NattPort), ("SstpPort", o.SstpPort) })
            {
                if (port < 0 || port > 65535)
                {
                    throw new VpnLintException(VpnLintErrorCode.Invalid, $"{name} {port} is not a port number (1-65535, or 0 for the default).");
                }
            }
        }

        private static IntPtr Keep(List<IntPtr> strings, string? s)
        {
            IntPtr p = Utf8.AllocHGlobal(s);
            if (p != IntPtr.Zero)
            {
                strings.Add(p);
            }
            return p;
        }
    }
}

namespace VpnLint.Interop
{
    /// <summary>
    /// vpnlint_probe_options (VPNLINT_PROBE_OPTIONS_VERSION 1). Sequential layout gives C's: on 64-bit
    /// Windows and Linux 4 bytes of padding after Version and after SstpPort (size 56, CaFile at 48); on
    /// 32-bit Windows none (size 36, CaFile at 32). VPNLINT_PROBE_OPTIONS_INIT is Version 1, the rest zero.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeProbeOptions
    {
        public const uint CurrentVersion = 1;

        public uint Version;
        public IntPtr Entry;
        public IntPtr Server;
        public int Protocol;
        public uint TimeoutMs;
        public uint IkePort;
        public uint NattPort;
        public uint SstpPort;
        public IntPtr CaFile;
    }
}
