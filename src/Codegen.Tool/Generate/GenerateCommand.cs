using System.CommandLine;
using System.Text;
using Codegen.Contracts.Diagnostics;
using Codegen.Emitters;
using Codegen.Emitters.Planning;
using Codegen.Tool.Check;
using Codegen.Tool.Console;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Generate;

/// <summary>
/// <c>codegen generate &lt;contract&gt;... --out &lt;dir&gt;</c>: the files the source generator adds to a compilation,
/// under the same hint names, byte for byte as the compiler writes them with <c>EmitCompilerGeneratedFiles</c>
/// (UTF-8 with a byte order mark).
/// </summary>
public static class GenerateCommand
{
    /// <summary>The encoding the compiler gives text added with <c>AddSource(string, string)</c>, and writes generated files in.</summary>
    public static readonly Encoding FileEncoding = Encoding.UTF8;

    public static Command Create(ToolConsole console)
    {
        var contracts = CommonOptions.Contracts("The contract files to generate from, as a project would list them.");
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "The folder to write the generated .g.cs files to (created if missing).",
            HelpName = "dir",
            Required = true,
        };
        var httpClientFactory = new Option<bool>("--http-client-factory")
        {
            Description = "Also write services.Add{Prefix}Client(), as the generator does for projects that reference Microsoft.Extensions.Http.",
        };
        var clean = new Option<bool>("--clean")
        {
            Description = "Delete the .g.cs files in the output folder that this run did not write (left from renamed types or contracts).",
        };
        var warningsAsErrors = new Option<bool>("--warnaserror")
        {
            Description = "Treat warnings as errors: report them as such and exit 1 (files are still written).",
        };

        var command = new Command("generate", "Write the C# files the source generator would add for the contracts, for reading, review or check-in.")
        {
            contracts, output, httpClientFactory, clean, warningsAsErrors,
        };
        var settings = new ContractOptions();
        settings.AddTo(command);
        CommandExamples.Set(command,
            ("codegen generate schema/api.schema.json --out Generated", "Write every file of the contract into Generated/."),
            ("codegen generate schema/*.json --out Generated --clean", "Regenerate all contracts and delete stale files."),
            ("codegen generate api.schema.json -o out --http-client-factory", "Include the IHttpClientFactory registration."),
            ("codegen generate openapi.yaml -o out --namespace Contoso.Api --operations createChatCompletion", "One operation of a large document, in your namespace."));

        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetRequiredValue(contracts), settings.Read(parse), parse.GetRequiredValue(output), parse.GetValue(httpClientFactory), parse.GetValue(clean), parse.GetValue(warningsAsErrors), console, cancellationToken)));
        return command;
    }

    private static int Run(string[] paths, ContractSettings settings, DirectoryInfo output, bool httpClientFactory, bool clean, bool warningsAsErrors, ToolConsole console, CancellationToken cancellationToken)
    {
        var set = ContractSet.Load(paths, settings, console, cancellationToken);
        foreach (var error in set.InputErrors)
        {
            console.WriteError(error.Message);
        }

        var report = new CheckReport(set, warningsAsErrors);
        foreach (var diagnostic in report.Diagnostics)
        {
            console.Error.WriteLine(TextFormat.Line(diagnostic.Location, diagnostic.Severity, diagnostic.Kind.Id, diagnostic.Message, console.ErrorColors));
        }

        var files = new List<GeneratedFile>();
        var failed = 0;
        using (var progress = Progress.Start(console, "Generating"))
        {
            foreach (var planned in set.Plans.Planned)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report("Generating " + planned.Contract.FileName);
                try
                {
                    files.AddRange(ContractPlanner.Emit(planned, httpClientFactory));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var failure = ContractPlanner.EmitFailure(planned.Contract, ex);
                    console.Error.WriteLine(TextFormat.Line(failure.Location, ContractSeverity.Error, failure.Id, failure.Message, console.ErrorColors));
                    failed++;
                }
            }
        }

        try
        {
            Directory.CreateDirectory(output.FullName);
            var (written, unchanged) = Write(files, output.FullName);
            var stale = Directory.EnumerateFiles(output.FullName, "*.g.cs")
                .Where(path => !files.Any(f => string.Equals(Path.Combine(output.FullName, f.HintName), path, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var path in stale)
            {
                if (clean)
                {
                    File.Delete(path);
                }
                else
                {
                    console.WriteWarning($"{path} was not generated by this run (a renamed type or contract?); --clean deletes it.");
                }
            }

            var deleted = clean && stale.Count > 0 ? $", {stale.Count} stale deleted" : string.Empty;
            console.Output.WriteLine($"{files.Count} files for {set.Plans.Planned.Count} of {set.Contracts.Count} contracts in {output.FullName} ({written} written, {unchanged} unchanged{deleted}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"Cannot write to {output.FullName}: {ex.Message}");
            return ExitCodes.Errors;
        }

        return report.Errors > 0 || set.InputErrors.Count > 0 || failed > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }

    /// <summary>Writes each file unless it already holds the same bytes, so that an unchanged file keeps its time stamp.</summary>
    private static (int Written, int Unchanged) Write(IEnumerable<GeneratedFile> files, string folder)
    {
        var written = 0;
        var unchanged = 0;
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.HintName);
            var bytes = Bytes(file.Text);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                unchanged++;
                continue;
            }

            File.WriteAllBytes(path, bytes);
            written++;
        }

        return (written, unchanged);
    }

    /// <summary>The bytes the compiler writes for generated text: the encoding's preamble, then the text.</summary>
    public static byte[] Bytes(string text) => [.. FileEncoding.GetPreamble(), .. FileEncoding.GetBytes(text)];
}
