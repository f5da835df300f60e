using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace VpnLint.Conformance.Tests
{
    public sealed class ConformanceTests : IClassFixture<ModuleMetadata>
    {
        // Get-Verb in PowerShell 7.4 (the approved verbs; 5.1's list is a subset).
        private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
        {
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move",
            "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select",
            "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
            "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
            "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
            "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
            "Save", "Sync", "Unpublish", "Update",
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
            "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install",
            "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall",
            "Unregister", "Wait",
            "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
            "Use",
        };

        // Verbs whose cmdlets change state and so must support -WhatIf/-Confirm. Wider than
        // PSScriptAnalyzer's list, which misses Repair and Restore.
        private static readonly HashSet<string> StateChangingVerbs = new(StringComparer.Ordinal)
        {
            "New", "Set", "Remove", "Start", "Stop", "Restart", "Reset", "Update", "Repair", "Restore", "Clear", "Add",
            "Install", "Uninstall", "Register", "Unregister", "Enable", "Disable", "Rename", "Move", "Publish", "Write",
            "Save", "Import", "Sync", "Invoke",
        };

        // ConfirmImpact each state-changing cmdlet of the issue must declare.
        private static readonly Dictionary<string, string> ExpectedConfirmImpact = new()
        {
            ["Set-RasPhonebookEntry"] = "Medium",
            ["Restore-RasPhonebook"] = "Medium",
            ["Repair-L2tpNatT"] = "High",
        };

        // Commands the examples may call besides the module's own.
        private static readonly HashSet<string> KnownCommands = new(StringComparer.OrdinalIgnoreCase)
        {
            "Get-ChildItem", "Get-Content", "Set-Content", "Out-File", "Get-CimInstance", "Where-Object", "ForEach-Object",
            "Select-Object", "Sort-Object", "Group-Object", "Measure-Object", "Format-Table", "Format-List", "Export-Csv",
            "Import-Module", "Get-Help", "Write-Output", "Write-Host", "Copy-Item", "Test-Path", "Get-Item", "Out-String", "Get-Date",
        };

        private static readonly HashSet<string> CommonParameters = new(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "ProgressAction",
        };

        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private readonly ModuleMetadata m;

        public ConformanceTests(ModuleMetadata metadata)
        {
            m = metadata;
        }

        [Fact]
        public void AssemblyHasCmdlets()
        {
            // The cmdlets of issue 6, all of them, and Test-VpnServer of issue 10.
            Assert.Equal(new[]
            {
                "ConvertTo-VpnLintSarif", "Get-NpsLogEntry", "Get-RasPhonebookEntry", "Get-VpnErrorInfo", "Get-VpnLintRule",
                "Repair-L2tpNatT", "Restore-RasPhonebook", "Set-RasPhonebookEntry", "Test-RasPhonebook", "Test-VpnClient",
                "Test-VpnProfile", "Test-VpnServer",
            }, m.Cmdlets.Select(c => c.Name));
        }

        [Fact]
        public void EveryVerbIsApproved()
        {
            var bad = m.Cmdlets.Where(c => !ApprovedVerbs.Contains(c.Verb)).Select(c => c.Name).ToList();
            Assert.True(bad.Count == 0, "unapproved verbs: " + string.Join(", ", bad));
        }

        [Fact]
        public void CmdletsToExportEqualsTheCmdletsInTheAssembly()
        {
            List<string>? exported = m.ManifestList("CmdletsToExport");
            Assert.NotNull(exported);
            Assert.DoesNotContain(exported!, e => e.Contains('*') || e.Contains('?'));
            Assert.Equal(m.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal),
                         exported!.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void ManifestIsReadyForBothEditionsAndTheGallery()
        {
            Assert.Equal("VpnLint.Commands.dll", m.ManifestValue("RootModule"));
            Assert.Equal("5.1", m.ManifestValue("PowerShellVersion"));
            Assert.Equal(new[] { "Desktop", "Core" }, m.ManifestList("CompatiblePSEditions"));
            Assert.Equal(new[] { "VpnLint.format.ps1xml" }, m.ManifestList("FormatsToProcess"));
            Assert.False(m.ManifestHasKey("ProcessorArchitecture"), "ProcessorArchitecture breaks discovery on Linux and on x86 hosts");
            Assert.Empty(m.ManifestList("FunctionsToExport") ?? new List<string> { "missing" });
            Assert.Empty(m.ManifestList("AliasesToExport") ?? new List<string> { "missing" });
            List<string> tags = m.ManifestList("Tags") ?? new List<string>();
            Assert.Contains("PSEdition_Desktop", tags);
            Assert.Contains("PSEdition_Core", tags);
            Assert.Contains("Windows", tags);
            Assert.All(tags, t => Assert.DoesNotContain(' ', t));
            Assert.NotNull(m.ManifestValue("Description"));
            Assert.NotNull(m.ManifestValue("GUID"));
        }

        [Fact]
        public void ModuleFolderHasTheNativeLibraryForLinuxX64()
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(m.ModuleDir, "runtimes", "linux-x64", "native", "libvpnlint.so")));
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(m.ModuleDir, "en-US", "about_VpnLint.help.txt")));
        }

        [Fact]
        public void AssemblyHasAModuleInitializerThatLoadsTheNativeLibrary()
        {
            Assert.Contains(m.Commands.GetExportedTypes(),
                t => t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer"));
        }

        [Fact]
        public void StateChangingCmdletsSupportShouldProcessWithTheRightImpact()
        {
            var problems = new List<string>();
            foreach (CmdletMeta c in m.Cmdlets)
            {
                bool changing = StateChangingVerbs.Contains(c.Verb) || ExpectedConfirmImpact.ContainsKey(c.Name);
                if (changing && !c.SupportsShouldProcess)
                {
                    problems.Add(c.Name + " changes state but lacks SupportsShouldProcess");
                }
                if (ExpectedConfirmImpact.TryGetValue(c.Name, out string? impact) && c.ConfirmImpact != impact)
                {
                    problems.Add($"{c.Name} must declare ConfirmImpact {impact}, has {c.ConfirmImpact}");
                }
                if (!changing && c.SupportsShouldProcess)
                {
                    problems.Add(c.Name + " declares SupportsShouldProcess but its verb does not change state");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void EveryCmdletDeclaresOutputTypesThatHaveAFormatView()
        {
            var viewed = new HashSet<string>(m.Format.Descendants("ViewSelectedBy").Elements("TypeName").Select(e => e.Value.Trim()));
            var problems = new List<string>();
            foreach (CmdletMeta c in m.Cmdlets)
            {
                if (c.OutputTypes.Count == 0)
                {
                    problems.Add(c.Name + " has no [OutputType]");
                }
                foreach (Type t in c.OutputTypes.Where(t => !(t.IsPrimitive || t.FullName == "System.String")))
                {
                    if (!viewed.Contains(t.FullName!))
                    {
                        problems.Add($"{c.Name}: output type {t.FullName} has no view in VpnLint.format.ps1xml");
                    }
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void FormatViewsNamePropertiesTheTypesHave()
        {
            var problems = new List<string>();
            foreach (XElement view in m.Format.Descendants("View"))
            {
                string typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value.Trim();
                Type? t = m.Core.GetType(typeName) ?? m.Commands.GetType(typeName);
                if (t == null)
                {
                    problems.Add("view for unknown type " + typeName);
                    continue;
                }
                foreach (string prop in view.Descendants("PropertyName").Select(p => p.Value.Trim()))
                {
                    if (t.GetProperty(prop) == null)
                    {
                        problems.Add($"{typeName} has no property {prop}");
                    }
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void PipelineBindingsLetFilesCimInstancesAndFindingsFlow()
        {
            foreach (string name in new[] { "Test-VpnProfile", "Test-RasPhonebook" })
            {
                CmdletMeta c = m.Cmdlet(name);
                ParamMeta path = c.Param("Path")!;
                ParamMeta literal = c.Param("LiteralPath")!;
                Assert.True(path.ByPropertyName, name + " -Path must bind by property name");
                Assert.True(literal.ByPropertyName, name + " -LiteralPath must bind by property name");
                Assert.Contains("PSPath", literal.Aliases);
                Assert.Contains("FullName", literal.Aliases);
                Assert.True(c.Param("IncludeRule")!.HasCompleter, name + " -IncludeRule needs an ArgumentCompleter");
                Assert.True(c.Param("ExcludeRule")!.HasCompleter, name + " -ExcludeRule needs an ArgumentCompleter");
                Assert.NotNull(c.Param("Severity"));
            }
            // Test-VpnServer takes files like Test-VpnProfile; the entry and the server never come from the
            // pipeline (a FileInfo's Name is not an entry name).
            CmdletMeta server = m.Cmdlet("Test-VpnServer");
            Assert.True(server.Param("Path")!.ByPropertyName, "Test-VpnServer -Path must bind by property name");
            Assert.True(server.Param("LiteralPath")!.ByPropertyName, "Test-VpnServer -LiteralPath must bind by property name");
            Assert.Contains("PSPath", server.Param("LiteralPath")!.Aliases);
            Assert.Contains("FullName", server.Param("LiteralPath")!.Aliases);
            Assert.DoesNotContain(server.Parameters, p => p.ByValue);
            Assert.False(server.Param("Entry")!.ByPropertyName);
            Assert.False(server.Param("Server")!.ByPropertyName);
            Assert.Equal(new[] { "Auto", "IKEv2", "SSTP" }, server.Param("Protocol")!.ValidValues);
            foreach (string p in new[] { "TimeoutSeconds", "CaFile" })
            {
                Assert.NotNull(server.Param(p));
            }
            Assert.Equal(new[] { "Auto", "IKEv2", "SSTP" }, Enum.GetNames<VpnProbeProtocol>());
            Assert.Equal(4, (int)VpnLintKind.Network);
            CmdletMeta test = m.Cmdlet("Test-VpnProfile");
            Assert.True(test.Param("InputObject")!.ByValue, "Test-VpnProfile -InputObject must bind by value");
            Assert.Equal("PSObject", test.Param("InputObject")!.TypeName);
            Assert.NotNull(test.Param("Xml"));
            Assert.NotNull(test.Param("MinimumBuild"));
            // Only InputObject takes whole objects, so a FileInfo binds to -LiteralPath by PSPath.
            Assert.Single(test.Parameters, p => p.ByValue);
            Assert.True(m.Cmdlet("ConvertTo-VpnLintSarif").Param("InputObject")!.ByValue);
            foreach (string name in new[] { "Get-RasPhonebookEntry", "Get-NpsLogEntry" })
            {
                CmdletMeta c = m.Cmdlet(name);
                Assert.True(c.Param("Path")!.ByPropertyName, name + " -Path must bind by property name");
                ParamMeta literal = c.Param("LiteralPath")!;
                Assert.True(literal.ByPropertyName, name + " -LiteralPath must bind by property name");
                Assert.Contains("PSPath", literal.Aliases);
                Assert.DoesNotContain(c.Parameters, p => p.ByValue);
            }
            // A FileInfo's Name must not bind to the entry-name filter.
            Assert.False(m.Cmdlet("Get-RasPhonebookEntry").Param("Name")!.ByPropertyName);
            Assert.NotNull(m.Cmdlet("Get-NpsLogEntry").Param("Since"));
            Assert.NotNull(m.Cmdlet("Get-NpsLogEntry").Param("User"));
            // Get-RasPhonebookEntry | Set-RasPhonebookEntry, and Set-RasPhonebookEntry | Restore-RasPhonebook.
            CmdletMeta set = m.Cmdlet("Set-RasPhonebookEntry");
            Assert.True(set.Param("Path")!.ByPropertyName && set.Param("Name")!.ByPropertyName);
            foreach (string p in new[] { "Key", "Value", "Remove", "Media", "Device", "Phone" })
            {
                Assert.NotNull(set.Param(p));
            }
            Assert.Contains(m.Core.GetType("VpnLint.PhonebookEntry")!.GetProperties(), p => p.Name == "Path");
            Assert.True(m.Cmdlet("Restore-RasPhonebook").Param("BackupPath")!.ByPropertyName);
            Assert.Contains(m.Core.GetType("VpnLint.PhonebookChange")!.GetProperties(), p => p.Name == "BackupPath");
            CmdletMeta repair = m.Cmdlet("Repair-L2tpNatT");
            Assert.Equal(new[] { "0", "1", "2" }, repair.Param("Value")!.ValidValues);
            Assert.NotNull(repair.Param("Undo"));
            Assert.NotNull(repair.Param("Journal"));
            foreach (string p in new[] { "Previous", "Current", "Changed", "RebootRequired", "JournalPath" })
            {
                Assert.Contains(m.Core.GetType("VpnLint.RepairResult")!.GetProperties(), x => x.Name == p);
            }
            ParamMeta id = m.Cmdlet("Get-VpnLintRule").Param("Id")!;
            Assert.True(id.ByPropertyName);
            Assert.Contains("RuleId", id.Aliases);
        }

        [Fact]
        public void ErrorMappingUsesRealErrorCategories()
        {
            Type cat = m.Sma.GetType("System.Management.Automation.ErrorCategory")!;
            var names = new HashSet<string>(cat.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name));
            foreach (VpnLintErrorCode code in Enum.GetValues<VpnLintErrorCode>())
            {
                Assert.Contains(ErrorMapping.CategoryName(code), names);
            }
            Assert.Equal("NotImplemented", ErrorMapping.CategoryName(VpnLintErrorCode.Unsupported));
            Assert.Equal("PermissionDenied", ErrorMapping.CategoryName(VpnLintErrorCode.Access));
            Assert.Equal("ObjectNotFound", ErrorMapping.CategoryName(VpnLintErrorCode.NotFound));
            Assert.Equal("InvalidData", ErrorMapping.CategoryName(VpnLintErrorCode.Parse));
            Assert.Contains("NotInstalled", names);
        }

        private XElement? HelpFor(string name) =>
            m.Help.Root!.Elements(Command + "command")
             .FirstOrDefault(e => e.Element(Command + "details")?.Element(Command + "name")?.Value == name);

        private static string Text(XElement? e) => e == null ? string.Empty : string.Concat(e.Descendants(Maml + "para").Select(p => p.Value)).Trim();

        [Fact]
        public void EveryCmdletAndParameterHasHelpAndEveryCmdletAnExample()
        {
            var problems = new List<string>();
            foreach (CmdletMeta c in m.Cmdlets)
            {
                XElement? h = HelpFor(c.Name);
                if (h == null)
                {
                    problems.Add(c.Name + ": no help");
                    continue;
                }
                if (Text(h.Element(Command + "details")!.Element(Maml + "description")).Length == 0)
                {
                    problems.Add(c.Name + ": no synopsis");
                }
                if (Text(h.Element(Maml + "description")).Length == 0)
                {
                    problems.Add(c.Name + ": no description");
                }
                var examples = h.Descendants(Command + "example").ToList();
                if (examples.Count == 0 || examples.Any(e => (e.Element(Dev + "code")?.Value ?? string.Empty).Trim().Length == 0))
                {
                    problems.Add(c.Name + ": needs at least one example with code");
                }
                var documented = h.Element(Command + "parameters")!.Elements(Command + "parameter")
                                  .ToDictionary(p => p.Element(Maml + "name")!.Value, p => p, StringComparer.OrdinalIgnoreCase);
                foreach (ParamMeta p in c.Parameters)
                {
                    if (!documented.TryGetValue(p.Name, out XElement? ph) || Text(ph.Element(Maml + "description")).Length == 0)
                    {
                        problems.Add($"{c.Name}: parameter -{p.Name} has no help");
                        continue;
                    }
                    string pipeline = ph.Attribute("pipelineInput")?.Value ?? string.Empty;
                    if (p.ByValue != pipeline.Contains("ByValue") || p.ByPropertyName != pipeline.Contains("ByPropertyName"))
                    {
                        problems.Add($"{c.Name}: help of -{p.Name} says pipeline input '{pipeline}', which the attributes do not");
                    }
                    string helpAliases = ph.Attribute("aliases")?.Value ?? "none";
                    var ha = helpAliases == "none" ? new List<string>() : helpAliases.Split(',').Select(a => a.Trim()).ToList();
                    if (!ha.OrderBy(a => a).SequenceEqual(p.Aliases.OrderBy(a => a)))
                    {
                        problems.Add($"{c.Name}: help of -{p.Name} lists aliases '{helpAliases}', the attributes {string.Join(",", p.Aliases)}");
                    }
                }
                foreach (string sp in new[] { "WhatIf", "Confirm" })
                {
                    if (c.SupportsShouldProcess && !documented.ContainsKey(sp))
                    {
                        problems.Add($"{c.Name}: supports ShouldProcess but its help does not describe -{sp}");
                    }
                }
                foreach (string extra in documented.Keys.Where(k => c.Param(k) == null && !(c.SupportsShouldProcess && (k == "WhatIf" || k == "Confirm"))))
                {
                    problems.Add($"{c.Name}: help documents -{extra}, which does not exist");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void EveryExampleParsesAndCallsOnlyExistingCmdletsAndParameters()
        {
            var problems = new List<string>();
            foreach (XElement example in m.Help.Descendants(Command + "example"))
            {
                string owner = example.Ancestors(Command + "command").First().Element(Command + "details")!.Element(Command + "name")!.Value;
                string code = example.Element(Dev + "code")!.Value;
                List<ExampleChecker.CommandUse> uses;
                try
                {
                    uses = ExampleChecker.Parse(code);
                }
                catch (FormatException e)
                {
                    problems.Add($"{owner}: example does not parse ({e.Message}): {code}");
                    continue;
                }
                if (!uses.Any(u => u.Name.Equals(owner, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{owner}: example never calls {owner}: {code}");
                }
                foreach (ExampleChecker.CommandUse u in uses)
                {
                    CmdletMeta? c = m.Cmdlets.FirstOrDefault(x => x.Name.Equals(u.Name, StringComparison.OrdinalIgnoreCase));
                    if (c == null)
                    {
                        if (!KnownCommands.Contains(u.Name))
                        {
                            problems.Add($"{owner}: example calls unknown command {u.Name}");
                        }
                        continue;
                    }
                    foreach (string p in u.Parameters)
                    {
                        bool ok = CommonParameters.Contains(p)
                                  || (c.SupportsShouldProcess && (p.Equals("WhatIf", StringComparison.OrdinalIgnoreCase) || p.Equals("Confirm", StringComparison.OrdinalIgnoreCase)))
                                  || c.Parameters.Any(x => x.Name.Equals(p, StringComparison.OrdinalIgnoreCase) || x.Aliases.Contains(p, StringComparer.OrdinalIgnoreCase));
                        if (!ok)
                        {
                            problems.Add($"{owner}: example passes -{p}, which {c.Name} does not have");
                        }
                    }
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [InlineData("Get-ChildItem .\\x | Test-VpnProfile -Bogus 1", "Bogus")]
        [InlineData("Test-VpnProfile -Path 'a.xml", null)]
        [InlineData("Test-VpnProfile -Path (Get-Item x", null)]
        public void ExampleCheckerCatchesBadExamples(string code, string? badParameter)
        {
            if (badParameter == null)
            {
                Assert.Throws<FormatException>(() => ExampleChecker.Parse(code));
                return;
            }
            var uses = ExampleChecker.Parse(code);
            Assert.Equal(new[] { "Get-ChildItem", "Test-VpnProfile" }, uses.Select(u => u.Name));
            Assert.Contains(badParameter, uses[1].Parameters);
        }
    }
}
