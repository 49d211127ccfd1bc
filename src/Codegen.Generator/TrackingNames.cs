namespace Codegen.Generator;

/// <summary>Names of the pipeline's steps, so that tests can check each one is cached.</summary>
public static class TrackingNames
{
    public const string ContractItems = nameof(ContractItems);
    public const string Overlays = nameof(Overlays);
    public const string ContractInputs = nameof(ContractInputs);
    public const string ContractFiles = nameof(ContractFiles);
    public const string Parsed = nameof(Parsed);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Contracts = nameof(Contracts);
    public const string ReferencesHttpClientFactory = nameof(ReferencesHttpClientFactory);
    public const string ContractPlans = nameof(ContractPlans);
    public const string PlannedContracts = nameof(PlannedContracts);
    public const string EmitInputs = nameof(EmitInputs);
    public const string UnmarkedContracts = nameof(UnmarkedContracts);
    public const string Baselines = nameof(Baselines);
    public const string EvolutionGuard = nameof(EvolutionGuard);

    /// <summary>Every step, in pipeline order.</summary>
    public static readonly string[] All = [ContractItems, Overlays, ContractInputs, ContractFiles, Parsed, Diagnostics, Contracts, ReferencesHttpClientFactory, ContractPlans, PlannedContracts, EmitInputs, UnmarkedContracts, Baselines, EvolutionGuard];
}
