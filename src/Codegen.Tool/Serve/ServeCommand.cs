using System.CommandLine;
using System.Globalization;
using Codegen.ContractServer;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Emitters.Planning;
using Codegen.Tool.Check;
using Codegen.Tool.Console;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Serve;

/// <summary>
/// <c>codegen serve &lt;contract&gt;</c>: the contract server on 127.0.0.1 (unless told otherwise), with a request
/// log on the console, reloading the contract when its file changes without giving up the port.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5055";

    /// <summary>Operations listed in the banner; a whole API (OpenAI's has 288) is summarised after these.</summary>
    private const int MaxListed = 40;

    public static Command Create(ToolConsole console)
    {
        var contract = CommonOptions.Contract("The contract file to serve.");
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (Kestrel URLs, ';'-separated). Loopback unless you name another address; port 0 picks a free one.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Require 'Authorization: Bearer <key>' (401 otherwise). Never printed.",
            HelpName = "key",
        };
        var cors = new Option<string[]>("--cors")
        {
            Description = "Allow browser apps from these origins to call the server (no origin: any).",
            HelpName = "origin",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not reload the contract (or its overlay) when its file changes." };
        var settings = new ContractOptions();

        var command = new Command("serve", "Serve the contract's operations (a JSON Schema contract's, or every path of an OpenAPI document) locally: validated requests, documented examples or deterministic answers, streaming, Prism's Prefer header and fault injection.")
        {
            contract, urls, apiKey, cors, noWatch,
        };
        settings.AddTo(command);
        CommandExamples.Set(command,
            ("codegen serve schema/api.schema.json", "Serve on http://127.0.0.1:5055 (and under /v1); edits to the file are served at once."),
            ("codegen serve api.schema.json --urls http://127.0.0.1:0", "Serve on a free port (printed)."),
            ("codegen serve openapi.yaml --overlay streaming.overlay.yaml --tags Chat", "Serve an OpenAPI document's Chat operations, as the overlay amends it."),
            ("codegen serve api.schema.json --cors http://localhost:5173", "Let a browser app on that origin call it."),
            ("curl -H 'Prefer: code=429' http://127.0.0.1:5055/v1/completions -d '{\"prompt\":\"hi\"}'", "Ask for an error answer, as with Prism."));

        command.SetAction(async (parse, cancellationToken) =>
        {
            var corsResult = parse.GetResult(cors);
            var origins = corsResult is null ? null : parse.GetValue(cors) is { Length: > 0 } named ? named : ["*"];
            return await RunAsync(parse.GetRequiredValue(contract), settings.Read(parse), parse.GetRequiredValue(urls), parse.GetValue(apiKey), origins, !parse.GetValue(noWatch), console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, ContractSettings settings, string urls, string? apiKey, IReadOnlyList<string>? cors, bool watch, ToolConsole console, CancellationToken cancellationToken)
    {
        var set = ContractSet.Load([path], settings, console, cancellationToken);
        if (set.InputErrors.Count > 0)
        {
            console.WriteError(set.InputErrors[0].Message);
            return ExitCodes.Errors;
        }

        var file = set.Contracts[0].File;
        WriteDiagnostics(console, set.Diagnostics);
        if (set.Contracts[0].Parsed.Contract is null)
        {
            console.WriteError($"{path} gives no contract to serve; fix the errors above.");
            return ExitCodes.Errors;
        }

        var log = new RequestLog(console);
        global::Codegen.ContractServer.ContractServer server;
        try
        {
            using var progress = Progress.Start(console, "Starting the server on " + urls);
            server = await global::Codegen.ContractServer.ContractServer.StartAsync(
                new ContractServerOptions { Input = settings.ToInput(file, ReadOverlay(settings)), Urls = urls, ApiKey = apiKey, CorsOrigins = cors, RequestLog = log.Write },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            console.WriteError($"Cannot serve on {urls}: {ex.Message}");
            return ExitCodes.Errors;
        }

        await using (server)
        {
            WriteBanner(console, path, server, cors, watch);
            var lastInput = settings.ToInput(file, ReadOverlay(settings));
            async Task ReloadAsync()
            {
                var changed = ContractReader.Read(file.Path, out var error);
                ContractFile? overlay = null;
                if (changed is not null && settings.Overlay is { } overlayPath)
                {
                    overlay = ContractReader.Read(overlayPath, out error);
                    error = error is null ? null : error with { Message = "The overlay " + error.Message };
                }

                if (changed is null || error is not null)
                {
                    console.WriteWarning($"{error!.Message} Still serving the previous contract.");
                    return;
                }

                var input = settings.ToInput(changed, overlay);
                if (input == lastInput)
                {
                    return;
                }

                lastInput = input;
                var result = await server.ReloadAsync(input, cancellationToken);
                WriteDiagnostics(console, result.Diagnostics);
                if (result.Reloaded)
                {
                    console.Output.WriteLine($"{Time()} Reloaded {Path.GetFileName(file.Path)}: {Operations(server.Contract)}.");
                }
                else
                {
                    console.WriteWarning($"{Path.GetFileName(file.Path)} no longer gives a contract; still serving the previous one.");
                }
            }

            using var watcher = watch ? new ContractWatcher(file.Path, ReloadAsync) : null;
            using var overlayWatcher = watch && settings.Overlay is { } watched ? new ContractWatcher(watched, ReloadAsync) : null;

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                console.Output.WriteLine($"{Time()} Stopping.");
            }
        }

        return ExitCodes.Success;
    }

    private static void WriteBanner(ToolConsole console, string path, global::Codegen.ContractServer.ContractServer server, IReadOnlyList<string>? cors, bool watch)
    {
        var output = console.Output;
        output.WriteLine($"Serving {path} ({server.Contract.Prefix}, {Operations(server.Contract)}) at {server.BaseAddress} (also under /v1).");
        foreach (var operation in server.Operations.Take(MaxListed))
        {
            var streams = operation.Stream is null ? string.Empty
                : operation.Stream.FlagJsonName is { } flag ? " (streams with " + flag + ": true)" : " (streams)";
            output.WriteLine($"  {operation.Method} {operation.Path}{streams}");
        }

        if (server.Operations.Count > MaxListed)
        {
            output.WriteLine($"  ... and {server.Operations.Count - MaxListed} more (--operations, --tags or --paths serve fewer).");
        }

        if (cors is not null)
        {
            output.WriteLine("  CORS: " + string.Join(", ", cors));
        }

        output.WriteLine(watch ? "Watching the contract for changes. Ctrl+C stops." : "Ctrl+C stops.");
        output.Flush();
    }

    /// <summary>The overlay named on the command line; ContractSet.Load has already refused one that cannot be read.</summary>
    private static ContractFile? ReadOverlay(ContractSettings settings) => settings.Overlay is { } path ? ContractReader.Read(path, out _) : null;

    private static void WriteDiagnostics(ToolConsole console, IEnumerable<ContractDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var kind = ContractDiagnosticCatalog.Find(diagnostic.Id);
            console.Error.WriteLine(TextFormat.Line(diagnostic.Location, kind.Severity, kind.Id, diagnostic.Message, console.ErrorColors));
        }
    }

    private static string Operations(ContractSpec contract) => contract.Operations.Count == 1 ? "1 operation" : contract.Operations.Count + " operations";

    internal static string Time() => DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
