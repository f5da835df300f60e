using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>The operations behind Test-VpnProfile, Test-RasPhonebook and ConvertTo-VpnLintSarif.</summary>
    public sealed class LinterTests : NativeTest
    {
        private static readonly string Bad = Native.Fixture("PX001", "bad-unclosed.xml");
        private static readonly string Good = Native.Fixture("PX001", "good.xml");

        [Fact]
        public void LintFilesReportsFindingsWithLocationAndHelp()
        {
            LintResult r = Linter.LintFiles(new[] { Bad });
            Assert.Single(r.Files);
            Assert.Equal(VpnLintKind.ProfileXml, r.Files[0].Kind);
            Assert.Equal("profilexml", r.Files[0].KindName);
            Assert.Equal(VpnLintErrorCode.Ok, r.Files[0].ReadError);
            Finding f = r.Findings.First();
            Assert.Equal("PX001", f.RuleId);
            Assert.Equal(VpnLintSeverity.Error, f.Severity);
            Assert.Equal(Bad, f.File);
            Assert.Equal(4, f.Line);
            Assert.Equal(14, f.Column);
            Assert.NotEmpty(f.Message);
            Assert.NotEmpty(f.Help);
            Assert.Equal("bad-unclosed.xml:4", f.Location);
            Assert.Equal($"{Bad}:4:14: error: [PX001] {f.Message}", f.ToString());
            Assert.Equal(r.Findings.Count, r.Files[0].FindingCount);
        }

        [Fact]
        public void AWellFormedProfileHasNoPX001Finding()
        {
            LintResult r = Linter.LintFiles(new[] { Good });
            Assert.DoesNotContain(r.Findings, f => f.RuleId == "PX001");
            Assert.Equal(VpnLintKind.ProfileXml, r.Files[0].Kind);
        }

        [Fact]
        public void ManyFilesGoIntoOneResult()
        {
            LintResult r = Linter.LintFiles(new[] { Good, Bad, Native.Fixture("PX001", "bad-raw-ampersand.xml") });
            Assert.Equal(3, r.Files.Count);
            Assert.Contains(r.Findings, f => f.File.EndsWith("bad-raw-ampersand.xml", StringComparison.Ordinal));
            Assert.DoesNotContain(r.Findings, f => f.File == Good && f.RuleId == "PX001");
        }

        [Fact]
        public void NonAsciiPathsCrossAsUtf8BothWays()
        {
            using var dir = new TempDir("vpnlint-ünïcødé");
            string sub = Path.Combine(dir.Path, "Zürich VPN 東京");
            Directory.CreateDirectory(sub);
            string path = Path.Combine(sub, "Профиль €.xml");
            File.Copy(Bad, path);
            LintResult r = Linter.LintFiles(new[] { path });
            Assert.Equal(VpnLintErrorCode.Ok, r.Files[0].ReadError);
            Assert.Equal(path, r.Files[0].Path);
            Assert.All(r.Findings, f => Assert.Equal(path, f.File));
            Assert.Contains(r.Findings, f => f.RuleId == "PX001");
        }

        [Fact]
        public void AMissingFileIsRecordedWithItsReadErrorNotThrown()
        {
            string missing = Path.Combine(Path.GetTempPath(), "vpnlint-missing-ñ-" + Guid.NewGuid().ToString("N") + ".xml");
            LintResult r = Linter.LintFiles(new[] { missing, Good });
            Assert.Equal(2, r.Files.Count);
            Assert.Equal(VpnLintErrorCode.NotFound, r.Files[0].ReadError);
            Assert.Contains(missing, r.Files[0].ReadErrorMessage);
            Assert.Equal(VpnLintErrorCode.Ok, r.Files[1].ReadError);
        }

        [Fact]
        public void LintTextTakesXmlAndANonAsciiDisplayName()
        {
            string xml = File.ReadAllText(Bad);
            LintResult r = Linter.LintText("Профиль <Xml>", xml);
            Assert.Equal("Профиль <Xml>", r.Files[0].Path);
            Assert.Contains(r.Findings, f => f.RuleId == "PX001" && f.File == "Профиль <Xml>" && f.Line == 4);
            Assert.DoesNotContain(Linter.LintText("<Xml>", File.ReadAllText(Good)).Findings, f => f.RuleId == "PX001");
        }

        [Fact]
        public void NonAsciiContentSurvivesTheTrip()
        {
            string xml = File.ReadAllText(Good).Replace("<VPNProfile>", "<VPNProfile><!-- Zürich 東京 -->");
            LintResult r = Linter.LintText("x.xml", xml);
            Assert.Equal("utf-8", r.Files[0].Encoding);
            Assert.DoesNotContain(r.Findings, f => f.RuleId == "IN002");
        }

        [Fact]
        public void LintBytesDetectsUtf16()
        {
            byte[] utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(Good))).ToArray();
            LintResult r = Linter.LintBytes("u16.xml", utf16);
            Assert.StartsWith("utf-16le", r.Files[0].Encoding);
            Assert.Equal(VpnLintKind.ProfileXml, r.Files[0].Kind);
        }

        [Fact]
        public void IncludeAndExcludeRuleSelectRules()
        {
            Assert.Empty(Linter.LintFiles(new[] { Bad }, new LintOptions { IncludeRule = { "IN*" } }).Findings);
            Assert.Empty(Linter.LintFiles(new[] { Bad }, new LintOptions { ExcludeRule = { "px001" } }).Findings);
            Assert.NotEmpty(Linter.LintFiles(new[] { Bad }, new LintOptions { IncludeRule = { "PX*" } }).Findings);
        }

        [Fact]
        public void AnUnknownRuleFilterIsAnErrorBeforeAnythingIsRead()
        {
            var o = new LintOptions { IncludeRule = { "NOPE42" } };
            var e = Assert.Throws<VpnLintException>(() => Linter.Validate(o));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Throws<VpnLintException>(() => Linter.LintFiles(new[] { Bad }, o));
        }

        [Fact]
        public void SeverityFiltersTheFindingsWritten()
        {
            Assert.Empty(Linter.LintFiles(new[] { Bad }, new LintOptions { Severity = { VpnLintSeverity.Warning, VpnLintSeverity.Information } }).Findings);
            Assert.NotEmpty(Linter.LintFiles(new[] { Bad }, new LintOptions { Severity = { VpnLintSeverity.Error } }).Findings);
        }

        [Fact]
        public void MinimumBuildIsAcceptedByTheLibrary()
        {
            LintResult r = Linter.LintFiles(new[] { Bad }, new LintOptions { MinimumBuild = 19045 });
            Assert.Contains(r.Findings, f => f.RuleId == "PX001");
        }

        [Fact]
        public void PhonebooksAreDetectedByContent()
        {
            string pbk = Directory.GetFiles(Path.Combine(Native.CorpusDir, "pbk"), "*.pbk").OrderBy(p => p, StringComparer.Ordinal).First();
            LintResult r = Linter.LintFiles(new[] { pbk });
            Assert.Equal(VpnLintKind.Phonebook, r.Files[0].Kind);
            Assert.Equal(VpnLintErrorCode.Ok, r.Files[0].ReadError);
        }

        [Fact]
        public void DefaultPhonebooksAreTheUsersAndAllUsersThatExist()
        {
            using var dir = new TempDir();
            string appData = Path.Combine(dir.Path, "AppData");
            string programData = Path.Combine(dir.Path, "ProgramData");
            string userPbk = Path.Combine(appData, "Microsoft", "Network", "Connections", "Pbk", "rasphone.pbk");
            string allPbk = Path.Combine(programData, "Microsoft", "Network", "Connections", "Pbk", "rasphone.pbk");
            Directory.CreateDirectory(Path.GetDirectoryName(allPbk)!);
            File.WriteAllText(allPbk, "[VPN]\r\nMEDIA=rastapi\r\n");
            Func<string, string?> env = n => n == "APPDATA" ? appData : n == "ProgramData" ? programData : null;
            Assert.Equal(new[] { allPbk }, Linter.DefaultPhonebooks(env));
            Directory.CreateDirectory(Path.GetDirectoryName(userPbk)!);
            File.WriteAllText(userPbk, "[VPN]\r\n");
            Assert.Equal(new[] { userPbk, allPbk }, Linter.DefaultPhonebooks(env));
            Assert.Empty(Linter.DefaultPhonebooks(_ => null));
        }

        [Fact(SkipUnless = nameof(Platform.IsLinux), SkipType = typeof(Platform), Skip = "Linux only: Windows has default phonebooks")]
        public void OffWindowsThereAreNoDefaultPhonebooks()
        {
            Assert.Empty(Linter.DefaultPhonebooks());
        }

        [Fact]
        public void FindingsFromThePipelineBecomeOneSarifLogWithRelativeUris()
        {
            string root = Native.RepoRoot;
            var findings = Linter.LintFiles(new[] { Bad, Native.Fixture("PX001", "bad-raw-ampersand.xml") }).Findings;
            string sarif = Linter.ToSarif(findings, root);
            using JsonDocument doc = JsonDocument.Parse(sarif);
            JsonElement run = doc.RootElement.GetProperty("runs")[0];
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
            JsonElement results = run.GetProperty("results");
            Assert.Equal(findings.Count, results.GetArrayLength());
            string uri = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.Equal("tests/fixtures/rules/PX001/bad-unclosed.xml", uri);
            Assert.Equal("PX001", results[0].GetProperty("ruleId").GetString());
            Assert.Contains("PX001", run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetRawText(), StringComparison.Ordinal);
        }

        [Fact]
        public void AFindingWithAnUnknownRuleCannotBeRendered()
        {
            var f = new Finding("ZZ999", VpnLintSeverity.Error, "m", "h", "a.xml", 1, 1);
            var e = Assert.Throws<VpnLintException>(() => Linter.ToSarif(new[] { f }));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Contains("ZZ999", e.Message);
        }

        [Fact]
        public void AnEmptyPipelineGivesAnEmptySarifRun()
        {
            using JsonDocument doc = JsonDocument.Parse(Linter.ToSarif(Array.Empty<Finding>()));
            Assert.Equal(0, doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }

        [Fact]
        public void FindingsRenderAsText()
        {
            var findings = Linter.LintFiles(new[] { Bad }).Findings;
            string text = Linter.Render(findings, VpnLintFormat.Text);
            Assert.Contains("[PX001]", text);
            Assert.Contains(":4:14:", text);
        }
    }
}
