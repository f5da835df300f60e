using System;
using System.IO;
using System.Runtime.InteropServices;
using VpnLint.Interop;
using Xunit;

namespace VpnLint.Core.Tests
{
    public sealed class LoaderTests : NativeTest
    {
        [Fact]
        public void LoadsTheBuiltLibraryByAbsolutePathAndItsAbiMatches()
        {
            Assert.Equal(Path.GetFullPath(Native.LibraryPath), NativeLoader.LoadedPath);
            Assert.Equal(NativeLoader.ExpectedAbiVersion, NativeMethods.vpnlint_abi_version());
            Assert.Equal("0.1.0", Utf8.FromNative(NativeMethods.vpnlint_version_string()));
        }

        [Fact]
        public void LoadingTheSameLibraryAgainIsANoOp()
        {
            NativeLoader.LoadFrom(Native.LibraryPath);
            Assert.Equal(Path.GetFullPath(Native.LibraryPath), NativeLoader.LoadedPath);
        }

        [Theory]
        [InlineData("win", Architecture.X86, "win-x86")]
        [InlineData("win", Architecture.X64, "win-x64")]
        [InlineData("win", Architecture.Arm64, "win-arm64")]
        [InlineData("linux", Architecture.X64, "linux-x64")]
        [InlineData("osx", Architecture.Arm64, "osx-arm64")]
        public void RidIsOsPlusProcessArchitecture(string os, Architecture arch, string rid)
        {
            Assert.Equal(rid, NativeLoader.GetRid(os, arch));
        }

        [Fact]
        public void NativeFileNamesFollowEachPlatform()
        {
            Assert.Equal("vpnlint.dll", NativeLoader.NativeFileName("win"));
            Assert.Equal("libvpnlint.so", NativeLoader.NativeFileName("linux"));
            Assert.Equal("libvpnlint.dylib", NativeLoader.NativeFileName("osx"));
        }

        [Fact]
        public void ThisProcessResolvesUnderRuntimesRidNative()
        {
            string root = Path.Combine(Path.GetTempPath(), "mod");
            string p = NativeLoader.ResolvePath(root);
            Assert.Equal(Path.Combine(root, "runtimes", NativeLoader.CurrentRid, "native", Native.LibraryFileName), p);
            string os = Platform.IsWindows ? "win" : "linux";
            Assert.Equal(IntPtr.Size == 8 ? os + "-x64" : os + "-x86", NativeLoader.CurrentRid);
        }

        [Fact]
        public void AModuleFolderWithoutTheLibraryGivesAClearErrorNamingPathAndRid()
        {
            using var dir = new TempDir();
            var e = Assert.Throws<NativeLibraryLoadException>(() => NativeLoader.Initialize(dir.Path));
            string expected = Path.Combine(dir.Path, "runtimes", NativeLoader.CurrentRid, "native", Native.LibraryFileName);
            Assert.Equal(expected, e.LibraryPath);
            Assert.Equal(NativeLoader.CurrentRid, e.Rid);
            Assert.Contains(expected, e.Message);
            Assert.Contains(NativeLoader.CurrentRid, e.Message);
            Assert.Contains("not found", e.Message);
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
        }

        [Fact]
        public void AFileThatIsNoLibraryIsRefusedWithTheLoaderMessage()
        {
            using var dir = new TempDir();
            string native = Path.Combine(dir.Path, "runtimes", NativeLoader.CurrentRid, "native");
            Directory.CreateDirectory(native);
            File.WriteAllText(Path.Combine(native, Native.LibraryFileName), "not an ELF or PE file");
            var e = Assert.Throws<NativeLibraryLoadException>(() => NativeLoader.Initialize(dir.Path));
            Assert.Contains("could not be loaded", e.Message);
            Assert.Contains(NativeLoader.CurrentRid, e.Message);
        }

        [Fact]
        public void ALibraryWithoutTheAbiExportIsRefused()
        {
            // A real library that is not ours: libxml2 (loaded beside libvpnlint) on Linux, kernel32 on Windows.
            string? other = Platform.IsWindows
                ? Path.Combine(Environment.SystemDirectory, "kernel32.dll")
                : new[] { "/usr/lib/x86_64-linux-gnu/libxml2.so.2", "/usr/lib/i386-linux-gnu/libxml2.so.2", "/usr/lib/aarch64-linux-gnu/libxml2.so.2" }
                    .FirstOrDefaultExisting();
            Assert.NotNull(other);
            Assert.True(File.Exists(other), other);
            var e = Assert.Throws<NativeLibraryLoadException>(() => NativeLoader.LoadFrom(other!));
            Assert.Contains("does not export vpnlint_abi_version", e.Message);
            Assert.Equal(Path.GetFullPath(Native.LibraryPath), NativeLoader.LoadedPath);
        }

        [Fact]
        public void ALibraryOfAnotherAbiVersionIsRefused()
        {
            string? fake = Environment.GetEnvironmentVariable("VPNLINT_FAKE_ABI_LIB");
            Assert.False(string.IsNullOrEmpty(fake), "VPNLINT_FAKE_ABI_LIB must name the fake library scripts/test.d/30-module.sh (libfake_abi.so) or 55-module-wine.sh (fake_abi.dll) builds");
            var e = Assert.Throws<NativeLibraryLoadException>(() => NativeLoader.LoadFrom(fake!));
            Assert.Contains("ABI version 99", e.Message);
            Assert.Contains("needs ABI version " + NativeLoader.ExpectedAbiVersion, e.Message);
            Assert.Equal(Path.GetFullPath(Native.LibraryPath), NativeLoader.LoadedPath);
            Assert.Equal(NativeLoader.ExpectedAbiVersion, NativeMethods.vpnlint_abi_version());
        }
    }

    internal static class PathListExtensions
    {
        public static string? FirstOrDefaultExisting(this string[] paths)
        {
            foreach (string p in paths)
            {
                if (File.Exists(p))
                {
                    return p;
                }
            }
            return null;
        }
    }
}
