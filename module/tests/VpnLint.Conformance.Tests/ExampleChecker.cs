using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VpnLint.Conformance.Tests
{
    /// <summary>A light PowerShell tokenizer for help examples: finds unbalanced quotes and
    /// brackets, the commands in command position and the -Parameters given to each.</summary>
    public static class ExampleChecker
    {
        public sealed class CommandUse
        {
            public string Name = string.Empty;
            public List<string> Parameters = new();
        }

        private enum Kind { Word, Param, Var, Str, Open, Close, Sep, Assign }

        /// <summary>Parses <paramref name="code"/>; returns the commands used, or throws FormatException.</summary>
        public static List<CommandUse> Parse(string code)
        {
            var tokens = Tokenize(code);
            var uses = new List<CommandUse>();
            var stack = new Stack<char>();
            bool commandPosition = true;
            CommandUse? current = null;
            foreach ((Kind kind, string text) in tokens)
            {
                switch (kind)
                {
                    case Kind.Open:
                        stack.Push(text[text.Length - 1]);
                        commandPosition = text != "[";
                        current = null;
                        continue;
                    case Kind.Close:
                        char want = text == ")" ? '(' : text == "}" ? '{' : '[';
                        if (stack.Count == 0 || stack.Pop() != want)
                        {
                            throw new FormatException($"unbalanced '{text}'");
                        }
                        commandPosition = false;
                        continue;
                    case Kind.Sep:
                    case Kind.Assign:
                        commandPosition = true;
                        current = null;
                        continue;
                    case Kind.Word:
                        if (commandPosition)
                        {
                            commandPosition = false;
                            if (IsCommandName(text))
                            {
                                current = new CommandUse { Name = text };
                                uses.Add(current);
                            }
                            else
                            {
                                current = null;
                            }
                        }
                        continue;
                    case Kind.Param:
                        current?.Parameters.Add(text);
                        commandPosition = false;
                        continue;
                    default:
                        commandPosition = false;
                        continue;
                }
            }
            if (stack.Count > 0)
            {
                throw new FormatException($"'{stack.Peek()}' is never closed");
            }
            return uses;
        }

        private static bool IsCommandName(string w)
        {
            int dash = w.IndexOf('-');
            return dash > 0 && dash < w.Length - 1 && char.IsLetter(w[0]) && w.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '.');
        }

        private static List<(Kind, string)> Tokenize(string s)
        {
            var t = new List<(Kind, string)>();
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (c == '`' && i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i += 2; // line continuation
                    continue;
                }
                if (c == '\n' || c == ';' || c == '|' || c == ',')
                {
                    t.Add((c == ',' ? Kind.Word : Kind.Sep, c.ToString()));
                    i++;
                    continue;
                }
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                if (c == '#')
                {
                    while (i < s.Length && s[i] != '\n')
                    {
                        i++;
                    }
                    continue;
                }
                if (c == '\'' || c == '"')
                {
                    int j = i + 1;
                    while (true)
                    {
                        if (j >= s.Length)
                        {
                            throw new FormatException($"string starting at offset {i} is never closed");
                        }
                        if (c == '"' && s[j] == '`')
                        {
                            j += 2;
                            continue;
                        }
                        if (s[j] == c)
                        {
                            if (j + 1 < s.Length && s[j + 1] == c)
                            {
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        j++;
                    }
                    t.Add((Kind.Str, s.Substring(i, j - i + 1)));
                    i = j + 1;
                    continue;
                }
                if ((c == '$' || c == '@') && i + 1 < s.Length && (s[i + 1] == '(' || s[i + 1] == '{'))
                {
                    t.Add((Kind.Open, s.Substring(i, 2)));
                    i += 2;
                    continue;
                }
                if (c == '(' || c == '{' || c == '[')
                {
                    t.Add((Kind.Open, c.ToString()));
                    i++;
                    continue;
                }
                if (c == ')' || c == '}' || c == ']')
                {
                    t.Add((Kind.Close, c.ToString()));
                    i++;
                    continue;
                }
                if (c == '=' && (i + 1 >= s.Length || s[i + 1] != '='))
                {
                    t.Add((Kind.Assign, "="));
                    i++;
                    continue;
                }
                var sb = new StringBuilder();
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && "|;,(){}[]'\"".IndexOf(s[i]) < 0 && !(s[i] == '=' && sb.Length > 0 && sb[0] == '$'))
                {
                    sb.Append(s[i]);
                    i++;
                }
                string w = sb.ToString();
                if (w.Length == 0)
                {
                    i++;
                    continue;
                }
                if (w[0] == '-' && w.Length > 1 && char.IsLetter(w[1]))
                {
                    t.Add((Kind.Param, w.Substring(1).Split(':')[0]));
                }
                else if (w[0] == '$')
                {
                    t.Add((Kind.Var, w));
                }
                else
                {
                    t.Add((Kind.Word, w));
                }
            }
            return t;
        }
    }
}
