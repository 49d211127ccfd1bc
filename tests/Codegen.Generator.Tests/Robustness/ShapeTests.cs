using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// The shapes of <see cref="ShapeContracts"/> through the real generator: the code compiles without a warning, a
/// sample of each type round-trips, and <c>Validate()</c> says what the contract says.
/// </summary>
public class ShapeTests
{
    [Fact]
    public void Maps_and_arrays_at_every_position_of_an_object_with_many_properties()
    {
        var (contract, samples) = ShapeContracts.Positions();
        var run = GeneratorHarness.Run(contract);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        foreach (var (definition, sample) in samples)
        {
            var value = loaded.Deserialize(sample, "Shapes.Positions." + definition);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), JsonNode.Parse(loaded.Serialize(value))), definition + ": " + loaded.Serialize(value));
            Assert.Empty(Violations(value));
        }

        // A map value and an array item that break their rules, at the last position: Validate() finds them there.
        var last = ShapeContracts.PropertyCount - 1;
        var badMap = JsonNode.Parse(samples.Single(s => s.Definition == "MapAt" + last).Sample)!;
        badMap["p" + last] = JsonNode.Parse("""{ "a": -1 }""");
        Assert.Contains($"$.p{last}.a", string.Join(" ", Violations(loaded.Deserialize(badMap.ToJsonString(), "Shapes.Positions.MapAt" + last))));
        var badArray = JsonNode.Parse(samples.Single(s => s.Definition == "ArrayAt" + last).Sample)!;
        badArray["p" + last] = JsonNode.Parse("""["too long"]""");
        Assert.Contains($"$.p{last}[0]", string.Join(" ", Violations(loaded.Deserialize(badArray.ToJsonString(), "Shapes.Positions.ArrayAt" + last))));
    }

    [Fact]
    public void Definitions_and_properties_named_like_everything_the_generated_code_declares()
    {
        var contracts = ShapeContracts.DefinitionKinds
            .Select(kind => new ContractInput($"/contracts/names-{kind}.schema.json", ShapeContracts.Names(kind, "Shapes.Names." + kind, "Names")))
            .ToList();
        var run = GeneratorHarness.Run(contracts);

        // Renames are reported (CG0007); nothing else is wrong, and the code compiles without a warning.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CG0007").Select(d => d.ToString()));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        foreach (var (kind, sample) in new[] { ("Object", """{ "Value": "x", "Validate": "y" }"""), ("StringEnum", "\"KnownValues\""), ("Union", "3"), ("Map", """{ "a": "b" }"""), ("Array", """["a"]""") })
        {
            var json = $$"""{ "Value": {{sample}}, "Validate": {{sample}}, "value": {{sample}}, "NamesJsonContext": {{sample}}, "NamesClientPipeline": {{sample}} }""";
            var holder = loaded.Deserialize(json, $"Shapes.Names.{kind}.Holder{kind}");
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(loaded.Serialize(holder))), kind + ": " + loaded.Serialize(holder));
            Assert.Empty(Violations(holder));
        }
    }

    [Fact]
    public void Boolean_subschemas_wherever_a_schema_may_stand()
    {
        var (contract, samples) = ShapeContracts.Booleans();
        var run = GeneratorHarness.Run(contract);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Error);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        foreach (var (definition, sample, valid) in samples)
        {
            object value;
            try
            {
                value = loaded.Deserialize(sample, "Shapes.Booleans." + definition);
            }
            catch (JsonException) when (!valid)
            {
                continue;
            }

            Assert.True(valid == (Violations(value).Count == 0), $"{sample}: expected {(valid ? "valid" : "invalid")}, Validate() says {string.Join("; ", Violations(value))}");
            if (valid)
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample), JsonNode.Parse(loaded.Serialize(value))), loaded.Serialize(value));
            }
        }
    }

    private static List<string> Violations(object value) =>
        ((IEnumerable)LoadedContract.Invoke(value, value.GetType(), "Validate")!).Cast<object>().Select(v => v.ToString()!).ToList();
}
