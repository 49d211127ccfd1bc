using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Reading;

/// <summary>
/// A subset of a contract's operations, from item metadata: operation ids, tags and path patterns, each a
/// <c>;</c>-separated list. An operation is selected when it matches any of them; with none given, every
/// operation is. Path patterns match whole segments: <c>*</c> one segment, <c>**</c> any number.
/// </summary>
public sealed record OperationSelection
{
    public static OperationSelection All { get; } = new();

    public EquatableArray<string> OperationIds { get; init; }

    public EquatableArray<string> Tags { get; init; }

    public EquatableArray<string> Paths { get; init; }

    public bool IsEverything => OperationIds.IsEmpty && Tags.IsEmpty && Paths.IsEmpty;

    /// <summary>Reads the three <c>;</c>-separated lists of item metadata (any may be null).</summary>
    public static OperationSelection From(string? operationIds, string? tags, string? paths) => new()
    {
        OperationIds = Split(operationIds),
        Tags = Split(tags),
        Paths = Split(paths),
    };

    internal bool Selects(OperationDraft operation)
    {
        if (IsEverything)
        {
            return true;
        }

        foreach (var id in OperationIds)
        {
            if (string.Equals(id, operation.OperationId, StringComparison.Ordinal) || string.Equals(id, operation.Name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var tag in Tags)
        {
            if (operation.Tags.Contains(tag))
            {
                return true;
            }
        }

        foreach (var pattern in Paths)
        {
            if (PathPattern(pattern).IsMatch(operation.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each criterion that selects nothing, for a diagnostic: a typo should not silently generate less.</summary>
    internal IEnumerable<string> Unmatched(IReadOnlyList<OperationDraft> operations)
    {
        foreach (var id in OperationIds)
        {
            if (!Any(operations, o => id == o.OperationId || id == o.Name))
            {
                yield return "operation '" + id + "'";
            }
        }

        foreach (var tag in Tags)
        {
            if (!Any(operations, o => o.Tags.Contains(tag)))
            {
                yield return "tag '" + tag + "'";
            }
        }

        foreach (var pattern in Paths)
        {
            var regex = PathPattern(pattern);
            if (!Any(operations, o => regex.IsMatch(o.Path)))
            {
                yield return "path '" + pattern + "'";
            }
        }
    }

    private static bool Any(IReadOnlyList<OperationDraft> operations, Func<OperationDraft, bool> predicate)
    {
        foreach (var operation in operations)
        {
            if (predicate(operation))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex PathPattern(string pattern)
    {
        var builder = new StringBuilder("^");
        foreach (var segment in pattern.Trim().Trim('/').Split('/'))
        {
            if (segment == "**")
            {
                builder.Append("(?:/[^/]*)*");
                continue;
            }

            builder.Append('/');
            var parts = segment.Split('*');
            for (var i = 0; i < parts.Length; i++)
            {
                builder.Append(i > 0 ? "[^/]*" : string.Empty).Append(Regex.Escape(parts[i]));
            }
        }

        return new Regex(builder.Append("/?$").ToString(), RegexOptions.CultureInvariant);
    }

    private static EquatableArray<string> Split(string? list)
    {
        var items = new List<string>();
        foreach (var item in (list ?? string.Empty).Split(';', ','))
        {
            if (item.Trim().Length > 0)
            {
                items.Add(item.Trim());
            }
        }

        return items.ToEquatableArray();
    }
}
