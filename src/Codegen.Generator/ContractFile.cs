namespace Codegen.Generator;

/// <summary>A contract file's path and text: the only input the parser gets, compared by value.</summary>
internal sealed record ContractFile(string Path, string Text);
