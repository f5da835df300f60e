// module-first LIBVPNLINT PROFILE: load VpnLint.Core's native layer from LIBVPNLINT (as the
// module does from runtimes/<rid>/native/), lint PROFILE, print the number of findings.
using System;
using VpnLint;
using VpnLint.Interop;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: module-first LIBVPNLINT PROFILE");
            return 3;
        }
        NativeLoader.LoadFrom(args[0]);
        LintResult r = Linter.LintFiles(new[] { args[1] });
        Console.WriteLine("findings=" + r.Findings.Count);
        return 0;
    }
}
