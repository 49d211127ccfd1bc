using static Codegen.Rules.Tests.Rules;

namespace Codegen.Rules.Tests;

/// <summary>Where the four dialects give the same keywords different meanings.</summary>
public sealed class DialectTests
{
    private const string RefWithSibling = "{'definitions': {'s': {'type': 'string'}}, 'properties': {'p': {'$ref': '#/definitions/s', 'maxLength': 2}}}";

    [Fact]
    public void Draft07_ignores_the_siblings_of_ref_and_says_so()
    {
        Assert.True(IsValid(RefWithSibling, "{'p': 'long'}"));
        var problem = Assert.Single(Problems(RefWithSibling));
        Assert.Equal(("/properties/p/maxLength", CodegenSchemaProblemKind.Ignored), (problem.Pointer, problem.Kind));
        Assert.Equal("'maxLength' beside '$ref' is ignored in JSON Schema draft-07; to apply both, write \"allOf\": [{\"$ref\": \"#/definitions/s\"}, {\"maxLength\": ...}].", problem.Message);
        Assert.Null(Document(RefWithSibling).Get("/properties/p").MaxLength);
    }

    [Fact]
    public void Annotations_beside_ref_are_kept_in_every_dialect()
    {
        var schema = Document("{'properties': {'p': {'$ref': '#/definitions/s', 'description': 'the prompt', 'deprecated': true}}, 'definitions': {'s': {}}}").Get("/properties/p");
        Assert.Equal(("the prompt", true), (schema.Description, schema.Deprecated));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Draft2020_12_applies_ref_beside_its_siblings(bool openApi)
    {
        var dialect = openApi ? CodegenSchemaDialect.OpenApi31 : CodegenSchemaDialect.Draft202012;
        Assert.False(IsValid(RefWithSibling, "{'p': 'long'}", dialect));
        Assert.False(IsValid(RefWithSibling, "{'p': 1}", dialect));
        Assert.True(IsValid(RefWithSibling, "{'p': 'ok'}", dialect));
        Assert.Empty(Problems(RefWithSibling, dialect));
    }

    [Fact]
    public void OpenApi30_ignores_the_siblings_of_ref_too()
    {
        Assert.True(IsValid(RefWithSibling, "{'p': 'long'}", CodegenSchemaDialect.OpenApi30));
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems(RefWithSibling, CodegenSchemaDialect.OpenApi30)).Kind);
    }

    [Fact]
    public void OpenApi30_nullable_adds_null_to_an_explicit_type()
    {
        const string schema = "{'type': 'string', 'nullable': true, 'maxLength': 3}";
        Assert.True(IsValid(schema, "null", CodegenSchemaDialect.OpenApi30));
        Assert.True(IsValid(schema, "'abc'", CodegenSchemaDialect.OpenApi30));
        Assert.False(IsValid(schema, "1", CodegenSchemaDialect.OpenApi30));
        Assert.Equal(CodegenSchemaTypes.String | CodegenSchemaTypes.Null, Schema(schema, CodegenSchemaDialect.OpenApi30).Types);
        Assert.True(Schema(schema, CodegenSchemaDialect.OpenApi30).NullableKeyword);
        Assert.Empty(Problems(schema, CodegenSchemaDialect.OpenApi30));
        Assert.False(IsValid("{'type': 'string', 'nullable': false}", "null", CodegenSchemaDialect.OpenApi30));
    }

    [Fact]
    public void OpenApi30_nullable_without_type_has_no_effect_as_3_0_3_says_and_the_reader_says_so()
    {
        const string schema = "{'allOf': [{'type': 'object'}], 'nullable': true}";
        Assert.False(IsValid(schema, "null", CodegenSchemaDialect.OpenApi30));
        var problem = Assert.Single(Problems(schema, CodegenSchemaDialect.OpenApi30));
        Assert.Equal(("/nullable", CodegenSchemaProblemKind.Ignored), (problem.Pointer, problem.Kind));
        Assert.Contains("no effect without 'type'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApi30_nullable_does_not_widen_an_enum()
    {
        const string schema = "{'type': 'string', 'enum': ['a'], 'nullable': true}";
        Assert.False(IsValid(schema, "null", CodegenSchemaDialect.OpenApi30));
        Assert.Contains("add null to 'enum'", Assert.Single(Problems(schema, CodegenSchemaDialect.OpenApi30)).Message, StringComparison.Ordinal);
        Assert.True(IsValid("{'type': 'string', 'enum': ['a', null], 'nullable': true}", "null", CodegenSchemaDialect.OpenApi30));
    }

    [Fact]
    public void OpenApi31_reads_nullable_as_3_0_means_it_and_says_it_happened()
    {
        const string schema = "{'type': 'integer', 'nullable': true}";
        Assert.True(IsValid(schema, "null", CodegenSchemaDialect.OpenApi31));
        var problem = Assert.Single(Problems(schema, CodegenSchemaDialect.OpenApi31));
        Assert.Equal((CodegenSchemaProblemKind.Compatibility, false), (problem.Kind, problem.IsError));
        Assert.Equal("'nullable' is OpenAPI 3.0's; it is read as 3.0 means it (null is added to 'type'). In 3.1 write \"type\": [\"...\", \"null\"].", problem.Message);
        Assert.True(Schema(schema, CodegenSchemaDialect.OpenApi31).NullableKeyword);
    }

    [Fact]
    public void JSON_Schema_dialects_do_not_know_nullable()
    {
        Assert.False(IsValid("{'type': 'string', 'nullable': true}", "null"));
        Assert.Contains("not a JSON Schema keyword", Assert.Single(Problems("{'type': 'string', 'nullable': true}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApi30_boolean_exclusive_bounds_modify_minimum_and_maximum()
    {
        const string schema = "{'type': 'number', 'minimum': 0, 'exclusiveMinimum': true, 'maximum': 1, 'exclusiveMaximum': false}";
        Assert.False(IsValid(schema, "0", CodegenSchemaDialect.OpenApi30));
        Assert.True(IsValid(schema, "1", CodegenSchemaDialect.OpenApi30));
        Assert.Equal(new[] { "$ must be greater than 0 and at most 1; 0 is not valid" }, Violations(schema, "0", CodegenSchemaDialect.OpenApi30));
        Assert.Empty(Problems(schema, CodegenSchemaDialect.OpenApi30));
        var read = Schema(schema, CodegenSchemaDialect.OpenApi30);
        Assert.Equal((null, "0"), (read.Minimum?.ToString(), read.ExclusiveMinimum?.ToString()));
    }

    [Fact]
    public void OpenApi31_reads_a_boolean_exclusive_bound_as_3_0_and_says_so()
    {
        const string schema = "{'minimum': 0, 'exclusiveMinimum': true}";
        Assert.False(IsValid(schema, "0", CodegenSchemaDialect.OpenApi31));
        Assert.Equal(CodegenSchemaProblemKind.Compatibility, Assert.Single(Problems(schema, CodegenSchemaDialect.OpenApi31)).Kind);
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'exclusiveMaximum': true}", CodegenSchemaDialect.OpenApi30)).Kind);
    }

    [Fact]
    public void Tuples_are_items_arrays_in_draft07_and_prefixItems_in_2020_12()
    {
        Assert.Equal(CodegenSchemaProblemKind.InvalidValue, Assert.Single(Problems("{'items': [{}]}", CodegenSchemaDialect.Draft202012)).Kind);
        Assert.Equal(CodegenSchemaProblemKind.InvalidValue, Assert.Single(Problems("{'items': [{}]}", CodegenSchemaDialect.OpenApi30)).Kind);
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'prefixItems': [{}]}")).Kind);
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'prefixItems': [{}], 'additionalItems': false}", CodegenSchemaDialect.Draft202012)).Kind);
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'items': {}, 'additionalItems': false}")).Kind);
        Assert.True(IsValid("{'items': {}, 'additionalItems': false}", "[1, 2]"));
        var draft7 = Schema("{'items': [{'type': 'string'}], 'additionalItems': {'type': 'integer'}}");
        Assert.Single(draft7.PrefixItems!);
        Assert.Equal("/additionalItems", draft7.Items!.Pointer);
    }

    [Fact]
    public void Dependencies_are_draft07s_and_read_in_2020_12_as_a_compatibility()
    {
        const string schema = "{'dependencies': {'a': ['b'], 'c': {'required': ['d']}}}";
        Assert.False(IsValid(schema, "{'a': 1}"));
        Assert.False(IsValid(schema, "{'c': 1}"));
        Assert.True(IsValid(schema, "{'a': 1, 'b': 2, 'c': 3, 'd': 4}"));
        Assert.False(IsValid(schema, "{'a': 1}", CodegenSchemaDialect.Draft202012));
        Assert.Equal(CodegenSchemaProblemKind.Compatibility, Assert.Single(Problems(schema, CodegenSchemaDialect.Draft202012)).Kind);
        Assert.Equal(new[] { "$.b is required when 'a' is present" }, Violations(schema, "{'a': 1}", CodegenSchemaDialect.Draft202012));
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'dependentRequired': {'a': ['b']}}")).Kind);
        Assert.True(IsValid("{'dependentRequired': {'a': ['b']}}", "{'a': 1}"));
    }

    [Fact]
    public void Min_and_max_contains_are_2020_12_keywords()
    {
        Assert.True(IsValid("{'contains': {'const': 1}, 'maxContains': 1}", "[1, 1]"));
        Assert.False(IsValid("{'contains': {'const': 1}, 'maxContains': 1}", "[1, 1]", CodegenSchemaDialect.Draft202012));
        Assert.Equal(CodegenSchemaProblemKind.Ignored, Assert.Single(Problems("{'contains': {}, 'maxContains': 1}")).Kind);
    }

    [Fact]
    public void OpenApi_read_all_starts_from_the_component_schemas()
    {
        var document = Document("{'openapi': '3.0.3', 'info': {}, 'components': {'schemas': {'A': {'type': 'nope'}, 'B': {'minLength': -1}}}}", CodegenSchemaDialect.OpenApi30);
        Assert.Equal(new[] { "/components/schemas/A/type", "/components/schemas/B/minLength" }, document.ReadAll().Select(p => p.Pointer));
    }
}
