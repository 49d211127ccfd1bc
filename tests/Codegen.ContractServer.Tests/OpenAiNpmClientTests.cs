using System.Diagnostics;
using System.Text.Json.Nodes;
using Codegen.Testing;

namespace Codegen.ContractServer.Tests;

/// <summary>
/// The official <c>openai</c> npm client (installed with npm into the test's output folder on first use) calling the
/// contract server that serves OpenAI's document: chat, streamed chat, embeddings, models.
/// </summary>
[Collection(OpenAiCollection.Name)]
public sealed class OpenAiNpmClientTests(OpenAiServer served)
{
    [NpmFact(OpenAiServer.Document)]
    public async Task The_official_openai_npm_client_works_against_the_server()
    {
        var folder = await InstallAsync();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "openai-client.mjs"), Path.Combine(folder, "openai-client.mjs"), overwrite: true);

        var (exit, output, error) = await RunAsync("node", folder, "openai-client.mjs", new Uri(served.Server.BaseAddress, "v1").ToString());

        Assert.True(exit == 0, $"node exited with {exit}:\n{output}\n{error}");
        var result = JsonNode.Parse(output)!;
        Assert.False(string.IsNullOrWhiteSpace((string?)result["chat"]));
        Assert.Equal((string?)result["chat"], (string?)result["streamed"]);
        Assert.True((int)result["chunks"]! > 1);
        var embedding = result["embedding"]!.AsArray();
        Assert.Equal(4, embedding.Count);
        Assert.All(embedding, n => Assert.InRange((double)n!, -1, 1));
        Assert.NotEmpty(result["models"]!.AsArray());
        Assert.Equal("gpt-4o-mini", (string?)result["model"]);
        Assert.Equal(400, (int)result["refused"]!["status"]!);
        Assert.Equal(2, result["refused"]!["details"]!.AsArray().Count);
    }

    /// <summary>A folder with <c>node_modules/openai</c>, installed once per output folder.</summary>
    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "npm-openai");
        if (File.Exists(Path.Combine(folder, "node_modules", "openai", "package.json")))
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        var (exit, output, error) = await RunAsync("npm", folder, "install", "openai@6", "--no-audit", "--no-fund", "--prefix", folder);
        Assert.True(exit == 0, $"npm install openai@6 failed ({exit}):\n{output}\n{error}");
        return folder;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A fact that needs node and npm on the PATH and a shared contract; skipped, with the reason, otherwise.</summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute(string sharedContract)
    {
        var missing = new[] { "node", "npm" }.Where(p => !OnPath(p)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not on the PATH: the official openai npm client cannot be installed or run.";
        }
        else if (!File.Exists(RepoPaths.SharedContract(sharedContract)))
        {
            Skip = $"The shared contract '{RepoPaths.SharedContract(sharedContract)}' is not present on this machine.";
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)) || File.Exists(Path.Combine(folder, program + ".cmd")) || File.Exists(Path.Combine(folder, program + ".exe")));
}
