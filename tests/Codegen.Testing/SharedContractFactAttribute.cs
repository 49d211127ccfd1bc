using Xunit;

namespace Codegen.Testing;

/// <summary>
/// A fact over the real-world contracts in <c>../shared/contracts</c> (one of them when a path is given); skipped,
/// with the path in the reason, on a machine where they are absent. CI always has them.
/// </summary>
public sealed class SharedContractFactAttribute : FactAttribute
{
    public SharedContractFactAttribute(string? relativePath = null)
    {
        var path = relativePath is null ? RepoPaths.SharedContracts : RepoPaths.SharedContract(relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Skip = $"The shared contract '{path}' is not present on this machine.";
        }
    }
}
