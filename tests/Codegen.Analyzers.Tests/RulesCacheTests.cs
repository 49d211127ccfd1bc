using System.Threading.Tasks;
using Codegen.Runtime;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>The rules document is read once per text, from any thread, whatever compilation the attribute class comes from.</summary>
public class RulesCacheTests
{
    [Fact]
    public void One_document_is_read_for_the_same_attribute_in_source_and_in_a_referenced_assembly_from_many_threads()
    {
        var inSource = AttributeClass(GeneratedContract.ModelsLab.Compile("class User { }", referenced: false));
        var referenced = AttributeClass(GeneratedContract.ModelsLab.Compile("class User { }", referenced: true));
        Assert.Equal(TypeKind.Class, inSource.TypeKind);
        Assert.NotEqual(inSource.ContainingAssembly.Name, referenced.ContainingAssembly.Name);

        var documents = new CodegenSchemaDocument[64];
        Parallel.For(0, documents.Length, i => documents[i] = ContractRules.Read(i % 2 == 0 ? inSource : referenced)!.Document);

        Assert.All(documents, document => Assert.Same(documents[0], document));
        Assert.Equal(CodegenSchemaDialect.Draft07, documents[0].Dialect);
        Assert.NotNull(documents[0].Get("/definitions/CompletionRequest/properties/temperature").Maximum);
    }

    [Fact]
    public void A_class_without_the_shape_has_no_rules()
    {
        var compilation = GeneratedContract.Orders.Compile(
            """
            public sealed class LooksAlikeAttribute : System.Attribute
            {
                public const string Document = "not json";
                public const string Dialect = "Draft07";
            }

            public sealed class NumberDialectAttribute : System.Attribute
            {
                public const string Document = "{}";
                public const string Dialect = "7";
            }

            public sealed class NoDialectAttribute : System.Attribute
            {
                public const string Document = "{}";
            }
            """,
            referenced: true);

        Assert.Null(ContractRules.Read(compilation.GetTypeByMetadataName("LooksAlikeAttribute")!));
        Assert.Null(ContractRules.Read(compilation.GetTypeByMetadataName("NumberDialectAttribute")!));
        Assert.Null(ContractRules.Read(compilation.GetTypeByMetadataName("NoDialectAttribute")!));
        Assert.NotNull(ContractRules.Read(compilation.GetTypeByMetadataName("Shop.ShopSchemaAttribute")!));
    }

    private static INamedTypeSymbol AttributeClass(Compilation compilation) =>
        compilation.GetTypeByMetadataName("ModelsLab.Completions.ModelsLabSchemaAttribute")!;
}
