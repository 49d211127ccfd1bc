namespace Codegen.Runtime;

/// <summary>What the generated validators need beyond comparisons: JSON Schema's string length, patterns and bounded excerpts.</summary>
internal static class CodegenValidationHelpers
{
    private const int MaxExcerpt = 64;

    private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex> Patterns = new global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex>(global::System.StringComparer.Ordinal);

    /// <summary>Length in Unicode code points, as JSON Schema counts string length.</summary>
    public static int CodePointLength(string value)
    {
        var length = value.Length;
        foreach (var c in value)
        {
            if (char.IsLowSurrogate(c))
            {
                length--;
            }
        }

        return length;
    }

    /// <summary>Whether <paramref name="value"/> matches the contract's <paramref name="pattern"/>; each pattern is compiled once, with a timeout against runaway backtracking.</summary>
    public static bool IsMatch(string value, string pattern)
    {
        var regex = Patterns.GetOrAdd(pattern, p => new global::System.Text.RegularExpressions.Regex(p, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1)));
        return regex.IsMatch(value);
    }

    /// <summary>A value for a message, cut short so that a huge value cannot flood a log.</summary>
    public static string Excerpt(string value)
    {
        return value.Length <= MaxExcerpt ? value : value.Substring(0, MaxExcerpt) + "…";
    }
}
