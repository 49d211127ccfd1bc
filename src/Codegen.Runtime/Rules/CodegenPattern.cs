namespace Codegen.Runtime;

/// <summary>
/// A contract's regular expression: ECMA-262 text, its .NET translation, and the compiled regex, built on first use
/// and shared by every schema that writes the same text. JSON Schema searches (<c>"ab-c"</c> matches <c>[a-z]+</c>);
/// anchor with <c>^</c> and <c>$</c> to match a whole string.
/// </summary>
internal sealed class CodegenPattern
{
    /// <summary>How long one match may run. A contract's pattern must not hang a server; a value that takes longer is reported as not matching, saying so.</summary>
    public static readonly global::System.TimeSpan MatchTimeout = global::System.TimeSpan.FromSeconds(1);

    private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, CodegenPattern> Cache = new(global::System.StringComparer.Ordinal);

    private readonly global::System.TimeSpan _timeout;
    private global::System.Text.RegularExpressions.Regex? _regex;

    private CodegenPattern(string source, string translated, global::System.TimeSpan timeout)
    {
        Source = source;
        Translated = translated;
        _timeout = timeout;
    }

    /// <summary>The pattern as the contract writes it (ECMA-262).</summary>
    public string Source { get; }

    /// <summary>The .NET pattern with the same meaning.</summary>
    public string Translated { get; }

    /// <summary>The pattern for <paramref name="source"/>, or false with the reason it is not an ECMA-262 regular expression.</summary>
    public static bool TryCreate(string source, out CodegenPattern pattern, out string error)
    {
        if (Cache.TryGetValue(source, out pattern!))
        {
            error = string.Empty;
            return true;
        }

        if (!CodegenEcmaRegex.TryTranslate(source, out var translated, out error))
        {
            pattern = null!;
            return false;
        }

        pattern = Cache.GetOrAdd(source, new CodegenPattern(source, translated, MatchTimeout));
        return true;
    }

    /// <summary>A pattern outside the shared cache, with its own time limit (for tests of the limit).</summary>
    internal static CodegenPattern CreateUncached(string source, global::System.TimeSpan timeout) =>
        CodegenEcmaRegex.TryTranslate(source, out var translated, out var error)
            ? new CodegenPattern(source, translated, timeout)
            : throw new global::System.ArgumentException(error, nameof(source));

    /// <summary>Whether the pattern occurs in <paramref name="value"/>; <paramref name="timedOut"/> when the search ran out of time (then false).</summary>
    public bool IsMatch(string value, out bool timedOut)
    {
        timedOut = false;
        try
        {
            return GetRegex().IsMatch(value);
        }
        catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            timedOut = true;
            return false;
        }
    }

    /// <summary>Compiles the regex now; false with .NET's reason when the translation is not a .NET pattern (a defect of the translator).</summary>
    internal bool TryCompile(out string error)
    {
        try
        {
            GetRegex();
            error = string.Empty;
            return true;
        }
        catch (global::System.ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    private global::System.Text.RegularExpressions.Regex GetRegex()
    {
        var regex = global::System.Threading.Volatile.Read(ref _regex);
        if (regex is null)
        {
            // A benign race: two threads may each compile; both results are equal.
            regex = new global::System.Text.RegularExpressions.Regex(Translated, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, _timeout);
            global::System.Threading.Volatile.Write(ref _regex, regex);
        }

        return regex;
    }

    public override string ToString() => Source;
}
