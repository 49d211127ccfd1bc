using static Codegen.Rules.Tests.Rules;

namespace Codegen.Rules.Tests;

/// <summary>Each keyword's verdicts and words, and the evaluator's guards.</summary>
public sealed class EvaluatorTests
{
    [Theory]
    [InlineData("{'minimum': 0, 'maximum': 2}", "3", "$ must be between 0 and 2; 3 is not valid")]
    [InlineData("{'minimum': 1}", "0", "$ must be at least 1; 0 is not valid")]
    [InlineData("{'maximum': 1}", "1.5", "$ must be at most 1; 1.5 is not valid")]
    [InlineData("{'exclusiveMinimum': 0}", "0", "$ must be greater than 0; 0 is not valid")]
    [InlineData("{'exclusiveMaximum': 1}", "1", "$ must be less than 1; 1 is not valid")]
    [InlineData("{'exclusiveMinimum': 0, 'maximum': 1}", "-0.5", "$ must be greater than 0 and at most 1; -0.5 is not valid")]
    [InlineData("{'minimum': 0, 'exclusiveMinimum': 0, 'maximum': 2}", "0", "$ must be greater than 0 and at most 2; 0 is not valid")]
    [InlineData("{'multipleOf': 0.01}", "0.125", "$ must be a multiple of 0.01; 0.125 is not valid")]
    public void Numbers_are_checked_exactly_and_said_as_the_builders_say_them(string schema, string instance, string expected) =>
        Assert.Equal(new[] { expected }, Violations(schema, instance));

    [Theory]
    [InlineData("{'multipleOf': 0.0001}", "0.0075", true)]
    [InlineData("{'multipleOf': 0.1}", "0.3", true)]
    [InlineData("{'multipleOf': 1e-8}", "12345.67891234", true)]
    [InlineData("{'type': 'integer'}", "1.0", true)]
    [InlineData("{'type': 'integer'}", "3000000000", true)]
    [InlineData("{'type': 'integer'}", "1e400", true)]
    [InlineData("{'type': 'integer'}", "1.5", false)]
    [InlineData("{'maximum': 9223372036854775807}", "9223372036854775808", false)]
    [InlineData("{'minimum': 0.1}", "0.1", true)]
    [InlineData("{'minimum': 0.1}", "0.09999999999999999999", false)]
    [InlineData("{'minimum': 5}", "'a string'", true)]
    [InlineData("{'maxLength': 1}", "12345", true)]
    public void Numbers_compare_by_value_and_bounds_apply_only_to_their_kind(string schema, string instance, bool valid) =>
        Assert.Equal(valid, IsValid(schema, instance));

    [Fact]
    public void String_length_counts_code_points()
    {
        Assert.True(IsValid("{'maxLength': 2}", "'\U0001F432\U0001F432'"));
        Assert.Equal(new[] { "$ must have at least 3 characters; a string of 2 characters is not valid" }, Violations("{'minLength': 3}", "'\U0001F432\U0001F432'"));
        Assert.Equal(new[] { "$ must have between 1 and 2 characters; a string of 3 characters is not valid" }, Violations("{'minLength': 1, 'maxLength': 2}", "'abc'"));
        Assert.Equal(new[] { "$ must have exactly 1 character; a string of 0 characters is not valid" }, Violations("{'minLength': 1, 'maxLength': 1}", "''"));
        // A lone surrogate is a code point of its own.
        Assert.Equal(1, CodegenSchemaEvaluator.CodePointLength("\uD83D"));
        Assert.Equal(2, CodegenSchemaEvaluator.CodePointLength("\uDC32\uD83D"));
    }

    [Fact]
    public void Patterns_search_and_report_the_pattern()
    {
        Assert.True(IsValid("{'pattern': '[a-z]+'}", "'ab-c'"));
        Assert.Equal(new[] { "$ must match the pattern '^[a-z]+$'; 'ab-c' is not valid" }, Violations("{'pattern': '^[a-z]+$'}", "'ab-c'"));
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_is_a_violation_that_says_so()
    {
        // Nested quantifiers on a string that almost matches: backtracking explodes, the 1 s limit stops it.
        var schema = Schema("{'pattern': '^(\\\\w+\\\\s?)+$'}");
        var value = CodegenJson.FromString(new string('a', 40) + "!");
        Assert.False(CodegenSchemaEvaluator.IsValid(schema, value));
        var violation = Assert.Single(CodegenSchemaEvaluator.Validate(schema, value));
        Assert.Contains("ran out of time", violation.Rule);
    }

    [Theory]
    [InlineData("{'type': 'string'}", "1", "$ must be a string; 1 is not valid")]
    [InlineData("{'type': ['string', 'null']}", "1", "$ must be a string or null; 1 is not valid")]
    [InlineData("{'type': ['integer', 'array', 'null']}", "1.5", "$ must be an integer, an array or null; 1.5 is not valid")]
    [InlineData("{'type': 'object'}", "[1,2]", "$ must be an object; [1,2] is not valid")]
    [InlineData("{'enum': ['a', 'b']}", "'c'", "$ must be one of 'a', 'b'; 'c' is not valid")]
    [InlineData("{'enum': [1, null, {'a': [true]}]}", "2", "$ must be one of 1, null, {\"a\":[true]}; 2 is not valid")]
    [InlineData("{'const': 'x'}", "'y'", "$ must be 'x'; 'y' is not valid")]
    [InlineData("{'not': {'type': 'string'}}", "'s'", "$ must not be a string; 's' is not valid")]
    public void Type_enum_const_and_not_say_what_is_allowed(string schema, string instance, string expected) =>
        Assert.Equal(new[] { expected }, Violations(schema, instance));

    [Fact]
    public void Enum_const_and_unique_items_use_json_equality()
    {
        Assert.True(IsValid("{'enum': [1, {'a': 1, 'b': [2]}]}", "{'b': [2.0], 'a': 1.0}"));
        Assert.True(IsValid("{'const': 1}", "1.0"));
        Assert.False(IsValid("{'const': 1}", "true"));
        Assert.False(IsValid("{'enum': [0]}", "false"));
        Assert.Equal(new[] { "$ must not repeat an item: items 0 and 2 are both 1" }, Violations("{'uniqueItems': true}", "[1, 2, 1.0]"));
        Assert.True(IsValid("{'uniqueItems': true}", "[[1], [true], {'a': 1}, {'a': '1'}]"));
        var many = "[" + string.Join(",", Enumerable.Range(0, 40)) + ",{'x': 1},{'x': 1.0}]";
        Assert.Equal(new[] { "$ must not repeat an item: items 40 and 41 are both {\"x\":1}" }, Violations("{'uniqueItems': true}", many));
    }

    [Fact]
    public void Long_enums_are_cut_in_the_rule_and_looked_up_in_a_set()
    {
        var values = string.Join(",", Enumerable.Range(0, 30).Select(i => "'v" + i + "'"));
        var schema = "{'enum': [" + values + "]}";
        Assert.True(IsValid(schema, "'v29'"));
        var violation = Assert.Single(Violations(schema, "'w'"));
        Assert.Contains("'v11', … (30 values)", violation);
    }

    [Fact]
    public void Objects_report_every_violation_with_its_path()
    {
        const string schema = """
            {'type': 'object', 'required': ['model', 'prompt'],
             'properties': {'top_p': {'minimum': 0, 'maximum': 1}, 'stop': {'type': 'array', 'items': {'type': 'string'}, 'maxItems': 2},
                            'odd name': {'type': 'integer'}, 'n': {'type': 'integer', 'minimum': 1}}}
            """;
        Assert.Equal(
            new[]
            {
                "$.model is required",
                "$.prompt is required",
                "$.top_p must be between 0 and 1; 1.5 is not valid",
                "$.stop must have at most 2 items; 3 items is not valid",
                "$.stop[1] must be a string; 7 is not valid",
                "$['odd name'] must be an integer; 'x' is not valid",
                "$.n must be at least 1; 0 is not valid",
            },
            Violations(schema, "{'top_p': 1.5, 'stop': ['a', 7, 'c'], 'odd name': 'x', 'n': 0}"));
    }

    [Fact]
    public void Additional_properties_say_what_the_object_allows()
    {
        Assert.Equal(
            new[] { "$.tempreature is not allowed: the object allows only 'model', 'temperature'" },
            Violations("{'properties': {'model': {}, 'temperature': {}}, 'additionalProperties': false}", "{'model': 'm', 'tempreature': 1}"));
        Assert.Equal(
            new[] { "$.b is not allowed: the object allows only 'a' and names matching '^x-'" },
            Violations("{'properties': {'a': {}}, 'patternProperties': {'^x-': {}}, 'additionalProperties': false}", "{'a': 1, 'x-y': 2, 'b': 3}"));
        Assert.Equal(new[] { "$.a is not allowed: the object allows no properties" }, Violations("{'additionalProperties': false}", "{'a': 1}"));
        Assert.Equal(new[] { "$.extra must be a string; 1 is not valid" }, Violations("{'properties': {'a': {}}, 'additionalProperties': {'type': 'string'}}", "{'a': 1, 'extra': 1}"));
    }

    [Fact]
    public void Counts_of_items_and_properties()
    {
        Assert.Equal(new[] { "$ must have between 1 and 4 items; 0 items is not valid" }, Violations("{'minItems': 1, 'maxItems': 4}", "[]"));
        Assert.Equal(new[] { "$ must have at least 2 items; 1 item is not valid" }, Violations("{'minItems': 2}", "[1]"));
        Assert.Equal(new[] { "$ must have at most 1 property; 2 properties is not valid" }, Violations("{'maxProperties': 1}", "{'a': 1, 'b': 2}"));
        Assert.True(IsValid("{'maxItems': 0}", "[]"));
        Assert.False(IsValid("{'maxItems': 0}", "[1]"));
    }

    [Fact]
    public void Tuples_and_the_items_after_them()
    {
        const string draft7 = "{'items': [{'type': 'string'}, {'type': 'integer'}], 'additionalItems': false}";
        Assert.True(IsValid(draft7, "['a', 1]"));
        Assert.True(IsValid(draft7, "['a']"));
        Assert.Equal(new[] { "$[2] is not allowed: the array may have at most 2 items" }, Violations(draft7, "['a', 1, true, null]"));
        Assert.Equal(new[] { "$[1] must be an integer; 'b' is not valid" }, Violations(draft7, "['a', 'b']"));

        const string draft2020 = "{'prefixItems': [{'type': 'string'}], 'items': {'type': 'number'}}";
        Assert.True(IsValid(draft2020, "['a', 1, 2.5]", CodegenSchemaDialect.Draft202012));
        Assert.Equal(new[] { "$[2] must be a number; 'x' is not valid" }, Violations(draft2020, "['a', 1, 'x']", CodegenSchemaDialect.Draft202012));
    }

    [Fact]
    public void Contains_counts_matching_items()
    {
        Assert.Equal(new[] { "$ must contain at least 1 item matching a string (it contains 0)" }, Violations("{'contains': {'type': 'string'}}", "[1, 2]"));
        const string bounded = "{'contains': {'const': 1}, 'minContains': 2, 'maxContains': 3}";
        Assert.True(IsValid(bounded, "[1, 1, 2]", CodegenSchemaDialect.Draft202012));
        Assert.Equal(new[] { "$ must contain at most 3 items matching 1 (it contains 4)" }, Violations(bounded, "[1, 1, 1, 1]", CodegenSchemaDialect.Draft202012));
        Assert.True(IsValid("{'contains': {'const': 1}, 'minContains': 0}", "[]", CodegenSchemaDialect.Draft202012));
    }

    [Fact]
    public void Composition_says_what_would_be_accepted()
    {
        const string union = "{'anyOf': [{'type': 'string'}, {'type': 'array', 'items': {'type': 'string'}}]}";
        Assert.Equal(new[] { "$ must match at least one of: a string; an array; 12 is not valid" }, Violations(union, "12"));
        // Only the array alternative takes an array, so its own violation is the useful one.
        Assert.Equal(new[] { "$[0] must be a string; 1 is not valid" }, Violations(union, "[1]"));

        const string definitions = "{'oneOf': [{'$ref': '#/definitions/Cat'}, {'$ref': '#/definitions/Dog'}], 'definitions': {'Cat': {'required': ['meow']}, 'Dog': {'required': ['bark']}}}";
        Assert.Equal(new[] { "$ must match exactly one of: Cat; Dog, but matches 2: Cat; Dog; {\"meow\":1,\"bark\":1} is not valid" }, Violations(definitions, "{'meow': 1, 'bark': 1}"));
        Assert.Equal(new[] { "$ must match exactly one of: Cat; Dog; {} is not valid" }, Violations(definitions, "{}"));
        Assert.Equal(new[] { "$ must be at least 1; 0.5 is not valid", "$ must be a multiple of 2; 0.5 is not valid" }, Violations("{'allOf': [{'minimum': 1}, {'multipleOf': 2}]}", "0.5"));
    }

    [Fact]
    public void If_then_else_applies_the_branch_the_condition_picks()
    {
        const string schema = "{'if': {'properties': {'stream': {'const': true}}, 'required': ['stream']}, 'then': {'required': ['stream_options']}, 'else': {'not': {'required': ['stream_options']}}}";
        Assert.Equal(new[] { "$.stream_options is required" }, Violations(schema, "{'stream': true}"));
        Assert.True(IsValid(schema, "{'stream': false}"));
        Assert.Single(Violations(schema, "{'stream_options': {}}"));
        Assert.True(IsValid("{'then': false}", "1"));
    }

    [Fact]
    public void Dependencies_and_property_names()
    {
        Assert.Equal(new[] { "$.b is required when 'a' is present" }, Violations("{'dependencies': {'a': ['b']}}", "{'a': 1}"));
        Assert.Equal(new[] { "$.b is required when 'a' is present" }, Violations("{'dependentRequired': {'a': ['b']}}", "{'a': 1}", CodegenSchemaDialect.Draft202012));
        Assert.Equal(new[] { "$.b is required" }, Violations("{'dependentSchemas': {'a': {'required': ['b']}}}", "{'a': 1}", CodegenSchemaDialect.Draft202012));
        Assert.Equal(new[] { "$.Bad has a name that must match the pattern '^[a-z]+$'; 'Bad' is not valid" }, Violations("{'propertyNames': {'pattern': '^[a-z]+$'}}", "{'good': 1, 'Bad': 2}"));
    }

    [Fact]
    public void Boolean_schemas_allow_everything_or_nothing()
    {
        Assert.True(IsValid("true", "{'anything': [1]}"));
        Assert.Equal(new[] { "$ is not allowed here" }, Violations("false", "1"));
        Assert.Equal(new[] { "$.x is not allowed here" }, Violations("{'properties': {'x': false}}", "{'x': 1}"));
        Assert.True(IsValid("{'properties': {'x': false}}", "{'y': 1}"));
    }

    [Fact]
    public void Recursive_schemas_check_recursive_values()
    {
        const string tree = "{'type': 'object', 'properties': {'value': {'type': 'integer'}, 'children': {'type': 'array', 'items': {'$ref': '#'}}}}";
        Assert.True(IsValid(tree, "{'value': 1, 'children': [{'value': 2, 'children': []}, {'children': [{'value': 3}]}]}"));
        Assert.Equal(new[] { "$.children[1].children[0].value must be an integer; 'x' is not valid" }, Violations(tree, "{'children': [{}, {'children': [{'value': 'x'}]}]}"));
    }

    [Theory]
    [InlineData("{'$ref': '#'}")]
    [InlineData("{'$ref': '#/definitions/a', 'definitions': {'a': {'$ref': '#/definitions/b'}, 'b': {'allOf': [{'$ref': '#/definitions/a'}]}}}")]
    [InlineData("{'anyOf': [{'$ref': '#'}]}")]
    public void A_schema_that_refers_to_itself_without_looking_inside_the_value_is_a_violation_not_a_stack_overflow(string schema)
    {
        Assert.False(IsValid(schema, "1"));
        var violation = Assert.Single(Violations(schema, "1"));
        Assert.Contains("refers to itself without looking inside the value", violation);
    }

    [Fact]
    public void A_long_chain_of_references_is_not_mistaken_for_a_loop()
    {
        var chain = string.Join(",", Enumerable.Range(0, 40).Select(i => $"'D{i}': {{'$ref': '#/definitions/D{i + 1}'}}"));
        const string last = "'D40': {'type': 'string'}";
        var schema = "{'$ref': '#/definitions/D0', 'definitions': {" + chain + "," + last + "}}";
        Assert.True(IsValid(schema, "'s'"));
        Assert.Equal(new[] { "$ must be a string; 1 is not valid" }, Violations(schema, "1"));
    }

    [Fact]
    public void Deep_values_are_checked_up_to_the_limit_and_reported_beyond_it()
    {
        var schema = Schema("{'type': 'array', 'items': {'$ref': '#'}}");
        CodegenJson Nest(int depth)
        {
            var value = CodegenJson.CreateArray([]);
            for (var i = 0; i < depth; i++)
            {
                value = CodegenJson.CreateArray([value]);
            }

            return value;
        }

        Assert.True(CodegenSchemaEvaluator.IsValid(schema, Nest(CodegenJsonParser.MaxDepth)));
        var tooDeep = Nest(CodegenSchemaEvaluator.MaxDepth + 10);
        Assert.False(CodegenSchemaEvaluator.IsValid(schema, tooDeep));
        Assert.Contains(CodegenSchemaEvaluator.Validate(schema, tooDeep), v => v.Rule.Contains("nests deeper than 1000 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void A_builder_gets_the_first_violation_and_whether_it_is_a_range()
    {
        var document = Document("{'properties': {'temperature': {'type': 'number', 'minimum': 0, 'maximum': 2}, 'role': {'enum': ['user', 'system']}, 'stop': {'maxItems': 4}}}");
        var temperature = document.Get("/properties/temperature");

        var range = CodegenSchemaEvaluator.FirstViolation(temperature, 3.0, "$.temperature");
        Assert.NotNull(range);
        Assert.True(range.IsRange);
        Assert.Equal("must be between 0 and 2", range.Rule);
        Assert.Equal("/properties/temperature/maximum", range.SchemaPointer);
        Assert.Null(CodegenSchemaEvaluator.FirstViolation(temperature, 0.7, "$.temperature"));

        var notFinite = CodegenSchemaEvaluator.FirstViolation(temperature, double.NaN, "$.temperature");
        Assert.Equal(("must be a finite number", true, "NaN"), (notFinite!.Rule, notFinite.IsRange, notFinite.Value));

        var role = CodegenSchemaEvaluator.FirstViolation(document.Get("/properties/role"), CodegenJson.FromString("admin"), "$.role");
        Assert.Equal(("must be one of 'user', 'system'", false), (role!.Rule, role.IsRange));

        var stop = CodegenSchemaEvaluator.FirstViolation(document.Get("/properties/stop"), Json("[1,2,3,4,5]"), "$.stop");
        Assert.True(stop!.IsRange);
    }

    [Fact]
    public void Validate_into_a_list_returns_the_verdict_and_appends()
    {
        var violations = new List<CodegenRuleViolation> { new("$.earlier", "x", "was there", null, "") };
        Assert.False(CodegenSchemaEvaluator.Validate(Schema("{'type': 'string'}"), Json("1"), "$.value", violations));
        Assert.Equal(2, violations.Count);
        Assert.Equal("$.value", violations[1].Path);
        Assert.Equal("type", violations[1].Keyword);
        Assert.Equal("/type", violations[1].SchemaPointer);
        Assert.True(CodegenSchemaEvaluator.Validate(Schema("{'type': 'string'}"), Json("'s'"), "$.value", violations));
        Assert.Equal(2, violations.Count);
    }

    [Fact]
    public void Long_values_are_cut_in_messages()
    {
        var violation = Assert.Single(Violations("{'type': 'integer'}", "'" + new string('x', 500) + "'"));
        Assert.Equal("$ must be an integer; '" + new string('x', 64) + "…' is not valid", violation);
        var big = Assert.Single(Violations("{'type': 'string'}", "[" + string.Join(",", Enumerable.Repeat("123456789", 100)) + "]"));
        Assert.True(big.Length < 200, big);
        Assert.Contains("…", big);
    }

    [Fact]
    public void The_fast_path_of_simple_keywords_allocates_nothing()
    {
        var schema = Schema("""
            {'type': 'object', 'required': ['a', 'b'], 'properties': {
              'a': {'type': 'integer', 'minimum': 1, 'maximum': 44000, 'multipleOf': 1},
              'b': {'type': 'string', 'minLength': 1, 'maxLength': 10, 'enum': ['x', 'y'], 'pattern': '^[a-z]$'},
              'c': {'type': 'array', 'minItems': 1, 'maxItems': 4, 'items': {'type': 'number', 'exclusiveMaximum': 2}},
              'd': {'type': ['boolean', 'null']}, 'e': {'const': 'k'}}}
            """);
        var value = Json("{'a': 64, 'b': 'x', 'c': [0.5, 1.5], 'd': null, 'e': 'k'}");
        Assert.True(CodegenSchemaEvaluator.IsValid(schema, value));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            CodegenSchemaEvaluator.IsValid(schema, value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
