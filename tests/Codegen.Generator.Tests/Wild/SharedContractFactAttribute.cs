namespace Codegen.Generator.Tests.Wild;

/// <summary>
/// A fact over a real-world contract under <see cref="GeneratorHarness.SharedContractsDirectory"/>;
/// skipped, with the path in the reason, on machines where the shared contracts are absent.
/// </summary>
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute(string relativePath)
    {
        var path = Path.Combine(GeneratorHarness.SharedContractsDirectory, relativePath);
        if (!File.Exists(path))
        {
            Skip = $"The shared contract '{path}' is not present on this machine.";
        }
    }
}
