using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests;

/// <summary>
/// What a project says about a contract in item metadata (namespace, prefix, overlay, selection) reaches
/// the generator as the package's targets write it, and each setting changes the output it should.
/// </summary>
public class ItemMetadataTests
{
    private const string ProjectDirectory = "/work/app/";

    private const string Api = """
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            post:
              operationId: createPet
              tags: [pets]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/NewPet' }
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
          /stores/{id}:
            get:
              operationId: getStore
              tags: [stores]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: The store.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Store' }
        components:
          schemas:
            NewPet:
              type: object
              required: [name]
              properties:
                name: { type: string, maxLength: 40 }
            Pet:
              type: object
              properties:
                name: { type: string }
            Store:
              type: object
              properties:
                city: { type: string }
        """;

    /// <summary>The same API with a key in a header (components comes last in <see cref="Api"/>).</summary>
    private const string SecuredApi = Api + """

          securitySchemes:
            Key: { type: apiKey, in: header, name: X-Pets-Key }
        security:
          - Key: []
        """;

    private const string Overlay = """
        overlay: 1.0.0
        info: { title: Tighter names, version: 1.0.0 }
        actions:
          - target: $.components.schemas.NewPet.properties.name
            update: { maxLength: 12 }
        """;

    private static (AdditionalText, IReadOnlyDictionary<string, string>) Contract(string text, params (string Key, string Value)[] metadata)
    {
        var items = metadata.ToDictionary(m => m.Key, m => m.Value);
        items["CodegenContract"] = "true";
        return (new Text(ProjectDirectory + "api/pets.yaml", text), items);
    }

    private static (AdditionalText, IReadOnlyDictionary<string, string>) OverlayFile(string path, string text = Overlay) =>
        (new Text(path, text), new Dictionary<string, string> { ["CodegenOverlay"] = "true" });

    private static GeneratorDriver Run(out Compilation output, string? projectDirectory, params (AdditionalText, IReadOnlyDictionary<string, string>)[] files)
    {
        var compilation = GeneratorHarness.CreateCompilation("class User { }");
        return GeneratorHarness.CreateDriver(files, projectDirectory: projectDirectory).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
    }

    private static IReadOnlyList<Diagnostic> Diagnostics(GeneratorDriver driver) => driver.GetRunResult().Diagnostics;

    private static List<string> Problems(GeneratorDriver driver) =>
        Diagnostics(driver).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

    private static string SchemaDocument(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith("SchemaAttribute.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    [Fact]
    public void NamespaceAndPrefixComeFromTheItem()
    {
        var driver = Run(out var output, ProjectDirectory, Contract(Api, ("CodegenNamespace", "Contoso.Pets"), ("CodegenPrefix", "Zoo")));

        Assert.Empty(Problems(driver));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Pets.NewPet"));
        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Pets.ZooJsonContext"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    [Fact]
    public void AnInvalidNamespaceIsAnErrorThatNamesTheMetadata()
    {
        var driver = Run(out _, ProjectDirectory, Contract(Api, ("CodegenNamespace", "Contoso..Pets")));

        var diagnostic = Assert.Single(Diagnostics(driver), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("Namespace", diagnostic.GetMessage());
        Assert.Contains("Contoso..Pets", diagnostic.GetMessage());
    }

    [Fact]
    public void SelectionByTagGeneratesOnlyWhatItsOperationsReach()
    {
        var driver = Run(out var output, ProjectDirectory, Contract(Api, ("CodegenNamespace", "Pets"), ("CodegenTags", "stores")));

        Assert.NotNull(output.GetTypeByMetadataName("Pets.Store"));
        Assert.Null(output.GetTypeByMetadataName("Pets.NewPet"));
        Assert.Null(output.GetTypeByMetadataName("Pets.Pet"));
        Assert.Empty(Problems(driver));
    }

    [Fact]
    public void PercentEncodedListsAreSplitAfterDecoding()
    {
        // The targets encode each value, because an .editorconfig line ends at ';': "createPet;getStor" arrives so.
        var driver = Run(out var output, ProjectDirectory, Contract(Api, ("CodegenNamespace", "Pets"), ("CodegenOperations", Uri.EscapeDataString("createPet;getStor"))));

        Assert.NotNull(output.GetTypeByMetadataName("Pets.NewPet"));
        Assert.Null(output.GetTypeByMetadataName("Pets.Store"));
        var typo = Assert.Single(Diagnostics(driver), d => d.Id == "CG0018");
        Assert.Contains("operation 'getStor'", typo.GetMessage());
    }

    [Fact]
    public void AnOverlayRelativeToTheProjectChangesTheRules()
    {
        var without = Run(out _, ProjectDirectory, Contract(Api));
        var with = Run(out _, ProjectDirectory, Contract(Api, ("CodegenOverlayPath", "api/../overlays/pets.overlay.yaml")), OverlayFile(ProjectDirectory + "overlays/pets.overlay.yaml"));

        Assert.Empty(Problems(with));
        Assert.Contains("\\\"maxLength\\\":40", SchemaDocument(without));
        Assert.Contains("\\\"maxLength\\\":12", SchemaDocument(with));
        Assert.DoesNotContain("\\\"maxLength\\\":40", SchemaDocument(with));
    }

    [Fact]
    public void WithoutTheProjectFolderAnOverlayIsFoundByTheEndOfItsPath()
    {
        var driver = Run(out _, projectDirectory: null, Contract(Api, ("CodegenOverlayPath", "overlays\\pets.overlay.yaml")), OverlayFile("/elsewhere/overlays/pets.overlay.yaml"));

        Assert.Contains("\\\"maxLength\\\":12", SchemaDocument(driver));
    }

    [Fact]
    public void AMissingOverlayIsAnErrorThatNamesIt()
    {
        var driver = Run(out _, ProjectDirectory, Contract(Api, ("CodegenOverlayPath", "overlays/missing.overlay.yaml")), OverlayFile(ProjectDirectory + "overlays/pets.overlay.yaml"));

        var diagnostic = Assert.Single(Diagnostics(driver), d => d.Id == "CG0014");
        Assert.Contains("overlays/missing.overlay.yaml", diagnostic.GetMessage());
    }

    [Fact]
    public void EditingTheOverlayRegeneratesAndEditingAnotherFileDoesNot()
    {
        var overlay = OverlayFile(ProjectDirectory + "overlays/pets.overlay.yaml");
        var compilation = GeneratorHarness.CreateCompilation("class User { }");
        var other = (new Text("/work/app/other.schema.json", """{ "definitions": { "Thing": { "type": "object", "properties": { "a": { "type": "string" } } } } }"""),
            (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["CodegenContract"] = "true" });
        var driver = GeneratorHarness.CreateDriver([Contract(Api, ("CodegenOverlayPath", "overlays/pets.overlay.yaml")), overlay, other], projectDirectory: ProjectDirectory)
            .RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(overlay.Item1, new Text(overlay.Item1.Path, Overlay.Replace("maxLength: 12", "maxLength: 7")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains("\\\"maxLength\\\":7", result.GeneratedSources.Single(s => s.HintName.StartsWith("pets.", StringComparison.Ordinal) && s.HintName.EndsWith("SchemaAttribute.g.cs", StringComparison.Ordinal)).SourceText.ToString());
        var parsed = result.TrackedSteps[TrackingNames.Parsed].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        // The contract that names the overlay is read again; the other one is not.
        Assert.Contains(IncrementalStepRunReason.Modified, parsed);
        Assert.Contains(IncrementalStepRunReason.Cached, parsed);
    }

    [Fact]
    public void TheKeysEnvironmentVariableComesFromTheItem()
    {
        var named = Run(out var output, ProjectDirectory, Contract(SecuredApi, ("CodegenNamespace", "Pets"), ("CodegenPrefix", "Pets"), ("CodegenApiKeyEnvironmentVariable", "ACME_PETS_KEY")));
        var unnamed = Run(out _, ProjectDirectory, Contract(SecuredApi, ("CodegenNamespace", "Pets"), ("CodegenPrefix", "Pets")));

        Assert.Empty(Problems(named));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        var options = (INamedTypeSymbol)output.GetTypeByMetadataName("Pets.PetsClientOptions")!;
        var constant = Assert.Single(options.GetMembers("ApiKeyEnvironmentVariable").OfType<IFieldSymbol>());
        Assert.Equal("ACME_PETS_KEY", constant.ConstantValue);
        Assert.Contains("GetEnvironmentVariable(ApiKeyEnvironmentVariable)", GeneratedText(named), StringComparison.Ordinal);
        Assert.Contains("\"PETS_API_KEY\"", GeneratedText(unnamed), StringComparison.Ordinal);
        Assert.DoesNotContain("ACME_PETS_KEY", GeneratedText(unnamed), StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatIsNotAVariableNameIsAnErrorThatDoesNotRepeatIt()
    {
        // Someone pasted the key itself where its variable's name belongs: the build log must not show it.
        const string key = "sk-live-51Hx9fake0key0for0tests";
        var driver = Run(out _, ProjectDirectory, Contract(SecuredApi, ("CodegenNamespace", "Pets"), ("CodegenApiKeyEnvironmentVariable", Uri.EscapeDataString(key))));

        var diagnostic = Assert.Single(Diagnostics(driver), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CG0004", diagnostic.Id);
        Assert.Contains("ApiKeyEnvironmentVariable", diagnostic.GetMessage());
        Assert.DoesNotContain(key, diagnostic.ToString());
        Assert.DoesNotContain("51Hx9", diagnostic.ToString());
    }

    [Fact]
    public void AVariableForAContractWithoutCredentialsIsSaidToHaveNoEffect()
    {
        var driver = Run(out _, ProjectDirectory, Contract(Api, ("CodegenNamespace", "Pets"), ("CodegenApiKeyEnvironmentVariable", "ACME_PETS_KEY")));

        var diagnostic = Assert.Single(Diagnostics(driver), d => d.Id == "CG0020");
        Assert.Contains("no security scheme", diagnostic.GetMessage());
        Assert.Empty(Problems(driver));
    }

    [Fact]
    public void ForAJsonSchemaContractTheItemsVariableWinsOverItsXCodegenEnv()
    {
        var contract = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "modelslab-completions.schema.json"));
        Assert.Contains("\"env\": \"MODELSLAB_API_KEY\"", contract, StringComparison.Ordinal);

        var driver = Run(out var output, ProjectDirectory, Contract(contract, ("CodegenApiKeyEnvironmentVariable", "ACME_MODELSLAB_KEY")));

        Assert.Empty(Problems(driver));
        var options = output.GetTypeByMetadataName("ModelsLab.Completions.ModelsLabClientOptions")!;
        Assert.Equal("ACME_MODELSLAB_KEY", Assert.Single(options.GetMembers("ApiKeyEnvironmentVariable").OfType<IFieldSymbol>()).ConstantValue);
    }

    private static string GeneratedText(GeneratorDriver driver) =>
        string.Concat(driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
