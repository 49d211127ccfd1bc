namespace Codegen.Rules.Tests;

/// <summary>Short ways to read a schema and check a value in tests; JSON is written with single quotes for readability.</summary>
internal static class Rules
{
    public static CodegenSchemaDocument Document(string schema, CodegenSchemaDialect dialect = CodegenSchemaDialect.Draft07) =>
        new(Json(schema), dialect);

    public static CodegenSchema Schema(string schema, CodegenSchemaDialect dialect = CodegenSchemaDialect.Draft07) =>
        Document(schema, dialect).RootSchema;

    public static CodegenJson Json(string json) => CodegenJson.Parse(json.Replace('\'', '"'));

    public static bool IsValid(string schema, string instance, CodegenSchemaDialect dialect = CodegenSchemaDialect.Draft07) =>
        CodegenSchemaEvaluator.IsValid(Schema(schema, dialect), Json(instance));

    /// <summary>The violations as text; also checks that the fast verdict agrees with them.</summary>
    public static List<string> Violations(string schema, string instance, CodegenSchemaDialect dialect = CodegenSchemaDialect.Draft07)
    {
        var root = Schema(schema, dialect);
        var value = Json(instance);
        var violations = CodegenSchemaEvaluator.Validate(root, value);
        Assert.Equal(violations.Count == 0, CodegenSchemaEvaluator.IsValid(root, value));
        return violations.Select(v => v.ToString()).ToList();
    }

    /// <summary>The problems of a schema read as the root of its document (also in the OpenAPI dialects, whose <c>ReadAll()</c> starts at the components).</summary>
    public static IReadOnlyList<CodegenSchemaProblem> Problems(string schema, CodegenSchemaDialect dialect = CodegenSchemaDialect.Draft07) =>
        Document(schema, dialect).ReadAll([string.Empty]);
}
