using static Codegen.Rules.Tests.Rules;

namespace Codegen.Rules.Tests;

/// <summary>Reading schemas: what JSON Schema allows is accepted, what it forbids is a problem at its keyword that says what to change.</summary>
public sealed class SchemaReadingTests
{
    [Fact]
    public void Values_JSON_Schema_allows_are_read_without_problems()
    {
        var document = Document("""
            {'definitions': {
               'Counts': {'minLength': 2.0, 'maxItems': 1e1, 'minProperties': 0},
               'Booleans': {'items': true, 'additionalProperties': false, 'properties': {'a': true, 'b': false}, 'not': false},
               'RefNamed': {'properties': {'$ref': {'type': 'string'}}},
               'Empty': {'enum': []}}}
            """);
        Assert.Empty(document.ReadAll());
        var counts = document.Get("#/definitions/Counts");
        Assert.Equal((2, 10, 0), (counts.MinLength, counts.MaxItems, counts.MinProperties));
        var booleans = document.Get("/definitions/Booleans");
        Assert.Equal(true, booleans.Items!.BooleanValue);
        Assert.Equal(false, booleans.AdditionalProperties!.BooleanValue);
        var refNamed = document.Get("/definitions/RefNamed");
        Assert.Null(refNamed.Reference);
        Assert.True(refNamed.TryGetProperty("$ref", out var property));
        Assert.Equal(CodegenSchemaTypes.String, property.Types);
    }

    [Theory]
    [InlineData("{'minLength': -1}", "/minLength", "'minLength' must be a non-negative integer, not -1.")]
    [InlineData("{'maxItems': 1.5}", "/maxItems", "'maxItems' must be a non-negative integer, not 1.5.")]
    [InlineData("{'minProperties': '1'}", "/minProperties", "'minProperties' must be a non-negative integer, not a string.")]
    [InlineData("{'multipleOf': 0}", "/multipleOf", "'multipleOf' must be greater than 0, not 0.")]
    [InlineData("{'multipleOf': -2}", "/multipleOf", "'multipleOf' must be greater than 0, not -2.")]
    [InlineData("{'maximum': '5'}", "/maximum", "'maximum' must be a number, not a string.")]
    [InlineData("{'type': 'int'}", "/type", "'int' is not a type; use one of null, boolean, object, array, number, string, integer (with 'format' for the size).")]
    [InlineData("{'type': ['string', 5]}", "/type/1", "'type' lists type names, not a number (5).")]
    [InlineData("{'type': []}", "/type", "'type' must be a type name or a non-empty array of them, not an array.")]
    [InlineData("{'enum': 'a'}", "/enum", "'enum' must be an array of the allowed values, not a string.")]
    [InlineData("{'required': 'a'}", "/required", "'required' must be an array of property names, not a string.")]
    [InlineData("{'properties': {'a': 1}}", "/properties/a", "The property 'a' must be a schema (an object or a boolean), not a number (1).")]
    [InlineData("{'allOf': []}", "/allOf", "'allOf' must be a non-empty array of schemas, not an empty array.")]
    [InlineData("{'anyOf': [{}, 'x']}", "/anyOf/1", "Each item of 'anyOf' must be a schema (an object or a boolean), not a string.")]
    [InlineData("{'items': 3}", "/items", "'items' must be a schema (an object or a boolean), not a number (3).")]
    [InlineData("{'uniqueItems': 1}", "/uniqueItems", "'uniqueItems' must be true or false, not a number (1).")]
    [InlineData("{'exclusiveMinimum': true, 'minimum': 1}", "/exclusiveMinimum", "In JSON Schema draft-07 'exclusiveMinimum' is the bound itself, a number; write \"exclusiveMinimum\": <bound> instead of 'minimum' with \"exclusiveMinimum\": true.")]
    [InlineData("{'dependencies': {'a': 1}}", "/dependencies/a", "The dependency of 'a' must be an array of property names or a schema, not a number (1).")]
    [InlineData("{'examples': 1}", "/examples", "'examples' must be an array of values, not a number (1) (OpenAPI's single value is 'example').")]
    [InlineData("{'$ref': 5}", "/$ref", "'$ref' must be a string such as \"#/definitions/Name\", not a number (5).")]
    [InlineData("{'$ref': '#/definitions/a~2'}", "/$ref", "The reference '#/definitions/a~2' is not a JSON pointer: escape '~' as '~0', '/' in a name as '~1', and write percent escapes as %XX.")]
    [InlineData("5", "", "A schema must be an object or a boolean, not a number (5).")]
    public void Values_JSON_Schema_forbids_are_problems_at_their_keyword(string schema, string pointer, string message)
    {
        var problem = Assert.Single(Problems(schema));
        Assert.Equal((pointer, CodegenSchemaProblemKind.InvalidValue, message), (problem.Pointer, problem.Kind, problem.Message));
        Assert.True(problem.IsError);
    }

    [Fact]
    public void A_pattern_that_is_not_ECMA_262_is_a_problem_at_the_pattern_not_a_surprise_at_run_time()
    {
        var problem = Assert.Single(Problems("{'properties': {'id': {'pattern': '\\\\Aabc\\\\z'}}, 'patternProperties': {'(x': {}}}"), p => p.Pointer == "/properties/id/pattern");
        Assert.Equal(CodegenSchemaProblemKind.InvalidValue, problem.Kind);
        Assert.StartsWith("'pattern' '\\Aabc\\z' is not an ECMA-262 regular expression (read with the u flag, as JSON Schema does): '\\A' is not an escape", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Problems("{'patternProperties': {'(x': {}}}"), p => p.Pointer == "/patternProperties/(x" && p.Message.Contains("a group is not closed", StringComparison.Ordinal));
    }

    [Fact]
    public void References_resolve_by_JSON_pointer_with_escapes()
    {
        var document = Document("""
            {'definitions': {'a/b': {'type': 'integer'}, 'c~d': {'type': 'string'}, 'e f': {'type': 'null'}, 'é': {'type': 'boolean'}},
             'properties': {'slash': {'$ref': '#/definitions/a~1b'}, 'tilde': {'$ref': '#/definitions/c~0d'},
                            'space': {'$ref': '#/definitions/e%20f'}, 'utf8': {'$ref': '#/definitions/%C3%A9'}, 'root': {'$ref': '#'}}}
            """);
        Assert.Empty(document.ReadAll());
        Assert.Equal(CodegenSchemaTypes.Integer, document.Get("/properties/slash").ReferenceTarget!.Types);
        Assert.Equal("/definitions/a~1b", document.Get("/properties/slash").ReferencePointer);
        Assert.Equal(CodegenSchemaTypes.String, document.Get("/properties/tilde").ReferenceTarget!.Types);
        Assert.Equal(CodegenSchemaTypes.Null, document.Get("/properties/space").ReferenceTarget!.Types);
        Assert.Equal(CodegenSchemaTypes.Boolean, document.Get("/properties/utf8").ReferenceTarget!.Types);
        Assert.Same(document.RootSchema, document.Get("/properties/root").ReferenceTarget);
        Assert.Same(document.Get("#/definitions/e%20f"), document.Get("/definitions/e f"));
        Assert.Equal("/definitions/c~0d", document.Get("/definitions/c~0d").Pointer);
    }

    [Fact]
    public void OpenAPI_component_references_resolve()
    {
        var document = Document("{'openapi': '3.1.0', 'components': {'schemas': {'Pet': {'properties': {'owner': {'$ref': '#/components/schemas/Person'}}}, 'Person': {'required': ['name']}}}}", CodegenSchemaDialect.OpenApi31);
        Assert.Empty(document.ReadAll());
        Assert.Same(document.Get("/components/schemas/Person"), document.Get("/components/schemas/Pet/properties/owner").ReferenceTarget);
        Assert.False(CodegenSchemaEvaluator.IsValid(document.Get("/components/schemas/Pet"), Json("{'owner': {}}")));
    }

    [Fact]
    public void An_unresolved_reference_says_where_the_path_goes_wrong_and_fails_closed()
    {
        var document = Document("{'definitions': {'Person': {}, 'Pet': {}}, 'properties': {'p': {'$ref': '#/definitions/Persn'}}}");
        var problem = Assert.Single(document.ReadAll());
        Assert.Equal(("/properties/p/$ref", CodegenSchemaProblemKind.UnresolvedReference), (problem.Pointer, problem.Kind));
        Assert.Equal("The reference '#/definitions/Persn' points at nothing in the document; '#/definitions' exists but has no 'Persn' (it has 'Person', 'Pet').", problem.Message);
        Assert.Equal(new[] { "$.p cannot be checked: the reference '#/definitions/Persn' points at nothing" }, CodegenSchemaEvaluator.Validate(document.RootSchema, Json("{'p': 1}")).Select(v => v.ToString()));
        Assert.Contains(Problems("{'$ref': '#/enum/0', 'enum': [1]}"), p => p.Kind == CodegenSchemaProblemKind.UnresolvedReference && p.Message.EndsWith("points at a number (1), not at a schema.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{'$ref': 'other.json#/definitions/a'}", "/$ref", "names another document or an '$id'")]
    [InlineData("{'$ref': 'http://example.com/schema'}", "/$ref", "names another document or an '$id'")]
    [InlineData("{'allOf': [{'$ref': '#foo'}], 'definitions': {'a': {'$id': '#foo'}}}", "/allOf/0/$ref", "names an anchor")]
    [InlineData("{'properties': {'x': {'$id': 'http://example.com/x', 'definitions': {'y': {}}, '$ref': '#/definitions/y'}}}", "/properties/x/$ref", "is inside a schema with its own '$id'")]
    [InlineData("{'properties': {'x': {'$id': 'http://example.com/x', 'definitions': {'y': {}}, 'allOf': [{'$ref': '#/definitions/y'}]}}}", "/properties/x/allOf/0/$ref", "is inside a schema with its own '$id'")]
    [InlineData("{'unevaluatedProperties': false}", "/unevaluatedProperties", "'unevaluatedProperties' is not supported")]
    [InlineData("{'unevaluatedItems': false}", "/unevaluatedItems", "'unevaluatedItems' is not supported")]
    [InlineData("{'$dynamicRef': '#meta'}", "/$dynamicRef", "'$dynamicRef' is not supported")]
    [InlineData("{'$schema': 'http://localhost:1234/my-metaschema.json'}", "/$schema", "The metaschema 'http://localhost:1234/my-metaschema.json' is not supported")]
    public void What_this_engine_does_not_implement_is_reported_never_ignored(string schema, string pointer, string message)
    {
        var problem = Assert.Single(Problems(schema, CodegenSchemaDialect.Draft202012), p => p.Kind == CodegenSchemaProblemKind.Unsupported);
        Assert.Equal(pointer, problem.Pointer);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_references_of_2019_09_have_no_effect_in_2020_12_and_say_which_pointer_to_use()
    {
        // $recursiveRef is not a 2020-12 keyword: like any unknown keyword it has no effect (said, never silent).
        var document = Document("{'openapi': '3.1.0', 'components': {'schemas': {'Filter': {'$recursiveAnchor': true, 'properties': {'filters': {'items': {'$recursiveRef': '#'}}}}}}}", CodegenSchemaDialect.OpenApi31);
        var problem = Assert.Single(document.ReadAll());
        Assert.Equal(CodegenSchemaProblemKind.Ignored, problem.Kind);
        Assert.Equal("'$recursiveRef' is not a keyword of OpenAPI 3.1, so it has no effect and values are not checked against what it names; refer to the schema with '$ref' and a JSON pointer: \"$ref\": \"#/components/schemas/Filter\".", problem.Message);
        Assert.True(CodegenSchemaEvaluator.IsValid(document.Get("/components/schemas/Filter"), Json("{'filters': [{}]}")));

        // $dynamicRef is a 2020-12 keyword the engine does not follow: it fails closed.
        var dynamic = Document("{'$defs': {'n': {'$dynamicAnchor': 'node', 'properties': {'next': {'$dynamicRef': '#node'}}}}}", CodegenSchemaDialect.Draft202012);
        Assert.Equal(CodegenSchemaProblemKind.Unsupported, Assert.Single(dynamic.ReadAll()).Kind);
        Assert.False(CodegenSchemaEvaluator.IsValid(dynamic.Get("/$defs/n"), Json("{'next': {}}")));
    }

    [Fact]
    public void The_document_root_id_may_prefix_a_pointer()
    {
        var document = Document("{'$id': 'urn:example:root', 'properties': {'a': {'$ref': 'urn:example:root#/definitions/s'}, 'b': {'$ref': 'urn:example:root'}}, 'definitions': {'s': {'type': 'string'}}}");
        Assert.Empty(document.ReadAll());
        Assert.Equal("/definitions/s", document.Get("/properties/a").ReferencePointer);
        Assert.Same(document.RootSchema, document.Get("/properties/b").ReferenceTarget);
    }

    [Fact]
    public void A_metaschema_of_another_dialect_is_a_warning()
    {
        Assert.Empty(Problems("{'$schema': 'http://json-schema.org/draft-07/schema#'}"));
        Assert.Empty(Problems("{'$schema': 'https://json-schema.org/draft/2020-12/schema'}", CodegenSchemaDialect.Draft202012));
        Assert.Empty(Problems("{'$schema': 'https://spec.openapis.org/oas/3.1/dialect/base'}", CodegenSchemaDialect.OpenApi31));
        var problem = Assert.Single(Problems("{'$schema': 'http://json-schema.org/draft-04/schema#'}"));
        Assert.Equal(("/$schema", CodegenSchemaProblemKind.Ignored), (problem.Pointer, problem.Kind));
        Assert.Equal("'$schema' names 'http://json-schema.org/draft-04/schema#', but the document is read as JSON Schema draft-07; one dialect applies to the whole document.", problem.Message);
    }

    [Fact]
    public void Repeats_are_warnings_because_their_meaning_is_plain()
    {
        var problem = Assert.Single(Problems("{'required': ['a', 'a']}"));
        Assert.Equal(("/required/1", CodegenSchemaProblemKind.Ignored, false), (problem.Pointer, problem.Kind, problem.IsError));
        Assert.Equal(new[] { "a" }, Schema("{'required': ['a', 'a']}").Required);
    }

    [Fact]
    public void Annotations_are_kept_for_the_generator()
    {
        var schema = Schema("""
            {'title': 'T', 'description': 'D', 'default': 1, 'examples': [1, 2], 'example': 3, 'format': 'int64',
             'readOnly': true, 'writeOnly': false, 'deprecated': true,
             'discriminator': {'propertyName': 'kind', 'mapping': {'cat': '#/components/schemas/Cat', 'dog': 'Dog'}}}
            """, CodegenSchemaDialect.OpenApi30);
        Assert.Equal(("T", "D", "int64", true, false, true), (schema.Title, schema.Description, schema.Format, schema.ReadOnly, schema.WriteOnly, schema.Deprecated));
        Assert.Equal(Json("1"), schema.Default);
        Assert.Equal(Json("3"), schema.Example);
        Assert.Equal(2, schema.Examples!.Count);
        Assert.Equal("kind", schema.Discriminator!.PropertyName);
        Assert.Equal(new[] { new KeyValuePair<string, string>("cat", "#/components/schemas/Cat"), new KeyValuePair<string, string>("dog", "Dog") }, schema.Discriminator.Mapping);
    }

    [Fact]
    public void Each_node_knows_its_pointer_and_is_read_once()
    {
        var document = Document("{'properties': {'a': {'items': [{'type': 'string'}, {'anyOf': [{'const': 1}]}]}}}");
        var a = document.Get("/properties/a");
        Assert.Equal("/properties/a", a.Pointer);
        Assert.Equal("/properties/a/items/1/anyOf/0", a.PrefixItems![1].AnyOf![0].Pointer);
        Assert.Same(a.PrefixItems[0], document.Get("/properties/a/items/0"));
        Assert.Equal("#/properties/a", a.ToString());
        Assert.Same(a, document.RootSchema.Properties[0].Value);
        Assert.False(document.TryGet("/properties/b", out _));
        Assert.Throws<ArgumentException>(() => document.Get("/nothing/here"));
        Assert.Equal(4, document.RootSchema.Subschemas().Count() + a.Subschemas().Count() + a.PrefixItems[1].Subschemas().Count());
    }

    [Fact]
    public void Reading_is_lazy_and_safe_from_many_threads()
    {
        var definitions = string.Join(",", Enumerable.Range(0, 200).Select(i => $"'D{i}': {{'properties': {{'next': {{'$ref': '#/definitions/D{(i + 1) % 200}'}}}}}}"));
        var document = Document("{'definitions': {" + definitions + "}}");
        var seen = new System.Collections.Concurrent.ConcurrentBag<CodegenSchema>();
        Parallel.For(0, 2000, i =>
        {
            var schema = document.Get("/definitions/D" + (i % 200));
            seen.Add(schema.Properties[0].Value.ReferenceTarget!);
            Assert.True(CodegenSchemaEvaluator.IsValid(schema, Json("{'next': {'next': {}}}")));
        });
        Assert.Equal(200, seen.Distinct().Count());
        Assert.Empty(document.ReadAll());
    }

    [Fact]
    public void Read_all_visits_definitions_and_references_and_orders_problems_by_pointer()
    {
        var document = Document("{'$ref': '#/definitions/b', 'definitions': {'b': {'properties': {'x': {'minLength': -1}}}, 'a': {'maxLength': -1}, 'unused': {'type': 'nope'}}}");
        var problems = document.ReadAll();
        Assert.Equal(new[] { "/definitions/a/maxLength", "/definitions/b/properties/x/minLength", "/definitions/unused/type" }, problems.Select(p => p.Pointer));
        Assert.Equal(problems, document.Problems);
    }

    [Fact]
    public void The_dialect_is_read_from_the_document()
    {
        Assert.Equal(CodegenSchemaDialect.OpenApi30, CodegenSchemaDialects.Detect(Json("{'openapi': '3.0.3'}"), CodegenSchemaDialect.Draft07));
        Assert.Equal(CodegenSchemaDialect.OpenApi31, CodegenSchemaDialects.Detect(Json("{'openapi': '3.1.0'}"), CodegenSchemaDialect.Draft07));
        Assert.Equal(CodegenSchemaDialect.Draft202012, CodegenSchemaDialects.Detect(Json("{'$schema': 'https://json-schema.org/draft/2020-12/schema'}"), CodegenSchemaDialect.Draft07));
        Assert.Equal(CodegenSchemaDialect.Draft07, CodegenSchemaDialects.Detect(Json("{'$schema': 'http://json-schema.org/draft-07/schema#'}"), CodegenSchemaDialect.Draft202012));
        Assert.Equal(CodegenSchemaDialect.Draft202012, CodegenSchemaDialects.Detect(Json("{}"), CodegenSchemaDialect.Draft202012));
        Assert.Equal(CodegenSchemaDialect.OpenApi31, CodegenSchemaDocument.Parse("{\"openapi\": \"3.1.1\"}").Dialect);
    }
}
