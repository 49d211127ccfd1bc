namespace Codegen.Testing;

/// <summary>
/// Where things are, found from the running assembly: the repository (the folder of <c>Codegen.sln</c>) and
/// <c>../shared</c> beside it (the contracts nobody here wrote and the official JSON Schema Test Suite).
/// </summary>
public static class RepoPaths
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> beside the repository (it may be absent on a developer's machine; CI has it).</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The real-world contracts: <c>../shared/contracts</c>.</summary>
    public static string SharedContracts => Path.Combine(Shared, "contracts");

    /// <summary>The official JSON Schema Test Suite: <c>../shared/json-schema-test-suite</c>.</summary>
    public static string JsonSchemaTestSuite => Path.Combine(Shared, "json-schema-test-suite");

    /// <summary>The repository's own contract: <c>schema/modelslab-completions.schema.json</c>.</summary>
    public static string ModelsLabContract => Path.Combine(Root, "schema", "modelslab-completions.schema.json");

    /// <summary>A path below the repository's root, from its parts.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A shared contract's path, from its path below <c>../shared/contracts</c>.</summary>
    public static string SharedContract(string relativePath) => Path.Combine(SharedContracts, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
            {
                return directory.FullName;
            }
        }

        // BenchmarkDotNet runs a copy of the benchmarks from a folder of its own: look above the working directory too.
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory + " or " + Environment.CurrentDirectory);
    }
}
