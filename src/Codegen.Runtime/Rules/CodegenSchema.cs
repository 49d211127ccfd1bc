namespace Codegen.Runtime;

// Why one file of over 500 lines: the runtime's files are emitted into consumers one type to a file, each marked
// [GeneratedCode], which a partial type cannot carry twice; and the reader below sets the model's private state.
// The file is in two halves: the model (keywords as properties) and its reader (one Read method per keyword).

/// <summary>
/// One schema of a contract, read with its dialect's meaning and immutable afterwards. Keywords that are absent are
/// null (or empty lists); the dialect's spellings are folded into one model: a draft-07 <c>items</c> array is
/// <see cref="PrefixItems"/> and its <c>additionalItems</c> is <see cref="Items"/>; draft-07's <c>dependencies</c>
/// are <see cref="DependentRequired"/> and <see cref="DependentSchemas"/>; OpenAPI 3.0's <c>nullable</c> is in
/// <see cref="Types"/> and its boolean <c>exclusiveMinimum</c> makes <see cref="Minimum"/> an <see cref="ExclusiveMinimum"/>.
/// Keywords a dialect ignores (siblings of <c>$ref</c> in draft-07) are not in the model; the document's problems name them.
/// </summary>
internal sealed class CodegenSchema
{
    private static readonly global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>[] NoProperties = global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>>();
    private static readonly global::System.Collections.Generic.KeyValuePair<CodegenPattern, CodegenSchema>[] NoPatternProperties = global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<CodegenPattern, CodegenSchema>>();
    private static readonly global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IReadOnlyList<string>>[] NoDependentRequired = global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IReadOnlyList<string>>>();
    private static readonly string[] NoNames = global::System.Array.Empty<string>();

    /// <summary>Enums longer than this are looked up in a set.</summary>
    private const int EnumSetThreshold = 8;

    private readonly bool _inEmbeddedResource;
    private global::System.Collections.Generic.Dictionary<string, CodegenSchema>? _propertyIndex;
    private global::System.Collections.Generic.HashSet<CodegenJson>? _enumSet;
    private CodegenSchema? _referenceTarget;

    /// <summary>Reads the schema <paramref name="json"/> at <paramref name="pointer"/>; its subschemas are read now, its reference on first use.</summary>
    internal CodegenSchema(CodegenSchemaDocument document, string pointer, CodegenJson json, bool inEmbeddedResource)
    {
        Document = document;
        Pointer = pointer;
        Json = json;
        _inEmbeddedResource = inEmbeddedResource || (pointer.Length > 0 && document.IsResourceRoot(json));
        switch (json.Kind)
        {
            case CodegenJsonKind.True:
                BooleanValue = true;
                return;
            case CodegenJsonKind.False:
                BooleanValue = false;
                return;
            case CodegenJsonKind.Object:
                Read();
                return;
            default:
                Problem(pointer, CodegenSchemaProblemKind.InvalidValue, "A schema must be an object or a boolean, not " + KindName(json) + ".");
                return;
        }
    }

    /// <summary>The document this schema belongs to; <see cref="ReferenceTarget"/> resolves in it.</summary>
    public CodegenSchemaDocument Document { get; }

    /// <summary>The plain JSON pointer of this schema in its document, e.g. <c>/definitions/A/properties/b</c> (<c>""</c> is the root).</summary>
    public string Pointer { get; }

    /// <summary>The schema as written.</summary>
    public CodegenJson Json { get; }

    /// <summary><c>true</c> or <c>false</c> for a boolean schema (anything, or nothing, is valid); null for an object schema.</summary>
    public bool? BooleanValue { get; private set; }

    public CodegenSchemaTypes Types { get; private set; }

    /// <summary>
    /// Null is valid whatever the other keywords say: an OpenAPI 3.1 document's <c>nullable: true</c> on a schema without <c>type</c>
    /// (beside <c>$ref</c> or <c>allOf</c>), read as its authors mean it.
    /// </summary>
    public bool AcceptsNull { get; private set; }

    /// <summary><c>nullable: true</c> was written (OpenAPI 3.0's keyword); whether it added null is in <see cref="Types"/> or <see cref="AcceptsNull"/>, and the problems say why not.</summary>
    public bool NullableKeyword { get; private set; }

    public global::System.Collections.Generic.IReadOnlyList<CodegenJson>? Enum { get; private set; }

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
    public global::System.Collections.Generic.IReadOnlyList<CodegenSchema>? PrefixItems { get; private set; }

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
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>> Properties { get; private set; } = NoProperties;

    public global::System.Collections.Generic.IReadOnlyList<string> Required { get; private set; } = NoNames;

    public CodegenSchema? AdditionalProperties { get; private set; }

    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<CodegenPattern, CodegenSchema>> PatternProperties { get; private set; } = NoPatternProperties;

    public CodegenSchema? PropertyNames { get; private set; }

    public int? MinProperties { get; private set; }

    public int? MaxProperties { get; private set; }

    /// <summary>When the named property is present, these must be present too (2020-12's <c>dependentRequired</c>, draft-07's <c>dependencies</c> arrays).</summary>
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IReadOnlyList<string>>> DependentRequired { get; private set; } = NoDependentRequired;

    /// <summary>The keyword <see cref="DependentRequired"/> was read from: <c>dependentRequired</c> or <c>dependencies</c>.</summary>
    internal string DependentRequiredKeyword { get; private set; } = "dependentRequired";

    /// <summary>When the named property is present, the object must match the schema (2020-12's <c>dependentSchemas</c>, draft-07's <c>dependencies</c> schemas).</summary>
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>> DependentSchemas { get; private set; } = NoProperties;

    public global::System.Collections.Generic.IReadOnlyList<CodegenSchema>? AllOf { get; private set; }

    public global::System.Collections.Generic.IReadOnlyList<CodegenSchema>? AnyOf { get; private set; }

    /// <summary>Exactly one must match.</summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenSchema>? OneOf { get; private set; }

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
            var target = global::System.Threading.Volatile.Read(ref _referenceTarget);
            if (target is null && ReferencePointer is not null)
            {
                // The document returns one node per pointer, so a race stores the same instance twice.
                target = Document.Get(ReferencePointer);
                global::System.Threading.Volatile.Write(ref _referenceTarget, target);
            }

            return target;
        }
    }

    public string? Title { get; private set; }

    public string? Description { get; private set; }

    public CodegenJson? Default { get; private set; }

    /// <summary>JSON Schema's <c>examples</c> array.</summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenJson>? Examples { get; private set; }

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
            if (string.Equals(property.Key, name, global::System.StringComparison.Ordinal))
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
    public global::System.Collections.Generic.IEnumerable<CodegenSchema> Subschemas()
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

    private CodegenSchemaDialect Dialect => Document.Dialect;

    private void Read()
    {
        var dialect = Dialect;
        var hasReference = Json.TryGetProperty("$ref", out var reference);
        if (hasReference)
        {
            ReadReference(reference);
        }

        var siblingsIgnored = hasReference && dialect.RefReplacesSiblings();
        CodegenJson? items = null;
        CodegenJson? additionalItems = null;
        CodegenJson? exclusiveMinimum = null;
        CodegenJson? exclusiveMaximum = null;
        var nullable = false;
        foreach (var member in Json.Members)
        {
            var key = member.Key;
            var value = member.Value;
            if (ReadAnnotation(key, value))
            {
                continue;
            }

            if (siblingsIgnored && IsValidationKeyword(key, dialect))
            {
                Problem(At(key), CodegenSchemaProblemKind.Ignored, "'" + key + "' beside '$ref' is ignored in " + dialect.DisplayName() + "; to apply both, write \"allOf\": [{\"$ref\": \"" + Reference + "\"}, {\"" + key + "\": ...}].");
                continue;
            }

            switch (key)
            {
                case "type":
                    ReadTypes(value);
                    break;
                case "enum":
                    ReadEnum(value);
                    break;
                case "const":
                    Const = value;
                    break;
                case "multipleOf":
                    if (ReadNumber(key, value) is { } divisor)
                    {
                        if (divisor.Sign > 0)
                        {
                            MultipleOf = divisor;
                        }
                        else
                        {
                            Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'multipleOf' must be greater than 0, not " + divisor + ".");
                        }
                    }

                    break;
                case "minimum":
                    Minimum = ReadNumber(key, value);
                    break;
                case "maximum":
                    Maximum = ReadNumber(key, value);
                    break;
                case "exclusiveMinimum":
                    exclusiveMinimum = value;
                    break;
                case "exclusiveMaximum":
                    exclusiveMaximum = value;
                    break;
                case "minLength":
                    MinLength = ReadCount(key, value);
                    break;
                case "maxLength":
                    MaxLength = ReadCount(key, value);
                    break;
                case "pattern":
                    if (value.Kind != CodegenJsonKind.String)
                    {
                        Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'pattern' must be a string (an ECMA-262 regular expression), not " + KindName(value) + ".");
                    }
                    else
                    {
                        Pattern = ReadPattern(At(key), value.StringValue, "'pattern'");
                    }

                    break;
                case "items":
                    items = value;
                    break;
                case "additionalItems":
                    additionalItems = value;
                    break;
                case "prefixItems":
                    if (dialect.Is202012())
                    {
                        PrefixItems = ReadSchemaArray(key, value);
                    }
                    else
                    {
                        NotInDialect(key, "write the tuple as an 'items' array");
                    }

                    break;
                case "contains":
                    Contains = ReadSubschema(key, value);
                    break;
                case "minContains":
                case "maxContains":
                    if (dialect.Is202012())
                    {
                        var count = ReadCount(key, value);
                        if (key == "minContains")
                        {
                            MinContains = count;
                        }
                        else
                        {
                            MaxContains = count;
                        }
                    }
                    else
                    {
                        NotInDialect(key, "it arrived in 2019-09");
                    }

                    break;
                case "minItems":
                    MinItems = ReadCount(key, value);
                    break;
                case "maxItems":
                    MaxItems = ReadCount(key, value);
                    break;
                case "uniqueItems":
                    UniqueItems = ReadBoolean(key, value) ?? false;
                    break;
                case "properties":
                    ReadProperties(value);
                    break;
                case "required":
                    Required = ReadNames(key, value) ?? NoNames;
                    break;
                case "additionalProperties":
                    AdditionalProperties = ReadSubschema(key, value);
                    break;
                case "patternProperties":
                    ReadPatternProperties(value);
                    break;
                case "propertyNames":
                    PropertyNames = ReadSubschema(key, value);
                    break;
                case "minProperties":
                    MinProperties = ReadCount(key, value);
                    break;
                case "maxProperties":
                    MaxProperties = ReadCount(key, value);
                    break;
                case "dependencies":
                    if (dialect.Is202012())
                    {
                        // Split in 2019-09 but still common: read as draft-07 means it, and say so.
                        Problem(At(key), CodegenSchemaProblemKind.Compatibility, "'dependencies' is draft-07's; it is read as draft-07 means it. In " + dialect.DisplayName() + " write 'dependentRequired' for lists of names and 'dependentSchemas' for schemas.");
                    }

                    ReadDependencies(value, required: true, schemas: true);
                    break;
                case "dependentRequired":
                case "dependentSchemas":
                    if (dialect.Is202012())
                    {
                        ReadDependencies(value, required: key == "dependentRequired", schemas: key == "dependentSchemas");
                    }
                    else
                    {
                        NotInDialect(key, "use 'dependencies'");
                    }

                    break;
                case "allOf":
                    AllOf = ReadSchemaArray(key, value);
                    break;
                case "anyOf":
                    AnyOf = ReadSchemaArray(key, value);
                    break;
                case "oneOf":
                    OneOf = ReadSchemaArray(key, value);
                    break;
                case "not":
                    Not = ReadSubschema(key, value);
                    break;
                case "if":
                    If = ReadSubschema(key, value);
                    break;
                case "then":
                    Then = ReadSubschema(key, value);
                    break;
                case "else":
                    Else = ReadSubschema(key, value);
                    break;
                case "nullable":
                    nullable = ReadBoolean(key, value) ?? false;
                    break;
                case "$schema":
                    ReadMetaschema(value);
                    break;
                case "unevaluatedProperties":
                case "unevaluatedItems":
                    Problem(At(key), CodegenSchemaProblemKind.Unsupported, "'" + key + "' is not supported; list what is allowed with '" + (key == "unevaluatedProperties" ? "properties' and 'additionalProperties'" : "prefixItems' and 'items'") + " instead.");
                    break;
                case "$recursiveRef":
                case "$dynamicRef" when !Dialect.Is202012():
                    // Not a keyword of this dialect ($recursiveRef is 2019-09's; $dynamicRef 2020-12's): it has no effect.
                    Problem(At(key), CodegenSchemaProblemKind.Ignored, "'" + key + "' is not a keyword of " + Dialect.DisplayName() + ", so it has no effect and values are not checked against what it names; refer to the schema with '$ref' and a JSON pointer"
                        + (NearestAncestorWith(key == "$dynamicRef" ? "$dynamicAnchor" : "$recursiveAnchor") is { } named ? ": \"$ref\": \"#" + named + "\"." : "."));
                    break;
                case "$dynamicRef":
                    var anchor = NearestAncestorWith("$dynamicAnchor");
                    Problem(At(key), CodegenSchemaProblemKind.Unsupported, "'" + key + "' is not supported; refer to the schema with '$ref' and a JSON pointer"
                        + (anchor is null ? " such as '#/$defs/Node'." : ": \"$ref\": \"#" + anchor + "\"."));
                    SetUncheckable(key, "'" + key + "' is not supported");
                    break;
            }
        }

        if (!siblingsIgnored)
        {
            ReadItems(items, additionalItems);
            ReadExclusiveBounds(exclusiveMinimum, exclusiveMaximum);
            if (nullable)
            {
                ReadNullable();
            }
        }

        if (If is null && (Then is not null || Else is not null))
        {
            // JSON Schema: without 'if', 'then' and 'else' do nothing.
            Then = null;
            Else = null;
        }

        if (Contains is null && (MinContains is not null || MaxContains is not null))
        {
            MinContains = null;
            MaxContains = null;
        }

        HasNumberRules = MultipleOf is not null || Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null;
        HasStringRules = MinLength is not null || MaxLength is not null || Pattern is not null;
        HasArrayRules = PrefixItems is not null || Items is not null || Contains is not null || MinItems is not null || MaxItems is not null || UniqueItems;
        HasObjectRules = Properties.Count > 0 || Required.Count > 0 || AdditionalProperties is not null || PatternProperties.Count > 0 || PropertyNames is not null
            || MinProperties is not null || MaxProperties is not null || DependentRequired.Count > 0 || DependentSchemas.Count > 0;
        HasApplicators = AllOf is not null || AnyOf is not null || OneOf is not null || Not is not null || If is not null;
    }

    /// <summary>Annotations are read in every dialect, also beside a <c>$ref</c> that replaces its siblings: they change no verdict.</summary>
    private bool ReadAnnotation(string key, CodegenJson value)
    {
        switch (key)
        {
            case "title":
                Title = ReadString(key, value);
                return true;
            case "description":
                Description = ReadString(key, value);
                return true;
            case "default":
                Default = value;
                return true;
            case "examples":
                if (value.Kind == CodegenJsonKind.Array)
                {
                    Examples = value.Items;
                }
                else
                {
                    Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'examples' must be an array of values, not " + KindName(value) + " (OpenAPI's single value is 'example').");
                }

                return true;
            case "example":
                Example = value;
                return true;
            case "format":
                Format = ReadString(key, value);
                return true;
            case "readOnly":
                ReadOnly = ReadBoolean(key, value) ?? false;
                return true;
            case "writeOnly":
                WriteOnly = ReadBoolean(key, value) ?? false;
                return true;
            case "deprecated":
                Deprecated = ReadBoolean(key, value) ?? false;
                return true;
            case "discriminator":
                if (Dialect.IsOpenApi())
                {
                    ReadDiscriminator(value);
                }

                return true;
            case "$ref":
                return true;
            default:
                return false;
        }
    }

    private static bool IsValidationKeyword(string key, CodegenSchemaDialect dialect) => key switch
    {
        "type" or "enum" or "const" or "multipleOf" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum"
            or "minLength" or "maxLength" or "pattern" or "items" or "additionalItems" or "prefixItems" or "contains" or "minContains" or "maxContains"
            or "minItems" or "maxItems" or "uniqueItems" or "properties" or "required" or "additionalProperties" or "patternProperties"
            or "propertyNames" or "minProperties" or "maxProperties" or "dependencies" or "dependentRequired" or "dependentSchemas"
            or "allOf" or "anyOf" or "oneOf" or "not" or "if" or "then" or "else" => true,
        "nullable" => dialect.IsOpenApi(),
        _ => false,
    };

    private void ReadReference(CodegenJson value)
    {
        var at = At("$ref");
        if (value.Kind != CodegenJsonKind.String)
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, "'$ref' must be a string such as \"#/definitions/Name\", not " + KindName(value) + ".");
            SetUncheckable("$ref", "'$ref' is not a string");
            return;
        }

        var text = value.StringValue;
        Reference = text;
        var fragment = text;
        if (text.Length == 0 || text[0] != '#')
        {
            // The document's own $id may prefix a pointer ("urn:example#/definitions/a"); anything else names another resource.
            var rootId = Document.RootId;
            if (rootId is null || _inEmbeddedResource || !(text == rootId || text.StartsWith(rootId + "#", global::System.StringComparison.Ordinal)))
            {
                Problem(at, CodegenSchemaProblemKind.Unsupported, "The reference '" + text + "' names another document or an '$id', which is not supported; refer inside this document with a JSON pointer such as '#/definitions/Name'.");
                SetUncheckable("$ref", "the reference '" + text + "' names another document or an '$id', which is not supported");
                return;
            }

            fragment = text.Substring(rootId.Length);
            if (fragment.Length == 0)
            {
                fragment = "#";
            }
        }

        if (fragment.Length > 1 && fragment[1] != '/')
        {
            Problem(at, CodegenSchemaProblemKind.Unsupported, "The reference '" + text + "' names an anchor, which is not supported; refer with a JSON pointer such as '#/definitions/Name'.");
            SetUncheckable("$ref", "the reference '" + text + "' names an anchor, which is not supported");
            return;
        }

        if (_inEmbeddedResource)
        {
            Problem(at, CodegenSchemaProblemKind.Unsupported, "The reference '" + text + "' is inside a schema with its own '$id', so it resolves against that '$id', which is not supported; remove the inner '$id' or move the definitions to the document.");
            SetUncheckable("$ref", "the reference '" + text + "' resolves against an inner '$id', which is not supported");
            return;
        }

        if (!CodegenJsonPointer.TryNormalize(fragment, out var pointer))
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, "The reference '" + text + "' is not a JSON pointer: escape '~' as '~0', '/' in a name as '~1', and write percent escapes as %XX.");
            SetUncheckable("$ref", "the reference '" + text + "' is not a JSON pointer");
            return;
        }

        var target = Document.Find(pointer);
        if (target is null)
        {
            Problem(at, CodegenSchemaProblemKind.UnresolvedReference, "The reference '" + text + "' points at nothing in the document" + Document.DescribeNearest(pointer) + ".");
            SetUncheckable("$ref", "the reference '" + text + "' points at nothing");
            return;
        }

        if (target.Kind is not (CodegenJsonKind.Object or CodegenJsonKind.True or CodegenJsonKind.False))
        {
            Problem(at, CodegenSchemaProblemKind.UnresolvedReference, "The reference '" + text + "' points at " + KindName(target) + ", not at a schema.");
            SetUncheckable("$ref", "the reference '" + text + "' points at " + KindName(target) + ", not at a schema");
            return;
        }

        ReferencePointer = pointer;
    }

    /// <summary>A <c>$schema</c> can only confirm the dialect: the engine reads one dialect per document, and no custom vocabularies.</summary>
    private void ReadMetaschema(CodegenJson value)
    {
        if (value.Kind != CodegenJsonKind.String)
        {
            Problem(At("$schema"), CodegenSchemaProblemKind.InvalidValue, "'$schema' must be the URI of a metaschema, not " + KindName(value) + ".");
            return;
        }

        var uri = value.StringValue;
        var dialect = Dialect;
        var official = uri.StartsWith("http://json-schema.org/", global::System.StringComparison.Ordinal) || uri.StartsWith("https://json-schema.org/", global::System.StringComparison.Ordinal);
        if (!official && !uri.StartsWith("https://spec.openapis.org/oas/3.1/dialect/", global::System.StringComparison.Ordinal))
        {
            Problem(At("$schema"), CodegenSchemaProblemKind.Unsupported, "The metaschema '" + uri + "' is not supported (custom vocabularies cannot change what keywords mean here); the keywords are read as " + dialect.DisplayName() + " defines them. Remove '$schema' or name the standard metaschema.");
            return;
        }

        var same = dialect.Is202012()
            ? uri.IndexOf("/draft/2020-12/", global::System.StringComparison.Ordinal) >= 0 || !official
            : uri.IndexOf("/draft-07/", global::System.StringComparison.Ordinal) >= 0;
        if (!same)
        {
            Problem(At("$schema"), CodegenSchemaProblemKind.Ignored, "'$schema' names '" + uri + "', but the document is read as " + dialect.DisplayName() + "; one dialect applies to the whole document.");
        }
    }

    private void ReadTypes(CodegenJson value)
    {
        if (value.Kind == CodegenJsonKind.String)
        {
            Types = ReadTypeName(At("type"), value.StringValue);
            return;
        }

        if (value.Kind != CodegenJsonKind.Array || value.Items.Count == 0)
        {
            Problem(At("type"), CodegenSchemaProblemKind.InvalidValue, "'type' must be a type name or a non-empty array of them, not " + KindName(value) + ".");
            return;
        }

        var types = CodegenSchemaTypes.None;
        var at = At("type");
        for (var i = 0; i < value.Items.Count; i++)
        {
            var item = value.Items[i];
            if (item.Kind != CodegenJsonKind.String)
            {
                Problem(CodegenJsonPointer.Append(at, i), CodegenSchemaProblemKind.InvalidValue, "'type' lists type names, not " + KindName(item) + ".");
                continue;
            }

            var type = ReadTypeName(CodegenJsonPointer.Append(at, i), item.StringValue);
            if ((types & type) != 0)
            {
                Problem(CodegenJsonPointer.Append(at, i), CodegenSchemaProblemKind.Ignored, "'type' lists '" + item.StringValue + "' twice; the repeat has no effect, remove it.");
            }

            types |= type;
        }

        Types = types;
    }

    private CodegenSchemaTypes ReadTypeName(string at, string name)
    {
        switch (name)
        {
            case "null":
                return CodegenSchemaTypes.Null;
            case "boolean":
                return CodegenSchemaTypes.Boolean;
            case "object":
                return CodegenSchemaTypes.Object;
            case "array":
                return CodegenSchemaTypes.Array;
            case "number":
                return CodegenSchemaTypes.Number;
            case "string":
                return CodegenSchemaTypes.String;
            case "integer":
                return CodegenSchemaTypes.Integer;
            default:
                Problem(at, CodegenSchemaProblemKind.InvalidValue, "'" + name + "' is not a type; use one of null, boolean, object, array, number, string, integer" + (name is "int" or "long" or "float" or "double" or "bool" ? " (with 'format' for the size)" : string.Empty) + ".");
                return CodegenSchemaTypes.None;
        }
    }

    private void ReadEnum(CodegenJson value)
    {
        if (value.Kind != CodegenJsonKind.Array)
        {
            Problem(At("enum"), CodegenSchemaProblemKind.InvalidValue, "'enum' must be an array of the allowed values, not " + KindName(value) + ".");
            return;
        }

        Enum = value.Items;
        if (value.Items.Count > EnumSetThreshold)
        {
            _enumSet = new global::System.Collections.Generic.HashSet<CodegenJson>(value.Items);
        }
    }

    private void ReadItems(CodegenJson? items, CodegenJson? additionalItems)
    {
        var dialect = Dialect;
        if (items is not null)
        {
            if (items.Kind == CodegenJsonKind.Array)
            {
                if (dialect.Is202012())
                {
                    Problem(At("items"), CodegenSchemaProblemKind.InvalidValue, "In " + dialect.DisplayName() + " 'items' is one schema; write a tuple as 'prefixItems'.");
                }
                else if (dialect == CodegenSchemaDialect.OpenApi30)
                {
                    Problem(At("items"), CodegenSchemaProblemKind.InvalidValue, "In OpenAPI 3.0 'items' is one schema, not an array; OpenAPI 3.0 has no tuples.");
                }
                else
                {
                    PrefixItems = ReadSchemaArray("items", items, allowEmpty: true);
                    if (additionalItems is not null)
                    {
                        Items = ReadSubschema("additionalItems", additionalItems);
                    }

                    return;
                }
            }
            else
            {
                Items = ReadSubschema("items", items);
            }
        }

        if (additionalItems is not null)
        {
            if (dialect.Is202012())
            {
                NotInDialect("additionalItems", "'items' beside 'prefixItems' applies to the rest");
            }
            else
            {
                Problem(At("additionalItems"), CodegenSchemaProblemKind.Ignored, "'additionalItems' applies only after an 'items' array (a tuple); here it has no effect.");
            }
        }
    }

    private void ReadExclusiveBounds(CodegenJson? exclusiveMinimum, CodegenJson? exclusiveMaximum)
    {
        if (exclusiveMinimum is not null)
        {
            ReadExclusiveBound("exclusiveMinimum", "minimum", exclusiveMinimum, lower: true);
        }

        if (exclusiveMaximum is not null)
        {
            ReadExclusiveBound("exclusiveMaximum", "maximum", exclusiveMaximum, lower: false);
        }
    }

    private void ReadExclusiveBound(string key, string boundKey, CodegenJson value, bool lower)
    {
        var dialect = Dialect;
        if (value.IsBoolean)
        {
            if (!dialect.IsOpenApi())
            {
                Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "In " + dialect.DisplayName() + " '" + key + "' is the bound itself, a number; write \"" + key + "\": <bound> instead of '" + boundKey + "' with \"" + key + "\": true.");
                return;
            }

            var bound = lower ? Minimum : Maximum;
            if (dialect == CodegenSchemaDialect.OpenApi31)
            {
                Problem(At(key), CodegenSchemaProblemKind.Compatibility, "A boolean '" + key + "' is OpenAPI 3.0's; it is read as 3.0 means it (it makes '" + boundKey + "' exclusive). In 3.1 write \"" + key + "\": <bound>.");
            }

            if (value.Kind != CodegenJsonKind.True)
            {
                return;
            }

            if (bound is null)
            {
                Problem(At(key), CodegenSchemaProblemKind.Ignored, "'" + key + "': true has no effect without '" + boundKey + "'.");
                return;
            }

            if (lower)
            {
                ExclusiveMinimum = bound;
                Minimum = null;
            }
            else
            {
                ExclusiveMaximum = bound;
                Maximum = null;
            }

            return;
        }

        if (value.Kind == CodegenJsonKind.Number && dialect == CodegenSchemaDialect.OpenApi30)
        {
            Problem(At(key), CodegenSchemaProblemKind.Compatibility, "A numeric '" + key + "' is JSON Schema's (OpenAPI 3.1); it is read as the exclusive bound. In OpenAPI 3.0 write '" + boundKey + "' with \"" + key + "\": true.");
        }

        var number = ReadNumber(key, value);
        if (lower)
        {
            ExclusiveMinimum = number;
        }
        else
        {
            ExclusiveMaximum = number;
        }
    }

    private void ReadNullable()
    {
        NullableKeyword = true;
        var dialect = Dialect;
        if (!dialect.IsOpenApi())
        {
            Problem(At("nullable"), CodegenSchemaProblemKind.Ignored, "'nullable' is OpenAPI 3.0's, not a JSON Schema keyword, and has no effect; allow null with \"type\": [\"...\", \"null\"].");
            return;
        }

        if (Types == CodegenSchemaTypes.None)
        {
            if (dialect == CodegenSchemaDialect.OpenApi31)
            {
                // A 3.1 document that writes 3.0's keyword beside '$ref' or 'allOf' means "or null": real servers send null there.
                AcceptsNull = true;
                Problem(At("nullable"), CodegenSchemaProblemKind.Compatibility, "'nullable' is OpenAPI 3.0's; here, without 'type', it is read as allowing null besides what the schema allows. In 3.1 write \"anyOf\": [..., {\"type\": \"null\"}].");
                return;
            }

            Problem(At("nullable"), CodegenSchemaProblemKind.Ignored, "'nullable' has no effect without 'type' (OpenAPI 3.0.3 says so), so null is not allowed here; give the schema a 'type'.");
            return;
        }

        Types |= CodegenSchemaTypes.Null;
        var rejected = Enum is not null && !EnumContains(CodegenJson.Null);
        if (dialect == CodegenSchemaDialect.OpenApi31)
        {
            Problem(At("nullable"), CodegenSchemaProblemKind.Compatibility, "'nullable' is OpenAPI 3.0's; it is read as 3.0 means it (null is added to 'type')"
                + (rejected ? ", but 'enum' does not list null, so null is still not allowed" : string.Empty) + ". In 3.1 write \"type\": [\"...\", \"null\"].");
        }
        else if (rejected)
        {
            Problem(At("nullable"), CodegenSchemaProblemKind.Ignored, "'nullable' adds null to 'type', but 'enum' does not list null, so null is still not allowed; add null to 'enum'.");
        }
    }

    private void ReadProperties(CodegenJson value)
    {
        if (value.Kind != CodegenJsonKind.Object)
        {
            Problem(At("properties"), CodegenSchemaProblemKind.InvalidValue, "'properties' must be an object of schemas, not " + KindName(value) + ".");
            return;
        }

        var at = At("properties");
        var properties = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>>(value.Members.Count);
        foreach (var member in value.Members)
        {
            if (ReadSchema(CodegenJsonPointer.Append(at, member.Key), member.Value, "The property '" + member.Key + "'") is { } schema)
            {
                properties.Add(new global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>(member.Key, schema));
            }
        }

        Properties = properties;
        if (properties.Count > 4)
        {
            var index = new global::System.Collections.Generic.Dictionary<string, CodegenSchema>(properties.Count, global::System.StringComparer.Ordinal);
            foreach (var property in properties)
            {
                index[property.Key] = property.Value;
            }

            _propertyIndex = index;
        }
    }

    private void ReadPatternProperties(CodegenJson value)
    {
        if (value.Kind != CodegenJsonKind.Object)
        {
            Problem(At("patternProperties"), CodegenSchemaProblemKind.InvalidValue, "'patternProperties' must be an object of patterns to schemas, not " + KindName(value) + ".");
            return;
        }

        var at = At("patternProperties");
        var result = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<CodegenPattern, CodegenSchema>>(value.Members.Count);
        foreach (var member in value.Members)
        {
            var memberAt = CodegenJsonPointer.Append(at, member.Key);
            var pattern = ReadPattern(memberAt, member.Key, "The pattern property");
            var schema = ReadSchema(memberAt, member.Value, "The pattern property '" + member.Key + "'");
            if (pattern is not null && schema is not null)
            {
                result.Add(new global::System.Collections.Generic.KeyValuePair<CodegenPattern, CodegenSchema>(pattern, schema));
            }
        }

        PatternProperties = result;
    }

    private void ReadDependencies(CodegenJson value, bool required, bool schemas)
    {
        var key = required && schemas ? "dependencies" : required ? "dependentRequired" : "dependentSchemas";
        var at = At(key);
        if (value.Kind != CodegenJsonKind.Object)
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be an object keyed by property names, not " + KindName(value) + ".");
            return;
        }

        var names = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IReadOnlyList<string>>>();
        var subschemas = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>>();
        foreach (var member in value.Members)
        {
            var memberAt = CodegenJsonPointer.Append(at, member.Key);
            if (required && member.Value.Kind == CodegenJsonKind.Array)
            {
                if (ReadNamesAt(memberAt, member.Value, "The dependency of '" + member.Key + "'") is { } list)
                {
                    names.Add(new global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IReadOnlyList<string>>(member.Key, list));
                }
            }
            else if (schemas && member.Value.Kind is CodegenJsonKind.Object or CodegenJsonKind.True or CodegenJsonKind.False)
            {
                subschemas.Add(new global::System.Collections.Generic.KeyValuePair<string, CodegenSchema>(member.Key, Document.GetOrRead(memberAt, member.Value, _inEmbeddedResource)));
            }
            else
            {
                Problem(memberAt, CodegenSchemaProblemKind.InvalidValue, "The dependency of '" + member.Key + "' must be " + (required && schemas ? "an array of property names or a schema" : required ? "an array of property names" : "a schema") + ", not " + KindName(member.Value) + ".");
            }
        }

        if (names.Count > 0)
        {
            DependentRequired = names;
            DependentRequiredKeyword = key;
        }

        if (subschemas.Count > 0)
        {
            DependentSchemas = subschemas;
        }
    }

    private void ReadDiscriminator(CodegenJson value)
    {
        var at = At("discriminator");
        if (value.Kind != CodegenJsonKind.Object || !value.TryGetProperty("propertyName", out var name) || name.Kind != CodegenJsonKind.String)
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, "'discriminator' must be an object with a string 'propertyName'.");
            return;
        }

        var mapping = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
        if (value.TryGetProperty("mapping", out var map))
        {
            if (map.Kind != CodegenJsonKind.Object)
            {
                Problem(at + "/mapping", CodegenSchemaProblemKind.InvalidValue, "'mapping' must be an object of values to references or schema names, not " + KindName(map) + ".");
            }
            else
            {
                foreach (var member in map.Members)
                {
                    if (member.Value.Kind == CodegenJsonKind.String)
                    {
                        mapping.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(member.Key, member.Value.StringValue));
                    }
                    else
                    {
                        Problem(CodegenJsonPointer.Append(at + "/mapping", member.Key), CodegenSchemaProblemKind.InvalidValue, "A discriminator mapping is a reference or a schema name, not " + KindName(member.Value) + ".");
                    }
                }
            }
        }

        Discriminator = new CodegenDiscriminator(name.StringValue, mapping);
    }

    private CodegenPattern? ReadPattern(string at, string source, string what)
    {
        if (CodegenPattern.TryCreate(source, out var pattern, out var error))
        {
            return pattern;
        }

        Problem(at, CodegenSchemaProblemKind.InvalidValue, what + " '" + source + "' is not an ECMA-262 regular expression (read with the u flag, as JSON Schema does): " + error + ".");
        return null;
    }

    private CodegenSchema? ReadSubschema(string key, CodegenJson value) => ReadSchema(At(key), value, "'" + key + "'");

    private CodegenSchema? ReadSchema(string at, CodegenJson value, string what)
    {
        if (value.Kind is CodegenJsonKind.Object or CodegenJsonKind.True or CodegenJsonKind.False)
        {
            return Document.GetOrRead(at, value, _inEmbeddedResource);
        }

        Problem(at, CodegenSchemaProblemKind.InvalidValue, what + " must be a schema (an object or a boolean), not " + KindName(value) + ".");
        return null;
    }

    private global::System.Collections.Generic.IReadOnlyList<CodegenSchema>? ReadSchemaArray(string key, CodegenJson value, bool allowEmpty = false)
    {
        var at = At(key);
        if (value.Kind != CodegenJsonKind.Array || (value.Items.Count == 0 && !allowEmpty))
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be a non-empty array of schemas, not " + (value.Kind == CodegenJsonKind.Array ? "an empty array" : KindName(value)) + ".");
            return null;
        }

        var schemas = new global::System.Collections.Generic.List<CodegenSchema>(value.Items.Count);
        for (var i = 0; i < value.Items.Count; i++)
        {
            // A bad item is reported and stands as 'true', so that the positions of the others keep their meaning.
            schemas.Add(ReadSchema(CodegenJsonPointer.Append(at, i), value.Items[i], "Each item of '" + key + "'") ?? Document.GetOrRead(CodegenJsonPointer.Append(at, i), CodegenJson.True, _inEmbeddedResource));
        }

        return schemas;
    }

    private global::System.Collections.Generic.IReadOnlyList<string>? ReadNames(string key, CodegenJson value) => ReadNamesAt(At(key), value, "'" + key + "'");

    private global::System.Collections.Generic.IReadOnlyList<string>? ReadNamesAt(string at, CodegenJson value, string what)
    {
        if (value.Kind != CodegenJsonKind.Array)
        {
            Problem(at, CodegenSchemaProblemKind.InvalidValue, what + " must be an array of property names, not " + KindName(value) + ".");
            return null;
        }

        var names = new global::System.Collections.Generic.List<string>(value.Items.Count);
        var seen = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
        for (var i = 0; i < value.Items.Count; i++)
        {
            var item = value.Items[i];
            if (item.Kind != CodegenJsonKind.String)
            {
                Problem(CodegenJsonPointer.Append(at, i), CodegenSchemaProblemKind.InvalidValue, what + " lists property names, not " + KindName(item) + ".");
            }
            else if (!seen.Add(item.StringValue))
            {
                // JSON Schema forbids the repeat, but its meaning is plain: it changes nothing.
                Problem(CodegenJsonPointer.Append(at, i), CodegenSchemaProblemKind.Ignored, what + " lists '" + item.StringValue + "' twice; the repeat has no effect, remove it.");
            }
            else
            {
                names.Add(item.StringValue);
            }
        }

        return names;
    }

    private CodegenNumber? ReadNumber(string key, CodegenJson value)
    {
        if (value.Kind == CodegenJsonKind.Number)
        {
            return value.NumberValue;
        }

        Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be a number, not " + KindName(value) + ".");
        return null;
    }

    /// <summary>A non-negative integer, however it is written (2.0 is 2).</summary>
    private int? ReadCount(string key, CodegenJson value)
    {
        if (value.Kind == CodegenJsonKind.Number && value.NumberValue.IsInteger && value.NumberValue.Sign >= 0)
        {
            return value.NumberValue.TryGetInt64(out var count) && count <= int.MaxValue ? (int)count : int.MaxValue;
        }

        Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be a non-negative integer, not " + (value.Kind == CodegenJsonKind.Number ? value.NumberValue.ToString() : KindName(value)) + ".");
        return null;
    }

    private bool? ReadBoolean(string key, CodegenJson value)
    {
        if (value.IsBoolean)
        {
            return value.Kind == CodegenJsonKind.True;
        }

        Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be true or false, not " + KindName(value) + ".");
        return null;
    }

    private string? ReadString(string key, CodegenJson value)
    {
        if (value.Kind == CodegenJsonKind.String)
        {
            return value.StringValue;
        }

        Problem(At(key), CodegenSchemaProblemKind.InvalidValue, "'" + key + "' must be a string, not " + KindName(value) + ".");
        return null;
    }

    private void NotInDialect(string key, string hint) =>
        Problem(At(key), CodegenSchemaProblemKind.Ignored, "'" + key + "' is not a keyword of " + Dialect.DisplayName() + " and has no effect; " + hint + ".");

    private void SetUncheckable(string keyword, string reason)
    {
        UncheckableKeyword = keyword;
        UncheckableReason = reason;
    }

    /// <summary>The pointer of the nearest enclosing schema (this one included) that declares <paramref name="anchorKeyword"/>, for a suggestion.</summary>
    private string? NearestAncestorWith(string anchorKeyword)
    {
        for (var pointer = Pointer; ; pointer = pointer.Substring(0, pointer.LastIndexOf('/')))
        {
            if (Document.Find(pointer) is { Kind: CodegenJsonKind.Object } candidate && candidate.TryGetProperty(anchorKeyword, out var anchor) && anchor.Kind != CodegenJsonKind.False)
            {
                return pointer;
            }

            if (pointer.Length == 0)
            {
                return null;
            }
        }
    }

    private string At(string key) => CodegenJsonPointer.Append(Pointer, key);

    private void Problem(string pointer, CodegenSchemaProblemKind kind, string message) => Document.Report(new CodegenSchemaProblem(pointer, kind, message));

    private static string KindName(CodegenJson value) => value.Kind switch
    {
        CodegenJsonKind.Null => "null",
        CodegenJsonKind.True or CodegenJsonKind.False => "a boolean",
        CodegenJsonKind.Number => "a number (" + value.NumberValue.ToString() + ")",
        CodegenJsonKind.String => "a string",
        CodegenJsonKind.Array => "an array",
        _ => "an object",
    };
}
