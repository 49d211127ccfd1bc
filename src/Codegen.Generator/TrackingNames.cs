namespace Codegen.Generator;

/// <summary>Names of the pipeline's steps, so that tests can check each one is cached.</summary>
public static class TrackingNames
{
    public const string ContractFiles = nameof(ContractFiles);
    public const string Parsed = nameof(Parsed);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Contracts = nameof(Contracts);
}
