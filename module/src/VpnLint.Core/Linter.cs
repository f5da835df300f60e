using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>The lint operations behind Test-VpnProfile and Test-RasPhonebook. The library
    /// detects the kind of each input (ProfileXML or phonebook) from its content.</summary>
    public static class Linter
    {
        /// <summary>Lints files by path (absolute or relative to the process's current directory).</summary>
        public static LintResult LintFiles(IEnumerable<string> paths, LintOptions? options = null)
        {
            options ??= new LintOptions();
            using (NativeReport report = NewReport(options))
            {
                foreach (string p in paths)
                {
                    report.AddFile(p);
                }
                return report.ToResult(options.Severity);
            }
        }

        /// <summary>Lints text held in memory (e.g. -Xml, or a ProfileXML property); it crosses as UTF-8.</summary>
        public static LintResult LintText(string displayName, string text, LintOptions? options = null)
        {
            return LintBytes(displayName, Utf8.GetBytes(text), options);
        }

        /// <summary>Lints bytes held in memory; their encoding is detected by the library.</summary>
        public static LintResult LintBytes(string displayName, byte[] data, LintOptions? options = null)
        {
            options ??= new LintOptions();
            using (NativeReport report = NewReport(options))
            {
                report.AddBuffer(displayName, data);
                return report.ToResult(options.Severity);
            }
        }

        /// <summary>Renders findings made earlier (e.g. from the pipeline) in one of the library's formats.</summary>
        public static string Render(IEnumerable<Finding> findings, VpnLintFormat format, string? baseDirectory = null)
        {
            using (var report = new NativeReport(0, null, null, baseDirectory))
            {
                foreach (Finding f in findings)
                {
                    report.AddFinding(f);
                }
                return report.Render(format);
            }
        }

        /// <summary>One SARIF 2.1.0 log of the findings.</summary>
        public static string ToSarif(IEnumerable<Finding> findings, string? baseDirectory = null) =>
            Render(findings, VpnLintFormat.Sarif, baseDirectory);

        /// <summary>Checks the rule filters of <paramref name="options"/> now (unknown IDs are errors).</summary>
        public static void Validate(LintOptions options)
        {
            RuleCatalog.ToNativeList(options.IncludeRule, "IncludeRule");
            RuleCatalog.ToNativeList(options.ExcludeRule, "ExcludeRule");
        }

        /// <summary>
        /// The phonebooks Windows uses: the user's (%APPDATA%) and all users' (%ProgramData%), those that
        /// exist. <paramref name="folder"/> maps APPDATA/ProgramData to a directory (null = unknown).
        /// </summary>
        public static IReadOnlyList<string> DefaultPhonebooks(Func<string, string?> folder)
        {
            var result = new List<string>();
            foreach (string root in new[] { "APPDATA", "ProgramData" })
            {
                string? dir = folder(root);
                if (string.IsNullOrEmpty(dir))
                {
                    continue;
                }
                string pbk = Path.Combine(dir!, "Microsoft", "Network", "Connections", "Pbk", "rasphone.pbk");
                if (File.Exists(pbk) && !result.Contains(pbk))
                {
                    result.Add(pbk);
                }
            }
            return result;
        }

        /// <summary>The default phonebooks of this machine (none off Windows).</summary>
        public static IReadOnlyList<string> DefaultPhonebooks() =>
            NativeLoader.IsWindows ? DefaultPhonebooks(Environment.GetEnvironmentVariable) : Array.Empty<string>();

        private static NativeReport NewReport(LintOptions o)
        {
            string? only = RuleCatalog.ToNativeList(o.IncludeRule, "IncludeRule");
            string? disable = RuleCatalog.ToNativeList(o.ExcludeRule, "ExcludeRule");
            return new NativeReport(o.MinimumBuild, only, disable, o.BaseDirectory);
        }
    }
}
