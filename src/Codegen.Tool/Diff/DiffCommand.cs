using System.CommandLine;
using Codegen.Contracts.Evolution;
using Codegen.Contracts.Model;
using Codegen.Tool.Check;
using Codegen.Tool.Console;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Diff;

/// <summary>
/// <c>codegen diff &lt;old&gt; &lt;new&gt;</c>: every change between two versions of a contract, classified by the
/// evolution rules (CG2001-CG2141, docs/evolution.md), with <c>--fail-on</c> for CI.
/// </summary>
public static class DiffCommand
{
    public static Command Create(ToolConsole console)
    {
        var oldContract = new Argument<string>("old") { Description = "The old contract: a file, or a file at a git revision (HEAD~1:schema/api.json, main:openapi.yaml; the path from the root of the repository that holds <new>)." };
        var newContract = new Argument<string>("new") { Description = "The new contract file." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "How to report: text (MSBuild-style lines), json, sarif (SARIF 2.1.0), or markdown (a pull-request comment).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "markdown");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a change is at least this serious: breaking, or potentially-breaking (which includes breaking). Without it, only unreadable contracts fail.",
            HelpName = "level",
        };
        failOn.AcceptOnlyFromAmong("breaking", "potentially-breaking");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output.", HelpName = "file" };
        var command = new Command("diff", "Compare two versions of a contract: every change, breaking or not, for the clients generated from the old one.")
        {
            oldContract, newContract, format, failOn, output,
        };
        var settings = new ContractOptions();
        settings.AddTo(command);
        CommandExamples.Set(command,
            ("codegen diff HEAD~1:schema/api.schema.json schema/api.schema.json", "What the last commit changed in the contract."),
            ("codegen diff old.yaml openapi.yaml --fail-on breaking", "CI: exit 1 on a breaking change."),
            ("codegen diff main:openapi.yaml openapi.yaml --format markdown -o changes.md", "A pull-request comment."),
            ("codegen diff schema/api.schema.baseline.json schema/api.schema.json", "What the build's guard compares: the baseline and the contract."));

        command.SetAction(async (parse, cancellationToken) =>
        {
            var contractSettings = settings.Read(parse);
            var oldSpec = parse.GetRequiredValue(oldContract);
            var newSpec = parse.GetRequiredValue(newContract);
            // Both contracts are read at once: two large documents take half the time on two cores.
            // A revision is read from the git repository that holds the new contract.
            var gitDirectory = Path.GetDirectoryName(Path.GetFullPath(newSpec));
            // The old version is read as the new one is named (a contract without x-codegen takes its names from its file).
            var oldRead = Task.Run(() => Read(oldSpec, contractSettings, gitDirectory, cancellationToken, namedAs: newSpec), cancellationToken);
            var newRead = Read(newSpec, contractSettings, gitDirectory, cancellationToken);
            var (before, beforeProblems) = await oldRead;
            var (after, afterProblems) = newRead;
            foreach (var problem in beforeProblems.Concat(afterProblems))
            {
                console.WriteError(problem);
            }

            if (before is null || after is null)
            {
                return ExitCodes.Errors;
            }

            var report = new DiffReport(oldSpec, newSpec, ContractComparer.Compare(before, after, cancellationToken));
            Write(report, Enum.Parse<DiffFormat>(parse.GetRequiredValue(format), ignoreCase: true), parse.GetValue(output), console);
            var threshold = parse.GetValue(failOn) switch
            {
                "breaking" => ChangeLevel.Breaking,
                "potentially-breaking" => ChangeLevel.PotentiallyBreaking,
                _ => (ChangeLevel?)null,
            };
            return threshold is { } level && report.Comparison.Highest >= level ? ExitCodes.Errors : ExitCodes.Success;
        });
        return command;
    }

    private static (ContractSnapshot? Snapshot, List<string> Problems) Read(string spec, ContractSettings settings, string? gitDirectory, CancellationToken cancellationToken, string? namedAs = null)
    {
        var snapshot = ContractVersion.Read(spec, settings, out var error, out var errors, cancellationToken, gitDirectory, namedAs);
        var problems = new List<string>();
        if (error is not null)
        {
            problems.Add(error.Message);
        }

        problems.AddRange(errors.Select(d => TextFormat.Line(d.Location, Contracts.Diagnostics.ContractSeverity.Error, d.Id, d.Message, colors: false)));
        if (snapshot is null && error is null)
        {
            problems.Add($"'{spec}' has errors (above); fix them before comparing (codegen check {spec}).");
        }

        return (snapshot, problems);
    }

    private static void Write(DiffReport report, DiffFormat format, FileInfo? file, ToolConsole console)
    {
        if (format == DiffFormat.Text && file is null)
        {
            report.WriteText(console.Output, console.OutputColors);
            console.Output.WriteLine(report.Summary());
            return;
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case DiffFormat.Json:
                report.WriteJson(buffer);
                break;
            case DiffFormat.Sarif:
                SarifFormat.Write(report.Diagnostics(), [], [], buffer, Directory.GetCurrentDirectory());
                break;
            case DiffFormat.Markdown:
                buffer.Write(System.Text.Encoding.UTF8.GetBytes(report.Markdown()));
                break;
            default:
                using (var writer = new StreamWriter(buffer, leaveOpen: true))
                {
                    report.WriteText(writer, colors: false);
                }

                break;
        }

        console.Deliver(buffer.ToArray(), file, report.Summary());
    }
}
