using System;
using System.Collections.Generic;
using System.Threading;

namespace Codegen.Runtime;

/// <summary>The JSON types a <c>type</c> keyword allows; <see cref="Integer"/> is a number whose value is whole (1.0 is one).</summary>
[Flags]
internal enum CodegenSchemaTypes : byte
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

/// <summary>OpenAPI's <c>discriminator</c>: the property that names an alternative, and names mapped to references or schema names.</summary>
internal sealed class CodegenDiscriminator
{
    public CodegenDiscriminator(string propertyName, IReadOnlyList<KeyValuePair<string, string>> mapping)
    {
        PropertyName = propertyName;
        Mapping = mapping;
    }

    public string PropertyName { get; }

    /// <summary>The <c>mapping</c> in document order: a value of the property, and a reference (<c>#/components/schemas/Cat</c>) or a schema name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Mapping { get; }
}

/// <summary>
/// One schema of a contract, read with its dialect's meaning and immutable afterwards. Keywords that are absent are
/// null (or empty lists); the dialect's spellings are folded into one model: a draft-07 <c>items</c> array is
/// <see cref="PrefixItems"/> and its <c>additionalItems</c> is <see cref="Items"/>; draft-07's <c>dependencies</c>
/// are <see cref="DependentRequired"/> and <see cref="DependentSchemas"/>; OpenAPI 3.0's <c>nullable</c> is in
/// <see cref="Types"/> and its boolean <c>exclusiveMinimum</c> makes <see cref="Minimum"/> an <see cref="ExclusiveMinimum"/>.
/// Keywords a dialect ignores (siblings of <c>$ref</c> in draft-07) are not in the model; the document's problems name them.
/// </summary>
internal sealed partial class CodegenSchema
{
    private static readonly KeyValuePair<string, CodegenSchema>[] NoProperties = Array.Empty<KeyValuePair<string, CodegenSchema>>();
    private static readonly KeyValuePair<CodegenPattern, CodegenSchema>[] NoPatternProperties = Array.Empty<KeyValuePair<CodegenPattern, CodegenSchema>>();
    private static readonly KeyValuePair<string, IReadOnlyList<string>>[] NoDependentRequired = Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>();
    private static readonly string[] NoNames = Array.Empty<string>();

    private readonly bool _inEmbeddedResource;
    private Dictionary<string, CodegenSchema>? _propertyIndex;
    private HashSet<CodegenJson>? _enumSet;
    private CodegenSchema? _referenceTarget;

    /// <summary>The document this schema belongs to; <see cref="ReferenceTarget"/> resolves in it.</summary>
    public CodegenSchemaDocument Document { get; }

    /// <summary>The plain JSON pointer of this schema in its document, e.g. <c>/definitions/A/properties/b</c> (<c>""</c> is the root).</summary>
    public string Pointer { get; }

    /// <summary>The schema as written.</summary>
    public CodegenJson Json { get; }

    /// <summary><c>true</c> or <c>false</c> for a boolean schema (anything, or nothing, is valid); null for an object schema.</summary>
    public bool? BooleanValue { get; private set; }

    public CodegenSchemaTypes Types { get; private set; }

    /// <summary><c>nullable: true</c> was written (OpenAPI 3.0's keyword); whether it added null is in <see cref="Types"/>, and the problems say why not.</summary>
    public bool NullableKeyword { get; private set; }

    public IReadOnlyList<CodegenJson>? Enum { get; private set; }

    public CodegenJson? Const { get; private set; }

    public CodegenNumber? MultipleOf { get; private set; }

    public CodegenNumber? Minimum { get; private set; }

    public CodegenNumber? Maximum { get; private set; }

    public CodegenNumber? ExclusiveMinimum { get; private set; }

    public CodegenNumber? ExclusiveMaximum { get; private set; }

    /// <summary>In code points, as JSON Schema counts string length (counts beyond <see cref="int.MaxValue"/> are saturated).</summary>
    public int? MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public CodegenPattern? Pattern { get; private set; }

    /// <summary>The schemas of the first items, one each (2020-12's <c>prefixItems</c>, draft-07's <c>items</c> array).</summary>
    public IReadOnlyList<CodegenSchema>? PrefixItems { get; private set; }

    /// <summary>The schema of every item after <see cref="PrefixItems"/>, or of every item when there are none (draft-07's <c>additionalItems</c> after a tuple).</summary>
    public CodegenSchema? Items { get; private set; }

    public CodegenSchema? Contains { get; private set; }

    /// <summary>2020-12's <c>minContains</c>; without it, <see cref="Contains"/> needs one matching item.</summary>
    public int? MinContains { get; private set; }

    public int? MaxContains { get; private set; }

    public int? MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    /// <summary>No two items equal as JSON values (1 equals 1.0; key order does not matter).</summary>
    public bool UniqueItems { get; private set; }

    /// <summary>The <c>properties</c> in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, CodegenSchema>> Properties { get; private set; } = NoProperties;

    public IReadOnlyList<string> Required { get; private set; } = NoNames;

    public CodegenSchema? AdditionalProperties { get; private set; }

    public IReadOnlyList<KeyValuePair<CodegenPattern, CodegenSchema>> PatternProperties { get; private set; } = NoPatternProperties;

    public CodegenSchema? PropertyNames { get; private set; }

    public int? MinProperties { get; private set; }

    public int? MaxProperties { get; private set; }

    /// <summary>When the named property is present, these must be present too (2020-12's <c>dependentRequired</c>, draft-07's <c>dependencies</c> arrays).</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> DependentRequired { get; private set; } = NoDependentRequired;

    /// <summary>The keyword <see cref="DependentRequired"/> was read from: <c>dependentRequired</c> or <c>dependencies</c>.</summary>
    internal string DependentRequiredKeyword { get; private set; } = "dependentRequired";

    /// <summary>When the named property is present, the object must match the schema (2020-12's <c>dependentSchemas</c>, draft-07's <c>dependencies</c> schemas).</summary>
    public IReadOnlyList<KeyValuePair<string, CodegenSchema>> DependentSchemas { get; private set; } = NoProperties;

    public IReadOnlyList<CodegenSchema>? AllOf { get; private set; }

    public IReadOnlyList<CodegenSchema>? AnyOf { get; private set; }

    /// <summary>Exactly one must match.</summary>
    public IReadOnlyList<CodegenSchema>? OneOf { get; private set; }

    public CodegenSchema? Not { get; private set; }

    public CodegenSchema? If { get; private set; }

    public CodegenSchema? Then { get; private set; }

    public CodegenSchema? Else { get; private set; }

    /// <summary>The <c>$ref</c> as written, or null.</summary>
    public string? Reference { get; private set; }

    /// <summary>The plain pointer <see cref="Reference"/> resolves to, or null when it does not resolve or is not supported (the problems say which).</summary>
    public string? ReferencePointer { get; private set; }

    /// <summary>Why a reference of this schema cannot be followed (unresolved or unsupported), or null; evaluating the schema then reports it.</summary>
    internal string? UncheckableReason { get; private set; }

    /// <summary>The keyword of <see cref="UncheckableReason"/>: <c>$ref</c>, <c>$dynamicRef</c> or <c>$recursiveRef</c>.</summary>
    internal string UncheckableKeyword { get; private set; } = "$ref";

    /// <summary>The schema <see cref="Reference"/> points at, read on first use; null when it does not resolve.</summary>
    public CodegenSchema? ReferenceTarget
    {
        get
        {
            var target = Volatile.Read(ref _referenceTarget);
            if (target is null && ReferencePointer is not null)
            {
                // The document returns one node per pointer, so a race stores the same instance twice.
                target = Document.Get(ReferencePointer);
                Volatile.Write(ref _referenceTarget, target);
            }

            return target;
        }
    }

    public string? Title { get; private set; }

    public string? Description { get; private set; }

    public CodegenJson? Default { get; private set; }

    /// <summary>JSON Schema's <c>examples</c> array.</summary>
    public IReadOnlyList<CodegenJson>? Examples { get; private set; }

    /// <summary>OpenAPI's single <c>example</c>.</summary>
    public CodegenJson? Example { get; private set; }

    /// <summary>An annotation: formats are not asserted (JSON Schema's default for draft-07 and 2020-12 alike).</summary>
    public string? Format { get; private set; }

    public bool ReadOnly { get; private set; }

    public bool WriteOnly { get; private set; }

    public bool Deprecated { get; private set; }

    public CodegenDiscriminator? Discriminator { get; private set; }

    /// <summary>Whether any keyword of the kind applies (the evaluator skips the rest).</summary>
    internal bool HasNumberRules { get; private set; }

    internal bool HasStringRules { get; private set; }

    internal bool HasArrayRules { get; private set; }

    internal bool HasObjectRules { get; private set; }

    internal bool HasApplicators { get; private set; }

    /// <summary>The schema of the property <paramref name="name"/> in <see cref="Properties"/>.</summary>
    public bool TryGetProperty(string name, out CodegenSchema schema)
    {
        if (_propertyIndex is not null)
        {
            return _propertyIndex.TryGetValue(name, out schema!);
        }

        for (var propertyIndex = 0; propertyIndex < Properties.Count; propertyIndex++)
        {
            var property = Properties[propertyIndex];
            if (string.Equals(property.Key, name, StringComparison.Ordinal))
            {
                schema = property.Value;
                return true;
            }
        }

        schema = null!;
        return false;
    }

    /// <summary>Whether <paramref name="value"/> is one of <see cref="Enum"/> (JSON equality).</summary>
    internal bool EnumContains(CodegenJson value)
    {
        if (_enumSet is not null)
        {
            return _enumSet.Contains(value);
        }

        for (var allowedIndex = 0; allowedIndex < Enum!.Count; allowedIndex++)
        {
            var allowed = Enum![allowedIndex];
            if (allowed.Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every schema this one applies to its value or to parts of it, in keyword order (not <see cref="ReferenceTarget"/>).</summary>
    public IEnumerable<CodegenSchema> Subschemas()
    {
        if (PrefixItems is not null)
        {
            foreach (var item in PrefixItems)
            {
                yield return item;
            }
        }

        foreach (var single in new[] { Items, Contains, AdditionalProperties, PropertyNames, Not, If, Then, Else })
        {
            if (single is not null)
            {
                yield return single;
            }
        }

        foreach (var property in Properties)
        {
            yield return property.Value;
        }

        foreach (var property in PatternProperties)
        {
            yield return property.Value;
        }

        foreach (var dependency in DependentSchemas)
        {
            yield return dependency.Value;
        }

        foreach (var list in new[] { AllOf, AnyOf, OneOf })
        {
            if (list is not null)
            {
                foreach (var schema in list)
                {
                    yield return schema;
                }
            }
        }
    }

    /// <summary>The schema's location as a <c>$ref</c> would write it.</summary>
    public override string ToString() => "#" + Pointer;
}
