using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests;

/// <summary>CG0012: a contract added as a plain AdditionalFiles item is named, with the line to write instead.</summary>
public class UnmarkedContractTests
{
    private const string ProjectDirectory = "/proj/";

    /// <summary>An additional file whose text must never be read: the generator only looks at .json files.</summary>
    public static AdditionalText Unreadable(string path) => new UnreadableText(path);

    [Fact]
    public void ContractWrittenAsAdditionalFilesGetsTheLineToWrite()
    {
        var contract = new ContractInput(ProjectDirectory + "schema/api.schema.json", GeneratorHarness.ModelsLab().Text);
        var result = Run([], [contract.ToAdditionalText()]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("CG0012", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(contract.Path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("Write <CodegenContract Include=\"schema/api.schema.json\" /> in place of <AdditionalFiles Include=\"schema/api.schema.json\" />", diagnostic.GetMessage());
        Assert.Contains("\"x-codegen\"", diagnostic.GetMessage());
        Assert.Equal(ContractGenerator.HelpLinkBase + "CG0012.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(result.GeneratedTrees);
    }

    [Theory]
    [InlineData("/proj/openai.json", """{ "$schema": "http://json-schema.org/draft-07/schema#", "definitions": {} }""", "it is a JSON Schema")]
    [InlineData("/proj/things.schema.json", """{ "definitions": { "A": { "type": "object" } } }""", "it is a .schema.json file")]
    public void OtherContractShapesAreRecognised(string path, string text, string evidence)
    {
        var result = Run([], [new ContractInput(path, text).ToAdditionalText()]);

        Assert.Contains(evidence, Assert.Single(result.Diagnostics, d => d.Id == "CG0012").GetMessage());
    }

    [Fact]
    public void OtherAdditionalFilesAreNeitherReportedNorRead()
    {
        var files = new[]
        {
            new ContractInput("/proj/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""").ToAdditionalText(),
            new ContractInput("/proj/stylecop.json", """{ "$schema": "https://raw.githubusercontent.com/DotNetAnalyzers/StyleCopAnalyzers/master/StyleCop.Analyzers/StyleCop.Analyzers/Settings/stylecop.schema.json" }""").ToAdditionalText(),
            Unreadable("/proj/PublicAPI.Shipped.txt"),
            Unreadable("/proj/api.schema.yaml"),
        };

        var result = Run([], files);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void MarkerBeyondTheSniffIsNotLookedFor()
    {
        var text = "{ \"description\": \"" + new string('x', ContractGenerator.SniffLength) + "\", \"x-codegen\": { } }";

        Assert.Empty(Run([], [new ContractInput("/proj/late.json", text).ToAdditionalText()]).Diagnostics);
    }

    [Fact]
    public void FileListedAlsoAsAContractIsNotReported()
    {
        var contract = new ContractInput(ProjectDirectory + "api.schema.json", GeneratorHarness.ModelsLab().Text);
        var result = Run([contract.ToAdditionalText()], [contract.ToAdditionalText()]);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CG0012");
        Assert.NotEmpty(result.GeneratedTrees);
    }

    private static GeneratorDriverRunResult Run(AdditionalText[] contracts, AdditionalText[] others) =>
        GeneratorHarness.CreateDriver(contracts, others, projectDirectory: ProjectDirectory)
            .RunGenerators(GeneratorHarness.CreateCompilation("class A { }"))
            .GetRunResult();

    private sealed class UnreadableText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The generator read " + path + ", which is not a .json file.");
    }
}
