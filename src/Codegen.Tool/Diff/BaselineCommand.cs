using System.CommandLine;
using Codegen.Contracts.Evolution;
using Codegen.Tool.Check;
using Codegen.Tool.Console;
using Codegen.Tool.Inputs;

namespace Codegen.Tool.Diff;

/// <summary>
/// <c>codegen baseline &lt;contract&gt;</c>: records the contract as shipped in its baseline file
/// (<see cref="ContractBaseline"/>), which the build compares the contract with from then on. Run it when a change is
/// released, or to accept a breaking change; commit the file.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(ToolConsole console)
    {
        var contract = CommonOptions.Contract("The contract whose baseline to write (beside it: api.schema.json has api.schema.baseline.json).");
        var command = new Command("baseline", "Record the contract as shipped: the build then reports changes that break its clients (CG2xxx) at their line.")
        {
            contract,
        };
        var settings = new ContractOptions();
        settings.AddTo(command);
        CommandExamples.Set(command,
            ("codegen baseline schema/api.schema.json", "Write schema/api.schema.baseline.json; commit it with the contract."),
            ("codegen baseline openapi.yaml --overlay fixes.overlay.yaml", "The contract must read without errors, read as the project reads it."));

        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(contract);
            if (ContractBaseline.IsBaseline(path))
            {
                console.WriteError($"'{path}' is a baseline; name the contract it belongs to.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var snapshot = ContractVersion.Read(path, settings.Read(parse), out var error, out var errors, cancellationToken);
            if (error is not null)
            {
                console.WriteError(error.Message);
                return Task.FromResult(ExitCodes.Errors);
            }

            if (snapshot is null || errors.Count > 0)
            {
                foreach (var diagnostic in errors)
                {
                    console.WriteError(TextFormat.Line(diagnostic.Location, Contracts.Diagnostics.ContractSeverity.Error, diagnostic.Id, diagnostic.Message, colors: false));
                }

                console.WriteError($"'{path}' has errors; a baseline records a contract that builds.");
                return Task.FromResult(ExitCodes.Errors);
            }

            var file = ContractReader.Read(path, out _)!;
            var baseline = ContractBaseline.PathFor(file.Path);
            var existing = File.Exists(baseline) ? File.ReadAllText(baseline) : null;
            var summary = string.Empty;
            if (existing is not null && ContractVersion.Read(baseline, settings.Read(parse), out _, out _, cancellationToken, namedAs: path) is { } previous)
            {
                var comparison = ContractComparer.Compare(previous, snapshot, cancellationToken);
                summary = $" It accepts {comparison.Changes.Count} {(comparison.Changes.Count == 1 ? "change" : "changes")} ({comparison.Count(ChangeLevel.Breaking)} breaking, {comparison.Count(ChangeLevel.PotentiallyBreaking)} potentially breaking).";
            }

            // Byte for byte as the contract reads: the baseline is the contract as shipped.
            File.WriteAllBytes(baseline, File.ReadAllBytes(file.Path));
            console.Output.WriteLine(existing is null
                ? $"Wrote {baseline}: the contract as shipped. Commit it; the build now reports changes that break clients."
                : $"Updated {baseline}.{summary} Commit it.");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
