namespace Codegen.Package.Tests;

/// <summary>
/// Item metadata as a user writes it in a project (namespace, prefix, an overlay beside the project, a
/// ';'-separated selection and the key's environment variable), through the package's targets and the compiler,
/// in a real build.
/// </summary>
[Collection(PackageCollection.Name)]
public class ItemMetadataBuildTests(PackageFixture package)
{
    private const string Overlay = """
        overlay: 1.0.0
        info: { title: Cooler chats, version: 1.0.0 }
        actions:
          - target: $.components.schemas.ChatCompletionsRequest.properties.temperature
            update: { maximum: 1 }
        """;

    [Fact]
    public void NamespacePrefixOverlaySelectionAndKeyVariableReachTheGenerator()
    {
        var contract = RepoPaths.SharedContract("modelslab-uncensored-chat/openapi.json");
        Assert.True(File.Exists(contract), "The shared contracts are missing: " + contract);

        // Both path patterns must arrive: the program uses a type that each of them selects.
        var project = package.CreateProject("Metadata", """
            using Chat.Api;

            var temperature = double.Parse(args.Length > 0 ? args[0] : "1.5", System.Globalization.CultureInfo.InvariantCulture);
            var request = new ChatCompletionsRequest { Messages = [new ChatMessage { Role = ChatMessageRole.User, Content = "Hi" }], Temperature = temperature };
            Console.WriteLine($"{typeof(UncensoredChatRequest).Name} {typeof(ChatJsonContext).Name} violations={request.Validate().Count} key from {ChatClientOptions.ApiKeyEnvironmentVariable}");
            """, extraItems: """<CodegenContract Include="contracts/chat.json" Namespace="Chat.Api" Prefix="Chat" Overlay="overlays/chat.overlay.yaml" Paths="/llm/**;/chat/**" ApiKeyEnvironmentVariable="ACME_CHAT_KEY" />""");
        Directory.CreateDirectory(Path.Combine(project, "contracts"));
        Directory.CreateDirectory(Path.Combine(project, "overlays"));
        File.Copy(contract, Path.Combine(project, "contracts", "chat.json"));
        File.WriteAllText(Path.Combine(project, "overlays", "chat.overlay.yaml"), Overlay);

        var run = DotNet.Cli(project, "run");

        run.AssertSuccess("dotnet run");
        // The overlay lowered the maximum from 2 to 1, so 1.5 breaks the contract.
        Assert.Contains("UncensoredChatRequest ChatJsonContext violations=1 key from ACME_CHAT_KEY", run.Output);
    }
}
