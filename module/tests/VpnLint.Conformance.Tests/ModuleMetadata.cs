using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VpnLint.Conformance.Tests
{
    /// <summary>One parameter of a cmdlet as its attributes declare it.</summary>
    public sealed class ParamMeta
    {
        public string Name = string.Empty;
        public string TypeName = string.Empty;
        public List<string> Aliases = new();
        public List<(string Set, bool Mandatory, bool ByValue, bool ByPropertyName, int Position)> Sets = new();
        public bool HasCompleter;
        public List<string> ValidValues = new();
        public bool ByValue => Sets.Any(s => s.ByValue);
        public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);
    }

    /// <summary>One cmdlet class read from metadata.</summary>
    public sealed class CmdletMeta
    {
        public string Verb = string.Empty;
        public string Noun = string.Empty;
        public string Name => Verb + "-" + Noun;
        public string TypeName = string.Empty;
        public bool SupportsShouldProcess;
        public string ConfirmImpact = "Medium";
        public List<Type> OutputTypes = new();
        public List<ParamMeta> Parameters = new();

        public ParamMeta? Param(string name) =>
            Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The built module folder, read once for all tests.</summary>
    public sealed class ModuleMetadata : IDisposable
    {
        private readonly MetadataLoadContext context;

        public ModuleMetadata()
        {
            ModuleDir = Environment.GetEnvironmentVariable("VPNLINT_MODULE_DIR") is { Length: > 0 } d
                ? Path.GetFullPath(d)
                : Path.Combine(FindModuleSourceDir(), "out", "VpnLint");
            string dll = Path.Combine(ModuleDir, "VpnLint.Commands.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} not found: run module/build.sh first (or set VPNLINT_MODULE_DIR).");
            }
            string sma = typeof(ModuleMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                                                     .First(a => a.Key == "PowerShellStandardReference").Value!;
            var paths = new List<string>(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            {
                sma,
                dll,
                Path.Combine(ModuleDir, "VpnLint.Core.dll"),
            };
            context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Sma = context.LoadFromAssemblyPath(sma);
            Commands = context.LoadFromAssemblyPath(dll);
            Core = context.LoadFromAssemblyPath(Path.Combine(ModuleDir, "VpnLint.Core.dll"));
            Cmdlets = ReadCmdlets();
            Manifest = File.ReadAllText(Path.Combine(ModuleDir, "VpnLint.psd1"));
            Format = XDocument.Load(Path.Combine(ModuleDir, "VpnLint.format.ps1xml"));
            Help = XDocument.Load(Path.Combine(ModuleDir, "en-US", "VpnLint.Commands.dll-Help.xml"));
        }

        public string ModuleDir { get; }

        public Assembly Sma { get; }

        public Assembly Commands { get; }

        public Assembly Core { get; }

        public List<CmdletMeta> Cmdlets { get; }

        public string Manifest { get; }

        public XDocument Format { get; }

        public XDocument Help { get; }

        public CmdletMeta Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

        public void Dispose() => context.Dispose();

        /// <summary>Names in a psd1 array value, e.g. CmdletsToExport = @('A', 'B').</summary>
        public List<string>? ManifestList(string key)
        {
            Match m = Regex.Match(Manifest, @"(?m)^\s*" + key + @"\s*=\s*@\((?<v>[^)]*)\)");
            if (!m.Success)
            {
                return null;
            }
            return Regex.Matches(m.Groups["v"].Value, @"'([^']*)'").Select(x => x.Groups[1].Value).ToList();
        }

        /// <summary>A scalar psd1 value, e.g. PowerShellVersion = '5.1' (uncommented).</summary>
        public string? ManifestValue(string key)
        {
            Match m = Regex.Match(Manifest, @"(?m)^\s*" + key + @"\s*=\s*'(?<v>[^']*)'");
            return m.Success ? m.Groups["v"].Value : null;
        }

        public bool ManifestHasKey(string key) => Regex.IsMatch(Manifest, @"(?m)^\s*" + key + @"\s*=");

        private static string FindModuleSourceDir()
        {
            for (string? d = AppContext.BaseDirectory; d != null; d = Path.GetDirectoryName(d))
            {
                if (File.Exists(Path.Combine(d, "build.sh")) && Directory.Exists(Path.Combine(d, "package")))
                {
                    return d;
                }
            }
            throw new InvalidOperationException("module/ not found above " + AppContext.BaseDirectory);
        }

        private List<CmdletMeta> ReadCmdlets()
        {
            var result = new List<CmdletMeta>();
            foreach (Type t in Commands.GetExportedTypes().Where(t => !t.IsAbstract))
            {
                CustomAttributeData? cmdlet = t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
                if (cmdlet == null)
                {
                    continue;
                }
                var c = new CmdletMeta
                {
                    Verb = (string)cmdlet.ConstructorArguments[0].Value!,
                    Noun = (string)cmdlet.ConstructorArguments[1].Value!,
                    TypeName = t.FullName!,
                };
                foreach (CustomAttributeNamedArgument na in cmdlet.NamedArguments)
                {
                    if (na.MemberName == "SupportsShouldProcess")
                    {
                        c.SupportsShouldProcess = (bool)na.TypedValue.Value!;
                    }
                    else if (na.MemberName == "ConfirmImpact")
                    {
                        Type enumType = Sma.GetType("System.Management.Automation.ConfirmImpact")!;
                        c.ConfirmImpact = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
                                                  .First(f => Convert.ToInt32(f.GetRawConstantValue()) == Convert.ToInt32(na.TypedValue.Value)).Name;
                    }
                }
                foreach (CustomAttributeData ot in t.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute"))
                {
                    foreach (CustomAttributeTypedArgument arg in ot.ConstructorArguments)
                    {
                        if (arg.Value is IEnumerable<CustomAttributeTypedArgument> many)
                        {
                            c.OutputTypes.AddRange(many.Select(x => x.Value).OfType<Type>());
                        }
                        else if (arg.Value is Type one)
                        {
                            c.OutputTypes.Add(one);
                        }
                    }
                }
                foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    var pars = p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").ToList();
                    if (pars.Count == 0)
                    {
                        continue;
                    }
                    var pm = new ParamMeta { Name = p.Name, TypeName = p.PropertyType.Name };
                    foreach (CustomAttributeData pa in pars)
                    {
                        string set = "__AllParameterSets";
                        bool mandatory = false, byValue = false, byName = false;
                        int position = int.MinValue;
                        foreach (CustomAttributeNamedArgument na in pa.NamedArguments)
                        {
                            switch (na.MemberName)
                            {
                                case "ParameterSetName": set = (string)na.TypedValue.Value!; break;
                                case "Mandatory": mandatory = (bool)na.TypedValue.Value!; break;
                                case "ValueFromPipeline": byValue = (bool)na.TypedValue.Value!; break;
                                case "ValueFromPipelineByPropertyName": byName = (bool)na.TypedValue.Value!; break;
                                case "Position": position = (int)na.TypedValue.Value!; break;
                            }
                        }
                        pm.Sets.Add((set, mandatory, byValue, byName, position));
                    }
                    foreach (CustomAttributeData aa in p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute"))
                    {
                        if (aa.ConstructorArguments.Count > 0 && aa.ConstructorArguments[0].Value is IEnumerable<CustomAttributeTypedArgument> names)
                        {
                            pm.Aliases.AddRange(names.Select(n => (string)n.Value!));
                        }
                    }
                    foreach (CustomAttributeData va in p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == "System.Management.Automation.ValidateSetAttribute"))
                    {
                        if (va.ConstructorArguments.Count > 0 && va.ConstructorArguments[0].Value is IEnumerable<CustomAttributeTypedArgument> vals)
                        {
                            pm.ValidValues.AddRange(vals.Select(v => (string)v.Value!));
                        }
                    }
                    pm.HasCompleter = p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Management.Automation.ArgumentCompleterAttribute");
                    c.Parameters.Add(pm);
                }
                result.Add(c);
            }
            return result.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
    }
}
