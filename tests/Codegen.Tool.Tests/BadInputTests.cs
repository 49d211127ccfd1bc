namespace Codegen.Tool.Tests;

/// <summary>What is no contract gets one clear line and exit code 1 from every command, never a stack trace.</summary>
public class BadInputTests
{
    public static TheoryData<string> Commands => ["check", "generate", "serve"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task MissingFile(string command)
    {
        using var folder = new TempFolder();
        var run = await RunAsync(command, folder, Path.Combine(folder.Path, "nope.schema.json"));

        AssertClearError(run, "nope.schema.json' does not exist.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Folder(string command)
    {
        using var folder = new TempFolder();
        folder.Write("schema/api.schema.json", "{}");

        var run = await RunAsync(command, folder, Path.Combine(folder.Path, "schema"));

        AssertClearError(run, "is a folder; name a contract file in it (it holds api.schema.json).");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task BinaryGarbage(string command)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "garbage.json");
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);
        bytes[10] = 0;
        File.WriteAllBytes(path, bytes);

        var run = await RunAsync(command, folder, path);

        AssertClearError(run, "is not a text file (a NUL byte at offset");
    }

    [Fact]
    public async Task TextThatIsNotUtf8()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "latin1.json");
        File.WriteAllBytes(path, [.. "{ \"title\": \"caf"u8, 0xE9, .. "\" }"u8]);

        var run = await Tool.RunAsync("check", path);

        AssertClearError(run, "is not UTF-8 text (an invalid byte at offset 15); save the contract as UTF-8.");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task FiftyMegabyteContract(string command)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.schema.json");
        using (var stream = File.Create(path))
        {
            // A real 50 MB JSON text: an object with one long string.
            stream.Write("{ \"description\": \""u8);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk);
            }

            stream.Write("\" }"u8);
        }

        var run = await RunAsync(command, folder, path);

        AssertClearError(run, "huge.schema.json' is 50 MB; a contract may be at most 16 MB.");
    }

    [Fact]
    public async Task EmptyFileIsTheGeneratorsCg0001()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.json", string.Empty);

        var run = await Tool.RunAsync("check", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error CG0001", run.Output);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task OneUnreadableContractDoesNotHideTheOthers()
    {
        using var folder = new TempFolder();
        var good = GeneratorHarness.ModelsLabContractPath;

        var run = await Tool.RunAsync("check", Path.Combine(folder.Path, "missing.json"), good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 contract checked: 0 errors, 0 warnings, 0 messages; 1 contract could not be read.", run.Output);
    }

    private static Task<ToolRun> RunAsync(string command, TempFolder folder, string path) => command switch
    {
        "generate" => Tool.RunAsync("generate", path, "--out", Path.Combine(folder.Path, "out")),
        "serve" => Tool.RunAsync("serve", path, "--urls", "http://127.0.0.1:0", "--no-watch"),
        _ => Tool.RunAsync(command, path),
    };

    private static void AssertClearError(ToolRun run, string message)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("codegen: error: ", run.Error);
        Assert.Contains(message, run.Error);
        run.AssertNoStackTrace();
    }
}
