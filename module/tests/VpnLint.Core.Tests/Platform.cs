using System;
using System.Runtime.InteropServices;

namespace VpnLint.Core.Tests
{
    /// <summary>
    /// Conditions for tests that only make sense on one platform. Used as
    /// [Fact(SkipUnless = nameof(Platform.IsLinux), SkipType = typeof(Platform), Skip = "...")], so the
    /// condition is written on the test and reported as a skip with its reason elsewhere.
    /// </summary>
    public static class Platform
    {
        public static bool IsWindows => OperatingSystem.IsWindows();

        public static bool IsLinux => OperatingSystem.IsLinux();

        /// <summary>Windows as wine provides it: a private, disposable registry (WINEPREFIX), where the
        /// repair tests may really write HKLM. Never true on a real Windows machine.</summary>
        public static bool IsWine => IsWindows && WineVersion() != null;

        /// <summary>Inside the network namespace scripts/test.d/30-module.sh made for this run (it sets
        /// VPNLINT_TEST_NETNS to the namespace's name): the only place the probe tests may send packets,
        /// and only to that namespace's loopback.</summary>
        public static bool InTestNetworkNamespace =>
            IsLinux && Environment.GetEnvironmentVariable("VPNLINT_TEST_NETNS") is { Length: > 0 };

        private static string? WineVersion()
        {
            if (!OperatingSystem.IsWindows())
            {
                return null;
            }
            IntPtr ntdll = GetModuleHandleW("ntdll.dll");
            return ntdll != IntPtr.Zero && GetProcAddress(ntdll, "wine_get_version") != IntPtr.Zero ? "wine" : null;
        }

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode)]
        private static extern IntPtr GetModuleHandleW(string name);

        [DllImport("kernel32.dll", CharSet = CharSet.Ansi, BestFitMapping = false)]
        private static extern IntPtr GetProcAddress(IntPtr module, string name);
    }
}
