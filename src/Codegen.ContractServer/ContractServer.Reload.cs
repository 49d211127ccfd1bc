using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;

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
    public Task<ContractReloadResult> ReloadAsync(string path, string text, CancellationToken cancellationToken = default) =>
        ReloadAsync(new ContractInput(path, text), cancellationToken);

    /// <summary>Serves <paramref name="input"/> (a contract with its overlay and selection) from now on, as <see cref="ReloadAsync(string, string, CancellationToken)"/> does.</summary>
    public async Task<ContractReloadResult> ReloadAsync(ContractInput input, CancellationToken cancellationToken = default)
    {
        var (served, diagnostics) = await ServedContract.LoadAsync(input, cancellationToken);

        if (served is null)
        {
            return new ContractReloadResult(false, diagnostics);
        }

        _served = served;
        return new ContractReloadResult(true, diagnostics);
    }
}
