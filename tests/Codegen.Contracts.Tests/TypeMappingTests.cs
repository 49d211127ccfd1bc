using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;

namespace Codegen.Contracts.Tests;

/// <summary>What C# shape a schema gets: a shape only where the schema gives one, so that no valid value is refused when read.</summary>
public sealed class TypeMappingTests
{
    private static ContractSpec Parse(string definitions)
    {
        var result = ContractParser.Parse("/contracts/shapes.schema.json", """{ "x-codegen": { "namespace": "Shapes", "prefix": "Shapes" }, "definitions": """ + definitions + " }");
        Assert.NotNull(result.Contract);
        return result.Contract;
    }

    private static PropertySpec Property(ContractSpec contract, string type, string property) =>
        contract.Types.OfType<ObjectTypeSpec>().Single(t => t.Name == type).Properties.Single(p => p.JsonName == property);

    [Fact]
    public void An_allOf_of_rules_only_holds_any_value()
    {
        // The suite's "allOf simple types" and "non-interference across combined schemas": bounds and if/then/else
        // apply to numbers only, so a string is valid, and the generated code must be able to read it.
        var contract = Parse("""
            {
              "Holder": { "type": "object", "properties": {
                "range": { "allOf": [ { "maximum": 30 }, { "minimum": 20 } ] },
                "nested": { "allOf": [ { "allOf": [ { "type": "null" } ] } ] },
                "conditional": { "allOf": [ { "if": { "exclusiveMaximum": 0 } }, { "then": { "minimum": -10 } } ] },
                "number": { "allOf": [ {}, { "type": "number" } ] },
                "merged": { "allOf": [ { "properties": { "a": { "type": "string" } } }, { "properties": { "b": { "type": "integer" } } } ] }
              } }
            }
            """);

        Assert.Equal(TypeRefKind.Any, Property(contract, "Holder", "range").Type.Kind);
        Assert.Equal(TypeRefKind.Any, Property(contract, "Holder", "nested").Type.Kind);
        Assert.Equal(TypeRefKind.Any, Property(contract, "Holder", "conditional").Type.Kind);
        Assert.Equal(TypeRefKind.Number, Property(contract, "Holder", "number").Type.Kind);
        Assert.Equal(TypeRefKind.Object, Property(contract, "Holder", "merged").Type.Kind);
    }

    [Fact]
    public void A_union_with_a_case_for_any_value_is_read_by_its_schemas()
    {
        // anyOf [integer, { minimum: 2 }]: 2.5 is a number the integer case cannot hold; the value's token alone cannot choose.
        var contract = Parse("""{ "Either": { "anyOf": [ { "type": "integer" }, { "minimum": 2 } ] }, "Strings": { "oneOf": [ { "type": "string", "maxLength": 2 }, { "type": "string", "minLength": 4 } ] } }""");

        var either = contract.Types.OfType<UnionTypeSpec>().Single(t => t.Name == "Either");
        Assert.Equal([TypeRefKind.Int64, TypeRefKind.Any], either.Cases.Select(c => c.Type.Kind));
        Assert.True(either.CasesShareShapes);
        var strings = contract.Types.OfType<UnionTypeSpec>().Single(t => t.Name == "Strings");
        Assert.Equal(["String", "String2"], strings.Cases.Select(c => c.Name));
        Assert.True(strings.CasesShareShapes);
    }
}
