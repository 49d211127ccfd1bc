using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Evolution;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Codegen.Emitters.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator;

/// <summary>
/// The compile-time guard. A contract with a baseline beside it (<see cref="ContractBaseline"/>: the contract as shipped,
/// an AdditionalFiles item marked <c>CodegenBaseline="true"</c> by the package's targets) is compared with it by the
/// evolution rules, and every breaking or potentially breaking change is reported at its line of the contract: an error
/// or a warning, which <c>.editorconfig</c> can change per id (<c>dotnet_diagnostic.CG2110.severity</c>). No baseline, no
/// guard: nothing is read or compared. The baseline is read with the contract's own item metadata and cached apart from
/// it, so an edit to the contract re-reads the contract only.
/// </summary>
public sealed partial class ContractGenerator
{
    /// <summary>The item metadata that marks an AdditionalFiles item as a contract's baseline.</summary>
    public const string BaselineMetadata = "build_metadata.AdditionalFiles.CodegenBaseline";

    /// <summary>A baseline file the project has.</summary>
    internal sealed record BaselineFile(string Path, string Text);

    /// <summary>
    /// A contract's baseline, read as the contract is read: the contract's path and item metadata with the baseline's text
    /// (<see cref="Input"/>), so that a baseline equal to a version of the contract reads exactly as that version did (the
    /// names a contract without <c>x-codegen</c> takes from its file name included). Its reading is made when a comparison
    /// first needs it and kept with this step's cached output, which an edit of the contract alone leaves cached. While the
    /// contract is byte for byte its baseline, the contract's own reading is that reading (<see cref="Adopt"/>): the first
    /// edit then compares without reading the baseline at all. Equality is the input's: the reading derives from it.
    /// </summary>
    internal sealed class BaselineRead : IEquatable<BaselineRead>
    {
        private ContractParseResult? _parsed;
        private ContractSnapshot? _snapshot;

        public BaselineRead(string path, ContractInput input)
        {
            Path = path;
            Input = input;
        }

        /// <summary>The baseline file, where a baseline that does not read is reported.</summary>
        public string Path { get; }

        /// <summary>The contract's input with the baseline's text.</summary>
        public ContractInput Input { get; }

        /// <summary>The reading, if one was made or adopted (for tests: whether the baseline was read).</summary>
        public ContractParseResult? Parsed => _parsed;

        /// <summary>The baseline ready to be compared, or null when it does not read (<see cref="Read"/> says why).</summary>
        public ContractSnapshot? Snapshot(CancellationToken cancellationToken)
        {
            if (_snapshot is null && Read(cancellationToken).Contract is { } shipped)
            {
                // Published whole: two runs of a forked driver may share this cached object.
                Interlocked.CompareExchange(ref _snapshot, new ContractSnapshot(shipped, Path, Input.Text), null);
            }

            return _snapshot;
        }

        /// <summary>The baseline read by the one parser, once.</summary>
        public ContractParseResult Read(CancellationToken cancellationToken)
        {
            if (_parsed is null)
            {
                Interlocked.CompareExchange(ref _parsed, ContractParser.Parse(Input, cancellationToken), null);
            }

            return _parsed!;
        }

        /// <summary>
        /// Takes <paramref name="contract"/> (the reading of an input equal to <see cref="Input"/>: the contract while it is its
        /// baseline) as this baseline's reading, which is then never made.
        /// </summary>
        public void Adopt(ContractSpec contract)
        {
            if (_snapshot is null)
            {
                Interlocked.CompareExchange(ref _parsed, new ContractParseResult(contract, EquatableArray<ContractDiagnostic>.Empty), null);
                Interlocked.CompareExchange(ref _snapshot, new ContractSnapshot(contract, Path, Input.Text), null);
            }
        }

        public bool Equals(BaselineRead? other) => other is not null && Path == other.Path && Input.Equals(other.Input);

        public override bool Equals(object? obj) => Equals(obj as BaselineRead);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Input.Text);
    }

    /// <summary>A contract's model and text, and its baseline (null when it has none).</summary>
    private sealed record GuardInput(ContractSpec Contract, string Text, BaselineRead? Baseline);

    private static void GuardWithBaselines(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ContractInput> inputs,
        IncrementalValuesProvider<ContractSpec> contracts,
        IncrementalValuesProvider<ContractFile> files)
    {
        var baselineFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsTrue(pair.Right.GetOptions(pair.Left), BaselineMetadata))
            .Select(static (pair, cancellationToken) => new BaselineFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect();

        // Each contract's baseline, read with the contract's metadata (namespace, prefix, overlay, selection) so that both
        // versions are what this project generates. Equal inputs stay cached when the contract alone is edited.
        var baselines = inputs
            .Combine(baselineFiles)
            .Select(static (pair, _) => BaselineInputFor(pair.Left, pair.Right))
            .Where(static input => input is not null)
            .Select(static (input, _) => new BaselineRead(input!.Value.BaselinePath, input.Value.Input))
            .WithTrackingName(TrackingNames.Baselines);

        var guarded = contracts
            .Combine(baselines.Collect())
            .Combine(files.Collect())
            .Select(static (pair, _) => GuardInputFor(pair.Left.Left, pair.Left.Right, pair.Right))
            .Where(static input => input?.Baseline is not null)
            .Select(static (input, cancellationToken) => Guard(input!, cancellationToken))
            .WithTrackingName(TrackingNames.EvolutionGuard);
        // The compiler applies the project's severities (dotnet_diagnostic.CG2110.severity in a .globalconfig) to these too.
        context.RegisterSourceOutput(guarded.SelectMany(static (changes, _) => changes), static (spc, change) => spc.ReportDiagnostic(ToGuardDiagnostic(change)));
    }

    private static (string BaselinePath, ContractInput Input)? BaselineInputFor(ContractInput contract, ImmutableArray<BaselineFile> baselines)
    {
        if (baselines.IsEmpty)
        {
            return null;
        }

        var expected = Normalize(ContractBaseline.PathFor(contract.Path));
        foreach (var baseline in baselines)
        {
            if (string.Equals(Normalize(baseline.Path), expected, StringComparison.OrdinalIgnoreCase))
            {
                return (baseline.Path, contract with { Text = baseline.Text });
            }
        }

        return null;
    }

    private static GuardInput? GuardInputFor(ContractSpec contract, ImmutableArray<BaselineRead> baselines, ImmutableArray<ContractFile> files)
    {
        foreach (var baseline in baselines)
        {
            if (baseline.Input.Path != contract.FilePath)
            {
                continue;
            }

            foreach (var file in files)
            {
                if (file.Path == contract.FilePath)
                {
                    return new GuardInput(contract, file.Text, baseline);
                }
            }
        }

        return null;
    }

    /// <summary>The changes that can break clients, as diagnostics on the contract; a baseline that does not read says why.</summary>
    private static EquatableArray<ContractDiagnostic> Guard(GuardInput input, CancellationToken cancellationToken)
    {
        var baseline = input.Baseline!;
        if (string.Equals(baseline.Input.Text, input.Text, StringComparison.Ordinal))
        {
            // The contract is byte for byte the baseline: nothing can have changed, and the contract's reading is the baseline's.
            baseline.Adopt(input.Contract);
            return EquatableArray<ContractDiagnostic>.Empty;
        }

        if (baseline.Snapshot(cancellationToken) is not { } shipped)
        {
            var problems = new List<ContractDiagnostic>();
            foreach (var diagnostic in baseline.Read(cancellationToken).Diagnostics)
            {
                if (DiagnosticBag.SeverityOf(diagnostic.Id) == ContractSeverity.Error)
                {
                    // Read as the contract is read, so its positions are the baseline's lines in the contract's name.
                    problems.Add(diagnostic with
                    {
                        Message = "The baseline does not read, so the contract is not compared with it: " + diagnostic.Message,
                        Location = diagnostic.Location.Relocated(baseline.Input.Path, baseline.Path),
                    });
                }
            }

            return problems.ToEquatableArray();
        }

        var comparison = ContractComparer.Compare(
            shipped,
            new ContractSnapshot(input.Contract, input.Contract.FilePath, input.Text),
            locateInOldFile: false,
            cancellationToken);
        var reported = new List<ContractDiagnostic>();
        var accept = $" The baseline {Path.GetFileName(baseline.Path)} records the contract as shipped; if the change is intended, accept it with 'codegen baseline {Path.GetFileName(input.Contract.FilePath)}'.";
        foreach (var change in comparison.Changes)
        {
            if (change.Level != ChangeLevel.Compatible)
            {
                var location = change.NewLocation ?? SourceSpan.At(input.Contract.FilePath, 0, 0);
                reported.Add(new ContractDiagnostic(change.Id, $"[{LevelName(change.Level)}] {change.Message}.{accept}", location));
            }
        }

        return reported.ToEquatableArray();
    }

    private static string LevelName(ChangeLevel level) => level == ChangeLevel.Breaking ? "breaking" : "potentially breaking";

    /// <summary>A change at its level: breaking is an error, potentially breaking a warning (the message says which); .editorconfig overrides either.</summary>
    private static Diagnostic ToGuardDiagnostic(ContractDiagnostic change)
    {
        var diagnostic = ToDiagnostic(change);
        var severity = change.Message.StartsWith("[breaking]", StringComparison.Ordinal) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        if (diagnostic.Severity == severity || !change.Message.StartsWith("[", StringComparison.Ordinal))
        {
            return diagnostic;
        }

        var span = change.Location;
        var location = Location.Create(span.Path, default(TextSpan), new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(diagnostic.Descriptor, location, severity, additionalLocations: null, properties: null, change.Message);
    }
}
