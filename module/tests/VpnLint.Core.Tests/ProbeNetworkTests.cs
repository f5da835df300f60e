using System;
using System.IO;
using System.Linq;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>
    /// The operation behind Test-VpnServer really probing: only inside the network namespace that
    /// scripts/test.d/30-module.sh creates for this class (VPNLINT_TEST_NETNS), and only its loopback,
    /// where nothing listens: IKEv2 gets "no answer" (NET001, error 809) and SSTP a refused TCP 443
    /// (NET020). Elsewhere the tests skip themselves; they never probe any other address.
    /// </summary>
    public sealed class ProbeNetworkTests : NativeTest, IDisposable
    {
        private const string Loopback = "127.0.0.1";
        private const string Skip = "needs the private network namespace of scripts/test.d/30-module.sh (VPNLINT_TEST_NETNS)";

        private static readonly string Profile = Path.Combine(Native.RepoRoot, "profiles", "profilexml", "good", "user-ikev2-peap-tls-split.xml");

        private readonly TempDir dir = new TempDir("vpnlint-probe-net");

        public ProbeNetworkTests()
        {
            if (Platform.InTestNetworkNamespace)
            {
                // Refuse to send anything unless this really is a namespace with nothing but loopback.
                string[] links = Directory.GetDirectories("/sys/class/net").Select(Path.GetFileName).OfType<string>().ToArray();
                Assert.True(links.SequenceEqual(new[] { "lo" }),
                    "VPNLINT_TEST_NETNS is set but this network namespace has other interfaces: " + string.Join(", ", links));
            }
        }

        public void Dispose() => dir.Dispose();

        [Fact(SkipUnless = nameof(Platform.InTestNetworkNamespace), SkipType = typeof(Platform), Skip = Skip)]
        public void AServerThatDoesNotAnswerIkeIsNet001WithinTheTimeout()
        {
            LintResult r = ServerProbe.Run(null, new ProbeOptions
            {
                Server = Loopback,
                Protocol = VpnProbeProtocol.IKEv2,
                Timeout = TimeSpan.FromSeconds(1),
            });
            FileResult file = Assert.Single(r.Files);
            Assert.Equal(VpnLintKind.Network, file.Kind);
            Assert.Equal("network", file.KindName);
            Assert.Equal(Loopback, file.Path);
            Finding f = Assert.Single(r.Findings);
            Assert.Equal("NET001", f.RuleId);
            Assert.Equal(VpnLintSeverity.Error, f.Severity);
            Assert.Contains("no answer from UDP 500 within 1 s", f.Message);
            Assert.Contains("809", f.Message);
            Assert.False(string.IsNullOrEmpty(f.Help));
        }

        [Fact(SkipUnless = nameof(Platform.InTestNetworkNamespace), SkipType = typeof(Platform), Skip = Skip)]
        public void AProfileProbedAtLoopbackReportsAgainstTheProfile()
        {
            // -Server replaces the profile's name (vpn.example.com, never contacted) and keeps its crypto.
            LintResult r = ServerProbe.Run(Profile, new ProbeOptions
            {
                Server = Loopback,
                Protocol = VpnProbeProtocol.IKEv2,
                Timeout = TimeSpan.FromSeconds(1),
                Severity = { VpnLintSeverity.Error },
            });
            Finding f = Assert.Single(r.Findings);
            Assert.Equal("NET001", f.RuleId);
            Assert.Equal(Profile, f.File);
            Assert.Equal("user-ikev2-peap-tls-split.xml", f.Location);
            Assert.Equal(VpnLintKind.Network, Assert.Single(r.Files).Kind);
        }

        [Fact(SkipUnless = nameof(Platform.InTestNetworkNamespace), SkipType = typeof(Platform), Skip = Skip)]
        public void APhonebookEntryForSstpReportsTheClosedPort()
        {
            string pbk = Path.Combine(dir.Path, "rasphone.pbk");
            File.WriteAllText(pbk, "[Lab SSTP]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=5\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n" +
                                   "DEVICE=vpn\r\nPhoneNumber=" + Loopback + "\r\n\r\n");
            LintResult r = ServerProbe.Run(pbk, new ProbeOptions { Entry = "Lab SSTP", Timeout = TimeSpan.FromSeconds(1) });
            Assert.Contains(r.Findings, f => f.RuleId == "NET020" && f.Message.Contains("TCP 443") && f.File == pbk);
            Assert.DoesNotContain(r.Findings, f => f.RuleId == "NET001");
        }
    }
}
