namespace Codegen.Runtime;

/// <summary>
/// Removes the API key from what the client reports (messages, error fields, body excerpts) should a server echo it,
/// without damaging ordinary text: the value of an <c>Authorization</c> header written out in the text, and the
/// key itself where it stands as a whole token. A key shorter than <see cref="RedactAnywhereLength"/> characters could
/// be part of an ordinary word ("x" in "maximum"), so inside a longer token it is left alone; a longer key cannot be,
/// and is removed wherever it appears.
/// </summary>
internal sealed class CodegenSecretRedactor
{
    public const string Mark = "[redacted]";

    /// <summary>From this length on, a key is removed even inside a longer token.</summary>
    public const int RedactAnywhereLength = 16;

    private const string Authorization = "authorization";

    private readonly string? _secret;

    public CodegenSecretRedactor(string? secret)
    {
        _secret = string.IsNullOrEmpty(secret) ? null : secret;
    }

    [return: global::System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = RedactAuthorizationValues(text);
        return _secret is null ? result : RedactSecret(result, _secret);
    }

    /// <summary>Whether a character continues a token: a key next to one of these is part of a longer word.</summary>
    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    private static string RedactSecret(string text, string secret)
    {
        var anywhere = secret.Length >= RedactAnywhereLength;
        global::System.Text.StringBuilder? builder = null;
        var copied = 0;
        var index = text.IndexOf(secret, global::System.StringComparison.Ordinal);
        while (index >= 0)
        {
            var end = index + secret.Length;
            var whole = (index == 0 || !IsTokenChar(text[index - 1])) && (end == text.Length || !IsTokenChar(text[end]));
            if (anywhere || whole)
            {
                builder ??= new global::System.Text.StringBuilder(text.Length);
                builder.Append(text, copied, index - copied).Append(Mark);
                copied = end;
                index = text.IndexOf(secret, end, global::System.StringComparison.Ordinal);
            }
            else
            {
                index = text.IndexOf(secret, index + 1, global::System.StringComparison.Ordinal);
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// <c>Authorization: Bearer sk-…</c>, <c>"authorization": "Bearer sk-…"</c>, <c>authorization=…</c>: the value after the
    /// separator, up to its closing quote, or else to the end of the line, a quote or a <c>,</c> <c>;</c> <c>&amp;</c>, becomes the mark.
    /// The word alone ("the Authorization header is missing") is left as it is.
    /// </summary>
    private static string RedactAuthorizationValues(string text)
    {
        global::System.Text.StringBuilder? builder = null;
        var copied = 0;
        var index = text.IndexOf(Authorization, global::System.StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var position = index + Authorization.Length;
            position = SkipQuote(text, position);
            position = SkipSpaces(text, position);
            if (position < text.Length && text[position] is ':' or '=')
            {
                position = SkipSpaces(text, position + 1);
                var start = position;
                var end = position;
                if (position < text.Length && text[position] is '"' or '\'')
                {
                    var quote = text[position];
                    start = position + 1;
                    end = text.IndexOf(quote, start);
                    end = end < 0 ? text.Length : end;
                }
                else
                {
                    while (end < text.Length && text[end] is not ('\r' or '\n' or ',' or ';' or '&' or '"' or '\''))
                    {
                        end++;
                    }

                    while (end > start && char.IsWhiteSpace(text[end - 1]))
                    {
                        end--;
                    }
                }

                if (end > start)
                {
                    builder ??= new global::System.Text.StringBuilder(text.Length);
                    builder.Append(text, copied, start - copied).Append(Mark);
                    copied = end;
                }

                position = end;
            }

            index = position >= text.Length ? -1 : text.IndexOf(Authorization, position, global::System.StringComparison.OrdinalIgnoreCase);
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static int SkipQuote(string text, int position) =>
        position < text.Length && text[position] is '"' or '\'' ? position + 1 : position;

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }
}
