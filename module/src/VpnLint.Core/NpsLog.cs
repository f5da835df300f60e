using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>One record of an NPS accounting log (Get-NpsLogEntry).</summary>
    public sealed class NpsLogEntry
    {
        internal NpsLogEntry(string path, NativeNpsRecord r)
        {
            Path = path;
            Line = (long)(NativeLoader.IsWindows ? (r.Line.ToUInt64() & 0xFFFFFFFFUL) : r.Line.ToUInt64());
            TimestampText = Utf8.FromNative(r.Timestamp) ?? string.Empty;
            Timestamp = ParseTimestamp(TimestampText);
            Computer = S(r.Computer);
            PacketType = r.PacketType;
            PacketTypeName = S(r.PacketTypeName);
            UserName = S(r.UserName);
            FullyQualifiedUserName = S(r.FqUserName);
            CallingStationId = S(r.CallingStation);
            CalledStationId = S(r.CalledStation);
            ClientIPAddress = S(r.ClientIp);
            ClientFriendlyName = S(r.ClientName);
            NasIPAddress = S(r.NasIp);
            TunnelClientEndpoint = S(r.TunnelClient);
            FramedIPAddress = S(r.FramedIp);
            Policy = S(r.Policy);
            ProxyPolicy = S(r.ProxyPolicy);
            ReasonCode = r.ReasonCode < 0 ? (int?)null : r.ReasonCode;
            ReasonName = S(r.ReasonName);
            Reason = S(r.ReasonText);
            AuthenticationType = r.AuthType < 0 ? (int?)null : r.AuthType;
            AuthenticationTypeName = S(r.AuthTypeName);
            EapType = S(r.EapType);
        }

        /// <summary>The log file.</summary>
        public string Path { get; }

        /// <summary>1-based line where the record starts.</summary>
        public long Line { get; }

        /// <summary>The log's local time; null when the record has none.</summary>
        public DateTime? Timestamp { get; }

        /// <summary>"YYYY-MM-DD HH:MM:SS" as the library read it.</summary>
        public string TimestampText { get; }

        /// <summary>The NPS server.</summary>
        public string Computer { get; }

        /// <summary>1 request, 2 accept, 3 reject, 4/5 accounting, 11 challenge; -1 when absent.</summary>
        public int PacketType { get; }

        public string PacketTypeName { get; }

        /// <summary>User-Name as the client sent it.</summary>
        public string UserName { get; }

        /// <summary>DOMAIN\user.</summary>
        public string FullyQualifiedUserName { get; }

        /// <summary>The VPN client's address.</summary>
        public string CallingStationId { get; }

        public string CalledStationId { get; }

        /// <summary>The RADIUS client (the VPN server).</summary>
        public string ClientIPAddress { get; }

        public string ClientFriendlyName { get; }

        public string NasIPAddress { get; }

        public string TunnelClientEndpoint { get; }

        /// <summary>The address given to the VPN client.</summary>
        public string FramedIPAddress { get; }

        /// <summary>The network policy that matched.</summary>
        public string Policy { get; }

        /// <summary>The connection request policy.</summary>
        public string ProxyPolicy { get; }

        public int? ReasonCode { get; }

        /// <summary>e.g. IAS_NO_SUCH_USER.</summary>
        public string ReasonName { get; }

        /// <summary>The reason in plain words.</summary>
        public string Reason { get; }

        public int? AuthenticationType { get; }

        public string AuthenticationTypeName { get; }

        public string EapType { get; }

        /// <summary>The user as the table shows it: DOMAIN\user, else User-Name.</summary>
        public string User => FullyQualifiedUserName.Length > 0 ? FullyQualifiedUserName : UserName;

        public override string ToString()
        {
            string reason = ReasonCode is int rc && rc != 0 ? $" reason {rc} {ReasonName}" : string.Empty;
            return $"{TimestampText} {PacketTypeName} {User}{reason}".Trim();
        }

        private static string S(IntPtr p) => Utf8.FromNative(p) ?? string.Empty;

        private static DateTime? ParseTimestamp(string s) =>
            DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime t) ? t : (DateTime?)null;
    }

    /// <summary>A malformed record the reader skipped.</summary>
    public sealed class NpsSkippedRecord
    {
        public NpsSkippedRecord(string path, long line, string reason)
        {
            Path = path;
            Line = line;
            Reason = reason;
        }

        public string Path { get; }

        public long Line { get; }

        public string Reason { get; }

        public override string ToString() => $"{Path}:{Line}: malformed record skipped: {Reason}";
    }

    /// <summary>The operation behind Get-NpsLogEntry: the library's streaming NPS log reader.</summary>
    public static class NpsLog
    {
        /// <summary>
        /// Records of the log at <paramref name="path"/> (IAS/database-compatible CSV or DTS XML, detected), read
        /// lazily one at a time, those at or after <paramref name="since"/> and of one of <paramref name="users"/>
        /// (wildcards; matched against User-Name, DOMAIN\user and the user without the domain). Skipped malformed
        /// records go to <paramref name="skipped"/>.
        /// </summary>
        public static IEnumerable<NpsLogEntry> Read(string path, DateTime? since = null, IList<string>? users = null,
                                                   Action<NpsSkippedRecord>? skipped = null)
        {
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_nps_open(out IntPtr reader, Utf8.ToNative(path)!));
            return ReadFrom(reader, path, since, users, skipped);
        }

        /// <summary>Whether a record's user matches a pattern (wildcards, case-insensitive).</summary>
        public static bool UserMatches(NpsLogEntry e, string pattern)
        {
            string fq = e.FullyQualifiedUserName;
            int slash = fq.LastIndexOf('\\');
            string bare = slash >= 0 ? fq.Substring(slash + 1) : fq;
            string un = e.UserName;
            int uslash = un.LastIndexOf('\\');
            string unBare = uslash >= 0 ? un.Substring(uslash + 1) : un;
            return new[] { un, fq, bare, unBare }.Any(u => u.Length > 0 && Wildcard.IsMatch(u, pattern));
        }

        private static IEnumerable<NpsLogEntry> ReadFrom(IntPtr reader, string path, DateTime? since, IList<string>? users,
                                                         Action<NpsSkippedRecord>? skipped)
        {
            try
            {
                while (true)
                {
                    int rc = NativeMethods.vpnlint_nps_next(out NativeNpsRecord r, out IntPtr error, reader);
                    if (rc == 0)
                    {
                        yield break;
                    }
                    if (rc < 0)
                    {
                        throw VpnLintException.FromLastError(rc);
                    }
                    if (rc == 2)
                    {
                        long line = (long)(NativeLoader.IsWindows ? (r.Line.ToUInt64() & 0xFFFFFFFFUL) : r.Line.ToUInt64());
                        skipped?.Invoke(new NpsSkippedRecord(path, line, Utf8.FromNative(error) ?? "malformed"));
                        continue;
                    }
                    var e = new NpsLogEntry(path, r);
                    if (since != null && (e.Timestamp == null || e.Timestamp < since))
                    {
                        continue;
                    }
                    if (users != null && users.Count > 0 && !users.Any(u => UserMatches(e, u)))
                    {
                        continue;
                    }
                    yield return e;
                }
            }
            finally
            {
                NativeMethods.vpnlint_nps_close(reader);
            }
        }
    }
}

namespace VpnLint.Interop
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeNpsRecord
    {
        // unsigned long: 8 bytes on LP64, 4 (+4 padding before the next pointer) on Windows x64; read as
        // pointer-sized and masked on Windows.
        public UIntPtr Line;
        public IntPtr Timestamp;
        public IntPtr Computer;
        public int PacketType;
        public IntPtr PacketTypeName;
        public IntPtr UserName;
        public IntPtr FqUserName;
        public IntPtr CallingStation;
        public IntPtr CalledStation;
        public IntPtr ClientIp;
        public IntPtr ClientName;
        public IntPtr NasIp;
        public IntPtr TunnelClient;
        public IntPtr FramedIp;
        public IntPtr Policy;
        public IntPtr ProxyPolicy;
        public int ReasonCode;
        public IntPtr ReasonName;
        public IntPtr ReasonText;
        public int AuthType;
        public IntPtr AuthTypeName;
        public IntPtr EapType;
    }
}
