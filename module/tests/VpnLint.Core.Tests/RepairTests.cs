using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Microsoft.Win32;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>
    /// The operations behind Repair-L2tpNatT and Test-VpnClient. Off Windows the library refuses (the cmdlets
    /// turn that into NotImplemented). Under wine they really write HKLM of wine's private registry
    /// (WINEPREFIX) and undo it; they are never run against a real Windows machine's registry.
    /// </summary>
    [Collection("registry")]
    public sealed class RepairTests : NativeTest, IDisposable
    {
        private const string PolicyAgent = @"SYSTEM\CurrentControlSet\Services\PolicyAgent";
        private const string NatT = "AssumeUDPEncapsulationContextOnSendRule";

        private readonly TempDir dir = new TempDir("vpnlint-journal-ñ");
        private readonly List<(string Target, string Action, string Description)> asked = new();

        public void Dispose() => dir.Dispose();

        private ShouldChange Answer(bool yes) => (t, a, d) =>
        {
            asked.Add((t, a, d));
            return yes;
        };

        [Fact(SkipUnless = nameof(Platform.IsLinux), SkipType = typeof(Platform), Skip = "Linux only: on Windows the repair really runs")]
        public void OffWindowsTheRepairRefusesAsWindowsOnlyAndAsksNothing()
        {
            string journal = Path.Combine(dir.Path, "natt.json");
            var e = Assert.Throws<VpnLintException>(() => NatTRepair.Set(2, journal, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Unsupported, e.Code);
            Assert.Equal("NotImplemented", e.CategoryName);
            Assert.StartsWith("Windows only:", e.Message);
            Assert.Contains("needs Windows", e.Message);
            var u = Assert.Throws<VpnLintException>(() => NatTRepair.Undo(journal, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Unsupported, u.Code);
            Assert.Empty(asked);
            Assert.False(File.Exists(journal));
        }

        [Fact(SkipUnless = nameof(Platform.IsLinux), SkipType = typeof(Platform), Skip = "Linux only: on Windows the checks really run")]
        public void OffWindowsTheDeviceChecksRefuseAsWindowsOnly()
        {
            var e = Assert.Throws<VpnLintException>(() => DeviceCheck.Run());
            Assert.Equal(VpnLintErrorCode.Unsupported, e.Code);
            Assert.Equal("NotImplemented", e.CategoryName);
            Assert.StartsWith("Windows only:", e.Message);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(3)]
        public void ValuesOtherThan012AreInvalidEverywhere(int value)
        {
            var e = Assert.Throws<VpnLintException>(() => NatTRepair.Set(value, null, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Invalid, e.Code);
            Assert.Empty(asked);
        }

        [Fact]
        public void EachValueIsExplained()
        {
            Assert.Contains("absent", NatTRepair.Describe(null));
            Assert.Contains("server and the client", NatTRepair.Describe(2));
            Assert.StartsWith("1:", NatTRepair.Describe(1));
            Assert.Equal(2, NatTRepair.DefaultValue);
        }

        [Fact(SkipUnless = nameof(Platform.IsWine), SkipType = typeof(Platform), Skip = "wine only: writes HKLM of wine's private registry")]
        public void UnderWineTheRepairWritesTheRegistryAndUndoRestoresIt()
        {
            if (!OperatingSystem.IsWindows())
            {
                return;
            }
            DeleteNatT();
            string journal = Path.Combine(dir.Path, "natt.json");

            // Declined: nothing written, no journal.
            Assert.Null(NatTRepair.Set(2, journal, Answer(false)));
            Assert.Null(ReadNatT());
            Assert.False(File.Exists(journal));
            (string target, string action, string plan) = asked.Single();
            Assert.Equal(NatTRepair.Target, target);
            Assert.Contains("Set to 2", action);
            Assert.Contains("dry run", plan);

            // Accepted: the value is 2, the journal records the absent value.
            RepairResult r = NatTRepair.Set(2, journal, Answer(true))!;
            Assert.True(r.Changed);
            Assert.Null(r.Previous);
            Assert.Equal(2, r.Current);
            Assert.True(r.RebootRequired);
            Assert.Equal(journal, r.JournalPath);
            Assert.Equal(2, ReadNatT());
            Assert.True(File.Exists(journal));

            // Already right: nothing asked, nothing written.
            asked.Clear();
            RepairResult again = NatTRepair.Set(2, journal, Answer(true))!;
            Assert.False(again.Changed);
            Assert.Equal(2, again.Previous);
            Assert.Equal(2, again.Current);
            Assert.Null(again.JournalPath);
            Assert.Empty(asked);

            // Undo declined, then accepted: the value is absent again.
            Assert.Null(NatTRepair.Undo(journal, Answer(false)));
            Assert.Equal(2, ReadNatT());
            RepairResult undone = NatTRepair.Undo(journal, Answer(true))!;
            Assert.True(undone.Changed);
            Assert.Equal(2, undone.Previous);
            Assert.Null(undone.Current);
            Assert.Null(ReadNatT());

            // Nothing left to undo.
            asked.Clear();
            Assert.False(NatTRepair.Undo(journal, Answer(true))!.Changed);
            Assert.Empty(asked);
        }

        [Fact(SkipUnless = nameof(Platform.IsWine), SkipType = typeof(Platform), Skip = "wine only: writes HKLM of wine's private registry")]
        public void UnderWineAChangeSinceTheRepairRefusesTheUndo()
        {
            if (!OperatingSystem.IsWindows())
            {
                return;
            }
            DeleteNatT();
            string journal = Path.Combine(dir.Path, "natt1.json");
            Assert.True(NatTRepair.Set(1, journal, Answer(true))!.Changed);
            using (RegistryKey k = Registry.LocalMachine.OpenSubKey(PolicyAgent, true)!)
            {
                k.SetValue(NatT, 0, RegistryValueKind.DWord);
            }
            var e = Assert.Throws<VpnLintException>(() => NatTRepair.Undo(journal, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Conflict, e.Code);
            Assert.Equal(0, ReadNatT());
            DeleteNatT();
        }

        [Fact(SkipUnless = nameof(Platform.IsWine), SkipType = typeof(Platform), Skip = "wine only: reads wine's services and registry")]
        public void UnderWineTheDeviceChecksReportFindingsAndState()
        {
            DeleteNatTIfWindows();
            DeviceCheckResult r = DeviceCheck.Run(phonebooks: false, installedProfiles: false);
            Assert.True(r.State.OsBuild > 0);
            Assert.NotEqual(VpnLintRunContext.Unknown, r.State.Context);
            Assert.Null(r.State.NatT);
            Assert.NotEmpty(r.Lint.Findings);
            Assert.All(r.Lint.Findings, f => Assert.StartsWith("DEV", f.RuleId));
            // wine has no RasMan service: reported as missing.
            Assert.Contains(r.Lint.Findings, f => f.RuleId == "DEV001" && f.Message.Contains("RasMan"));
            var only = DeviceCheck.Run(false, false, new LintOptions { ExcludeRule = { "DEV001" } });
            Assert.DoesNotContain(only.Lint.Findings, f => f.RuleId == "DEV001");
        }

        private static void DeleteNatTIfWindows()
        {
            if (OperatingSystem.IsWindows())
            {
                DeleteNatT();
            }
        }

        [SupportedOSPlatform("windows")]
        private static int? ReadNatT()
        {
            using RegistryKey? k = Registry.LocalMachine.OpenSubKey(PolicyAgent);
            return k?.GetValue(NatT) is int v ? v : null;
        }

        [SupportedOSPlatform("windows")]
        private static void DeleteNatT()
        {
            using RegistryKey k = Registry.LocalMachine.CreateSubKey(PolicyAgent, true);
            k.DeleteValue(NatT, false);
        }
    }
}
