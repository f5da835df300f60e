using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VpnLint.HelpGen
{
    /// <summary>A cmdlet's help as platyPS Markdown holds it.</summary>
    internal sealed class CmdletDoc
    {
        public string Name = string.Empty;
        public string Synopsis = string.Empty;
        public string Description = string.Empty;
        public List<(string Name, bool IsDefault)> Sets = new();
        public List<ExampleDoc> Examples = new();
        public List<ParamDoc> Parameters = new();
        public List<(string Type, string Text)> Inputs = new();
        public List<(string Type, string Text)> Outputs = new();
        public string Notes = string.Empty;
        public List<string> Links = new();
    }

    internal sealed class ExampleDoc
    {
        public string Title = string.Empty;
        public string Code = string.Empty;
        public string Remarks = string.Empty;
    }

    internal sealed class ParamDoc
    {
        public string Name = string.Empty;
        public string Description = string.Empty;
        public Dictionary<string, string> Meta = new(StringComparer.OrdinalIgnoreCase);

        public string Get(string key) => Meta.TryGetValue(key, out string? v) ? v : string.Empty;
    }

    internal static class MarkdownReader
    {
        public static CmdletDoc Read(string path)
        {
            string[] lines = File.ReadAllLines(path);
            var doc = new CmdletDoc();
            int i = 0;
            if (lines.Length > 0 && lines[0] == "---")
            {
                i = Array.IndexOf(lines, "---", 1) + 1;
            }
            var sections = new List<(string Heading, List<string> Body)>();
            for (; i < lines.Length; i++)
            {
                string l = lines[i];
                if (l.StartsWith("# ", StringComparison.Ordinal))
                {
                    doc.Name = l.Substring(2).Trim();
                }
                else if (l.StartsWith("## ", StringComparison.Ordinal))
                {
                    sections.Add((l.Substring(3).Trim(), new List<string>()));
                }
                else if (sections.Count > 0)
                {
                    sections[sections.Count - 1].Body.Add(l);
                }
            }
            foreach ((string heading, List<string> body) in sections)
            {
                switch (heading.ToUpperInvariant())
                {
                    case "SYNOPSIS":
                        doc.Synopsis = Text(body);
                        break;
                    case "DESCRIPTION":
                        doc.Description = Text(body);
                        break;
                    case "NOTES":
                        doc.Notes = Text(body);
                        break;
                    case "SYNTAX":
                        foreach ((string h, _) in Subsections(body))
                        {
                            bool dflt = h.EndsWith("(Default)", StringComparison.Ordinal);
                            doc.Sets.Add((dflt ? h.Substring(0, h.Length - 9).Trim() : h, dflt));
                        }
                        break;
                    case "EXAMPLES":
                        foreach ((string h, List<string> b) in Subsections(body))
                        {
                            (string code, List<string> rest) = SplitCode(b);
                            doc.Examples.Add(new ExampleDoc { Title = h, Code = code, Remarks = Text(rest) });
                        }
                        break;
                    case "PARAMETERS":
                        foreach ((string h, List<string> b) in Subsections(body))
                        {
                            if (!h.StartsWith("-", StringComparison.Ordinal))
                            {
                                continue; // CommonParameters
                            }
                            (string yaml, List<string> rest) = SplitCode(b);
                            var p = new ParamDoc { Name = h.Substring(1), Description = Text(rest) };
                            foreach (string y in yaml.Split('\n'))
                            {
                                int c = y.IndexOf(':');
                                if (c > 0)
                                {
                                    p.Meta[y.Substring(0, c).Trim()] = y.Substring(c + 1).Trim();
                                }
                            }
                            doc.Parameters.Add(p);
                        }
                        break;
                    case "INPUTS":
                        doc.Inputs.AddRange(Subsections(body).Select(s => (s.Heading, Text(s.Body))));
                        break;
                    case "OUTPUTS":
                        doc.Outputs.AddRange(Subsections(body).Select(s => (s.Heading, Text(s.Body))));
                        break;
                    case "RELATED LINKS":
                        foreach (string l in body.Where(l => l.StartsWith("[", StringComparison.Ordinal)))
                        {
                            doc.Links.Add(l.Substring(1, l.IndexOf(']') - 1));
                        }
                        break;
                }
            }
            return doc;
        }

        private static List<(string Heading, List<string> Body)> Subsections(List<string> body)
        {
            var result = new List<(string, List<string>)>();
            bool inCode = false;
            foreach (string l in body)
            {
                if (l.StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                }
                if (!inCode && l.StartsWith("### ", StringComparison.Ordinal))
                {
                    result.Add((l.Substring(4).Trim(), new List<string>()));
                }
                else if (result.Count > 0)
                {
                    result[result.Count - 1].Item2.Add(l);
                }
            }
            return result;
        }

        private static (string Code, List<string> Others) SplitCode(List<string> body)
        {
            var code = new List<string>();
            var rest = new List<string>();
            bool inCode = false;
            bool done = false;
            foreach (string l in body)
            {
                if (!done && l.StartsWith("```", StringComparison.Ordinal))
                {
                    if (inCode)
                    {
                        done = true;
                    }
                    inCode = !inCode;
                    continue;
                }
                (inCode ? code : rest).Add(l);
            }
            return (string.Join("\n", code), rest);
        }

        /// <summary>Paragraphs joined by blank lines; lines of a paragraph joined by spaces.</summary>
        public static string Text(IEnumerable<string> body)
        {
            var paras = new List<string>();
            var cur = new StringBuilder();
            foreach (string raw in body)
            {
                string l = raw.Trim();
                if (l.Length == 0)
                {
                    if (cur.Length > 0)
                    {
                        paras.Add(cur.ToString());
                        cur.Clear();
                    }
                    continue;
                }
                if (cur.Length > 0)
                {
                    cur.Append(' ');
                }
                cur.Append(l);
            }
            if (cur.Length > 0)
            {
                paras.Add(cur.ToString());
            }
            return string.Join("\n\n", paras);
        }
    }

    internal static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Write(IEnumerable<CmdletDoc> docs)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
            foreach (CmdletDoc d in docs)
            {
                root.Add(CommandElement(d));
            }
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        private static XElement Paras(XName name, string text) =>
            new XElement(name, text.Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries)
                                   .Select(p => new XElement(Maml + "para", p)));

        private static XElement CommandElement(CmdletDoc d)
        {
            string[] vn = d.Name.Split(new[] { '-' }, 2);
            var sets = d.Sets.Count > 0 ? d.Sets.Select(s => s.Name).ToList() : new List<string> { "(All)" };
            var syntax = new XElement(Command + "syntax");
            foreach (string set in sets)
            {
                var item = new XElement(Command + "syntaxItem", new XElement(Maml + "name", d.Name));
                foreach (ParamDoc p in d.Parameters.Where(p => InSet(p, set))
                                                   .OrderBy(p => int.TryParse(p.Get("Position"), out int n) ? n : int.MaxValue))
                {
                    item.Add(Parameter(p, set));
                }
                syntax.Add(item);
            }
            return new XElement(Command + "command",
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                new XElement(Command + "details",
                    new XElement(Command + "name", d.Name),
                    new XElement(Command + "verb", vn[0]),
                    new XElement(Command + "noun", vn.Length > 1 ? vn[1] : string.Empty),
                    Paras(Maml + "description", d.Synopsis)),
                Paras(Maml + "description", d.Description),
                syntax,
                new XElement(Command + "parameters", d.Parameters.Select(p => Parameter(p, null))),
                new XElement(Command + "inputTypes", d.Inputs.Select(t => new XElement(Command + "inputType",
                    new XElement(Dev + "type", new XElement(Maml + "name", t.Type)), Paras(Maml + "description", t.Text)))),
                new XElement(Command + "returnValues", d.Outputs.Select(t => new XElement(Command + "returnValue",
                    new XElement(Dev + "type", new XElement(Maml + "name", t.Type)), Paras(Maml + "description", t.Text)))),
                new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(Maml + "para", d.Notes).Elements())),
                new XElement(Command + "examples", d.Examples.Select((e, i) => new XElement(Command + "example",
                    new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    Paras(Dev + "remarks", e.Remarks)))),
                new XElement(Command + "relatedLinks", d.Links.Select(l => new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", l), new XElement(Maml + "uri")))));
        }

        private static bool InSet(ParamDoc p, string set)
        {
            string sets = p.Get("Parameter Sets");
            return set == "(All)" || sets == "(All)" || sets.Split(',').Select(s => s.Trim()).Contains(set);
        }

        private static XElement Parameter(ParamDoc p, string? set)
        {
            string type = p.Get("Type");
            string aliases = p.Get("Aliases");
            string position = p.Get("Position");
            return new XElement(Command + "parameter",
                new XAttribute("required", p.Get("Required").Equals("True", StringComparison.OrdinalIgnoreCase) ? "true" : "false"),
                new XAttribute("variableLength", type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
                new XAttribute("globbing", p.Get("Accept wildcard characters").Equals("True", StringComparison.OrdinalIgnoreCase) ? "true" : "false"),
                new XAttribute("pipelineInput", p.Get("Accept pipeline input") is { Length: > 0 } pi ? pi : "False"),
                new XAttribute("position", position.Equals("Named", StringComparison.OrdinalIgnoreCase) || position.Length == 0 ? "named" : position),
                new XAttribute("aliases", aliases.Length == 0 ? "none" : aliases),
                new XElement(Maml + "name", p.Name),
                Paras(Maml + "description", p.Description),
                new XElement(Command + "parameterValue", new XAttribute("required", "true"),
                    new XAttribute("variableLength", type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"), type),
                new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", p.Get("Default value") is { Length: > 0 } dv ? dv : "None"));
        }
    }

    public static class Program
    {
        /// <summary>HelpGen DOCS_DIR OUT_XML: every &lt;Verb-Noun&gt;.md of DOCS_DIR into one MAML file.</summary>
        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: HelpGen DOCS_DIR OUT_XML");
                return 2;
            }
            var docs = new List<CmdletDoc>();
            var problems = new List<string>();
            foreach (string md in Directory.GetFiles(args[0], "*-*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                CmdletDoc d = MarkdownReader.Read(md);
                string file = Path.GetFileName(md);
                if (d.Name != Path.GetFileNameWithoutExtension(md))
                {
                    problems.Add($"{file}: title '# {d.Name}' does not match the file name");
                }
                if (d.Synopsis.Length == 0 || d.Description.Length == 0)
                {
                    problems.Add($"{file}: SYNOPSIS and DESCRIPTION must not be empty");
                }
                if (d.Examples.Count == 0 || d.Examples.Any(e => e.Code.Trim().Length == 0))
                {
                    problems.Add($"{file}: needs at least one example, each with a code block");
                }
                foreach (ParamDoc p in d.Parameters.Where(p => p.Description.Length == 0 || p.Get("Type").Length == 0))
                {
                    problems.Add($"{file}: parameter -{p.Name} needs a description and a Type");
                }
                docs.Add(d);
            }
            if (docs.Count == 0)
            {
                problems.Add($"{args[0]}: no <Verb-Noun>.md files");
            }
            if (problems.Count > 0)
            {
                foreach (string p in problems)
                {
                    Console.Error.WriteLine("HelpGen: " + p);
                }
                return 1;
            }
            string outPath = args[1];
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            string tmp = outPath + ".tmp";
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using (XmlWriter w = XmlWriter.Create(tmp, settings))
            {
                MamlWriter.Write(docs).Save(w);
            }
            File.Move(tmp, outPath, true);
            Console.WriteLine($"HelpGen: {docs.Count} cmdlets -> {outPath}");
            return 0;
        }
    }
}
