using System;
using System.IO;
using VpnLint.Interop;
using Xunit;

namespace VpnLint.Core.Tests
{
    /// <summary>Loads the freshly built library once, as the module initializer does.</summary>
    public static class Native
    {
        private static readonly object Gate = new object();
        private static bool loaded;

        public static string RepoRoot { get; } = FindRepoRoot();

        public static string NativeDir =>
            Environment.GetEnvironmentVariable("VPNLINT_NATIVE_DIR") is { Length: > 0 } d
                ? Path.GetFullPath(d)
                : Platform.IsWindows
                    ? Path.Combine(RepoRoot, "build", Environment.Is64BitProcess ? "windows-x64" : "windows-x86", "native")
                    : Path.Combine(RepoRoot, "build", "native");

        /// <summary>libvpnlint.so, or vpnlint.dll on Windows.</summary>
        public static string LibraryFileName => NativeLoader.NativeFileName(Platform.IsWindows ? "win" : "linux");

        public static string LibraryPath => Path.Combine(NativeDir, LibraryFileName);

        /// <summary>The real-world inputs outside the repository (/work/shared/corpus, or VPNLINT_CORPUS_DIR).</summary>
        public static string CorpusDir =>
            Environment.GetEnvironmentVariable("VPNLINT_CORPUS_DIR") is { Length: > 0 } c
                ? Path.GetFullPath(c)
                : Path.GetFullPath(Path.Combine(RepoRoot, "..", "..", "shared", "corpus")) is var rel && Directory.Exists(rel)
                    ? rel
                    : Path.GetFullPath("/work/shared/corpus");

        public static string Fixture(string rule, string name) => Path.Combine(RepoRoot, "tests", "fixtures", "rules", rule, name);

        public static void Load()
        {
            lock (Gate)
            {
                if (!loaded)
                {
                    NativeLoader.LoadFrom(LibraryPath);
                    loaded = true;
                }
            }
        }

        private static string FindRepoRoot()
        {
            for (string? d = AppContext.BaseDirectory; d != null; d = Path.GetDirectoryName(d))
            {
                if (File.Exists(Path.Combine(d, "native", "include", "vpnlint.h")))
                {
                    return d;
                }
            }
            throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Base of tests that call the library.</summary>
    public abstract class NativeTest
    {
        protected NativeTest()
        {
            Native.Load();
        }
    }

    /// <summary>A temporary directory removed after the test.</summary>
    public sealed class TempDir : IDisposable
    {
        public TempDir(string name = "vpnlint-tests")
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
