namespace Codegen.Runtime;

/// <summary>
/// JSON pointers (RFC 6901): <c>""</c> is the whole document, <c>/definitions/A</c> a member of a member.
/// Schema nodes and problems are named by plain pointers; <c>$ref</c> writes them as URI fragments
/// (<c>#/definitions/A</c>, percent-encoded), which <see cref="TryParse"/> reads too.
/// </summary>
internal static class CodegenJsonPointer
{
    private static readonly global::System.Text.UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The pointer to the member <paramref name="name"/> of the value at <paramref name="pointer"/>.</summary>
    public static string Append(string pointer, string name) =>
        pointer + "/" + (name.IndexOf('~') < 0 && name.IndexOf('/') < 0 ? name : name.Replace("~", "~0").Replace("/", "~1"));

    /// <summary>The pointer to the item <paramref name="index"/> of the array at <paramref name="pointer"/>.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits a pointer into its reference tokens. Accepts a plain pointer (<c>/a/b</c>) and a URI fragment
    /// (<c>#/a/b</c>, <c>#</c>), whose percent escapes are decoded first (as UTF-8).
    /// </summary>
    /// <returns>False when the text is not a pointer (a token with a bad <c>~</c> escape, bad percent-encoding, no leading '/').</returns>
    public static bool TryParse(string text, out global::System.Collections.Generic.List<string> tokens)
    {
        tokens = new global::System.Collections.Generic.List<string>();
        var pointer = text;
        if (pointer.Length > 0 && pointer[0] == '#')
        {
            if (!TryPercentDecode(pointer.Substring(1), out pointer))
            {
                return false;
            }
        }

        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var start = 1;
        while (true)
        {
            var end = pointer.IndexOf('/', start);
            var raw = end < 0 ? pointer.Substring(start) : pointer.Substring(start, end - start);
            if (!TryUnescape(raw, out var token))
            {
                return false;
            }

            tokens.Add(token);
            if (end < 0)
            {
                return true;
            }

            start = end + 1;
        }
    }

    /// <summary>Turns a pointer written as a URI fragment into the plain pointer that names schema nodes: <c>#/a%20b</c> is <c>/a b</c>.</summary>
    public static bool TryNormalize(string text, out string pointer)
    {
        pointer = string.Empty;
        if (!TryParse(text, out var tokens))
        {
            return false;
        }

        var builder = new global::System.Text.StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append('/').Append(token.Replace("~", "~0").Replace("/", "~1"));
        }

        pointer = builder.ToString();
        return true;
    }

    /// <summary>The value at <paramref name="pointer"/> (plain or fragment form) below <paramref name="root"/>, or null.</summary>
    public static CodegenJson? Find(CodegenJson root, string pointer) => TryParse(pointer, out var tokens) ? Find(root, tokens, tokens.Count) : null;

    /// <summary>The value reached by the first <paramref name="count"/> tokens, or null.</summary>
    public static CodegenJson? Find(CodegenJson root, global::System.Collections.Generic.IReadOnlyList<string> tokens, int count)
    {
        var current = root;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            switch (current.Kind)
            {
                case CodegenJsonKind.Object:
                    if (!current.TryGetProperty(token, out current))
                    {
                        return null;
                    }

                    break;
                case CodegenJsonKind.Array:
                    // RFC 6901: decimal digits without leading zeros.
                    if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !int.TryParse(token, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= current.Items.Count)
                    {
                        return null;
                    }

                    current = current.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    private static bool TryUnescape(string raw, out string token)
    {
        token = raw;
        if (raw.IndexOf('~') < 0)
        {
            return true;
        }

        var builder = new global::System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                builder.Append(raw[i]);
                continue;
            }

            if (i + 1 >= raw.Length || (raw[i + 1] != '0' && raw[i + 1] != '1'))
            {
                return false;
            }

            builder.Append(raw[i + 1] == '0' ? '~' : '/');
            i++;
        }

        token = builder.ToString();
        return true;
    }

    private static bool TryPercentDecode(string text, out string decoded)
    {
        decoded = text;
        if (text.IndexOf('%') < 0)
        {
            return true;
        }

        // Escapes are UTF-8 bytes: consecutive ones decode together, so %C3%A9 is one character.
        var builder = new global::System.Text.StringBuilder(text.Length);
        var bytes = new global::System.Collections.Generic.List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !TryHex(text[i + 1], out var high) || !TryHex(text[i + 2], out var low))
                {
                    return false;
                }

                bytes.Add((byte)((high << 4) | low));
                i += 2;
                continue;
            }

            if (!TryFlush(bytes, builder))
            {
                return false;
            }

            builder.Append(text[i]);
        }

        if (!TryFlush(bytes, builder))
        {
            return false;
        }

        decoded = builder.ToString();
        return true;
    }

    private static bool TryFlush(global::System.Collections.Generic.List<byte> bytes, global::System.Text.StringBuilder builder)
    {
        if (bytes.Count == 0)
        {
            return true;
        }

        try
        {
            builder.Append(StrictUtf8.GetString(bytes.ToArray()));
            bytes.Clear();
            return true;
        }
        catch (global::System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool TryHex(char c, out int value)
    {
        value = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
        return value >= 0;
    }
}
