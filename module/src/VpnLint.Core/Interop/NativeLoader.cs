using System;
using System.ComponentModel;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace VpnLint.Interop
{
    /// <summary>
    /// Loads libvpnlint by absolute path from <c>runtimes/&lt;rid&gt;/native/</c> under the
    /// module folder and checks its ABI version. RID-folder probing is not relied on
    /// (it does not exist on .NET Framework and has regressed in PowerShell 7.4.0).
    /// Windows: LoadLibraryExW with LOAD_WITH_ALTERED_SEARCH_PATH, so DLLs beside
    /// vpnlint.dll resolve; later DllImport("vpnlint") binds to the loaded module
    /// by name. .NET (any OS): NativeLibrary, found by reflection, plus a DllImport
    /// resolver for this assembly that hands out the loaded handle. Elsewhere: dlopen.
    /// </summary>
    public static class NativeLoader
    {
        /// <summary>The name every DllImport of this assembly uses.</summary>
        public const string LibraryName = "vpnlint";

        /// <summary>The ABI version (VPNLINT_ABI_VERSION) these bindings were written against.</summary>
        public const int ExpectedAbiVersion = 1;

        private static readonly object Gate = new object();
        private static IntPtr handle;
        private static string? loadedPath;
        private static bool resolverSet;

        /// <summary>Absolute path of the loaded library, or null when none is loaded.</summary>
        public static string? LoadedPath
        {
            get
            {
                lock (Gate)
                {
                    return loadedPath;
                }
            }
        }

        /// <summary>The runtime identifier of this process: OS plus process architecture.</summary>
        public static string CurrentRid => GetRid(CurrentOS(), CurrentArchitecture());

        /// <summary>File name of the native library on <paramref name="os"/> ("win", "linux" or "osx").</summary>
        public static string NativeFileName(string os)
        {
            switch (os)
            {
                case "win":
                    return "vpnlint.dll";
                case "osx":
                    return "libvpnlint.dylib";
                default:
                    return "libvpnlint.so";
            }
        }

        /// <summary>RID as NuGet and .NET spell it, e.g. win-x86, win-x64, linux-x64.</summary>
        public static string GetRid(string os, Architecture architecture)
        {
            string arch;
            switch (architecture)
            {
                case Architecture.X86:
                    arch = "x86";
                    break;
                case Architecture.X64:
                    arch = "x64";
                    break;
                case Architecture.Arm:
                    arch = "arm";
                    break;
                case Architecture.Arm64:
                    arch = "arm64";
                    break;
                default:
                    arch = architecture.ToString().ToLowerInvariant();
                    break;
            }
            return os + "-" + arch;
        }

        /// <summary>Where the library for this process lives under <paramref name="moduleBase"/>.</summary>
        public static string ResolvePath(string moduleBase)
        {
            string os = CurrentOS();
            return Path.Combine(Path.Combine(Path.Combine(Path.Combine(moduleBase, "runtimes"), GetRid(os, CurrentArchitecture())), "native"),
                                NativeFileName(os));
        }

        /// <summary>
        /// Loads the library for this process from <c>runtimes/&lt;rid&gt;/native/</c> under
        /// <paramref name="moduleBase"/> (the module folder). Idempotent.
        /// </summary>
        /// <exception cref="NativeLibraryLoadException">missing, unloadable or of another ABI.</exception>
        public static void Initialize(string moduleBase)
        {
            LoadFrom(ResolvePath(moduleBase));
        }

        /// <summary>Loads the library from an absolute path and checks its ABI version.</summary>
        public static void LoadFrom(string path)
        {
            string rid = CurrentRid;
            string full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new NativeLibraryLoadException(
                    $"The VpnLint native library was not found at '{full}' (runtime {rid}). " +
                    $"This module folder has no build for {rid}; reinstall the module, or build it with module/build.sh " +
                    "so that runtimes/<rid>/native/ holds the library for this platform and process architecture.",
                    full, rid);
            }
            lock (Gate)
            {
                if (loadedPath != null && string.Equals(loadedPath, full, StringComparison.Ordinal))
                {
                    return;
                }
                IntPtr h = OpenLibrary(full, rid);
                int abi;
                try
                {
                    abi = ReadAbiVersion(h, full, rid);
                }
                catch
                {
                    CloseLibrary(h);
                    throw;
                }
                if (abi != ExpectedAbiVersion)
                {
                    CloseLibrary(h);
                    throw new NativeLibraryLoadException(
                        $"The VpnLint native library at '{full}' (runtime {rid}) has ABI version {abi}, " +
                        $"but this module needs ABI version {ExpectedAbiVersion}. The module folder mixes files of " +
                        "different versions; reinstall the module.", full, rid);
                }
                if (loadedPath != null)
                {
                    // One library per process: the DllImports are already bound to the first.
                    CloseLibrary(h);
                    return;
                }
                handle = h;
                loadedPath = full;
                RegisterResolver();
            }
        }

        /// <summary>Throws unless a library has been loaded; loads the one beside this assembly if possible.</summary>
        internal static void EnsureLoaded()
        {
            lock (Gate)
            {
                if (loadedPath != null)
                {
                    return;
                }
            }
            string? dir = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location);
            if (string.IsNullOrEmpty(dir))
            {
                throw new NativeLibraryLoadException(
                    "The VpnLint native library is not loaded and this assembly has no location to look beside.",
                    string.Empty, CurrentRid);
            }
            Initialize(dir!);
        }

        private static string CurrentOS()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return "win";
            }
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return "osx";
            }
            return "linux";
        }

        private static Architecture CurrentArchitecture()
        {
            try
            {
                return RuntimeInformation.ProcessArchitecture;
            }
            catch (Exception)
            {
                return IntPtr.Size == 8 ? Architecture.X64 : Architecture.X86;
            }
        }

        internal static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        // ------------------------------------------------------------ platform loading

        private static Type? NativeLibraryType =>
            typeof(Marshal).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary", false);

        private static IntPtr OpenLibrary(string full, string rid)
        {
            if (IsWindows)
            {
                IntPtr h = Kernel32.LoadLibraryExW(full, IntPtr.Zero, Kernel32.LOAD_WITH_ALTERED_SEARCH_PATH);
                if (h == IntPtr.Zero)
                {
                    int err = Marshal.GetLastWin32Error();
                    throw new NativeLibraryLoadException(
                        $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                        $"{new Win32Exception(err).Message} (error {err}). A DLL it depends on may be missing " +
                        "beside it, or it was built for another architecture.", full, rid);
                }
                return h;
            }
            Type? nl = NativeLibraryType;
            if (nl != null)
            {
                MethodInfo load = nl.GetMethod("Load", new[] { typeof(string) })!;
                try
                {
                    return (IntPtr)load.Invoke(null, new object[] { full })!;
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw new NativeLibraryLoadException(
                        $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                        $"{e.InnerException.Message} A library it depends on (libxml2, libcjson) may be missing.",
                        full, rid, e.InnerException);
                }
            }
            IntPtr d = Libdl.dlopen(full, Libdl.RTLD_NOW);
            if (d == IntPtr.Zero)
            {
                throw new NativeLibraryLoadException(
                    $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                    $"{Utf8.FromNative(Libdl.dlerror())}", full, rid);
            }
            return d;
        }

        private static IntPtr GetExport(IntPtr h, string name)
        {
            if (IsWindows)
            {
                return Kernel32.GetProcAddress(h, name);
            }
            Type? nl = NativeLibraryType;
            if (nl != null)
            {
                MethodInfo tryGet = nl.GetMethod("TryGetExport", new[] { typeof(IntPtr), typeof(string), typeof(IntPtr).MakeByRefType() })!;
                object?[] args = { h, name, IntPtr.Zero };
                return (bool)tryGet.Invoke(null, args)! ? (IntPtr)args[2]! : IntPtr.Zero;
            }
            return Libdl.dlsym(h, name);
        }

        private static void CloseLibrary(IntPtr h)
        {
            if (IsWindows)
            {
                Kernel32.FreeLibrary(h);
                return;
            }
            Type? nl = NativeLibraryType;
            if (nl != null)
            {
                nl.GetMethod("Free", new[] { typeof(IntPtr) })!.Invoke(null, new object[] { h });
                return;
            }
            Libdl.dlclose(h);
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int AbiVersionFn();

        private static int ReadAbiVersion(IntPtr h, string full, string rid)
        {
            IntPtr fn = GetExport(h, "vpnlint_abi_version");
            if (fn == IntPtr.Zero)
            {
                throw new NativeLibraryLoadException(
                    $"The file at '{full}' (runtime {rid}) is not the VpnLint native library: it does not export " +
                    "vpnlint_abi_version. Reinstall the module.", full, rid);
            }
            return Marshal.GetDelegateForFunctionPointer<AbiVersionFn>(fn)();
        }

        private static void RegisterResolver()
        {
            if (resolverSet)
            {
                return;
            }
            resolverSet = true;
            Type? nl = NativeLibraryType;
            MethodInfo? set = nl?.GetMethod("SetDllImportResolver");
            if (set == null)
            {
                return; // .NET Framework: DllImport finds the loaded vpnlint.dll by name.
            }
            Type resolverType = set.GetParameters()[1].ParameterType;
            MethodInfo mine = typeof(NativeLoader).GetMethod(nameof(Resolve), BindingFlags.NonPublic | BindingFlags.Static)!;
            try
            {
                set.Invoke(null, new object[] { typeof(NativeLoader).Assembly, Delegate.CreateDelegate(resolverType, mine) });
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
            {
                // A resolver is already set for this assembly (e.g. loaded twice); it is ours.
            }
        }

        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (libraryName == LibraryName)
            {
                lock (Gate)
                {
                    return handle;
                }
            }
            return IntPtr.Zero;
        }

        private static class Kernel32
        {
            public const uint LOAD_WITH_ALTERED_SEARCH_PATH = 0x00000008;

            [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
            public static extern IntPtr LoadLibraryExW(string fileName, IntPtr file, uint flags);

            [DllImport("kernel32.dll", CharSet = CharSet.Ansi, ExactSpelling = true, BestFitMapping = false)]
            public static extern IntPtr GetProcAddress(IntPtr module, string procName);

            [DllImport("kernel32.dll")]
            [return: MarshalAs(UnmanagedType.Bool)]
            public static extern bool FreeLibrary(IntPtr module);
        }

        private static class Libdl
        {
            public const int RTLD_NOW = 2;

            [DllImport("libdl.so.2", CharSet = CharSet.Ansi, BestFitMapping = false)]
            public static extern IntPtr dlopen(string fileName, int flags);

            [DllImport("libdl.so.2")]
            public static extern IntPtr dlerror();

            [DllImport("libdl.so.2", CharSet = CharSet.Ansi, BestFitMapping = false)]
            public static extern IntPtr dlsym(IntPtr handle, string symbol);

            [DllImport("libdl.so.2")]
            public static extern int dlclose(IntPtr handle);
        }
    }
}
