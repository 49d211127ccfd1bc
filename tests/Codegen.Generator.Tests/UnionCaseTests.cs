using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// Unions whose cases share a C# type (two string cases told apart by their schemas, two JSON cases) or include a
/// case for any value: they compile, and a value is read into the case whose schema accepts it.
/// </summary>
public class UnionCaseTests
{
    private const string Contract = """
        {
          "x-codegen": { "namespace": "Unions.Cases", "prefix": "Cases" },
          "definitions": {
            "Holder": { "type": "object", "properties": {
              "strings": { "oneOf": [ { "type": "string", "maxLength": 2 }, { "type": "string", "minLength": 4 } ] },
              "either": { "anyOf": [ { "type": "integer" }, { "minimum": 2 } ] },
              "anything": { "anyOf": [ true, true ] }
            } }
          }
        }
        """;

    [Fact]
    public void Cases_of_one_CSharp_type_compile_and_keep_their_case()
    {
        var run = GeneratorHarness.Run(Contract);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        var strings = loaded.Type("Unions.Cases.HolderStrings");
        Assert.Equal(true, Property(Read(loaded, """{ "strings": "ab" }"""), "Strings", "IsString"));
        Assert.Equal(true, Property(Read(loaded, """{ "strings": "abcde" }"""), "Strings", "IsString2"));

        // The second string case is made by From{Case}; the constructor makes the first.
        var second = strings.GetMethod("FromString2")!.Invoke(null, ["wxyz"])!;
        Assert.Equal(true, strings.GetProperty("IsString2")!.GetValue(second));
        Assert.Equal(true, strings.GetProperty("IsString")!.GetValue(Activator.CreateInstance(strings, "ab")));

        // "abc" fits neither case: kept as it was, reported by Validate(), written back unchanged.
        var neither = Read(loaded, """{ "strings": "abc" }""");
        Assert.Equal(true, Property(neither, "Strings", "IsUnknown"));
        Assert.NotEmpty((System.Collections.IEnumerable)LoadedContract.Invoke(neither, neither.GetType(), "Validate")!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "strings": "abc" }"""), JsonNode.Parse(loaded.Serialize(neither))));
    }

    [Fact]
    public void A_case_for_any_value_takes_what_the_typed_case_cannot_hold()
    {
        var run = GeneratorHarness.Run(Contract);
        using var loaded = LoadedContract.Load(run);

        // 2.5 is no integer, but it is at least 2: the second case, valid.
        var fraction = Read(loaded, """{ "either": 2.5, "anything": "x" }""");
        Assert.Equal(true, Property(fraction, "Either", "IsJson"));
        Assert.Empty((System.Collections.IEnumerable)LoadedContract.Invoke(fraction, fraction.GetType(), "Validate")!);
        Assert.Equal(true, Property(Read(loaded, """{ "either": 1 }"""), "Either", "IsInteger"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "either": 2.5, "anything": "x" }"""), JsonNode.Parse(loaded.Serialize(fraction))));
    }

    private static object Read(LoadedContract loaded, string json) => loaded.Deserialize(json, "Unions.Cases.Holder");

    private static object? Property(object holder, string member, string property)
    {
        var union = holder.GetType().GetProperty(member)!.GetValue(holder)!;
        return union.GetType().GetProperty(property)!.GetValue(union);
    }
}
