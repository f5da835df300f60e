using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace VpnLint.Commands
{
    /// <summary>Tab completion of rule IDs from the library's registry (-IncludeRule, -ExcludeRule, -Id).</summary>
    public sealed class RuleIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                                                             CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var ids = new HashSet<string>(RuleCatalog.Complete(wordToComplete), StringComparer.OrdinalIgnoreCase);
                return RuleCatalog.GetAll()
                                  .Where(r => ids.Contains(r.Id))
                                  .Select(r => new CompletionResult(r.Id, r.Id, CompletionResultType.ParameterValue,
                                                                    r.Id + " " + r.Name + ": " + r.ShortDescription))
                                  .ToList();
            }
            catch (VpnLintException)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
