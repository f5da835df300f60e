using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>The operations behind Get-RasPhonebookEntry, Set-RasPhonebookEntry and Restore-RasPhonebook.</summary>
    public sealed class PhonebookTests : NativeTest, IDisposable
    {
        private static readonly string Mistakes = Path.Combine(Native.RepoRoot, "profiles", "pbk", "l2tp-classic-mistakes.pbk");
        private static readonly string Aovpn = Path.Combine(Native.RepoRoot, "profiles", "pbk", "aovpn-user.pbk");

        private readonly TempDir dir = new TempDir("vpnlint-pbk-Zürich-東京");
        private readonly List<(string Target, string Action, string Description)> asked = new();

        public void Dispose() => dir.Dispose();

        private string Copy(string source)
        {
            string p = Path.Combine(dir.Path, "rasphone.pbk");
            File.Copy(source, p, true);
            return p;
        }

        private ShouldChange Answer(bool yes) => (t, a, d) =>
        {
            asked.Add((t, a, d));
            return yes;
        };

        private string[] Backups() => Directory.GetFiles(dir.Path, "*.bak");

        [Fact]
        public void EntriesComeWithSummaryLineAndMaskedSettings()
        {
            var entries = Phonebook.GetEntries(Mistakes);
            Assert.Equal(new[] { "Office L2TP", "Office L2TP", "Branch" }, entries.Select(e => e.Name));
            Assert.Equal(new[] { 1, 145, 289 }, entries.Select(e => e.Line));
            PhonebookEntry branch = entries[2];
            Assert.Equal(Mistakes, branch.Path);
            Assert.Equal("2", branch.Type);
            Assert.Equal("1", branch.VpnStrategy); // the first of the duplicated key
            Assert.Contains("strategy=1 (PPTP only)", branch.Summary);
            Assert.Equal(branch.Summary, branch.ToString());
            Assert.Contains(branch.Settings, s => s.Key == "VpnStrategy" && s.Value == "11");
            Assert.StartsWith("https://ｖｐｎ", branch.Server);
            // A name two sections hold has no settings, but its summary says why.
            Assert.Empty(entries[0].Settings);
            Assert.Contains("DUPLICATE-NAME", entries[0].Summary);
        }

        [Fact]
        public void SecretsAreNeverReturned()
        {
            string p = Copy(Aovpn);
            Assert.NotNull(Phonebook.Set(p, "Contoso User Tunnel", "PreSharedKey", "Sup3rS3cret!", null, false, Answer(true)));
            Assert.Contains("Sup3rS3cret!", File.ReadAllText(p));
            PhonebookEntry e = Phonebook.GetEntries(p).Single();
            Assert.Equal("********", e["presharedkey"]);
            Assert.DoesNotContain(e.Settings, s => s.Value.Contains("Sup3rS3cret!"));
            Assert.DoesNotContain("Sup3rS3cret!", asked.Single().Description);
        }

        [Fact]
        public void NameFilterTakesWildcards()
        {
            Assert.Equal(new[] { "Branch" }, Phonebook.GetEntries(Mistakes, new[] { "br*" }).Select(e => e.Name));
            Assert.Equal(2, Phonebook.GetEntries(Mistakes, new[] { "Office ?2TP" }).Count);
            Assert.Empty(Phonebook.GetEntries(Mistakes, new[] { "none" }));
        }

        [Fact]
        public void AMissingPhonebookIsNotFound()
        {
            var e = Assert.Throws<VpnLintException>(() => Phonebook.GetEntries(Path.Combine(dir.Path, "nope.pbk")));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Contains("nope.pbk", e.Message);
        }

        [Fact]
        public void ADeclinedConfirmationWritesNothing()
        {
            string p = Copy(Aovpn);
            byte[] before = File.ReadAllBytes(p);
            DateTime stamp = File.GetLastWriteTimeUtc(p);
            Assert.Null(Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", "7", null, false, Answer(false)));
            Assert.Equal(before, File.ReadAllBytes(p));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(p));
            Assert.Empty(Backups());
            Assert.Equal(new[] { "rasphone.pbk" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName));
            // The question carried the library's diff (what -WhatIf prints).
            (string target, string action, string diff) = asked.Single();
            Assert.Equal(p, target);
            Assert.Contains("VpnStrategy", action);
            Assert.Contains("-VpnStrategy=14", diff);
            Assert.Contains("+VpnStrategy=7", diff);
        }

        [Fact]
        public void AnAcceptedChangeWritesABackupAndOnlyTheTargetLine()
        {
            string p = Copy(Aovpn);
            byte[] original = File.ReadAllBytes(p);
            PhonebookChange c = Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", "7", null, false, Answer(true))!;
            Assert.True(c.Changed);
            Assert.NotNull(c.BackupPath);
            Assert.Equal(c.BackupPath, c.ToString());
            Assert.Equal(original, File.ReadAllBytes(c.BackupPath!));
            Assert.Equal(p, Phonebook.OriginalOf(c.BackupPath!));
            string[] was = File.ReadAllText(Aovpn).Split('\n');
            string[] now = File.ReadAllText(p).Split('\n');
            Assert.Equal(was.Length, now.Length);
            Assert.Equal(new[] { "VpnStrategy=7\r" }, now.Except(was).ToArray().Select(l => l.EndsWith('\r') ? l : l + "\r"));
            Assert.Equal("7", Phonebook.GetEntries(p).Single().VpnStrategy);
            Assert.Contains("+VpnStrategy=7", c.Diff);
        }

        [Fact]
        public void AValueAlreadyInPlaceAsksNothingAndWritesNothing()
        {
            string p = Copy(Aovpn);
            byte[] before = File.ReadAllBytes(p);
            PhonebookChange c = Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", "14", null, false, Answer(true))!;
            Assert.False(c.Changed);
            Assert.Null(c.BackupPath);
            Assert.Empty(asked);
            Assert.Empty(Backups());
            Assert.Equal(before, File.ReadAllBytes(p));
        }

        [Fact]
        public void RemovingAKeyAndRestoringTheBackup()
        {
            string p = Copy(Aovpn);
            byte[] original = File.ReadAllBytes(p);
            PhonebookChange c = Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", null, null, false, Answer(true))!;
            Assert.True(c.Changed);
            Assert.Null(Phonebook.GetEntries(p).Single().VpnStrategy);
            Assert.StartsWith("Remove", asked.Single().Action);

            byte[] edited = File.ReadAllBytes(p);
            Assert.Null(Phonebook.Restore(c.BackupPath!, null, Answer(false)));
            Assert.Equal(edited, File.ReadAllBytes(p));
            Assert.Single(Backups());

            PhonebookRestore r = Phonebook.Restore(c.BackupPath!, null, Answer(true))!;
            Assert.Equal(p, r.Path);
            Assert.Equal(original, File.ReadAllBytes(p));
            Assert.NotNull(r.SafetyBackupPath);
            Assert.Equal(edited, File.ReadAllBytes(r.SafetyBackupPath!));
        }

        [Fact]
        public void EditErrorsCarryTheLibrarysCode()
        {
            string p = Copy(Mistakes);
            byte[] before = File.ReadAllBytes(p);
            Assert.Equal(VpnLintErrorCode.NotFound,
                Assert.Throws<VpnLintException>(() => Phonebook.Set(p, "No Such Entry", "VpnStrategy", "7", null, false, Answer(true))).Code);
            var amb = Assert.Throws<VpnLintException>(() => Phonebook.Set(p, "Office L2TP", "VpnStrategy", "7", null, false, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Ambiguous, amb.Code);
            Assert.Equal("InvalidArgument", amb.CategoryName);
            Assert.Equal(VpnLintErrorCode.Invalid,
                Assert.Throws<VpnLintException>(() => Phonebook.Set(p, "Branch", "VpnStrategy", "7", new PhonebookPosition { Media = 0 }, false, Answer(true))).Code);
            Assert.Empty(asked);
            Assert.Equal(before, File.ReadAllBytes(p));
            Assert.Empty(Backups());
        }

        [Fact]
        public void HiddenPhonebooksNeedAllowHidden()
        {
            string hidden = Path.Combine(dir.Path, "_hiddenPbk");
            Directory.CreateDirectory(hidden);
            string p = Path.Combine(hidden, "rasphone.pbk");
            File.Copy(Aovpn, p);
            var e = Assert.Throws<VpnLintException>(() => Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", "7", null, false, Answer(true)));
            Assert.Equal(VpnLintErrorCode.Access, e.Code);
            Assert.Contains("AllowHidden", e.Message);
            Assert.True(Phonebook.Set(p, "Contoso User Tunnel", "VpnStrategy", "7", null, true, Answer(true))!.Changed);
        }

        [Fact]
        public void ARestoreWithoutABackupIsNotFoundAndAsksNothing()
        {
            var e = Assert.Throws<VpnLintException>(() => Phonebook.Restore(Path.Combine(dir.Path, "x.pbk.vpnlint-1.bak"), null, Answer(true)));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Empty(asked);
            Assert.Null(Phonebook.OriginalOf("rasphone.pbk"));
        }
    }
}
