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
            string full = Path.GetFullPath(path);
            lock (Gate)
            {
                if (loadedPath != null && string.Equals(loadedPath, full, StringComparison.Ordinal))
                {
                    return;
                }
                // No File.Exists first: the load says whether the file is there (OpenLibrary asks only
                // when the load failed), and the runtime identifier is worked out only for a message.
                IntPtr h = OpenLibrary(full);
                int abi;
                try
                {
                    abi = ReadAbiVersion(h, full);
                }
                catch
                {
                    CloseLibrary(h);
                    throw;
                }
                if (abi != ExpectedAbiVersion)
                {
                    CloseLibrary(h);
                    string rid = CurrentRid;
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

        private static NativeLibraryLoadException NotFound(string full)
        {
            string rid = CurrentRid;
            return new NativeLibraryLoadException(
                $"The VpnLint native library was not found at '{full}' (runtime {rid}). " +
                $"This module folder has no build for {rid}; reinstall the module, or build it with module/build.sh " +
                "so that runtimes/<rid>/native/ holds the library for this platform and process architecture.",
                full, rid);
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

        /// <summary>
        /// NativeLibrary's Load, TryGetExport, Free and SetDllImportResolver as delegates, or null on .NET
        /// Framework. Looked up once: the first lookup of a type by name costs several milliseconds in a
        /// fresh process, and delegates are cheaper to call than MethodInfo.Invoke.
        /// </summary>
        private static NativeLibraryApi? NativeLibrary => NativeLibraryApi.Instance;

        private static IntPtr OpenLibrary(string full)
        {
            if (IsWindows)
            {
                return OpenLibraryWindows(full);
            }
            NativeLibraryApi? nl = NativeLibrary;
            if (nl != null)
            {
                try
                {
                    return nl.Load(full);
                }
                catch (Exception e)
                {
                    if (!File.Exists(full))
                    {
                        throw NotFound(full);
                    }
                    string rid = CurrentRid;
                    throw new NativeLibraryLoadException(
                        $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                        $"{e.Message} A library it depends on (libxml2, libcjson) may be missing.",
                        full, rid, e);
                }
            }
            IntPtr d = Libdl.dlopen(full, Libdl.RTLD_NOW);
            if (d == IntPtr.Zero)
            {
                if (!File.Exists(full))
                {
                    throw NotFound(full);
                }
                string rid = CurrentRid;
                throw new NativeLibraryLoadException(
                    $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                    $"{Utf8.FromNative(Libdl.dlerror())}", full, rid);
            }
            return d;
        }

        // Apart from OpenLibrary so that Win32Exception (another assembly) is loaded only on Windows.
        private static IntPtr OpenLibraryWindows(string full)
        {
            IntPtr h = Kernel32.LoadLibraryExW(full, IntPtr.Zero, Kernel32.LOAD_WITH_ALTERED_SEARCH_PATH);
            if (h == IntPtr.Zero)
            {
                int err = Marshal.GetLastWin32Error();
                if (!File.Exists(full))
                {
                    throw NotFound(full);
                }
                string rid = CurrentRid;
                throw new NativeLibraryLoadException(
                    $"The VpnLint native library at '{full}' (runtime {rid}) could not be loaded: " +
                    $"{new Win32Exception(err).Message} (error {err}). A DLL it depends on may be missing " +
                    "beside it, or it was built for another architecture.", full, rid);
            }
            return h;
        }

        private static IntPtr GetExport(IntPtr h, string name)
        {
            if (IsWindows)
            {
                return Kernel32.GetProcAddress(h, name);
            }
            NativeLibraryApi? nl = NativeLibrary;
            if (nl != null)
            {
                return nl.TryGetExport(h, name, out IntPtr address) ? address : IntPtr.Zero;
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
            NativeLibraryApi? nl = NativeLibrary;
            if (nl != null)
            {
                nl.Free(h);
                return;
            }
            Libdl.dlclose(h);
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int AbiVersionFn();

        private static int ReadAbiVersion(IntPtr h, string full)
        {
            IntPtr fn = GetExport(h, "vpnlint_abi_version");
            if (fn == IntPtr.Zero)
            {
                string rid = CurrentRid;
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
            NativeLibraryApi? nl = NativeLibrary;
            if (nl == null)
            {
                return; // .NET Framework: DllImport finds the loaded vpnlint.dll by name.
            }
            nl.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);
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

        private delegate bool TryGetExportFn(IntPtr handle, string name, out IntPtr address);

        private delegate IntPtr ResolverFn(string libraryName, Assembly assembly, DllImportSearchPath? searchPath);

        /// <summary>System.Runtime.InteropServices.NativeLibrary (.NET Core 3.0 and later), bound once.</summary>
        private sealed class NativeLibraryApi
        {
            public static readonly NativeLibraryApi? Instance = Create();

            private readonly MethodInfo setResolver;
            private readonly Type resolverType;

            private NativeLibraryApi(Type nl, MethodInfo setResolver)
            {
                Load = (Func<string, IntPtr>)Delegate.CreateDelegate(
                    typeof(Func<string, IntPtr>), nl.GetMethod("Load", new[] { typeof(string) })!);
                TryGetExport = (TryGetExportFn)Delegate.CreateDelegate(
                    typeof(TryGetExportFn),
                    nl.GetMethod("TryGetExport", new[] { typeof(IntPtr), typeof(string), typeof(IntPtr).MakeByRefType() })!);
                Free = (Action<IntPtr>)Delegate.CreateDelegate(typeof(Action<IntPtr>), nl.GetMethod("Free", new[] { typeof(IntPtr) })!);
                this.setResolver = setResolver;
                resolverType = setResolver.GetParameters()[1].ParameterType;
            }

            public Func<string, IntPtr> Load { get; }

            public TryGetExportFn TryGetExport { get; }

            public Action<IntPtr> Free { get; }

            /// <summary>NativeLibrary.SetDllImportResolver with <paramref name="resolver"/> (a static method).</summary>
            public void SetDllImportResolver(Assembly assembly, ResolverFn resolver)
            {
                Delegate d = Delegate.CreateDelegate(resolverType, resolver.Method);
                try
                {
                    setResolver.Invoke(null, new object[] { assembly, d });
                }
                catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException)
                {
                    // A resolver is already set for this assembly (e.g. loaded twice); it is ours.
                }
            }

            private static NativeLibraryApi? Create()
            {
                Type? nl = typeof(Marshal).Assembly.GetType("System.Runtime.InteropServices.NativeLibrary", false);
                MethodInfo? set = nl?.GetMethod("SetDllImportResolver");
                return nl != null && set != null ? new NativeLibraryApi(nl, set) : null;
            }
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
