using System;

namespace Codegen.Contracts.Evolution;

/// <summary>
/// The baseline of a contract: the contract as shipped, byte for byte, in a file beside it whose name adds
/// <c>.baseline</c> before the extension (<c>schema/api.schema.json</c> has <c>schema/api.schema.baseline.json</c>,
/// <c>openapi.yaml</c> has <c>openapi.baseline.yaml</c>). It is committed like <c>PublicAPI.Shipped.txt</c>: the build
/// compares the contract with it and reports breaking changes at their line; <c>codegen baseline &lt;contract&gt;</c>
/// writes it, accepting the changes. Being the contract itself, it is read by the one parser with the same item metadata.
/// </summary>
public static class ContractBaseline
{
    public const string Marker = ".baseline";

    /// <summary>The baseline path of <paramref name="contractPath"/>, in the same folder.</summary>
    public static string PathFor(string contractPath)
    {
        var extension = System.IO.Path.GetExtension(contractPath);
        return contractPath.Substring(0, contractPath.Length - extension.Length) + Marker + extension;
    }

    /// <summary>True for a file named as a baseline (<c>x.baseline.json</c>): it is no contract of its own.</summary>
    public static bool IsBaseline(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).EndsWith(Marker, StringComparison.OrdinalIgnoreCase);
}
