namespace Codegen.Contracts.Tests;

public sealed class DocumentTests
{
    [SharedContractFact]
    public void OpenAIs_YAML_and_JSON_documents_read_to_the_same_values()
    {
        var yaml = ContractDocument.Load("openapi.yaml", File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.yaml")));
        var json = ContractDocument.Load("openapi.json", File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.json")));
        Assert.Equal(ContractFormat.Yaml, yaml.Format);
        Assert.Equal(ContractFormat.Json, json.Format);
        Assert.Equal(json.Root, yaml.Root);

        // A block scalar holding only a line break (which YamlDotNet 18 refuses) reads as one.
        var example = yaml.Find("/components/schemas/StopConfiguration/oneOf/0/example");
        Assert.Equal("\n", example!.StringValue);
    }

    [SharedContractFact]
    public void Positions_point_at_member_names_in_both_formats()
    {
        const string pointer = "/components/schemas/CreateCompletionRequest/properties/stop";
        foreach (var file in new[] { "openai-openapi/openapi.yaml", "openai-openapi/openapi.json" })
        {
            var text = File.ReadAllText(RepoPaths.SharedContract(file));
            var document = ContractDocument.Load(file, text);
            var span = document.SpanOf(pointer);
            var line = text.Split('\n')[span.StartLine];
            Assert.StartsWith(file.EndsWith(".yaml") ? "stop:" : "\"stop\":", line.Substring(span.StartColumn));
        }
    }

    [Fact]
    public void Yaml_scalars_follow_the_core_schema()
    {
        const string text = """
            plain: hello
            quoted: "123"
            single: 'true'
            integer: 42
            negative: -7
            float: 1.5
            exponent: 1e3
            leadingDot: .5
            hex: 0x1F
            octal: 0o17
            yes: yes
            truth: true
            nothing: null
            tilde: ~
            empty:
            version: 1.2.3
            date: 2024-01-01
            200:
              description: OK
            literal: |
              line one
              line two
            """;
        var root = ContractDocument.Load("a.yaml", text).Root;
        Assert.Equal(CodegenJson.Parse("""
            {"plain":"hello","quoted":"123","single":"true","integer":42,"negative":-7,"float":1.5,"exponent":1000,
             "leadingDot":0.5,"hex":31,"octal":15,"yes":"yes","truth":true,"nothing":null,"tilde":null,"empty":null,
             "version":"1.2.3","date":"2024-01-01","200":{"description":"OK"},"literal":"line one\nline two\n"}
            """), root);
    }

    [Fact]
    public void Yaml_anchors_aliases_and_merge_keys_are_resolved()
    {
        const string text = """
            base: &base
              type: object
              description: shared
            copy: *base
            merged:
              <<: *base
              description: own
            """;
        var root = ContractDocument.Load("a.yml", text).Root;
        Assert.Equal(root.GetPropertyOrNull("base"), root.GetPropertyOrNull("copy"));
        Assert.Equal(CodegenJson.Parse("""{"description":"own","type":"object"}"""), root.GetPropertyOrNull("merged"));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "appears twice", 1, 0)]
    [InlineData("a: 1\n---\nb: 2\n", "more than one document", 1, 0)]
    [InlineData("a: .inf\n", "no JSON equivalent", 0, 3)]
    [InlineData("a: [1, 2\nb: 3\n", "not valid YAML", 1, 1)]
    [InlineData("a: *missing\n", "refers to no anchor", 0, 3)]
    public void Bad_yaml_says_what_and_where(string text, string message, int line, int column)
    {
        var ex = Assert.Throws<ContractDocumentException>(() => ContractDocument.Load("bad.yaml", text));
        Assert.Contains(message, ex.Message);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Bad_json_is_reported_with_its_position()
    {
        var ex = Assert.Throws<ContractDocumentException>(() => ContractDocument.Load("bad.json", "{\n  \"a\": 1,\n  \"a\": 2\n}"));
        Assert.StartsWith("The contract is not valid JSON: ", ex.Message);
        Assert.Equal((2, 2), (ex.Line, ex.Column));
    }

    [Theory]
    [InlineData("x.yaml", "{}", ContractFormat.Yaml)]
    [InlineData("x.json", "a: 1", ContractFormat.Json)]
    [InlineData("contract", "  {\"a\": 1}", ContractFormat.Json)]
    [InlineData("contract", "openapi: 3.1.0", ContractFormat.Yaml)]
    public void The_format_comes_from_the_extension_else_from_the_text(string path, string text, ContractFormat expected) =>
        Assert.Equal(expected, ContractDocument.FormatOf(path, text));

    [Fact]
    public void A_missing_value_is_located_at_its_nearest_ancestor()
    {
        const string text = "{\n  \"definitions\": {\n    \"A\": { \"type\": \"object\" }\n  }\n}";
        var document = ContractDocument.Load("c.json", text);
        var span = document.SpanOf("/definitions/A/properties/missing");
        Assert.Equal((2, 4), (span.StartLine, span.StartColumn));
    }
}
