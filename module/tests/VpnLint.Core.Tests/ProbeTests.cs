using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using VpnLint.Interop;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>
    /// The operation behind Test-VpnServer (vpnlint_probe) where it must refuse before sending anything:
    /// bad options, inputs it cannot read or that name no single server. None of these cases reaches the
    /// network, so they run everywhere, under wine too. The probes that do send are in ProbeNetworkTests.
    /// </summary>
    public sealed class ProbeTests : NativeTest, IDisposable
    {
        private static readonly string Profile = Path.Combine(Native.RepoRoot, "profiles", "profilexml", "good", "user-ikev2-peap-tls-split.xml");
        private static readonly string Mistakes = Path.Combine(Native.RepoRoot, "profiles", "pbk", "l2tp-classic-mistakes.pbk");

        private readonly TempDir dir = new TempDir("vpnlint-probe-Zürich");

        public void Dispose() => dir.Dispose();

        private static VpnLintException Refused(string? path, ProbeOptions o, VpnLintErrorCode code)
        {
            var e = Assert.Throws<VpnLintException>(() => ServerProbe.Run(path, o));
            Assert.Equal(code, e.Code);
            return e;
        }

        [Fact]
        public void OptionsStructHasTheHeadersLayoutOnThisArchitecture()
        {
            // vpnlint.h: unsigned version; const char *entry, *server; int protocol; unsigned timeout_ms,
            // ike_port, natt_port, sstp_port; const char *ca_file. (module/tests/fakes/probe_layout.c asserts
            // the same numbers against the header with gcc and both mingw compilers.)
            bool x64 = IntPtr.Size == 8;
            Assert.Equal(x64 ? 56 : 36, Marshal.SizeOf<NativeProbeOptions>());
            Assert.Equal(x64 ? 8 : 4, (int)Marshal.OffsetOf<NativeProbeOptions>(nameof(NativeProbeOptions.Entry)));
            Assert.Equal(x64 ? 24 : 12, (int)Marshal.OffsetOf<NativeProbeOptions>(nameof(NativeProbeOptions.Protocol)));
            Assert.Equal(x64 ? 28 : 16, (int)Marshal.OffsetOf<NativeProbeOptions>(nameof(NativeProbeOptions.TimeoutMs)));
            Assert.Equal(x64 ? 40 : 28, (int)Marshal.OffsetOf<NativeProbeOptions>(nameof(NativeProbeOptions.SstpPort)));
            Assert.Equal(x64 ? 48 : 32, (int)Marshal.OffsetOf<NativeProbeOptions>(nameof(NativeProbeOptions.CaFile)));
        }

        [Fact]
        public void NothingToProbeIsAnArgumentError()
        {
            VpnLintException e = Refused(null, new ProbeOptions(), VpnLintErrorCode.Invalid);
            Assert.Contains("nothing to probe", e.Message);
            Assert.Equal("InvalidArgument", e.CategoryName);
        }

        [Fact]
        public void TheLibraryJudgesProtocolAndTimeoutRange()
        {
            // Both reach the library, which refuses them in its own words: the options crossed intact.
            VpnLintException p = Refused(null, new ProbeOptions { Server = "vpn.invalid", Protocol = (VpnProbeProtocol)7 }, VpnLintErrorCode.Invalid);
            Assert.Contains("protocol 7", p.Message);
            VpnLintException t = Refused(null, new ProbeOptions { Server = "vpn.invalid", Timeout = TimeSpan.FromSeconds(601) }, VpnLintErrorCode.Invalid);
            Assert.Contains("600 s", t.Message);
        }

        [Theory]
        [InlineData("timeout")]
        [InlineData("port")]
        [InlineData("server")]
        [InlineData("path")]
        public void TheModuleRefusesWhatCannotCrossTheBoundary(string what)
        {
            var o = new ProbeOptions { Server = "vpn.invalid" };
            string? path = null;
            switch (what)
            {
                case "timeout":
                    o.Timeout = TimeSpan.FromSeconds(-1);
                    break;
                case "port":
                    o.SstpPort = 70000;
                    break;
                case "server":
                    o.Server = "  ";
                    break;
                default:
                    path = string.Empty;
                    break;
            }
            VpnLintException e = Refused(path, o, VpnLintErrorCode.Invalid);
            Assert.Contains(what == "port" ? "SstpPort 70000" : what, e.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void AMissingFileIsNotFoundAndNamed()
        {
            string missing = Path.Combine(dir.Path, "no-such-profile.xml");
            VpnLintException e = Refused(missing, new ProbeOptions { Server = "vpn.invalid" }, VpnLintErrorCode.NotFound);
            Assert.Contains("no-such-profile.xml", e.Message);
            Assert.Equal("ObjectNotFound", e.CategoryName);
        }

        [Fact]
        public void AFileThatIsNeitherProfileNorPhonebookIsAParseError()
        {
            string notes = Path.Combine(dir.Path, "notes.txt");
            File.WriteAllText(notes, "just some notes\n");
            VpnLintException e = Refused(notes, new ProbeOptions(), VpnLintErrorCode.Parse);
            Assert.Contains("neither a ProfileXML nor a rasphone.pbk", e.Message);
        }

        [Fact]
        public void APhonebookNeedsOneNamedEntry()
        {
            VpnLintException several = Refused(Mistakes, new ProbeOptions(), VpnLintErrorCode.Invalid);
            Assert.Contains("3 entries", several.Message);
            VpnLintException unknown = Refused(Mistakes, new ProbeOptions { Entry = "Nope ñ" }, VpnLintErrorCode.NotFound);
            Assert.Contains("[Nope ñ]", unknown.Message);
            VpnLintException twice = Refused(Mistakes, new ProbeOptions { Entry = "Office L2TP" }, VpnLintErrorCode.Ambiguous);
            Assert.Contains("2 entries named [Office L2TP]", twice.Message);
        }

        [Fact]
        public void AProfileWithoutServersNeedsOne()
        {
            string noServer = Path.Combine(dir.Path, "no-server.xml");
            string xml = File.ReadAllText(Profile);
            int a = xml.IndexOf("<Servers>", StringComparison.Ordinal);
            int b = xml.IndexOf("</Servers>", StringComparison.Ordinal) + "</Servers>".Length;
            Assert.True(a > 0 && b > a, "the sample profile names its server");
            File.WriteAllText(noServer, xml.Substring(0, a) + xml.Substring(b));
            VpnLintException e = Refused(noServer, new ProbeOptions { Protocol = VpnProbeProtocol.IKEv2 }, VpnLintErrorCode.Invalid);
            Assert.Contains("names no server", e.Message);
        }

        [Fact]
        public void NetworkFindingsAndRulesHaveTheirOwnKind()
        {
            RuleInfo net001 = RuleCatalog.Query(new[] { "NET001" }, null, null).Single();
            Assert.Equal(VpnLintKind.Network, net001.Kind);
            Assert.All(RuleCatalog.Query(new[] { "NET*" }, null, null), r => Assert.Equal(VpnLintKind.Network, r.Kind));
            Assert.NotEmpty(RuleCatalog.Query(null, new[] { VpnLintKind.Network }, null));
            Assert.All(RuleCatalog.Query(null, new[] { VpnLintKind.Network }, null), r => Assert.StartsWith("NET", r.Id));
            Assert.Equal(VpnLintKind.Network, NativeReport.ToKind(4));
        }
    }
}
