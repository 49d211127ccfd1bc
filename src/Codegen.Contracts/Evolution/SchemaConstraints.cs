using System.Collections.Generic;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

/// <summary>
/// The assertions a value at one schema must meet, read from the rules document by the rules engine's schema model:
/// the schema's own keywords and those of every schema it applies with it (<c>$ref</c>, <c>allOf</c>), combined as JSON
/// Schema combines them (every bound applies, so the tightest wins). Each value remembers the pointer of the keyword it
/// came from, so that a finding points at the line that changed.
/// </summary>
internal sealed class SchemaConstraints
{
    private const int MaxDepth = 16;

    public Bound<CodegenNumber>? Lower { get; private set; }

    public Bound<CodegenNumber>? Upper { get; private set; }

    public Bound<CodegenNumber>? MultipleOf { get; private set; }

    public Bound<int>? MinLength { get; private set; }

    public Bound<int>? MaxLength { get; private set; }

    public Bound<int>? MinItems { get; private set; }

    public Bound<int>? MaxItems { get; private set; }

    public Bound<int>? MinProperties { get; private set; }

    public Bound<int>? MaxProperties { get; private set; }

    /// <summary>Every pattern (all must match), by source text, with the pointer of its keyword.</summary>
    public List<KeyValuePair<string, string>> Patterns { get; } = new();

    /// <summary>The tightest <c>enum</c> met (the first; several would intersect, which contracts do not write).</summary>
    public Bound<IReadOnlyList<CodegenJson>>? Enum { get; private set; }

    public Bound<CodegenJson>? Const { get; private set; }

    public Bound<CodegenJson>? Default { get; private set; }

    /// <summary>The schema that holds the items of an array (<c>items</c>), or null.</summary>
    public CodegenSchema? Items { get; private set; }

    /// <summary>The schema of a map's values (<c>additionalProperties</c> as a schema), or null.</summary>
    public CodegenSchema? Values { get; private set; }

    public static SchemaConstraints Of(CodegenSchema? schema)
    {
        var constraints = new SchemaConstraints();
        if (schema is not null)
        {
            constraints.Add(schema, 0, new HashSet<string>(System.StringComparer.Ordinal));
        }

        return constraints;
    }

    private void Add(CodegenSchema schema, int depth, HashSet<string> seen)
    {
        if (depth > MaxDepth || !seen.Add(schema.Pointer))
        {
            return;
        }

        var at = schema.Pointer;
        if (schema.Minimum is { } minimum)
        {
            Lower = Tighter(Lower, new Bound<CodegenNumber>(minimum, at + "/minimum", false), lower: true);
        }

        if (schema.ExclusiveMinimum is { } exclusiveMinimum)
        {
            // OpenAPI 3.0's boolean form names the number under "minimum".
            var keyword = schema.Json.GetPropertyOrNull("exclusiveMinimum") is { Kind: CodegenJsonKind.Number } ? "/exclusiveMinimum" : "/minimum";
            Lower = Tighter(Lower, new Bound<CodegenNumber>(exclusiveMinimum, at + keyword, true), lower: true);
        }

        if (schema.Maximum is { } maximum)
        {
            Upper = Tighter(Upper, new Bound<CodegenNumber>(maximum, at + "/maximum", false), lower: false);
        }

        if (schema.ExclusiveMaximum is { } exclusiveMaximum)
        {
            var keyword = schema.Json.GetPropertyOrNull("exclusiveMaximum") is { Kind: CodegenJsonKind.Number } ? "/exclusiveMaximum" : "/maximum";
            Upper = Tighter(Upper, new Bound<CodegenNumber>(exclusiveMaximum, at + keyword, true), lower: false);
        }

        if (schema.MultipleOf is { } multipleOf)
        {
            MultipleOf ??= new Bound<CodegenNumber>(multipleOf, at + "/multipleOf", false);
        }

        MinLength = Max(MinLength, schema.MinLength, at, "/minLength");
        MaxLength = Min(MaxLength, schema.MaxLength, at, "/maxLength");
        MinItems = Max(MinItems, schema.MinItems, at, "/minItems");
        MaxItems = Min(MaxItems, schema.MaxItems, at, "/maxItems");
        MinProperties = Max(MinProperties, schema.MinProperties, at, "/minProperties");
        MaxProperties = Min(MaxProperties, schema.MaxProperties, at, "/maxProperties");
        if (schema.Pattern is { } pattern)
        {
            Patterns.Add(new KeyValuePair<string, string>(pattern.Source, at + "/pattern"));
        }

        if (schema.Enum is { } values)
        {
            Enum ??= new Bound<IReadOnlyList<CodegenJson>>(values, at + "/enum", false);
        }

        if (schema.Const is { } constant)
        {
            Const ??= new Bound<CodegenJson>(constant, at + "/const", false);
        }

        if (schema.Default is { } defaultValue)
        {
            Default ??= new Bound<CodegenJson>(defaultValue, at + "/default", false);
        }

        Items ??= schema.Items;
        if (schema.AdditionalProperties is { BooleanValue: null } values2)
        {
            Values ??= values2;
        }

        if (schema.ReferenceTarget is { } target)
        {
            Add(target, depth + 1, seen);
        }

        if (schema.AllOf is { } parts)
        {
            foreach (var part in parts)
            {
                Add(part, depth + 1, seen);
            }
        }
    }

    private static Bound<CodegenNumber> Tighter(Bound<CodegenNumber>? current, Bound<CodegenNumber> candidate, bool lower)
    {
        if (current is not { } existing)
        {
            return candidate;
        }

        var order = candidate.Value.CompareTo(existing.Value);
        if (order == 0)
        {
            return candidate.Exclusive && !existing.Exclusive ? candidate : existing;
        }

        return (lower ? order > 0 : order < 0) ? candidate : existing;
    }

    // The keyword's pointer is made only for a keyword that is there: most schemas have none of these.
    private static Bound<int>? Max(Bound<int>? current, int? value, string at, string keyword) =>
        value is not { } v ? current : current is { } c && c.Value >= v ? current : new Bound<int>(v, at + keyword, false);

    private static Bound<int>? Min(Bound<int>? current, int? value, string at, string keyword) =>
        value is not { } v ? current : current is { } c && c.Value <= v ? current : new Bound<int>(v, at + keyword, false);
}

/// <summary>A keyword's value, the pointer of the keyword, and (for a numeric bound) whether it excludes the value itself.</summary>
internal readonly record struct Bound<T>(T Value, string Pointer, bool Exclusive);
