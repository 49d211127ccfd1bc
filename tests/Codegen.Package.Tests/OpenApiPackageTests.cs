namespace Codegen.Package.Tests;

/// <summary>
/// OpenAI's whole OpenAPI document added to a fresh project with one line, from the packed package: the models and the
/// client of all 288 operations build under TreatWarningsAsErrors, nullable and AOT analysis with no warning, and run.
/// The document's only flaws the generator warns about (five object properties with <c>default: null</c>, CG0009)
/// are removed by an overlay, as a user would, without editing the vendor's file.
/// </summary>
[Collection(PackageCollection.Name)]
public class OpenApiPackageTests(PackageFixture package)
{
    private const string Overlay = """
        overlay: 1.0.0
        info: { title: OpenAI document fixes, version: 1.0.0 }
        actions:
          - target: $.components.schemas.RealtimeSession.properties.input_audio_noise_reduction.default
            remove: true
          - target: $.components.schemas.RealtimeSessionCreateRequestGA.properties.audio.properties.input.properties.noise_reduction.default
            remove: true
          - target: $.components.schemas.RealtimeSessionCreateResponseGA.properties.audio.properties.input.properties.noise_reduction.default
            remove: true
          - target: $.components.schemas.RealtimeTranscriptionSessionCreateRequest.properties.input_audio_noise_reduction.default
            remove: true
          - target: $.components.schemas.RealtimeTranscriptionSessionCreateRequestGA.properties.audio.properties.input.properties.noise_reduction.default
            remove: true
        """;

    [Fact]
    public void The_whole_OpenAI_document_builds_warning_free_and_its_client_runs()
    {
        var contract = Path.GetFullPath(Path.Combine(package.RepoRoot, "..", "shared", "contracts", "openai-openapi", "openapi.yaml"));
        Assert.True(File.Exists(contract), "The shared contracts are missing: " + contract);

        var project = package.CreateProject("OpenAiDocument", """
            using OpenAIAPI;

            using var client = new OpenAIAPIClient(new OpenAIAPIClientOptions { ApiKey = "sk-package-test" });
            var request = new CreateChatCompletionRequest { Model = "gpt-4o", Messages = [new ChatCompletionRequestUserMessage { Content = "Hi" }] };
            Console.WriteLine($"{OpenAIAPIClientOptions.DefaultBaseUri} violations={request.Validate().Count}");
            """, extraItems: $"""<CodegenContract Include="{contract}" Overlay="openai.overlay.yaml" />""");
        File.WriteAllText(Path.Combine(project, "openai.overlay.yaml"), Overlay);

        var build = DotNet.Cli(project, "build", TimeSpan.FromMinutes(20)).AssertSuccess("dotnet build");
        Assert.Contains(" 0 Warning(s)", build.Output);
        var run = DotNet.Cli(project, "run --no-build", TimeSpan.FromMinutes(2)).AssertSuccess("dotnet run");
        Assert.Contains("https://api.openai.com/v1 violations=0", run.Output);
    }
}
