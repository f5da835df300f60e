using System.IO;
using System.Management.Automation;
using VpnLint.Interop;

namespace VpnLint.Commands
{
    /// <summary>Loads the native library for this OS and process architecture when the module is
    /// imported, so a missing or mismatched library fails the import with a clear message.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            string? dir = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
            NativeLoader.Initialize(dir ?? ".");
        }
    }
}
