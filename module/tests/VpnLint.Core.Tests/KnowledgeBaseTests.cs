using System.Linq;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>The operations behind Get-VpnErrorInfo.</summary>
    public sealed class KnowledgeBaseTests : NativeTest
    {
        [Fact]
        public void EveryFormOfACodeFindsTheSameEntry()
        {
            ErrorInfo e = ErrorKnowledgeBase.Lookup("809");
            Assert.Equal("809", e.Code);
            Assert.Equal(809L, e.Value);
            Assert.NotEmpty(e.Name);
            Assert.NotEmpty(e.Message);
            Assert.NotEmpty(e.Meaning);
            Assert.Equal(e.Name, ErrorKnowledgeBase.Lookup("Error 809").Name);
            Assert.Equal(e.Code, ErrorKnowledgeBase.Lookup(e.Name.ToLowerInvariant()).Code);
        }

        [Fact]
        public void HResultsAreUnsigned32BitValues()
        {
            ErrorInfo e = ErrorKnowledgeBase.Lookup("0x800B0109");
            Assert.Equal(0x800B0109L, e.Value);
            Assert.Equal(e.Code, ErrorKnowledgeBase.Lookup("-2146762487").Code);
        }

        [Fact]
        public void CausesAreRankedWithTheirChecks()
        {
            ErrorInfo e = ErrorKnowledgeBase.Lookup("809");
            Assert.NotEmpty(e.Causes);
            Assert.Equal(Enumerable.Range(1, e.Causes.Count), e.Causes.Select(c => c.Rank));
            Assert.All(e.Causes, c => Assert.NotEmpty(c.Text));
            Assert.All(e.Causes, c => Assert.Contains(c.CheckKind, new[] { "Manual", "Rule", "Device", "Probe" }));
            Assert.All(e.Causes.Where(c => c.CheckKind != "Manual"), c => Assert.False(string.IsNullOrEmpty(c.Check)));
        }

        [Fact]
        public void AnUnknownCodeIsNotFoundWithTheLibrarysMessage()
        {
            var ex = Assert.Throws<VpnLintException>(() => ErrorKnowledgeBase.Lookup("zzz-no-such-code-zzz"));
            Assert.Equal(VpnLintErrorCode.NotFound, ex.Code);
            Assert.NotEmpty(ex.Message);
            Assert.Equal(VpnLintErrorCode.Invalid, Assert.Throws<VpnLintException>(() => ErrorKnowledgeBase.Lookup("")).Code);
        }

        [Fact]
        public void GetAllListsEveryEntry()
        {
            var all = ErrorKnowledgeBase.GetAll();
            Assert.True(all.Count >= 10);
            Assert.Contains(all, e => e.Code == "809");
            Assert.All(all, e => Assert.NotEmpty(e.Message));
        }
    }
}
