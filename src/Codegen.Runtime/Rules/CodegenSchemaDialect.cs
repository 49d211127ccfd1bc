namespace Codegen.Runtime;

/// <summary>Which specification gives a contract's keywords their meaning.</summary>
internal enum CodegenSchemaDialect : byte
{
    /// <summary>JSON Schema draft-07: <c>$ref</c> replaces its siblings; an <c>items</c> array is a tuple, <c>additionalItems</c> the rest; <c>dependencies</c>.</summary>
    Draft07,

    /// <summary>JSON Schema 2020-12: <c>$ref</c> applies beside its siblings; <c>prefixItems</c> and <c>items</c>; <c>$defs</c>; <c>dependentRequired</c> and <c>dependentSchemas</c>.</summary>
    Draft202012,

    /// <summary>An OpenAPI 3.0 Schema Object: draft-07's keywords, <c>nullable</c>, boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c>, <c>$ref</c> replaces its siblings.</summary>
    OpenApi30,

    /// <summary>An OpenAPI 3.1 Schema Object: JSON Schema 2020-12 plus OpenAPI's keywords; 3.0's <c>nullable</c> is read as 3.0 means it, and reported.</summary>
    OpenApi31,
}

/// <summary>Chooses the dialect a document declares.</summary>
internal static class CodegenSchemaDialects
{
    /// <summary>
    /// The dialect of <paramref name="root"/>: an <c>openapi</c> version of 3.0.x or 3.1.x, else a <c>$schema</c> naming
    /// draft-07 or 2020-12, else <paramref name="fallback"/>.
    /// </summary>
    public static CodegenSchemaDialect Detect(CodegenJson root, CodegenSchemaDialect fallback)
    {
        if (root.TryGetProperty("openapi", out var openapi) && openapi.Kind == CodegenJsonKind.String)
        {
            var version = openapi.StringValue;
            if (version.StartsWith("3.0", System.StringComparison.Ordinal))
            {
                return CodegenSchemaDialect.OpenApi30;
            }

            if (version.StartsWith("3.1", System.StringComparison.Ordinal))
            {
                return CodegenSchemaDialect.OpenApi31;
            }
        }

        if (root.TryGetProperty("$schema", out var schema) && schema.Kind == CodegenJsonKind.String)
        {
            var uri = schema.StringValue;
            if (uri.IndexOf("draft/2020-12", System.StringComparison.Ordinal) >= 0)
            {
                return CodegenSchemaDialect.Draft202012;
            }

            if (uri.IndexOf("draft-07", System.StringComparison.Ordinal) >= 0)
            {
                return CodegenSchemaDialect.Draft07;
            }
        }

        return fallback;
    }

    /// <summary>Whether <c>$ref</c> makes the keywords beside it ignored (draft-07 and OpenAPI 3.0).</summary>
    internal static bool RefReplacesSiblings(this CodegenSchemaDialect dialect) => dialect is CodegenSchemaDialect.Draft07 or CodegenSchemaDialect.OpenApi30;

    /// <summary>Whether the dialect is JSON Schema 2020-12 or builds on it.</summary>
    internal static bool Is202012(this CodegenSchemaDialect dialect) => dialect is CodegenSchemaDialect.Draft202012 or CodegenSchemaDialect.OpenApi31;

    internal static bool IsOpenApi(this CodegenSchemaDialect dialect) => dialect is CodegenSchemaDialect.OpenApi30 or CodegenSchemaDialect.OpenApi31;

    internal static string DisplayName(this CodegenSchemaDialect dialect) => dialect switch
    {
        CodegenSchemaDialect.Draft07 => "JSON Schema draft-07",
        CodegenSchemaDialect.Draft202012 => "JSON Schema 2020-12",
        CodegenSchemaDialect.OpenApi30 => "OpenAPI 3.0",
        _ => "OpenAPI 3.1",
    };
}
