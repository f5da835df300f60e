using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>The operation behind Get-NpsLogEntry.</summary>
    public sealed class NpsLogTests : NativeTest
    {
        private static readonly string Ias = Path.Combine(Native.RepoRoot, "tests", "fixtures", "kb", "nps_ias.log");
        private static readonly string Dts = Path.Combine(Native.RepoRoot, "tests", "fixtures", "kb", "nps_dts.xml");

        [Fact]
        public void RecordsCarryEveryFieldAndSkippedRecordsAreReported()
        {
            var skipped = new List<NpsSkippedRecord>();
            var all = NpsLog.Read(Ias, null, null, skipped.Add).ToList();
            Assert.Equal(6, all.Count);
            Assert.Equal(new long[] { 5, 7 }, skipped.Select(s => s.Line));
            Assert.Contains("not closed", skipped[0].Reason);
            Assert.Equal(Ias, skipped[0].Path);

            NpsLogEntry first = all[0];
            Assert.Equal(Ias, first.Path);
            Assert.Equal(1, first.Line);
            Assert.Equal(new DateTime(2024, 1, 15, 10, 0, 1), first.Timestamp);
            Assert.Equal("2024-01-15 10:00:01", first.TimestampText);
            Assert.Equal("NPS01", first.Computer);
            Assert.Equal(1, first.PacketType);
            Assert.Equal("alice@corp.example", first.UserName);
            Assert.Equal(@"CORP\alice", first.FullyQualifiedUserName);
            Assert.Equal("203.0.113.5", first.CallingStationId);

            NpsLogEntry reject = all.First(e => e.PacketType == 3);
            Assert.Equal(16, reject.ReasonCode);
            Assert.Equal("IAS_AUTH_FAILURE", reject.ReasonName);
            Assert.NotEmpty(reject.Reason);
            Assert.Equal("VPN \"Contractors\", EU", reject.Policy);
            Assert.Contains("IAS_AUTH_FAILURE", reject.ToString());
        }

        [Fact]
        public void SinceAndUserFilter()
        {
            var since = NpsLog.Read(Ias, new DateTime(2024, 1, 16)).ToList();
            Assert.NotEmpty(since);
            Assert.All(since, e => Assert.True(e.Timestamp >= new DateTime(2024, 1, 16)));
            Assert.True(since.Count < NpsLog.Read(Ias).Count());

            var bob = NpsLog.Read(Ias, null, new[] { "bob" }).ToList();
            Assert.Equal(2, bob.Count);
            Assert.All(bob, e => Assert.Equal(@"CORP\bob", e.FullyQualifiedUserName));
            Assert.Equal(bob.Count, NpsLog.Read(Ias, null, new[] { @"corp\B*" }).Count());
            Assert.Single(NpsLog.Read(Ias, null, new[] { "mallory" }));
            Assert.Empty(NpsLog.Read(Ias, null, new[] { "nobody" }));
        }

        [Fact]
        public void DtsXmlIsReadToo()
        {
            var all = NpsLog.Read(Dts).ToList();
            Assert.NotEmpty(all);
            Assert.All(all, e => Assert.NotNull(e.Timestamp));
            Assert.Contains(all, e => e.UserName.Length > 0);
        }

        [Fact]
        public void RecordsAreStreamedAndTheReaderClosesWhenTheConsumerStops()
        {
            // Taking one record and stopping must release the reader (finally) and leave the library usable.
            for (int i = 0; i < 500; i++)
            {
                Assert.Single(NpsLog.Read(Ias).Take(1));
            }
            Assert.Equal(6, NpsLog.Read(Ias).Count());
        }

        [Fact]
        public void AMissingLogFailsBeforeAnythingIsRead()
        {
            // Read throws at the call, not at the first MoveNext: the cmdlet reports it for that file.
            var e = Assert.Throws<VpnLintException>(() => NpsLog.Read(Path.Combine(Path.GetTempPath(), "no-such-nps-ü.log")));
            Assert.Equal(VpnLintErrorCode.IO, e.Code);
            Assert.Contains("no-such-nps-ü.log", e.Message);
        }
    }
}
