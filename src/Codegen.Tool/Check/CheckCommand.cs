using System.CommandLine;
using Codegen.Tool.Console;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Check;

/// <summary>The output formats of <c>codegen check</c>.</summary>
public enum CheckFormat
{
    /// <summary>MSBuild-style lines, as the compiler prints them.</summary>
    Text,

    Json,

    /// <summary>SARIF 2.1.0.</summary>
    Sarif,
}

/// <summary><c>codegen check &lt;contract&gt;...</c>: every diagnostic the source generator would report for these contracts.</summary>
public static class CheckCommand
{
    public static Command Create(ToolConsole console)
    {
        var contracts = CommonOptions.Contracts("The contract files to check, as a project would list them (several are checked together, clashes between them included).");
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to report: text (MSBuild-style lines), json, or sarif (SARIF 2.1.0 for code scanning).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
            HelpName = "file",
        };
        var warningsAsErrors = new Option<bool>("--warnaserror")
        {
            Description = "Report warnings as errors (and fail on them), as the compiler's -warnaserror does.",
        };

        var command = new Command("check", "Report every diagnostic the source generator would report for the contracts: the same ids, messages, lines and columns.")
        {
            contracts, format, output, warningsAsErrors,
        };
        var settings = new ContractOptions();
        settings.AddTo(command);
        CommandExamples.Set(command,
            ("codegen check schema/api.schema.json", "Check one contract; MSBuild-style lines, exit 1 on errors."),
            ("codegen check schema/*.json --warnaserror", "Check every contract of a project together; fail on warnings too."),
            ("codegen check api.schema.json --format sarif -o codegen.sarif", "Write SARIF 2.1.0 for a code-scanning upload."),
            ("codegen check api.schema.json --format json", "One JSON document: contracts, diagnostics, counts."),
            ("codegen check openapi.yaml --overlay fixes.overlay.yaml --tags chat", "Check an OpenAPI document as a project with that overlay and selection reads it."));

        command.SetAction((parse, cancellationToken) =>
        {
            var set = ContractSet.Load(parse.GetRequiredValue(contracts), settings.Read(parse), console, cancellationToken);
            var report = new CheckReport(set, parse.GetValue(warningsAsErrors));
            Write(report, Enum.Parse<CheckFormat>(parse.GetRequiredValue(format), ignoreCase: true), parse.GetValue(output), console);
            return Task.FromResult(report.ExitCode);
        });
        return command;
    }

    private static void Write(CheckReport report, CheckFormat format, FileInfo? file, ToolConsole console)
    {
        foreach (var error in report.Set.InputErrors)
        {
            console.WriteError(error.Message);
        }

        if (format == CheckFormat.Text && file is null)
        {
            TextFormat.Write(report, console.Output, console.OutputColors);
            console.Output.WriteLine(report.Summary());
            return;
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case CheckFormat.Json:
                JsonFormat.Write(report, buffer);
                break;
            case CheckFormat.Sarif:
                SarifFormat.Write(report, buffer, Directory.GetCurrentDirectory());
                break;
            default:
                using (var writer = new StreamWriter(buffer, leaveOpen: true))
                {
                    TextFormat.Write(report, writer, colors: false);
                }

                break;
        }

        console.Deliver(buffer.ToArray(), file, report.Summary());
    }
}
