using System;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Reading;

/// <summary>
/// Positions in a contract's text for problems found after parsing, such as a clash between two
/// contracts: the model keeps JSON pointers only, so that its equality ignores whitespace.
/// </summary>
public static class ContractLocations
{
    /// <summary>The span of the key at <paramref name="pointer"/> (or of its nearest existing ancestor); the file start if the text is unreadable.</summary>
    public static SourceSpan SpanOf(string path, string text, string pointer)
    {
        try
        {
            return ContractDocument.Load(path, text).SpanOf(pointer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SourceSpan.At(path, 0, 0);
        }
    }
}
