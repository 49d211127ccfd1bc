using Codegen.Contracts.Model;

namespace Codegen.Contracts.Evolution;

/// <summary>How a change affects clients built against the old contract.</summary>
public enum ChangeLevel
{
    /// <summary>Old clients keep working and keep compiling.</summary>
    Compatible,

    /// <summary>Old clients may fail, depending on what they send or read, or which generated members they name.</summary>
    PotentiallyBreaking,

    /// <summary>Old clients fail: the server rejects what they send, they cannot read what it answers, or their code no longer compiles.</summary>
    Breaking,
}

/// <summary>
/// One difference between two versions of a contract: its rule's id (CG2xxx, a page under <c>docs/diagnostics/</c>), how
/// serious it is for the direction the data travels, where it is in both files, what changed in the contract's words,
/// and the generated C# members it affects. A value, so that the generator can cache findings.
/// </summary>
public sealed record ContractChange
{
    public required string Id { get; init; }

    public required ChangeLevel Level { get; init; }

    public required string Message { get; init; }

    /// <summary>JSON pointer of the changed part in the old contract, or null when it has no counterpart there (an addition).</summary>
    public string? OldPointer { get; init; }

    /// <summary>JSON pointer of the changed part in the new contract, or null when it is gone (a removal).</summary>
    public string? NewPointer { get; init; }

    /// <summary>Where <see cref="OldPointer"/> is in the old file (its nearest existing ancestor for a removal).</summary>
    public SourceSpan? OldLocation { get; init; }

    /// <summary>Where <see cref="NewPointer"/> is in the new file (for a removal: where the removed part was, its nearest existing ancestor).</summary>
    public SourceSpan? NewLocation { get; init; }

    /// <summary>The generated C# members the change affects, e.g. <c>CompletionRequest.Temperature</c>, <c>ModelsLabClient.CreateCompletionAsync</c>.</summary>
    public EquatableArray<string> Members { get; init; }
}

/// <summary>The result of comparing two versions of a contract: every change, ordered by level (breaking first), then by position in the new file.</summary>
public sealed record ContractComparison(EquatableArray<ContractChange> Changes)
{
    public int Count(ChangeLevel level)
    {
        var count = 0;
        foreach (var change in Changes)
        {
            if (change.Level == level)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The most serious level among the changes, or null when the contracts do not differ in anything the rules look at.</summary>
    public ChangeLevel? Highest
    {
        get
        {
            ChangeLevel? highest = null;
            foreach (var change in Changes)
            {
                if (highest is null || change.Level > highest)
                {
                    highest = change.Level;
                }
            }

            return highest;
        }
    }
}
