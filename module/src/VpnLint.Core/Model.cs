using System;
using System.Collections.Generic;
using System.Globalization;

namespace VpnLint
{
    /// <summary>Severity of a finding (vpnlint_severity).</summary>
    public enum VpnLintSeverity
    {
        Information = 0,
        Warning = 1,
        Error = 2,
    }

    /// <summary>What an input or a rule is about (vpnlint_kind).</summary>
    public enum VpnLintKind
    {
        Unknown = 0,
        ProfileXml = 1,
        Phonebook = 2,
        Device = 3,

        /// <summary>Findings of the network probe (Test-VpnServer, NETnnn).</summary>
        Network = 4,
    }

    /// <summary>Output formats of the library's renderers (vpnlint_format).</summary>
    public enum VpnLintFormat
    {
        Text = 0,
        Json = 1,
        Sarif = 2,
        Intune = 3,
        Markdown = 4,
    }

    /// <summary>One problem found in one input.</summary>
    public sealed class Finding
    {
        public Finding(string ruleId, VpnLintSeverity severity, string message, string help, string file, int line, int column)
        {
            RuleId = ruleId;
            Severity = severity;
            Message = message;
            Help = help;
            File = file;
            Line = line;
            Column = column;
        }

        public string RuleId { get; }

        public VpnLintSeverity Severity { get; }

        public string Message { get; }

        /// <summary>How to fix it (the rule's help text).</summary>
        public string Help { get; }

        /// <summary>The input as it was given (a path, or a name for XML passed as text).</summary>
        public string File { get; }

        /// <summary>1-based; 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>1-based; 0 when unknown.</summary>
        public int Column { get; }

        /// <summary>File name and line, as the table view shows them.</summary>
        public string Location
        {
            get
            {
                string leaf = LeafName(File);
                return Line > 0 ? leaf + ":" + Line.ToString(CultureInfo.InvariantCulture) : leaf;
            }
        }

        /// <summary>file:line:col: severity: [ID] message — the CLI's text format.</summary>
        public override string ToString()
        {
            string where = File;
            if (Line > 0)
            {
                where += ":" + Line.ToString(CultureInfo.InvariantCulture);
                if (Column > 0)
                {
                    where += ":" + Column.ToString(CultureInfo.InvariantCulture);
                }
            }
            return $"{where}: {SeverityWord(Severity)}: [{RuleId}] {Message}";
        }

        internal static string SeverityWord(VpnLintSeverity s) =>
            s == VpnLintSeverity.Error ? "error" : s == VpnLintSeverity.Warning ? "warning" : "info";

        private static string LeafName(string path)
        {
            int cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return cut >= 0 ? path.Substring(cut + 1) : path;
        }
    }

    /// <summary>A rule of the library's catalogue.</summary>
    public sealed class RuleInfo
    {
        public RuleInfo(string id, string name, VpnLintKind kind, VpnLintSeverity defaultSeverity, string shortDescription,
                        string fullDescription, string help, string since)
        {
            Id = id;
            Name = name;
            Kind = kind;
            DefaultSeverity = defaultSeverity;
            ShortDescription = shortDescription;
            FullDescription = fullDescription;
            Help = help;
            Since = since;
        }

        public string Id { get; }

        public string Name { get; }

        public VpnLintKind Kind { get; }

        public VpnLintSeverity DefaultSeverity { get; }

        public string ShortDescription { get; }

        public string FullDescription { get; }

        public string Help { get; }

        /// <summary>The vpnlint version that added the rule.</summary>
        public string Since { get; }

        public override string ToString() => Id + " " + Name;
    }

    /// <summary>What the library recorded about one input it read.</summary>
    public sealed class FileResult
    {
        public FileResult(string path, VpnLintKind kind, string kindName, string encoding, string envelope,
                          VpnLintErrorCode readError, string readErrorMessage, int findingCount)
        {
            Path = path;
            Kind = kind;
            KindName = kindName;
            Encoding = encoding;
            Envelope = envelope;
            ReadError = readError;
            ReadErrorMessage = readErrorMessage;
            FindingCount = findingCount;
        }

        public string Path { get; }

        /// <summary>Detected from the content.</summary>
        public VpnLintKind Kind { get; }

        public string KindName { get; }

        public string Encoding { get; }

        /// <summary>"raw", "escaped", "syncml" or "none".</summary>
        public string Envelope { get; }

        /// <summary>Ok, or why reading the input failed.</summary>
        public VpnLintErrorCode ReadError { get; }

        public string ReadErrorMessage { get; }

        public int FindingCount { get; }

        public override string ToString() => $"{Path} ({KindName}, {FindingCount} findings)";
    }

    /// <summary>The files and findings of one lint call.</summary>
    public sealed class LintResult
    {
        public LintResult(IReadOnlyList<FileResult> files, IReadOnlyList<Finding> findings)
        {
            Files = files;
            Findings = findings;
        }

        public IReadOnlyList<FileResult> Files { get; }

        public IReadOnlyList<Finding> Findings { get; }
    }

    /// <summary>What a lint call checks and reports.</summary>
    public sealed class LintOptions
    {
        /// <summary>Oldest Windows build targeted (e.g. 19045); 0 = the library's default.</summary>
        public int MinimumBuild { get; set; }

        /// <summary>Run only these rules (IDs or wildcards); empty = all.</summary>
        public IList<string> IncludeRule { get; set; } = new List<string>();

        /// <summary>Skip these rules (IDs or wildcards).</summary>
        public IList<string> ExcludeRule { get; set; } = new List<string>();

        /// <summary>Report only findings of these severities; empty = all.</summary>
        public IList<VpnLintSeverity> Severity { get; set; } = new List<VpnLintSeverity>();

        /// <summary>SARIF: URIs are made relative to it; null = current directory.</summary>
        public string? BaseDirectory { get; set; }
    }
}
