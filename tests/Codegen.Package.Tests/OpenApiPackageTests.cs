using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Codegen.Package.Tests;

/// <summary>
/// OpenAI's whole OpenAPI document added to a fresh project with one line, from the packed package: the models and the
/// client of all 288 operations build under TreatWarningsAsErrors, nullable and AOT analysis with no warning, and the
/// client's chat completion (whole and streamed), completion, embeddings and models calls work against the installed
/// tool's contract server serving the same document, under JIT and then as a native AOT executable published from the
/// same build with no warning. The document's only flaws the generator warns about (five object properties with
/// <c>default: null</c>, CG0009) are removed by an overlay, as a user would, without editing the vendor's file; the
/// server reads the same overlay.
/// </summary>
[Collection(PackageCollection.Name)]
public partial class OpenApiPackageTests(PackageFixture package, ITestOutputHelper log)
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

    /// <summary>The calls of the issue's proof, against the server named by the arguments: base URI and API key.</summary>
    private const string Program = """
        using System.Text;
        using OpenAIAPI;

        using var client = new OpenAIAPIClient(new OpenAIAPIClientOptions { BaseUri = new Uri(args[0]), ApiKey = args[1], MaxRetries = 0 });
        var request = new CreateChatCompletionRequest { Model = "gpt-4o", Messages = [new ChatCompletionRequestUserMessage { Content = "Say hello" }] };
        Console.WriteLine($"{OpenAIAPIClientOptions.DefaultBaseUri} violations={request.Validate().Count}");

        var chat = await client.CreateChatCompletionAsync(request);
        Console.WriteLine($"chat: {chat.Choices[0].Message.Content}");
        var streamed = new StringBuilder();
        var chunks = 0;
        await foreach (var chunk in client.CreateChatCompletionStreamingAsync(request))
        {
            chunks++;
            foreach (var choice in chunk.Choices)
            {
                streamed.Append(choice.Delta.Content);
            }
        }

        Console.WriteLine($"streamed: {streamed}");
        Console.WriteLine($"chunks: {chunks}");
        var completion = await client.CreateCompletionAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Once upon a time", MaxTokens = 3 });
        Console.WriteLine($"completion: {completion.Choices[0].Text}");
        var embedding = await client.CreateEmbeddingAsync(new CreateEmbeddingRequest { Model = "text-embedding-3-small", Input = "The food was delicious", Dimensions = 16 });
        Console.WriteLine($"embedding: {embedding.Data[0].EmbeddingValue.Count} numbers");
        var models = await client.ListModelsAsync();
        Console.WriteLine($"models: {models.Object} of {models.Data.Count}");
        var model = await client.RetrieveModelAsync("ft:gpt-4o-mini:acme");
        Console.WriteLine($"model: {model.Id}");
        """;

    private const string ApiKey = "sk-package-test-7c1e93a05b";

    [Fact]
    public async Task The_whole_OpenAI_document_builds_warning_free_and_its_client_runs_against_the_contract_server_under_JIT_and_native_AOT()
    {
        var contract = RepoPaths.SharedContract("openai-openapi/openapi.yaml");
        Assert.True(File.Exists(contract), "The shared contracts are missing: " + contract);

        // One restore and one build serve both runs: the runtime identifier and PublishAot are the project's own, so
        // the publish below compiles the build's IL to native code without restoring or compiling again.
        var project = package.CreateProject(
            "OpenAiDocument",
            Program,
            extraProperties: $"<PublishAot>true</PublishAot><RuntimeIdentifier>{RuntimeInformation.RuntimeIdentifier}</RuntimeIdentifier>",
            extraItems: $"""<CodegenContract Include="{contract}" Overlay="openai.overlay.yaml" />""");
        File.WriteAllText(Path.Combine(project, "openai.overlay.yaml"), Overlay);

        // The server reads the 3 MB document while the project builds.
        var serving = Task.Run(() => ServedContract.StartAsync(package.Tool, project, $"serve \"{contract}\" --overlay openai.overlay.yaml --api-key {ApiKey}", TimeSpan.FromMinutes(3)));
        var watch = Stopwatch.StartNew();
        var build = DotNet.Cli(project, "build -c Release", TimeSpan.FromMinutes(20));
        log.WriteLine($"restore and build {watch.Elapsed.TotalSeconds:0.0} s");
        await using var server = await serving;
        build.AssertSuccess("dotnet build");
        Assert.Contains(" 0 Warning(s)", build.Output);
        var arguments = $"{new Uri(server.Address, "v1")} {ApiKey}";

        var jit = DotNet.Cli(project, "run -c Release --no-build -- " + arguments, TimeSpan.FromMinutes(2)).AssertSuccess("dotnet run");
        var answers = Lines(jit.Output);
        AssertAnswers(answers);

        watch.Restart();
        var publish = DotNet.Cli(project, "publish -c Release --no-build -o out" + DotNet.NativeLinkerOption, TimeSpan.FromMinutes(15)).AssertSuccess("dotnet publish with native AOT");
        var native = Path.Combine(project, "out", "OpenAiDocument");
        Assert.True(File.Exists(native), "no native executable at " + native);
        log.WriteLine($"native AOT publish {watch.Elapsed.TotalSeconds:0.0} s, executable {new FileInfo(native).Length / 1024} KB");

        // ILC's trim and AOT analysis (IL2xxx, IL3xxx) and anything else the publish warns about.
        Assert.DoesNotMatch(@"\bwarning [A-Z]+\d+", publish.Output);
        Assert.Contains("Generating native code", publish.Output);
        var aot = DotNet.Run(project, native, arguments, TimeSpan.FromMinutes(1)).AssertSuccess("the native executable");
        Assert.Equal(answers, Lines(aot.Output));

        // Every call reached the server and was answered there, twice: under JIT and natively.
        await server.WaitForAsync(RequestTwelve());
        Assert.Equal(12, AnsweredRequest().Matches(server.Output).Count);
        Assert.Equal(2, Regex.Matches(server.Output, @"POST /v1/chat/completions 200 \d+ ms stream ").Count);
    }

    private static void AssertAnswers(IReadOnlyList<string> answers)
    {
        string Answer(string name) => Assert.Single(answers, a => a.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];

        Assert.Contains("https://api.openai.com/v1 violations=0", answers);
        var chat = Answer("chat");
        Assert.False(string.IsNullOrWhiteSpace(chat), "an empty chat completion");
        Assert.Equal(chat, Answer("streamed"));
        Assert.True(int.Parse(Answer("chunks"), System.Globalization.CultureInfo.InvariantCulture) > 1, "the stream came in one chunk");
        Assert.False(string.IsNullOrWhiteSpace(Answer("completion")), "an empty completion");
        Assert.Equal("16 numbers", Answer("embedding"));
        Assert.StartsWith("list of ", Answer("models"), StringComparison.Ordinal);
        Assert.Equal("ft:gpt-4o-mini:acme", Answer("model"));
    }

    private static List<string> Lines(string output) =>
        output.Replace("\r", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex(@"(GET|POST) /v1/\S+ 200 \d+ ms( stream)? req_\d+")]
    private static partial Regex AnsweredRequest();

    [GeneratedRegex(@" req_12\b")]
    private static partial Regex RequestTwelve();
}
