namespace Codegen.Contracts.Tests;

/// <summary>The real contracts in ../shared/contracts, found from the test assembly; tests that need them skip when they are absent.</summary>
internal static class SharedContracts
{
    public static string? Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root ?? throw new InvalidOperationException("../shared/contracts is not beside the repository."), relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "contracts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared/contracts; skipped, with the reason, where it is absent.</summary>
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute()
    {
        if (SharedContracts.Root is null)
        {
            Skip = "../shared/contracts is not beside the repository.";
        }
    }
}

/// <summary>A theory that needs ../shared/contracts; skipped, with the reason, where it is absent.</summary>
public sealed class SharedContractTheoryAttribute : TheoryAttribute
{
    public SharedContractTheoryAttribute()
    {
        if (SharedContracts.Root is null)
        {
            Skip = "../shared/contracts is not beside the repository.";
        }
    }
}
