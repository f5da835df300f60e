using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>The operations behind Get-VpnLintRule and the -IncludeRule/-ExcludeRule completer.</summary>
    public sealed class CatalogTests : NativeTest
    {
        [Fact]
        public void GetAllReturnsTheRegistryWithEveryField()
        {
            var rules = RuleCatalog.GetAll();
            Assert.Contains(rules, r => r.Id == "PX001");
            Assert.Equal(rules.Select(r => r.Id).OrderBy(i => i, System.StringComparer.Ordinal), rules.Select(r => r.Id));
            RuleInfo px = rules.Single(r => r.Id == "PX001");
            Assert.Equal("not-well-formed", px.Name);
            Assert.Equal(VpnLintKind.ProfileXml, px.Kind);
            Assert.Equal(VpnLintSeverity.Error, px.DefaultSeverity);
            Assert.NotEmpty(px.ShortDescription);
            Assert.NotEmpty(px.FullDescription);
            Assert.NotEmpty(px.Help);
            Assert.NotEmpty(px.Since);
            Assert.Equal("PX001 not-well-formed", px.ToString());
        }

        [Fact]
        public void FindIsCaseInsensitive()
        {
            Assert.Equal("PX001", RuleCatalog.Find("px001").Id);
        }

        [Fact]
        public void QueryFiltersByWildcardKindAndSeverityAndReportsUnknownIds()
        {
            var missing = new System.Collections.Generic.List<string>();
            var r = RuleCatalog.Query(new[] { "IN00*", "NOPE1" }, null, null, missing.Add);
            var expected = RuleCatalog.GetAll().Select(x => x.Id).Where(id => id.StartsWith("IN00", System.StringComparison.Ordinal)).ToList();
            Assert.Contains("IN001", expected);
            Assert.Equal(expected, r.Select(x => x.Id));
            Assert.Equal(new[] { "NOPE1" }, missing);
            Assert.All(RuleCatalog.Query(null, new[] { VpnLintKind.ProfileXml }, null), x => Assert.Equal(VpnLintKind.ProfileXml, x.Kind));
            Assert.Contains(RuleCatalog.Query(null, new[] { VpnLintKind.ProfileXml }, null), x => x.Id == "PX001");
            Assert.Empty(RuleCatalog.Query(new[] { "PX001" }, null, new[] { VpnLintSeverity.Information }));
            Assert.Equal(RuleCatalog.GetAll().Count, RuleCatalog.Query(null, null, null).Count);
        }

        [Fact]
        public void CompletionOffersIdsByPrefixOrWildcard()
        {
            Assert.Contains("PX001", RuleCatalog.Complete("px"));
            Assert.DoesNotContain("IN001", RuleCatalog.Complete("PX"));
            Assert.Contains("IN002", RuleCatalog.Complete("'IN"));
            Assert.Contains("IN003", RuleCatalog.Complete("*3"));
            Assert.Equal(RuleCatalog.GetAll().Count, RuleCatalog.Complete("").Count);
        }

        [Fact]
        public void RuleListsExpandWildcardsAndRejectUnknownIds()
        {
            Assert.Null(RuleCatalog.ToNativeList(null, "IncludeRule"));
            var ins = RuleCatalog.GetAll().Select(x => x.Id).Where(id => id.StartsWith("IN", System.StringComparison.Ordinal));
            Assert.Equal(string.Join(",", ins.Concat(new[] { "PX001" })),
                         RuleCatalog.ToNativeList(new[] { "IN*", "px001", "IN001" }, "IncludeRule"));
            var e = Assert.Throws<VpnLintException>(() => RuleCatalog.ToNativeList(new[] { "ZZ9*" }, "ExcludeRule"));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Contains("ExcludeRule", e.Message);
            Assert.Contains("ZZ9*", e.Message);
        }

        [Fact]
        public void TheCatalogRendersAsJson()
        {
            using JsonDocument doc = JsonDocument.Parse(RuleCatalog.Render(VpnLintFormat.Json));
            Assert.Contains("PX001", doc.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("PX001", "PX*", true)]
        [InlineData("PX001", "px00?", true)]
        [InlineData("PX001", "PX00[12]", true)]
        [InlineData("PX001", "IN*", false)]
        [InlineData("PX001", "PX0", false)]
        [InlineData("a.b", "a?b", true)]
        [InlineData("a+b", "a+b", true)]
        public void WildcardsMatchLikePowerShell(string text, string pattern, bool expected)
        {
            Assert.Equal(expected, Wildcard.IsMatch(text, pattern));
        }
    }
}
