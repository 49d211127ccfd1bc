using System;
using System.Collections.Generic;
using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// JSON pointers (RFC 6901): how the model names a place in a contract without holding positions. Building and
/// resolving pointers is the rules engine's (<see cref="CodegenJsonPointer"/>), so that a pointer means the same to
/// the reader, the rules and the generated code; this class adds what only reading a contract needs.
/// </summary>
public static class JsonPointer
{
    /// <summary>Escapes one reference token: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string token) => CodegenJsonPointer.Append(pointer, token);

    public static string Append(string pointer, int index) => CodegenJsonPointer.Append(pointer, index);

    /// <summary>The unescaped reference tokens of a pointer such as <c>/definitions/a~1b</c>.</summary>
    public static IReadOnlyList<string> Split(string pointer)
    {
        if (pointer.Length == 0)
        {
            return Array.Empty<string>();
        }

        var parts = pointer.Substring(1).Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace("~1", "/").Replace("~0", "~");
        }

        return parts;
    }

    /// <summary>The pointer of a same-document reference such as <c>#/components/schemas/A%20B</c>, or null when the reference points elsewhere.</summary>
    public static string? FromFragment(string reference)
    {
        if (!reference.StartsWith("#", StringComparison.Ordinal))
        {
            return null;
        }

        var fragment = reference.Substring(1);
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            return null;
        }

        return Uri.UnescapeDataString(fragment);
    }

    /// <summary>The value at <paramref name="pointer"/> below <paramref name="root"/>, or null.</summary>
    internal static CodegenJson? Find(CodegenJson root, string pointer) => CodegenJsonPointer.Find(root, pointer);

    /// <summary>The parent of a pointer (<c>/a/b</c> → <c>/a</c>); the root's parent is the root.</summary>
    public static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer.Substring(0, slash);
    }

    /// <summary>The last reference token, unescaped.</summary>
    public static string LastToken(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? pointer : pointer.Substring(slash + 1).Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>Shortens text for a message so that a hostile contract cannot flood the build output.</summary>
    public static string Excerpt(string text, int max = 80)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
