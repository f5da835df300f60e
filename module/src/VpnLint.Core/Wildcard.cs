using System.Text;
using System.Text.RegularExpressions;

namespace VpnLint
{
    /// <summary>PowerShell-style wildcards (*, ?, [set]), case-insensitive.</summary>
    public static class Wildcard
    {
        public static bool HasWildcard(string pattern) => pattern.IndexOfAny(new[] { '*', '?', '[' }) >= 0;

        public static bool IsMatch(string text, string pattern)
        {
            var sb = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                switch (c)
                {
                    case '*':
                        sb.Append(".*");
                        break;
                    case '?':
                        sb.Append('.');
                        break;
                    case '[':
                        int end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            sb.Append(Regex.Escape(c.ToString()));
                            break;
                        }
                        sb.Append('[').Append(pattern.Substring(i + 1, end - i - 1).Replace("\\", "\\\\")).Append(']');
                        i = end;
                        break;
                    default:
                        sb.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }
            sb.Append('$');
            return Regex.IsMatch(text, sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}
