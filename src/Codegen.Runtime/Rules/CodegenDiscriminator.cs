namespace Codegen.Runtime;

/// <summary>OpenAPI's <c>discriminator</c>: the property that names an alternative, and names mapped to references or schema names.</summary>
internal sealed class CodegenDiscriminator
{
    public CodegenDiscriminator(string propertyName, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> mapping)
    {
        PropertyName = propertyName;
        Mapping = mapping;
    }

    public string PropertyName { get; }

    /// <summary>The <c>mapping</c> in document order: a value of the property, and a reference (<c>#/components/schemas/Cat</c>) or a schema name.</summary>
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> Mapping { get; }
}
