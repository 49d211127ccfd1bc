using Codegen.Contracts.Model;

namespace Codegen.ContractServer;

/// <summary>What a reload did: whether the new contract is now served, and what its parser reported.</summary>
/// <param name="Reloaded">True when the new text is served; false when it gave no contract and the previous one stays.</param>
public sealed record ContractReloadResult(bool Reloaded, EquatableArray<ContractDiagnostic> Diagnostics);

public sealed partial class ContractServer
{
    /// <summary>The contract in force. Replaced whole by a reload; each request reads it once.</summary>
    private volatile ServedContract _served;

    /// <summary>The contract being served.</summary>
    public ContractSpec Contract => _served.Contract;

    /// <summary>
    /// Serves <paramref name="text"/> from now on, on the same port: requests already running finish
    /// with the contract they started with. A text that gives no contract leaves the previous one serving.
    /// </summary>
    public async Task<ContractReloadResult> ReloadAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        var (served, diagnostics) = await ServedContract.LoadAsync(path, text, cancellationToken);

        if (served is null)
        {
            return new ContractReloadResult(false, diagnostics);
        }

        _served = served;
        return new ContractReloadResult(true, diagnostics);
    }
}
