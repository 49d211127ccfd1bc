namespace Codegen.Contracts.Model;

/// <summary>A problem found in a contract, with its position in the contract file.</summary>
public sealed record ContractDiagnostic(string Id, string Message, SourceSpan Location);

/// <summary>A position in a contract file: zero-based lines and columns, as Roslyn's LinePosition counts them.</summary>
public sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan At(string path, int line, int column, int length = 1) =>
        new(path, line, column, line, column + length);

    /// <summary>
    /// This span in <paramref name="path"/> when it names <paramref name="readAs"/>: a file read under another file's name (a
    /// baseline or an old version read as its contract is named) places its own values in the name it was read under.
    /// </summary>
    public SourceSpan Relocated(string readAs, string path) => Path == readAs ? this with { Path = path } : this;

    public override string ToString() => $"{Path}({StartLine + 1},{StartColumn + 1})";
}

/// <summary>The result of reading a contract: a model when one could be made, and every diagnostic.</summary>
public sealed record ContractParseResult(ContractSpec? Contract, EquatableArray<ContractDiagnostic> Diagnostics);
