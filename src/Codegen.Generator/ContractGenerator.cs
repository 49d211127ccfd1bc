using System;
using System.Collections.Generic;
using System.Threading;
using Codegen.Contracts.Reading;
using Codegen.Emitters;
using Codegen.Emitters.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator;

/// <summary>
/// Generates typed records, builders, validation and JSON code from contract files.
/// The pipeline: AdditionalFiles marked <c>CodegenContract="true"</c>, with their
/// item metadata and overlays → <see cref="ContractInput"/> → parse to a value model → plan across contracts → emit. Diagnostics and sources are registered from separate outputs, so a diagnostic never defeats
/// the cache of the source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ContractGenerator : IIncrementalGenerator
{
    /// <summary>The item metadata that marks an AdditionalFiles item as a contract.</summary>
    public const string ContractMetadata = "build_metadata.AdditionalFiles.CodegenContract";

    /// <summary>The item metadata that marks an AdditionalFiles item as an overlay some contract names.</summary>
    public const string OverlayMetadata = "build_metadata.AdditionalFiles.CodegenOverlay";

    /// <summary>The type whose presence means the compilation references Microsoft.Extensions.Http.</summary>
    private const string HttpClientFactoryExtensions = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";


    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = ContractInputs(context).WithTrackingName(TrackingNames.ContractInputs);
        var files = inputs
            .Select(static (input, _) => new ContractFile(input.Path, input.Text))
            .WithTrackingName(TrackingNames.ContractFiles);

        var parsed = inputs
            .Select(static (input, cancellationToken) => ContractParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(ToDiagnostic(diagnostic)));

        var contracts = parsed
            .Where(static result => result.Contract is not null)
            .Select(static (result, _) => result.Contract!)
            .WithTrackingName(TrackingNames.Contracts);

        // Only a bool leaves the compilation, so the cache holds while the user edits code.
        var referencesHttpClientFactory = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(HttpClientFactoryExtensions) is not null)
            .WithTrackingName(TrackingNames.ReferencesHttpClientFactory);

        // Contracts are generated side by side: clashes between them are settled across all of them.
        var plans = contracts
            .Collect()
            .Combine(files.Collect())
            .Select(static (pair, _) => ContractPlanner.Plan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ContractPlans);
        context.RegisterSourceOutput(
            plans.SelectMany(static (plan, _) => plan.Diagnostics),
            static (spc, diagnostic) => spc.ReportDiagnostic(ToDiagnostic(diagnostic)));

        // Item by item again: a contract that was not edited gives an equal item, so its output stays cached.
        var planned = plans
            .SelectMany(static (plan, _) => plan.Planned)
            .WithTrackingName(TrackingNames.PlannedContracts);

        var emitInputs = planned
            .Combine(referencesHttpClientFactory)
            .Select(static (pair, _) => new EmitInput(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitInputs);
        context.RegisterSourceOutput(emitInputs, static (spc, input) => Emit(spc, input, spc.CancellationToken));

        ReportUnmarkedContracts(context, files);
        GuardWithBaselines(context, inputs, contracts, files);
    }

    private static bool IsContract(AnalyzerConfigOptions options) => IsTrue(options, ContractMetadata);

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static void Emit(SourceProductionContext context, EmitInput input, CancellationToken cancellationToken)
    {
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = ContractPlanner.Emit(input.Planned, input.ReferencesHttpClientFactory);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A generator that throws stops the whole compilation with CS8785; report it on the contract instead.
            context.ReportDiagnostic(ToDiagnostic(ContractPlanner.EmitFailure(input.Planned.Contract, ex)));
            return;
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.AddSource(file.HintName, file.Text);
        }
    }

    /// <summary>A planned contract and the one fact about the compilation that its code depends on.</summary>
    private sealed record EmitInput(PlannedContract Planned, bool ReferencesHttpClientFactory);
}
