using System.IO.Compression;

namespace Codegen.Package.Tests;

[Collection(PackageCollection.Name)]
public class PackageTests(PackageFixture package)
{
    private const string Program = """
        using System.Text.Json;
        using ModelsLab.Completions;

        var request = CompletionRequest.CreateBuilder("Say hi").WithMaxTokens(16).WithTemperature(0.5).Build();
        Console.WriteLine(JsonSerializer.Serialize(request, ModelsLabJsonContext.Default.CompletionRequest));

        // Values from configuration: constants out of range would be build errors (CG1001).
        double topP = double.Parse("1.5", System.Globalization.CultureInfo.InvariantCulture);
        double temperature = double.Parse("3", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(string.Join(" | ", (request with { TopP = topP }).Validate()));
        try
        {
            CompletionRequest.CreateBuilder("x").WithTemperature(temperature);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            Console.WriteLine(ex.Message.Split('\n')[0].Split(" (Parameter")[0]);
        }

        var response = JsonSerializer.Deserialize("{\"object\":\"text_completion\",\"created\":1732624363,\"model\":\"m\",\"choices\":[{\"text\":\"hi\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null,\"prompt_logprobs\":null}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}", ModelsLabJsonContext.Default.CompletionResponse)!;
        Console.WriteLine(JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CompletionResponse));

        // The generated client, against a bare HTTP/1.1 responder on loopback (no ASP.NET Core in this app).
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var connection = await listener.AcceptTcpClientAsync();
                var stream = connection.GetStream();
                var received = new List<byte>();
                var buffer = new byte[8192];
                int headerEnd;
                while ((headerEnd = IndexOfBlankLine(received)) < 0)
                {
                    var n = await stream.ReadAsync(buffer);
                    received.AddRange(buffer.AsSpan(0, n).ToArray());
                }

                var headers = System.Text.Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
                var length = int.Parse(headers.Split("\r\n").First(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim());
                while (received.Count < headerEnd + 4 + length)
                {
                    var n = await stream.ReadAsync(buffer);
                    received.AddRange(buffer.AsSpan(0, n).ToArray());
                }

                var body = System.Text.Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, length);
                var chunk = "{\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"TEXT\",\"index\":0,\"finish_reason\":null}]}";
                var (type, payload) = body.Contains("\"stream\":true")
                    ? ("text/event-stream", "data: " + chunk.Replace("TEXT", "stre") + "\n\ndata: " + chunk.Replace("TEXT", "amed") + "\n\ndata: [DONE]\n\n")
                    : ("application/json", chunk.Replace("TEXT", "completed"));
                var bytes = System.Text.Encoding.UTF8.GetBytes(payload);
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {type}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
                await stream.WriteAsync(bytes);
            }
        });

        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new ModelsLabClient(new ModelsLabClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}/"), ApiKey = "test-key" });
        Console.WriteLine((await client.CreateCompletionAsync(request)).Choices[0].Text);
        await foreach (var part in client.CreateCompletionStreamingAsync(request))
        {
            Console.Write(part.Choices[0].Text);
        }

        Console.WriteLine();

        static int IndexOfBlankLine(List<byte> bytes)
        {
            for (var i = 0; i + 3 < bytes.Count; i++)
            {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
        """;

    private static readonly string[] ExpectedOutput =
    [
        """{"prompt":"Say hi","max_tokens":16,"temperature":0.5}""",
        "$.top_p must be between 0 and 1; 1.5 is not valid",
        "'temperature' must be between 0 and 2; 3 is out of range.",
        """{"object":"text_completion","created":1732624363,"model":"m","choices":[{"text":"hi","index":0,"logprobs":null,"finish_reason":"length","stop_reason":null,"prompt_logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}""",
        "completed",
        "streamed",
    ];

    [Fact]
    public void PackageHoldsTheGeneratorAnalyzersAndTheirDependenciesOnly()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var analyzers = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["Codegen.Analyzers.dll", "Codegen.CodeFixes.dll", "Codegen.Contracts.dll", "Codegen.Emitters.dll", "Codegen.Generator.dll", "Codegen.Rules.dll", "SharpYaml.dll"],
            analyzers);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName == "build/ContractFirst.Codegen.targets");
        Assert.Contains(zip.Entries, e => e.FullName == "buildTransitive/ContractFirst.Codegen.props");
    }

    [Fact]
    public void FreshProjectRestoresBuildsAndRuns()
    {
        var project = package.CreateProject("Fresh", Program);
        var run = DotNet.Cli(project, "run -c Release").AssertSuccess("dotnet run");

        Assert.Equal(ExpectedOutput, run.Output.Replace("\r", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(ExpectedOutput.Length));
    }

    [Fact]
    public void FreshProjectPublishesWithNativeAotWithoutWarningsAndRuns()
    {
        var project = package.CreateProject("Aot", Program, "<PublishAot>true</PublishAot>");
        var publish = DotNet.Cli(project, $"publish -c Release -r linux-x64 -o out{DotNet.NativeLinkerOption}", TimeSpan.FromMinutes(10)).AssertSuccess("dotnet publish -p:PublishAot=true");

        Assert.DoesNotMatch(@"warning (IL|CS)\d+", publish.Output);
        var native = Path.Combine(project, "out", "Aot");
        Assert.True(File.Exists(native), "no native executable at " + native);
        var run = DotNet.Run(project, native, string.Empty).AssertSuccess("the native executable");
        Assert.Equal(ExpectedOutput, run.Output.Replace("\r", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
